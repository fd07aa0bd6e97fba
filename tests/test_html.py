"""HTML pages: MathML that shows every bracket and sign, valid HTML5 with well-formed MathML,
self-contained (no script, no network), for every command and for sheets."""

from __future__ import annotations

import re
from xml.dom.minidom import parseString

import html5lib
import pytest
import sympy
from hypothesis import given, settings
from sympy import Add, Derivative, Mul, Rational, exp, sin, sqrt
from sympy.printing.mathml import MathMLPresentationPrinter
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from derive.narrate.document import Equation, Result, RuleStep
from derive.notation import Parens, PartialDerivative, ShownProduct, ShownSum, as_value
from derive.render.mathml import MathMLPrinter, math_element, plain_mathml
from mathml_reader import read
from notes_samples import generator
from strategies import smooth_expressions
from test_sheet import MIXED

x, y = sympy.symbols("x y")
MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)


def mathml(expr) -> str:
    printer = MathMLPrinter()
    return math_element(printer, printer.element(expr))


def same_value(shown, expected) -> bool:
    """Equal at a few points (the reader builds unevaluated forms)."""
    names = sorted({str(s) for s in shown.free_symbols | expected.free_symbols})
    symbols = [sympy.Symbol(n) for n in names]
    first = sympy.lambdify(symbols, shown.subs({s: sympy.Symbol(str(s)) for s in shown.free_symbols}), "mpmath")
    second = sympy.lambdify(symbols, expected, "mpmath")
    for start in (0.37, 1.9, 2.6):
        point = [start + 0.31 * k for k in range(len(symbols))]
        a, b = first(*point), second(*point)
        if abs(a - b) > 1e-9 * (1 + abs(b)):
            return False
    return True


def plain_value(expr):
    """``expr`` as plain sympy: display-only brackets and shown sums taken away."""
    expr = as_value(expr)
    return expr.replace(lambda e: isinstance(e, Parens), lambda e: e.args[0])


# 3x(2x − 1) − (x² + 1), written as a teacher writes it (unevaluated)
TEACHER = Add(Mul(3, x, Add(Mul(2, x), -1)), Mul(-1, Add(x ** 2, 1), evaluate=False), evaluate=False)

HAND_PICKED = [
    TEACHER,
    Mul(5, 3, x ** 2, evaluate=False),                         # 5·3x², not 53x²
    Add(x, Mul(-1, Mul(-1, y, evaluate=False), evaluate=False), evaluate=False),   # x − (−y)
    Mul(-1, Add(x, y), sin(x), evaluate=False),                # −(x + y) sin x
    (-x) ** 2, (x + 1) ** -2, exp(-x) / (1 + exp(-x)), sqrt(x + 1) / (x - 1),
    Mul(Rational(-1, 2), x, Add(x, -y), evaluate=False),
    Mul(2, sympy.Pow(Add(x, 1), 3, evaluate=False), evaluate=False),
    ShownSum(Mul(2, x), Mul(-3, y)), ShownProduct(Add(x, 1), -2, y),
    Parens(Mul(-1, x, evaluate=False)) * y,
]


@pytest.mark.parametrize("expr", HAND_PICKED, ids=range(len(HAND_PICKED)))
def test_mathml_shows_every_bracket_and_sign(expr):
    """Reading the MathML back gives the expression's value: no bracket or sign is lost."""
    assert same_value(read(mathml(expr)), plain_value(expr))


def test_the_teachers_form_keeps_its_brackets_where_sympys_printer_loses_them():
    """``3x(2x − 1) − (x² + 1)``: sympy's own printer drops the second pair of brackets (the
    reader sees ``… − x² + 1``), derive's keeps it."""
    stock = MathMLPresentationPrinter().doprint(TEACHER).replace("&InvisibleTimes;", "\u2062")
    assert not same_value(read(stock), TEACHER.doit())
    ours = mathml(TEACHER)
    assert same_value(read(ours), TEACHER.doit())
    tokens = re.findall(r"<m[ion][^>]*>([^<]*)</m[ion]>", ours)
    assert tokens == ["3", "\u2062", "x", "\u2062", "(", "2", "\u2062", "x", "−", "1", ")",
                      "−", "(", "x", "2", "+", "1", ")"]


@settings(max_examples=150, deadline=None)
@given(smooth_expressions)
def test_random_expressions_read_back_to_their_value(expr):
    """Any expression of the property tests' kind reads back to itself (functions sympy has
    no reader name for are left out)."""
    if expr.atoms(sympy.Function) - expr.atoms(sympy.sin, sympy.cos, sympy.exp, sympy.atan,
                                                   sympy.sinh, sympy.cosh, sympy.tanh,
                                                   sympy.log, sympy.acot, sympy.asinh):
        return
    assert same_value(read(mathml(expr)), expr)


