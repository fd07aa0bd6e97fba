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

from sympy import Abs, Add, Expr, Function, Heaviside, Mul, Symbol, exp, fraction, log, sign

from ..functions import TABLED, relu
from ..notation.spelling import Spelling, current, printed_factors, spelled
from ..steps import (AbsStep, ChainStep, ExponentialStep, ExpStep, FunctionStep, LogDiffStep,
                     LogLawsStep, LogProductStep, LogStep, ReluStep, Step, UnknownStep)
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


def _powered(factor: Expr, var: Symbol, ctx: TraceContext) -> bool:
    """A factor fⁿ with f depending on ``var`` and a constant exponent n ≠ 1."""
    return (factor.is_Pow and ctx.depends(factor.base, var)
            and not ctx.depends(factor.exp, var))


def log_terms(product: Expr, var: Symbol, ctx: TraceContext) -> list[Expr]:
    """ln of a product by the log laws, in the order a book writes them: the numerator's
    factors in the order typed (:func:`~derive.notation.spelling.printed_factors`), then the
    denominator's: ln(x²·sin x/(2x+1)) = 2·ln x + ln sin x − ln(2x+1)."""
    factors = printed_factors(product)
    ordered = ([f for f in factors if not _divisor(f)] + [f for f in factors if _divisor(f)])
    return [factor.exp * log(factor.base) if _powered(factor, var, ctx)
            else -log(1 / factor) if _divisor(factor) else log(factor)   # −ln eˣ for e^(−x)
            for factor in ordered]


def _divisor(factor: Expr) -> bool:
    """A factor of the denominator: 1/g, g⁻ⁿ, e^(−x)."""
    return fraction(factor)[1] != 1


def _traced_in_order(terms: list[Expr], var: Symbol, ctx: TraceContext) -> tuple[Expr, Step]:
    """The sum of ``terms`` and its derivative, the terms taken (and printed) in this order."""
    written = Add(*terms, evaluate=False)
    with spelled(current().merged(Spelling(orders=((written, tuple(terms)),)))):
        return written, ctx.trace(written, var)


def match_log_laws(expr: Expr, var: Symbol, ctx: TraceContext):
    """ln of a product, a quotient or a power: the log laws first (ln(x² sin x/(2x+1)) =
    2 ln x + ln sin x − ln(2x+1)), then term by term."""
    arg = _single_argument(expr, log)
    if arg is None:
        return None
    varying = [f for f in Mul.make_args(arg) if ctx.depends(f, var)]
    if not (len(varying) >= 2 or (len(varying) == 1 and _powered(varying[0], var, ctx)
                                  and varying[0].exp != -1)):
        return None
    expanded, expanded_step = _traced_in_order(log_terms(arg, var, ctx), var, ctx)
    return LogLawsStep.build(expr=expr, var=var, expanded=expanded,
                             expanded_step=expanded_step, tidy=ctx.tidy)


def match_log_product(expr: Expr, var: Symbol, ctx: TraceContext):
    """A product or quotient of several powered factors (at least three factors that vary, two
    of them powers of a sum or a function): logarithmic differentiation, y′ = y·(ln y)′."""
    if not expr.is_Mul:
        return None
    varying = [f for f in expr.args if ctx.depends(f, var)]
    powered = [f for f in varying if _powered(f, var, ctx) and not f.base.is_Symbol]
    if len(varying) < 3 or len(powered) < 2:
        return None
    log_form, log_step = _traced_in_order(log_terms(expr, var, ctx), var, ctx)
    return LogProductStep.build(expr=expr, var=var, log_form=log_form,
                                log_step=log_step, tidy=ctx.tidy)


def match_table(expr: Expr, var: Symbol, ctx: TraceContext):
    """A function of the registry; its constant parameters (Heaviside's value at 0) are kept in
    the outer function of the chain rule."""
    entry = TABLED.get(type(expr))
    if entry is None or not 1 <= len(expr.args) <= 1 + entry.parameters:
        return None
    arg, *parameters = expr.args
    if any(ctx.depends(p, var) for p in parameters):
        return None
    if arg == var:
        return FunctionStep(expr=expr, var=var, result=entry.derivative(var), family=entry.family,
                            function=entry.name)
    return chain_step(expr, arg, var, ctx, lambda u: type(expr)(u, *parameters))


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


__all__ = ["chain_step", "fallback", "log_terms"]
