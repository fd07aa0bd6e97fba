"""sign, H (Heaviside), floor and ceiling: read in every notation, differentiated as tabled
functions whose derivative 0 holds away from their jumps, verified almost everywhere against
``sympy.diff`` (its Dirac deltas dropped), and said so in every format, both languages and the
JSON."""

from __future__ import annotations

import json
import re

import mpmath
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import DiracDelta, Heaviside, Rational, ceiling, floor, sign
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.errors import ParseError
from derive.jumps import Jump, jumps, regular_part
from derive.parse import parse
from derive.steps import ChainStep, FunctionStep
from derive.trace import trace
from derive.verify import sympy_derivative, verify
from strategies import smooth_expressions

x, y = sympy.symbols("x y")
PIECEWISE = (floor, ceiling, Heaviside, sign)


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    return result.stdout


def almost_everywhere(expr, var=x):
    """The test's own oracle: sympy.diff with real symbols, each Dirac delta and each
    derivative sympy leaves unevaluated (floor', ceiling') taken as 0."""
    real = {s: sympy.Symbol(s.name, real=True) for s in expr.free_symbols | {var}}
    d = sympy.diff(expr.xreplace(real), real[var]).xreplace({r: s for s, r in real.items()})
    d = d.replace(lambda e: isinstance(e, DiracDelta), lambda e: 0)
    return d.replace(lambda e: isinstance(e, (sympy.Derivative, sympy.Subs)), lambda e: 0)


# -- reading -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("floor(x)", floor(x)), ("⌊x^2⌋", floor(x**2)), (r"\lfloor x^2 \rfloor", floor(x**2)),
    (r"\left\lfloor 2x \right\rfloor", floor(2 * x)), ("ceil(x)", ceiling(x)),
    ("ceiling(x)", ceiling(x)), ("⌈x⌉", ceiling(x)), (r"\lceil x \rceil", ceiling(x)),
    ("Heaviside(x-1)", Heaviside(x - 1)), ("heaviside(x)", Heaviside(x)), ("H(x)", Heaviside(x)),
    ("xH(x)", x * Heaviside(x)), ("sgn x", sign(x)), ("2⌊x⌋x", 2 * x * floor(x)),
    ("⌊x⌋^2", floor(x)**2),
])
def test_the_notations_are_read(text, expected):
    assert parse(text).expr == expected


def test_h_called_is_the_step_function_and_says_so():
    assert [r.kind for r in parse("H(x)").readings] == ["step_function"]
    assert parse("H").expr == sympy.Symbol("H") and parse("H x").expr == sympy.Symbol("H") * x
    assert parse("H(x)", functions=["H"]).expr == sympy.Function("H")(x)


@pytest.mark.parametrize("text, message", [
    ("⌊x", "missing `⌋`"), ("⌊x)", "expected `⌋`"), ("(x⌋", "expected `)`"),
    ("⌊x⌋⌋", "unmatched `⌋`"), ("⌊⌋", "`floor` needs an argument"),
])
def test_a_floor_bracket_must_be_closed_by_its_own(text, message):
    with pytest.raises(ParseError, match=re.escape(message)):
        parse(text)


# -- tracing and the almost-everywhere oracle ---------------------------------------------------

@pytest.mark.parametrize("fn", PIECEWISE, ids=lambda fn: fn.__name__)
def test_the_derivative_is_zero_away_from_the_jumps(fn):
    step = trace(fn(x), x)
    assert type(step) is FunctionStep and step.result == 0
    chained = trace(fn(x**2 - 2, evaluate=False), x)
    assert type(chained) is ChainStep and chained.result == 0
    assert sympy_derivative(fn(x**2 - 2), (x,)) == 0 == almost_everywhere(fn(x**2 - 2))


@pytest.mark.parametrize("expr, result", [
    (floor(x**2), 0), (x * Heaviside(x - 1), Heaviside(x - 1)), (x * Heaviside(x), Heaviside(x)),
    (x**2 * floor(x), 2 * x * floor(x)), (sympy.sin(x) * ceiling(x), sympy.cos(x) * ceiling(x)),
    (sign(x**2 - 1) * x, sign(x**2 - 1)), (floor(sympy.exp(x)) + x, 1),
])
def test_chains_with_them_are_verified_against_sympy(expr, result):
    derivation = explain(expr)
    assert derivation.verified
    assert sympy.simplify(derivation.result - result) == 0
    assert sympy.simplify(derivation.result - almost_everywhere(expr)) == 0
    assert derivation.verification.jumps


