"""Expressions without a value: refused with a message that says why, never explained.

Two kinds are caught:

* a function of real numbers only (ReLU, Heaviside, max, min) applied to a number that is not
  real, such as ``relu(asin(3))`` (asin 3 is not a real number);
* a result in which sympy's undefined values appear (``zoo``, complex infinity, from ``ln 0`` or
  a division by zero, and ``nan``): the derivative of ``0^x`` is ``0^x·ln 0``.

:func:`check_defined` is called on every expression read (:mod:`derive.inputs`) and on every
derivative's result (:mod:`derive.derivation`).  To refuse another kind, add its test here and
say in its message (a key of :mod:`derive.messages`) what is undefined.
"""

from __future__ import annotations

import sympy
from sympy import Basic

from .errors import UsageError
from .functions import relu
from .messages import Message
from .sizes import distinct_nodes

REAL_ONLY = (relu, sympy.Heaviside, sympy.Max, sympy.Min)
UNDEFINED_VALUES = (sympy.S.ComplexInfinity, sympy.S.NaN)


def _not_real(arg: Basic) -> bool:
    return arg.is_number and arg.is_extended_real is False


def undefined_reason(expr: Basic) -> Message | None:
    """Why ``expr`` has no value (one sentence), or ``None`` when nothing is found undefined."""
    for node in distinct_nodes(expr):
        if node in UNDEFINED_VALUES:
            return Message("undefined.value")
        if isinstance(node, REAL_ONLY):
            for arg in node.args:
                if _not_real(arg):
                    return Message("undefined.not_real", function=node.func.__name__, arg=arg)
    return None


def check_defined(expr: Basic, text: str, derivative: bool = False) -> None:
    """Raise a :class:`~derive.errors.UsageError` naming the input ``text`` (or its
    ``derivative``) when ``expr`` has no value."""
    reason = undefined_reason(expr)
    if reason is not None:
        raise UsageError("undefined.derivative" if derivative else "undefined.expression",
                         text=text, reason=reason)
