"""MathML for formulas: sympy's presentation-MathML printer, made faithful, and derive's notation.

Every MathML the HTML renderer writes comes from :class:`MathMLPrinter` (a sympy expression) or
:func:`plain_mathml` (fixed notation spelled in plain text, ``f'(g(x))·g'(x)``).  The output is
MathML Core, which browsers draw without a script: no ``mfenced``, no named entities (every
character is itself), ``−`` for minus, an upright ``d`` in derivatives.

sympy's printer decides brackets in products and sums by itself, and loses some in unevaluated
forms (``3x(2x − 1) − (x² + 1)`` came out as ``… − x² + 1``, ``5·3`` as ``53``); the products and
sums here follow ``sympy.latex`` instead (the same ``_needs_mul_brackets``,
``_needs_add_brackets`` and sign handling), with derive's sign guards
(:func:`~derive.notation.guard_add`, :func:`~derive.notation.guard_mul`), so MathML shows every
bracket and sign the LaTeX shows.  A test reads the MathML back into sympy and compares.

To print a new class: a ``_print_<Class>`` method returning a DOM element (build it with
:meth:`MathMLPrinter.node`).
"""

from __future__ import annotations

import html
import re
from xml.dom.minidom import Element

from sympy import Basic, Mul, Number, S, Sum
from sympy.printing.latex import LatexPrinter as _SympyLatexPrinter
from sympy.printing.mathml import MathMLPresentationPrinter
from sympy.printing.precedence import PRECEDENCE, precedence_traditional
from sympy.simplify import fraction

from ..functions import NamedFunction
from ..notation import Parens, guard_mul, is_named, is_partial
from ..notation.indexed import PRINTED
from ..notation.letters import GREEK
from ..notation.spelling import INVERSE_MARK, side_by_side, with_log_base
from .mathtext import GuardedAdd, spelled_name

MINUS = "−"
INVISIBLE_TIMES = "\u2062"
APPLY = "\u2061"
DOT = "·"
NAMESPACE = "http://www.w3.org/1998/Math/MathML"
# characters sympy writes as entities that MathML Core fonts draw differently from a textbook
_SPELLED = {"&dd;": "d", "&ExponentialE;": "e", "&ImaginaryI;": "i", "&InvisibleTimes;": INVISIBLE_TIMES}


