"""The problem as typed: the parser keeps what sympy would rewrite, the echo shows it, the
derivation starts from it; and text printed from an expression reads back to the same tree."""

from __future__ import annotations

import json

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.notation.spelling import spelled
from derive.parse import parse
from derive.render.mathlatex import tex
from derive.render.mathml import MathMLPrinter, math_element
from derive.render.mathtext import display, inline
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


# -- a product of fractions is echoed as those fractions side by side -------------------------

y = sympy.Symbol("y")

#: typed → (the variable, the text echo, the LaTeX echo, the MathML of the first fraction)
SIDE_BY_SIDE = [
    (r"\frac{1}{x}\cdot\frac{x}{x+1}", None, "1/x · x/(x + 1)",
     r"\frac{1}{x} \cdot \frac{x}{x + 1}", "<mfrac><mn>1</mn><mi>x</mi></mfrac>"),
    ("1/x * x/(x+1)", None, "1/x · x/(x + 1)", r"\frac{1}{x} \cdot \frac{x}{x + 1}",
     "<mfrac><mn>1</mn><mi>x</mi></mfrac>"),
    (r"-\frac{1}{x}\cdot\frac{x}{x+1}", None, "−1/x · x/(x + 1)",
     r"- \frac{1}{x} \cdot \frac{x}{x + 1}", "<mfrac><mn>1</mn><mi>x</mi></mfrac>"),
    (r"x\cdot\frac{1}{x+1}", None, "x · (1/(x + 1))", r"x \cdot \frac{1}{x + 1}",
     "<mi>x</mi><mo>·</mo>"),
    (r"\frac{2}{3}\cdot\frac{x}{y}", "x", "2/3 · x/y", r"\frac{2}{3} \cdot \frac{x}{y}",
     "<mfrac><mn>2</mn><mn>3</mn></mfrac>"),
    (r"\frac{x}{2}\cdot\sin x", None, "x/2 · sin(x)", r"\frac{x}{2} \cdot \sin{\left(x \right)}",
     "<mfrac><mi>x</mi><mn>2</mn></mfrac>"),
    (r"\frac{1}{x^2}(x+1)", None, "1/x² · (x + 1)",
     r"\frac{1}{x^{2}} \cdot \left(x + 1\right)", "<mfrac><mn>1</mn><msup>"),
]


@pytest.mark.parametrize("typed, wrt, text, latex, mathml", SIDE_BY_SIDE,
                         ids=[s[0] for s in SIDE_BY_SIDE])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_product_of_fractions_is_echoed_side_by_side(typed, wrt, text, latex, mathml, lang):
    derivation = explain(typed, wrt=wrt)
    assert derivation.verified
    title = derivation.render("text", lang).splitlines()[0]
    assert text in title and "((" not in title
    assert latex in derivation.render("latex", lang)
    assert latex in derivation.render("markdown", lang)
    html = derivation.render("html", lang)
    heading = html[html.index("<h1"):html.index("</h1>")]
    assert heading.count("<mo>·</mo>") == 1 and mathml in heading
    data = json.loads(derivation.render("json", lang))
    assert data["latex"]["expression"] == latex
    value = sympy.sympify(data["expression"], locals={"y": y})     # JSON stays sympy's string
    assert sympy.simplify(value - derivation.expression) == 0


def test_the_derivative_of_a_product_side_by_side_is_bracketed():
    """d/dx (1/x · x/(x + 1)): without the brackets it would read (d/dx 1/x) · x/(x + 1)."""
    derivation = explain(r"\frac{1}{x}\cdot\frac{x}{x+1}")
    assert r"\frac{d}{d x} \left(\frac{1}{x} \cdot \frac{x}{x + 1}\right) =" in \
        derivation.render("latex")
    with spelled(parse(derivation.input).spelling):
        assert inline(sympy.Derivative(derivation.expression, x)) == "d/dx (1/x · x/(x + 1))"
    assert "──⎜─ · ─────⎟" in derivation.render("text")
    html = derivation.render("html")
    assert "</mfrac><mrow><mo>(</mo><mrow><mfrac><mn>1</mn><mi>x</mi></mfrac><mo>·</mo>" in html


