r"""Long formulas in LaTeX and KaTeX: an equation chain as rows of an ``align*``/``aligned``.

:class:`LatexLines` asks :mod:`derive.render.linebreak` where to break ``lhs = a = b = …`` for
a line of a given width in em (widths from :mod:`derive.render.texwidth`) and prints each piece
with :func:`derive.render.mathlatex.tex`.  A formula is split only when its pieces, printed and
joined, are exactly what the printer prints for the whole (:meth:`LatexLines.accept`), so a
broken formula shows the same operators, order and brackets as an unbroken one.

The rows are those of an ``align*`` (or ``aligned``): ``lhs &= a`` on the first, ``&= b`` for
a new right-hand side, ``&\quad + c`` for a sum continued (``\qquad`` for a product continued
inside it, which starts with ``\cdot``); a left side too wide to share a line stands alone
(``& lhs``) and the right-hand sides follow, indented (``&\qquad = a``).  A fraction wider than
its line keeps its bar and has its numerator broken into rows of an ``aligned``.
"""

from __future__ import annotations

from contextlib import contextmanager

from sympy import Basic, Derivative, Expr, fraction

from ..notation import ShownFraction, distinct
from . import texwidth
from ..notation import Parens
from .linebreak import (ALONE_INDENT, BRACKETS, EQUALS_MINUS, INDENT_STEP, MINUS, TIMES, Layout, Line, Piece,
                        break_chain, break_expression)
from .mathlatex import LatexPrinter, tex
from .texwidth import TexMetrics

QUAD = r"\quad"
# the column of a Markdown note or a notebook: about 820 px of KaTeX at 1.21 × 16 px per em,
# less the estimates' margin of error
COLUMN_EM = 38.0
_OPERATORS = {"=": " = ", "+": " + ", MINUS: " - ", EQUALS_MINUS: " = - "}


