"""Breaking a wide equation chain into lines, the way a teacher continues a long formula.

``lhs = a = b = …`` wider than the line is broken at its top-level relations first (``=``), then,
inside a right-hand side still too wide, between the terms of a sum (``+``, ``−``), then between
the factors of a product (``·``).  Continuation lines of a sum or product are indented under the
first right-hand side; when the left side is too wide to share a line with the first right-hand
side, it stands alone and every right-hand side follows on its own lines, indented.

The module is format-neutral: it takes the formulas as sympy objects and a :class:`Metrics`
(the width of a formula and of an operator, in the format's own unit), and returns a
:class:`Layout` of :class:`Line` objects made of :class:`Piece` objects (an operator and the
formula after it).  A renderer prints each piece with its own printer.  :func:`sum_pieces` and
:func:`product_pieces` are also how the printers themselves split a sum or a product (the sign
guards of :mod:`derive.notation` included), so a broken formula shows exactly the operators and
parentheses of the unbroken one; a format whose printer has conventions of its own passes
``accept`` (a check that the printed pieces, joined, are what the printer prints for the whole),
and a formula whose pieces it refuses is not split.

To break another format: implement :class:`Metrics` for it and print a :class:`Layout`
(LaTeX: :mod:`derive.render.latexbreak` with :mod:`derive.render.texwidth`; text:
:mod:`derive.render.textbreak`).  To break at another kind of
operator, add a splitter to :func:`split`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from sympy import Add, Basic, Expr, Mul
from sympy.printing.precedence import PRECEDENCE, precedence_traditional

from ..notation import Parens, guard_add

MINUS = "−"
TIMES = "·"
EQUALS_MINUS = "=" + MINUS      # a relation followed by the sign of what comes after it


@dataclass(frozen=True)
class Piece:
    """One formula of a line and the operator printed before it (``""`` for none); a term of a
    bracketed sum broken over lines carries the bracket that opens (``before``) or closes
    (``after``) the sum."""

    op: str
    expr: Basic
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Line:
    """One line of a broken chain; ``indent`` is 0 for a line that starts with a relation, 1 for
    a continued sum, 2 for a continued product."""

    pieces: tuple[Piece, ...]
    indent: int = 0


@dataclass(frozen=True)
class Layout:
    """``lhs`` and the lines of its right-hand sides.  With ``lhs_alone`` the left side has a
    line of its own and every line below starts further in; otherwise the first line follows
    the left side and the others are aligned under its relation.  A single formula broken by
    :func:`break_expression` has no ``lhs``."""

    lhs: Basic | None
    lines: tuple[Line, ...]
    lhs_alone: bool = False

    @property
    def broken(self) -> bool:
        return self.lhs_alone or len(self.lines) > 1


class Metrics(Protocol):
    def width(self, expr: Basic) -> float:
        """The printed width of ``expr``."""

    def operator(self, op: str) -> float:
        """The printed width of an operator with its spacing (``=``, ``+``, ``−``, ``·``)."""


# --- splitting a formula at its top-level operators ------------------------------------------

def sum_pieces(terms: Sequence[Basic]) -> list[Piece]:
    """The terms of a sum, in printed order, each with its sign: ``a − b + c`` is
    ``["" a, "−" b, "+" c]``; a subtracted negative term is bracketed (``− (−t)``)."""
    guarded, _ = guard_add(list(terms))
    pieces = [Piece("", guarded[0])]
    for term in guarded[1:]:
        if isinstance(term, Expr) and term.could_extract_minus_sign():
            pieces.append(Piece(MINUS, -term))
        else:
            pieces.append(Piece("+", term))
    return pieces


def _shown_pieces(expr: Basic) -> list[Piece] | None:
    """The pieces of a sum or product shown in a fixed order (``ShownSum``, ``ShownProduct``)."""
    pieces_of = getattr(expr, "_pieces", None)
    if pieces_of is None:
        return None
    out = []
    for op, arg in pieces_of():
        shown = Parens(arg) if expr._parens(op, arg) else arg
        out.append(Piece(MINUS if op == "−" else op, shown))
    return out


def product_pieces(expr: Basic) -> list[Piece] | None:
    """The factors of a product that prints without a fraction bar, each bracketed as it is
    printed inside the product; ``None`` when ``expr`` is not such a product.  A negative
    product's first factor carries the sign (``−`` before it)."""
    if not isinstance(expr, Mul):
        return None
    if expr.could_extract_minus_sign():
        pieces = product_pieces(-expr)
        if pieces is None or pieces[0].op:
            return None
        return [Piece(MINUS, pieces[0].expr), *pieces[1:]]
    if any(f.is_Pow and f.exp.is_negative for f in expr.args) or any(
            f.is_Rational and not f.is_Integer for f in expr.args):
        return None
    factors = expr.as_ordered_factors()
    if len(factors) < 2:
        return None
    pieces = []
    for i, factor in enumerate(factors):
        bracket = precedence_traditional(factor) < PRECEDENCE["Mul"] or (
            i and isinstance(factor, Expr) and factor.could_extract_minus_sign())
        pieces.append(Piece(TIMES if i else "", Parens(factor) if bracket else factor))
    return pieces


BRACKETS = "brackets"     # the only split left inside a product: a bracketed sum


