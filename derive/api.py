"""The Python API's entry point for one derivative: :func:`explain`.

``explain("sin(x^2)")`` parses, traces, verifies, and keeps everything a renderer needs in the
:class:`~derive.derivation.Derivation` it returns; ``Derivation.render(format, lang)`` narrates
and renders it.  All work on the expression runs through :func:`derive.deep.run_deep`, so deep
nesting never meets Python's recursion limit.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from sympy import Basic, Symbol

from .deep import run_deep
from .derivation import Derivation, derive_expression
from .inputs import choose_variables, read_operand
from .routes import checked_route

__all__ = ["Derivation", "explain"]


def explain(expression: str | Basic, wrt: str | Symbol | Sequence[str | Symbol] | None = None,
            order: int | None = None, *, functions: Iterable[str] = (), latex: bool | None = None,
            allow_absent: bool = False, detail: str | None = None,
            route: str | None = None) -> Derivation:
    """Differentiate ``expression`` step by step and verify every step.

    ``wrt`` is a variable, or several for a mixed partial derivative (applied in order);
    by default the expression's only variable.  ``order`` (default 1) repeats a single variable.
    An operator written first (``d/dx x^2``, ``\\frac{d^2}{dx^2}(…)``) gives the variables and
    the order; ``wrt`` and ``order`` may repeat them but not contradict them.  A ``wrt``
    that does not occur in the expression is an error unless ``allow_absent``.  ``detail``
    (``brief``, ``standard``, ``full``) is the level its prose uses by default.  ``route``
    (``book``, the default, or ``direct``; :mod:`derive.routes`) chooses between two common
    routes where there are two: the log laws and logarithmic differentiation, or the chain,
    product and quotient rules directly.
    """
    route = checked_route(route)
    return run_deep(_explain, expression, wrt, order, functions, latex,
                    allow_absent, route).at_detail(detail)


def _explain(expression, wrt, order, functions, latex, allow_absent, route) -> Derivation:
    text, expr, readings, operator = read_operand(expression, functions, latex)
    variables = choose_variables(expr, wrt, order, allow_absent, operator)
    return derive_expression(text, expr, variables, readings, route)
