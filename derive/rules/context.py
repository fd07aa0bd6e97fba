"""What a matcher may use while it builds a step: tracing sub-expressions, fresh names, the
dependence test and the tidying of results.

Everything a derivation may vary is injected here, so one tracer serves every topic: indexed
derivations (:mod:`derive.indexed`) put their matchers in front of the ordinary table, test
dependence on an entry ``z_i`` by its vector, and tidy with sums over an index kept whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from sympy import Expr, Symbol

from ..names import NameSupply
from ..sizes import Dependence
from ..steps import Step, Tidy
from ..tidy import tidy_steps

Matcher = Callable[[Expr, Symbol, "TraceContext"], Optional[Step]]


@dataclass
class TraceContext:
    """Shared by all matchers of one derivation."""

    names: NameSupply
    matchers: tuple[Matcher, ...]   # asked in order; the last one always answers
    depends: Callable[[Expr, Expr], bool] = field(default_factory=Dependence)  # expr.has(var)
    tidy: Tidy = tidy_steps       # the named rewrites of a combined result

    def trace(self, expr: Expr, var: Symbol) -> Step:
        """The step of the first matcher that takes ``expr``."""
        for match in self.matchers:
            step = match(expr, var, self)
            if step is not None:
                return step
        raise AssertionError("unreachable: the last matcher takes every expression")
