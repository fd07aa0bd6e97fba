"""Differentiating indexed expressions with respect to one entry ``z_i``.

``differentiate(expr, z[i])`` returns a Step tree.  The ordinary rules are reused from
:mod:`derive.rules` (chain, quotient) with the entry as the variable; what is new is *dependence*
(``z_j`` depends on ``z_i`` through ``δ_ij`` even though the symbols differ), the entry rule
``∂z_j/∂z_i = δ_ij`` and sums over a bound index, whose Kronecker delta is collapsed by
:func:`collapse_sum` (``Σ_k g_k δ_ik = g_i``, valid for 1 ≤ i ≤ n).

To support another function: add it to :data:`FUNCTIONS` (its outer derivative comes from the
ordinary tracer); anything else raises a :class:`~derive.errors.UsageError` naming it.
"""

from __future__ import annotations

from sympy import (Add, Expr, Indexed, Integer, KroneckerDelta, Mul, Sum, Symbol, cancel,
                   count_ops, exp, expand, factor_terms, log, together)

from ..errors import UsageError
from ..functions import sigmoid
from ..names import NameSupply
from ..rules.context import TraceContext, if_different
from ..rules.fractions import quotient_step
from ..rules.functions import chain_step
from ..steps import (ConstantMultipleStep, ConstantStep, HeldConstantStep, ProductStep, Step,
                     SumStep, VariableStep)
from ..trace import _trace
from ..notation import entries
from .steps import IndexedVariableStep, IndexSumStep

FUNCTIONS = (exp, log, sigmoid)


def depends(expr: Expr, var: Indexed) -> bool:
    """Whether ``expr`` can change with ``var``: it holds an entry of the same vector."""
    return any(e.base == var.base for e in expr.atoms(Indexed))


def differentiate(expr: Expr, var: Indexed, names: NameSupply | None = None) -> Step:
    """The step-by-step derivative ∂expr/∂var for an entry ``var`` (or a plain symbol)."""
    names = names or NameSupply.for_expression(expr)
    ctx = TraceContext(names=names, trace=lambda e, v: _d(e, v, ctx))
    return _d(expr, var, ctx)


def _d(expr: Expr, var, ctx: TraceContext) -> Step:
    if not isinstance(var, Indexed):
        return _trace(expr, var, ctx)          # e.g. the outer function f(u) of a chain
    if not depends(expr, var):
        if expr.is_number:
            return ConstantStep(expr=expr, var=var, result=Integer(0))
        held = tuple(entries(expr)) or tuple(sorted(expr.free_symbols, key=str))
        return HeldConstantStep(expr=expr, var=var, result=Integer(0), held_constant=held)
    if isinstance(expr, Indexed):
        if expr == var:
            return VariableStep(expr=expr, var=var, result=Integer(1))
        return IndexedVariableStep(expr=expr, var=var,
                                   result=KroneckerDelta(var.indices[0], expr.indices[0]))
    if expr.is_Add:
        terms = tuple(_d(t, var, ctx) for t in expr.args)
        raw = Add(*(t.result for t in terms), evaluate=False)
        result = tidy(Add(*(t.result for t in terms)))
        return SumStep(expr=expr, var=var, result=result, raw=if_different(raw, result), terms=terms)
    if expr.is_Mul:
        return _product(expr, var, ctx)
    if expr.is_Pow:
        if expr.exp.is_number and expr.exp.is_negative:
            return quotient_step(expr, Integer(1), expr.base, var, ctx)
        if depends(expr.exp, var):
            raise UsageError("an exponent that depends on the variable is not supported here")
        power = expr.exp
        return chain_step(expr, expr.base, var, ctx, lambda u: u**power)
    if isinstance(expr, FUNCTIONS) and len(expr.args) == 1:
        return chain_step(expr, expr.args[0], var, ctx, expr.func)
    if isinstance(expr, Sum):
        return _sum(expr, var, ctx)
    raise UsageError(f"no indexed rule for {type(expr).__name__}: use +, −, ·, /, powers, "
                     "exp, log, sigmoid and sum(…, k)")


