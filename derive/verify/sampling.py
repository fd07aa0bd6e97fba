"""Seeded sample points, their values, and the one definition of a usable point.

Every numeric check in derive draws its points here: one seed (:data:`SEED`), one list of boxes
(:data:`BOXES`, taken in turn: point ``i`` lies in box ``i mod 6``, every variable of the point
in that box), coordinates rounded to six decimals so that a point can be shown as it was used.
The same symbols always give the same points, so verdicts are deterministic and checks of the
same expression share their values.

A value is *usable* when it is real, finite and moderate (:func:`derive.numeric.is_real`): a
point where a side of a comparison is not usable is skipped, never counted as agreement.
Undefined functions ``f(x)`` are replaced by a fixed smooth stand-in (:func:`stand_in`) before
evaluation when the sampler is built with ``concrete=True``.

To change the sampling for everyone, change the constants here; a check that needs more or
fewer points passes ``count``, and a variable that must be positive (a probability, a length)
is named in ``positive`` (or ``simplex`` for a vector that also sums to 1).  A check that finds
no usable point among them (``ln(sin x·(x − 3))`` is real only where x > 3 and sin x > 0) looks
again farther out, in :data:`WIDE_BOXES` (:func:`wide`).
"""

from __future__ import annotations

import random
from typing import Iterable

import mpmath
import sympy
from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..numeric import DPS, Evaluator, is_real
from ..sizes import distinct_nodes

SEED = 20240611
BOXES = ((0.3, 1.7), (1.1, 2.9), (-1.7, -0.3), (-0.9, 0.9), (2.0, 4.0), (0.05, 0.3))
POINTS = 30                    # candidate points of a check, unless it asks for another count
#: where a check looks when no point of :data:`BOXES` is in the expression's domain
WIDE_BOXES = ((4.0, 7.0), (-7.0, -2.0), (7.0, 15.0), (-15.0, -7.0), (15.0, 40.0))
WIDE_POINTS = 60
STEP = mpmath.mpf("1e-15")     # the step of central differences


def stand_in(expr: Expr) -> Expr:
    """``expr`` with every undefined function replaced by a fixed smooth function, so that its
    value can be computed (``f(u)`` becomes ``sin(c·u) + u²/3 + c``, ``c`` from the name)."""
    if not expr.atoms(AppliedUndef):
        return expr

    def replacement(application: AppliedUndef) -> Expr:
        name = str(application.func)
        c = sympy.Rational(3 + sum(map(ord, name)) % 5, 4)
        total = sum(application.args, sympy.Integer(0))
        return sympy.sin(c * total) + total**2 / 3 + c

    return expr.replace(lambda e: isinstance(e, AppliedUndef), replacement).doit()


class Sampler:
    """Seeded points for a set of symbols, each with its own memoising evaluator.

    Share one sampler among all comparisons over the same symbols: sub-expressions common to
    them are evaluated once per point.
    """

    def __init__(self, symbols: Iterable[Symbol], count: int = POINTS, *, concrete: bool = False,
                 positive: Iterable[Symbol] = (), simplex: Iterable[Symbol] = (),
                 boxes: tuple[tuple[float, float], ...] = BOXES) -> None:
        self.symbols = sorted(set(symbols), key=lambda s: s.name)
        self.concrete = concrete          # replace undefined functions by a stand-in
        positive, simplex = set(positive), sorted(set(simplex), key=lambda s: s.name)
        rng = random.Random(SEED)
        self.points: list[dict[Symbol, object]] = []
        for i in range(count):
            low, high = boxes[i % len(boxes)]
            point = {s: mpmath.mpf(f"{rng.uniform(low, high):.6f}") for s in self.symbols}
            for s in positive.union(simplex) & point.keys():
                point[s] = abs(point[s])
            if simplex:
                with mpmath.workdps(DPS):
                    total = sum(point[s] for s in simplex)
                    point.update({s: point[s] / total for s in simplex})
            self.points.append(point)
        self._evaluators: dict[tuple, Evaluator] = {}

    def wide(self) -> Sampler:
        """A sampler for the same symbols whose points lie farther out (:data:`WIDE_BOXES`)."""
        return Sampler(self.symbols, WIDE_POINTS, concrete=self.concrete, boxes=WIDE_BOXES)

    def prepare(self, expr: Expr) -> Expr:
        """``expr`` ready to evaluate (undefined functions replaced, if the sampler says so)."""
        return stand_in(expr) if self.concrete else expr

    def value(self, expr: Expr, index: int, shift: tuple[Symbol, int] | None = None):
        """``expr`` at point ``index`` (``shift = (x, ±1)``: with x moved by ±:data:`STEP`);
        an mpmath number, or ``None`` where it is not defined."""
        key = (index, shift)
        with mpmath.workdps(DPS):
            evaluator = self._evaluators.get(key)
            if evaluator is None:
                point = self.points[index]
                if shift is not None:
                    var, sign = shift
                    point = {**point, var: point.get(var, mpmath.mpf(0)) + sign * STEP}
                evaluator = self._evaluators[key] = Evaluator(point)
            return evaluator(expr)

    def derivative(self, expr: Expr, index: int, var: Symbol):
        """d expr/d var at point ``index`` by a central difference, or ``None`` where ``expr``
        is not usable at the point or beside it."""
        values = [self.value(expr, index, shift) for shift in (None, (var, 1), (var, -1))]
        if not all(is_real(v) for v in values):
            return None
        with mpmath.workdps(DPS):
            return (values[1] - values[2]) / (2 * STEP)

    def usable(self, expr: Expr, index: int) -> bool:
        """Whether ``expr``'s value at point ``index`` is real, finite and moderate."""
        return is_real(self.value(expr, index))

    def restrict(self, expr: Expr) -> None:
        """Keep only the points where ``expr`` and every part of it are usable (its domain).

        At x < −1, √x·√(x+1) is real (two imaginary factors), but a learner's domain is x ≥ 0:
        points where any sub-expression leaves the reals do not count.
        """
        expr = self.prepare(expr)
        kept = [i for i in range(len(self.points)) if self._usable_throughout(expr, i)]
        self.points = [self.points[i] for i in kept]
        self._evaluators = {(kept.index(i), shift): e for (i, shift), e in self._evaluators.items()
                            if i in kept}

    def _usable_throughout(self, expr: Expr, index: int) -> bool:
        if not self.usable(expr, index):
            return False
        cache = self._evaluators[(index, None)].cache
        return all(is_real(cache.get(node)) for node in distinct_nodes(expr))
