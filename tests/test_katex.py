"""Every Markdown sample typesets in KaTeX (markdown-it with dollar maths, throwOnError)."""

from __future__ import annotations

from pathlib import Path

from katex_check import katex_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_markdown_sample_typesets_in_katex():
    """No maths span of any sample's Markdown is refused by KaTeX, and each file has maths."""
    reports = katex_report(sorted(SAMPLES.glob("*/*.md")))
    assert reports, "no Markdown samples found"
    assert all(r["spans"] > 0 for r in reports), [r["file"] for r in reports if not r["spans"]]
    errors = [(r["file"], e["tex"], e["message"]) for r in reports for e in r["errors"]]
    assert not errors, errors[:5]
