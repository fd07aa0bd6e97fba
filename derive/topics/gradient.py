"""The gradient: every partial derivative of f, each traced with the other variables held
constant, assembled as ∇f = (∂f/∂x₁, …, ∂f/∂xₙ).

``gradient(expr, wrt=None)`` takes all variables in name order unless ``wrt`` picks some (in the
order given).  Each partial is verified node by node and against ``sympy.diff``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import ImmutableMatrix, Symbol

from ..deep import run_deep
from ..derivation import Derivation
from ..errors import UsageError
from ..messages import Message
from ..inputs import first_order_variables, read_operand, read_variables, require_present
from ..render.json import expression_string, header, latex_string
from ..result import ExpressionResult
from .common import by_name, traced, traced_data


@dataclass(frozen=True)
class Gradient(ExpressionResult):
    """∇f: one traced partial derivative per variable."""

    wrt: tuple[Symbol, ...]
    partials: tuple[Derivation, ...]
    readings: tuple = ()

    @property
    def result(self) -> ImmutableMatrix:
        return ImmutableMatrix([p.result for p in self.partials])

    @property
    def verified(self) -> bool:
        return all(p.verified for p in self.partials)

    def partial(self, var: Symbol | str) -> Derivation:
        name = str(var)
        for p in self.partials:
            if p.var.name == name:
                return p
        raise KeyError(name)

    def _data(self) -> dict:

        return {
            **header("gradient", self.input, self.expression,
                   [str(v) for v in self.wrt]),
            "result": {str(p.var): expression_string(p.result) for p in self.partials},
            "latex": {"expression": latex_string(self.expression),
                      "result": latex_string(self.result)},
            "verified": self.verified,
            "steps": [traced_data(p) for p in self.partials],
        }


def gradient(expression, wrt=None, *, functions=(), latex=None, allow_absent=False) -> Gradient:
    """All partial derivatives of ``expression`` (or those by ``wrt``), traced and verified.
    A ``wrt`` that does not occur in the expression is an error unless ``allow_absent``."""
    text, expr, readings, operator = read_operand(expression, functions, latex)
    if operator is not None:
        wrt = first_order_variables(operator, wrt, Message("what.gradient"))
    variables = read_variables(wrt) or by_name(expr.free_symbols)
    require_present(expr, variables, allow_absent)
    if not variables:
        raise UsageError("gradient.no_variables")
    if len(set(variables)) != len(variables):
        raise UsageError("gradient.repeated")
    return run_deep(_gradient, text, expr, variables, readings)


def _gradient(text, expr, variables, readings) -> Gradient:
    partials = tuple(traced(expr, v) for v in variables)
    return Gradient(input=text, expression=expr, wrt=tuple(variables), partials=partials,
                    readings=readings)
