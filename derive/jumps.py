"""Where the piecewise-constant functions jump: what a derivative that uses them assumes.

sign, H (Heaviside), floor and ceiling are constant between their jumps, so their derivative is
0 there; at a jump they have none (in the sense of distributions, a multiple of the Dirac delta).
A derivative of an expression that holds them is therefore claimed, and checked, *almost
everywhere*: away from the points where an argument of one of them reaches a jump.

* :class:`Jump` — one application ``floor(x²)``: the function, its argument, the kind of jump
  set (``zero``: the argument = 0; ``integers``: the argument an integer), the condition under
  which the derivative holds (a sympy boolean, readable back by ``sympify``) and the distance of
  a value from the jump set (for the numeric checks);
* :func:`jumps` — the applications in an expression that depend on the given variables;
* :func:`regular_part` — a derivative computed by sympy with its terms at the jumps dropped
  (``DiracDelta``, unevaluated derivatives of floor and ceiling): its value almost everywhere.

Which functions jump, and where, is said by their registry entry (``jumps`` in
:data:`derive.functions.TABLE`): a new piecewise-constant function needs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import mpmath
from sympy import (S, Contains, Derivative, DiracDelta, Expr, Integers, Ne, Not, Subs, Symbol,
                   preorder_traversal)
from sympy.logic.boolalg import Boolean

from .functions import TABLE

#: sympy class → where it jumps ("zero" or "integers")
JUMPS: dict[type, str] = {entry.function: entry.jumps for entry in TABLE if entry.jumps}
PIECEWISE_CONSTANT = tuple(JUMPS)


@dataclass(frozen=True)
class Jump:
    """One application of a piecewise-constant function (see the module docstring)."""

    function: str
    argument: Expr
    kind: str

    @property
    def condition(self) -> Boolean:
        """Where the derivative holds: ``argument ≠ 0`` or ``argument ∉ ℤ``."""
        if self.kind == "zero":
            return Ne(self.argument, 0)
        return Not(Contains(self.argument, Integers))

    @property
    def sides(self) -> tuple[Expr, Expr]:
        """``argument ≠ 0`` written with the constant term moved over: ``x − 1 ≠ 0`` as
        ``x ≠ 1`` (the two sides ``(x, 1)``)."""
        constant, rest = self.argument.as_coeff_Add()
        return (rest, -constant) if constant and rest else (self.argument, S.Zero)

    def distance(self, value) -> object:
        """How far an mpmath value of the argument is from the jump set."""
        if self.kind == "zero":
            return abs(value)
        return abs(value - mpmath.nint(value))


def jumps(expr: Expr, variables: Iterable[Symbol]) -> tuple[Jump, ...]:
    """Every application of a piecewise-constant function in ``expr`` whose argument depends on
    one of ``variables``, once each, in the order of a walk of the expression."""
    if not expr.has(*PIECEWISE_CONSTANT):
        return ()
    variables = set(variables)
    found: dict[tuple, Jump] = {}
    for node in preorder_traversal(expr):
        kind = JUMPS.get(type(node))
        if kind and node.args and node.args[0].free_symbols & variables:
            jump = Jump(type(node).__name__, node.args[0], kind)
            found.setdefault((jump.function, jump.argument), jump)
    return tuple(found.values())


def _at_a_jump(node) -> bool:
    if isinstance(node, DiracDelta):
        return True
    if isinstance(node, Subs):     # f'(u) at u = x²: 0 once the derivative inside is
        return node.expr == 0 or _at_a_jump(node.expr)
    return isinstance(node, Derivative) and isinstance(node.expr, PIECEWISE_CONSTANT)


def regular_part(derivative: Expr) -> Expr:
    """``derivative`` (from sympy) with its terms at the jumps set to 0: the Dirac deltas and
    the derivatives of floor and ceiling that sympy leaves unevaluated.  Equal to the derivative
    wherever no argument is at a jump."""
    if not derivative.has(DiracDelta, Derivative):
        return derivative
    return derivative.replace(_at_a_jump, lambda node: S.Zero)


__all__ = ["JUMPS", "Jump", "PIECEWISE_CONSTANT", "jumps", "regular_part"]
