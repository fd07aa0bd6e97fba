r"""The tokenizer: input text -> a list of :class:`Token`, each with its 0-based position.

Plain text and LaTeX share one token stream.  Spelling variants are normalised here, so the
parser never sees them: ``**`` and ``^``; ``−`` (U+2212), ``–`` (en dash) and ``-``; ``·``, ``×``,
``\cdot`` and ``*``; ``÷``, ``\div`` and ``/``; ``√``/``∛``/``\sqrt``; Greek letters (``θ``,
``\theta``, ``theta``) become the variable ``theta``.  Unicode superscripts become ``^{…}``
(``x⁻¹`` is ``x^{-1}``); unicode subscript digits become a subscripted name (``x₁`` is ``x_1``).

Names: a run of ASCII letters is split by :func:`derive.parse.names.split_letter_run`.  Digits
right after a variable extend its name (``w1``, ``x12``), except directly after ``^`` (``2^x3^x``
is ``2^x·3^x``).  ``_`` after a variable makes a subscripted name: ``x_1``, ``x_{12}``, ``z_i``
(plain text: all following digits or one letter; LaTeX: one character or a ``{…}`` group).

``∂`` and ``\partial`` are PARTIAL tokens and ``;`` a SEMICOLON, for derivative operators
(``∂/∂x``) and the parts of ``y = …; dy/dx`` (:mod:`derive.parse.operators`).  Anything else —
quotes, ``@``, ``#``, backticks, ``.`` outside a number, non-Greek letters — is rejected here
with its position, so no other text ever reaches the parser.

To add a character: put it in the matching table (``OPERATOR_CHARS``, ``SUPERSCRIPTS``,
``ROOT_CHARS``, ``REJECTED`` with the key of a hint in :mod:`derive.messages`, for a friendly
error) — nothing else needs to change.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

import sympy

from derive.errors import ParseError
from derive.messages import Message
from derive.parse import latex as tex
from derive.parse.names import (
    CALLABLE_VARIABLES, CONSTANTS, GREEK, GREEK_CHARS, Piece, canonical_function,
    split_letter_run, suggest_function,
)
from derive.parse.readings import Reading

# Token kinds.
NUM, NAME, CONST, FUNC, OP = "number", "name", "constant", "function", "operator"
LPAREN, RPAREN, LBRACE, RBRACE, LBRACK, RBRACK = "(", ")", "{", "}", "[", "]"
BAR, COMMA, EQUALS, UNDERSCORE, SQRT, FRAC, END = "|", ",", "=", "_", "sqrt", "frac", "end"
PARTIAL, SEMICOLON = "∂", ";"  # ∂ (\partial) of a derivative operator; ; between parts

OPERATOR_CHARS = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "^",
                  "−": "-", "–": "-", "×": "*", "·": "*", "⋅": "*", "∙": "*", "∗": "*",
                  "÷": "/", "∕": "/"}
PUNCTUATION = {"(": LPAREN, ")": RPAREN, "{": LBRACE, "}": RBRACE, "[": LBRACK, "]": RBRACK,
               "|": BAR, ",": COMMA, "=": EQUALS, "_": UNDERSCORE, ";": SEMICOLON, "∂": PARTIAL}
#: Brackets that apply a function: ⌊x⌋ is floor(x), ⌈x⌉ is ceiling(x).  The ``(`` and ``)``
#: tokens they give carry the function's name as their value, so that ⌊x) is refused.
BRACKET_FUNCTIONS = {"⌊": "floor", "⌈": "ceiling"}
BRACKET_CLOSERS = {"⌋": "floor", "⌉": "ceiling"}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾", "0123456789+-()"))
SUBSCRIPT_DIGITS = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
ROOT_CHARS = {"√": 2, "∛": 3, "∜": 4}
REJECTED = {  # character → the key of the hint that says why
    "'": "hint.quotes", '"': "hint.quotes", "′": "hint.prime", "!": "hint.factorial",
    ".": "hint.dot",
}


@dataclass
class Token:
    """One token.  ``value``: NUM digit string, NAME symbol name, CONST sympy constant,
    FUNC key in ``FUNCTIONS``, OP one of ``+ - * / ^``, SQRT the root index."""

    kind: str
    value: object
    pos: int
    end: int
    call: str | None = None  # NAME only: "undefined", "index_sum" or the FUNCTIONS key `name(` means
    synthetic: bool = False  # inserted by the tokenizer, e.g. the braces around a superscript

    def describe(self, text: str) -> str | Message:
        """How to show this token in a message."""
        if self.kind == END:
            return Message("token.end")
        return f"`{text[self.pos:self.end]}`" if self.end > self.pos else f"`{self.kind}`"


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


class Tokenizer:
    """Turns ``text`` into tokens; ``undefined`` holds the names that are functions when called,
    ``calls`` other names that have a meaning when called (``sum`` in the index syntax)."""

    def __init__(self, text: str, latex: bool, undefined: frozenset[str],
                 calls: dict[str, str] | None = None) -> None:
        self.text = text
        self.latex = latex
        self.undefined = undefined
        self.calls = calls or {}
        self.whole = undefined | frozenset(self.calls)   # names a letter run keeps whole
        self.tokens: list[Token] = []
        self.readings: list[tuple[int, Reading]] = []
        self.i = 0

    def error(self, key: str, position: int, hint: str | None = None, **params) -> ParseError:
        return ParseError(key, self.text, position, hint, **params)

    def run(self) -> tuple[list[Token], list[tuple[int, Reading]]]:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch.isspace():
                self.i += 1
            elif ch.isdigit() and ch.isascii() or ch == ".":
                self.number()
            elif _is_ascii_letter(ch):
                self.letter_run()
            elif ch in GREEK_CHARS and GREEK_CHARS[ch] in CONSTANTS:
                self.emit(CONST, CONSTANTS[GREEK_CHARS[ch]], self.i, self.i + 1)
            elif ch in GREEK_CHARS:
                self.i += 1
                self.name(GREEK_CHARS[ch], self.i - 1)
            elif ch == "*" and text.startswith("**", self.i):
                self.emit(OP, "^", self.i, self.i + 2)
            elif ch in OPERATOR_CHARS:
                self.emit(OP, OPERATOR_CHARS[ch], self.i, self.i + 1)
            elif ch == "_" and not (self.tokens and self.tokens[-1].kind == FUNC
                                    and self.tokens[-1].value == "log"
                                    and self.tokens[-1].end == self.i):
                raise self.error("parse.unexpected_underscore", self.i, "hint.subscript_follows")
            elif ch in PUNCTUATION:
                self.emit(PUNCTUATION[ch], None, self.i, self.i + 1)
            elif ch in BRACKET_FUNCTIONS:
                self.bracket_function(BRACKET_FUNCTIONS[ch], self.i, self.i + 1)
            elif ch in BRACKET_CLOSERS:
                self.emit(RPAREN, BRACKET_CLOSERS[ch], self.i, self.i + 1)
            elif ch in SUPERSCRIPTS:
                self.superscript()
            elif ch in ROOT_CHARS:
                self.emit(SQRT, ROOT_CHARS[ch], self.i, self.i + 1)
            elif ch == "\\":
                self.command()
            elif ch in SUBSCRIPT_DIGITS:
                raise self.error("parse.subscript_alone", self.i)
            else:
                halfwidth = unicodedata.normalize("NFKC", ch)
                reason = REJECTED.get(ch) or ("hint.fullwidth" if halfwidth != ch
                                              and halfwidth.isascii() else None)
                raise self.error("parse.unexpected_character", self.i, reason, char=ch,
                                 halfwidth=halfwidth)
        self.tokens.append(Token(END, None, len(text), len(text)))
        return self.tokens, self.readings

    def bracket_function(self, function: str, start: int, end: int) -> None:
        """An opening bracket that applies a function (⌊, \\lfloor): the function and ``(``."""
        self.emit(FUNC, function, start, start, synthetic=True)
        self.emit(LPAREN, function, start, end)

    def emit(self, kind: str, value: object, start: int, end: int, **extra) -> Token:
        token = Token(kind, value, start, end, **extra)
        self.tokens.append(token)
        self.i = end
        return token

    # -- numbers -------------------------------------------------------------------------
    def number(self) -> None:
        text, start = self.text, self.i
        j = start
        while j < len(text) and text[j].isascii() and text[j].isdigit():
            j += 1
        if j < len(text) and text[j] == ".":
            k = j + 1
            while k < len(text) and text[k].isascii() and text[k].isdigit():
                k += 1
            if k == j + 1:
                raise self.error("parse.unexpected_dot", j, REJECTED["."])
            j = k
        self.emit(NUM, text[start:j], start, j)

    # -- names ---------------------------------------------------------------------------
    def letter_run(self) -> None:
        text, start = self.text, self.i
        j = start
        while j < len(text) and _is_ascii_letter(text[j]):
            j += 1
        run = text[start:j]
        pieces = split_letter_run(run, self.whole)
        if pieces[-1].kind == "function":  # a name that ends in digits: log10, log2
            digits = j
            while digits < len(text) and text[digits].isascii() and text[digits].isdigit():
                digits += 1
            for end in range(digits, j, -1):
                if canonical_function(pieces[-1].text + text[j:end]):
                    last = pieces[-1]
                    pieces[-1] = Piece(last.text + text[j:end], "function", last.start)
                    j = end
                    break
        self.reject_misspelt_function(run, pieces, start, j)
        previous = self.tokens[-1] if self.tokens else None
        after_caret = previous is not None and previous.kind == OP and previous.value == "^" \
            and not previous.synthetic
        for n, piece in enumerate(pieces):
            pos = start + piece.start
            last = n == len(pieces) - 1
            if piece.kind == "function":
                self.emit(FUNC, canonical_function(piece.text), pos, pos + len(piece.text))
            elif piece.kind == "constant" and piece.text not in self.undefined:
                self.emit(CONST, CONSTANTS[piece.text], pos, pos + len(piece.text))
            else:
                self.i = pos + len(piece.text)
                self.name(piece.text, pos, digits=last and not after_caret, subscript=last)
        if len(pieces) > 1 and any(p.kind != "function" and q.kind != "function"
                                   for p, q in zip(pieces, pieces[1:])):
            shown = "".join(("*" if p.kind != "function" and q.kind != "function" else " ")
                            + q.text for p, q in zip(pieces, pieces[1:]))
            self.readings.append((start, Reading("implicit_multiplication",
                                                 f"{run} -> {pieces[0].text}{shown}")))
        self.i = max(self.i, j)

    def reject_misspelt_function(self, run: str, pieces: list, start: int, end: int) -> None:
        """``sni(x)``: a run of 3+ single letters called like a function is likely a typo;
        ``LamW(x)``, ``Softmax(x)``: a run of 4+ letters, 4 of them single letters, directly
        followed by ``(`` is likely an unknown function."""
        singles = sum(len(p.text) == 1 and p.kind == "variable" for p in pieces)
        called = self.text[end:].lstrip().startswith("(")
        if len(run) >= 3 and singles == len(run) and called:
            guess = suggest_function(run)
            if guess is not None:
                raise self.error("parse.unknown_function", start, "hint.did_you_mean", name=run,
                                 guess=guess)
        if len(run) >= 4 and singles >= 4 and self.text.startswith("(", end):
            product = "*".join(p.text for p in pieces)
            raise self.error("parse.unknown_function", start, "hint.declare_function", name=run,
                             product=product)

    def name(self, name: str, start: int, digits: bool = True, subscript: bool = True) -> None:
        """Emit a variable ``name`` that ends at ``self.i``, extended by digits or a subscript."""
        text = self.text
        j = self.i
        if digits:
            while j < len(text) and text[j].isascii() and text[j].isdigit():
                j += 1
            name += text[self.i:j]
        if subscript and j < len(text) and text[j] == "_":
            name, j = self.subscript(name, j)
        elif j < len(text) and text[j] in SUBSCRIPT_DIGITS:
            k = j
            while k < len(text) and text[k] in SUBSCRIPT_DIGITS:
                k += 1
            name += "_" + "".join(SUBSCRIPT_DIGITS[c] for c in text[j:k])
            j = k
        call = "undefined" if name in self.undefined else \
            self.calls.get(name) or CALLABLE_VARIABLES.get(name)
        self.emit(NAME, name, start, j, call=call)

    def subscript(self, name: str, j: int) -> tuple[str, int]:
        """Read the subscript after the ``_`` at ``j``: ``x_1``, ``x_{12}``, ``z_i``."""
        text = self.text
        k = j + 1
        if k < len(text) and text[k] == "{":
            close = text.find("}", k)
            body = text[k + 1:close] if close != -1 else ""
            if close == -1 or not body.isascii() or not body.isalnum():
                raise self.error("parse.subscript_braces", k, "hint.subscript_braces")
            return f"{name}_{body}", close + 1
        if k < len(text) and text[k].isascii() and text[k].isdigit():
            end = k + 1
            if not self.latex:  # TeX reads x_12 as x_1 followed by 2
                while end < len(text) and text[end].isascii() and text[end].isdigit():
                    end += 1
            return f"{name}_{text[k:end]}", end
        if k < len(text) and (_is_ascii_letter(text[k]) or text[k] in GREEK_CHARS):
            return f"{name}_{GREEK_CHARS.get(text[k], text[k])}", k + 1
        raise self.error("parse.subscript_missing", k, "hint.subscript_forms")

    # -- unicode superscripts --------------------------------------------------------------
    def superscript(self) -> None:
        text, start = self.text, self.i
        j = start
        while j < len(text) and text[j] in SUPERSCRIPTS:
            j += 1
        self.emit(OP, "^", start, start, synthetic=True)
        self.emit(LBRACE, None, start, start, synthetic=True)
        k = start
        while k < j:
            ch = SUPERSCRIPTS[text[k]]
            if ch.isdigit():
                m = k
                while m < j and SUPERSCRIPTS[text[m]].isdigit():
                    m += 1
                self.emit(NUM, "".join(SUPERSCRIPTS[c] for c in text[k:m]), k, m)
                k = m
            else:
                self.emit(OP if ch in "+-" else ch, ch if ch in "+-" else None, k, k + 1)
                k += 1
        self.emit(RBRACE, None, j, j, synthetic=True)

    # -- LaTeX commands --------------------------------------------------------------------
    def command(self) -> None:
        text, start = self.text, self.i
        if not self.latex:
            raise self.error("parse.latex_off", start)
        j = start + 1
        while j < len(text) and _is_ascii_letter(text[j]):
            j += 1
        if j == start + 1 and j < len(text):
            j += 1  # a one-character command such as \, or \{
        cmd = text[start + 1:j]
        self.i = j
        if cmd in tex.IGNORED:
            if cmd.startswith(("left", "right", "big", "Big", "middle")):
                self.delimiter_after_sizing()
        elif cmd in tex.OPERATORS:
            self.emit(OP, tex.OPERATORS[cmd], start, j)
        elif cmd in tex.FRACTIONS:
            self.emit(FRAC, None, start, j)
        elif cmd == "sqrt":
            self.emit(SQRT, 2, start, j)
        elif cmd == "pi":
            self.emit(CONST, sympy.pi, start, j)
        elif cmd in tex.BRACKET_FUNCTIONS:
            self.bracket_function(tex.BRACKET_FUNCTIONS[cmd], start, j)
        elif cmd in tex.BRACKET_CLOSERS:
            self.emit(RPAREN, tex.BRACKET_CLOSERS[cmd], start, j)
        elif cmd in tex.DELIMITERS:
            kind = tex.DELIMITERS[cmd]
            self.emit(kind, None, start, j)
        elif cmd in GREEK or cmd in tex.GREEK_VARIANTS:
            self.name(tex.GREEK_VARIANTS.get(cmd, cmd), start)
        elif canonical_function(cmd):
            self.emit(FUNC, canonical_function(cmd), start, j)
        elif cmd == "partial":
            self.emit(PARTIAL, None, start, j)
        elif cmd in tex.NAMED:
            self.named(start)
        elif cmd in tex.UNSUPPORTED:
            raise self.error("parse.latex_unsupported", start, tex.UNSUPPORTED[cmd], command=cmd)
        else:
            close = difflib.get_close_matches(cmd, tex.known_commands(), n=1, cutoff=0.6)
            raise self.error("parse.latex_unknown", start,
                             "hint.did_you_mean_command" if close else None, command=cmd,
                             guess=close[0] if close else "")

    def delimiter_after_sizing(self) -> None:
        """After \\left, \\right, \\big…: ``.`` is no delimiter; ``[``/``]`` group like parens."""
        text = self.text
        while self.i < len(text) and text[self.i].isspace():
            self.i += 1
        if self.i < len(text) and text[self.i] in ".[]":
            ch = text[self.i]
            if ch != ".":
                self.emit(LPAREN if ch == "[" else RPAREN, None, self.i, self.i + 1)
            else:
                self.i += 1

    def named(self, start: int) -> None:
        r"""\operatorname{name}: a function name, a declared function or a variable."""
        text = self.text
        if self.i >= len(text) or text[self.i] != "{":
            raise self.error("parse.named_brace", self.i, "hint.operatorname")
        close = text.find("}", self.i)
        word = text[self.i + 1:close].strip() if close != -1 else ""
        if close == -1 or not word.isascii() or not word.isalpha():
            raise self.error("parse.named_name", self.i, "hint.operatorname")
        self.i = close + 1
        key = canonical_function(word)
        if key:
            self.emit(FUNC, key, start, close + 1)
        elif word in self.undefined or len(word) == 1 or word in GREEK:
            self.i = close + 1
            self.name(word, start, digits=False, subscript=False)
        else:
            guess = suggest_function(word)
            raise self.error("parse.unknown_function", start + 1,
                             "hint.did_you_mean" if guess else "hint.declare_named", name=word,
                             guess=guess)


def tokenize(text: str, latex: bool, undefined: frozenset[str] = frozenset(),
             calls: dict[str, str] | None = None
             ) -> tuple[list[Token], list[tuple[int, Reading]]]:
    """Tokens of ``text`` (ending with an END token) and the readings taken while splitting."""
    return Tokenizer(text, latex, undefined, calls).run()
