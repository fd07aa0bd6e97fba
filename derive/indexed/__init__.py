"""Indexed derivatives: the softmax Jacobian (i = j, i ≠ j), the cross-entropy gradient σ − y,
and the same engine for any expression over vector entries with sums over a bound index.

Only what is about softmax and its relatives lives here; the rest is derive's one pipeline: the
input is read by :mod:`derive.parse` (its index syntax), traced by :mod:`derive.trace` with the
indexed rules in front of the ordinary ones, tidied by :mod:`derive.tidy` (sums kept whole),
checked with the sampler of :mod:`derive.verify` and written by :mod:`derive.render.json`.

Modules: ``notation`` (entries z_j, Σ_{j≠i}, printing), ``steps`` (the indexed Step classes:
∂z_j/∂z_i = δ_ij, sums over an index), ``rules`` (their matchers, the dependence on an entry,
and :func:`~.rules.differentiate`), ``recognise`` (σ_m, p_m, s_m), ``verify`` (each claim
expanded at n = 2, 3, 4 and compared numerically), ``stages`` (the result object), ``softmax``
and ``jacobian`` (the topics; ``jacobian`` holds the index syntax it reads), ``narrate``
(Documents).  The commands are in :mod:`derive.cli.indexed`.  To add a topic, build its stages
from the engine in a new module and narrate them in ``narrate``.
"""

from .jacobian import PlainJacobian, jacobian
from .softmax import softmax
from .stages import IndexedResult, Stage

__all__ = ["IndexedResult", "PlainJacobian", "Stage", "jacobian", "softmax"]
