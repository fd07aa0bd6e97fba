"""The pages drawn by headless Chromium: the forty-problem textbook sheet and the long formulas
of the stress set fit an 800-pixel window in both languages (no element sticks out), and the top
of one page per language looks as the screenshots kept in ``tests/screenshots/`` (regenerate
them with ``DERIVE_UPDATE_SCREENSHOTS=1``, and look at them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from derive import explain
from browser_check import difference, ink, screenshot, widest
from stress import STRESS, render
from test_sheet_textbook import LANGS, sheet

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PAGE_PX = 800
SAME = 0.02           # at most this share of pixels may differ from the kept screenshot


@pytest.mark.parametrize("lang", LANGS)
def test_textbook_sheet_fits_an_800_pixel_page(lang, tmp_path):
    found = widest(sheet("html", lang), tmp_path, PAGE_PX)
    assert found["maths"] > 400            # forty solutions drawn
    assert not found["bad"], found["bad"][:5]
    assert found["scrollWidth"] <= PAGE_PX


@pytest.mark.parametrize("lang", LANGS)
def test_long_formulas_fit_an_800_pixel_page(lang, tmp_path):
    """Every stress derivation (polynomials over a fraction bar, products of six factors, the
    softmax at n = 5), one page after another."""
    pages = [render(name, "html", lang) for name in STRESS]
    bodies = [page.split("<main>\n", 1)[1].split("</main>", 1)[0] for page in pages]
    combined = pages[0].split("<main>\n", 1)[0] + "<main>\n" + "".join(bodies) \
        + "</main>\n</body>\n</html>\n"
    found = widest(combined, tmp_path, PAGE_PX)
    assert not found["bad"], found["bad"][:5]


@pytest.mark.parametrize("lang", LANGS)
def test_the_top_of_a_page_looks_as_kept(lang, tmp_path):
    """``derive diff "3x(2x-1) - (x^2+1)/(x+1)" --format html`` drawn 800 × 900 pixels."""
    page = explain("3x(2x-1) - (x^2+1)/(x+1)").render("html", lang)
    shot = screenshot(page, tmp_path, f"page-{lang}", PAGE_PX, 900).read_bytes()
    assert ink(shot) > 0.02, "the page is blank"
    kept = SCREENSHOTS / f"{lang}.png"
    if os.environ.get("DERIVE_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(exist_ok=True)
        kept.write_bytes(shot)
    share = difference(shot, kept.read_bytes())
    assert share <= SAME, (f"{share:.1%} of the pixels differ from {kept}: look at the page; "
                           "if it is right, DERIVE_UPDATE_SCREENSHOTS=1 rewrites the screenshot")

