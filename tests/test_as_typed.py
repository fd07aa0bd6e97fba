"""The problem as typed: the parser keeps what sympy would rewrite, the echo shows it, the
derivation starts from it; and text printed from an expression reads back to the same tree."""

from __future__ import annotations

import json

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.parse import parse
from strategies import smooth_expressions

x, t = sympy.symbols("x t")

#: text → (the expression as written, built without evaluation; what sympy would make of it)
AS_TYPED = [
    (r"e^{2\ln x}", sympy.exp(2 * sympy.log(x), evaluate=False), x**2),
    ("sin(π/2)·x", sympy.sin(sympy.pi / 2, evaluate=False) * x, x),
    (r"(\sqrt2)^t", sympy.Pow(sympy.sqrt(2), t, evaluate=False), 2 ** (t / 2)),
    (r"\frac{1}{x}\cdot\frac{x}{x+1}", sympy.Mul(1 / x, x / (x + 1), evaluate=False), 1 / (x + 1)),
    ("3(x^2+1)", sympy.Mul(3, x**2 + 1, evaluate=False), 3 * x**2 + 3),
    ("(1/2)^x", sympy.Pow(sympy.Rational(1, 2), x, evaluate=False), 2**-x),
    ("(x+1)/(x+1)^2", sympy.Mul(x + 1, sympy.Pow(x + 1, -2), evaluate=False), 1 / (x + 1)),
    ("x^3/x", sympy.Mul(x**3, 1 / x, evaluate=False), x**2),
    ("3 + 3 + x", sympy.Add(3, 3, x, evaluate=False), x + 6),
    ("x + x", sympy.Add(x, x, evaluate=False), 2 * x),
    ("(x+1) + 2", sympy.Add(x + 1, 2, evaluate=False), x + 3),
]


@pytest.mark.parametrize("text, written, rewritten", AS_TYPED, ids=[a[0] for a in AS_TYPED])
def test_the_expression_is_kept_as_written(text, written, rewritten):
    got = parse(text).expr
    assert got == written and got != rewritten
    assert sympy.simplify(got - rewritten) == 0


@pytest.mark.parametrize("text, written, rewritten", AS_TYPED, ids=[a[0] for a in AS_TYPED])
def test_the_derivation_starts_from_the_expression_as_written(text, written, rewritten):
    derivation = explain(text)
    assert derivation.expression == written and derivation.steps.expr == written
    assert derivation.verified
    assert sympy.simplify(derivation.result - sympy.diff(rewritten, *derivation.wrt)) == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_echo_shows_the_exponential_as_typed(lang):
    out = CliRunner().invoke(app, ["diff", r"e^{2\ln x}", "-f", "text", "--lang", lang]).stdout
    first = out.splitlines()[0]
    assert "log(x)" in first or "ln(x)" in first
    data = json.loads(CliRunner().invoke(app, ["diff", r"e^{2\ln x}", "-f", "json"]).stdout)
    assert data["expression"] == "exp(2*log(x))" and data["steps"]["expr"] == "exp(2*log(x))"
    assert data["steps"]["rule"] == "simplify_first"     # e^{2 ln x} = x², written as a step


@pytest.mark.parametrize("text, echo", [
    ("3 + 3 + x", "3 + 3 + x"), ("x + x", "x + x"), ("(x+1) + 2", "(x + 1) + 2"),
])
def test_the_echo_shows_a_sum_as_typed(text, echo):
    """Terms sympy would merge are held: the title and the sum rule's line show them all."""
    out = CliRunner().invoke(app, ["diff", text, "-f", "text", "--detail", "brief"]).stdout
    assert out.splitlines()[0] == f"Derivative of {echo} with respect to x"
    assert f"({echo})" in out or f"[{echo}]" in out


def test_a_sum_that_cancels_to_zero_is_zero():
    """A sum that works out to a number is that number: x − x is 0, so dividing by it is refused."""
    assert parse("x - x").expr == 0


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(smooth_expressions)
def test_printed_text_reads_back_to_the_same_tree(expr):
    """parse(print(e)) is structurally equal to e (not only mathematically)."""
    text = sympy.sstr(expr)
    assert parse(text).expr == expr, (text, sympy.srepr(parse(text).expr), sympy.srepr(expr))


@pytest.mark.parametrize("text, result", [
    ("sin(π/2)·x", sympy.Integer(1)), (r"e^{2\ln x}", 2 * x), ("3(x^2+1)", 6 * x),
    ("x + x", sympy.Integer(2)),
])
def test_the_final_result_is_evaluated(text, result):
    """What was held to keep the problem as typed is evaluated in the tidied result."""
    assert explain(text).result == result
