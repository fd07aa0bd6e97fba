"""The one verification service: every claim derive makes is checked here.

* :mod:`.sampling` — one seeded :class:`Sampler` (one seed, one list of boxes) and the one
  definition of a usable point: every value real, finite and moderate;
* :mod:`.comparison` — the one symbolic comparison (:func:`symbolically_equal`, by named bounded
  rewrites; :func:`symbolic_proof` with the chain of forms) and the one numeric comparison (:func:`numeric_check`), and :func:`compare`, both
  in turn, for a topic's answer against an independent sympy computation;
* :mod:`.verdict` — the one verdict type, :class:`Verdict`, with its one JSON form;
* :mod:`.tree` — :func:`verify`: every node of a Step tree and the whole derivation against
  ``sympy.diff`` (:func:`sympy_derivative`, the oracle).

Topics compare their answers with :func:`compare`; indexed formulas are expanded at concrete n
(:mod:`derive.indexed.verify`) and compared by :func:`numeric_check`; answer checking builds its
richer verdict (:mod:`derive.checking.equivalence`) on the same sampler and comparisons.  To add
a way of checking, build it from these pieces and return a :class:`Verdict`.
"""

from .comparison import (CHEAP, Proof, Rewrite, compare, numeric_check, symbolic_proof,
                         symbolically_equal, values)
from .sampling import Sampler, stand_in
from .tree import Verification, sympy_derivative, verify
from .verdict import Verdict, Witness, all_of

__all__ = ["CHEAP", "Proof", "Rewrite", "Sampler", "Verdict", "Verification", "all_of", "compare",
           "numeric_check", "stand_in", "symbolic_proof", "symbolically_equal", "sympy_derivative",
           "values", "verify", "Witness"]