def test_every_step_of_a_derivation_reads_back():
    """The unevaluated forms of real steps (f′g − fg′, constant multiples) keep their value."""
    document = explain("x^2*exp(-x)/(1 - x) - 3x(2x-1)").document("en")
    chains = [b.chain for b in document.blocks if isinstance(b, (Equation, Result))]
    chains += [b.equation for b in document.blocks if isinstance(b, RuleStep) and b.equation]
    checked = 0
    for chain in chains:
        for form in chain[1:]:
            if form.has(Derivative):
                continue
            assert same_value(read(mathml(form)), plain_value(form)), form
            checked += 1
    assert checked > 10


def test_derivative_notation():
    """d/dx with an upright d, ∂ for partial derivatives, primes in fixed notation."""
    assert '<mfrac><mi mathvariant="normal">d</mi><mrow><mi mathvariant="normal">d</mi><mi>x</mi>' \
        in mathml(Derivative(sin(x), x))
    assert "<mi>∂</mi>" in mathml(Derivative(x * y, x))
    assert "<mi>∂</mi>" in mathml(PartialDerivative(x ** 2, x))
    assert "<mn>2</mn>" in mathml(Derivative(sin(x), x, 2))
    printer = MathMLPrinter()
    prime = math_element(printer, plain_mathml(printer, "f'(g(x))·g'(x)"))
    assert prime.count("′") == 2 and prime.count("(") == 3


# --- pages ---------------------------------------------------------------------------------------

def check_page(page: str) -> int:
    """``page`` is valid HTML5 (no parse error), self-contained, and every ``<math>`` element is
    well-formed XML in the MathML namespace; the number of maths elements."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(page)
    assert page.startswith("<!DOCTYPE html>")
    lowered = page.lower()
    assert "<script" not in lowered and "<link" not in lowered and " src=" not in lowered
    assert not re.search(r"https?://(?!www\.w3\.org/1998/Math/MathML)", page)
    maths = MATH.findall(page)
    for math in maths:
        root = parseString(math).documentElement
        assert root.tagName == "math" and root.getAttribute("xmlns") == \
            "http://www.w3.org/1998/Math/MathML"
        assert "mfenced" not in math and "&" not in math.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")
    return len(maths)


@pytest.mark.parametrize("name", generator.sample_names())
def test_every_sample_is_a_valid_page_in_both_languages(name):
    for lang in ("en", "zh"):
        page = generator.render(name, "html", lang)
        assert check_page(page) > 0


@pytest.mark.parametrize("command", [
    ["diff", "sin(x^2)"], ["grad", "x^2*y"], ["critical", "x^2 + y^2"],
    ["chain", "u^2+v", "--let", "u=x^2+y", "--let", "v=x+y^2"], ["compose", "2x+3", "x^2"],
    ["limit", "x^2"], ["implicit", "x^2 + y^2 = 1"], ["softmax", "--loss", "cross-entropy"],
    ["jacobian", "sigmoid(z_j)", "--wrt", "z_i"], ["check", "sin(x^2)", "2x sin(x^2)"],
])
def test_every_command_writes_a_page(command, tmp_path):
    """``--format html`` (or an ``.html`` output file) for every command."""
    result = CliRunner().invoke(app, [*command, "-f", "html"], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert check_page(result.stdout) > 0
    target = tmp_path / "page.html"
    CliRunner().invoke(app, [*command, "-o", str(target)], catch_exceptions=False)
    assert target.read_text(encoding="utf-8") == result.stdout


def test_chinese_page_is_marked_chinese():
    page = explain("sin(x^2)").render("html", "zh")
    assert '<html lang="zh-Hans">' in page and "链式法则" in page
    assert "Noto Serif CJK SC" in page and "prefers-color-scheme: dark" in page


def test_sheet_page_links_its_contents():
    result = CliRunner().invoke(app, ["sheet", str(MIXED), "-f", "html"], catch_exceptions=False)
    page = result.stdout
    assert result.exit_code == 1 and check_page(page) > 50
    for n in range(1, 8):
        assert f'<a href="#problem-{n}">' in page and f'<section id="problem-{n}">' in page
    assert '<section id="key">' in page and "Not solved" in page


def test_long_formulas_are_broken_into_a_grid():
    """A chain too wide for the column becomes rows; each row's maths is well-formed."""
    page = explain("(x^3 + 2x^2 - 5x + 7)^4 * (sin(x) + cos(x))^3 / (1 + x^2)^2").render("html")
    assert '<div class="chain">' in page
    check_page(page)
