"""Solving ∇f = 0 over the reals, and knowing whether every solution was found.

``sympy.solve`` may return only part of a solution set (and say nothing): a system whose
equations share a factor (``(y² − x²)²``: the whole lines y = ±x) can come back empty.  So the
system is solved here by steps each of which is known to be complete:

1. each equation is replaced by its numerator, split into factors; factors that are never 0 over
   the reals (non-zero constants, ``exp(…)``) are dropped, and ``a·b = 0`` becomes the two
   systems ``a = 0`` and ``b = 0`` (at most :data:`MAX_BRANCHES` of them);
2. an equation of one factor is solved for one of its variables: a polynomial in it by
   ``sympy.solve`` (all roots of a polynomial, in radicals or ``CRootOf``), an equation in that
   variable alone by ``solveset`` over the reals (complete when it gives a finite set); the
   value is put into the other equations and the rest is solved the same way;
3. variables no equation fixes are free: the solution is a family (a line, a curve, a plane).

:func:`solve_system` returns the solutions and whether the steps covered the whole system; when
they did not (a step had no complete method), ``complete`` is ``False`` and the caller says that
solutions may be missing.  To make another kind of equation complete, add its method to
:func:`_roots`.
"""

from __future__ import annotations

import sympy
from sympy import Expr, Symbol

from ..sizes import size_at_most

MAX_BRANCHES = 64     # factor choices explored before the search gives up as incomplete
MAX_NODES = 200       # larger equations are not solved


class _Incomplete(Exception):
    """A step without a complete method (or over its budget)."""


def _factors(equation: Expr, variables: set[Symbol]) -> list[Expr] | None:
    """The factors of ``equation = 0`` that may vanish, or ``None`` when it never does
    (a non-zero constant)."""
    numerator = sympy.numer(sympy.together(equation))
    if numerator == 0:
        return []
    try:
        numerator = sympy.factor(numerator)
    except Exception:  # noqa: BLE001 - factor is an aid, the numerator itself is a factor
        pass
    kept = []
    for factor in sympy.Mul.make_args(numerator):
        if factor.is_Pow and factor.exp.is_positive:
            factor = factor.base
        if not factor.free_symbols & variables:
            if factor == 0:
                return []
            continue                                   # a non-zero constant factor
        if isinstance(factor, sympy.exp):
            continue                                   # e^u > 0 for real u
        if factor not in kept:
            kept.append(factor)
    return kept or None


def _is_polynomial(expr: Expr, var: Symbol) -> bool:
    try:
        return expr.is_polynomial(var) and sympy.degree(expr, var) >= 1
    except Exception:  # noqa: BLE001
        return False


def _roots(factor: Expr, var: Symbol) -> list[Expr]:
    """Every real root of ``factor = 0`` in ``var`` (the others are parameters), or
    :class:`_Incomplete`."""
    if _is_polynomial(factor, var):
        roots = sympy.solve(factor, var)
        return [r for r in roots if not _surely_complex(r)]
    if factor.free_symbols == {var}:
        found = sympy.solveset(factor, var, domain=sympy.S.Reals)
        if found is sympy.S.EmptySet:
            return []
        if isinstance(found, sympy.FiniteSet):
            return sorted(found, key=sympy.default_sort_key)
    raise _Incomplete


def _surely_complex(value: Expr) -> bool:
    if value.free_symbols:
        return False
    number = sympy.N(value, 30)
    return abs(sympy.im(number)) > 1e-25


def _solve(equations: list[Expr], variables: tuple[Symbol, ...], budget: list[int]):
    """All real solutions of ``equations`` as dicts (free variables left out)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _Incomplete
    wanted = set(variables)
    split: list[list[Expr]] = []
    for equation in equations:
        if not size_at_most(equation, MAX_NODES):
            raise _Incomplete
        factors = _factors(equation, wanted)
        if factors is None:
            return []                                  # a non-zero constant = 0: no solution
        if factors:
            split.append(factors)
    if not split:
        return [{}]
    several = next((i for i, f in enumerate(split) if len(f) > 1), None)
    if several is not None:
        rest = [f[0] if len(f) == 1 else sympy.Mul(*f) for j, f in enumerate(split) if j != several]
        solutions = []
        for factor in split[several]:
            for solution in _solve([factor, *rest], variables, budget):
                if solution not in solutions:
                    solutions.append(solution)
        return solutions
    single = [f[0] for f in split]
    for index, equation in enumerate(single):
        for var in sorted(equation.free_symbols & wanted, key=lambda s: s.name):
            try:
                roots = _roots(equation, var)
            except _Incomplete:
                continue
            others = [e for j, e in enumerate(single) if j != index]
            remaining = tuple(v for v in variables if v != var)
            solutions = []
            for root in roots:
                below = _solve([e.xreplace({var: root}) for e in others], remaining, budget)
                for solution in below:
                    found = {**solution, var: root.xreplace(solution)}
                    if found not in solutions:
                        solutions.append(found)
            return solutions
    raise _Incomplete


def solve_system(equations: list[Expr], variables: tuple[Symbol, ...]) -> tuple[list[dict], bool]:
    """``(solutions, complete)``: the real solutions of ``equations = 0`` found by complete
    steps, and whether they are all of them.  Incomplete: ``([], False)``."""
    try:
        return _solve(list(equations), tuple(variables), [MAX_BRANCHES]), True
    except (_Incomplete, NotImplementedError, ValueError, TypeError, sympy.PolynomialError):
        return [], False
