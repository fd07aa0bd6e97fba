"""The order of the terms of the sums a derivation writes: the order they came in.

sympy stores a sum's terms in its own order, and the printers show a sum in the order typed
(:mod:`derive.notation.spelling`) or else in sympy's.  A derivation makes new sums: the log laws
write ln(x²·sin x/(2x+1)) as 2 ln x + ln sin x − ln(2x+1) (the factors' order), and the sum rule
adds the terms' derivatives.  A book keeps the order they came in: d/dx of that sum is
2/x + cot x − 2/(2x+1), term by term, and the rewrites after it (cos/sin = cot, …) keep each
term in its place.  :func:`derived_orders` finds that order for every such sum of a Step tree,
to be added to the spelling the result is printed with (typed orders come first).

* a :class:`~derive.steps.SumStep`: its sum in the order its terms were taken, and its value
  (the terms' derivatives added) in that order, a term whose derivative is a sum giving its
  terms in place;
* a :class:`~derive.steps.ProductStep`: its value in the order of the rule's formula,
  ``f'·g + f·g'`` (``2x·sin x + x²·cos x``, ``eˣ + x·eˣ``), and a
  :class:`~derive.steps.QuotientStep`: its numerator so, ``f'·g − f·g'``;
* each named rewrite after it: the terms the rewrite leaves as they are keep their places, and
  when as many terms changed as were replaced, the new ones take the old ones' places (in a
  sum, or in the numerator of a fraction).

To order another kind of sum: yield its (sum, terms in order) in :func:`derived_orders`.
"""

from __future__ import annotations

from typing import Sequence

from sympy import Add, Basic, Expr, Mul, fraction

from .notation.spelling import current, positive_first
from .steps import ProductStep, QuotientStep, SumStep, walk


def _printed(expr: Expr) -> tuple[Basic, ...]:
    return tuple(positive_first(list(expr.as_ordered_terms())))


def ordered_like(value: Expr, reference: Sequence[Basic]) -> tuple[Basic, ...] | None:
    """The terms of the sum ``value`` in the order of ``reference`` (the terms it came from):
    a term found there takes its place; when the terms not found are as many as the reference
    terms that are gone, they take those places in turn; others follow at the end.  ``None``
    when no term is found."""
    terms = _printed(value)
    place = {}
    for k, term in enumerate(reference):
        place.setdefault(term, k)
    if not any(term in place for term in terms):
        return None
    new = [term for term in terms if term not in place]
    present = set(terms)
    gone = [k for k, term in enumerate(reference) if term not in present]
    for n, term in enumerate(new):
        place[term] = gone[n] if len(gone) == len(new) else len(reference) + n
    return tuple(sorted(terms, key=lambda term: place[term]))


def derived_orders(root) -> tuple[tuple[Expr, tuple[Basic, ...]], ...]:
    """(sum, its terms in order) for the sums the derivation ``root`` makes (see the module
    docstring), where that order is not the printers' own."""
    spelling = current()
    known: dict[Expr, tuple[Basic, ...]] = {}

    def order_of(expr: Expr) -> tuple[Basic, ...]:
        if not expr.is_Add:
            return (expr,)
        return known.get(expr) or spelling.typed_order(expr) or _printed(expr)

    def record(expr: Expr, terms: tuple[Basic, ...] | None) -> None:
        if terms is not None and expr.is_Add and expr not in known:
            known[expr] = terms

    def follow(before: Expr, after: Expr) -> None:
        """A rewrite keeps the order of the sum it rewrites (or of its numerator)."""
        for old, new in ((before, after), (fraction(before)[0], fraction(after)[0])):
            if new.is_Add and old.is_Add:
                record(new, ordered_like(new, order_of(old)))

    for node in reversed(list(walk(root))):          # the terms' steps before their sum's
        if isinstance(node, SumStep):
            record(node.expr, tuple(term.expr for term in node.terms))
            value = node.value
            if value.is_Add:
                record(value, ordered_like(value, [piece for term in node.terms
                                                   for piece in order_of(term.result)]))
        elif isinstance(node, ProductStep):
            value = node.value
            if value.is_Add:
                record(value, ordered_like(value, [
                    Mul(*node.factors[:i], step.result, *node.factors[i + 1:])
                    for i, step in enumerate(node.factor_steps)]))
        elif isinstance(node, QuotientStep):
            numerator = fraction(node.value)[0]
            df, dg = node.numerator_step.result, node.denominator_step.result
            if numerator.is_Add:
                record(numerator, ordered_like(numerator, [df * node.denominator,
                                                           -node.numerator * dg]))
        else:
            continue
        previous = node.value
        for rewrite in node.algebra:
            follow(previous, rewrite.result)
            previous = rewrite.result
    return tuple((expr, terms) for expr, terms in known.items()
                 if spelling.typed_order(expr) is None and terms != _printed(expr))


__all__ = ["derived_orders", "ordered_like"]
