"""MathML read back into sympy, for the tests: what a reader of the page sees, as a value.

Only the brackets, signs and operators that are drawn count: ``mrow`` groups nothing by itself,
so a bracket the printer forgot changes the value read.  The subset is what
:mod:`derive.render.mathml` writes for ordinary expressions: ``mi``, ``mn``, ``mo``, ``mrow``,
``msup``, ``msub``, ``mfrac``, ``msqrt``, ``mroot``, ``mstyle``, functions applied to a bracket.
"""

from __future__ import annotations

from xml.dom.minidom import Element, parseString

import sympy

FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec,
    "csc": sympy.csc, "log": sympy.log, "ln": sympy.log, "exp": sympy.exp, "sinh": sympy.sinh,
    "cosh": sympy.cosh, "tanh": sympy.tanh, "arcsin": sympy.asin, "arccos": sympy.acos,
    "arctan": sympy.atan, "arccot": sympy.acot, "asinh": sympy.asinh, "arcsinh": sympy.asinh,
    "atan": sympy.atan, "acot": sympy.acot, "arcsec": sympy.asec, "arccsc": sympy.acsc,
    "asin": sympy.asin, "acos": sympy.acos, "asec": sympy.asec, "acsc": sympy.acsc,
    "arsinh": sympy.asinh, "arcosh": sympy.acosh, "artanh": sympy.atanh, "arcoth": sympy.acoth,
    "arsech": sympy.asech, "arcsch": sympy.acsch, "acosh": sympy.acosh, "atanh": sympy.atanh,
    "acoth": sympy.acoth, "asech": sympy.asech, "acsch": sympy.acsch, "sech": sympy.sech,
    "csch": sympy.csch, "coth": sympy.coth,
}
#: ``tan⁻¹`` (an msup of the name and −1): the inverse function
INVERSES = {"sin": sympy.asin, "cos": sympy.acos, "tan": sympy.atan, "cot": sympy.acot,
            "sec": sympy.asec, "csc": sympy.acsc, "sinh": sympy.asinh, "cosh": sympy.acosh,
            "tanh": sympy.atanh}
CONSTANTS = {"e": sympy.E, "π": sympy.pi}
TIMES = {"\u2062", "·", "⋅", "×"}
MINUS = {"−", "-"}


def read(markup: str):
    """The value shown by ``<math>…</math>`` (or any MathML element) as a sympy expression."""
    return value(parseString(markup).documentElement)


def _elements(node: Element) -> list[Element]:
    return [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE]


def _text(node: Element) -> str:
    return "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)


def value(node: Element):
    tag = node.tagName
    children = _elements(node)
    if tag in ("math", "mrow", "mstyle"):
        return _Row(children).expression()
    if tag == "mn":
        return sympy.Rational(_text(node))
    if tag == "mi":
        text = _text(node)
        return CONSTANTS.get(text, sympy.Symbol(text))
    if tag == "msup":
        base, exponent = children
        if base.tagName == "mi" and _text(base) == "e":
            return sympy.exp(value(exponent), evaluate=False)
        _one_piece(base)
        return sympy.Pow(value(base), value(exponent), evaluate=False)
    if tag == "msub":
        return sympy.Symbol(_text(children[0]) + "_" + _text(children[1]))
    if tag == "mfrac":
        top, bottom = (value(c) for c in children)
        return sympy.Mul(top, sympy.Pow(bottom, -1, evaluate=False), evaluate=False)
    if tag == "msqrt":
        return sympy.sqrt(_Row(children).expression(), evaluate=False)
    if tag == "mroot":
        base, index = children
        return sympy.Pow(value(base), 1 / value(index), evaluate=False)
    raise ValueError(f"the reader does not know <{tag}>")


def _flat(children: list[Element]) -> list[Element]:
    """The children with every ``mrow``/``mstyle`` opened: only drawn tokens group."""
    out: list[Element] = []
    for child in children:
        if child.tagName in ("mrow", "mstyle"):
            out.extend(_flat(_elements(child)))
        else:
            out.append(child)
    return out


def _one_piece(base: Element) -> None:
    """A base with a superscript must look like one piece: a token, a bracketed group, or a
    function applied to one (``x + 1²`` squares the 1 only)."""
    items = _flat([base])
    texts = [_text(i) if i.tagName == "mo" else None for i in items]
    if items and items[0].tagName == "mi" and _text(items[0]) in FUNCTIONS:
        items, texts = items[1:], texts[1:]
        if texts and texts[0] == "\u2061":
            items, texts = items[1:], texts[1:]
    if len(items) <= 1:
        return
    depth = 0
    for k, text in enumerate(texts):
        depth += {"(": 1, ")": -1}.get(text, 0)
        if depth == 0 and k < len(texts) - 1:
            raise ValueError("a superscript on a group without brackets")
    if texts[0] != "(":
        raise ValueError("a superscript on a group without brackets")


class _Row:
    """A Pratt reader over the tokens of an ``mrow``: ``mo`` elements are the operators."""

    def __init__(self, children: list[Element]) -> None:
        self.items = _flat(children)
        self.k = 0

    def peek(self) -> str | None:
        if self.k < len(self.items) and self.items[self.k].tagName == "mo":
            return _text(self.items[self.k])
        return None

    def at_end(self) -> bool:
        return self.k >= len(self.items)

    def expression(self):
        result = self.sum()
        if not self.at_end():
            raise ValueError(f"unread {self.items[self.k].toxml()}")
        return result

    def sum(self):
        terms = [self.signed()]
        while self.peek() in ("+", *MINUS):
            op = self.peek()
            self.k += 1
            term = self.product()
            terms.append(term if op == "+" else sympy.Mul(-1, term, evaluate=False))
        return terms[0] if len(terms) == 1 else sympy.Add(*terms, evaluate=False)

    def signed(self):
        if self.peek() in MINUS:
            self.k += 1
            return sympy.Mul(-1, self.product(), evaluate=False)
        return self.product()

    def product(self):
        factors = [self.primary()]
        while not self.at_end() and self.peek() not in ("+", *MINUS, ")", ",", "|", "="):
            if self.peek() in TIMES:
                self.k += 1
            factors.append(self.primary())
        return factors[0] if len(factors) == 1 else sympy.Mul(*factors, evaluate=False)

    def primary(self):
        op = self.peek()
        if op in ("(", "|"):
            self.k += 1
            inner = self.sum()
            if self.peek() != {"(": ")", "|": "|"}[op]:
                raise ValueError("a bracket is not closed")
            self.k += 1
            return sympy.Abs(inner) if op == "|" else inner
        if op is not None:
            raise ValueError(f"unexpected operator {op!r}")
        node = self.items[self.k]
        self.k += 1
        function = _function(node)
        if function is not None:
            if self.peek() == "\u2061":
                self.k += 1
            return function(self.primary())
        return value(node)


def _function(node: Element):
    """The function a name shows, if it is one: ``sin``, ``tan⁻¹`` (msup), ``log₂`` (msub)."""
    if node.tagName == "mi" and _text(node) in FUNCTIONS:
        return lambda arg: FUNCTIONS[_text(node)](arg, evaluate=False)
    children = _elements(node)
    if node.tagName == "msup" and children[0].tagName == "mi" and \
            _text(children[0]) in INVERSES and value(children[1]) == -1:
        return lambda arg: INVERSES[_text(children[0])](arg, evaluate=False)
    if node.tagName == "msub" and children[0].tagName == "mi" and _text(children[0]) == "log":
        base = value(children[1])
        return lambda arg: sympy.log(arg) / sympy.log(base)
    return None
