"""Long formulas fit the terminal: the stress set drawn by rich (on a console of the width) and
as plain text (``$COLUMNS``) at 60, 80 and 120 columns has no line wider than the terminal, and
no 2-D drawing is split across wrapped rows: every tall bracket continues in the same column on
the rows below it, down to its foot."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console
from stress import LANGS, STRESS
from typer.testing import CliRunner

from derive.cli import app
from derive.render.textbreak import columns

WIDTHS = (60, 80, 120)
# a tall bracket: its top, the pieces that continue it, its foot
BRACKETS = {"⎛": ("⎜", "⎝"), "⎞": ("⎟", "⎠"), "⎡": ("⎢", "⎣"), "⎤": ("⎥", "⎦")}


def rich_output(args, lang: str, width: int) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, color_system=None, legacy_windows=False)
    result = CliRunner().invoke(app, [*args, "--format", "rich", "--lang", lang],
                                obj={"console": console}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return buffer.getvalue()


def text_output(args, lang: str, width: int) -> str:
    result = CliRunner().invoke(app, [*args, "--format", "text", "--lang", lang],
                                env={"COLUMNS": str(width)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _at(line: str, column: int) -> str:
    """The character drawn at ``column`` (Chinese characters take two columns)."""
    used = 0
    for c in line:
        if used == column:
            return c
        used += columns(c)
        if used > column:
            return ""
    return ""


def broken_drawings(text: str) -> list[tuple[int, str]]:
    """Tall brackets whose next row does not continue them in the same column."""
    lines = text.split("\n")
    broken = []
    for k, line in enumerate(lines):
        used = 0
        for c in line:
            if c in BRACKETS:
                middle, foot = BRACKETS[c]
                row = k + 1
                while row < len(lines) and _at(lines[row], used) == middle:
                    row += 1
                if row >= len(lines) or _at(lines[row], used) != foot:
                    broken.append((k + 1, line))
            used += columns(c)
    return broken


CASES = [(name, lang, width) for name in STRESS for lang in LANGS for width in WIDTHS]


@pytest.mark.parametrize(("name", "lang", "width"), CASES,
                         ids=[f"{n}-{lang}-{w}" for n, lang, w in CASES])
@pytest.mark.parametrize("output", [rich_output, text_output], ids=["rich", "text"])
def test_stress_set_fits_the_terminal(output, name, lang, width):
    """No line is wider than the terminal and every drawing stays whole."""
    text = output(STRESS[name], lang, width)
    wide = [line for line in text.split("\n") if columns(line) > width]
    assert not wide, wide[:3]
    assert not broken_drawings(text), broken_drawings(text)[:3]


def test_the_check_finds_a_drawing_wrapped_row_by_row():
    """A drawing whose rows a terminal wrapped is reported (the check can fail)."""
    whole = "  ⎛ 2    ⎞\n  ⎜x  + 1⎟\n  ⎝      ⎠"
    assert broken_drawings(whole) == []
    wrapped = "  ⎛ 2    \n⎞\n  ⎜x  + 1⎟\n  ⎝      ⎠"
    assert broken_drawings(wrapped)
