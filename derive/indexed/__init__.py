"""Indexed derivatives: the softmax Jacobian (i = j, i ≠ j), the cross-entropy gradient σ − y,
and the same engine for any expression over vector entries with sums over a bound index.

Modules: ``steps`` (the indexed Step classes), ``calculus`` (the differentiator and the
Kronecker-delta collapse of sums), ``recognise`` (σ_m, p_m, s_m), ``check`` (numeric
verification at n = 2, 3, 4), ``stages`` (a stage of the derivation, its kinds, and the result
base class), ``softmax`` and ``jacobian`` (the topics and their result classes), ``syntax`` (the
input language of ``derive jacobian``).  The notation (entries z_j, Σ_{j≠i}) is
:mod:`derive.notation.indexed`; the narration :mod:`derive.narrate.indexed`; the commands
:mod:`derive.cli.indexed`.  To add a topic, build its stages from the engine in a new module,
give it a result class deriving from :class:`IndexedResult`, and narrate it in
:mod:`derive.narrate.indexed`.
"""

from .jacobian import IndexedJacobian, PlainJacobian, jacobian
from .softmax import SoftmaxResult, softmax
from .stages import IndexedResult, Stage, StageKind

__all__ = ["IndexedJacobian", "IndexedResult", "PlainJacobian", "SoftmaxResult", "Stage",
           "StageKind", "jacobian", "softmax"]
