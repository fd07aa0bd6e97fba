"""Recomputing a step's result from its children's results, by each rule's formula.

The diagnosis changes the result of ONE node of a Step tree (a slip) and needs the final
answer that slip leads to: :func:`propagate` walks from that node up to the root, and at each
ancestor :func:`recombine` applies the ancestor's rule to its children's results, one of which
is the changed one.  No tidying happens here: the values are compared, not shown.

To support a new combining Step class, add its formula to :data:`FORMULAS` (a function of the
step and the tuple of its children's results, in ``children()`` order).
"""

from __future__ import annotations

from typing import Callable, Sequence

from sympy import Add, Expr, Mul

from ..rules.context import substitute_back
from ..rules.functions import LARGE
from ..sizes import size_at_most
from ..steps import (ChainStep, ConstantMultipleStep, LogDiffStep, ProductStep, QuotientStep,
                     RepeatedStep, Step, SumStep)
from ..verify import sympy_derivative


def _sum(step: SumStep, results: Sequence[Expr]) -> Expr:
    return Add(*results)


def _constant_multiple(step: ConstantMultipleStep, results: Sequence[Expr]) -> Expr:
    return step.constant * results[0]


def _product(step: ProductStep, results: Sequence[Expr]) -> Expr:
    factors = step.factors
    return Add(*(Mul(d, *(f for j, f in enumerate(factors) if j != i))
                 for i, d in enumerate(results)))


def _quotient(step: QuotientStep, results: Sequence[Expr]) -> Expr:
    df, dg = results
    f, g = step.numerator, step.denominator
    return (df * g - f * dg) / g**2


def _chain(step: ChainStep, results: Sequence[Expr]) -> Expr:
    outer_derivative, inner_derivative = results
    outer_at_inner = substitute_back(outer_derivative, step.u, step.inner)
    if not size_at_most(inner_derivative, LARGE):
        # as in the tracer: flattening a product as deep as the nesting is cubic in the depth
        return Mul(outer_at_inner, inner_derivative, evaluate=False)
    return outer_at_inner * inner_derivative


def _log_diff(step: LogDiffStep, results: Sequence[Expr]) -> Expr:
    return step.expr * results[0]


FORMULAS: dict[type, Callable[[Step, Sequence[Expr]], Expr]] = {
    SumStep: _sum,
    ConstantMultipleStep: _constant_multiple,
    ProductStep: _product,
    QuotientStep: _quotient,
    ChainStep: _chain,
    LogDiffStep: _log_diff,
}


def recombine(step: Step, results: Sequence[Expr]) -> Expr:
    """``step``'s result recomputed from ``results``, its children's (possibly changed) results."""
    return FORMULAS[type(step)](step, results)


def propagate(path: Sequence[Step], changed: Expr) -> Expr:
    """The root's result when the last node of ``path`` (root first) gives ``changed`` instead.

    In a repeated derivative the later derivatives are taken of the changed result (correctly:
    one slip, then everything right), with ``sympy.diff``.
    """
    value = changed
    for depth in range(len(path) - 2, -1, -1):
        parent, child = path[depth], path[depth + 1]
        children = parent.children()
        index = next(i for i, c in enumerate(children) if c is child)
        if isinstance(parent, RepeatedStep):
            later = parent.variables[index + 1:]
            value = sympy_derivative(value, tuple(later)) if later else value
            continue
        results = tuple(value if i == index else c.result for i, c in enumerate(children))
        value = recombine(parent, results)
    return value
