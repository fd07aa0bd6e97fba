"""Indexed derivatives: the softmax Jacobian (i = j, i ≠ j), the cross-entropy gradient σ − y,
and the same engine for any expression over vector entries with sums over a bound index.

Modules: ``notation`` (entries z_j, Σ_{j≠i}, printing), ``steps`` (the indexed Step classes),
``calculus`` (the differentiator and the Kronecker-delta collapse of sums), ``recognise`` (σ_m,
p_m, s_m), ``check`` (numeric verification at n = 2, 3, 4), ``stages`` (the result object),
``softmax`` and ``jacobian`` (the topics), ``narrate`` (Documents), ``syntax`` (the input
language of ``derive jacobian``), ``cli`` (the two commands).  To add a topic, build its stages
from the engine in a new module and narrate them in ``narrate``.
"""

from .jacobian import PlainJacobian, jacobian
from .softmax import softmax
from .stages import IndexedResult, Stage

__all__ = ["IndexedResult", "PlainJacobian", "Stage", "jacobian", "softmax"]