class _Printer(MathMLPresentationPrinter):
    """Products, sums, numbers and derivatives as ``sympy.latex`` decides them."""

    _default_settings = {**MathMLPresentationPrinter._default_settings, "order": None}

    # sympy.latex's decisions on brackets (they look at the expression only)
    _needs_mul_brackets = _SympyLatexPrinter._needs_mul_brackets
    _needs_add_brackets = _SympyLatexPrinter._needs_add_brackets

    def node(self, tag: str, *children: Element, text: str | None = None, **attributes) -> Element:
        element = self.dom.createElement(tag)
        for name, value in attributes.items():
            element.setAttribute(name, value)
        if text is not None:
            element.appendChild(self.dom.createTextNode(text))
        for child in children:
            element.appendChild(child)
        return element

    def mo(self, text: str, **attributes) -> Element:
        return self.node("mo", text=text, **attributes)

    def bracketed(self, inner: Element, left: str = "(", right: str = ")") -> Element:
        """``inner`` between brackets that grow only around something taller than a line (a
        math font's larger brackets around ``x²`` leave gaps)."""
        stretchy = {} if tall(inner) else {"stretchy": "false"}
        return self.node("mrow", self.mo(left, **stretchy), inner, self.mo(right, **stretchy))

    def parenthesize(self, item, level, strict=False):
        precedence = precedence_traditional(item)
        if precedence < level or (not strict and precedence <= level):
            return self.bracketed(self._print(item))
        return self._print(item)

    def _paren_comma_separated(self, *args):
        row = self.node("mrow")
        for k, arg in enumerate(args):
            if k:
                row.appendChild(self.mo(","))
            row.appendChild(self._print(arg))
        return self.bracketed(row)

    def _print_Abs(self, e, exp=None):
        return self.bracketed(self._print(e.args[0]), "|", "|")

    # --- numbers and letters -------------------------------------------------------------------

    def _signed(self, text: str) -> Element:
        if text.startswith("-"):
            return self.node("mrow", self.mo(MINUS), self.node("mn", text=text[1:]))
        return self.node("mn", text=text)

    def _print_Integer(self, e):
        return self._signed(str(e.p))

    def _print_int(self, e):
        return self._signed(str(e))

    def _print_Float(self, e):
        return self._signed(str(e))

    def _print_Rational(self, e):
        if e.q == 1:
            return self._signed(str(e.p))
        fraction_node = self.node("mfrac", self._signed(str(abs(e.p))), self._signed(str(e.q)))
        return self.node("mrow", self.mo(MINUS), fraction_node) if e.p < 0 else fraction_node

    def _print_Exp1(self, e):
        return self.node("mi", text="e")

    def _print_exp(self, e):
        return self.node("msup", self.node("mi", text="e"), self._print(e.args[0]))

    def _print_Pi(self, e):
        return self.node("mi", text="π")

    def _print_Infinity(self, e):
        return self.node("mi", text="∞")

    def _print_NegativeInfinity(self, e):
        return self.node("mrow", self.mo(MINUS), self.node("mi", text="∞"))

    # --- sums and products, as sympy.latex ----------------------------------------------------

    def _print_Add(self, expr, order=None):
        terms = self._as_ordered_terms(expr, order=order)
        row = self.node("mrow")
        for i, term in enumerate(terms):
            if i and term.could_extract_minus_sign():
                row.appendChild(self.mo(MINUS))
                term = -term
            elif i:
                row.appendChild(self.mo("+"))
            printed = self._print(term)
            row.appendChild(self.bracketed(printed) if self._needs_add_brackets(term) else printed)
        return row

    def _print_Mul(self, expr):
        shown = side_by_side(expr)
        if shown is None:
            shown = with_log_base(expr)
        if shown is not None:
            return self._print(shown)
        if isinstance(expr, Mul):
            args = list(expr.args)
            if args[0] is S.One or any(isinstance(arg, Number) for arg in args[1:]):
                return self._factors(args)       # unevaluated: every factor shown, in order
        row = self.node("mrow")
        if expr.could_extract_minus_sign():
            expr = -expr
            row.appendChild(self.mo(MINUS))
            if expr.is_Add:
                row.appendChild(self.bracketed(self._print(expr)))
                return row
        numerator, denominator = fraction(expr, exact=True)
        if denominator is S.One:
            row.appendChild(self._product(expr))
        else:
            row.appendChild(self.node("mfrac", self._product(numerator), self._product(denominator)))
        return row

    def _product(self, expr) -> Element:
        if not expr.is_Mul:
            return self._print(expr)
        args = list(expr.args) if self.order in ("old", "none") else expr.as_ordered_factors()
        return self._factors(args)

    def _factors(self, args) -> Element:
        args, _ = guard_mul(list(args))
        row = self.node("mrow")
        previous = None
        for i, term in enumerate(args):
            printed = self._print(term)
            if self._needs_mul_brackets(term, first=i == 0, last=i == len(args) - 1):
                printed = self.bracketed(printed)
            if previous is not None:
                row.appendChild(self.times(previous, printed))
            row.appendChild(printed)
            previous = printed
        return row

    def times(self, before: Element, after: Element) -> Element:
        """The operator between two factors: ``·`` before a number, else invisible times,
        with a thin space before a function's name (``2x cos(x)``, as TeX spaces it)."""
        if _first_leaf(after) == "mn" and _last_leaf(before) in ("mn", "mo"):
            return self.mo(DOT)              # 5·3, (x + 1)·1: digits never run together
        if _first_word(after):
            return self.mo(INVISIBLE_TIMES, rspace="0.1667em")
        return self.mo(INVISIBLE_TIMES)

    # --- calculus --------------------------------------------------------------------------------

    def _print_Derivative(self, deriv):
        """``∂L/∂z_i`` for a named quantity, ``d/dx (…)`` otherwise (``∂`` when partial)."""
        symbol = "∂" if is_partial(deriv) else "d"

        def d() -> Element:
            return self.node("mi", text=symbol, mathvariant="normal") if symbol == "d" \
                else self.node("mi", text=symbol)

        total = sum(int(count) for _, count in deriv.variable_count)
        if total == 1 and is_named(deriv.expr):
            return self.node("mfrac", self.node("mrow", d(), self._print(deriv.expr)),
                             self.node("mrow", d(), self._print(deriv.variables[0])))
        below = self.node("mrow")
        for var, count in reversed(deriv.variable_count):
            below.appendChild(d())
            variable = self._print(var)
            below.appendChild(self.node("msup", variable, self._print(count)) if count != 1
                              else variable)
        top = d() if total == 1 else self.node("msup", d(), self._print(total))
        body = deriv.expr
        printed = self._print(body)
        if precedence_traditional(body) < PRECEDENCE["Mul"] or side_by_side(body) is not None or (
                not body.is_Number and body.could_extract_minus_sign()):
            printed = self.bracketed(printed)
        return self.node("mrow", self.node("mfrac", top, below), printed)

    _print_PartialDerivative = _print_Derivative

    def _print_Sum(self, expr):
        if not expr.function.is_Add and expr.function.could_extract_minus_sign():
            return self._print_Sum(Sum(Parens(expr.function), *expr.limits))
        return super()._print_Sum(expr)

    def _print_KroneckerDelta(self, e):
        return self.node("msub", self.node("mi", text="δ"),
                         self.node("mrow", *(self._print(a) for a in e.args)))

    def _print_Equality(self, e):
        return self.node("mrow", self._print(e.lhs), self.mo("="), self._print(e.rhs))

    def _print_Function(self, e):
        if isinstance(e, NamedFunction):        # sympy skips a subclass's own method
            return self._named(e)
        name = spelled_name(e)
        if name is None:
            return super()._print_Function(e)
        if name.endswith(INVERSE_MARK):          # tan⁻¹(x)
            head = self.node("msup", self.node("mi", text=name[:-len(INVERSE_MARK)]),
                             self.node("mrow", self.mo(MINUS), self.node("mn", text="1")))
        else:
            head = self.node("mi", text=name)
        return self.node("mrow", head, self.mo(APPLY), self._paren_comma_separated(*e.args))

    def _print_LogTo(self, e):
        """log₂(x): the logarithm to a base, as typed."""
        head = self.node("msub", self.node("mi", text="log"), self._print(e.base))
        return self.node("mrow", head, self.mo(APPLY), self.bracketed(self._print(e.argument)))

    def _print_Heaviside(self, e):
        """H(x), as the other formats print the step function."""
        return self.node("mrow", self.node("mi", text="H"), self.mo(APPLY),
                         self.bracketed(self._print(e.args[0])))

    def _named(self, e):
        """σ(x), softplus(x), … by their LaTeX name (``\\sigma``, ``\\operatorname{…}``)."""
        name = e.latex_name
        words = re.fullmatch(r"\\operatorname\{(\w+)\}", name)
        name = words.group(1) if words else GREEK.get(name.lstrip("\\"), name.lstrip("\\"))
        return self.node("mrow", self.node("mi", text=name), self.mo(APPLY),
                         self.bracketed(self._print(e.args[0])))

    # --- derive's display objects ---------------------------------------------------------------

    def _print_Parens(self, e):
        return self.bracketed(self._print(e.args[0]))

    def _print_Elided(self, e):
        return self.mo("⋯")

    def _print_Notation(self, e):
        if e.top is None:
            return plain_mathml(self, e.name)
        return self.node("mfrac", plain_mathml(self, e.top), plain_mathml(self, e.bottom))

    def _print_ValueShown(self, e):
        """A name shown as its value (a negative one in brackets)."""
        number = plain_mathml(self, e.text) if "·10" in e.text else self._signed(e.text)
        return self.bracketed(number) if e.text.startswith("-") else number

    def _print_ShownDifference(self, e):
        left, right = (self._print(a) for a in e.args)
        return self.node("mrow", left, self.mo(MINUS), right)

    def _print_Shown(self, e):
        row = self.node("mrow")
        for op, arg in e._pieces():
            if op:
                row.appendChild(self.mo({"−": MINUS, "·": DOT}.get(op, op)))
            printed = self._print(arg)
            row.appendChild(self.bracketed(printed) if e._parens(op, arg) else printed)
        return row

    def _print_ShownFraction(self, e):
        return self.node("mfrac", *(self._print(a) for a in e.args))

    def _print_Entry(self, e):
        label = str(e.base.label)
        name = PRINTED.get(label, (label,))[0]
        return self.node("msub", self.node("mi", text=name), self._print(e.indices[0]))

    def _print_Vector(self, e):
        return self.node("mi", text=str(e.label))

    def _print_SumExcept(self, e):
        condition = self.node("mrow", self._print(e.index), self.mo("≠"), self._print(e.excluded))
        summand = self._print(e.summand)
        if e._bracketed():
            summand = self.bracketed(summand)
        return self.node("mrow", self.node("munder", self.mo("∑"), condition), summand)


