"""Indexed derivatives: the softmax Jacobian (i = j, i ≠ j), the cross-entropy gradient σ − y,
and the same engine for any expression over vector entries with sums over a bound index.

Only what is about softmax and its relatives lives here; the rest is derive's one pipeline: the
input is read by :mod:`derive.parse` (its index syntax), traced by :mod:`derive.trace` with the
indexed rules in front of the ordinary ones, tidied by :mod:`derive.tidy` (sums kept whole),
checked with the sampler of :mod:`derive.verify` and written by :mod:`derive.render.json`.

Modules: ``steps`` (the indexed Step classes: ∂z_j/∂z_i = δ_ij, sums over an index), ``rules``
(their matchers, the dependence on an entry, and :func:`~.rules.differentiate`), ``recognise``
(σ_m, p_m, s_m), ``verify`` (each claim expanded at n = 2, 3, 4 and compared numerically),
``stages`` (a stage of the derivation, its kinds, and the result base class), ``softmax`` and
``jacobian`` (the topics and their result classes; ``jacobian`` holds the index syntax it
reads).  The notation (entries z_j, Σ_{j≠i}) is :mod:`derive.notation.indexed`; the narration
:mod:`derive.narrate.indexed`; the commands :mod:`derive.cli.indexed`.  To add a topic, build its stages from the engine in a new module,
give it a result class deriving from :class:`IndexedResult`, and narrate it in
:mod:`derive.narrate.indexed`.
"""

from .jacobian import IndexedJacobian, PlainJacobian, jacobian
from .softmax import SoftmaxResult, softmax
from .stages import IndexedResult, Stage, StageKind

__all__ = ["IndexedJacobian", "IndexedResult", "PlainJacobian", "SoftmaxResult", "Stage",
           "StageKind", "jacobian", "softmax"]
