"""Matchers for products and quotients: the product rule (any number of factors), the quotient
rule (a product whose factors include a negative power of something that depends on x, or a
reciprocal ``1/g``), and logarithms to a constant base (``log(x)/log(b)`` in sympy's form).
"""

from __future__ import annotations

from sympy import Add, Expr, Integer, Mul, Pow, Symbol, log

from ..steps import LogBaseStep, ProductStep, QuotientStep
from ..tidy import tidy
from .context import TraceContext, if_different
from .functions import chain_step  # a log to a base of an inner function


def _split_fraction(expr: Expr, var: Symbol) -> tuple[Expr, Expr]:
    """(numerator, denominator) of a product, keeping positive-power factors on top."""
    numerator, denominator = [], []
    for factor in Mul.make_args(expr):
        if factor.is_Pow and factor.exp.is_number and factor.exp.is_negative and factor.base.has(var):
            denominator.append(Pow(factor.base, -factor.exp))
        else:
            numerator.append(factor)
    return Mul(*numerator), Mul(*denominator)


def quotient_step(expr: Expr, numerator: Expr, denominator: Expr, var: Symbol, ctx: TraceContext):
    top = ctx.trace(numerator, var)
    bottom = ctx.trace(denominator, var)
    f, g, df, dg = numerator, denominator, top.result, bottom.result
    raw = Mul(
        Add(Mul(df, g, evaluate=False), -Mul(f, dg, evaluate=False), evaluate=False),
        Pow(Pow(g, 2, evaluate=False), -1, evaluate=False),
        evaluate=False,
    )
    result = tidy((df * g - f * dg) / g**2)
    return QuotientStep(expr=expr, var=var, result=result, raw=if_different(raw, result),
                        numerator=numerator, denominator=denominator,
                        numerator_step=top, denominator_step=bottom)


def match_quotient(expr: Expr, var: Symbol, ctx: TraceContext):
    if expr.is_Pow and expr.exp == -1 and expr.base != var and expr.base.has(var):
        return quotient_step(expr, Integer(1), expr.base, var, ctx)
    if not expr.is_Mul:
        return None
    numerator, denominator = _split_fraction(expr, var)
    if denominator == 1 or not numerator.has(var):
        return None
    return quotient_step(expr, numerator, denominator, var, ctx)


def match_product(expr: Expr, var: Symbol, ctx: TraceContext):
    if not expr.is_Mul:
        return None
    factors = tuple(expr.args)
    steps = tuple(ctx.trace(f, var) for f in factors)
    terms = []
    for i, step in enumerate(steps):
        others = [f for j, f in enumerate(factors) if j != i]
        terms.append((step.result, others))
    raw = Add(*(Mul(d, *others, evaluate=False) for d, others in terms), evaluate=False)
    result = tidy(Add(*(Mul(d, *others) for d, others in terms)))
    return ProductStep(expr=expr, var=var, result=result, raw=if_different(raw, result),
                       factors=factors, factor_steps=steps)


def _log_base_parts(expr: Expr, var: Symbol):
    """``(argument, base)`` when ``expr`` is sympy's ``log(argument)/log(base)``, else ``None``."""
    if not expr.is_Mul or len(expr.args) != 2:
        return None
    a, b = expr.args
    for logarithm, reciprocal in ((a, b), (b, a)):
        if (isinstance(logarithm, log) and logarithm.args[0].has(var)
                and reciprocal.is_Pow and reciprocal.exp == -1
                and isinstance(reciprocal.base, log) and reciprocal.base.args[0].is_number
                and reciprocal.base.args[0].is_positive):
            return logarithm.args[0], reciprocal.base.args[0]
    return None


def match_log_base(expr: Expr, var: Symbol, ctx: TraceContext):
    parts = _log_base_parts(expr, var)
    if parts is None:
        return None
    argument, base = parts
    if argument == var:
        return LogBaseStep(expr=expr, var=var, result=1 / (var * log(base)), base=base)

    return chain_step(expr, argument, var, ctx, lambda u: log(u) / log(base))
