"""Expressions without a value: refused with a message that says why, never explained.

Three kinds are caught:

* a function of real numbers only (ReLU, Heaviside, max, min) applied to a number that is not
  real, such as ``relu(asin(3))`` (asin 3 is not a real number);
* a result in which sympy's undefined values appear (``zoo``, complex infinity, from ``ln 0`` or
  a division by zero, and ``nan``): the derivative of ``0^x`` is ``0^x·ln 0``;
* any other number that is not real (``ln(−1)``, ``√−4``, ``asin 2``, ``(−8)^(1/3)``, sympy's
  principal root): derive differentiates real functions of a real variable, where such a number
  has no value, so ``x + ln(−1)`` is refused rather than differentiated to 1.

:func:`check_defined` is called on every expression read (:mod:`derive.inputs`) and on every
derivative's result (:mod:`derive.derivation`).  To refuse another kind, add its test here and
say in its message (a key of :mod:`derive.messages`) what is undefined.
"""

from __future__ import annotations

import sympy
from sympy import Basic, Expr
from sympy.core.function import AppliedUndef

from .errors import UsageError
from .functions import relu
from .messages import Message
from .notation.spelling import textbook_string
from .sizes import distinct_nodes

REAL_ONLY = (relu, sympy.Heaviside, sympy.Max, sympy.Min)
UNDEFINED_VALUES = (sympy.S.ComplexInfinity, sympy.S.NaN)


def _not_real(arg: Basic) -> bool:
    return arg.is_number and arg.is_extended_real is False


def _numbers(expr: Basic) -> set[Basic]:
    """The sub-expressions of ``expr`` that are numbers (no variable, no unknown function),
    found in one pass from the leaves up (sympy's ``is_number`` would walk each subtree again)."""
    numbers: set[Basic] = set()
    order = list(distinct_nodes(expr))               # outermost first: every node before its args
    for node in reversed(order):
        if node.is_Atom:
            if node.is_number:
                numbers.add(node)
        elif (isinstance(node, Expr) and not isinstance(node, AppliedUndef)
              and all(arg in numbers for arg in node.args)):
            numbers.add(node)
    return numbers


def undefined_reason(expr: Basic) -> Message | None:
    """Why ``expr`` has no value (one sentence), or ``None`` when nothing is found undefined."""
    for node in distinct_nodes(expr):
        if node in UNDEFINED_VALUES:
            return Message("undefined.value")
        if isinstance(node, REAL_ONLY):
            for arg in node.args:
                if _not_real(arg):
                    return Message("undefined.not_real", function=node.func.__name__, arg=arg)
    numbers = _numbers(expr)
    for node in distinct_nodes(expr):                # the outermost such number is named
        if node in numbers and node.is_extended_real is False:
            return Message("undefined.not_real_number", value=textbook_string(node))
    return None


def check_defined(expr: Basic, text: str, derivative: bool = False) -> None:
    """Raise a :class:`~derive.errors.UsageError` naming the input ``text`` (or its
    ``derivative``) when ``expr`` has no value."""
    reason = undefined_reason(expr)
    if reason is not None:
        hint = "hint.real_numbers" if reason.key == "undefined.not_real_number" else None
        raise UsageError("undefined.derivative" if derivative else "undefined.expression",
                         hint, text=text, reason=reason)
