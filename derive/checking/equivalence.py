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
The sampler, the numeric comparison, the symbolic comparison and :data:`CHEAP` are the one
verification service's (:mod:`derive.verify`); this module adds the costly rewrites and a
verdict that keeps the proof's chain and the refuting point.  Every rewrite is skipped on
expressions above its size limit, so nothing here is unbounded.

To add a rewriting: a function ``Expr -> Expr`` that keeps the value, with a size limit, in
:data:`CHEAP` or :data:`COSTLY`, and a phrase ``checking.rewrite.<name>`` in every catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import (Expr, cancel, cos, cot, coth, cosh, csc, csch, exp, factor, sec, sech,
                   simplify, sin, sinh, tan, tanh, together, trigsimp)
from sympy.core.function import AppliedUndef

from ..functions import to_plain_sympy
from ..verify import CHEAP, Rewrite, Sampler, Witness, numeric_check, symbolic_proof, values

POINTS_WANTED = 12     # agreeing points that end the numeric probe early
POINTS_NEEDED = 4      # fewer agreeing points than this: undecided


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


def _trigsimp(expr: Expr) -> Expr:
    return trigsimp(_sincos(expr))


COSTLY = (
    Rewrite("factored", factor, 120),
    Rewrite("exponential", _exponential, 200),
    Rewrite("trig", _sincos, 200),
    Rewrite("trigsimp", _trigsimp, 120),
    Rewrite("simplified", simplify, 60, needs_small_powers=False),
)


@dataclass(frozen=True)
class Equivalence:
    """The verdict of :func:`compare`."""

    equal: bool | None                 # None: neither proved nor refuted
    method: str                        # symbolic | numeric | unchecked
    rewriting: str | None = None       # same | expanded | … (symbolic proofs only)
    chain: tuple[Expr, ...] = ()       # answer = … = reference (when equal)
    points: int = 0                    # numeric points that agreed
    witness: Witness | None = None     # where they differ (numeric refutations)


def numeric_compare(answer: Expr, reference: Expr, sampler: Sampler) -> Equivalence:
    """Compare values at the sampler's points: a differing point refutes, agreement suggests."""
    verdict = numeric_check(sampler, values(sampler, answer, reference), POINTS_WANTED,
                            POINTS_NEEDED)
    if verdict.status == "unchecked":
        return Equivalence(None, "unchecked", points=verdict.points)
    return Equivalence(verdict.status == "numeric", "numeric", points=verdict.points,
                       witness=verdict.witness)


def symbolic_compare(answer: Expr, reference: Expr, rewrites=CHEAP) -> Equivalence | None:
    """A symbolic proof that ``answer == reference``, or ``None`` when none was found."""
    proof = symbolic_proof(answer, reference, rewrites)
    if proof is None:
        return None
    return Equivalence(True, "symbolic", proof.rewriting, proof.chain)


def compare(answer: Expr, reference: Expr, sampler: Sampler | None = None) -> Equivalence:
    """Whether ``answer`` and ``reference`` are the same function (see the module docstring)."""
    proof = symbolic_compare(answer, reference, CHEAP)
    if proof is not None:
        return proof
    if sampler is None:
        concrete = bool(answer.atoms(AppliedUndef) or reference.atoms(AppliedUndef))
        sampler = Sampler(answer.free_symbols | reference.free_symbols, concrete=concrete)
    probe = numeric_compare(answer, reference, sampler)
    if probe.equal is False:
        return probe
    proof = symbolic_compare(answer, reference, COSTLY)
    if proof is not None:
        return proof
    return probe
