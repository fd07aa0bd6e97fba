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
from .routes import SIMPLIFY_FIRST, matchers_for
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


def trace_first(expr: Expr, var: Symbol, *, matchers: tuple[Matcher, ...] = MATCHERS,
                tidy: Tidy = tidy_steps) -> Step:
    """The derivative of a function as typed: traced as written, or from a shorter form of it
    when that makes the derivation clearly shorter (:func:`derive.simplify.simplify_first`)."""
    step = trace(expr, var, matchers=matchers, tidy=tidy)
    return simplify_first(step, lambda form: trace(form, var, NameSupply.for_expression(expr, var),
                                                   matchers=matchers, tidy=tidy))


def trace_repeated(expr: Expr, variables: tuple[Symbol, ...], route: str = "book",
                   tidy: Tidy = tidy_steps) -> Step:
    """d/dvₙ … d/dv₁ expr, each derivative traced from the previous result, by ``route``
    (:mod:`derive.routes`), its results tidied by ``tidy``; the first one by
    :func:`trace_first` where the route simplifies first (the later ones start from a tidied
    result).

    One variable gives the plain step; several give a :class:`RepeatedStep`.
    """
    return run_deep(_trace_repeated, expr, variables, route, tidy)


def _trace_repeated(expr: Expr, variables: tuple[Symbol, ...], route: str, tidy: Tidy) -> Step:
    matchers = matchers_for(route)
    steps: list[Step] = []
    current = expr
    first = route in SIMPLIFY_FIRST
    for var in variables:
        if first and not steps:
            step = trace_first(current, var, matchers=matchers, tidy=tidy)
        else:
            step = trace(current, var, matchers=matchers, tidy=tidy)
        steps.append(step)
        current = step.result
    if len(steps) == 1:
        return steps[0]
    return RepeatedStep.build(expr=expr, var=variables[-1], variables=tuple(variables),
                              derivatives=tuple(steps))
