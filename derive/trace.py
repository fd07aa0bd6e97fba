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
from .routes import matchers_for
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


def trace_repeated(expr: Expr, variables: tuple[Symbol, ...], route: str = "book",
                   tidy: Tidy = tidy_steps) -> Step:
    """d/dvₙ … d/dv₁ expr, each derivative traced from the previous result, by ``route``
    (:mod:`derive.routes`), its results tidied by ``tidy``.

    One variable gives the plain step; several give a :class:`RepeatedStep`.
    """
    return run_deep(_trace_repeated, expr, variables, route, tidy)


def _trace_repeated(expr: Expr, variables: tuple[Symbol, ...], route: str, tidy: Tidy) -> Step:
    matchers = matchers_for(route)
    steps: list[Step] = []
    current = expr
    for var in variables:
        step = trace(current, var, matchers=matchers, tidy=tidy)
        steps.append(step)
        current = step.result
    if len(steps) == 1:
        return steps[0]
    return RepeatedStep.build(expr=expr, var=variables[-1], variables=tuple(variables),
                              derivatives=tuple(steps))