class MathMLPrinter(GuardedAdd, _Printer):
    """MathML Core for derive's formulas (a sum never shows ``− −``)."""

    def element(self, expr: Basic) -> Element:
        """The MathML of ``expr`` as a DOM element (without the ``<math>`` wrapper)."""
        return _cleaned(self._print(expr))


def _cleaned(node: Element) -> Element:
    """Every entity sympy wrote spelled as its character; ``-`` as the minus sign ``−``."""
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            text = child.data
            for entity, character in _SPELLED.items():
                text = text.replace(entity, character)
            text = html.unescape(text)
            if node.tagName == "mo" and text == "-":
                text = MINUS
            child.data = text
        else:
            _cleaned(child)
    return node


_TALL = {"mfrac", "msqrt", "mroot", "munderover", "munder", "mover", "mtable"}


def tall(node: Element) -> bool:
    """Whether ``node`` holds something taller than a line of text (a fraction, a root, …)."""
    if node.nodeType != node.ELEMENT_NODE:
        return False
    return node.tagName in _TALL or any(tall(child) for child in node.childNodes)


def _leaf(node: Element, last: bool) -> str:
    while node.childNodes and node.firstChild.nodeType != node.TEXT_NODE:
        elements = [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE]
        if not elements:
            break
        node = elements[-1] if last and node.tagName == "mrow" else elements[0]
    return node.tagName


