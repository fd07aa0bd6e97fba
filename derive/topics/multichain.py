"""The multivariable chain rule through named intermediates.

z = f(u, v, …) with u = g(x, y, …), v = h(x, y, …):

    ∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x + …     (one term per path from z to x)

Every factor is traced: ∂z/∂u with the other intermediates held constant, ∂u/∂x with the other
parameters held constant.  A parameter that also occurs directly in f adds the direct term ∂f/∂x
(intermediates held constant).  The terms are multiplied, the intermediates substituted back and
the sum tidied (bounded, :func:`derive.tidy.tidy`).  The answer is compared with ``sympy.diff``
of the fully substituted expression.  One intermediate and one parameter give the Leibniz form
dy/dx = dy/du · du/dx.

Intermediates may not depend on each other (give them in terms of the parameters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from sympy import Expr, Symbol

from ..deep import run_deep
from ..derivation import Derivation
from ..errors import UsageError
from ..inputs import read_expression, read_variable, read_variables
from ..render.json import expression_string, header, latex_string
from ..result import ExpressionResult
from ..tidy import tidy
from ..verify import Verdict, sympy_derivative
from .common import by_name, compare, traced, traced_data


@dataclass(frozen=True)
class ChainTerm:
    """One path z → intermediate → parameter (``intermediate`` is ``None`` for a direct term)."""

    intermediate: Symbol | None
    outer: Derivation                 # ∂z/∂u (or ∂f/∂x for a direct term)
    inner: Derivation | None          # ∂u/∂x

    @property
    def value(self) -> Expr:
        return self.outer.result * (self.inner.result if self.inner else 1)


@dataclass(frozen=True)
class ChainDerivative:
    """∂z/∂(parameter) assembled from its terms."""

    parameter: Symbol
    terms: tuple[ChainTerm, ...]
    in_intermediates: Expr        # Σ ∂z/∂u·∂u/∂x, still written with u, v
    substituted: Expr             # the same with u, v replaced by their expressions
    result: Expr                  # tidied
    check: Verdict

    @property
    def verified(self) -> bool:
        return self.check.ok and all(
            t.outer.verified and (t.inner is None or t.inner.verified) for t in self.terms)


@dataclass(frozen=True)
class MultivariableChain(ExpressionResult):
    """The chain rule from ``name`` = expression through the intermediates to each parameter."""

    name: Symbol                                   # z (or y in the Leibniz form)
    intermediates: tuple[tuple[Symbol, Expr], ...]
    parameters: tuple[Symbol, ...]                 # every parameter
    derivatives: tuple[ChainDerivative, ...]       # one per chosen parameter
    readings: tuple = ()

    @property
    def wrt(self) -> tuple[Symbol, ...]:
        return tuple(d.parameter for d in self.derivatives)

    @property
    def leibniz(self) -> bool:
        """One intermediate, one parameter, no direct term: dy/dx = dy/du · du/dx."""
        return len(self.parameters) == 1 and all(len(d.terms) == 1 and d.terms[0].intermediate
                                                 is not None for d in self.derivatives)

    @property
    def outer_partial(self) -> bool:
        """Whether z's own derivatives are partial (z depends on several quantities)."""
        return len(self.intermediates) + len(self.direct_parameters) > 1

    @property
    def direct_parameters(self) -> tuple[Symbol, ...]:
        names = {s for s, _ in self.intermediates}
        return by_name(s for s in self.expression.free_symbols if s not in names)

    @property
    def substituted_expression(self) -> Expr:
        return self.expression.xreplace(dict(self.intermediates))

    @property
    def result(self) -> dict[Symbol, Expr]:
        return {d.parameter: d.result for d in self.derivatives}

    @property
    def verified(self) -> bool:
        return all(d.verified for d in self.derivatives)

    def derivative(self, parameter) -> ChainDerivative:
        for d in self.derivatives:
            if d.parameter.name == str(parameter):
                return d
        raise KeyError(str(parameter))

    def _data(self) -> dict:

        def derivative_data(d: ChainDerivative) -> dict:
            return {
                "wrt": str(d.parameter),
                "terms": [{"through": str(t.intermediate) if t.intermediate else None,
                           "outer": traced_data(t.outer),
                           "inner": traced_data(t.inner) if t.inner else None}
                          for t in d.terms],
                "in_intermediates": expression_string(d.in_intermediates),
                "result": expression_string(d.result),
                "latex": latex_string(d.result),
                **d.check.data(),
                "verified": d.verified,
            }

        return {
            **header("chain", self.input, self.expression, [str(p) for p in self.wrt],
                     name=str(self.name),
                     intermediates={str(s): expression_string(e) for s, e in self.intermediates},
                     parameters=[str(p) for p in self.parameters]),
            "result": {str(d.parameter): expression_string(d.result) for d in self.derivatives},
            "latex": {"expression": latex_string(self.expression),
                      "result": {str(d.parameter): latex_string(d.result)
                                 for d in self.derivatives}},
            "verified": self.verified,
            "steps": [derivative_data(d) for d in self.derivatives],
        }


