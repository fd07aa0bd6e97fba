"""Expression → Step tree.

:func:`trace` asks the matchers of :mod:`derive.rules` in order and keeps the first answer; a
matcher recurses through ``ctx.trace`` for the parts it combines.  Substitution names come from
one :class:`~derive.names.NameSupply` per derivation, so they are deterministic and never clash
with the input.  Nothing here raises on a valid expression: what no rule explains becomes a
visible :class:`~derive.steps.UnknownStep`.
"""

from __future__ import annotations

from sympy import Expr, Symbol

from .deep import run_deep
from .names import NameSupply
from .rules import MATCHERS, TraceContext
from .steps import RepeatedStep, Step


def trace(expr: Expr, var: Symbol, names: NameSupply | None = None) -> Step:
    """The step-by-step derivative of ``expr`` with respect to ``var``."""
    return run_deep(_trace_root, expr, var, names)


def trace_repeated(expr: Expr, variables: tuple[Symbol, ...]) -> Step:
    """d/dvₙ … d/dv₁ expr, each derivative traced from the previous result.

    One variable gives the plain step; several give a :class:`RepeatedStep`.
    """
    return run_deep(_trace_repeated, expr, variables)


def _trace_root(expr: Expr, var: Symbol, names: NameSupply | None) -> Step:
    names = names or NameSupply.for_expression(expr, var)
    return TraceContext(names=names, matchers=MATCHERS).trace(expr, var)


def _trace_repeated(expr: Expr, variables: tuple[Symbol, ...]) -> Step:
    steps: list[Step] = []
    current = expr
    for var in variables:
        step = _trace_root(current, var, None)
        steps.append(step)
        current = step.result
    if len(steps) == 1:
        return steps[0]
    return RepeatedStep.build(expr=expr, var=variables[-1], variables=tuple(variables),
                              derivatives=tuple(steps))
