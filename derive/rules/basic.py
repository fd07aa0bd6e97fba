"""Matchers for the rules that need no function table: constants, the variable, sums,
constant multiples and the power rule.

A matcher takes ``(expr, var, ctx)`` and returns a Step or ``None`` (not mine).
"""

from __future__ import annotations

from sympy import Add, Expr, Integer, Mul, Symbol
from sympy.core.function import AppliedUndef

from ..steps import ConstantStep, ConstantMultipleStep, HeldConstantStep, PowerStep, SumStep, VariableStep
from ..tidy import tidy
from .context import TraceContext, if_different


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
    terms = tuple(ctx.trace(term, var) for term in expr.args)
    raw = Add(*(t.result for t in terms), evaluate=False)
    result = tidy(Add(*(t.result for t in terms)))
    return SumStep(expr=expr, var=var, result=result, raw=if_different(raw, result), terms=terms)


def match_constant_multiple(expr: Expr, var: Symbol, ctx: TraceContext):
    if not expr.is_Mul:
        return None
    constant, factor = expr.as_independent(var, as_Add=False)
    if constant == 1:
        return None
    factor_step = ctx.trace(factor, var)
    raw = Mul(constant, factor_step.result, evaluate=False)
    result = tidy(constant * factor_step.result)
    return ConstantMultipleStep(expr=expr, var=var, result=result, raw=if_different(raw, result),
                                constant=constant, factor=factor, factor_step=factor_step)


def match_power(expr: Expr, var: Symbol, ctx: TraceContext):
    if not (expr.is_Pow and expr.base == var and not expr.exp.has(var)):
        return None
    n = expr.exp
    return PowerStep(expr=expr, var=var, result=n * var ** (n - 1), exponent=n)
