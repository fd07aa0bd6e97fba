"""The factors of a product grouped as typed: each fraction whole.

sympy multiplies ``\\frac{1}{x}\\cdot\\frac{x}{x+1}`` into one fraction with every denominator
gathered; the parser notes instead which factors the user wrote as one fraction, so that the
echo and the derivation show ``1/x · x/(x + 1)`` (:func:`derive.notation.spelling.side_by_side`).
A *group* is one of:

* a fraction written as one operand: ``\\frac{a}{b}``, a bracketed quotient ``(a/b)``;
* a factor with the divisors written after it, ``x/2``, ``2x/(x+1)`` (``/`` takes everything
  before it in the group, as it does in the value: ``2x/(x+1)`` is one fraction);
* the other factors between two fractions, ``x y`` in ``\\frac{1}{2} x y``.

A product of one group is an ordinary product: nothing is recorded; nor is a product in which
sympy merged factors of different groups (:func:`made_of`).  To change what counts as a
fraction written as one operand, change :func:`is_quotient` (or the tokens the parser passes).
"""

from __future__ import annotations

import sympy

from derive.notation.shown import is_fraction as is_quotient


def made_of(product: sympy.Expr, groups: list[sympy.Expr]) -> bool:
    """Whether ``product`` is ``groups`` multiplied with nothing merged: held as typed, or
    with the factors of the groups for its factors (``2x · \frac{1}{2} · 2`` is ``2x``, which
    must not print as that product wherever it appears)."""
    if not product.is_Mul:
        return False
    key = sympy.default_sort_key
    factors = [factor for group in groups for factor in sympy.Mul.make_args(group)]
    return sorted(product.args, key=key) in (sorted(groups, key=key), sorted(factors, key=key))


class Groups:
    """The groups of a term's factors, read left to right (see the module docstring)."""

    def __init__(self, first: sympy.Expr, quotient: bool) -> None:
        self.parts: list[list[sympy.Expr]] = [[first]]
        self.closed = quotient      # the last group is a whole fraction: a factor starts anew

    def divide(self, divisor: sympy.Expr) -> None:
        self.parts[-1].append(divisor)
        self.closed = True

    def multiply(self, factor: sympy.Expr, quotient: bool) -> None:
        """``factor`` multiplied in; ``quotient``: it is a fraction written as one operand."""
        if self.closed or quotient:
            self.parts.append([factor])
        else:
            self.parts[-1].append(factor)
        self.closed = quotient
