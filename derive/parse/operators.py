r"""Derivative operators in the input: ``d/dx x^2``, ``\frac{d}{dx}(…)``, ``∂/∂x``, ``d^2/dx^2``.

An operator is a fraction whose numerator is ``d`` or ``∂`` (``\partial``), optionally with an
order (``d^2``, ``d²``, ``\partial^2``) and the name of what is differentiated (``dy``,
``d^2 y``), and whose denominator is one or more ``dx`` / ``∂x`` / ``dx^2`` factors.  It is
written plainly (``d/dx``), with parentheses (``(d)/(dx)``, ``(d^2y)/(dx^2)``) or with
``\frac`` (``\frac{d}{dx}``, ``\dfrac{\partial^2}{\partial x \partial y}``).  Its order is the
sum of the denominator's powers and must equal the numerator's.

:func:`match_operator` recognises one at a token position; :func:`find_operator` looks for one
anywhere (an operator that does not come first is an error, so that ``x + d/dx(x^2)`` is never
read as a product of variables).  The grammar of what the operator applies to (the rest of the
input, or the definition ``y = …`` given next to ``dy/dx``) is in :mod:`derive.parse`.

To accept another spelling: make the tokenizer give the tokens matched here (``d`` is a NAME,
``∂`` a PARTIAL token), or add an alternative to :func:`match_operator`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Symbol

from derive.errors import ParseError
from derive.parse.tokens import (FRAC, LBRACE, LPAREN, NAME, NUM, OP, PARTIAL, RBRACE, RPAREN,
                                 Token)

CLOSING = {LPAREN: RPAREN, LBRACE: RBRACE}
MAX_OPERATOR_ORDER = 20


@dataclass(frozen=True)
class Operator:
    """One derivative operator as written."""

    variables: tuple[Symbol, ...]  # in the order the derivatives are taken (innermost first)
    partial: bool                  # written with ∂
    function: str | None           # ``y`` in ``dy/dx``: the operand is defined as ``y = …``
    start: int                     # where it is written in the text
    end: int

    @property
    def order(self) -> int:
        return len(self.variables)

    def plain(self, operand: str | None = None) -> str:
        """The operator in plain notation: ``d/dx``, ``d²/dx²``, ``∂²/∂x∂y``, ``dy/dx``; with
        ``operand``, applied to it: ``d/dx(x**2)``."""
        d = "∂" if self.partial else "d"
        power = _superscript(self.order) if self.order > 1 else ""
        groups: list[list] = []
        for var in reversed(self.variables):
            if groups and groups[-1][0] == var:
                groups[-1][1] += 1
            else:
                groups.append([var, 1])
        below = "".join(f"{d}{var}{_superscript(n) if n > 1 else ''}" for var, n in groups)
        if operand is not None:
            return f"{d}{power}/{below}({operand})"
        return f"{d}{power}{self.function or ''}/{below}"


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


@dataclass(frozen=True)
class _Top:
    partial: bool
    order: int
    function: str | None


class _Reader:
    """Reads one operator from ``tokens`` at ``k``; every method returns None on no match."""

    def __init__(self, text: str, tokens: list[Token], k: int) -> None:
        self.text = text
        self.tokens = tokens
        self.k = k

    def peek(self, n: int = 0) -> Token:
        return self.tokens[min(self.k + n, len(self.tokens) - 1)]

    def take(self, kind: str, value: object = None) -> Token | None:
        token = self.peek()
        if token.kind == kind and (value is None or token.value == value):
            self.k += 1
            return token
        return None

    def d(self) -> bool | None:
        """``d`` (False) or ``∂`` (True); None when neither comes next."""
        if self.take(PARTIAL):
            return True
        if self.peek().kind == NAME and self.peek().value == "d" and not self.peek().call:
            self.k += 1
            return False
        return None

    def power(self) -> int | None:
        """``^2``, ``^{2}``, ``²``: the order; 1 when there is no power; None if malformed."""
        if not self.take(OP, "^"):
            return 1
        braced = self.take(LBRACE)
        number = self.take(NUM)
        if number is None or "." in number.value or (braced and not self.take(RBRACE)):
            return None
        return int(number.value) if len(number.value) < 4 else None

    def top(self) -> _Top | None:
        partial = self.d()
        if partial is None:
            return None
        order = self.power()
        if order is None:
            return None
        function = self.peek()
        name = None
        if function.kind == NAME and function.value != "d":
            self.k += 1
            name = function.value
        return _Top(partial, order, name)

    def bottom(self, partial: bool) -> list[tuple[Symbol, int]] | None:
        factors = []
        while True:
            mark = self.k
            written = self.d()
            if written is None:
                break
            variable = self.take(NAME)
            if written != partial or variable is None:
                self.k = mark
                break
            power = self.power()
            if power is None:
                return None
            factors.append((Symbol(variable.value), power))
        return factors or None

    def grouped(self, read):
        """``read()`` inside ``( … )`` or ``{ … }``; None unless the group holds exactly it."""
        opener = self.peek()
        if opener.kind not in CLOSING:
            return None
        self.k += 1
        inside = read()
        if inside is None or not self.take(CLOSING[opener.kind]):
            return None
        return inside

    def operator(self) -> tuple[_Top, list[tuple[Symbol, int]]] | None:
        if self.take(FRAC):
            top = self.grouped(self.top)
            bottom = self.grouped(lambda: self.bottom(top.partial)) if top else None
            return (top, bottom) if bottom else None
        if self.peek().kind in CLOSING:
            top = self.grouped(self.top)
        else:
            top = self.top()
        if top is None or not self.take(OP, "/"):
            return None
        if self.peek().kind in CLOSING:
            bottom = self.grouped(lambda: self.bottom(top.partial))
        else:
            bottom = self.bottom(top.partial)
        return (top, bottom) if bottom else None


def match_operator(text: str, tokens: list[Token], k: int) -> tuple[Operator, int] | None:
    """The operator written at token ``k`` and the index of the token after it, or None."""
    reader = _Reader(text, tokens, k)
    found = reader.operator()
    if found is None:
        return None
    top, bottom = found
    start, end = tokens[k].pos, tokens[reader.k - 1].end
    order = sum(power for _, power in bottom)
    shown = text[start:end]
    if order != top.order:
        raise ParseError("operator.orders", text, start, "hint.operator_orders", operator=shown,
                         above=top.order, below=order)
    if order > MAX_OPERATOR_ORDER:
        raise ParseError("operator.order_too_high", text, start, operator=shown,
                         most=MAX_OPERATOR_ORDER)
    if len(bottom) > 1 and not top.partial and len({var for var, _ in bottom}) > 1:
        raise ParseError("operator.mixed_d", text, start, "hint.operator_mixed", operator=shown)
    variables = tuple(var for var, power in reversed(bottom) for _ in range(power))
    return Operator(variables, top.partial, top.function, start, end), reader.k


def find_operator(text: str, tokens: list[Token], start: int = 0
                  ) -> tuple[int, Operator, int] | None:
    """The first operator at or after token ``start``: ``(index, operator, index after)``."""
    for k in range(start, len(tokens)):
        if tokens[k].kind in (FRAC, LPAREN, LBRACE, NAME, PARTIAL):
            found = match_operator(text, tokens, k)
            if found is not None:
                return k, *found
    return None