class LatexLines:
    """Rows for formulas within ``width`` em (display style unless ``display`` is false)."""

    def __init__(self, width: float, display: bool = True) -> None:
        self.width = width
        self.metrics = TexMetrics(tex, display)
        self.order_terms = LatexPrinter()._as_ordered_terms
        self.dotted: set[Piece] = set()      # factors written with \cdot before them

    # --- splitting only where the printer agrees -------------------------------------------

    def accept(self, expr: Basic, parts: list[Piece]) -> bool:
        """Whether ``parts``, printed and joined, are what ``tex(expr)`` prints."""
        whole = tex(expr)
        if self._joined(parts, first=True) == whole:
            return True
        dotted = "".join((r" \cdot " if p.op == TIMES else _OPERATORS.get(p.op, "")) + tex(p.expr)
                         for p in parts).strip()
        if dotted == whole:
            self.dotted.update(p for p in parts if p.op == TIMES)
            return True
        return False

    def _joined(self, pieces, first: bool = False) -> str:
        out = ""
        for k, piece in enumerate(pieces):
            if piece.op == TIMES:
                out += r"\cdot " if (k == 0 and first) else (
                    r" \cdot " if piece in self.dotted else " ")
            elif piece.op:
                out += _OPERATORS[piece.op].lstrip() if (k == 0 and first) else _OPERATORS[piece.op]
            out += (r"\left(" * piece.before.count("(") + tex(piece.expr)
                    + r"\right)" * piece.after.count(")"))
        return out.strip() if first else out

    @staticmethod
    def _balanced(pieces, text: str) -> str:
        """``text`` with ``\\left.``/``\\right.`` for the brackets another line opens or closes."""
        depth = unopened = 0
        for piece in pieces:
            depth += piece.before.count("(")
            for _ in range(piece.after.count(")")):
                if depth:
                    depth -= 1
                else:
                    unopened += 1
        return r"\left. " * unopened + text + r" \right." * depth

    def line(self, line: Line, room: float = float("inf")) -> str:
        """One line's LaTeX, starting with its operator (``= a``, ``+ b``, ``\\cdot c``); a
        fraction still wider than ``room`` has its numerator broken (:meth:`fraction`)."""
        text = self._balanced(line.pieces, self._joined(line.pieces, first=True))
        if len(line.pieces) == 1 and not (line.pieces[0].before or line.pieces[0].after):
            piece = line.pieces[0]
            size = self.metrics.operator(piece.op) + self.metrics.width(piece.expr)
            broken = self.fraction(piece.expr, room - self.metrics.operator(piece.op)) \
                if size > room else None
            if broken is not None:
                return text[:len(text) - len(tex(piece.expr))] + broken
        return text

    def operand(self, expr: Basic, room: float) -> list[str] | None:
        """``d/dx (a + b + …)`` too wide for ``room`` as rows, broken inside its brackets."""
        if not isinstance(expr, Derivative):
            return None
        whole, inside = tex(expr), tex(Parens(expr.expr))
        if not whole.endswith(inside):
            return None
        prefix = whole[:len(whole) - len(inside)]
        layout = break_expression(Parens(expr.expr), room - self.metrics.width(expr) + self.metrics.width(Parens(expr.expr)),
                                  self.metrics, self.order_terms, accept=self.accept,
                                  sums=BRACKETS)
        if not layout.broken:
            return None
        first, *rest = layout.lines
        return [prefix + self.line(first), *(f"&{QUAD * (line.indent + 1)} {self.line(line)}"
                                             for line in rest)]

    def fraction(self, expr: Basic, room: float) -> str | None:
        """``\\frac{a + b + …}{d}`` with the numerator as ``aligned`` rows within ``room``;
        ``None`` when ``expr`` is not printed as one fraction or its numerator does not break."""
        whole = tex(expr)
        sign, positive = "", expr
        if isinstance(expr, Derivative) and whole.endswith(tex(expr.expr)):
            # d/dx of a fraction: the operator, then the fraction broken
            sign, positive = whole[:len(whole) - len(tex(expr.expr))], expr.expr
        elif isinstance(expr, Expr) and expr.could_extract_minus_sign():
            sign, positive = "- ", -expr
        if isinstance(positive, ShownFraction):       # a rule's formula, as stated
            numerator, denominator = positive.args
        else:
            numerator, denominator = fraction(positive)
        if denominator == 1 or whole != f"{sign}\\frac{{{tex(numerator)}}}{{{tex(denominator)}}}":
            return None
        rows = self.expression_rows(numerator, room - 2 * texwidth.NULL_DELIMITER)
        if len(rows) < 2:
            return None
        return (f"{sign}\\frac{{\\begin{{aligned}}" + r" \\ ".join(rows)
                + f"\\end{{aligned}}}}{{{tex(denominator)}}}")

    # --- layouts -----------------------------------------------------------------------------

    def layout(self, chain, width: float | None = None) -> Layout:
        return break_chain(tuple(chain), self.width if width is None else width, self.metrics,
                           self.order_terms, accept=self.accept)

    def rows(self, chain, tag: str = "", width: float | None = None,
             align: bool = True) -> list[str]:
        """``lhs = a = b`` as ``align*`` rows (``tag`` at the end of the first one); with
        ``align`` false, a chain that fits on one line has no ``&``."""
        with self._own_dots():
            return self._rows(chain, tag, width, align)

    @contextmanager
    def _own_dots(self):
        """The factors written with ``\\cdot`` are those of the formula being broken: a factor
        dotted in one formula (a rule's formula shows every product with dots) is not dotted
        in the next."""
        saved, self.dotted = self.dotted, set()
        try:
            yield
        finally:
            self.dotted = saved

    def _rows(self, chain, tag: str, width: float | None, align: bool) -> list[str]:
        kept = distinct(list(chain), key=tex)
        if len(kept) == 1:
            return [f"{tex(kept[0])} {'&' if align else ''} {tag}".rstrip()]
        layout = self.layout(kept, width)
        lhs = tex(layout.lhs)
        width = self.width if width is None else width
        if layout.lhs_alone:
            room = width - ALONE_INDENT
            wide = self.metrics.width(layout.lhs) > width
            lhs = (self.fraction(layout.lhs, width) or self.operand(layout.lhs, width) or [lhs]) \
                if wide else [lhs]
            if isinstance(lhs, str):
                lhs = [lhs]
            rows = [f"& {lhs[0]} {tag}".rstrip(), *lhs[1:]]
            rows += [f"&{QUAD * 2}{QUAD * line.indent} "
                     f"{self.line(line, room - INDENT_STEP * line.indent)}"
                     for line in layout.lines]
            return rows
        room = width - self.metrics.width(layout.lhs)
        first, *rest = layout.lines
        amp = "&" if align or rest else ""
        rows = [f"{lhs} {amp}{self.line(first, room)} {tag}".rstrip().replace("  ", " ")]
        rows += [f"&{QUAD * line.indent} {self.line(line, room - INDENT_STEP * line.indent)}"
                 .replace("& =", "&=") for line in rest]
        return rows

    def expression_rows(self, expr: Basic, width: float | None = None) -> list[str]:
        """A single formula broken between its terms (or factors) as ``aligned`` rows."""
        with self._own_dots():
            layout = break_expression(expr, self.width if width is None else width,
                                      self.metrics, self.order_terms, accept=self.accept)
            return [f"&{QUAD * line.indent} {self.line(line)}" for line in layout.lines]

