"""The gradient: every partial derivative of f, each traced with the other variables held
constant, assembled as ∇f = (∂f/∂x₁, …, ∂f/∂xₙ).

``gradient(expr, wrt=None)`` takes all variables in name order unless ``wrt`` picks some (in the
order given).  Each partial is verified node by node and against ``sympy.diff``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, ImmutableMatrix, Symbol

from ..deep import run_deep
from ..errors import UsageError
from .common import TopicResult, Traced, by_name, read_expression, read_variables, traced


@dataclass(frozen=True)
class Gradient(TopicResult):
    """∇f: one traced partial derivative per variable."""

    input: str
    expression: Expr
    wrt: tuple[Symbol, ...]
    partials: tuple[Traced, ...]
    readings: tuple = ()

    @property
    def result(self) -> ImmutableMatrix:
        return ImmutableMatrix([p.result for p in self.partials])

    @property
    def verified(self) -> bool:
        return all(p.verified for p in self.partials)

    def partial(self, var: Symbol | str) -> Traced:
        name = str(var)
        for p in self.partials:
            if p.var.name == name:
                return p
        raise KeyError(name)

    def document(self, lang: str = "en"):
        from ..narrate.topics import narrate_gradient

        return run_deep(narrate_gradient, self, lang)

    def data(self) -> dict:
        from ..render.json import expression_string, latex_string, header
        from .common import traced_data

        return run_deep(lambda: {
            **header("gradient", self.input, self.expression,
                   [str(v) for v in self.wrt]),
            "result": {str(p.var): expression_string(p.result) for p in self.partials},
            "latex": {"expression": latex_string(self.expression),
                      "result": latex_string(self.result)},
            "verified": self.verified,
            "steps": [traced_data(p) for p in self.partials],
        })


def gradient(expression, wrt=None, *, functions=(), latex=None) -> Gradient:
    """All partial derivatives of ``expression`` (or those by ``wrt``), traced and verified."""
    text, expr, readings = read_expression(expression, functions, latex)
    variables = read_variables(wrt) or by_name(expr.free_symbols)
    if not variables:
        raise UsageError("the expression has no variables: its gradient is empty")
    if len(set(variables)) != len(variables):
        raise UsageError("each variable may be named only once")
    return run_deep(_gradient, text, expr, variables, readings)


def _gradient(text, expr, variables, readings) -> Gradient:
    partials = tuple(traced(expr, v) for v in variables)
    return Gradient(input=text, expression=expr, wrt=tuple(variables), partials=partials,
                    readings=readings)
