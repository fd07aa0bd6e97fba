"""Critical points: ∇f = 0 solved over the reals and each point classified by the Hessian.

1. every partial derivative is traced (the gradient), and the system ∂f/∂xᵢ = 0 written out;
2. ``sympy.solve`` finds its real solutions (bounded: equations larger than :data:`MAX_NODES`
   nodes are not attempted, and a failure of ``solve`` is reported as *unsolved*, never hidden).
   A solution that leaves a variable free, or depends on another one, is a *family*: the set of
   critical points is then infinite (x²y² is critical along both axes);
3. each point is checked exactly: every partial derivative is 0 there;
4. the second-derivative test: the Hessian (traced second partials) at the point, its leading
   principal minors D₁ = f_xx, D₂ = det H, …: all positive → minimum, alternating from negative →
   maximum, det H ≠ 0 otherwise → saddle, det H = 0 → inconclusive.  One variable: f''.
5. points where a first derivative is undefined (a denominator vanishes) but f itself is defined
   (4√x − x² at 0, √(4−x²) at ±2) are listed separately.

To classify another way (e.g. higher-order tests), add a function next to :func:`classify`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, ImmutableMatrix, Symbol, denom, together

from ..deep import run_deep
from ..derivation import Derivation
from ..errors import UsageError
from ..inputs import read_expression, read_variables, require_present
from ..render.json import expression_string, header, latex_string
from ..result import ExpressionResult
from ..sizes import size_at_most
from .common import by_name, traced, traced_data
from .solving import solve_system

MAX_NODES = 200          # larger equations are not handed to sympy.solve
MAX_SOLUTIONS = 50       # more than this many solutions: reported, not classified one by one

CLASSES = ("minimum", "maximum", "saddle", "inconclusive", "varies")


@dataclass(frozen=True)
class CriticalPoint:
    """One solution of ∇f = 0: a point, or a family when ``free`` is not empty."""

    values: tuple[tuple[Symbol, Expr], ...]     # variable → value, in variable order
    free: tuple[Symbol, ...]                    # variables left free (a family of points)
    value: Expr                                 # f there
    hessian: ImmutableMatrix                    # the Hessian there
    minors: tuple[Expr, ...]                    # leading principal minors D₁ … Dₙ
    classification: str                         # one of CLASSES
    exact: bool                                 # every partial derivative is exactly 0 there

    @property
    def is_family(self) -> bool:
        return bool(self.free)

    def as_dict(self) -> dict[Symbol, Expr]:
        return dict(self.values)


@dataclass(frozen=True)
class CriticalPoints(ExpressionResult):
    """The critical points of f, how they were found, and their classes."""

    variables: tuple[Symbol, ...]
    partials: tuple[Derivation, ...]                 # ∂f/∂xᵢ
    second: tuple[tuple[Derivation, ...], ...]       # ∂/∂xⱼ(∂f/∂xᵢ), row i
    points: tuple[CriticalPoint, ...]
    status: str                                  # solved | infinite | none | partial | unsolved
    reason: str = ""                             # why unsolved
    undefined: tuple[tuple[tuple[Symbol, Expr], ...], ...] = ()
    readings: tuple = ()

    @property
    def hessian(self) -> ImmutableMatrix:
        return ImmutableMatrix([[t.result for t in row] for row in self.second])

    @property
    def verified(self) -> bool:
        traced_ok = all(p.verified for p in self.partials) and all(
            t.verified for row in self.second for t in row)
        return traced_ok and self.status not in ("unsolved", "partial") and all(
            p.exact for p in self.points)

    def _data(self) -> dict:

        def point_data(p: CriticalPoint) -> dict:
            return {
                "point": {str(s): expression_string(v) for s, v in p.values},
                "free": [str(s) for s in p.free],
                "value": expression_string(p.value),
                "hessian": [[expression_string(e) for e in p.hessian.row(i)]
                            for i in range(p.hessian.rows)],
                "minors": [expression_string(m) for m in p.minors],
                "classification": p.classification,
                "gradient_zero": p.exact,
            }

        return {
            **header("critical", self.input, self.expression,
                   [str(v) for v in self.variables]),
            "status": self.status,
            **({"reason": self.reason} if self.reason else {}),
            "result": [point_data(p) for p in self.points],
            "derivative_undefined_at": [{str(s): expression_string(v) for s, v in u}
                                        for u in self.undefined],
            "gradient": {str(p.var): expression_string(p.result) for p in self.partials},
            "hessian": [[expression_string(t.result) for t in row] for row in self.second],
            "latex": {"expression": latex_string(self.expression),
                      "hessian": latex_string(self.hessian)},
            "verified": self.verified,
            "steps": [traced_data(p) for p in self.partials]
                     + [traced_data(t) for row in self.second for t in row],
        }


def critical_points(expression, wrt=None, *, functions=(), latex=None) -> CriticalPoints:
    """Solve ∇f = 0 over the reals and classify each solution by the second-derivative test."""
    text, expr, readings = read_expression(expression, functions, latex)
    variables = read_variables(wrt) or by_name(expr.free_symbols)
    require_present(expr, variables)
    if not variables:
        raise UsageError("critical.no_variables")
    return run_deep(_critical, text, expr, tuple(variables), readings)


def _critical(text, expr, variables, readings) -> CriticalPoints:
    partials = tuple(traced(expr, v) for v in variables)
    second = tuple(tuple(traced(p.result, v) for v in variables) for p in partials)
    hessian = ImmutableMatrix([[t.result for t in row] for row in second])
    equations = [p.result for p in partials]
    solutions, status, reason = solve_real(equations, variables)
    points = tuple(_critical_point(expr, variables, equations, hessian, s) for s in solutions)
    points = tuple(p for p in points if p is not None)
    points = _without_members_of_families(points)
    if status == "solved":
        status = "infinite" if any(p.is_family for p in points) else ("solved" if points else "none")
    undefined = _undefined(expr, variables, equations, points)
    return CriticalPoints(input=text, expression=expr, variables=variables, partials=partials,
                          second=second, points=points, status=status, reason=reason,
                          undefined=undefined, readings=readings)


def solve_real(equations, variables):
    """``(solutions, status, reason)``: real solutions as dicts, sorted deterministically; the
    status is ``solved`` only when every solution was found (:mod:`.solving`), ``partial`` when
    ``sympy.solve`` had to be trusted for what it returned."""
    if not all(size_at_most(e, MAX_NODES) for e in equations):
        return [], "unsolved", "the equations are too large to solve"
    real = {v: Symbol(v.name, real=True) for v in variables}
    back = {r: v for v, r in real.items()}
    others = {s: Symbol(s.name, real=True) for e in equations for s in e.free_symbols
              if s not in real}
    back.update({r: s for s, r in others.items()})
    system = [e.xreplace({**real, **others}) for e in equations]
    system = [e for e in system if e != 0]
    if not system:
        return [{}], "solved", ""
    found, complete = solve_system(system, tuple(real[v] for v in variables))
    status = "solved"
    if not complete:
        status = "partial"
        try:
            found = sympy.solve(system, [real[v] for v in variables], dict=True)
        except (NotImplementedError, ValueError, TypeError, sympy.PolynomialError) as error:
            return [], "unsolved", f"sympy.solve could not solve the system ({type(error).__name__})"
    if len(found) > MAX_SOLUTIONS:
        return [], "unsolved", f"more than {MAX_SOLUTIONS} solutions"
    solutions = []
    for solution in found:        # realness is asked of the real symbols, before going back
        if all(_may_be_real(v) for v in solution.values()):
            solutions.append({k.xreplace(back): v.xreplace(back) for k, v in solution.items()})
    solutions.sort(key=lambda s: _sort_key(s, variables))
    return solutions, status, ""


def _may_be_real(value: Expr) -> bool:
    """A number that is real, or a value in free variables real for some of them (x = √(1 − y²)
    on |y| ≤ 1): a family is dropped only when it is never real."""
    if value.free_symbols:
        return value.is_real is not False
    return _is_real(value)


def _is_real(value: Expr) -> bool:
    if value.is_real is not None:
        return bool(value.is_real)
    if value.free_symbols:
        return sympy.im(value) == 0
    number = sympy.N(value, 30)
    return abs(sympy.im(number)) < 1e-25


def _sort_key(solution: dict, variables):
    key = []
    for v in variables:
        value = solution.get(v)
        if value is None or value.free_symbols:
            key.append((1, 0.0, str(value)))
        else:
            key.append((0, float(sympy.re(sympy.N(value))), str(value)))
    return tuple(key)


def _critical_point(expr, variables, equations, hessian, solution) -> CriticalPoint | None:
    values = tuple((v, solution[v]) for v in variables if v in solution)
    bound = {v for v, _ in values}
    free = by_name([v for v in variables if v not in bound]
                   + [s for _, val in values for s in val.free_symbols if s in variables])
    mapping = dict(values)
    value = _at(expr, mapping)
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or (
            not value.free_symbols and not _is_real(value)):
        return None                                       # outside the domain of f
    exact = all(_is_zero(_at(e, mapping)) for e in equations)
    local = ImmutableMatrix(hessian.rows, hessian.cols, [_at(e, mapping) for e in hessian])
    minors = tuple(_value(local[:k, :k].det()) for k in range(1, local.rows + 1))
    return CriticalPoint(values=values, free=free, value=value, hessian=local, minors=minors,
                         classification=classify(minors), exact=exact)


def _without_members_of_families(points):
    """The points, but an isolated point that lies on one of the families (the origin on the
    line y = x) is part of that family's set and not listed again."""
    families = [p for p in points if p.is_family]

    def on_family(point: CriticalPoint) -> bool:
        where = point.as_dict()
        return any(all(_is_zero(value.xreplace(where) - where[v]) for v, value in family.values)
                   for family in families)

    return tuple(p for p in points if p.is_family or not on_family(p))


