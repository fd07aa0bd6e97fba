"""Checking a learner's derivative: right or wrong, why it is equal, and which slip made it wrong.

``check(expression, answer, wrt=None)`` → :class:`CheckResult`.  The package is split by job:

* :mod:`.equivalence` — is the answer the same function as the derivative (symbolic proofs by
  bounded rewrites, a seeded numeric probe), and the chain of forms that shows it;
* :mod:`.mistakes` — one function per typical slip (the node's result a learner would write);
* :mod:`.recombine` — a step's result recomputed from its children by the rule's formula, so a
  slip at one node can be carried up to the final answer;
* :mod:`.diagnose` — every slip at every node, compared with the answer;
* :mod:`.result` — the entry point and the result object with its JSON.

Its narration (in every language) is :mod:`derive.narrate.checking`.

(It is not called ``derive.check`` so that ``derive.check`` can be the function.)
"""

from .result import CheckResult, check

__all__ = ["CheckResult", "check"]
