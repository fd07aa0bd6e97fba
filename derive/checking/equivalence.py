"""Is the learner's answer the same function as the derivative?  And if so, why?

:func:`compare` decides in three stages, cheapest first:

1. **cheap symbolic** — the two sides are identical, or a bounded rewrite (:data:`CHEAP`:
   expanding, a common denominator) brings both to the same form or their difference to 0;
2. **numeric probe** — both sides evaluated (mpmath, 40 digits) at seeded points; one point
   where both are defined and they differ proves the answer wrong (that point is kept as the
   *witness*);
3. **costly symbolic** — when the values agree, the bounded rewrites of :data:`COSTLY`
   (factoring, σ and hyperbolic functions written with exp, trig functions written with sin and
   cos, trigsimp, simplify on small expressions) try to turn the agreement into a proof.

The verdict says which method decided (``symbolic`` or ``numeric``), and for a symbolic proof
which rewriting did it and the chain ``answer = rewritten form = reference`` a reader can follow.
Every rewrite is skipped on expressions above its size limit, so nothing here is unbounded.

To add a rewriting: a function ``Expr -> Expr`` that keeps the value, with a size limit, in
:data:`CHEAP` or :data:`COSTLY`, and a phrase ``checking.rewrite.<name>`` in every catalogue.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

import mpmath
import sympy
from sympy import (Expr, Symbol, cancel, cos, cot, coth, cosh, csc, csch, exp, expand, factor,
                   sec, sech, simplify, sin, sinh, tan, tanh, together, trigsimp)
from sympy.core.function import AppliedUndef

from ..functions import to_plain_sympy
from ..numeric import DPS, Evaluator, close, is_real
from ..sizes import size_at_most
from ..verify import _concrete

SEED = 20240611
BOXES = ((0.3, 1.7), (1.1, 2.9), (-1.7, -0.3), (-0.9, 0.9), (2.0, 4.0), (0.05, 0.3))
POINTS_TRIED = 30      # candidate points
POINTS_WANTED = 12     # agreeing points that end the numeric probe early
POINTS_NEEDED = 4      # fewer agreeing points than this: undecided
MAX_POWER = 24         # expand/cancel are skipped when an integer power is larger


def _small_powers(expr: Expr) -> bool:
    return all(not (p.exp.is_Integer and abs(p.exp) > MAX_POWER) for p in expr.atoms(sympy.Pow))


def _sincos(expr: Expr) -> Expr:
    """tan, cot, sec, csc written with sin and cos; hyperbolic functions with exp."""
    expr = expr.replace(lambda e: isinstance(e, tan), lambda e: sin(e.args[0]) / cos(e.args[0]))
    expr = expr.replace(lambda e: isinstance(e, cot), lambda e: cos(e.args[0]) / sin(e.args[0]))
    expr = expr.replace(lambda e: isinstance(e, sec), lambda e: 1 / cos(e.args[0]))
    expr = expr.replace(lambda e: isinstance(e, csc), lambda e: 1 / sin(e.args[0]))
    return cancel(together(expr))


def _exponential(expr: Expr) -> Expr:
    """σ, softplus and the hyperbolic functions written with exp, then one fraction."""
    expr = to_plain_sympy(expr)
    expr = expr.rewrite((sinh, cosh, tanh, coth, sech, csch), exp)
    return cancel(together(expr))


@dataclass(frozen=True)
class Rewrite:
    name: str
    apply: Callable[[Expr], Expr]
    max_nodes: int
    needs_small_powers: bool = True


def _common_denominator(expr: Expr) -> Expr:
    return cancel(together(expr))


def _trigsimp(expr: Expr) -> Expr:
    return trigsimp(_sincos(expr))


CHEAP = (
    Rewrite("expanded", expand, 400),
    Rewrite("common_denominator", _common_denominator, 300),
)
COSTLY = (
    Rewrite("factored", factor, 120),
    Rewrite("exponential", _exponential, 200),
    Rewrite("trig", _sincos, 200),
    Rewrite("trigsimp", _trigsimp, 120),
    Rewrite("simplified", simplify, 60, needs_small_powers=False),
)


@dataclass(frozen=True)
class Witness:
    """A point where the answer and the derivative take different values."""

    point: tuple[tuple[Symbol, object], ...]
    answer: object          # mpmath value
    reference: object


@dataclass(frozen=True)
class Equivalence:
    """The verdict of :func:`compare`."""

    equal: bool | None                 # None: neither proved nor refuted
    method: str                        # symbolic | numeric | unchecked
    rewriting: str | None = None       # same | expanded | … (symbolic proofs only)
    chain: tuple[Expr, ...] = ()       # answer = … = reference (when equal)
    points: int = 0                    # numeric points that agreed
    witness: Witness | None = None     # where they differ (numeric refutations)


class Sampler:
    """Seeded points for a set of symbols, each with its own memoising evaluator.

    One sampler is shared by all comparisons against the same answer, so sub-expressions common
    to many candidates (the diagnosis compares dozens) are evaluated once per point.
    """

    def __init__(self, symbols, concrete: bool = False) -> None:
        self.symbols = sorted(set(symbols), key=lambda s: s.name)
        self.concrete = concrete   # replace undefined functions f(x) by a fixed function
        rng = random.Random(SEED)
        self.points = []
        for i in range(POINTS_TRIED):
            low, high = BOXES[i % len(BOXES)]
            self.points.append({s: mpmath.mpf(f"{rng.uniform(low, high):.6f}") for s in self.symbols})
        self.evaluators = [Evaluator(p) for p in self.points]

    def prepare(self, expr: Expr) -> Expr:
        return _concrete(expr) if self.concrete else expr

    def value(self, expr: Expr, index: int):
        with mpmath.workdps(DPS):
            return self.evaluators[index](expr)

    def restrict(self, expr: Expr) -> None:
        """Keep only the points where ``expr`` and every part of it are real (its real domain).

        At x < −1, √x·√(x+1) is real (two imaginary factors), but a learner's domain is x ≥ 0:
        points where any sub-expression leaves the reals do not count.
        """
        expr = self.prepare(expr)
        kept = [i for i in range(len(self.points)) if self._real_throughout(expr, i)]
        self.points = [self.points[i] for i in kept]
        self.evaluators = [self.evaluators[i] for i in kept]

    def _real_throughout(self, expr: Expr, index: int) -> bool:
        if not is_real(self.value(expr, index)):
            return False
        cache = self.evaluators[index].cache
        stack, seen = [expr], set()
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            if not is_real(cache.get(node)):
                return False
            stack.extend(node.args)
        return True




def numeric_compare(answer: Expr, reference: Expr, sampler: Sampler) -> Equivalence:
    """Compare values at the sampler's points: a differing point refutes, agreement suggests."""
    answer, reference = sampler.prepare(answer), sampler.prepare(reference)
    agreed = 0
    with mpmath.workdps(DPS):
        for index in range(len(sampler.points)):
            expected = sampler.value(reference, index)
            if not is_real(expected):
                continue
            value = sampler.value(answer, index)
            if not is_real(value):
                continue
            if not close(value, expected):
                point = tuple(sorted(sampler.points[index].items(), key=lambda kv: kv[0].name))
                return Equivalence(False, "numeric", points=agreed,
                                   witness=Witness(point, value, expected))
            agreed += 1
            if agreed >= POINTS_WANTED:
                break
    if agreed < POINTS_NEEDED:
        return Equivalence(None, "unchecked", points=agreed)
    return Equivalence(True, "numeric", points=agreed)


