"""Every Markdown sample typesets in KaTeX (markdown-it with dollar maths, throwOnError)."""

from __future__ import annotations

from pathlib import Path

from katex_check import katex_report
from stress import LANGS, STRESS, render

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_markdown_sample_typesets_in_katex():
    """No maths span of any sample's Markdown is refused by KaTeX, and each file has maths."""
    reports = katex_report(sorted(SAMPLES.glob("*/*.md")))
    assert reports, "no Markdown samples found"
    assert all(r["spans"] > 0 for r in reports), [r["file"] for r in reports if not r["spans"]]
    errors = [(r["file"], e["tex"], e["message"]) for r in reports for e in r["errors"]]
    assert not errors, errors[:5]


def test_stress_set_typesets_in_katex_without_list_lines(tmp_path):
    """The long derivations of the stress set, in both languages, typeset in KaTeX, and none of
    their display-maths lines starts like a list item; neither does any sample's."""
    paths = []
    for name in STRESS:
        for lang in LANGS:
            path = tmp_path / f"{name}-{lang}.md"
            path.write_text(render(name, "markdown", lang), encoding="utf-8")
            paths.append(path)
    reports = katex_report(paths + sorted(SAMPLES.glob("*/*.md")))
    errors = [(r["file"], e["tex"][:80], e["message"]) for r in reports for e in r["errors"]]
    assert not errors, errors[:5]
    lists = [(r["file"], line) for r in reports for line in r["listLines"]]
    assert not lists, lists[:5]