def _at(expr: Expr, mapping: dict) -> Expr:
    return _value(expr.xreplace(mapping)) if mapping else expr


def _value(expr: Expr) -> Expr:
    """A value at a critical point in its simplest exact form: a number fully simplified
    (``simplify``, which :func:`derive.tidy.tidy`'s cheap rewrites are not meant to do), an
    expression in free variables over one denominator."""
    if not size_at_most(expr, MAX_NODES):
        return expr
    return sympy.simplify(expr) if not expr.free_symbols else sympy.factor_terms(sympy.cancel(expr))


def _is_zero(expr: Expr) -> bool:
    return expr == 0 or (size_at_most(expr, MAX_NODES) and sympy.simplify(expr) == 0)


def sign(value: Expr) -> int | None:
    """−1, 0 or 1; ``None`` when the sign depends on a free variable or cannot be decided."""
    if _is_zero(value):
        return 0
    if value.is_positive:
        return 1
    if value.is_negative:
        return -1
    if value.free_symbols:
        return None
    number = sympy.N(value, 30)
    if number.is_real:
        return 1 if number > 0 else -1
    return None


def classify(minors: tuple[Expr, ...]) -> str:
    """The second-derivative test from the leading principal minors of the Hessian."""
    signs = [sign(m) for m in minors]
    if signs[-1] == 0:
        return "inconclusive"
    if any(s is None for s in signs):
        return "varies"
    if all(s == 1 for s in signs):
        return "minimum"
    if all(s == (-1) ** k for k, s in enumerate(signs, start=1)):
        return "maximum"
    return "saddle"


def _undefined(expr, variables, equations, points):
    """Points where a first derivative has a vanishing denominator while f is defined."""
    found: list[tuple[tuple[Symbol, Expr], ...]] = []
    known = {tuple(p.values) for p in points}
    for equation in equations:
        bottom = denom(together(equation))
        if not bottom.free_symbols & set(variables):
            continue
        solutions, status, _ = solve_real([bottom], variables)
        if status != "solved":
            continue
        for solution in solutions:
            if any(v not in solution or solution[v].free_symbols for v in variables):
                continue
            values = tuple((v, solution[v]) for v in variables)
            f_there = expr.xreplace(dict(values))
            if f_there.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or not _is_real(f_there):
                continue
            if values not in known and values not in found:
                found.append(values)
    found.sort(key=lambda vals: _sort_key(dict(vals), variables))
    return tuple(found)
