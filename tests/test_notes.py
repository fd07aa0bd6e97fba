"""The LaTeX and Markdown renderers, the --standalone option and Jupyter display."""

from __future__ import annotations

import pytest
from sympy import Symbol, exp, sin
from typer.testing import CliRunner

from derive import check, explain, gradient, softmax
from derive.cli import app
from derive.errors import UsageError
from derive.render.latex import escape as latex_escape
from derive.render.markdown import escape as markdown_escape

x = Symbol("x")


def test_latex_escape():
    """LaTeX specials and the catalogues' unicode become valid pdflatex input."""
    assert latex_escape("50% & $5 #1 a_b {c} ~ ^") == \
        r"50\% \& \$5 \#1 a\_b \{c\} \~{} \^{}"
    assert latex_escape("eˣ, σ ≠ 0") == r"$e^{x}$, $\sigma$ $\neq$ 0"
    assert latex_escape(r"\x") == r"\textbackslash{}x"


def test_markdown_escape():
    """Markdown specials stay literal; Chinese text is untouched."""
    assert markdown_escape("a*b_c $d$ [e] 链式法则") == r"a\*b\_c \$d\$ \[e\] 链式法则"


def test_latex_fragment_and_standalone():
    """The fragment shows each step in an align* tagged with its rule, its paragraph layout kept
    to a group; standalone wraps the same body in a document whose preamble sets that layout."""
    derivation = explain(sin(x ** 2))
    fragment = derivation.render("latex")
    assert r"\begin{align*}" in fragment and r"\tag*{Chain rule}" in fragment
    assert r"\documentclass" not in fragment
    assert r"\boxed{\frac{d}{d x} \sin{\left(x^{2} \right)} = 2 x \cos{\left(x^{2} \right)}}" in fragment
    english = derivation.render("latex", standalone=True)
    assert english.startswith("% pdflatex") and r"\usepackage{amsmath,amssymb}" in english
    assert fragment.startswith("\\begingroup\n") and fragment.endswith("\\endgroup\n")
    body = fragment.split("\n\n", 1)[1].rsplit("\\endgroup", 1)[0]
    assert body in english and english.rstrip().endswith(r"\end{document}")
    chinese = derivation.render("latex", "zh", standalone=True)
    assert "{ctexart}" in chinese and "链式法则" in chinese


def test_markdown_notes():
    """Markdown: a heading, $…$ inline and $$…$$ display math, the result in a blockquote."""
    notes = explain(exp(x) / (1 + exp(x))).render("markdown", "zh")
    assert notes.startswith("# 求 $")
    assert "商的求导法则" in notes and "\n$$\n" in notes
    assert "> $$\n> \\frac{d}{d x} \\frac{e^{x}}{e^{x} + 1} = \\frac{e^{x}}{\\left(e^{x} + 1\\right)^{2}}\n> $$" in notes


def test_standalone_only_for_latex():
    """``standalone`` for another format is a usage error."""
    with pytest.raises(UsageError):
        explain(sin(x)).render("markdown", standalone=True)


def test_each_format_takes_only_the_options_its_renderer_declares():
    """An option a format does not have is a usage error naming it, never a bare TypeError."""
    derivation = explain(sin(x))
    for format, options in (("text", {"standalone": True}), ("json", {"standalone": True}),
                            ("latex", {"colour": False}), ("rich", {"standalone": True})):
        with pytest.raises(UsageError, match=next(iter(options))):
            derivation.render(format, **options)
    narrow = derivation.render("rich", width=40, color=False)
    assert "\x1b[" not in narrow and max(len(line) for line in narrow.splitlines()) <= 40


@pytest.mark.parametrize("topic", [lambda: explain(x ** 2 * sin(x)), lambda: gradient("x*y"),
                                   lambda: softmax(), lambda: check("sin(x^2)", "cos(x^2)")])
def test_jupyter_display(topic):
    """Every result shows itself in Jupyter as Markdown and as MathJax-ready LaTeX."""
    result = topic()
    assert result._repr_markdown_() == result.render("markdown")
    latex = result._repr_latex_()
    assert latex.startswith("$$\\begin{aligned}") and latex.endswith("\\end{aligned}$$")
    assert "intertext" not in latex and r"\tag" not in latex


def test_the_latex_of_a_derivation_for_jupyter_names_each_rule():
    """In the MathJax display, each line carries its rule's name in a column of its own."""
    latex = explain(x ** 2 * sin(x))._repr_latex_()
    assert r"&& \text{Product rule}" in latex


def test_cli_format_from_suffix(tmp_path):
    """``-o notes.tex`` / ``notes.md`` choose the format; --standalone applies to LaTeX only."""
    runner = CliRunner()
    tex, md = tmp_path / "q.tex", tmp_path / "q.md"
    assert runner.invoke(app, ["diff", "sin(x^2)", "--standalone", "-o", str(tex)]).exit_code == 0
    assert tex.read_text(encoding="utf-8").startswith("% pdflatex")
    assert runner.invoke(app, ["diff", "sin(x^2)", "-l", "zh", "-o", str(md)]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# 求")
    bad = runner.invoke(app, ["diff", "sin(x^2)", "-f", "text", "--standalone"])
    assert bad.exit_code == 2 and "--standalone" in bad.stderr
