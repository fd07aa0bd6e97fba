"""The forty-problem textbook sheet (``tests/data/sheet_textbook.jsonl``, cases copied from the
corpus, three with a wrong published answer given) in English and Chinese: the LaTeX compiles
with no Overfull \\hbox over 1 pt, the Markdown typesets in KaTeX without an error."""

from __future__ import annotations

from functools import cache

import pytest
from typer.testing import CliRunner

from derive.cli import app
from katex_check import katex_report
from test_layout_latex import compile_log, overfull
from test_sheet import TEXTBOOK

LANGS = ("en", "zh")


@cache
def sheet(format: str, lang: str) -> str:
    result = CliRunner().invoke(app, ["sheet", str(TEXTBOOK), "-f", format, "--lang", lang,
                                      "--jobs", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_textbook_sheet_has_forty_solutions_and_judges_the_answers_given(lang):
    out = sheet("markdown", lang)
    assert out.count("\n## ") == 1 + 40 + 1           # contents, problems, key
    wrong = {"en": "Not correct", "zh": "不正确"}[lang]
    assert out.count(wrong) == 3                       # the three wrong published answers


@pytest.mark.parametrize("lang", LANGS)
def test_textbook_sheet_compiles_without_overfull_boxes(lang, tmp_path):
    source = sheet("latex", lang)
    log = compile_log(source, lang, tmp_path)
    assert not overfull(log, source), overfull(log, source)[:5]


def test_textbook_sheet_typesets_in_katex(tmp_path):
    paths = []
    for lang in LANGS:
        path = tmp_path / f"sheet-{lang}.md"
        path.write_text(sheet("markdown", lang), encoding="utf-8")
        paths.append(path)
    reports = katex_report(paths)
    assert all(r["spans"] > 500 for r in reports), [r["spans"] for r in reports]
    errors = [(r["file"], e["tex"][:80], e["message"]) for r in reports for e in r["errors"]]
    assert not errors, errors[:5]
    lists = [(r["file"], line) for r in reports for line in r["listLines"]]
    assert not lists, lists[:5]
