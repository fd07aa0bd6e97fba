"""Formulas look the same in every format: sums, entries, δ, ∂ vs d, signs, notation in phrases."""

from __future__ import annotations

import re
import unicodedata

import pytest
from sympy import Add, Derivative, Integer, KroneckerDelta, Mul, Sum, Symbol, exp, sin

from derive.api import explain
from derive.narrate.document import (BLOCK_TYPES, Case, Cases, Document, Equation, Formula,
                                     Graph, GraphEdge, GraphNode, Heading, Math, Note, Paragraph,
                                     Result, RuleStep, Table, Tree, TreeNode)
from derive.narrate.phrases import CATALOGUES, say
from derive.notation import PartialDerivative, derivative_of, plain_to_latex
from derive.notation.indexed import SumExcept, i, j, k, n, vector
from derive.render import FORMATS, render_document
from derive.render.latex import LatexRenderer, escape
from derive.render.mathlatex import tex
from derive.render.mathtext import display, inline

x, y, L = Symbol("x"), Symbol("y"), Symbol("L")
z, sigma = vector("z"), vector("sigma")


def test_inline_textbook_notation():
    """One-line text: Σ with its range, entries with subscripts, δ_ij, e^(…)."""
    assert inline(Sum(exp(z[k]), (k, 1, n))) == "Σ_(k=1..n) e^(z_k)"
    assert inline(KroneckerDelta(i, j)) == "δ_ij"
    assert inline(sigma[j]) == "σ_j"
    assert inline(SumExcept(z[j], j, i, n)) == "Σ_(j≠i) z_j"


def test_partial_or_ordinary_derivative_agrees_across_formats():
    """∂ when the expression has several free symbols (or is forced), d otherwise, in every printer."""
    cases = [(Derivative(x ** 2 + y, x), True), (Derivative(x ** 2, x), False),
             (PartialDerivative(y ** 2, x), True), (PartialDerivative(L, z[i]), True)]
    for derivative, partial in cases:
        assert ("∂" in inline(derivative)) is partial
        assert ("∂" in display((derivative,))) is partial
        assert (r"\partial" in tex(derivative)) is partial
    assert tex(PartialDerivative(L, z[i])) == r"\frac{\partial L}{\partial z_{i}}"
    assert inline(PartialDerivative(L, z[i])) == "∂L/∂z_i"
    assert derivative_of(x ** 2 + y, x, partial=True) == Derivative(x ** 2 + y, x)


def test_no_double_signs():
    """A subtracted negative term and a negative factor after the first are bracketed."""
    quotient_top = Add(Mul(0, 1 + exp(-x), evaluate=False),
                       -Mul(1, -exp(-x), evaluate=False), evaluate=False)
    assert "- -" not in tex(quotient_top) and r"- \left(- e^{- x}\right)" in tex(quotient_top)
    assert "- -" not in display((quotient_top,)) and "− (−e^(−x))" in inline(quotient_top)
    product = Mul(-y / x, -sigma[i] * sigma[j], evaluate=False)
    assert "⋅-" not in display((product,)) and "·−" not in inline(product)


def test_partial_derivation_writes_every_step_with_partial():
    """Inside ∂/∂x (x² + y²) every step is a partial derivative, in text and in LaTeX."""
    derivation = explain(x ** 2 + y ** 2, wrt=x, detail="full")
    text, latex = derivation.render("text"), derivation.render("latex")
    denominators = [line.strip()[:2] for line in text.splitlines()
                    if line.strip().startswith(("dx", "∂x"))]
    assert len(denominators) >= 3 and set(denominators) == {"∂x"}
    assert r"\frac{d}{d x}" not in latex and latex.count(r"\frac{\partial}{\partial x}") >= 3
    single = explain(sin(x) * x).render("latex")
    assert r"\partial" not in single


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_catalogue_characters_are_known_to_latex(lang):
    """Every non-ASCII character of a catalogue (other than Chinese) has a LaTeX spelling."""
    for key, template in CATALOGUES[lang].items():
        for char in template:
            if ord(char) < 128 or unicodedata.name(char, "").startswith(("CJK", "FULLWIDTH")) \
                    or 0x3000 <= ord(char) <= 0x303F:
                continue
            assert escape(char).isascii(), (key, char)


def test_notation_in_phrases_becomes_formulas():
    """``$…$`` in a phrase is a Formula with the same text and a LaTeX spelling; no slot inside."""
    parts = say("en", "indexed.matrix", formula=Formula("J", "J"))
    formulas = [p for p in parts if isinstance(p, Formula)]
    assert any(f.text == "σ_i(1 − σ_i)" and f.latex == r"\sigma_{i}(1 - \sigma_{i})" for f in formulas)
    assert "".join(p if isinstance(p, str) else p.text for p in parts).count("$") == 0
    assert plain_to_latex("Σ_j y_j = 1") == r"\sum_{j} y_{j} = 1"
    for catalogue in CATALOGUES.values():
        for template in catalogue.values():
            assert template.count("$") % 2 == 0, template
            for math in re.findall(r"\$([^$]*)\$", template):
                assert "{" not in math, template


