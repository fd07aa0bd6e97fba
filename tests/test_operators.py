"""Derivative operators in the input: the operator sets the variable and the order, whatever
its spelling (plain, unicode, LaTeX; first and second order; partial), and every command that
differentiates an expression reads it."""

from __future__ import annotations

import json

import pytest
import sympy
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.errors import DeriveError, ParseError
from derive.parse import parse

x, y, z, t, s, u, w_1, theta = sympy.symbols("x y z t s u w_1 theta")

#: text → (variables in the order taken, partial, operand)
FORMS = [
    ("d/dx x^2", (x,), False, x**2),
    ("d/dx (x^2 + 1)", (x,), False, x**2 + 1),
    ("d/dx[x^2 sin x]", (x,), False, x**2 * sympy.sin(x)),
    ("d/dx(sin x)", (x,), False, sympy.sin(x)),
    ("d / dx  e^x", (x,), False, sympy.exp(x)),
    ("(d)/(dx)(x^3 - x)", (x,), False, x**3 - x),
    ("d/dt t^2", (t,), False, t**2),
    ("d/dθ sin θ", (theta,), False, sympy.sin(theta)),
    ("d/dw_1 (w_1 x)", (w_1,), False, w_1 * x),
    ("d^2/dx^2 x^4", (x, x), False, x**4),
    ("d²/dx² sin x", (x, x), False, sympy.sin(x)),
    ("d^3/dx^3 (x^5)", (x, x, x), False, x**5),
    ("∂/∂x (x^2 y)", (x,), True, x**2 * y),
    ("∂/∂y x^2y", (y,), True, x**2 * y),
    ("∂²/∂x² x^3y", (x, x), True, x**3 * y),
    ("∂^2/∂x∂y (x^2 y^3)", (y, x), True, x**2 * y**3),
    ("(∂)/(∂s)(s^2 t)", (s,), True, s**2 * t),
    (r"\frac{d}{dx} x^2", (x,), False, x**2),
    (r"\frac{d}{dx}\left(x^2 \sin x\right)", (x,), False, x**2 * sympy.sin(x)),
    (r"\dfrac{d}{dx}\left(x^2 \sin x\right)", (x,), False, x**2 * sympy.sin(x)),
    (r"\dfrac{d}{dx}\left[\frac{1}{x}\right]", (x,), False, 1 / x),
    (r"\tfrac{d}{dt}(t e^t)", (t,), False, t * sympy.exp(t)),
    (r"\frac{d}{d\theta} \cos\theta", (theta,), False, sympy.cos(theta)),
    (r"\frac{\mathrm{d}}{\mathrm{d}x} \ln x", (x,), False, sympy.log(x)),
    (r"\frac{d^2}{dx^2} e^{3x}", (x, x), False, sympy.exp(3 * x)),
    (r"\frac{d^{2}}{dx^{2}}\left(x^3\right)", (x, x), False, x**3),
    (r"\frac{\partial}{\partial x} (x y^2)", (x,), True, x * y**2),
    (r"\frac{\partial}{\partial y}\left(e^{xy}\right)", (y,), True, sympy.exp(x * y)),
    (r"\frac{\partial^2}{\partial x^2} x^2 y", (x, x), True, x**2 * y),
    (r"\frac{\partial^2}{\partial x \partial y} x^2 y^2", (y, x), True, x**2 * y**2),
    (r"\frac{\partial^2}{\partial y\,\partial x} \sin(xy)", (x, y), True, sympy.sin(x * y)),
    ("y = x^3, d^2y/dx^2", (x, x), False, x**3),
    (r"y = x^2 \sin x, \frac{dy}{dx}", (x,), False, x**2 * sympy.sin(x)),
    (r"\frac{d^2 y}{dx^2}; y = e^{2x}", (x, x), False, sympy.exp(2 * x)),
    ("(d^3y)/(dx^3) ; y=3 cos x", (x, x, x), False, 3 * sympy.cos(x)),
    ("f(x) = x^2 + 1; df/dx", (x,), False, x**2 + 1),
    ("z = x^2 y; ∂z/∂y", (y,), True, x**2 * y),
    (r"\frac{\partial z}{\partial s}, z = s^2 t", (s,), True, s**2 * t),
]