def split(expr: Basic, order_terms: Callable[[Basic], list],
          sums: bool | str = True) -> list[Piece] | None:
    """``expr`` split at its top-level ``+``/``−`` (a sum, unless ``sums`` is false) or else
    ``·`` (a product); with ``sums`` :data:`BRACKETS`, only a bracketed sum is split, its first
    term opening the bracket and its last closing it.  ``None`` when it is none of these.
    ``order_terms`` gives a sum's terms in printed order."""
    if sums == BRACKETS:
        if not isinstance(expr, Parens):
            return None
        inner = split(expr.args[0], order_terms)
        if inner is None or inner[1].op == TIMES:
            return None
        inner[0] = Piece(inner[0].op, inner[0].expr, before="(")
        inner[-1] = Piece(inner[-1].op, inner[-1].expr, after=")")
        return inner
    shown = _shown_pieces(expr)
    if shown is not None and len(shown) > 1:
        return shown if sums or shown[1].op == TIMES else None
    if isinstance(expr, Add):
        return sum_pieces(order_terms(expr)) if sums else None
    return product_pieces(expr)


# --- the layout -------------------------------------------------------------------------------

LHS_SHARE = 0.45     # a left side wider than this share of the line stands alone when breaking
ALONE_INDENT = 2.0   # how far (in the metrics' unit) lines below a lone left side start
INDENT_STEP = 1.0    # how much further each continuation level starts (a sum, a product in it)


Accept = Callable[[Basic, list[Piece]], bool]


def break_chain(chain: Sequence[Basic], width: float, metrics: Metrics,
                order_terms: Callable[[Basic], list], relation: str = "=",
                accept: Accept | None = None) -> Layout:
    """The lines of ``lhs = a = b = …`` within ``width``.  Unbroken when it fits.  A formula
    is split only into pieces that ``accept`` (when given) takes."""
    lhs, *rest = chain
    pieces = [Piece(relation, expr) for expr in rest]
    lhs_width = metrics.width(lhs)
    rest_width = sum(metrics.operator(p.op) + metrics.width(p.expr) for p in pieces)
    if lhs_width + rest_width <= width or not pieces:
        return Layout(lhs, (Line(tuple(pieces)),))
    beside = width - lhs_width

    def unbreakable(piece: Piece) -> bool:
        parts = split(piece.expr, order_terms)
        return parts is None or (accept is not None and not accept(piece.expr, parts))

    # the left side stands alone when it is wide, or when a formula that cannot be broken
    # would fit below it but not beside it
    lhs_alone = lhs_width > LHS_SHARE * width or any(
        beside < metrics.operator(p.op) + metrics.width(p.expr) <= width - ALONE_INDENT
        and unbreakable(p) for p in pieces)
    available = width - (ALONE_INDENT if lhs_alone else lhs_width)
    filler = _Filler(available, metrics, order_terms, accept)
    for piece in pieces:
        filler.add(piece, indent=0, sums=True)
    return Layout(lhs, tuple(filler.finish()), lhs_alone=lhs_alone)


def break_expression(expr: Basic, width: float, metrics: Metrics,
                     order_terms: Callable[[Basic], list], accept: Accept | None = None,
                     sums: bool | str = True) -> Layout:
    """The lines of a single formula (no relation) within ``width``: a sum broken between its
    terms, a product between its factors (``sums`` as in :func:`split`).  Unbroken when it
    fits or cannot be broken."""
    filler = _Filler(width, metrics, order_terms, accept)
    filler.add(Piece("", expr), indent=0, sums=sums)
    return Layout(None, tuple(filler.finish()))


class _Filler:
    """Greedy filling: a piece goes on the current line if it fits, else starts a new line; a
    piece too wide for a line of its own is split (a sum into terms, a term into factors), its
    first part carrying the piece's operator and the others continuing one level further in."""

    def __init__(self, width: float, metrics: Metrics, order_terms, accept=None) -> None:
        self.width = width
        self.metrics = metrics
        self.order_terms = order_terms
        self.accept = accept
        self.lines: list[Line] = []
        self.current: list[Piece] = []
        self.indent = 0
        self.used = 0.0

    def _room(self, indent: int) -> float:
        return self.width - INDENT_STEP * indent

    def _flush(self) -> None:
        if self.current:
            self.lines.append(Line(tuple(self.current), self.indent))
        self.current, self.used = [], 0.0

    def _place(self, piece: Piece, size: float, indent: int) -> None:
        if not self.current:
            self.indent = indent
        self.current.append(piece)
        self.used += size

    def add(self, piece: Piece, indent: int, sums: bool | str | None) -> None:
        size = (self.metrics.operator(piece.op) + self.metrics.width(piece.expr)
                + self.metrics.operator(piece.before) + self.metrics.operator(piece.after))
        if self.current and self.used + size <= self._room(self.indent):
            self._place(piece, size, indent)
            return
        parts = split(piece.expr, self.order_terms, sums) if sums is not None else None
        if parts is not None and self.accept is not None and not self.accept(piece.expr, parts):
            parts = None
        if parts is not None and parts[0].op == MINUS and piece.op not in ("", "="):
            parts = None                       # ·(−a)… is not split: one sign at a line start
        if size <= self._room(indent) or parts is None:
            self._flush()
            self._place(piece, size, indent)
            return
        if piece.op == "=" or piece.op not in ("+", MINUS, TIMES):
            self._flush()                      # a relation starts its own line
        product = parts[1].op == TIMES
        # after a product, only a bracketed sum is split; inside the brackets, its terms again
        further = BRACKETS if product else False
        parts[0] = Piece(parts[0].op, parts[0].expr, piece.before + parts[0].before, parts[0].after)
        parts[-1] = Piece(parts[-1].op, parts[-1].expr, parts[-1].before,
                          parts[-1].after + piece.after)
        first, *others = parts
        # a first part takes the piece's operator; a sign of its own follows a relation
        op = piece.op + first.op if first.op == MINUS and piece.op == "=" else first.op or piece.op
        self.add(Piece(op, first.expr, first.before, first.after), indent, further)
        for part in others:
            self.add(part, indent + 1, further)

    def finish(self) -> list[Line]:
        self._flush()
        return self.lines

