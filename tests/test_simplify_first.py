"""Simplify first: a shorter form of the function is differentiated when it makes the derivation
clearly shorter, as a named, verified first step in every format and language; otherwise the
rules apply to the expression as written."""

from __future__ import annotations

import json

import mpmath
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.narrate.document import Equation, Math, RuleStep
from derive.parse import parse
from derive.steps import SimplifyFirstStep, walk
from strategies import smooth_expressions

x, y, w = sympy.symbols("x y w")

#: text → (the simplified function, the names of its rewrites)
TAKEN = {
    r"e^{2\ln x}": (x**2, ["exp_log"]),
    "(16x^3+24x^2+3x)(7x-1)/(16x^3+24x^2+3x)": (7 * x - 1, ["cancel"]),       # tb-063
    "2^x*3^x*4^x": (24**x, ["exponent_law"]),                                   # tb-091
    r"\frac{1}{x}\cdot\frac{x}{x+1}": (1 / (x + 1), ["cancel"]),
    "sin(π/2)·x": (x, ["evaluate"]),
    "ln(e^{x^2})": (x**2, ["log_exp"]),
}
#: the words that name the step, and those of each rewrite, in each language
NAMES = {"en": "Simplify first", "zh": "先化简"}
REWRITES = {
    "en": {"exp_log": "e^(ln a) = a", "log_exp": "ln(e^a) = a", "cancel": "Cancel the common factor",
           "exponent_law": "aⁿ·bⁿ = (ab)ⁿ", "evaluate": "Work out the values"},
    "zh": {"exp_log": "e^(ln a) = a", "log_exp": "ln(e^a) = a", "cancel": "约去公因式",
           "exponent_law": "aⁿ·bⁿ = (ab)ⁿ", "evaluate": "计算出数值"},
}
REWRITES_LATEX = {"exp_log": r"e^{\ln a} = a", "log_exp": r"\ln(e^{a}) = a",
                  "exponent_law": r"a^{n}\cdot b^{n} = (ab)^{n}"}


def _root(d) -> SimplifyFirstStep:
    step = d.steps
    assert isinstance(step, SimplifyFirstStep), (d.input, step.rule)
    return step


@pytest.mark.parametrize("text", TAKEN)
def test_the_function_is_simplified_first_and_the_rules_apply_to_the_result(text):
    """The step starts from the expression as typed, names each rewrite, and the derivative of
    the simplified function is the rest of the derivation; every node and the oracle
    (sympy.diff of the expression as typed) pass."""
    simplified, names = TAKEN[text]
    d = explain(text)
    step = _root(d)
    typed = parse(text).expr
    assert step.expr == typed == d.expression
    assert step.simplified == simplified and step.simplified_step.expr == simplified
    assert [r.rewrite for r in step.simplification] == names
    assert step.simplification[0].expr == typed and step.simplification[-1].result == simplified
    assert d.verified and d.verification.oracle.ok
    assert all(d.verification.of(r).ok for r in step.simplification)
    assert sympy.simplify(d.result - sympy.diff(typed, x)) == 0
    assert d.result == step.simplified_step.result


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("detail", ["brief", "standard", "full"])
@pytest.mark.parametrize("text", TAKEN)
def test_the_step_is_said_in_every_format(text, detail, lang):
    """Text, rich, Markdown, LaTeX and HTML name the step and each rewrite, and show the
    simplified form; brief says it in one line."""
    d = explain(text, detail=detail)
    step = _root(d)
    names = [r.rewrite for r in step.simplification]
    for fmt in ("text", "rich", "markdown", "latex", "html"):
        out = d.render(fmt, lang, **({"width": 100} if fmt in ("text", "rich") else {}))
        assert NAMES[lang] in out, (fmt, lang)
        for name in names:
            expected = REWRITES[lang][name]
            if name in REWRITES_LATEX and fmt != "text" and fmt != "rich":
                if fmt == "html":           # the law is MathML there
                    expected = "<mi>ln</mi>" if "log" in name else "<mi>ⁿ</mi>"
                else:
                    expected = REWRITES_LATEX[name]
            assert expected in out, (fmt, lang, name)
    blocks = d.document(lang).blocks
    heads = [n for n, b in enumerate(blocks) if isinstance(b, RuleStep)
             and NAMES[lang] in "".join(p for p in b.title if isinstance(p, str))]
    assert len(heads) == 1
    first = heads[0]
    if detail == "brief":        # one line: f = … = g, and then the next rule at once
        assert Math(step.simplified) in blocks[first].parts
        assert isinstance(blocks[first + 1], RuleStep)
    else:                        # the step, then f = … = g, each rewrite an equation
        equations = blocks[first + 1:first + 1 + len(names)]
        assert all(isinstance(e, Equation) for e in equations)
        assert equations[-1].chain[-1] == step.simplified


@pytest.mark.parametrize("text", TAKEN)
def test_json_shows_the_forms_before_and_after(text):
    data = json.loads(explain(text).render("json"))
    step = data["steps"]
    assert step["rule"] == "simplify_first"
    typed, simplified = parse(text).expr, TAKEN[text][0]
    assert sympy.sympify(step["simplified"]) == simplified
    rewrites = step["simplification"]
    assert [r["rewrite"] for r in rewrites] == TAKEN[text][1]
    assert all(r["rule"] == "algebra" and r["check"] in ("symbolic", "numeric") for r in rewrites)
    assert sympy.simplify(sympy.sympify(rewrites[0]["expr"]) - typed) == 0
    assert sympy.sympify(rewrites[-1]["result"]) == simplified
    assert rewrites[0]["latex"]["expr"] and rewrites[-1]["latex"]["result"]
    assert [s["expr"] for s in step["substeps"]] == [step["simplified"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_line_shows_the_step(lang):
    out = CliRunner().invoke(app, ["diff", r"e^{2\ln x}", "-f", "text", "--lang", lang,
                                   "--detail", "brief"]).stdout
    dash = {"en": " — ", "zh": "——"}[lang]
    assert f"• {NAMES[lang]}{dash}" in out and "= x²" in out


#: where a rewrite would not shorten the derivation, the rules apply to the expression as
#: written: the seed examples, and shorter-looking forms that need more steps
NOT_TAKEN = ["(x^2+1)^3/(2x-1)", "ln(cos(x))", "arctan((1-x)/(1+x))", "sin(x^2)",
             "x^2*sin(x)", "exp(x)/(1+exp(x))", "ln(x^2*sin(x)/(2x+1))", r"(\sqrt2)^t",
             "(x+1)(x-1)", "3(x^2+1)", "(4x^3-2x+1)/x^2", "exp(x^3*ln(x))", "sqrt(x^2+1)",
             "x^x", "1/(1+e^(-x))"]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_it_is_not_taken_where_it_does_not_help(text):
    d = explain(text)
    assert not any(isinstance(s, SimplifyFirstStep) for s in walk(d.steps)), text
    assert d.steps.expr == parse(text).expr


SEEDS = [["diff", "w1*x1 + w2*x2 + b1", "--wrt", "x1"], ["grad", "w1*x1 + w2*x2 + b1"],
         ["critical", "x^2 + y^2"], ["compose", "2x+3", "x^2", "--at", "x=2"],
         ["chain", "u^2 + v", "--let", "u=x^2+y", "--let", "v=x+y^2"],
         ["softmax", "--loss", "cross-entropy"], ["diff", "(x^2+1)^3/(2x-1)"]]


@pytest.mark.parametrize("args", SEEDS, ids=lambda a: " ".join(a[:2]))
def test_it_is_not_taken_in_the_seed_examples(args):
    """The seed's examples keep their rules: no step of their JSON is a simplification."""
    result = CliRunner().invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"simplify_first"' not in result.stdout


# --- property: whenever the step is taken, its forms are equal and the result is sympy's ------

def _held(kind: int, e: sympy.Expr) -> sympy.Expr:
    """``e`` inside a form the parser keeps as typed and a rewrite shortens."""
    positive = 1 + e**2
    if kind == 0:
        return sympy.exp(2 * sympy.log(positive), evaluate=False)
    if kind == 1:
        return sympy.Mul(sympy.sin(sympy.pi / 2, evaluate=False), e, evaluate=False)
    if kind == 2:
        return sympy.Mul(positive, e, sympy.Pow(positive, -1), evaluate=False)
    if kind == 3:
        return sympy.Mul(sympy.Pow(2, e), sympy.Pow(3, e), evaluate=False)
    if kind == 4:
        return sympy.log(sympy.exp(e, evaluate=False), evaluate=False)
    return e


#: small expressions, so that every value stays in range and every check can be made
small_expressions = smooth_expressions.filter(lambda e: sympy.count_ops(e) <= 10)
held_expressions = st.tuples(st.integers(0, 5), small_expressions).map(lambda t: _held(*t))
POINTS = [{x: sympy.Rational(3, 10), y: sympy.Rational(7, 10)},
          {x: sympy.Rational(-6, 5), y: sympy.Rational(2, 5)},
          {x: sympy.Rational(13, 10), y: sympy.Rational(-1, 3)}]


def _values_agree(a: sympy.Expr, b: sympy.Expr) -> int:
    """How many of :data:`POINTS` ``a`` and ``b`` are compared at (both real there); fails on a
    point where they differ."""
    compared = 0
    for point in POINTS:
        try:
            va, vb = (complex(sympy.N(e.subs(point), 30)) for e in (a, b))
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(va.imag) > 1e-12 or abs(vb.imag) > 1e-12 or not all(map(mpmath.isfinite, (va.real, vb.real))):
            continue
        assert abs(va.real - vb.real) <= 1e-9 * max(1.0, abs(vb.real)), (a, b, point)
        compared += 1
    return compared


@settings(max_examples=50, suppress_health_check=list(HealthCheck), deadline=None)
@given(held_expressions)
def test_whenever_the_step_is_taken_its_forms_are_equal_and_the_result_is_sympys(expr):
    """Each rewrite keeps the value (checked here at fixed points, and by derive's verifier),
    and the final result equals sympy.diff of the expression as typed."""
    if not expr.has(x):
        return
    d = explain(expr, wrt="x")
    step = d.steps
    reference = sympy.diff(expr, x)              # the expression as typed
    if isinstance(step, SimplifyFirstStep):
        assert step.expr == expr
        before = expr
        for rewrite in step.simplification:
            assert rewrite.expr == before
            assert _values_agree(rewrite.expr, rewrite.result)
            assert d.verification.of(rewrite).ok
            before = rewrite.result
        assert before == step.simplified == step.simplified_step.expr
    assert d.verified
    assert _values_agree(d.result, reference)


@pytest.mark.parametrize("text", TAKEN)
def test_the_direct_route_applies_the_rules_as_typed(text):
    """``--route direct``: the other route, the rules applied to the function as written; the
    same derivative."""
    book, direct = explain(text), explain(text, route="direct")
    assert not any(isinstance(s, SimplifyFirstStep) for s in walk(direct.steps))
    assert direct.steps.expr == parse(text).expr and direct.verified
    assert sympy.simplify(direct.result - book.result) == 0