@pytest.mark.parametrize("text, variables, partial, operand", FORMS, ids=[f[0] for f in FORMS])
def test_an_operator_sets_variable_order_and_operand(text, variables, partial, operand):
    parsed = parse(text, operators=True)
    assert parsed.operator is not None
    assert parsed.operator.variables == variables
    assert parsed.operator.partial == partial
    assert sympy.simplify(parsed.expr - operand) == 0
    assert any(r.kind == "derivative_operator" for r in parsed.readings)


def test_the_table_has_at_least_thirty_forms():
    assert len(FORMS) >= 30
    assert sum(f[0].startswith("\\") for f in FORMS) >= 10
    assert sum(len(f[1]) == 2 for f in FORMS) >= 8 and sum(f[2] for f in FORMS) >= 8


@pytest.mark.parametrize("text, message", [
    ("d/dx", "nothing to differentiate"),
    (r"\frac{d}{dx}", "nothing to differentiate"),
    ("∂/∂y", "nothing to differentiate"),
    ("dy/dx", "what y is"),
    ("d^2/dx^3 x^5", "do not match"),
    ("d^2/dxdy (xy)", "mixes variables"),
    ("x + d/dx(x^2)", "must come first"),
    ("d/dx x^2, d/dy y^2", "one derivative"),
    ("y = x^2, dz/dx", "what z is"),
])
def test_operator_errors_are_clear(text, message):
    with pytest.raises(ParseError) as caught:
        parse(text, operators=True)
    assert message in caught.value.report()


def test_dy_dx_of_an_equation_points_to_implicit():
    with pytest.raises(DeriveError) as caught:
        parse("x^2 + y^2 = 1, dy/dx", operators=True)
    assert "derive implicit" in str(caught.value.report())


def test_an_operator_where_none_is_expected_is_refused():
    with pytest.raises(ParseError) as caught:
        parse("d/dx x^2")
    assert "derivative" in caught.value.report()


def test_the_leibniz_operator_no_longer_loses_a_factor():
    """\\frac{d}{dx}(x^2 sin x) is the product rule on x² sin x, not d/(d·x)·…"""
    derivation = explain(r"\frac{d}{dx}\left(x^2 \sin x\right)")
    assert derivation.expression == x**2 * sympy.sin(x)
    assert derivation.wrt == (x,)
    assert sympy.simplify(derivation.result - sympy.diff(x**2 * sympy.sin(x), x)) == 0


def test_second_order_operator_is_a_second_derivative():
    derivation = explain(r"\frac{d^2}{dx^2} x^4")
    assert derivation.wrt == (x, x) and derivation.result == 12 * x**2


@pytest.mark.parametrize("kwargs, message", [
    ({"wrt": "y"}, "says x"),
    ({"order": 3}, "order 2"),
])
def test_a_conflicting_option_is_an_error(kwargs, message):
    with pytest.raises(DeriveError) as caught:
        explain("d^2/dx^2 (x^4 y)", **kwargs)
    assert message in str(caught.value)


def test_an_agreeing_option_is_fine():
    assert explain("d^2/dx^2 (x^4 y)", wrt="x", order=2).wrt == (x, x)


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("args, key, value", [
    (["diff", "d/dx (x^2 y)"], "result", "2*x*y"),
    (["diff", r"\frac{\partial^2}{\partial x \partial y} x^2 y^2"], "result", "4*x*y"),
    (["check", "d/dx x^3", "3x^2"], "correct", True),
    (["grad", "∂/∂y (x^2 y)"], "result", {"y": "x**2"}),
    (["limit", "d/dt t^2"], "result", "2*t"),
])
def test_every_command_that_differentiates_reads_an_operator(args, key, value):
    result = run(*args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)[key] == value


@pytest.mark.parametrize("args", [
    ["critical", "d/dx (x^2 + y^2)"],
    ["compose", "d/dx x", "x^2"],
    ["diff", "d/dx x^2", "--wrt", "y"],
    ["diff", "d/dx", "--wrt", "x"],
])
def test_an_operator_a_command_cannot_use_is_one_clear_error(args):
    result = run(*args, "-f", "text")
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr
