"""Bounded tidying of a step's result.

A rule's formula produces a correct but raw expression (``cos(x²)·2x``, ``(eˣ(1+eˣ) − eˣeˣ)/(1+eˣ)²``).
:func:`tidy` tries a few cheap rewrites and keeps the shortest form, measured by
``count_ops``; ties keep the earlier candidate, so the result is deterministic.  Expressions
with more than :data:`MAX_NODES` nodes are left as they are: tidying must never be the slow part.

Expressions over vector entries with sums over an index (``Σ_k e^{z_k}``, the indexed
derivations) are tidied with ``sums=True``: each sum is kept whole, as an opaque symbol, so
that no rewrite takes it apart, and the numerator is expanded and collected even where there is
no denominator (:data:`SUM_REWRITES`), which gathers the terms of each Kronecker delta.

To add a rewrite, append it to :data:`REWRITES` (or :data:`SUM_REWRITES`); it must be cheap and
must not change the value.
"""

from __future__ import annotations

from sympy import Expr, Pow, Sum, Symbol, cancel, count_ops, expand, factor_terms, fraction, together

from .sizes import size_at_most

MAX_NODES = 80


def _has_denominator(expr: Expr) -> bool:
    return any(power.exp.is_negative for power in expr.atoms(Pow))


def _expanded_numerator(expr: Expr) -> Expr:
    """Over a common denominator with the numerator expanded (only where there is one)."""
    if not _has_denominator(expr):
        return expr
    return _expanded(expr)


def _expanded(expr: Expr) -> Expr:
    """Over a common denominator (if any) with the numerator expanded and common factors
    taken out: like terms collect."""
    numerator, denominator = fraction(together(expr))
    return factor_terms(expand(numerator)) / denominator


def _cancelled(expr: Expr) -> Expr:
    """Common factors of numerator and denominator cancelled (only where there is a denominator:
    ``cancel`` is the most expensive rewrite)."""
    return cancel(expr) if _has_denominator(expr) else expr


def _reevaluated(expr: Expr) -> Expr:
    """Every node rebuilt with sympy's evaluation: what the parser held to keep the problem
    as typed (``sin(π/2)``, ``e^{2 ln x}``, ``3·(x+1)``) is evaluated in results."""
    if expr.is_Atom or not expr.args:
        return expr
    return expr.func(*(_reevaluated(arg) for arg in expr.args))


REWRITES = (factor_terms, _expanded_numerator, _cancelled, _reevaluated)
SUM_REWRITES = (factor_terms, _expanded, _cancelled)


def tidy(expr: Expr, *, sums: bool = False) -> Expr:
    """The shortest of ``expr`` and its cheap rewrites (``expr`` itself when it is large);
    ``sums=True``: sums over an index kept whole (see the module docstring)."""
    if not isinstance(expr, Expr) or expr.is_Atom:
        return expr
    if not sums:
        return _shortest(expr, REWRITES) if size_at_most(expr, MAX_NODES) else expr
    hidden = {s: Symbol(f"_S{p}") for p, s in enumerate(sorted(expr.atoms(Sum), key=str))}
    work = expr.xreplace(hidden)
    best = _shortest(work, SUM_REWRITES) if size_at_most(work, MAX_NODES) else work
    return best.xreplace({symbol: s for s, symbol in hidden.items()})


def _shortest(expr: Expr, rewrites) -> Expr:
    best, best_size = expr, count_ops(expr)
    for rewrite in rewrites:
        candidate = rewrite(expr)
        size = count_ops(candidate)
        if size < best_size:
            best, best_size = candidate, size
    return best