def _first_word(node: Element) -> bool:
    """Whether ``node`` starts with a name of several letters (a function's)."""
    while node.nodeType == node.ELEMENT_NODE and node.tagName in ("mrow", "msup", "msub"):
        elements = [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE]
        if not elements:
            return False
        node = elements[0]
    return node.nodeType == node.ELEMENT_NODE and node.tagName == "mi" and \
        len(node.firstChild.data if node.firstChild else "") > 1


def _first_leaf(node: Element) -> str:
    """The tag of the first token of ``node`` (the numerator's, for a fraction)."""
    return _leaf(node, last=False)


def _last_leaf(node: Element) -> str:
    return _leaf(node, last=True)


# --- fixed notation in plain text ---------------------------------------------------------------

_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻ⁿˣᵗᵀ⁺", "0123456789−nxtT+"))
_WORDS = ("diag", "det", "ln", "log", "lim", "sin", "cos", "tan", "exp", "softplus", "ReLU",
          "sigmoid", "max")
_TOKEN = re.compile(r"(?P<word>" + "|".join(_WORDS) + r")(?![A-Za-z])"
                    r"|(?P<number>\d+(?:\.\d+)?)|(?P<letter>[^\W\d_]|[∂∇∞])"
                    r"|(?P<super>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻ⁿˣᵗᵀ⁺]+)|(?P<script>[_^])|(?P<space>\s+)"
                    r"|(?P<accent>[\u0300-\u036f])|(?P<other>.)")
