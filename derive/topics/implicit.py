"""Implicit differentiation, the textbook's way: for F(x, y) = 0, differentiate both sides with
respect to x with y = y(x), collect the dy/dx terms and solve; dy/dx = −F_x / F_y is the check.

The derivative of F(x, y(x)) is traced like any other (y(x) is an undefined function, so every
y brings a factor dy/dx by the chain rule); it is linear in dy/dx, A + B·dy/dx, which gives
dy/dx = −A/B, tidied.  Both partial derivatives F_x and F_y are traced too (the other variable
held constant), and the answer is compared with −F_x/F_y and with ``sympy.idiff``.  An equation
``lhs = rhs`` is read as F = lhs − rhs; an expression alone is read as F = 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Basic, Derivative, Dummy, Equality, Expr, Function, Integer, Symbol

from ..deep import run_deep
from ..derivation import Derivation
from ..errors import UsageError
from ..inputs import read_expression, read_variable
from ..jumps import regular_part
from ..parse import parse_equation
from ..render.json import expression_string, header, latex_string
from ..result import ExpressionResult
from ..tidy import tidy
from ..verify import Verdict
from .common import by_name, compare, traced, traced_data


@dataclass(frozen=True)
class ImplicitDerivative(ExpressionResult):
    """dy/dx from F(x, y) = 0 (``expression`` is F)."""

    x: Symbol
    y: Symbol
    fx: Derivation
    fy: Derivation
    raw: Expr
    result: Expr
    check: Verdict
    readings: tuple = ()
    both_sides: Derivation | None = None   # d/dx F(x, y(x)), y a function of x
    without: Expr = Integer(0)             # A in A + B·dy/dx = 0
    coefficient: Expr = Integer(1)         # B
    formula_check: Verdict | None = None   # the answer against −F_x/F_y

    @property
    def verified(self) -> bool:
        routes = self.both_sides is None or (self.both_sides.verified and self.formula_check.ok)
        return self.fx.verified and self.fy.verified and self.check.ok and routes

    def _data(self) -> dict:

        return {
            **header("implicit", self.input, self.expression,
                   [str(self.x)]),
            "y": str(self.y),
            "result": expression_string(self.result),
            "latex": {"expression": latex_string(self.expression),
                      "result": latex_string(self.result)},
            "verified": self.verified,
            **self.check.data(),
            "route": "both_sides",
            "both_sides": traced_data(self.both_sides),
            "collected": {"without": expression_string(self.without),
                          "coefficient": expression_string(self.coefficient)},
            "formula_check": self.formula_check.data(),
            "steps": [traced_data(self.fx), traced_data(self.fy)],
        }


def implicit(equation, y=None, x=None, *, functions=(), latex=None) -> ImplicitDerivative:
    """dy/dx for the curve ``equation`` (``"x^2 + y^2 = 1"``, or F meaning F = 0)."""
    text, F, readings = _read_equation(equation, functions, latex)
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
    return run_deep(_implicit, text, F, x_symbol, y_symbol, readings)


def _read_equation(equation, functions, latex) -> tuple[str, Expr, tuple]:
    """The text, F = lhs − rhs, and how the text was read."""
    if isinstance(equation, Basic):
        return str(equation), _difference(equation), ()
    if not isinstance(equation, str):
        raise UsageError("api.equation_type", got=type(equation).__name__)
    if "=" not in equation:
        return read_expression(equation, functions, latex)
    parsed = parse_equation(equation, functions=tuple(functions), latex=latex)
    return equation, _difference(parsed), parsed.readings


def _difference(value) -> Expr:
    """F = lhs − rhs from whatever an equation reader returns."""
    if isinstance(value, Equality):
        return value.lhs - value.rhs
    if isinstance(value, tuple) and len(value) == 2:
        return _difference(value[0]) - _difference(value[1])
    if hasattr(value, "lhs") and hasattr(value, "rhs"):
        return _difference(value.lhs) - _difference(value.rhs)
    if hasattr(value, "expr"):
        return _difference(value.expr)
    return value


def _implicit(text, F, x, y, readings) -> ImplicitDerivative:
    fx, fy = traced(F, x), traced(F, y)
    if fy.result == 0:
        raise UsageError("implicit.not_function", x=x, y=y)
    both_sides, without, coefficient = _both_sides(F, x, y)
    raw = -without / coefficient
    result = tidy(raw)
    check = compare(result, regular_part(sympy.idiff(F, y, x)), "sympy.idiff")  # a.e. (floor)
    formula_check = compare(result, tidy(-fx.result / fy.result), "−F_x/F_y")
    return ImplicitDerivative(input=text, expression=F, x=x, y=y, fx=fx, fy=fy, raw=raw,
                              result=result, check=check, readings=readings,
                              both_sides=both_sides, without=without, coefficient=coefficient,
                              formula_check=formula_check)


def _both_sides(F: Expr, x: Symbol, y: Symbol) -> tuple[Derivation, Expr, Expr]:
    """d/dx F(x, y(x)) traced, and its parts A and B in A + B·dy/dx (y written y again)."""
    y_of_x = Function(y.name)(x)
    both_sides = traced(F.xreplace({y: y_of_x}), x)
    slope = Dummy("slope")
    linear = both_sides.result.xreplace({Derivative(y_of_x, x): slope}).xreplace({y_of_x: y})
    coefficient = linear.diff(slope)
    without = linear.xreplace({slope: Integer(0)})    # an Integer even when linear is slope
    return both_sides, tidy(without), tidy(coefficient)
