"""Matchers for functions: exp, aˣ, ln, the tabled functions of the registry
:data:`derive.functions.TABLE` (trig, inverse trig, hyperbolic, inverse hyperbolic, σ, softplus,
…), |x|, ReLU, fᵍ by logarithmic differentiation, the chain rule for any of them applied to an
inner function, and the visible fallback.

A function with a one-line derivative needs nothing here: its registry entry gives the
derivative at the bare variable, and the chain rule covers it automatically (see the checklist
in :mod:`derive.rules`).
"""

from __future__ import annotations

from typing import Callable

from sympy import Abs, Expr, Function, Heaviside, Symbol, exp, log, sign

from ..functions import TABLED, relu
from ..steps import (AbsStep, ChainStep, ExponentialStep, ExpStep, FunctionStep, LogDiffStep,
                     LogStep, ReluStep, UnknownStep)
from .context import TraceContext


def chain_step(expr: Expr, inner: Expr, var: Symbol, ctx: TraceContext,
               make_outer: Callable[[Symbol], Expr]) -> ChainStep:
    """The chain rule for ``expr = f(inner)``, where ``make_outer(u)`` builds ``f(u)``."""
    u = ctx.names.fresh()
    outer = make_outer(u)
    outer_step = ctx.trace(outer, u)
    inner_step = ctx.trace(inner, var)
    return ChainStep.build(expr=expr, var=var, outer=outer, inner=inner, u=u,
                           outer_step=outer_step, inner_step=inner_step, tidy=ctx.tidy)


def _single_argument(expr: Expr, classes) -> Expr | None:
    if isinstance(expr, classes) and len(expr.args) == 1:
        return expr.args[0]
    return None


def match_exp(expr: Expr, var: Symbol, ctx: TraceContext):
    arg = _single_argument(expr, exp)
    if arg is None:
        return None
    if arg == var:
        return ExpStep(expr=expr, var=var, result=expr)
    return chain_step(expr, arg, var, ctx, exp)


def match_log(expr: Expr, var: Symbol, ctx: TraceContext):
    arg = _single_argument(expr, log)
    if arg is None:
        return None
    if arg == var:
        return LogStep(expr=expr, var=var, result=1 / var)
    return chain_step(expr, arg, var, ctx, log)


def match_table(expr: Expr, var: Symbol, ctx: TraceContext):
    entry = TABLED.get(type(expr))
    if entry is None or len(expr.args) != 1:
        return None
    arg = expr.args[0]
    if arg == var:
        return FunctionStep(expr=expr, var=var, result=entry.derivative(var), family=entry.family,
                            function=entry.name)
    return chain_step(expr, arg, var, ctx, type(expr))


def match_abs(expr: Expr, var: Symbol, ctx: TraceContext):
    arg = _single_argument(expr, Abs)
    if arg is None:
        return None
    if arg == var:
        return AbsStep(expr=expr, var=var, result=sign(var))
    return chain_step(expr, arg, var, ctx, Abs)


def match_relu(expr: Expr, var: Symbol, ctx: TraceContext):
    arg = _single_argument(expr, relu)
    if arg is None:
        return None
    if arg == var:
        return ReluStep(expr=expr, var=var, result=Heaviside(var, 0))
    return chain_step(expr, arg, var, ctx, relu)


def match_powers(expr: Expr, var: Symbol, ctx: TraceContext):
    """gⁿ (chain rule with outer uⁿ), aᵍ (exponential), fᵍ (logarithmic differentiation)."""
    if not expr.is_Pow:
        return None
    base, exponent = expr.base, expr.exp
    base_varies, exponent_varies = ctx.depends(base, var), ctx.depends(exponent, var)
    if base_varies and not exponent_varies:
        return chain_step(expr, base, var, ctx, lambda u: u**exponent)
    if exponent_varies and not base_varies:
        if exponent == var:
            return ExponentialStep(expr=expr, var=var, result=expr * log(base), base=base)
        return chain_step(expr, exponent, var, ctx, lambda u: base**u)
    log_form = exponent * log(base)
    return LogDiffStep.build(expr=expr, var=var, base=base, exponent=exponent, log_form=log_form,
                             log_step=ctx.trace(log_form, var), tidy=ctx.tidy)


def match_function_of_inner(expr: Expr, var: Symbol, ctx: TraceContext):
    """Any other one-argument function of an inner expression: chain rule, outer by fallback."""
    if not isinstance(expr, Function) or len(expr.args) != 1 or expr.args[0] == var:
        return None
    return chain_step(expr, expr.args[0], var, ctx, expr.func)


def fallback(expr: Expr, var: Symbol, ctx: TraceContext) -> UnknownStep:
    """The visible fallback: sympy's derivative, marked as not explained."""
    from sympy import diff
    from sympy.core.function import AppliedUndef

    if isinstance(expr, AppliedUndef):
        reason = "undefined_function"
    elif isinstance(expr, Function) and len(expr.args) > 1:
        reason = "several_arguments"
    else:
        reason = "no_rule"
    name = str(expr.func) if isinstance(expr, Function) else type(expr).__name__
    return UnknownStep(expr=expr, var=var, result=diff(expr, var), reason=reason, name=name)


__all__ = ["chain_step", "fallback"]
