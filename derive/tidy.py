"""Bounded tidying of a step's result.

A rule's formula produces a correct but raw expression (``cos(x²)·2x``, ``(eˣ(1+eˣ) − eˣeˣ)/(1+eˣ)²``).
:func:`tidy` tries a few cheap rewrites and keeps the shortest form, measured by
``count_ops``; ties keep the earlier candidate, so the result is deterministic.  Expressions
with more than :data:`MAX_NODES` nodes are left as they are: tidying must never be the slow part.

To add a rewrite, append it to :data:`REWRITES`; it must be cheap and must not change the value.
"""

from __future__ import annotations

from sympy import Expr, Pow, cancel, count_ops, expand, factor_terms, fraction, together

from .sizes import size_at_most

MAX_NODES = 80


def _has_denominator(expr: Expr) -> bool:
    return any(power.exp.is_negative for power in expr.atoms(Pow))


def _expanded_numerator(expr: Expr) -> Expr:
    """Over a common denominator with the numerator expanded (only where there is one)."""
    if not _has_denominator(expr):
        return expr
    numerator, denominator = fraction(together(expr))
    return factor_terms(expand(numerator)) / denominator


def _cancelled(expr: Expr) -> Expr:
    """Common factors of numerator and denominator cancelled (only where there is a denominator:
    ``cancel`` is the most expensive rewrite)."""
    return cancel(expr) if _has_denominator(expr) else expr


REWRITES = (factor_terms, _expanded_numerator, _cancelled)


def tidy(expr: Expr) -> Expr:
    """The shortest of ``expr`` and its cheap rewrites (``expr`` itself when it is large)."""
    if not isinstance(expr, Expr) or expr.is_Atom or not size_at_most(expr, MAX_NODES):
        return expr
    best, best_size = expr, count_ops(expr)
    for rewrite in REWRITES:
        candidate = rewrite(expr)
        size = count_ops(candidate)
        if size < best_size:
            best, best_size = candidate, size
    return best
