"""Expression → Step tree.

:func:`trace` asks the matchers of :mod:`derive.rules` in order and keeps the first answer; a
matcher recurses through ``ctx.trace`` for the parts it combines.  Substitution names come from
one :class:`~derive.names.NameSupply` per derivation, so they are deterministic and never clash
with the input.  Nothing here raises on a valid expression: what no rule explains becomes a
visible :class:`~derive.steps.UnknownStep`.
"""

from __future__ import annotations

from typing import Callable

from sympy import Expr, Symbol

from .deep import run_deep
from .names import NameSupply
from .rules import MATCHERS, TraceContext
from .rules.context import Matcher
from .simplify import simplify_first
from .sizes import Dependence
from .steps import RepeatedStep, Step, Tidy
from .tidy import tidy_steps


def trace(expr: Expr, var: Symbol, names: NameSupply | None = None, *,
          matchers: tuple[Matcher, ...] = MATCHERS, depends: Callable | None = None,
          tidy: Tidy = tidy_steps) -> Step:
    """The step-by-step derivative of ``expr`` with respect to ``var``.

    A topic may give its own ``matchers`` (usually its rules in front of :data:`MATCHERS`), its
    ``depends`` test (default: whether ``var`` occurs in the expression) and its ``tidy``.
    """
    names = names or NameSupply.for_expression(expr, var)
    ctx = TraceContext(names=names, matchers=matchers, depends=depends or Dependence(), tidy=tidy)
    return run_deep(ctx.trace, expr, var)


def trace_first(expr: Expr, var: Symbol) -> Step:
    """The derivative of a function as typed: traced as written, or from a shorter form of it
    when that makes the derivation clearly shorter (:func:`derive.simplify.simplify_first`)."""
    step = trace(expr, var)
    return simplify_first(step, lambda form: trace(form, var,
                                                   NameSupply.for_expression(expr, var)))


def trace_repeated(expr: Expr, variables: tuple[Symbol, ...]) -> Step:
    """d/dvₙ … d/dv₁ expr, each derivative traced from the previous result (the first one by
    :func:`trace_first`: the later ones start from a tidied result).

    One variable gives the plain step; several give a :class:`RepeatedStep`.
    """
    return run_deep(_trace_repeated, expr, variables)


def _trace_repeated(expr: Expr, variables: tuple[Symbol, ...]) -> Step:
    steps: list[Step] = []
    current = expr
    for var in variables:
        step = trace(current, var) if steps else trace_first(current, var)
        steps.append(step)
        current = step.result
    if len(steps) == 1:
        return steps[0]
    return RepeatedStep.build(expr=expr, var=variables[-1], variables=tuple(variables),
                              derivatives=tuple(steps))
