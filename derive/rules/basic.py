"""Matchers for the rules that need no function table: constants, the variable, sums,
constant multiples and the power rule.

A matcher takes ``(expr, var, ctx)`` and returns a Step or ``None`` (not mine).  Whether a part
depends on ``var`` is always asked of ``ctx.depends`` (never ``expr.has(var)``), so the same
matchers serve a derivation by an entry ``z_i``, on which ``z_j`` depends.
"""

from __future__ import annotations

from sympy import Expr, Integer, Mul, Symbol
from sympy.core.function import AppliedUndef
from sympy.core.mul import _unevaluated_Mul

from ..notation.spelling import printed_terms
from ..steps import ConstantMultipleStep, ConstantStep, HeldConstantStep, PowerStep, SumStep, VariableStep
from .context import TraceContext


def sorted_symbols(expr: Expr) -> tuple[Symbol, ...]:
    return tuple(sorted(expr.free_symbols, key=lambda s: s.name))


def match_constant(expr: Expr, var: Symbol, ctx: TraceContext):
    if ctx.depends(expr, var):
        return None
    held = tuple(s for s in sorted_symbols(expr) if s != var)
    if held or expr.atoms(AppliedUndef):
        return HeldConstantStep(expr=expr, var=var, result=Integer(0), held_constant=held)
    return ConstantStep(expr=expr, var=var, result=Integer(0))


def match_variable(expr: Expr, var: Symbol, ctx: TraceContext):
    if expr == var:
        return VariableStep(expr=expr, var=var, result=Integer(1))
    return None


def match_sum(expr: Expr, var: Symbol, ctx: TraceContext):
    if not expr.is_Add:
        return None
    terms = tuple(ctx.trace(term, var) for term in printed_terms(expr))
    return SumStep.build(expr=expr, var=var, terms=terms, tidy=ctx.tidy)


def split_constant(expr: Expr, var: Symbol, ctx: TraceContext) -> tuple[Expr, Expr]:
    """(the factors of a product that do not depend on ``var``, those that do)."""
    constant = [f for f in expr.args if not ctx.depends(f, var)]
    varying = [f for f in expr.args if ctx.depends(f, var)]
    return Mul(*constant), _unevaluated_Mul(*varying)


def match_constant_multiple(expr: Expr, var: Symbol, ctx: TraceContext):
    if not expr.is_Mul:
        return None
    constant, factor = split_constant(expr, var, ctx)
    if constant == 1:
        return None
    factor_step = ctx.trace(factor, var)
    return ConstantMultipleStep.build(expr=expr, var=var, constant=constant, factor=factor,
                                      factor_step=factor_step, tidy=ctx.tidy)


def match_power(expr: Expr, var: Symbol, ctx: TraceContext):
    if not (expr.is_Pow and expr.base == var and not ctx.depends(expr.exp, var)):
        return None
    n = expr.exp
    return PowerStep(expr=expr, var=var, result=n * var ** (n - 1), exponent=n)
