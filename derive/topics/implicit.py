"""Implicit differentiation, the textbook's way: for an equation ``lhs = rhs`` in x and y,
differentiate both sides with respect to x with y = y(x) (every y brings a factor dy/dx by the
chain rule), collect the dy/dx terms on the left and the others on the right, take dy/dx out
and solve.  The quotient is then brought to the form a book gives, one fraction with the minus
sign in front (:func:`derive.tidy.tidy_fraction_steps`), each rewrite a named step checked like
every other.  dy/dx = −F_x/F_y (F = lhs − rhs) and ``sympy.idiff`` are the checks.

``route="direct"`` makes −F_x/F_y the route shown and the two sides the check: both are always
computed and compared, only the narration changes.  An expression alone is read as F = 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Add, Basic, Derivative, Dummy, Equality, Expr, Function, Integer, Symbol

from ..derivation import Derivation
from ..errors import UsageError
from ..inputs import read_spelled, read_variable, run_spelled
from ..jumps import regular_part
from ..notation.spelling import TEXTBOOK, Spelling
from ..parse import parse_equation
from ..render.json import expression_string, header, latex_string
from ..result import ExpressionResult
from ..routes import checked_route
from ..steps import RewriteStep, rewrites
from ..tidy import tidy, tidy_fraction_steps, tidy_steps_unfactored
from ..verify import Verdict
from .common import by_name, compare, traced, traced_data


@dataclass(frozen=True)
class ImplicitDerivative(ExpressionResult):
    """dy/dx from ``lhs = rhs`` (``expression`` is F = lhs − rhs)."""

    x: Symbol
    y: Symbol
    fx: Derivation
    fy: Derivation
    raw: Expr
    result: Expr
    check: Verdict
    readings: tuple = ()
    lhs: Expr = Integer(0)
    rhs: Expr = Integer(0)
    left: Derivation | None = None         # d/dx lhs(x, y(x))
    right: Derivation | None = None        # d/dx rhs(x, y(x))
    slope_terms: tuple = ((), ())          # coefficients of dy/dx: (left side's, right side's)
    other_terms: tuple = ((), ())          # the terms without dy/dx: (left side's, right side's)
    without: Expr = Integer(0)             # A in A + B·dy/dx = 0
    coefficient: Expr = Integer(1)         # B
    formula_check: Verdict | None = None   # the two sides' answer against −F_x/F_y
    route: str = "book"
    algebra: tuple[RewriteStep, ...] = ()  # the named rewrites from ``raw`` to ``result``
    algebra_checks: tuple[Verdict, ...] = ()  # each rewrite's two forms compared

    @property
    def verified(self) -> bool:
        sides = self.left is None or (self.left.verified and self.right.verified
                                      and self.formula_check.ok)
        algebra = all(verdict.ok for verdict in self.algebra_checks)
        return self.fx.verified and self.fy.verified and self.check.ok and sides and algebra

    def _data(self) -> dict:
        terms = [{"dydx": [expression_string(t) for t in slope],
                  "other": [expression_string(t) for t in other]}
                 for slope, other in zip(self.slope_terms, self.other_terms)]
        return {
            **header("implicit", self.input, self.expression,
                   [str(self.x)]),
            "y": str(self.y),
            "equation": {"lhs": expression_string(self.lhs), "rhs": expression_string(self.rhs)},
            "result": expression_string(self.result),
            "latex": {"expression": latex_string(self.expression),
                      "result": latex_string(self.result)},
            "verified": self.verified,
            **self.check.data(),
            "route": self.route,
            "both_sides": {"left": traced_data(self.left), "right": traced_data(self.right),
                           "terms": {"left": terms[0], "right": terms[1]}},
            "collected": {"without": expression_string(self.without),
                          "coefficient": expression_string(self.coefficient)},
            "raw": expression_string(self.raw),
            "algebra": [{"rewrite": step.rewrite, "expr": expression_string(step.expr),
                         "result": expression_string(step.result), **verdict.data()}
                        for step, verdict in zip(self.algebra, self.algebra_checks)],
            "formula_check": self.formula_check.data(),
            "steps": [traced_data(self.fx), traced_data(self.fy)],
        }


def implicit(equation, y=None, x=None, *, functions=(), latex=None,
             route: str | None = None) -> ImplicitDerivative:
    """dy/dx for the curve ``equation`` (``"x^2 + y^2 = 1"``, or F meaning F = 0).

    ``route`` is ``"book"`` (both sides differentiated, the default) or ``"direct"`` (−F_x/F_y
    shown first); both are computed and checked either way."""
    route = checked_route(route)
    text, lhs, rhs, readings, spelling = _read_equation(equation, functions, latex)
    F = sympy.Add(lhs, -rhs)
    y_symbol = Symbol("y") if y is None else read_variable(y)
    if y_symbol not in F.free_symbols:
        raise UsageError("implicit.no_y", y=y_symbol)
    others = by_name(F.free_symbols - {y_symbol})
    if x is not None:
        x_symbol = read_variable(x)
    elif len(others) == 1:
        x_symbol = others[0]
    elif Symbol("x") in others:
        x_symbol = Symbol("x")
    else:
        raise UsageError("implicit.choose_x" if others else "implicit.only_y", y=y_symbol)
    if x_symbol == y_symbol:
        raise UsageError("implicit.same")
    return run_spelled(spelling, _implicit, text, lhs, rhs, x_symbol, y_symbol, readings,
                       route)


def _read_equation(equation, functions, latex) -> tuple[str, Expr, Expr, tuple, Spelling]:
    """The text, the two sides (the right one 0 for an expression alone), how the text was
    read and how it was written."""
    if isinstance(equation, Basic):
        lhs, rhs = _sides(equation)
        return str(equation), lhs, rhs, (), TEXTBOOK
    if not isinstance(equation, str):
        raise UsageError("api.equation_type", got=type(equation).__name__)
    if "=" not in equation:
        text, expr, readings, _, spelling = read_spelled(equation, functions, latex, False)
        return text, expr, Integer(0), readings, spelling
    parsed = parse_equation(equation, functions=tuple(functions), latex=latex)
    lhs, rhs = parsed.sides
    return equation, lhs, rhs, parsed.readings, parsed.spelling


def _sides(value) -> tuple[Expr, Expr]:
    """(lhs, rhs) of a sympy equation; an expression F is F = 0."""
    if isinstance(value, Equality):
        return value.lhs, value.rhs
    return value, Integer(0)


def _implicit(text, lhs, rhs, x, y, readings, route) -> ImplicitDerivative:
    F = sympy.Add(lhs, -rhs)
    fx, fy = traced(F, x), traced(F, y)
    if fy.result == 0:
        raise UsageError("implicit.not_function", x=x, y=y)
    y_of_x = Function(y.name)(x)
    left, right = (traced(side.xreplace({y: y_of_x}), x, tidy=tidy_steps_unfactored)
                   for side in (lhs, rhs))
    (left_slope, left_other), (right_slope, right_other) = (
        _split_terms(side.result, y_of_x, x, y) for side in (left, right))
    coefficient = tidy(Add(*left_slope) - Add(*right_slope))
    without = tidy(Add(*left_other) - Add(*right_other))
    if coefficient == 0:
        raise UsageError("implicit.slope_cancels", x=x, y=y)
    raw = -without / coefficient
    algebra = rewrites(raw, x, tidy_fraction_steps)
    algebra_checks = tuple(compare(step.result, step.expr, "the form before")
                           for step in algebra)
    result = algebra[-1].result if algebra else raw
    check = compare(result, regular_part(sympy.idiff(F, y, x)), "sympy.idiff")  # a.e. (floor)
    formula_check = compare(result, tidy(-fx.result / fy.result), "−F_x/F_y")
    return ImplicitDerivative(input=text, expression=F, x=x, y=y, fx=fx, fy=fy, raw=raw,
                              result=result, check=check, readings=readings, lhs=lhs, rhs=rhs,
                              left=left, right=right,
                              slope_terms=(left_slope, right_slope),
                              other_terms=(left_other, right_other),
                              without=without, coefficient=coefficient,
                              formula_check=formula_check, route=route, algebra=algebra,
                              algebra_checks=algebra_checks)


def _split_terms(derivative: Expr, y_of_x: Expr, x: Symbol, y: Symbol) -> tuple[tuple, tuple]:
    """The terms of one side's derivative (y(x) written y again): the coefficients of the
    dy/dx terms and the other terms, in the order of the sum.  A term that holds dy/dx inside
    brackets, (1 + dy/dx)/(2√(x+y)), is multiplied out first."""
    slope = Dummy("slope")
    linear = derivative.xreplace({Derivative(y_of_x, x): slope}).xreplace({y_of_x: y})
    slopes, others = [], []
    pending = list(Add.make_args(linear))
    while pending:
        term = pending.pop(0)
        if not term.has(slope):
            others.append(term)
            continue
        coefficient = term / slope
        if not coefficient.has(slope):
            slopes.append(coefficient)
            continue
        expanded = Add.make_args(sympy.expand(term, power_exp=False, power_base=False,
                                              log=False, multinomial=False))
        if len(expanded) > 1:
            pending[:0] = expanded
        else:                        # linear in dy/dx, but not as a factor: split it by value
            slopes.append(term.diff(slope))
            others.append(term.xreplace({slope: Integer(0)}))
    return tuple(s for s in slopes if s != 0), tuple(o for o in others if o != 0)