@pytest.mark.parametrize("typed, text, latex", [
    (r"\sin\left(\frac{1}{x}\cdot\frac{x}{x+1}\right)", "sin(1/x · x/(x + 1))",
     r"\sin{\left(\frac{1}{x} \cdot \frac{x}{x + 1} \right)}"),
    (r"2 - \frac{1}{x}\cdot\frac{x}{x+1}", "2 − 1/x · x/(x + 1)",
     r"2 - \frac{1}{x} \cdot \frac{x}{x + 1}"),
    (r"x - \frac{1}{2}\sin x", "x − 1/2 · sin(x)", r"x - \frac{1}{2} \cdot \sin{\left(x \right)}"),
    (r"x \cdot -\frac{1}{y}", "x · (−1/y)", r"x \cdot \left(- \frac{1}{y}\right)"),
])
def test_a_product_side_by_side_keeps_its_signs_and_brackets(typed, text, latex):
    parsed = parse(typed)
    with spelled(parsed.spelling):
        assert (inline(parsed.expr), tex(parsed.expr)) == (text, latex)


def test_a_product_side_by_side_is_bracketed_under_a_power():
    parsed = parse(r"\frac{1}{x}\cdot\frac{x}{x+1}")
    squared = sympy.Pow(parsed.expr, 2, evaluate=False)
    with spelled(parsed.spelling):
        assert inline(squared) == "(1/x · x/(x + 1))²"
        assert tex(squared) == r"\left(\frac{1}{x} \cdot \frac{x}{x + 1}\right)^{2}"
        assert display((squared,)).splitlines()[1].startswith("⎛1     x  ⎞")


@pytest.mark.parametrize("expr, text, latex", [
    (x / (x + 1), "x/(x + 1)", r"\frac{x}{x + 1}"),
    (2 * (x + 1) ** -2, "2/(x + 1)²", r"\frac{2}{\left(x + 1\right)^{2}}"),
    (sympy.Mul(1 / x, x / (x + 1), evaluate=False), "(x/(x + 1))/x",
     r"\frac{x \frac{1}{x + 1}}{x}"),
    (x * sympy.sin(x) / 2, "x·sin(x)/2", r"\frac{x \sin{\left(x \right)}}{2}"),
])
def test_a_product_nobody_typed_prints_as_one_fraction(expr, text, latex):
    """Rules build products: without a spelling they print as sympy gathers them, as before."""
    assert (inline(expr), tex(expr)) == (text, latex)


@pytest.mark.parametrize("typed, echo", [
    ("x/(x+1)", "x/(x + 1)"), ("2x/(x+1)", "2·x/(x + 1)"), (r"\frac{x\sin x}{2}", "x·sin(x)/2"),
    (r"\frac{1}{x+1}", "1/(x + 1)"), ("x^(-1/2)(x^2+3)", "(x² + 3)/√x"),
    ("x e^(x/y)", "x·e^(x/y)"),
])
def test_one_fraction_typed_is_echoed_as_one_fraction(typed, echo):
    """Only a product of several typed operands, one of them a fraction, is shown side by side:
    ``2x/(x+1)`` is one fraction, and a fraction in an exponent does not count."""
    parsed = parse(typed)
    assert not parsed.spelling.groups
    with spelled(parsed.spelling):
        assert inline(parsed.expr) == echo


def test_fractions_that_cancel_each_other_are_echoed_all():
    """x/(x+1) · (x+1)/x cancels to 1: a part of the product is never taken for another."""
    derivation = explain(r"\frac{1}{x}\cdot\frac{x}{x+1}\cdot\frac{x}{x+1}\cdot\frac{x+1}{x}")
    assert derivation.verified
    assert derivation.render("text").splitlines()[0] == \
        "Derivative of 1/x · x/(x + 1) · x/(x + 1) · (x + 1)/x with respect to x"


