"""Numbers of a forward and backward pass, evaluated at 40 digits.

Values are mpmath numbers from :class:`derive.numeric.Evaluator`; :func:`as_float` keeps one as a
sympy ``Float`` for the JSON and the checks.  How a number is shown (4 significant digits) is
:mod:`derive.notation.values`.
"""

from __future__ import annotations

import mpmath
from sympy import Basic, Float

from ...numeric import DPS


JSON_DIGITS = 15         # significant digits of a value in JSON


def as_float(value, digits: int = DPS) -> Float:
    """An mpmath value (or a sympy number) as a sympy Float of ``digits`` significant digits."""
    if isinstance(value, Basic):
        return Float(value.evalf(digits), digits)
    return Float(mpmath.nstr(value, digits), digits)
