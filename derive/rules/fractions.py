"""Matchers for products and quotients: the product rule (any number of factors), the quotient
rule (a product whose factors include a negative power of something that depends on x, or a
reciprocal ``1/g``), and logarithms to a constant base (``log(x)/log(b)`` in sympy's form).
"""

from __future__ import annotations

from sympy import Expr, Integer, Mul, Pow, Symbol, log

from ..notation.spelling import printed_factors
from ..steps import LogBaseStep, ProductStep, QuotientStep
from .context import TraceContext
from .functions import chain_step  # a log to a base of an inner function


def _split_fraction(expr: Expr, var: Symbol, ctx: TraceContext) -> tuple[Expr, Expr]:
    """(numerator, denominator) of a product, keeping positive-power factors on top."""
    numerator, denominator = [], []
    for factor in Mul.make_args(expr):
        if factor.is_Pow and factor.exp.is_number and factor.exp.is_negative \
                and ctx.depends(factor.base, var):
            denominator.append(Pow(factor.base, -factor.exp))
        else:
            numerator.append(factor)
    return Mul(*numerator), Mul(*denominator)


def quotient_step(expr: Expr, numerator: Expr, denominator: Expr, var: Symbol, ctx: TraceContext):
    return QuotientStep.build(expr=expr, var=var, numerator=numerator, denominator=denominator,
                              numerator_step=ctx.trace(numerator, var),
                              denominator_step=ctx.trace(denominator, var), tidy=ctx.tidy)


def match_quotient(expr: Expr, var: Symbol, ctx: TraceContext):
    if expr.is_Pow and expr.exp == -1 and expr.base != var and ctx.depends(expr.base, var):
        return quotient_step(expr, Integer(1), expr.base, var, ctx)
    if not expr.is_Mul:
        return None
    numerator, denominator = _split_fraction(expr, var, ctx)
    if denominator == 1 or not ctx.depends(numerator, var):
        return None
    return quotient_step(expr, numerator, denominator, var, ctx)


def match_product(expr: Expr, var: Symbol, ctx: TraceContext):
    if not expr.is_Mul:
        return None
    factors = printed_factors(expr)
    return ProductStep.build(expr=expr, var=var, factors=factors,
                             factor_steps=tuple(ctx.trace(f, var) for f in factors), tidy=ctx.tidy)


def _log_base_parts(expr: Expr, var: Symbol, ctx: TraceContext):
    """``(argument, base)`` when ``expr`` is sympy's ``log(argument)/log(base)``, else ``None``."""
    if not expr.is_Mul or len(expr.args) != 2:
        return None
    a, b = expr.args
    for logarithm, reciprocal in ((a, b), (b, a)):
        if (isinstance(logarithm, log) and ctx.depends(logarithm.args[0], var)
                and reciprocal.is_Pow and reciprocal.exp == -1
                and isinstance(reciprocal.base, log) and reciprocal.base.args[0].is_number
                and reciprocal.base.args[0].is_positive):
            return logarithm.args[0], reciprocal.base.args[0]
    return None


def match_log_base(expr: Expr, var: Symbol, ctx: TraceContext):
    parts = _log_base_parts(expr, var, ctx)
    if parts is None:
        return None
    argument, base = parts
    if argument == var:
        return LogBaseStep(expr=expr, var=var, result=1 / (var * log(base)), base=base)
    return chain_step(expr, argument, var, ctx, lambda u: log(u) / log(base))
