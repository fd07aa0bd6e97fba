"""The small expression language of ``derive jacobian`` (read by a recursive-descent parser; no
``eval``, no ``sympify``).

    expr     := term (("+" | "-") term)*
    term     := unary (("*" | "·" | "/") unary)*
    unary    := ("-" | "+") unary | power
    power    := atom (("^" | "**") unary)?
    atom     := number | name | entry | call | "(" expr ")"
    entry    := name "_" index          z_j, y_k, x_i   (index: one of i j k l m)
    call     := exp(expr) | log(expr) | ln(expr) | sigmoid(expr) | sum(expr, index)

``sum(expr, k)`` is Σ_{k=1}^{n} expr; ``n`` is the length of the vectors; ``e`` is Euler's
number; other names (``w1``, ``b1``, ``y``) are plain variables.  Products need an explicit
``*``.  Examples: ``exp(z_j)/sum(exp(z_k), k)``, ``log(exp(z_j)/sum(exp(z_k), k))``,
``sigmoid(z_j)``, ``x_j/sum(x_k, k)``, ``-sum(y_j*log(sigmoid(z_j)) + (1-y_j)*log(1-sigmoid(z_j)), j)``.
To add a function, add it to :data:`FUNCTIONS` (and give it a rule in ``calculus``).
"""

from __future__ import annotations

import re

from sympy import E, Expr, Float, Integer, Rational, Sum, Symbol, exp, log

from ..errors import ParseError, UsageError
from ..functions import sigmoid
from ..notation.indexed import INDEX_NAMES, n, vector

FUNCTIONS = {"exp": exp, "log": log, "ln": log, "sigmoid": sigmoid}
_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?)"
                    r"|(?P<op>\*\*|[-+*/^(),·]))")


def parse_indexed(text: str) -> Expr:
    """``text`` as a sympy expression with entries ``z[j]`` and sums to ``n``."""
    if not isinstance(text, str) or not text.strip():
        raise UsageError("the expression is empty")
    parser = _Parser(text)
    expr = parser.expr()
    parser.expect_end()
    return expr


def parse_entry(text: str):
    """``z_i`` → the entry z[i]; a plain name (``w1``) → a Symbol."""
    expr = parse_indexed(text)
    if isinstance(expr, Symbol) or (hasattr(expr, "indices") and len(expr.indices) == 1
                                    and isinstance(expr.indices[0], Symbol)):
        return expr
    raise UsageError(f"--wrt must be an entry like z_i or a variable like w1 (got {text!r})")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        position = 0
        while position < len(text):
            if text[position:].strip() == "":
                break
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                start = len(text) - len(text[position:].lstrip())
                raise ParseError(f"unexpected character {text[start]!r}", text, start)
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind), match.start(kind)))
            position = match.end()
        self.index = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str | None = None):
        token = self.peek()
        if token is None:
            raise ParseError("the expression ends too early", self.text, len(self.text))
        if value is not None and token[1] != value:
            raise ParseError(f"expected {value!r}", self.text, token[2])
        self.index += 1
        return token

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise ParseError(f"unexpected {token[1]!r} (products need an explicit *)",
                             self.text, token[2])

    def expr(self) -> Expr:
        value = self.term()
        while (token := self.peek()) is not None and token[1] in "+-":
            self.take()
            right = self.term()
            value = value + right if token[1] == "+" else value - right
        return value

    def term(self) -> Expr:
        value = self.unary()
        while (token := self.peek()) is not None and token[1] in ("*", "/", "·"):
            self.take()
            right = self.unary()
            value = value / right if token[1] == "/" else value * right
        return value

    def unary(self) -> Expr:
        token = self.peek()
        if token is not None and token[1] in "+-" and token[0] == "op":
            self.take()
            value = self.unary()
            return -value if token[1] == "-" else value
        return self.power()

    def power(self) -> Expr:
        base = self.atom()
        token = self.peek()
        if token is not None and token[1] in ("^", "**"):
            self.take()
            return base ** self.unary()
        return base

    def atom(self) -> Expr:
        kind, value, position = self.take()
        if kind == "number":
            return Integer(value) if "." not in value else Rational(value)
        if value == "(":
            inner = self.expr()
            self.take(")")
            return inner
        if kind != "name":
            raise ParseError(f"unexpected {value!r}", self.text, position)
        following = self.peek()
        if following is not None and following[1] == "(":
            return self.call(value, position)
        return self.name(value, position)

    def call(self, name: str, position: int) -> Expr:
        self.take("(")
        if name == "sum":
            body = self.expr()
            self.take(",")
            kind, index, where = self.take()
            if index not in INDEX_NAMES:
                raise ParseError(f"a sum runs over an index ({', '.join(INDEX_NAMES)})", self.text, where)
            self.take(")")
            return Sum(body, (Symbol(index), 1, n))
        function = FUNCTIONS.get(name)
        if function is None:
            raise ParseError(f"unknown function {name!r} (known: {', '.join(sorted(FUNCTIONS))}, sum)",
                             self.text, position)
        argument = self.expr()
        self.take(")")
        return function(argument)

    def name(self, value: str, position: int) -> Expr:
        if "_" in value:
            base, index = value.split("_", 1)
            if index not in INDEX_NAMES:
                raise ParseError(f"the index of {value!r} must be one of {', '.join(INDEX_NAMES)}",
                                 self.text, position + len(base) + 1)
            return vector(base)[Symbol(index)]
        if value == "e":
            return E
        if value == "n":
            return n
        if value in INDEX_NAMES:
            raise ParseError(f"{value!r} is an index: use it as a subscript, e.g. z_{value}",
                             self.text, position)
        return Symbol(value)


__all__ = ["parse_entry", "parse_indexed", "FUNCTIONS", "Float"]