# a combining accent drawn over the letter before it (the adjoint ȳ): the accent's spacing form
_ACCENTS = {"\u0304": "¯", "\u0305": "¯", "\u0302": "^", "\u0303": "~", "\u0307": "˙",
            "\u0308": "¨", "\u0301": "´", "\u0300": "`"}
_OPERATORS = {"-": MINUS, "'": "′", "*": DOT}


def plain_mathml(printer: _Printer, text: str) -> Element:
    """Notation spelled in plain text (``σ_i(1 − σ_i)``, ``d/dx xⁿ = n·xⁿ⁻¹``) as MathML: every
    character kept; ``_x``/``_(…)`` and ``^x``/``^(…)`` as scripts, superscript digits as a
    superscript, known function names upright."""
    row = printer.node("mrow")
    items: list[Element] = []
    tokens = list(_TOKEN.finditer(text))
    k = 0
    while k < len(tokens):
        match = tokens[k]
        kind, value = match.lastgroup, match.group()
        k += 1
        if kind == "space":
            if items and items[-1].tagName != "mo":
                items.append(printer.node("mspace", width="0.25em"))
            continue
        if kind == "script" and items:
            script, k = _script(printer, tokens, k)
            items[-1] = printer.node("msub" if value == "_" else "msup", items[-1], script)
            continue
        if kind == "accent" and items:
            items[-1] = printer.node("mover", items[-1],
                                     printer.mo(_ACCENTS.get(value, value)), accent="true")
            continue
        if kind == "super" and items:
            items[-1] = printer.node("msup", items[-1],
                                     plain_mathml(printer, "".join(_SUPERSCRIPTS[c] for c in value)))
            continue
        if kind == "word":
            items.append(printer.node("mi", text=value))
        elif kind == "number":
            items.append(printer.node("mn", text=value))
        elif kind == "letter":
            items.append(printer.node("mi", text=value))
        elif value in "()[]":
            items.append(printer.mo(value, stretchy="false"))
        elif value == "/":
            items.append(printer.mo("/", lspace="0", rspace="0"))
        else:
            items.append(printer.mo(_OPERATORS.get(value, value)))
    while items and items[-1].tagName == "mspace":
        items.pop()
    for k, item in enumerate(items):
        if item.tagName == "mspace" and items[k + 1].tagName == "mo":
            continue
        row.appendChild(item)
    return row


def _script(printer: _Printer, tokens: list, k: int) -> tuple[Element, int]:
    """The script after ``_`` or ``^``: a bracketed group ``(…)`` or one word, number or letter."""
    if k < len(tokens) and tokens[k].group() == "(":
        depth, end = 0, k
        while end < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[end].group(), 0)
            if depth == 0:
                break
            end += 1
        inner = "".join(t.group() for t in tokens[k + 1:end])
        return plain_mathml(printer, inner), end + 1
    if k < len(tokens):
        return plain_mathml(printer, tokens[k].group()), k + 1
    return printer.node("mrow"), k


def math_element(printer: _Printer, content: Element, display: bool = False) -> str:
    """``content`` in a ``<math>`` element, as XML text."""
    attributes = {"xmlns": NAMESPACE}
    if display:
        attributes["display"] = "block"
    wrapper = printer.node("math", content, **attributes)
    return _cleaned(wrapper).toxml()


__all__ = ["MathMLPrinter", "NAMESPACE", "math_element", "plain_mathml"]