@pytest.mark.parametrize("typed, echo", [
    (r"2x \cdot \frac{1}{2} \cdot 2", "2·x"), (r"3\cdot\frac{2}{3}x", "2·x"),
    (r"\frac{2}{3}\cdot\frac{3x}{y}", "2·x/y"),
])
def test_a_product_whose_numbers_merged_is_not_shown_side_by_side(typed, echo):
    """sympy merged numbers of several fractions: the product is an ordinary one (2x would
    otherwise print as 2x · 1/2 · 2 wherever it appears, or as itself without end)."""
    parsed = parse(typed)
    assert not parsed.spelling.groups
    with spelled(parsed.spelling):
        assert inline(parsed.expr) == echo
    assert explain(typed, wrt="x").verified


_OPERANDS = st.sampled_from([
    (r"\frac{1}{x}", "1/x"), (r"\frac{x}{x+1}", "x/(x + 1)"), (r"\frac{2}{3}", "2/3"),
    (r"\frac{x^2}{y}", "x²/y"), ("x", "x"), (r"\sin(x)", "sin(x)"), ("(x+1)", "(x + 1)"),
    (r"\frac{x+1}{x}", "(x + 1)/x"), ("3", "3"), (r"\frac{1}{x^2}", "1/x²"),
    (r"\frac{3}{2}", "3/2"), ("2x", "2·x"),
])


@st.composite
def typed_products(draw):
    """A product typed in LaTeX with a fraction among its factors, maybe signed."""
    operands = draw(st.lists(_OPERANDS, min_size=2, max_size=4))
    if not any(tex_form.startswith(r"\frac") for tex_form, _ in operands):
        operands[draw(st.integers(0, len(operands) - 1))] = (r"\frac{1}{x}", "1/x")
    # −(x + 1)… reads as −x − 1 (the sign goes into the bracket): a reading of its own
    sign = "" if any("+" in o[0] for o in operands) else draw(st.sampled_from(["", "-"]))
    joins = draw(st.lists(st.sampled_from([r"\cdot", r"\times", " "]),
                          min_size=len(operands) - 1, max_size=len(operands) - 1))
    typed = sign + operands[0][0] + "".join(j + " " + o[0] for j, o in zip(joins, operands[1:]))
    return typed, operands


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(typed_products())
def test_a_typed_product_of_fractions_reads_back_side_by_side(case):
    """The echo, in text and in LaTeX, parses to the same tree, side by side again."""
    typed, operands = case
    parsed = parse(typed)
    with spelled(parsed.spelling):
        echo, latex = inline(parsed.expr), tex(parsed.expr)
    again = parse(echo)
    assert again.expr == parsed.expr and parse(latex).expr == parsed.expr, (typed, echo, latex)
    if parsed.spelling.groups:              # shown side by side (else sympy merged factors)
        with spelled(again.spelling):
            assert inline(again.expr) == echo, (typed, echo)    # the echo of the echo
        assert echo.count(" · ") >= 1, (typed, echo)
    with spelled(parsed.spelling):                  # every printer draws it
        printer = MathMLPrinter()
        assert display((parsed.expr,)) and math_element(printer, printer._print(parsed.expr))
    assert sympy.simplify(parsed.expr - sympy.Mul(*(parse(o[0]).expr for o in operands))
                          * (-1 if typed.startswith("-") else 1)) == 0


@settings(max_examples=20, suppress_health_check=list(HealthCheck), deadline=None)
@given(typed_products())
def test_a_typed_product_of_fractions_is_derived_and_drawn(case):
    """The derivation starts from the product as typed, is verified, and every format draws it."""
    typed, _ = case
    derivation = explain(typed, wrt="x")
    assert derivation.verified and derivation.expression == parse(typed).expr
    for fmt in ("text", "latex", "html"):
        assert derivation.render(fmt)
