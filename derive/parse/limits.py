"""Size limits, and the guarded sympy constructors that enforce them.

Every sympy object the parser builds from two or more parts goes through this module, so the
limits hold everywhere:

* ``MAX_LENGTH`` characters of input and ``MAX_DEPTH`` levels of nesting (checked by the parser);
* no number with more than ``MAX_DIGITS`` digits is ever computed: ``2^(10^100)`` or
  ``(10^3000)^2`` is refused before sympy starts on it, while ``x^(10^100)`` is fine.  The limit
  stays below Python's 4300-digit limit on converting integers to text, so every result prints;
* sums and products are built n-ary, once (``Add(*terms)``): building a 5000-term sum by
  repeated binary ``+`` is quadratic in sympy;
* a function or power whose argument is nested more than ``EVAL_HEIGHT`` levels deep is built
  with ``evaluate=False``: sympy's automatic simplification (``sin(-x) -> -sin(x)``…) inspects
  the whole argument tree, which makes deep nesting quadratic (depth 1000 of ``sin`` takes
  minutes).  Below that height every object is evaluated normally.

To add a limit: add the constant here, check it in the constructor concerned, and raise
``fail(message)`` (the parser turns it into a ParseError at the operator's position).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import sympy
from sympy import S

from derive import budget

MAX_LENGTH = 10_000
MAX_DEPTH = 3_000
MAX_DIGITS = budget.MAX_DIGITS
MAX_LITERAL_DIGITS = 1_000
EVAL_HEIGHT = 48

Fail = Callable[[str], Exception]
UNDEFINED = (S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity)


def _digits(n: sympy.Rational) -> float:
    """Decimal digits of numerator plus denominator (approximately)."""
    p, q = abs(int(n.p)), int(n.q)
    return (p.bit_length() + q.bit_length()) * math.log10(2)


def numeric_weight(expr: sympy.Expr) -> float:
    """Digits sympy would handle if it multiplied out the numbers in ``expr`` (a product)."""
    if expr.is_Rational:
        return _digits(expr)
    if expr.is_Pow and expr.base.is_Rational and expr.exp.is_Rational:
        return _digits(expr.base) * abs(float(expr.exp))
    if expr.is_Mul:
        return sum(numeric_weight(arg) for arg in expr.args)
    return 0.0


def add(terms: Sequence[sympy.Expr]) -> sympy.Expr:
    return terms[0] if len(terms) == 1 else sympy.Add(*terms)


def product(factors: Sequence[sympy.Expr], fail: Fail) -> sympy.Expr:
    if len(factors) == 1:
        return factors[0]
    if sum(numeric_weight(f) for f in factors if f.is_Number or f.is_Pow) > MAX_DIGITS:
        raise fail(f"number too large (more than {MAX_DIGITS} digits)")
    return sympy.Mul(*factors)


def negate(expr: sympy.Expr) -> sympy.Expr:
    return -expr


def power(base: sympy.Expr, exponent: sympy.Expr, fail: Fail, deep: bool = False) -> sympy.Expr:
    """``base**exponent``, refusing numbers too large to compute and division by zero."""
    if exponent.is_Rational:
        if base == 0 and exponent.is_negative:  # structural test: is_zero may walk the tree
            raise fail("division by zero")
        weight = numeric_weight(base)
        if weight and weight * abs(float(exponent)) > MAX_DIGITS:
            raise fail(f"number too large (more than {MAX_DIGITS} digits)")
    if deep:
        return sympy.Pow(base, exponent, evaluate=False)
    value = sympy.Pow(base, exponent)
    if value in UNDEFINED:
        raise fail("the power is undefined")
    return value


def reciprocal(expr: sympy.Expr, fail: Fail) -> sympy.Expr:
    if expr == 0:
        raise fail("division by zero")
    return power(expr, S.NegativeOne, fail)


def apply(build: Callable[..., sympy.Expr], args: Sequence[sympy.Expr], fail: Fail,
          deep: bool = False) -> sympy.Expr:
    """``build(*args)``, unevaluated when ``deep``."""
    too_large = budget.value_too_large(build, args)
    if too_large:
        raise fail(too_large)
    if deep:
        return build(*args, evaluate=False)
    value = build(*args)
    if value in UNDEFINED:
        raise fail("the function is undefined at this argument")
    return value
