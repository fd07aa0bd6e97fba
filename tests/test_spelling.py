"""The input as the user wrote it: function names kept (``ln``, ``arctan``, ``tan⁻¹``, ``log₂``),
textbook names where the user named none, and sums echoed and differentiated in the order typed,
in every format and both languages; printed echoes read back to the same expression."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive import explain
from derive.notation.spelling import TEXTBOOK, printed_factors, printed_terms, spelled
from derive.parse import parse
from derive.render.mathlatex import tex
from derive.render.mathtext import inline
from strategies import smooth_expressions

x = sympy.Symbol("x")
ROOT = Path(__file__).resolve().parent.parent

#: typed → (the text echo, the LaTeX, a piece of the MathML)
NAMES = [
    ("ln(x)", "ln(x)", r"\ln{\left(x \right)}", "<mi>ln</mi>"),
    ("log(x)", "log(x)", r"\log{\left(x \right)}", "<mi>log</mi>"),
    (r"\ln x", "ln(x)", r"\ln{\left(x \right)}", "<mi>ln</mi>"),
    ("arctan(x)", "arctan(x)", r"\arctan{\left(x \right)}", "<mi>arctan</mi>"),
    ("atan(x)", "atan(x)", r"\operatorname{atan}{\left(x \right)}", "<mi>atan</mi>"),
    ("tan^-1(x)", "tan⁻¹(x)", r"\tan^{-1}{\left(x \right)}",
     "<msup><mi>tan</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>"),
    ("arcsin(x)", "arcsin(x)", r"\arcsin{\left(x \right)}", "<mi>arcsin</mi>"),
    ("asin(x)", "asin(x)", r"\operatorname{asin}{\left(x \right)}", "<mi>asin</mi>"),
    ("sin^{-1} x", "sin⁻¹(x)", r"\sin^{-1}{\left(x \right)}", "<msup><mi>sin</mi>"),
    ("arsinh(x)", "arsinh(x)", r"\operatorname{arsinh}{\left(x \right)}", "<mi>arsinh</mi>"),
    ("log_2(x)", "log₂(x)", r"\log_{2}{\left(x \right)}",
     "<msub><mi>log</mi><mn>2</mn></msub>"),
    ("log_10(x)", "log₁₀(x)", r"\log_{10}{\left(x \right)}",
     "<msub><mi>log</mi><mn>10</mn></msub>"),
    ("lg x", "log₁₀(x)", r"\log_{10}{\left(x \right)}", "<msub><mi>log</mi><mn>10</mn></msub>"),
    ("log₂ x", "log₂(x)", r"\log_{2}{\left(x \right)}", "<msub><mi>log</mi><mn>2</mn></msub>"),
    ("sqrt(x)", "√x", r"\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
    ("sqrt(x+1)", "√(x + 1)", r"\sqrt{x + 1}", "<msqrt>"),
]

#: a function nobody named is printed by the name a calculus textbook uses
TEXTBOOK_FORMS = [
    (sympy.log(x), "ln(x)", r"\ln{\left(x \right)}"),
    (sympy.atan(x), "arctan(x)", r"\arctan{\left(x \right)}"),
    (sympy.acos(x), "arccos(x)", r"\arccos{\left(x \right)}"),
    (sympy.acot(x), "arccot(x)", r"\operatorname{arccot}{\left(x \right)}"),
    (sympy.atanh(x), "artanh(x)", r"\operatorname{artanh}{\left(x \right)}"),
    (sympy.sqrt(x), "√x", r"\sqrt{x}"),
    (sympy.log(x) / sympy.log(2), "ln(x)/ln(2)", r"\frac{\ln{\left(x \right)}}{\ln{\left(2 \right)}}"),
]


@pytest.mark.parametrize("typed, text, latex, mathml", NAMES, ids=[n[0] for n in NAMES])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_name_typed_is_kept_in_every_format(typed, text, latex, mathml, lang):
    derivation = explain(typed)
    title = derivation.render("text", lang).splitlines()[0]
    assert text in title
    assert latex in derivation.render("latex", lang)
    assert latex in derivation.render("markdown", lang)
    assert mathml in derivation.render("html", lang)
    data = json.loads(derivation.render("json", lang))
    assert data["latex"]["expression"] == latex and data["steps"]["latex"]["expr"] == latex
    assert sympy.sympify(data["expression"]) == derivation.expression   # JSON stays sympy's


@pytest.mark.parametrize("expr, text, latex", TEXTBOOK_FORMS, ids=[f[1] for f in TEXTBOOK_FORMS])
def test_a_function_nobody_named_has_its_textbook_name(expr, text, latex):
    with spelled(TEXTBOOK):
        assert inline(expr) == text and tex(expr) == latex


@pytest.mark.parametrize("typed, name, other", [("log(x)^2", "log", "ln"),
                                                 ("ln(x)^2", "ln", "log")])
def test_the_name_typed_is_kept_in_the_derived_forms(typed, name, other):
    """Every step and the result use the user's name: log typed stays log, ln stays ln."""
    derivation = explain(typed)
    text = derivation.render("text", detail="full")
    assert f"{name}(x)" in "".join(text.splitlines()[-5:])        # the result
    assert f"{other}(x)" not in text
    latex = derivation.render("latex", detail="full")
    assert rf"\{name}{{\left(x \right)}}" in latex and rf"\{other}{{\left(" not in latex