def test_relu_written_with_the_step_function():
    """relu(x) = x·H(x): its derivative is H(x), as relu's own is."""
    derivation = explain("x*Heaviside(x)")
    assert derivation.verified and derivation.result == Heaviside(x)


def test_a_wrong_claim_about_a_jump_function_fails():
    """The almost-everywhere oracle can fail: floor′ = 1 is refused."""
    wrong = FunctionStep(expr=floor(x), var=x, result=sympy.Integer(1), family="floor",
                         function="floor")
    verification = verify(wrong)
    assert not verification.verified and verification.oracle.status == "failed"


def test_the_oracle_drops_only_what_sits_at_a_jump():
    d = sympy.diff(x * Heaviside(x - 1), x)
    assert d.has(DiracDelta) and regular_part(d) == Heaviside(x - 1)
    assert regular_part(sympy.cos(x)) == sympy.cos(x)
    assert regular_part(sympy.Derivative(sympy.Function("f")(x), x)) != 0


def test_the_jumps_and_where_they_hold():
    found = jumps(x * Heaviside(x - 1) + floor(x**2) + floor(y), [x])
    assert found == (Jump("Heaviside", x - 1, "zero"), Jump("floor", x**2, "integers"))
    assert found[0].sides == (x, 1) and found[1].sides == (x**2, 0)
    assert found[0].distance(mpmath.mpf("0.25")) == mpmath.mpf("0.25")
    assert found[1].distance(mpmath.mpf("2.75")) == mpmath.mpf("0.25")
    assert found[1].distance(mpmath.mpf(3)) == 0
    for jump in found:
        assert sympy.sympify(sympy.sstr(jump.condition)) == jump.condition


functions = st.sampled_from(PIECEWISE)


@settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
@given(functions, smooth_expressions, smooth_expressions)
def test_any_product_with_a_jump_function_matches_sympy_almost_everywhere(fn, inner, factor):
    """factor·F(inner), F piecewise constant: verified, and at points away from the jumps equal
    to sympy's derivative with its Dirac deltas dropped."""
    expr = factor * fn(inner)
    derivation = explain(expr, wrt="x") if x in expr.free_symbols else None
    if derivation is None:
        return
    assert derivation.verified
    reference = almost_everywhere(expr)
    compared = 0
    for point in (Rational(3, 7), Rational(-5, 4), Rational(13, 9), Rational(-1, 3)):
        values = {x: point, y: Rational(2, 3)}
        argument = inner.subs(values).evalf(30)
        if not argument.is_real or abs(argument) > 1e6:
            continue
        if fn in (floor, ceiling) and abs(argument - round(argument)) < 1e-6:
            continue                        # at a jump: no derivative
        if fn in (Heaviside, sign) and abs(argument) < 1e-6:
            continue
        a, b = derivation.result.subs(values).evalf(30), reference.subs(values).evalf(30)
        if not (a.is_real and b.is_real):
            continue
        assert abs(a - b) <= 1e-12 * (1 + abs(b)), (expr, point, a, b)
        compared += 1


# -- what is said, in every format and both languages ------------------------------------------