def _every_block() -> Document:
    math = Math(x ** 2)
    blocks = (Heading(("Heading ", math)), Paragraph(("text ", math, " = ", Math(y))),
              Equation((Derivative(x ** 2, x), 2 * x), label=("label",)),
              RuleStep(("Power rule",), ("says",), 1, (Derivative(x ** 2, x), 2 * x)),
              Note(("a note",)), Tree(("tree",), TreeNode(("root",), (TreeNode(("leaf",)),))),
              Cases(Derivative(sigma[j], z[i]), (
                  Case((Formula("i = j", "i = j"), " (one)"), (Integer(1),)),
                  Case((Formula("i ≠ j", r"i \neq j"), " (zero)"), (Integer(0),)))),
              Result((Derivative(x ** 2, x), 2 * x), ("verified",), True),
              Table((("node",), ("value",)), (((math,), ("1",)), ((Math(y),), ("2",))), ("table",)),
              Graph(("graph",), (GraphNode("a", ("x = 1",), ("x̄ = 2",), 0),
                                 GraphNode("b", ("y = 1",), ("ȳ = 1",), 1)),
                    (GraphEdge("a", "b", ("∂y/∂x = 2",)),), "b", ("again",)))
    assert {type(b) for b in blocks} == set(BLOCK_TYPES)
    return Document(("title",), blocks, "en")


@pytest.mark.parametrize("format", sorted(FORMATS))
def test_every_block_type_renders_in_every_format(format):
    """No renderer drops or fails on a block type the narrators emit."""
    rendered = render_document(_every_block(), format)
    assert rendered is not None
    if format == "latex":
        assert r"\begin{cases}" in rendered and r"i \neq j" in rendered
    if format == "markdown":
        assert r"\begin{cases}" in rendered and "$$" in rendered


def test_long_chains_are_broken_over_lines():
    """An equation chain wider than a line continues on the next line, aligned at ``=``."""
    long = sum(Symbol(f"a{m}") * sin(x) ** m for m in range(1, 12))
    lines = LatexRenderer()._lines((Derivative(long, x), long.diff(x), long.diff(x)))
    assert lines.count(r"\\") >= 1


def test_chinese_uses_full_width_colons():
    """Rule titles and case conditions are followed by the catalogue's colon."""
    text = explain(sin(x ** 2)).render("text", "zh")
    assert "链式法则：" in text and "链式法则: " not in text


def test_forms_that_print_alike_are_shown_once():
    """An unevaluated step that prints like the tidied result is not repeated."""
    raw = Mul(Mul(2, x), y ** 3, evaluate=False)
    assert display((Derivative(x ** 2 * y ** 3, x), raw, 2 * x * y ** 3)).count("=") == 1
    assert LatexRenderer()._lines((Derivative(x ** 2 * y ** 3, x), raw, 2 * x * y ** 3)).count("=") == 1


def test_negative_summand_is_bracketed():
    """Σ (−a_j) is not printed as Σ −a_j, which reads like a subtraction."""
    summed = Sum(-sigma[j] / z[j], (j, 1, n))
    assert r"\sum_{j=1}^{n} \left(-" in tex(summed) and inline(summed).startswith("Σ_(j=1..n) (−")


def test_power_of_a_sum_is_bracketed():
    """(Σ_k e^(z_k))² is not printed as Σ_k e^(z_k)², the sum of squares, in any format."""
    summed = Sum(exp(z[k]), (k, 1, n))
    assert inline(summed ** 2) == "(Σ_(k=1..n) e^(z_k))²"
    assert inline(z[j] / summed ** 2).endswith("/(Σ_(k=1..n) e^(z_k))²")
    assert tex(summed ** 2).startswith(r"\left(\sum")


def test_remembered_forms_follow_the_spelling():
    """Inside one rendering each formula is printed once, but for the spelling current when it
    is printed: the same expression typed as ``log`` and as ``ln`` keeps its name."""
    from sympy import log

    from derive.notation.spelling import Spelling, spelled
    from derive.render.mathtext import display_form, remembered

    x = Symbol("x")
    typed_log = Spelling(names=(("log", "log"),))
    with remembered():
        textbook = inline(log(x) + x)
        with spelled(typed_log):
            as_typed = inline(log(x) + x)
            drawn = display_form(log(x)).render(wrap_line=False)
        again = inline(log(x) + x)
    assert "ln" in textbook and "ln" not in as_typed and "log" in as_typed
    assert "log" in drawn and again == textbook == inline(log(x) + x)


def test_a_negative_power_is_written_as_a_fraction_in_one_line():
    """As the 2-D and LaTeX printers draw it: ``1/x²``, not ``x^(−2)``."""
    from sympy import Pow, Rational

    x, y = Symbol("x"), Symbol("y")
    assert inline(x ** -2) == "1/x²"
    assert inline((x ** 2 + 1) ** Rational(-3, 2)) == "1/(x² + 1)^(3/2)"
    assert inline(Pow(x ** -2, y, evaluate=False)) == "(1/x²)^y"
    assert inline(sin(x ** -3)) == "sin(1/x³)"
    assert inline(x ** -1) == "1/x" and inline(x ** y) == "x^y"


def test_roots_are_written_with_root_signs_in_one_line():
    """``∛(x²)`` as typed with ``\\sqrt[3]{x^2}`` and as the 2-D printer draws it."""
    from sympy import Rational, sqrt

    x = Symbol("x")
    assert inline((x ** 2) ** Rational(1, 3)) == "∛(x²)"
    assert inline(x ** Rational(-1, 4)) == "1/∜x" and inline(sqrt(x + 1)) == "√(x + 1)"
    assert inline(x ** Rational(2, 3)) == "x^(2/3)"
