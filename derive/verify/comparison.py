"""Comparing two expressions: the one symbolic comparison and the one numeric comparison.

* :func:`symbolically_equal` — the two sides are identical, or a bounded rewrite of
  :data:`CHEAP` (expanding; one fraction over a common denominator) takes their difference to
  0; it names the rewrite that did it, and :func:`symbolic_proof` adds the chain of forms a
  reader can follow.  Other rewrites (costlier, or for one purpose) are :class:`Rewrite` values
  passed by the caller.
* :func:`numeric_check` — values at the points of a :class:`~.sampling.Sampler`: the first
  point where the sides differ fails the check; points where a side is not usable are skipped;
  enough agreeing points pass it, too few leave it unchecked.
* :func:`compare` — both, cheapest first: how a topic's answer is checked against an
  independent sympy computation.

Every rewrite is skipped above its size limit, so nothing here is unbounded.  To add a rewrite
for everyone, append it to :data:`CHEAP`; it must be cheap and keep the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import mpmath
import sympy
from sympy import Expr, expand, fraction, together

from ..deep import run_deep
from ..numeric import close
from ..sizes import expansion_at_most, size_at_most
from .sampling import Sampler
from .verdict import Verdict, Witness

WANTED = 4         # agreeing points that make a numeric pass
MAX_POWER = 24     # expand/cancel are skipped when an integer power is larger
MAX_EXPANSION = 20_000  # … or when expanding would take more terms of work (nested quotients)


@dataclass(frozen=True)
class Rewrite:
    """A named rewrite that keeps the value, tried only on expressions up to ``max_nodes``."""

    name: str
    apply: Callable[[Expr], Expr]
    max_nodes: int
    needs_small_powers: bool = True


def _common_denominator(expr: Expr) -> Expr:
    """One fraction, its numerator expanded (0 exactly when the expression is 0 as a rational
    function of its parts)."""
    numerator, denominator = fraction(together(expr))
    return expand(numerator) / denominator


CHEAP = (
    Rewrite("expanded", expand, 400),
    Rewrite("common_denominator", _common_denominator, 300),
)


@dataclass(frozen=True)
class Proof:
    """Why two expressions are equal: ``rewriting`` (``same`` when they are identical) and the
    chain ``a = rewritten form = b`` a reader can follow."""

    rewriting: str
    chain: tuple[Expr, ...]


def _small_powers(expr: Expr) -> bool:
    return all(not (p.exp.is_Integer and abs(p.exp) > MAX_POWER) for p in expr.atoms(sympy.Pow))


def _fits(rewrite: Rewrite, a: Expr, b: Expr) -> bool:
    if not (size_at_most(a, rewrite.max_nodes) and size_at_most(b, rewrite.max_nodes)):
        return False
    if not (expansion_at_most(a, MAX_EXPANSION) and expansion_at_most(b, MAX_EXPANSION)):
        return False
    return not rewrite.needs_small_powers or (_small_powers(a) and _small_powers(b))


def _apply(rewrite: Rewrite, expr: Expr) -> Expr | None:
    try:
        return rewrite.apply(expr)
    except Exception:  # a rewrite that sympy cannot carry out proves nothing
        return None


def symbolically_equal(a: Expr, b: Expr, rewrites: Sequence[Rewrite] = CHEAP) -> str | None:
    """The name of the first of ``rewrites`` that takes ``a − b`` to 0 (``same`` when the two
    are identical), or ``None`` when none does."""
    if a == b:
        return "same"
    for rewrite in rewrites:
        if _fits(rewrite, a, b) and _apply(rewrite, a - b) == 0:
            return rewrite.name
    return None


def symbolic_proof(a: Expr, b: Expr, rewrites: Sequence[Rewrite] = CHEAP) -> Proof | None:
    """:func:`symbolically_equal`, with the chain a reader can follow: ``a = r = b`` when the
    rewrite takes both sides to the same form ``r``, else ``a = b``."""
    name = symbolically_equal(a, b, rewrites)
    if name is None:
        return None
    if name == "same":
        return Proof(name, (a,))
    rewrite = next(r for r in rewrites if r.name == name)
    ra, rb = _apply(rewrite, a), _apply(rewrite, b)
    if ra is not None and ra == rb:
        return Proof(name, tuple(dict.fromkeys((a, ra, b))))
    return Proof(name, (a, b))


Sides = Callable[[int], "Sequence[tuple[object, object]] | None"]


def numeric_check(sampler: Sampler, sides: Sides, wanted: int = WANTED, needed: int = 1,
                  describe: Callable[[Witness, int, int], str] | None = None) -> Verdict:
    """Compare at the sampler's points.  ``sides(index)`` gives the (answer, reference) value
    pairs to compare at a point, or ``None`` when the point is not usable there.  A pair that
    differs fails the check, with its :class:`~.verdict.Witness` and a ``detail`` written by
    ``describe(witness, index, k)`` for the ``k``-th pair at point ``index`` (default:
    ``at x=…: a ≠ b``); ``wanted`` agreeing points end it; fewer than ``needed`` leave it
    unchecked.  ``points`` counts the agreeing pairs."""
    agreed = compared = 0
    for index in range(len(sampler.points)):
        pairs = sides(index)
        if pairs is None:
            continue
        for k, (answer, reference) in enumerate(pairs):
            if answer is None or not close(answer, reference):
                point = tuple(sorted(sampler.points[index].items(), key=lambda kv: kv[0].name))
                witness = Witness(point, answer, reference)
                detail = (describe or _describe)(witness, index, k)
                return Verdict("failed", compared, detail, witness=witness)
            compared += 1
        agreed += 1
        if agreed >= wanted:
            break
    if agreed < needed:
        return Verdict("unchecked", compared)
    return Verdict("numeric", compared)


def _describe(witness: Witness, index: int, k: int) -> str:
    where = ", ".join(f"{s}={mpmath.nstr(v, 8)}" for s, v in witness.point)
    return f"at {where}: {mpmath.nstr(witness.answer, 12)} ≠ {mpmath.nstr(witness.reference, 12)}"


def values(sampler: Sampler, a: Expr, b: Expr) -> Sides:
    """The sides ``(a, b)`` at each point where both are usable."""
    a, b = sampler.prepare(a), sampler.prepare(b)

    def sides(index: int):
        value, expected = sampler.value(a, index), sampler.value(b, index)
        if not (sampler.usable(a, index) and sampler.usable(b, index)):
            return None
        return ((value, expected),)

    return sides


def compare(result: Expr | int, reference: Expr | int, against: str) -> Verdict:
    """``result`` against ``reference`` (an independent computation, named by ``against``):
    symbolically when a cheap rewrite proves it, else at seeded points."""
    return run_deep(_compare, as_expr(result), as_expr(reference), against)


def as_expr(value: Expr | int) -> Expr:
    """A Python ``int`` as a sympy ``Integer``; an expression as it is."""
    return sympy.Integer(value) if isinstance(value, int) else value


def _compare(result: Expr, reference: Expr, against: str) -> Verdict:
    if symbolically_equal(result, reference):
        return Verdict("symbolic", against=against)
    sampler = Sampler(result.free_symbols | reference.free_symbols)
    verdict = numeric_check(sampler, values(sampler, result, reference))
    return Verdict(verdict.status, verdict.points, verdict.detail, against)


