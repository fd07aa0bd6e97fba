"""One derivative, traced and verified: :class:`Derivation`, what :func:`derive.explain` returns.

:func:`derive_expression` builds one from an expression already read, for the topics that build
on a single derivative (answer checking).
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, Symbol

from .budget import check_derivative_size
from .notation.spelling import Spelling, spelled
from .render.json import expression_string, header, latex_string, step_data, verification_data
from .result import ExpressionResult, reading_data
from .steps import Step, Tidy
from .term_order import derived_orders
from .tidy import tidy_steps
from .trace import trace_repeated
from .undefined import check_defined
from .verify import Verification, verify


@dataclass(frozen=True)
class Derivation(ExpressionResult):
    """One derivative, traced step by step and verified.

    ``wrt`` is the tuple of variables differentiated by, in order (``(x,)`` for d/dx, ``(x, x)``
    for d²/dx², ``(x, y)`` for ∂²/∂y∂x).
    """

    wrt: tuple[Symbol, ...]
    steps: Step
    verification: Verification
    readings: tuple = ()
    held_constant: tuple[Symbol, ...] = ()
    route: str = "book"

    @property
    def result(self) -> Expr:
        return self.steps.result

    @property
    def var(self) -> Symbol:
        """The variable differentiated by (of a repeated derivative, the last one)."""
        return self.steps.var

    @property
    def verified(self) -> bool:
        return self.verification.verified

    def _data(self) -> dict:
        return {
            **header("derivative", self.input, self.expression, [str(v) for v in self.wrt]),
            "held_constant": [str(s) for s in self.held_constant],
            "route": self.route,
            "readings": reading_data(self.readings),
            "result": expression_string(self.result),
            "latex": {"expression": latex_string(self.expression), "result": latex_string(self.result)},
            "verified": self.verified,
            "verification": verification_data(self.verification),
            "steps": step_data(self.steps, self.verification),
        }


def derive_expression(text: str, expr: Expr, variables: tuple[Symbol, ...], readings=(),
                      route: str = "book", tidy: Tidy = tidy_steps,
                      spelling: Spelling | None = None) -> Derivation:
    """Trace and verify an expression already read (for topics that build on one derivative),
    by ``route`` (:mod:`derive.routes`), results tidied by ``tidy``; with the ``spelling`` of
    the input (by default the current one), a sum is differentiated in the order its terms
    were typed, and the sums the derivation makes are printed in the order their terms came in
(:mod:`derive.term_order`)."""
    check_derivative_size(expr, variables)
    with spelled(spelling) as spelling:
        step = trace_repeated(expr, variables, route, tidy)
        spelling = spelling.merged(Spelling(orders=derived_orders(step)))
    check_defined(step.result, text, derivative=True)
    verification = verify(step)
    moving = set(variables)
    held = tuple(sorted((s for s in expr.free_symbols if s not in moving), key=lambda s: s.name))
    return Derivation(input=text, expression=expr, wrt=variables, steps=step,
                      verification=verification, readings=readings, held_constant=held,
                      route=route, spelling=spelling)
