"""A name shown as its value: ``tanh(0.3·0.5 + 0.1)`` for ``tanh(w1·x + b1)`` at a point.

:class:`ValueShown` stands in for a symbol in a formula written out with the numbers.  It keeps
the symbol's name, so a sum or product prints its terms in the same order as the formula with
names (sympy orders terms by the names inside them); it prints the number it was given, a
negative one in brackets so that ``0.2·(−0.8)`` never reads as a subtraction.  :func:`shown`
is a number on its own, :func:`value_of` a number standing in for a name; both round to
:data:`DIGITS` significant digits.
"""

from __future__ import annotations

import mpmath
from sympy import Basic, Symbol
from sympy.printing.pretty.stringpict import prettyForm

from .shown import Notation


class ValueShown(Symbol):
    """The symbol ``name`` printed as the number ``text`` (LaTeX ``latex``)."""

    def __new__(cls, name: str, text: str, latex: str):
        obj = super().__new__(cls, name)
        obj.text, obj.latex = text, latex
        return obj

    def __getnewargs__(self):
        return (self.name, self.text, self.latex)

    def _hashable_content(self):
        return (*super()._hashable_content(), self.text)

    @classmethod
    def class_key(cls):
        return Symbol.class_key()

    def _shown(self, text: str, left: str, right: str) -> str:
        return f"{left}{text}{right}" if text.startswith(("-", "−")) else text

    def _sympystr(self, printer):
        return self._shown(self.text, "(", ")")

    def _pretty(self, printer):
        return prettyForm(self._shown(self.text, "(", ")"))

    def _latex(self, printer):
        return self._shown(self.latex, r"\left(", r"\right)")


DIGITS = 4          # significant digits shown


def spelled(value) -> tuple[str, str]:
    """A number (mpmath or sympy) rounded to :data:`DIGITS` significant digits, as text and as
    LaTeX (``1.235·10⁻⁵``, ``1.235 \\cdot 10^{-5}``)."""
    text = mpmath.nstr(mpmath.mpf(value), DIGITS, strip_zeros=True)
    if text.endswith(".0"):
        text = text[:-2]
    if text in ("-0", "-0.0"):
        text = "0"
    if "e" in text:
        mantissa, exponent = text.split("e")
        power = int(exponent)
        sup = str(power).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
        return f"{mantissa}·10{sup}", rf"{mantissa} \cdot 10^{{{power}}}"
    return text, text


def shown(value) -> Notation:
    """A number as it is printed in a formula."""
    text, latex = spelled(value)
    return Notation(text, latex)


def value_of(name, value) -> ValueShown:
    """``name``'s value standing in for it in a formula (a negative one in brackets)."""
    text, latex = spelled(value)
    return ValueShown(str(name), text, latex)


class ShownDifference(Basic):
    """``a − b`` as written, for operands sympy would fold into one (two matrices of numbers:
    ``p − y`` shown before it is worked out)."""

    def __new__(cls, a, b):
        return Basic.__new__(cls, a, b)

    def _sympystr(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"

    def _latex(self, printer):
        return f"{printer._print(self.args[0])} - {printer._print(self.args[1])}"

    def _pretty(self, printer):
        left, right = (printer._print(a) for a in self.args)
        return prettyForm(*left.right(" − ", right))
