"""Composition f(g(x)): built by substitution, evaluated at a point, differentiated by the chain
rule with f'(u) and g'(x) traced separately.

    f(g(x)) = f(g)  with u = g(x);   (f∘g)'(x) = f'(u)|_{u=g(x)} · g'(x)

``compose(outer, inner, var=None, at=None)``: both functions are written in ``var`` (default: the
only variable they use, else x).  ``at`` is a value of ``var`` (``2``, ``"x=2"`` or ``{"x": 2}``).
The derivative is compared with ``sympy.diff`` of the composite.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, Integer, Symbol

from ..deep import run_deep
from ..derivation import Derivation
from ..errors import UsageError
from ..inputs import read_expression, read_variable
from ..names import NameSupply
from ..render.json import expression_string, header, latex_string
from ..result import Explained
from ..steps import substitute_back
from ..tidy import tidy
from ..verify import Verdict, sympy_derivative
from .common import by_name, compare, traced, traced_data


@dataclass(frozen=True)
class Composition(Explained):
    """f∘g, its value at a point (optional) and its derivative."""

    outer_input: str
    inner_input: str
    outer: Expr            # f(x)
    inner: Expr            # g(x)
    var: Symbol
    u: Symbol
    composite: Expr        # f(g(x))
    outer_step: Derivation     # f'(u)
    inner_step: Derivation     # g'(x)
    outer_at_inner: Expr   # f'(g(x)): f'(u) with u = g(x) put back
    raw: Expr              # f'(g(x))·g'(x) as multiplied
    result: Expr           # tidied
    check: Verdict
    at: Expr | None = None
    inner_value: Expr | None = None       # g(a)
    value: Expr | None = None             # f(g(a))
    derivative_value: Expr | None = None  # (f∘g)'(a)
    readings: tuple = ()                  # how OUTER and INNER were read

    @property
    def input(self) -> str:
        return f"{self.outer_input} ∘ {self.inner_input}"

    @property
    def outer_u(self) -> Expr:
        return self.outer.xreplace({self.var: self.u})

    @property
    def verified(self) -> bool:
        return self.outer_step.verified and self.inner_step.verified and self.check.ok

    def _data(self) -> dict:

        at = None
        if self.at is not None:
            at = {"point": {str(self.var): expression_string(self.at)},
                  "inner_value": expression_string(self.inner_value),
                  "value": expression_string(self.value),
                  "derivative_value": expression_string(self.derivative_value)}
        return {
            **header("compose", {"outer": self.outer_input, "inner": self.inner_input},
                     self.composite, [str(self.var)], outer=expression_string(self.outer),
                     inner=expression_string(self.inner), u=str(self.u)),
            "result": expression_string(self.result),
            "at": at,
            "latex": {"expression": latex_string(self.composite),
                      "result": latex_string(self.result)},
            "verified": self.verified,
            **self.check.data(),
            "steps": [traced_data(self.outer_step), traced_data(self.inner_step)],
        }


def compose(outer, inner, var=None, at=None, *, functions=(), latex=None) -> Composition:
    """f(g(x)) for f = ``outer`` and g = ``inner``, its value ``at`` a point, and its derivative."""
    outer_text, f, outer_readings = read_expression(outer, functions, latex)
    inner_text, g, inner_readings = read_expression(inner, functions, latex)
    readings = tuple(dict.fromkeys((*outer_readings, *inner_readings)))
    if var is None:
        found = by_name(f.free_symbols | g.free_symbols)
        x = Symbol("x")
        variable = found[0] if len(found) == 1 else x
        if len(found) > 1 and x not in found:
            raise UsageError("compose.several", names=tuple(s.name for s in found))
    else:
        variable = read_variable(var)
    point = _read_point(at, variable, functions, latex)
    return run_deep(_compose, outer_text, inner_text, f, g, variable, point, readings)


def _read_point(at, variable, functions, latex):
    if at is None:
        return None
    if isinstance(at, dict):
        if len(at) != 1:
            raise UsageError("compose.one_value")
        (name, value), = at.items()
    elif isinstance(at, str) and "=" in at:
        name, value = (part.strip() for part in at.split("=", 1))
    else:
        name, value = variable, at
    if read_variable(name) != variable:
        raise UsageError("compose.point_variable", var=variable, got=name)
    if isinstance(value, (int,)):
        return Integer(value)
    expr = read_expression(value, functions, latex)[1]
    if expr.free_symbols:
        raise UsageError("value.not_number", var=variable, got=value)
    return expr


def _compose(outer_text, inner_text, f, g, x, point, readings) -> Composition:
    u = NameSupply.for_expression(f, g, x).fresh()
    f_u = f.xreplace({x: u})
    composite = f.xreplace({x: g})
    outer_step, inner_step = traced(f_u, u), traced(g, x)
    outer_at_inner = substitute_back(outer_step.result, u, g)
    raw = outer_at_inner * inner_step.result
    result = tidy(raw)
    check = compare(result, sympy_derivative(composite, (x,)),
                    "sympy.diff of the composite f(g(x))")
    extra = {}
    if point is not None:
        inner_value = g.xreplace({x: point})
        extra = dict(at=point, inner_value=inner_value, value=f.xreplace({x: inner_value}),
                     derivative_value=substitute_back(result, x, point))
    return Composition(outer_input=outer_text, inner_input=inner_text, outer=f, inner=g, var=x,
                       u=u, composite=composite, outer_step=outer_step, inner_step=inner_step,
                       outer_at_inner=outer_at_inner, raw=raw, result=result, check=check,
                       readings=readings, **extra)