VERDICT = {"en": ("where x² is not an integer", "(almost everywhere)"),
           "zh": ("成立的条件：x² 不是整数", "即几乎处处成立")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("format", ["text", "markdown", "latex", "html"])
def test_the_verdict_says_where_the_result_holds(lang, format):
    out = run("diff", "floor(x^2)", "-f", format, "--lang", lang)
    condition, almost = VERDICT[lang]
    if format == "latex":
        condition = condition.replace("x²", "$x^{2}$")
    elif format == "markdown":
        condition = condition.replace("x²", "$x^{2}$")
    elif format == "html":
        condition = condition.split("x²")[0]
    assert condition in out and almost in out


@pytest.mark.parametrize("lang, note", [
    ("en", ["Holds wherever u ≠ 0", "Dirac delta"]), ("zh", ["在 u ≠ 0 处成立", "狄拉克 δ 函数"])])
def test_the_step_function_notes_name_the_dirac_delta(lang, note):
    out = run("diff", "H(x-1)*x", "-f", "text", "--lang", lang, "--detail", "full")
    for words in note:
        assert words in out
    assert "where x ≠ 1" in out or "x ≠ 1（" in out


def test_floor_note_at_full_detail():
    out = run("diff", "floor(x^2)", "-f", "text", "--detail", "full")
    assert "Holds wherever u is not an integer" in out


def test_the_json_records_where_the_result_holds():
    data = json.loads(run("diff", "x*H(x-1) + floor(x^2)", "-f", "json"))
    where = data["verification"]["almost_everywhere"]
    assert [(w["function"], w["argument"], w["jumps_at"]) for w in where] == [
        ("Heaviside", "x - 1", "zero"), ("floor", "x**2", "integers")]
    assert sympy.sympify(where[0]["condition"]) == sympy.Ne(x - 1, 0)
    assert sympy.sympify(where[1]["condition"]) == sympy.Not(sympy.Contains(x**2, sympy.Integers))
    assert sympy.sympify(data["result"]) == Heaviside(x - 1)
    smooth = json.loads(run("diff", "sin(x)", "-f", "json"))
    assert "almost_everywhere" not in smooth["verification"]


def test_the_step_function_is_printed_as_h():
    assert "x⋅H(x − 1)" in run("diff", "x*Heaviside(x-1)", "-f", "text")
    assert r"H{\left(x - 1 \right)}" in run("diff", "x*Heaviside(x-1)", "-f", "latex")


# -- the topics ---------------------------------------------------------------------------------

@pytest.mark.parametrize("expr, result", [("3floor(x^2)", 0), ("x^2 + sign(x)", "2*x"),
                                          ("ceil(sin x) + x", 1)])
def test_the_limit_definition_of_a_jump_function(expr, result):
    """(F(g(x+h)) − F(g(x)))/h is 0 once h is small enough, away from the jumps."""
    data = json.loads(run("limit", expr, "-f", "json"))
    assert data["verified"] and sympy.sympify(data["result"]) == sympy.sympify(result)
    assert all(piece["move"] != "fallback" for piece in data["steps"])
    assert data["almost_everywhere"]
    for lang, words in (("en", "(almost everywhere)"), ("zh", "即几乎处处成立")):
        assert words in run("limit", expr, "-f", "text", "--lang", lang)


def test_implicit_with_a_jump_function():
    data = json.loads(run("implicit", "y + floor(x) = 1", "-f", "json"))
    assert data["verified"] and data["result"] == "0"
    assert "where x is not an integer (almost everywhere)" in run(
        "implicit", "y + floor(x) = 1", "-f", "text")


def test_the_gradient_says_where_it_holds():
    out = run("grad", "floor(x)*y + H(y-1)", "-f", "text")
    assert "where x is not an integer, y ≠ 1 (almost everywhere)" in out


@pytest.mark.parametrize("text, result", [("relu(x) - x*H(x)", 0),
                                          ("relu(x) + x*H(x)", 2 * Heaviside(sympy.Symbol("x"))),
                                          ("relu(x)", Heaviside(sympy.Symbol("x"), 0))])
def test_step_functions_that_differ_only_at_the_jump_are_one(text, result):
    """relu′ = H(x) with H(0) = 0 and (x·H(x))′ = H(x) almost everywhere: their difference is
    written 0 by a named, checked step (not H(x) − H(x)); ReLU alone keeps its convention."""
    d = explain(text)
    assert d.result == result and d.verified
    x = sympy.Symbol("x")
    one = {Heaviside(x, 0): Heaviside(x)}      # sympy's derivative, H(0) aside
    assert sympy.simplify((d.result - regular_part(sympy.diff(d.expression, x))).subs(one)) == 0
    named = "Write the step functions as one" in d.render("text")
    assert named == (text != "relu(x)")
    if named:
        assert "把两个阶跃函数看作同一个" in d.render("text", "zh")
        assert "H(x) − H(x)" not in d.render("text", "en", "brief").split("=")[-1]
