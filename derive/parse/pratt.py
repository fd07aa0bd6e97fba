r"""The precedence-climbing parser: tokens -> a sympy expression, built directly.

Grammar, loosest binding first (each level is one method)::

    expression := term { ("+" | "-") term }                      -> one n-ary Add
    term       := signed { ("*" | "/") signed | factor }          -> one n-ary Mul
    signed     := ("+" | "-") signed | power                      (-x^2 is -(x^2))
    power      := atom [ "^" exponent ]                           (right-associative)
    exponent   := signed                 plain text: x^-2, x^2^3 = x^(2^3)
                | [sign] one character   LaTeX: x^23 is x^2·3, as TeX typesets it; or {…}
    atom       := number | name | constant | call | ( … ) | { … } | [ … ] | |…| | root | \frac

A *factor* after a term without an operator is implicit multiplication (``2x``, ``x(x+1)``,
``(x+1)(x-1)``), with the same precedence as ``*`` and ``/``, left to right: ``1/2x`` is
``(1/2)·x`` (recorded as the reading ``fraction_then_product``).

Functions (``FUNC`` tokens) take either a parenthesised argument list, ``sin(x)``, or — without
parentheses — the implicit-multiplication run of factors that follows, ``sin 2x`` = ``sin(2x)``,
``y cos xy`` = ``y·cos(xy)``.  That run stops at ``+ - * / ·``, a closing bracket, or another
function name (``sec x tan x`` = ``sec(x)·tan(x)``); a function name first in the run is applied
to what follows it (``ln sin x`` = ``ln(sin(x))``).  One exception, for the textbook ``sin π/2``:
a constant argument that contains π takes a following ``/ number`` (``sin π/2`` = ``sin(π/2)``,
while ``sin x / 2`` = ``sin(x)/2``).  A power written on the name applies to the value
(``sin^2 x`` = ``sin(x)^2``) except ``^-1``, which is the inverse function (``sin^-1 x`` =
``asin(x)``); the malformed ``(sin)^(−4)x`` found in a textbook answer reads as ``sin(x)^-4``.

To add syntax: add a token kind in :mod:`derive.parse.tokens` if needed, then an alternative to
:meth:`Parser.atom` (a new kind of operand) or to :meth:`Parser.term` (a new operator at the
``*`` level); make :meth:`Parser.starts_factor` accept its first token if it may follow another
factor without an operator.  Build sympy objects only through :mod:`derive.parse.limits`.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy
from sympy import S

from derive.errors import ParseError
from derive.messages import Message
from derive.parse import limits
from derive.parse.groups import Groups, is_quotient, made_of
from derive.parse.indices import IndexSyntax
from derive.notation.spelling import INVERSE_MARK, TEXTBOOK_NAMES, Spelling, textbook_string
from derive.parse.names import FUNCTIONS, canonical_function
from derive.parse.readings import Reading
from derive.sizes import size_at_most
from derive.parse.tokens import (
    BAR, COMMA, CONST, END, EQUALS, FRAC, FUNC, LBRACE, LBRACK, LPAREN, NAME, NUM, OP, PARTIAL,
    RBRACE, RBRACK, RPAREN, SEMICOLON, SQRT, UNDERSCORE, Token,
)

CLOSING = {LPAREN: RPAREN, LBRACE: RBRACE, LBRACK: RBRACK}
#: how the bracket that closes ⌊ or ⌈ is written (the value of their ``(`` token)
CLOSING_BRACKETS = {"floor": "⌋", "ceiling": "⌉"}
OPENERS = tuple(CLOSING)
CLOSERS = tuple(CLOSING.values())
DETAIL_CHARS = 60


def _short(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS else text[:DETAIL_CHARS - 1] + "…"


def _as_named(value: sympy.Expr, name: str, kind: str) -> str:
    """:func:`_brief` of a function read with its argument unbracketed, under the name typed:
    ``ln x -> ln(x)``, not ``log(x)`` (sympy's name would suggest another base)."""
    name = name.lstrip("\\")
    if kind != "unparenthesized_argument" or not name.isalpha() or \
            not isinstance(value, sympy.Function) or len(value.args) != 1:
        return _brief(value)
    return f"{name}({_brief(value.args[0])})"


def _brief(value: sympy.Expr) -> str:
    """``value`` as sympy writes it, with the textbook's function names, when it is short; else its outer functions (``sin(sin(…))``), so that a
    reading of each level of ``sinsin…x`` does not print all the levels below it."""
    if size_at_most(value, 2 * DETAIL_CHARS):
        return textbook_string(value)
    names, node = [], value
    while isinstance(node, sympy.Function) and node.args and len(names) < DETAIL_CHARS // 4:
        names.append(node.func.__name__)
        node = node.args[0]
    return "".join(f"{name}(" for name in names) + "…" + ")" * len(names)


class Parser:
    """Parses one token list (ending with END) into a sympy expression."""

    def __init__(self, text: str, tokens: list[Token], latex: bool,
                 indices: IndexSyntax | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self.latex = latex
        self.indices = indices
        self.k = 0
        self.depth = 0
        self.peak = 0  # deepest self.depth reached since the last begin_height()
        self.open_bars = 0
        self.readings: list[tuple[int, Reading]] = []
        self.functions: list[str] = []
        self.names: dict[str, str] = {}          # sympy's function name -> the name typed
        self.calls: dict[sympy.Basic, str] = {}  # a function applied -> the name typed
        self.log_bases: list[sympy.Expr] = []    # bases of logarithms written log_b
        self.orders: dict[sympy.Basic, tuple] = {}  # a sum or product -> its args as typed
        self.groups: dict[sympy.Basic, tuple] = {}  # a product of fractions -> each one whole
        self.read_quotient = False   # whether the last operand read is a fraction, \frac or (a/b)

    # -- helpers -------------------------------------------------------------------------
    def peek(self, n: int = 0) -> Token:
        return self.tokens[min(self.k + n, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.tokens[self.k]
        if token.kind != END:
            self.k += 1
        return token

    def at(self, kind: str, value: object = None) -> bool:
        token = self.peek()
        return token.kind == kind and (value is None or token.value == value)

    @property
    def last_end(self) -> int:
        return self.tokens[self.k - 1].end if self.k else 0

    def error(self, key: str, position: int, hint: str | None = None, **params) -> ParseError:
        return ParseError(key, self.text, position, hint, **params)

    def failer(self, token: Token) -> Callable[..., ParseError]:
        return lambda key, **params: self.error(key, token.pos, **params)

    def note(self, kind: str, detail: str, position: int) -> None:
        self.readings.append((position, Reading(kind, _short(detail))))

    def source(self, start: int, end: int) -> str:
        return " ".join(self.text[start:end].split())

    # -- the spelling: names and orders as typed (derive.notation.spelling) --------------
    def spelling(self) -> Spelling:
        return Spelling(tuple(self.names.items()), tuple(self.log_bases),
                        tuple(self.orders.items()), tuple(self.calls.items()),
                        tuple(self.groups.items()))

    def record_order(self, value: sympy.Expr, parts: list[sympy.Expr]) -> sympy.Expr:
        """Remember the order in which the terms (or factors) ``parts`` of the sum (or
        product) ``value`` were typed; an argument sympy made from several parts (``x + x``)
        keeps sympy's place, after them."""
        if not (value.is_Add or value.is_Mul) or len(parts) < 2:
            return value
        if value.args == tuple(parts):      # held as typed (derive.parse.limits)
            self.orders.setdefault(value, value.args)
            if value.is_Mul:
                self.record_parts(value.args)
            return value
        flat: list[sympy.Basic] = []
        for part in parts:
            if part.is_Add and part not in self.orders and -part in self.orders:
                flat.extend(-term for term in self.orders[-part])    # a − (b + c)
            elif part.is_Mul and part not in self.orders and 1 / part in self.orders:
                flat.extend(1 / factor for factor in self.orders[1 / part])  # a/(b·c)
            elif part.func is value.func:
                flat.extend(self.orders.get(part, part.args))
            else:
                flat.append(part)
        first: dict[sympy.Basic, int] = {}
        for k, part in enumerate(flat):
            first.setdefault(part, k)
        typed = tuple(sorted(value.args, key=lambda arg: first.get(arg, len(flat))))
        self.orders.setdefault(value, typed)
        if value.is_Mul:
            self.record_parts(typed)
        return value

    def record_parts(self, typed: tuple) -> None:
        """The order of the products the tracer takes out of a typed product: without its
        numbers (a constant multiple) and without its divisors (a quotient's numerator)."""
        for keep in (lambda f: not f.is_Number, lambda f: not (f.is_Pow and f.exp.is_negative),
                     lambda f: not f.is_Number and not (f.is_Pow and f.exp.is_negative)):
            part = tuple(f for f in typed if keep(f))
            product = sympy.Mul(*part)
            # only when the part's product is made of it: x/(x+1)·(x+1)/x cancels to another
            if 1 < len(part) < len(typed) and product.is_Mul and \
                    sorted(product.args, key=sympy.default_sort_key) == \
                    sorted(part, key=sympy.default_sort_key):
                self.orders.setdefault(product, part)

    def record_name(self, token: Token, value: sympy.Expr, inverse: bool) -> None:
        """Remember the name typed for the function ``value`` (``arctan``, ``tan^-1``, ``ln``)
        where it has several spellings; the first one typed counts."""
        if not isinstance(value, sympy.Function) or value.func.__name__ not in TEXTBOOK_NAMES:
            return
        own = value.func.__name__
        word = self.text[token.pos:token.end]
        if word.startswith("\\operatorname{"):
            word = word[len("\\operatorname{"):-1]
        word = word.lstrip("\\")
        if inverse:
            word = token.value + INVERSE_MARK if own == "a" + token.value else ""
        elif canonical_function(word) != token.value:
            word = ""
        if word:
            self.names.setdefault(own, word)
            self.calls.setdefault(value, word)

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > limits.MAX_DEPTH:
            raise self.error("parse.too_deep", token.pos, levels=limits.MAX_DEPTH)
        self.peak = max(self.peak, self.depth)

    def leave(self) -> None:
        self.depth -= 1

    def begin_height(self) -> int:
        """Start measuring how deep the next operand nests; pass the result to end_height."""
        saved, self.peak = self.peak, self.depth
        return saved

    def end_height(self, saved: int) -> bool:
        """Whether the operand read since begin_height nests deeper than EVAL_HEIGHT."""
        height = self.peak - self.depth
        self.peak = max(saved, self.peak)
        return height > limits.EVAL_HEIGHT

    def expect_closing(self, opener: Token, closing: str) -> Token:
        token = self.peek()
        if opener.kind == LPAREN and token.kind == RPAREN and opener.value != token.value:
            closing = CLOSING_BRACKETS.get(opener.value, ")")    # ⌊x) or (x⌋
            raise self.unexpected(token, Message("expected.closing", closing=closing))
        if token.kind == closing:
            return self.advance()
        closing = CLOSING_BRACKETS.get(opener.value, closing) if opener.kind == LPAREN else closing
        if token.kind == END:
            raise self.error("parse.missing_closing", token.pos, "hint.never_closed",
                             closing=closing, opener=self.source(opener.pos, opener.end) or closing,
                             n=opener.pos + 1)
        raise self.unexpected(token, Message("expected.closing", closing=closing))

    def unexpected(self, token: Token, expected: Message | None = None) -> ParseError:
        """The error for a token that cannot come here (``expected``: what could)."""
        kind, pos = token.kind, token.pos
        if kind == END:
            previous = self.tokens[self.k - 1] if self.k else None
            if previous is not None and previous.kind == OP:
                return self.error("parse.ends_with_operator", pos, "hint.ends_with_operator",
                                  operator=previous.value)
            return self.error("parse.expected", pos, expected=expected) if expected else \
                self.error("parse.unexpected_end", pos)
        if kind in CLOSERS and expected is None:
            return self.error("parse.unmatched", pos, "hint.unmatched",
                              closing=self.source(pos, token.end) or kind)
        if kind == COMMA:
            return self.error("parse.unexpected_comma", pos, "hint.comma")
        if kind == EQUALS:
            return self.error("parse.unexpected_equals", pos, "hint.equals_in_expression")
        if kind == SEMICOLON:
            return self.error("parse.unexpected_semicolon", pos, "hint.semicolon")
        if kind == PARTIAL:
            return self.error("parse.unexpected_partial", pos, "hint.partial_first")
        if kind == UNDERSCORE:
            return self.error("parse.unexpected_underscore", pos, "hint.subscript_follows")
        found = token.describe(self.text)
        return self.error("parse.expected_found", pos, expected=expected, found=found) \
            if expected else self.error("parse.unexpected_token", pos, found=found)

    def starts_factor(self, token: Token, in_argument: bool = False) -> bool:
        """Whether ``token`` may begin a factor multiplied without an operator."""
        kind = token.kind
        if kind in (NUM, CONST, SQRT, FRAC) or kind in OPENERS:
            return True
        if kind == NAME:
            return not (in_argument and token.call and self.peek(1).kind == LPAREN)
        if kind == FUNC:
            return not in_argument
        if kind == BAR:
            return self.open_bars == 0
        return False

    # -- grammar -------------------------------------------------------------------------
    def parse(self) -> sympy.Expr:
        if self.at(END):
            raise self.error("parse.empty", self.peek().pos, "hint.type_expression")
        expr = self.expression()
        if not self.at(END):
            raise self.unexpected(self.peek())
        return expr

    def expression(self) -> sympy.Expr:
        self.enter(self.peek())
        try:
            terms = [self.term()]
            while self.at(OP) and self.peek().value in "+-":
                operator = self.advance()
                term = self.term()
                terms.append(term if operator.value == "+" else limits.negate(term))
            return self.record_order(limits.add(terms), terms)
        finally:
            self.leave()

    def term(self) -> sympy.Expr:
        start = self.peek()
        factors = [self.signed()]
        groups = Groups(factors[0], self.read_quotient)
        divisor_end: int | None = None  # set while the last factor was a divisor
        while True:
            token = self.peek()
            if token.kind == OP and token.value in "*/":
                self.advance()
                factor = self.signed()
                if token.value == "/":
                    factors.append(limits.reciprocal(factor, self.failer(token)))
                    groups.divide(factors[-1])
                    divisor_end = self.last_end
                else:
                    factors.append(factor)
                    groups.multiply(factor, self.read_quotient)
                    divisor_end = None
            elif self.starts_factor(token):
                factors.append(self.power())
                groups.multiply(factors[-1], self.read_quotient)
                if divisor_end is not None:
                    self.note("fraction_then_product",
                              f"{self.source(start.pos, self.last_end)} -> "
                              f"({self.source(start.pos, divisor_end)})*"
                              f"{self.source(token.pos, self.last_end)}", start.pos)
                    divisor_end = None
            else:
                break
        fail = self.failer(start)
        if len(groups.parts) > 1:       # a product of fractions: each fraction stays whole
            whole = [self.record_order(limits.product(part, fail), part) for part in groups.parts]
            value = self.record_order(limits.product(whole, fail), whole)
            if made_of(value, whole):
                self.groups.setdefault(value, tuple(whole))
            return value
        return self.record_order(limits.product(factors, fail), factors)

    def signed(self) -> sympy.Expr:
        token = self.peek()
        if token.kind == OP and token.value in "+-":
            self.advance()
            self.enter(token)
            try:
                operand = self.signed()
            finally:
                self.leave()
            return operand if token.value == "+" else limits.negate(operand)
        return self.power()

    def power(self) -> sympy.Expr:
        mark = self.begin_height()
        whole = self.at(FRAC) or self.peek().kind in OPENERS and not self.at_parenthesized_name()
        base = self.atom()
        if not self.at(OP, "^"):
            self.end_height(mark)
            self.read_quotient = whole and is_quotient(base)     # \frac{a}{b}, (a/b)
            return base
        caret = self.advance()
        exponent = self.exponent(caret)
        self.read_quotient = False          # a power, even of a fraction, or with one in it
        return limits.power(base, exponent, self.failer(caret), self.end_height(mark))

    def exponent(self, caret: Token) -> sympy.Expr:
        self.enter(caret)
        try:
            if not self.latex or self.at(LBRACE):
                return self.signed()
            sign = self.advance() if self.at(OP) and self.peek().value in "+-" else None
            value = self.single_character()
            if self.at(OP, "^"):
                inner = self.advance()
                value = limits.power(value, self.exponent(inner), self.failer(inner))
            return limits.negate(value) if sign is not None and sign.value == "-" else value
        finally:
            self.leave()

    def single_character(self) -> sympy.Expr:
        """A TeX argument without braces: one digit of a number, or one operand."""
        token = self.peek()
        if token.kind == NUM and len(token.value) > 1:
            first = Token(NUM, token.value[0], token.pos, token.pos + 1)
            rest = Token(NUM, token.value[1:], token.pos + 1, token.end)
            self.tokens[self.k:self.k + 1] = [first, rest]
        if token.kind in (OP, END, COMMA, EQUALS) or token.kind in CLOSERS:
            raise self.unexpected(token, Message("expected.operand"))
        return self.atom()

    def atom(self) -> sympy.Expr:
        token = self.peek()
        kind = token.kind
        if kind == NUM:
            return self.number(self.advance())
        if kind == CONST:
            self.advance()
            if token.value is S.Exp1 and not self.at(OP, "^"):   # e^… needs no word
                self.note("euler_number", self.source(token.pos, token.end), token.pos)
            return token.value
        if kind == NAME:
            return self.name()
        if kind == FUNC:
            return self.function()
        if self.at_parenthesized_name():
            return self.function(parenthesized_name=True)
        if kind in OPENERS:
            return self.group()
        if kind == BAR:
            return self.absolute_value()
        if kind == SQRT:
            return self.root()
        if kind == FRAC:
            return self.fraction()
        raise self.unexpected(token, Message("expected.expression"))

    def at_parenthesized_name(self) -> bool:
        """Whether a function's name in brackets comes next, ``(sin)^(−4)x``."""
        return self.at(LPAREN) and self.peek(1).kind == FUNC and self.peek(2).kind == RPAREN

    def number(self, token: Token) -> sympy.Expr:
        digits = token.value
        if len(digits) > limits.MAX_LITERAL_DIGITS:
            raise self.error("parse.number_too_long", token.pos, digits=limits.MAX_LITERAL_DIGITS)
        if "." not in digits:
            return sympy.Integer(digits)
        value = sympy.Rational(digits)
        self.note("exact_decimal", f"{digits} -> {value}", token.pos)
        return value

    def name(self) -> sympy.Expr:
        token = self.advance()
        if self.at(LPAREN) or self.at(LBRACK):
            if token.call == "undefined":
                return self.undefined_call(token)
            if token.call == "index_sum":
                return self.index_sum(token)
            if token.call:
                return self.call(token, token.call)[0]
            shown = self.source(token.pos, token.end)
            bracket = self.text[self.peek().pos]
            self.note("implicit_multiplication", f"{shown}{bracket} -> {shown}*{bracket}",
                      token.pos)
        if self.indices is not None:
            return self.indexed_name(token)
        return sympy.Symbol(token.value)

    # -- the index syntax (derive.parse.indices) -----------------------------------------
    def indexed_name(self, token: Token) -> sympy.Expr:
        """``z_j`` → the entry; ``n`` → the length; an index letter alone is an error."""
        indices, name = self.indices, token.value
        parts = indices.split(name)
        if parts is not None:
            base, index = parts
            if index not in indices.names:
                raise self.error("parse.index_unknown", token.pos + len(base) + 1, name=name,
                                 indices=tuple(indices.names))
            return indices.entry(base, sympy.Symbol(index))
        if name in indices.names:
            raise self.error("parse.index_alone", token.pos, "hint.index_as_subscript", name=name)
        if name == indices.length.name:
            return indices.length
        return sympy.Symbol(name)

    def index_sum(self, token: Token) -> sympy.Expr:
        """``sum(expr, k)``: Σ_{k=1}^{n} expr."""
        opener = self.advance()
        body = self.expression()
        if not self.at(COMMA):
            raise self.unexpected(self.peek(), Message("expected.sum_index"))
        self.advance()
        index = self.advance()
        if index.kind != NAME or index.value not in self.indices.names:
            raise self.error("parse.sum_index", index.pos, indices=tuple(self.indices.names))
        self.expect_closing(opener, RPAREN)
        return sympy.Sum(body, (sympy.Symbol(index.value), 1, self.indices.length))

    def group(self) -> sympy.Expr:
        opener = self.advance()
        if self.at(CLOSING[opener.kind]):
            raise self.error("parse.empty_parentheses", opener.pos, "hint.put_inside")
        value = self.expression()
        self.expect_closing(opener, CLOSING[opener.kind])
        return value

    def absolute_value(self) -> sympy.Expr:
        opener = self.advance()
        self.open_bars += 1
        try:
            mark = self.begin_height()
            value = self.expression()
            deep = self.end_height(mark)
            self.expect_closing(opener, BAR)
        finally:
            self.open_bars -= 1
        return limits.apply(sympy.Abs, [value], self.failer(opener), deep)

    def root(self) -> sympy.Expr:
        token = self.advance()
        index: sympy.Expr = sympy.Integer(token.value)
        is_tex = self.text.startswith("\\", token.pos)
        if is_tex and self.at(LBRACK):
            opener = self.advance()
            index = self.expression()
            self.expect_closing(opener, RBRACK)
        mark = self.begin_height()
        arg = self.tex_argument() if is_tex else self.power()
        deep = self.end_height(mark)
        fail = self.failer(token)
        if index == 2:
            return limits.power(arg, S.Half, fail, deep)
        return limits.power(arg, limits.reciprocal(index, fail), fail, deep)

    def fraction(self) -> sympy.Expr:
        token = self.advance()
        numerator = self.tex_argument()
        mark = self.begin_height()
        denominator = self.tex_argument()
        deep = self.end_height(mark)
        fail = self.failer(token)
        if denominator == 0:
            raise fail("parse.division_by_zero")
        inverse = limits.power(denominator, S.NegativeOne, fail, deep)
        return limits.product([numerator, inverse], fail)

    def tex_argument(self) -> sympy.Expr:
        """The argument of \\frac or \\sqrt: a ``{…}`` group or a single character."""
        if self.at(LBRACE):
            return self.group()
        token = self.peek()
        if token.kind not in (NUM, NAME, CONST):
            raise self.unexpected(token, Message("expected.brace"))
        return self.single_character()

    # -- functions -----------------------------------------------------------------------
    def function(self, parenthesized_name: bool = False) -> sympy.Expr:
        """A known function: ``sin x``, ``sin(x)``, ``sin^2 x``, ``tan^-1 x``, ``log_2 x``."""
        start = self.peek()  # the name, or the `(` of the malformed "(sin)^(−4)x"
        if parenthesized_name:
            self.advance()
        token = self.advance()
        key = token.value
        if parenthesized_name:
            self.advance()
        base = self.log_base(token) if self.at(UNDERSCORE) else None
        exponent = None
        if self.at(OP, "^"):
            caret = self.advance()
            exponent = self.exponent(caret)
        if base is None and self.at(UNDERSCORE):
            base = self.log_base(token)
        inverse = exponent == -1
        if inverse and (FUNCTIONS[key].inverse is None or base is not None):
            raise self.error("parse.ambiguous_inverse", token.pos, "hint.reciprocal",
                             written=self.source(start.pos, self.last_end))
        value, bare = self.call(token, FUNCTIONS[key].inverse if inverse else key, base)
        self.record_name(token, value, inverse)
        if base is not None or key in ("log10", "log2"):
            self.record_base(value)
        if exponent is not None and not inverse:
            value = limits.power(value, exponent, self.failer(token))
        kind = ("inverse_function_notation" if inverse
                else "function_power" if exponent is not None
                else "log_base" if base is not None or key in ("log10", "log2")
                else "unparenthesized_argument" if bare else None)
        if kind:
            self.note(kind, f"{self.source(start.pos, self.last_end)} -> "
                            f"{_as_named(value, self.source(token.pos, token.end), kind)}",
                      start.pos)
        return value

    def log_base(self, token: Token) -> sympy.Expr:
        """The base after ``log_``: ``log_2``, ``log_{10}``, ``log_b``; ``log_37`` is base 3."""
        underscore = self.advance()
        if token.value != "log":
            raise self.unexpected(underscore)
        following = self.peek()
        if following.kind == NUM and following.pos == underscore.end:
            digits = following.value
            size = 2 if digits.startswith("10") else 1  # log_10 x is base 10, not base 1
            if len(digits) > size and not underscore.synthetic:  # log₂₃ is base 23
                self.tokens[self.k:self.k + 1] = [
                    Token(NUM, digits[:size], following.pos, following.pos + size),
                    Token(NUM, digits[size:], following.pos + size, following.end)]
            return self.number(self.advance())
        if following.kind in (NAME, CONST, LBRACE, LPAREN) and following.pos == underscore.end:
            return self.group() if following.kind in (LBRACE, LPAREN) else self.atom()
        raise self.unexpected(following, Message("expected.log_base"))

    def call(self, token: Token, key: str, base: sympy.Expr | None = None
             ) -> tuple[sympy.Expr, bool]:
        """Apply the known function ``key`` to the argument(s) after ``token``; also say
        whether the argument was written without parentheses."""
        spec = FUNCTIONS[key]
        bare = not any(self.at(opener) for opener in OPENERS)
        mark = self.begin_height()
        if bare:            # ``sinsin…x``: a bare argument nests like a bracketed one
            self.enter(token)
            try:
                args = [self.bare_argument(token)]
            finally:
                self.leave()
        else:
            args = self.arguments(token)
        deep = self.end_height(mark)
        if base is not None:
            args.append(base)
        if key == "log" and len(args) == 2 and args[1].is_number and \
                (args[1] == 1 or args[1].is_nonpositive):
            raise self.error("parse.log_base", token.pos)
        count = len(args)
        if count < spec.min_args or spec.max_args is not None and count > spec.max_args:
            if spec.max_args == spec.min_args:
                key = "parse.arguments_one" if spec.min_args == 1 else "parse.arguments_exactly"
            else:
                key = "parse.arguments_between" if spec.max_args else "parse.arguments_at_least"
            raise self.error(key, token.pos,
                             function=self.source(token.pos, token.end) or key, least=spec.min_args,
                             most=spec.max_args, count=count)
        value = limits.apply(spec.build, args, self.failer(token), deep)
        shown = self.source(token.pos, token.end)
        if key == "sigmoid" and token.kind == NAME:
            self.note("sigma_as_sigmoid", f"{shown}(…) -> sigmoid(…)", token.pos)
        elif key == "Heaviside" and token.kind == NAME:
            self.note("step_function", f"{shown}(…) -> Heaviside(…)", token.pos)
        elif key == "log" and count == 1:
            self.note("natural_log", shown, token.pos)
        elif key == "log" and base is None:  # log(x, b)
            self.record_base(value)
            self.note("log_base", f"{self.source(token.pos, self.last_end)} -> "
                                  f"{textbook_string(value)}", token.pos)
        return value, bare

    def record_base(self, value: sympy.Expr) -> None:
        """Remember the base of a logarithm written ``log_b``, ``log10``, ``lg``, ``log(x, b)``:
        ``value`` is sympy's ``log(x)/log(b)``."""
        for factor in sympy.Mul.make_args(value):
            if factor.is_Pow and factor.exp == -1 and isinstance(factor.base, sympy.log):
                base = factor.base.args[0]
                if base not in self.log_bases:
                    self.log_bases.append(base)

    def arguments(self, token: Token) -> list[sympy.Expr]:
        opener = self.advance()
        closing = CLOSING[opener.kind]
        if self.at(closing):
            raise self.error("parse.needs_argument", opener.pos,
                             function=self.source(token.pos, token.end) or token.value)
        args = [self.expression()]
        while self.at(COMMA):
            self.advance()
            args.append(self.expression())
        self.expect_closing(opener, closing)
        return args

    def bare_argument(self, token: Token) -> sympy.Expr:
        """The argument of a function written without parentheses (see the module docstring)."""
        first = self.peek()
        if first.kind == FUNC or first.kind == NAME and first.call and \
                self.peek(1).kind == LPAREN:
            return self.power()
        sign = self.advance() if first.kind == OP and first.value in "+-" else None
        if not self.starts_factor(self.peek(), in_argument=True):
            following = self.peek()
            if following.kind in (END, OP, COMMA, EQUALS) or following.kind in CLOSERS or sign:
                raise self.error("parse.needs_argument", following.pos, "hint.write_call",
                                 function=self.source(token.pos, token.end), name=token.value)
            raise self.unexpected(following)
        factors = [self.power()]
        while self.starts_factor(self.peek(), in_argument=True):
            factors.append(self.power())
        arg = limits.product(factors, self.failer(first))
        if sign is not None and sign.value == "-":
            arg = limits.negate(arg)
        if self.at(OP, "/") and self.peek(1).kind == NUM and not arg.free_symbols \
                and arg.has(S.Pi):
            slash = self.advance()
            divisor = self.number(self.advance())
            arg = limits.product([arg, limits.reciprocal(divisor, self.failer(slash))],
                                 self.failer(slash))
        return arg

    def undefined_call(self, token: Token) -> sympy.Expr:
        name = token.value
        mark = self.begin_height()
        args = self.arguments(token)
        deep = self.end_height(mark)
        if name not in self.functions:
            self.functions.append(name)
        self.note("undefined_function", name, token.pos)
        return limits.apply(sympy.Function(name), args, self.failer(token), deep)