def test_log_base_is_shown_as_typed_and_its_rule_stated():
    out = explain("log_2(x^2+1)").render("text", detail="full")
    assert out.splitlines()[0] == "Derivative of log₂(x² + 1) with respect to x"
    assert "d/dx log_b x = 1/(x·ln b)" in out
    assert "ln(2)" in out.splitlines()[-4] + out.splitlines()[-3] + out.splitlines()[-2]


def test_mixed_names_each_keep_their_spelling():
    out = explain("ln(x)*arctan(x) + log_2(x)").render("text")
    assert out.splitlines()[0] == "Derivative of ln(x)·arctan(x) + log₂(x) with respect to x"
    assert "log(x)" not in out and "atan" not in out
    assert "term 1 — Product rule" in out     # the product, typed first, is term 1


# -- term order ------------------------------------------------------------------------------

ORDERS = [
    ("w1*x1 + w2*x2 + b1", "x1", "w1·x1 + w2·x2 + b1", r"w_{1} \cdot x_{1} + w_{2} \cdot x_{2} + b_{1}"),
    ("2x^5 + 7", None, "2·x⁵ + 7", "2 x^{5} + 7"),
    ("x + sin(x) + 1", None, "x + sin(x) + 1", r"x + \sin{\left(x \right)} + 1"),
    ("7 + 2x^5", None, "7 + 2·x⁵", "7 + 2 x^{5}"),
    ("-x + x^3", None, "−x + x³", "- x + x^{3}"),
]