def _product(expr: Expr, var: Indexed, ctx: TraceContext) -> Step:
    constant = Mul(*(f for f in expr.args if not depends(f, var)))
    varying = Mul(*(f for f in expr.args if depends(f, var)))
    if constant != 1:
        inner = _d(varying, var, ctx)
        result = tidy(constant * inner.result)
        raw = Mul(constant, inner.result, evaluate=False)
        return ConstantMultipleStep(expr=expr, var=var, result=result,
                                    raw=if_different(raw, result), constant=constant,
                                    factor=varying, factor_step=inner)
    numerator = Mul(*(f for f in expr.args if not (f.is_Pow and f.exp.is_number and f.exp.is_negative)))
    denominator = Mul(*(f.base ** -f.exp for f in expr.args
                        if f.is_Pow and f.exp.is_number and f.exp.is_negative))
    if denominator != 1:
        return quotient_step(expr, numerator, denominator, var, ctx)
    factors = tuple(expr.args)
    steps = tuple(_d(f, var, ctx) for f in factors)
    terms = [Mul(s.result, *(g for m, g in enumerate(factors) if m != p))
             for p, s in enumerate(steps)]
    raw = Add(*terms, evaluate=False)
    result = tidy(Add(*terms))
    return ProductStep(expr=expr, var=var, result=result, raw=if_different(raw, result),
                       factors=factors, factor_steps=steps)


def _sum(expr: Sum, var: Indexed, ctx: TraceContext) -> Step:
    if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
        raise UsageError("only sums over one index, sum(…, k) for k = 1 … n, are supported")
    index, lower, upper = expr.limits[0]
    summand_step = _d(expr.function, var, ctx)
    sifted = Sum(summand_step.result, (index, lower, upper))
    result = tidy(collapse_sum(summand_step.result, index, upper))
    return IndexSumStep(expr=expr, var=var, result=result, raw=sifted, index=index,
                        summand_step=summand_step, sifted=sifted)


def collapse_sum(summand: Expr, index: Symbol, upper: Expr) -> Expr:
    """Σ_{index=1}^{upper} summand, with every Kronecker delta on ``index`` used up and every
    factor that does not depend on ``index`` taken out of the sum."""
    grouped: dict[Expr, list[Expr]] = {}
    picked: list[Expr] = []
    for term in Add.make_args(expand(summand, deep=False, log=False, power_exp=False,
                                     power_base=False, multinomial=False)):
        deltas = [f for f in Mul.make_args(term)
                  if isinstance(f, KroneckerDelta) and index in f.args]
        if deltas:
            delta = deltas[0]
            other = delta.args[0] if delta.args[1] == index else delta.args[1]
            rest = Mul(*(f for f in Mul.make_args(term) if f is not delta))
            picked.append(rest.xreplace({index: other}))
            continue
        outside = Mul(*(f for f in Mul.make_args(term) if index not in f.free_symbols))
        inside = Mul(*(f for f in Mul.make_args(term) if index in f.free_symbols))
        grouped.setdefault(inside, []).append(outside)
    total = Add(*picked)
    for inside in sorted(grouped, key=str):
        coefficient = Add(*grouped[inside])
        total += coefficient * (upper if inside == 1 else Sum(inside, (index, 1, upper)))
    return total


def tidy(expr: Expr) -> Expr:
    """The shortest of a few cheap rewrites; sums are treated as opaque symbols meanwhile."""
    if not isinstance(expr, Expr) or expr.is_Atom:
        return expr
    sums = sorted(expr.atoms(Sum), key=str)
    hidden = {s: Symbol(f"_S{p}") for p, s in enumerate(sums)}
    back = {v: s for s, v in hidden.items()}
    work = expr.xreplace(hidden)
    best, size = work, count_ops(work)
    for rewrite in (factor_terms, cancel, lambda e: factor_terms(cancel(e)),
                    lambda e: factor_terms(expand(e)), lambda e: factor_terms(together(e))):
        candidate = rewrite(work)
        candidate_size = count_ops(candidate)
        if candidate_size < size:
            best, size = candidate, candidate_size
    return best.xreplace(back)
