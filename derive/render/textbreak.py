"""Long formulas in a terminal: an equation chain drawn within a number of columns.

:func:`display_lines` asks :mod:`derive.render.linebreak` where to break ``lhs = a = b = …``
(widths are the columns of sympy's 2-D drawings) and draws each line with the 2-D printer of
:mod:`derive.render.mathtext`: the first line after the left side, the others under the first
right-hand side, a continued sum two columns further in.  A formula is split only when its pieces,
drawn and joined, are exactly its own drawing.  Where a drawing still does not fit, the chain is
shown in its one-line form, broken the same way; a one-line piece wider than the width (a very
long factor) is cut into rows of the width, continued with ``↪``.  Every line of the result is at
most ``width`` columns, so a terminal never wraps a drawing row by row.
"""

from __future__ import annotations

import unicodedata

from sympy import Basic
from sympy.printing.pretty.stringpict import prettyForm

from ..notation import distinct
from .linebreak import EQUALS_MINUS, MINUS, TIMES, Layout, Line, Piece, break_chain
from .mathtext import DisplayPrinter, InlinePrinter, display_form, inline

UNIT = 2             # columns per unit of the breaker (one level of indentation)
_DRAWN = {"=": " = ", "+": " + ", MINUS: " - ", TIMES: "⋅", EQUALS_MINUS: " = - ", "": ""}
_WRITTEN = {"=": " = ", "+": " + ", MINUS: " − ", TIMES: "·", EQUALS_MINUS: " = − ", "": ""}


#: a space that prose wrapping never breaks at (written back as a plain space)
NO_BREAK = "\u00a0"
SHORT_FORMULA = 24    # a formula this wide or narrower is never broken inside a sentence
_OPEN, _CLOSE = "([{", ")]}"


def keep_together(formula: str) -> str:
    """A one-line formula for a sentence: its spaces inside brackets (all of them, when it is
    short) made :data:`NO_BREAK`, so that wrapping breaks it only at a top-level operator."""
    if columns(formula) <= SHORT_FORMULA:
        return formula.replace(" ", NO_BREAK)
    out, depth = [], 0
    for c in formula:
        depth += (c in _OPEN) - (c in _CLOSE)
        out.append(NO_BREAK if c == " " and depth > 0 else c)
    return "".join(out)


def columns(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two, a combining mark such
    as the bar of v̄ none)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in text)


class _Drawing:
    """Metrics and printing of one style: 2-D (``flat`` false) or one line."""

    def __init__(self, flat: bool) -> None:
        self.flat = flat
        self.ops = _WRITTEN if flat else _DRAWN
        printer = InlinePrinter() if flat else DisplayPrinter({"use_unicode": True,
                                                               "wrap_line": False, "order": None})
        self.order_terms = printer._as_ordered_terms
        self._known: dict = {}

    def form(self, expr: Basic) -> prettyForm:
        try:
            return self._known[expr]
        except (KeyError, TypeError):
            pass
        form = prettyForm(inline(expr)) if self.flat else display_form(expr)
        try:
            self._known[expr] = form
        except TypeError:
            pass
        return form

    # the Metrics protocol, in units of UNIT columns
    def width(self, expr: Basic) -> float:
        return self.form(expr).width() / UNIT

    def operator(self, op: str) -> float:
        return columns(self.ops.get(op, op)) / UNIT

    def joined(self, pieces, start: bool = False) -> prettyForm:
        """The pieces side by side with their operators (a line's first operator unspaced on
        its left when ``start``), brackets opened or closed by a piece drawn around it."""
        form = None
        for k, piece in enumerate(pieces):
            part = self.form(piece.expr)
            for _ in range(piece.before.count("(")):
                part = prettyForm(*part.parens("(", ""))
            for _ in range(piece.after.count(")")):
                part = prettyForm(*part.parens("", ")"))
            op = self.ops[piece.op]
            if k == 0 and start:
                op = op.lstrip()
            form = prettyForm(*(form or prettyForm("")).right(op, part)) if op or form else part
        return form or prettyForm("")

    def accept(self, expr: Basic, parts: list[Piece]) -> bool:
        return _text(self.joined(parts, start=True)) == _text(self.form(expr))


def _text(form: prettyForm) -> str:
    """The drawing as text, with one minus sign, ``−`` (sympy draws a hyphen, a shown sum ``−``)."""
    return form.render(wrap_line=False).replace("-", "−")


def _rows(form: prettyForm, pad: int) -> list[str]:
    return [(" " * pad + row).rstrip() for row in _text(form).split("\n")]


def display_lines(chain: tuple[Basic, ...], width: int) -> list[str]:
    """``lhs = a = b`` drawn within ``width`` columns: the 2-D drawing, broken where needed,
    else the one-line form, broken likewise and, if still too wide, cut."""
    chain = tuple(distinct(list(chain), key=inline))
    for flat in (False, True):
        rows = _draw(chain, width, _Drawing(flat))
        if all(columns(r) <= width for r in rows):
            return rows
    return [cut for row in rows for cut in _cut(row, width)]


def _draw(chain, width: int, drawing: _Drawing) -> list[str]:
    if len(chain) == 1:
        return _rows(drawing.form(chain[0]), 0)
    layout: Layout = break_chain(chain, width / UNIT, drawing, drawing.order_terms,
                                 accept=drawing.accept)
    lhs = drawing.form(layout.lhs)
    if not layout.lhs_alone:
        first, *rest = layout.lines
        head = prettyForm(*lhs.right(drawing.joined(first.pieces)))
        rows = _rows(head, 0)
        under = lhs.width() + 1                 # under the first right-hand side's relation
        rows += [row for line in rest for row in _line(line, drawing, under)]
        return rows
    rows = _rows(lhs, 0)
    rows += [row for line in layout.lines for row in _line(line, drawing, 2 * UNIT)]
    return rows


def _line(line: Line, drawing: _Drawing, pad: int) -> list[str]:
    return _rows(drawing.joined(line.pieces, start=True), pad + UNIT * line.indent)


def _cut(row: str, width: int) -> list[str]:
    """A one-line row wider than ``width`` cut into rows of the width (``↪`` continues)."""
    out, current = [], ""
    for c in row:
        if columns(current + c) > width - (1 if out or current else 0) and current:
            out.append(current)
            current = "↪" + c if columns("↪" + c) <= width else c
        else:
            current += c
    return out + [current] if current else out