def _try(rewrite: Rewrite, answer: Expr, reference: Expr) -> Equivalence | None:
    if not (size_at_most(answer, rewrite.max_nodes) and size_at_most(reference, rewrite.max_nodes)):
        return None
    if rewrite.needs_small_powers and not (_small_powers(answer) and _small_powers(reference)):
        return None
    try:
        a, r = rewrite.apply(answer), rewrite.apply(reference)
        if a == r:
            chain = tuple(dict.fromkeys((answer, a, reference)))
            return Equivalence(True, "symbolic", rewrite.name, chain)
        if rewrite.apply(answer - reference) == 0:
            return Equivalence(True, "symbolic", rewrite.name, (answer, reference))
    except Exception:  # a rewrite that sympy cannot carry out proves nothing
        return None
    return None


def symbolic_compare(answer: Expr, reference: Expr, rewrites=CHEAP) -> Equivalence | None:
    """A symbolic proof that ``answer == reference``, or ``None`` when none was found."""
    if answer == reference:
        return Equivalence(True, "symbolic", "same", (answer,))
    for rewrite in rewrites:
        found = _try(rewrite, answer, reference)
        if found is not None:
            return found
    return None


def compare(answer: Expr, reference: Expr, sampler: Sampler | None = None) -> Equivalence:
    """Whether ``answer`` and ``reference`` are the same function (see the module docstring)."""
    proof = symbolic_compare(answer, reference, CHEAP)
    if proof is not None:
        return proof
    if sampler is None:
        concrete = bool(answer.atoms(AppliedUndef) or reference.atoms(AppliedUndef))
        sampler = Sampler(answer.free_symbols | reference.free_symbols, concrete)
    probe = numeric_compare(answer, reference, sampler)
    if probe.equal is False:
        return probe
    proof = symbolic_compare(answer, reference, COSTLY)
    if proof is not None:
        return proof
    return probe
