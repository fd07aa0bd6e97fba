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
  minutes).  Below that height every object is evaluated normally,
* except where sympy's automatic rewriting would change the problem typed: a function is kept
  as applied (``sin(π/2)``, ``sin(-x)``, ``ln(e)``), ``e^{2 ln x}`` stays an exponential (not
  x²), a power of a number stays on its base (``(√2)^t``, ``(1/2)^x``), a number is not
  multiplied into a sum (``3(x+1)``), factors that would cancel stay (``(1/x)·(x/(x+1))``,
  ``2^x·3^x``), and so do terms that would merge (``3 + 3 + x``, ``x + x``).  The derivation then starts from the expression as written.

To add a limit: add the constant here, check it in the constructor concerned, and raise
``fail(key, **params)`` with a message key of :mod:`derive.messages` (the parser turns it into a
ParseError at the operator's position).
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
#: terms up to which a sum whose terms sympy would merge is held as typed; a longer one (a
#: generated or hostile input) is merged, which keeps it affordable to trace
HOLD_TERMS = 100

Fail = Callable[..., Exception]   # fail(key, **params): the error to raise
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
    """The sum as written: terms that sympy would merge (``3 + 3``, ``x + x``, ``x² + 3x − x²``)
    are held, so the derivation starts from the sum typed; a sum that works out to a number is
    that number, so the checks on numbers still apply (``x/(x − x)`` is a division by zero,
    ``gamma(10^9 + 1/2)`` too large to compute)."""
    if len(terms) == 1:
        return terms[0]
    value = sympy.Add(*terms)
    if not value.is_number and len(terms) <= HOLD_TERMS and len(sympy.Add.make_args(value)) < sum(len(sympy.Add.make_args(t)) for t in terms):
        return sympy.Add(*terms, evaluate=False)
    return value


def product(factors: Sequence[sympy.Expr], fail: Fail) -> sympy.Expr:
    """The product as written: sympy's rewrites that change the problem are held (a number
    distributed over a sum, ``3(x+1)`` → ``3x + 3``; factors that cancel, ``(1/x)·(x/(x+1))``)."""
    if len(factors) == 1:
        return factors[0]
    if sum(numeric_weight(f) for f in factors if f.is_Number or f.is_Pow) > MAX_DIGITS:
        raise fail("parse.number_too_large", digits=MAX_DIGITS)
    value = sympy.Mul(*factors)
    if _distributed(factors, value) or _cancelled(factors, value):
        kept = [f for f in factors if f != 1]      # the 1 of ``1/x`` is not a factor written
        return sympy.Mul(*kept, evaluate=False) if len(kept) > 1 else value
    return value


def _distributed(factors, value) -> bool:
    """``2·(x+1)`` evaluates to ``2x + 2``: a number was multiplied into a sum."""
    return value.is_Add and any(f.is_Add for f in factors)


def _bases(expr: sympy.Expr) -> set:
    return {factor.base if factor.is_Pow else factor
            for factor in sympy.Mul.make_args(expr) if not factor.is_Number}


def _signed_bases(expr: sympy.Expr) -> set:
    """(base, whether it stands in the numerator) for each factor that is not a number."""
    return {(factor.base, not factor.exp.is_negative) if factor.is_Pow else (factor, True)
            for factor in sympy.Mul.make_args(expr) if not factor.is_Number}


def _cancelled(factors, value) -> bool:
    """``(1/x)·(x/(x+1))`` evaluates to ``1/(x+1)`` and ``(x+1)/(x+1)²`` to ``1/(x+1)``: a
    factor of a numerator cancelled against one of a denominator."""
    if len(sympy.Mul.make_args(value)) >= sum(len(sympy.Mul.make_args(f)) for f in factors):
        return False  # nothing merged
    written = set().union(*(_bases(f) for f in factors))
    if written - _bases(value):
        return True
    signed = set().union(*(_signed_bases(f) for f in factors))
    return any((base, False) in signed for base, above in signed if above)


def negate(expr: sympy.Expr) -> sympy.Expr:
    return -expr


def power(base: sympy.Expr, exponent: sympy.Expr, fail: Fail, deep: bool = False) -> sympy.Expr:
    """``base**exponent``, refusing numbers too large to compute and division by zero."""
    if exponent.is_Rational:
        if base == 0 and exponent.is_negative:  # structural test: is_zero may walk the tree
            raise fail("parse.division_by_zero")
        weight = numeric_weight(base)
        if weight and weight * abs(float(exponent)) > MAX_DIGITS:
            raise fail("parse.number_too_large", digits=MAX_DIGITS)
    if deep:
        return sympy.Pow(base, exponent, evaluate=False)
    value = sympy.Pow(base, exponent)
    if value in UNDEFINED:
        raise fail("parse.power_undefined")
    return _held_power(base, exponent, value)


def _held_power(base, exponent, value) -> sympy.Expr:
    """The power as written where sympy would rewrite the problem: ``e^{2 ln x}`` stays
    e^{2 ln x} (not x²), ``(√2)^t`` stays (√2)^t (not 2^{t/2}), ``(1/2)^x`` stays (1/2)^x."""
    if base is S.Exp1:
        if isinstance(value, sympy.exp) and value.args[0] == exponent:
            return value
        return sympy.exp(exponent, evaluate=False)
    if base.is_number and not exponent.is_number and value != sympy.Pow(base, exponent,
                                                                        evaluate=False):
        return sympy.Pow(base, exponent, evaluate=False)
    return value


def reciprocal(expr: sympy.Expr, fail: Fail) -> sympy.Expr:
    if expr == 0:
        raise fail("parse.division_by_zero")
    return power(expr, S.NegativeOne, fail)


def apply(build: Callable[..., sympy.Expr], args: Sequence[sympy.Expr], fail: Fail,
          deep: bool = False) -> sympy.Expr:
    """``build(*args)``, unevaluated when ``deep``."""
    too_large = budget.value_too_large(build, args)
    if too_large:
        raise fail(too_large.key, **too_large.params)
    if deep:
        return build(*args, evaluate=False)
    value = build(*args)
    if value in UNDEFINED:
        raise fail("parse.function_undefined")
    if isinstance(value, sympy.Function) and value.args == tuple(args):
        return value  # nothing rewritten
    written = build(*args, evaluate=False)
    return written if _is_call(written) and value != written else value


def _is_call(expr: sympy.Expr) -> bool:
    """A function applied (not a sum, product or power a builder returns, such as log_b)."""
    return isinstance(expr, sympy.Function)
