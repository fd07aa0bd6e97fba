"""Numeric evaluation of sympy expressions with mpmath, memoised per point.

Verification evaluates every node of a Step tree at the same few points.  The nodes share
sub-expressions (a chain step's result contains its inner step's result), so a cache keyed by
sub-expression makes evaluating the whole tree linear in its size instead of quadratic; the walk
uses an explicit stack, so nesting depth does not matter.

Values are mpmath numbers (complex where a real input leaves the real domain); ``None`` means
"not defined here" (a pole, a domain error, an undefined function).  A tabled function brings
its evaluator from the registry (:data:`derive.functions.TABLE`); to support another function,
add it to :data:`FUNCTIONS`.  Anything missing falls back to sympy's ``evalf``.
"""

from __future__ import annotations

from typing import Callable

import mpmath
import sympy
from sympy import Expr, Symbol

from .functions import TABLE, relu

DPS = 40
HUGE = mpmath.mpf("1e8")   # an argument this large makes the node "not usable here"
_mp = mpmath.mp


def _real_only(fn):
    def wrapped(*args):
        if any(isinstance(a, mpmath.mpc) for a in args):
            raise ValueError("real function of a complex value")
        return fn(*args)
    return wrapped


FUNCTIONS: dict[type, Callable] = {
    **{entry.function: entry.numeric for entry in TABLE},
    sympy.exp: _mp.exp, sympy.gamma: _mp.gamma,
    sympy.Abs: abs,
    relu: relu.numeric,
    sympy.Max: _real_only(max),
    sympy.Min: _real_only(min),
}


def _log(x, base=None):
    return _mp.log(x) if base is None else _mp.log(x) / _mp.log(base)


def _apply(node: Expr, args: list):
    if node.is_Add:
        return _mp.fsum(args)
    if node.is_Mul:
        return _mp.fprod(args)
    if node.is_Pow:
        base, exponent = args
        if base == 0 and _mp.re(exponent) < 0:
            raise ZeroDivisionError
        return _mp.power(base, exponent)
    if isinstance(node, sympy.log):
        return _log(*args)
    fn = FUNCTIONS.get(type(node))
    if fn is not None:
        return fn(*args)
    # anything else: let sympy evaluate it at the numeric arguments
    value = node.func(*(sympy.Float(mpmath.nstr(a, DPS), DPS) if not isinstance(a, mpmath.mpc)
                        else sympy.Float(mpmath.nstr(a.real, DPS), DPS)
                        + sympy.I * sympy.Float(mpmath.nstr(a.imag, DPS), DPS) for a in args))
    value = value.evalf(DPS)
    if not value.is_number:
        raise ValueError("not a number")
    return _mp.mpmathify(complex(value)) if value.has(sympy.I) else _mp.mpf(str(value))


def _atom_value(node: Expr, point: dict[Symbol, object]):
    if node.is_Symbol:
        return point[node]
    if node.is_Integer:
        return _mp.mpf(int(node))
    if node.is_Rational:
        return _mp.mpf(int(node.p)) / int(node.q)
    if node is sympy.I:
        return _mp.mpc(0, 1)
    if node.is_number:
        value = node.evalf(DPS)
        if value.is_Float:
            return _mp.mpf(str(value))
        re, im = value.as_real_imag()
        return _mp.mpc(_mp.mpf(str(re)), _mp.mpf(str(im)))
    raise ValueError(f"cannot evaluate {type(node).__name__}")


class Evaluator:
    """Evaluates expressions at one point, remembering every sub-expression's value."""

    def __init__(self, point: dict[Symbol, object]) -> None:
        self.point = point
        self.cache: dict[Expr, object] = {}

    def __call__(self, expr: Expr):
        cache = self.cache
        if expr in cache:
            return cache[expr]
        with _mp.workdps(DPS):
            stack: list[tuple[Expr, bool]] = [(expr, False)]
            while stack:
                node, ready = stack.pop()
                if node in cache:
                    continue
                if not node.args:
                    cache[node] = self._safe(lambda: _atom_value(node, self.point))
                    continue
                if not ready:
                    stack.append((node, True))
                    stack.extend((a, False) for a in node.args if a not in cache)
                    continue
                args = [cache[a] for a in node.args]
                if any(a is None or abs(a) > HUGE for a in args):
                    cache[node] = None
                else:
                    cache[node] = self._safe(lambda: _apply(node, args))
        return cache[expr]

    @staticmethod
    def _safe(compute):
        try:
            value = compute()
        except Exception:  # any failure to evaluate means "not defined here"
            return None
        if value is None or not _mp.isfinite(value):
            return None
        return value


LARGEST = mpmath.mpf("1e12")   # larger values make finite differences meaningless


def is_real(value) -> bool:
    """A finite, moderate value whose imaginary part is negligible."""
    if value is None or abs(value) > LARGEST:
        return False
    if isinstance(value, mpmath.mpc):
        return abs(value.imag) <= mpmath.mpf(10) ** (-DPS // 2) * max(1, abs(value.real))
    return True


def close(a, b, tolerance=mpmath.mpf("1e-10")) -> bool:
    """Relative closeness, absolute near zero."""
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
