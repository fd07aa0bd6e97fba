"""Differentiating indexed expressions by one entry ``z_i``: the ordinary tracer, with the
indexed rules in front of its matcher table.

What indexed expressions add to ordinary tracing is *dependence* (``z_j`` depends on ``z_i``
through ``δ_ij`` even though the two entries differ: :func:`depends_on_entry`, injected as the
tracer's dependence test), the entry rule ``∂z_j/∂z_i = δ_ij``, sums over a bound index (whose
Kronecker delta :class:`~derive.indexed.steps.IndexSumStep` collapses), and the held-constant
terms of an entry (the entries they hold, rather than symbols).  Everything else (sums,
products, quotients, the chain rule, every tabled function) is the ordinary rules.  Results are
tidied with sums over an index kept whole (:func:`derive.tidy.tidy_steps` with ``sums=True``).

To add an indexed rule: a Step class in :mod:`derive.indexed.steps`, a matcher here in
:data:`INDEXED_MATCHERS`, and the rest of the checklist in :mod:`derive.rules`.
"""

from __future__ import annotations

from functools import partial

from sympy import Expr, Indexed, Integer, KroneckerDelta, Sum

from ..errors import UsageError
from ..names import NameSupply
from ..notation import entries
from ..rules import MATCHERS, TraceContext
from ..sizes import Dependence
from ..steps import ConstantStep, HeldConstantStep, Step
from ..tidy import tidy_steps
from ..trace import trace
from .steps import IndexedVariableStep, IndexSumStep


class EntryDependence:
    """Whether an expression can change with the variable: for an entry ``z_i``, whether it
    holds an entry of the same vector; for a plain symbol (the ``u`` of a chain rule), as usual."""

    def __init__(self) -> None:
        self.ordinary = Dependence()

    def __call__(self, expr: Expr, var: Expr) -> bool:
        if isinstance(var, Indexed):
            return any(e.base == var.base for e in expr.atoms(Indexed))
        return self.ordinary(expr, var)


def match_entry_constant(expr: Expr, var, ctx: TraceContext):
    """∂c/∂z_i = 0 for a number, and for a term that holds no entry of z (held constant)."""
    if not isinstance(var, Indexed) or ctx.depends(expr, var):
        return None
    if expr.is_number:
        return ConstantStep(expr=expr, var=var, result=Integer(0))
    held = tuple(entries(expr)) or tuple(sorted(expr.free_symbols, key=str))
    return HeldConstantStep(expr=expr, var=var, result=Integer(0), held_constant=held)


def match_entry(expr: Expr, var, ctx: TraceContext):
    """∂z_j/∂z_i = δ_ij."""
    if not (isinstance(var, Indexed) and isinstance(expr, Indexed)) or expr == var:
        return None
    return IndexedVariableStep(expr=expr, var=var,
                               result=KroneckerDelta(var.indices[0], expr.indices[0]))


def match_index_sum(expr: Expr, var, ctx: TraceContext):
    """∂/∂z_i Σ_k f_k = Σ_k ∂f_k/∂z_i, collapsed by the Kronecker delta."""
    if not (isinstance(var, Indexed) and isinstance(expr, Sum)):
        return None
    if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
        raise UsageError("jacobian.sum_one_index")
    return IndexSumStep.build(expr=expr, var=var, index=expr.limits[0][0],
                              summand_step=ctx.trace(expr.function, var), tidy=ctx.tidy)


INDEXED_MATCHERS = (match_entry_constant, match_entry, match_index_sum)


def differentiate(expr: Expr, var, names: NameSupply | None = None) -> Step:
    """The step-by-step derivative ∂expr/∂var for an entry ``var`` (or a plain symbol)."""
    return trace(expr, var, names or NameSupply.for_expression(expr),
                 matchers=INDEXED_MATCHERS + MATCHERS, depends=EntryDependence(),
                 tidy=partial(tidy_steps, sums=True))

