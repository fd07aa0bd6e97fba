"""What a matcher may use while it builds a step: tracing sub-expressions and fresh names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from sympy import Derivative, Expr, Symbol
from sympy.core.parameters import evaluate

from ..names import NameSupply
from ..sizes import Dependence, size_at_most
from ..steps import Step


@dataclass
class TraceContext:
    """Shared by all matchers of one derivation."""

    names: NameSupply
    trace: Callable[[Expr, Symbol], Step]
    depends: Dependence = field(default_factory=Dependence)   # memoised expr.has(var)


Matcher = Callable[[Expr, Symbol, TraceContext], Optional[Step]]


LARGE_INNER = 200  # nodes


def substitute_back(expr: Expr, u: Symbol, inner: Expr) -> Expr:
    """``expr`` with ``u`` replaced by ``inner`` (``subs`` only where a ``Derivative`` needs it).

    A large inner function is put back without evaluation: evaluating ``cos(inner)`` asks
    sympy's assumptions about ``inner``, which walk all of it, at every level of a deep chain.
    """
    if expr.has(Derivative):
        return expr.subs(u, inner)
    if size_at_most(inner, LARGE_INNER):
        return expr.xreplace({u: inner})
    with evaluate(False):
        return expr.xreplace({u: inner})


def if_different(raw: Expr, result: Expr) -> Expr | None:
    """``raw`` unless it only differs from ``result`` by the order of its arguments."""
    if raw.func == result.func and set(raw.args) == set(result.args):
        return None
    return raw