@pytest.mark.parametrize("typed, wrt, text, latex", ORDERS, ids=[o[0] for o in ORDERS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_echo_keeps_the_order_typed(typed, wrt, text, latex, lang):
    derivation = explain(typed, wrt=wrt)
    out = derivation.render("text", lang, detail="full")
    assert text in out.splitlines()[0]
    assert latex in derivation.render("latex", lang)
    assert latex in derivation.render("markdown", lang)
    data = json.loads(derivation.render("json"))
    assert data["latex"]["expression"] == latex


@pytest.mark.parametrize("typed, wrt, text, latex", ORDERS, ids=[o[0] for o in ORDERS])
def test_terms_are_differentiated_in_the_order_typed(typed, wrt, text, latex):
    """The sum rule takes the terms as typed: "term 1" is the first term the user wrote, the
    structure tree and the JSON list them in that order."""
    derivation = explain(typed, wrt=wrt)
    typed_terms = parse(typed).spelling.typed_order(derivation.expression)
    assert tuple(step.expr for step in derivation.steps.terms) == typed_terms
    data = json.loads(derivation.render("json"))
    assert [sympy.sympify(s["expr"], locals={"E": sympy.E}) for s in data["steps"]["substeps"]] \
        == list(typed_terms)
    tree = derivation.render("text", detail="full").split("Step by step")[0]
    first, second = (inline(term) for term in typed_terms[:2])
    assert tree.index(first) < tree.rindex(second)


def test_the_tracer_and_the_printer_agree_without_a_spelling():
    """A sum the user did not type (a sympy object) is differentiated in the order printed."""
    expr = x**3 - 6 * x + sympy.sin(x)
    derivation = explain(expr)
    printed = inline(expr)
    positions = [printed.index(inline(step.expr).lstrip("-−")) for step in derivation.steps.terms]
    assert positions == sorted(positions)


# -- reading back --------------------------------------------------------------------------

@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(smooth_expressions)
def test_the_printed_echo_reads_back_to_the_same_expression(expr):
    """The one-line echo (ln, arctan, √, log₂, σ …) parses to the same tree."""
    with spelled(TEXTBOOK):
        text = inline(expr)
    assert parse(text).expr == expr, (text, sympy.srepr(expr))


_NAMES = st.sampled_from(["ln", "log", "arctan", "atan", "tan^-1", "sqrt", "log_2", "sin",
                          "arsinh", "asinh", "sin^-1"])
_ARGS = st.sampled_from(["x", "x^2 + 1", "2x", "x/3", "e^x"])


@st.composite
def typed_sums(draw):
    """A sum typed by a user: terms in any order, functions under any of their names."""
    count = draw(st.integers(min_value=2, max_value=5))
    terms = []
    for _ in range(count):
        kind = draw(st.integers(min_value=0, max_value=4))
        if kind == 0:
            terms.append(str(draw(st.integers(min_value=1, max_value=9))))
        elif kind == 1:
            terms.append(f"{draw(st.integers(2, 9))}x^{draw(st.integers(2, 6))}")
        elif kind == 2:                  # a product, its factors in any order
            factors = [f"{draw(_NAMES)}({draw(_ARGS)})", f"x^{draw(st.integers(2, 6))}",
                       str(draw(st.integers(2, 9)))]
            terms.append("*".join(draw(st.permutations(factors))[:draw(st.integers(2, 3))]))
        else:
            terms.append(f"{draw(_NAMES)}({draw(_ARGS)})")
    signs = draw(st.lists(st.sampled_from([" + ", " - "]), min_size=count - 1,
                          max_size=count - 1))
    return terms[0] + "".join(sign + term for sign, term in zip(signs, terms[1:]))


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(typed_sums())
def test_a_typed_sum_is_echoed_in_its_order_and_reads_back(text):
    parsed = parse(text)
    with spelled(parsed.spelling):
        echo, latex = inline(parsed.expr), tex(parsed.expr)
    again = parse(echo)
    assert again.expr == parsed.expr, (text, echo)
    assert parse(latex).expr == parsed.expr, (text, latex)
    for part in (parsed.expr, *parsed.expr.args):
        if part.is_Add or part.is_Mul:       # the terms, and the factors, in the same order
            with spelled(again.spelling):
                again_order = printed_terms(part) if part.is_Add else printed_factors(part)
            with spelled(parsed.spelling):
                typed_order = printed_terms(part) if part.is_Add else printed_factors(part)
            assert again_order == typed_order, (text, echo)
    with spelled(again.spelling):
        assert inline(again.expr) == echo        # the echo of the echo is the echo


# -- the same bytes whatever the hash seed -----------------------------------------------------

@pytest.mark.parametrize("format", ["text", "latex", "json", "html"])
def test_spelled_output_is_the_same_for_every_hash_seed(format):
    args = [sys.executable, "-m", "derive", "diff",
            "ln(x)*arctan(x) + log_2(x) + tan^-1(x^2) + 7 + sqrt(x)", "--format", format]
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(subprocess.run(args, cwd=ROOT, env=env, capture_output=True, check=True,
                                   timeout=120).stdout)
    assert len(outputs) == 1
    assert "log₂" in outputs.pop().decode() or format != "text"