def chain(expression, lets: Mapping | Sequence, wrt=None, *, functions=(), latex=None) -> MultivariableChain:
    """∂z/∂x for z = ``expression`` through the intermediates ``lets``.

    ``lets`` maps each intermediate to its expression (``{"u": "x^2 + y"}``), or is a list of
    ``"u = x^2 + y"`` texts.  ``wrt`` picks parameters (default: all, in name order).
    """
    text, expr, readings = read_expression(expression, functions, latex)
    intermediates, let_readings = _read_lets(lets, functions, latex)
    readings = tuple(dict.fromkeys((*readings, *let_readings)))
    return run_deep(_chain, text, expr, intermediates, read_variables(wrt), readings)


def _read_lets(lets, functions, latex) -> tuple[tuple[tuple[Symbol, Expr], ...], tuple]:
    """The intermediates, and how their texts were read."""
    pairs = list(lets.items()) if isinstance(lets, Mapping) else [_split_let(t) for t in lets]
    out: list[tuple[Symbol, Expr]] = []
    readings: list = []
    for name, value in pairs:
        symbol = read_variable(name)
        if any(symbol == s for s, _ in out):
            raise UsageError("chain.twice", name=symbol)
        _, value_expr, value_readings = read_expression(value, functions, latex)
        out.append((symbol, value_expr))
        readings.extend(value_readings)
    if not out:
        raise UsageError("chain.none")
    return tuple(out), tuple(readings)


def _split_let(text) -> tuple[str, str]:
    if not isinstance(text, str) or "=" not in text:
        raise UsageError("chain.form", got=repr(text))
    name, value = text.split("=", 1)
    if not name.strip() or not value.strip():
        raise UsageError("chain.form", got=repr(text))
    return name.strip(), value.strip()


def _chain(text, expr, intermediates, wrt, readings) -> MultivariableChain:
    names = [s for s, _ in intermediates]
    for symbol, value in intermediates:
        if symbol not in expr.free_symbols:
            raise UsageError("chain.absent", name=symbol)
        inside = value.free_symbols & set(names)
        if inside:
            raise UsageError("chain.nested", name=symbol,
                             others=tuple(sorted(s.name for s in inside)))
    direct = {s for s in expr.free_symbols if s not in names}
    parameters = by_name(direct.union(*(v.free_symbols for _, v in intermediates)))
    if wrt is not None:
        for p in wrt:
            if p not in parameters:
                raise UsageError("chain.not_parameter", name=p,
                                 names=tuple(s.name for s in parameters))
    chosen = wrt or parameters
    outer = {s: traced(expr, s) for s in names}
    substitution = dict(intermediates)
    derivatives = []
    for p in chosen:
        terms = [ChainTerm(s, outer[s], traced(value, p))
                 for s, value in intermediates if p in value.free_symbols]
        if p in direct:
            terms.append(ChainTerm(None, traced(expr, p), None))
        raw = sum((t.value for t in terms), start=0 * p)
        substituted = raw.xreplace(substitution)
        result = tidy(substituted)
        reference = sympy_derivative(expr.xreplace(substitution), (p,))
        check = compare(result, reference, "sympy.diff of the substituted expression")
        derivatives.append(ChainDerivative(p, tuple(terms), raw, substituted, result, check))
    return MultivariableChain(input=text, expression=expr, name=_dependent_name(expr, intermediates),
                     intermediates=intermediates, parameters=parameters,
                     derivatives=tuple(derivatives), readings=readings)


def _dependent_name(expr, intermediates) -> Symbol:
    taken = {s.name for s in expr.free_symbols}
    for _, value in intermediates:
        taken.update(s.name for s in value.free_symbols)
    preferred = ("y", "z", "w", "f") if len(intermediates) == 1 else ("z", "w", "f", "y")
    for name in preferred:
        if name not in taken:
            return Symbol(name)
    return Symbol("F")
