"""One-line text as a reader expects it: one minus sign (``−``), a formula in a sentence broken
only at a top-level operator (never inside brackets), no doubled brackets in a fraction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from derive import explain, implicit
from derive.render.terminal import rich_to_text
from derive.render.text import wrap
from derive.render.textbreak import NO_BREAK, keep_together

SAMPLES = sorted(Path(__file__).parent.parent.glob("samples/*/*.txt"))
HYPHEN_AS_MINUS = re.compile(r"(?<![\w\-])-(?!-)")       # not a word's hyphen, nor --route
DOUBLED = re.compile(r"\(\([^(),]*\)[⁰¹²³⁴⁵⁶⁷⁸⁹]*\)")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_samples_write_one_minus_sign_and_no_doubled_brackets(path):
    text = path.read_text()
    assert not HYPHEN_AS_MINUS.findall(text), HYPHEN_AS_MINUS.search(text)
    assert not DOUBLED.findall(text)


def test_outputs_of_both_routes_and_every_level_use_one_minus_sign():
    for result in (explain("ln(x^2*sin(x)/(2x+1))", route="direct"),
                   implicit("x^3 + y^3 = 6xy"), explain("(x^2+1)^3/(2x-1)")):
        for lang in ("en", "zh"):
            for detail in ("brief", "standard", "full"):
                text = result.render("text", lang, detail)
                assert not HYPHEN_AS_MINUS.findall(text)
                assert not DOUBLED.findall(text)


def _open_at_end(line: str) -> bool:
    depth = 0
    for c in line:
        depth += (c in "([") - (c in ")]")
    return depth > 0


def test_a_formula_is_never_broken_inside_brackets():
    formula = "(6·x·(x² + 1)² · (2·x − 1) − (x² + 1)³ · 2)/(2·x − 1)² + (x + 1)·(x − 1)"
    together = keep_together(formula)
    for columns in range(56, 90, 3):      # the widest bracketed part takes 52 columns
        lines = wrap("The quotient rule, filled in, gives " + together + ".", columns)
        for line in lines.split("\n"):
            assert not _open_at_end(line) and len(line) <= columns


def test_a_short_formula_stays_on_one_line():
    lines = wrap("Differentiate each of the 2 terms and add the results: "
                 + keep_together("(f + g)' = f' + g'") + ".", 70).split("\n")
    assert any("(f + g)' = f' + g'" in line.replace(NO_BREAK, " ") for line in lines)


@pytest.mark.parametrize("fmt", ["text", "rich"])
def test_prose_at_80_columns_keeps_bracketed_formulas_whole(fmt):
    d = explain("x^2 sin x + ln x")
    out = d.render("text", width=80) if fmt == "text" else rich_to_text(
        __import__("derive.render", fromlist=["render_document"]).render_document(
            d.document("en"), "rich"), 80, color=False)
    assert "(f + g)' = f' + g'" in out and "(f·g)' = f'·g + f·g'" in out
    assert NO_BREAK not in out
    assert all(len(line) <= 80 for line in out.split("\n"))
