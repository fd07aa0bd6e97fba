"""The derivative on the left of an equation: ``d/dx f`` or ``∂/∂x f``.

sympy writes ``∂`` only when the differentiated expression itself has several free symbols
(``requires_partial``).  A teacher also writes ``∂`` for every step of a partial derivative
(``∂/∂x y² = 0`` while differentiating ``x² + y²``) and for a quantity that depends on a whole
vector (``∂L/∂z_i``).  :class:`PartialDerivative` is an unevaluated ``Derivative`` marked to be
written with ``∂``; as a string (JSON) it is a plain ``Derivative``.  It has no printing hooks of
its own: derive's printers draw every derivative (``∂L/∂z_i`` for a named quantity,
``∂/∂x (…)`` otherwise), asking :func:`is_partial` and :func:`is_named`.
"""

from __future__ import annotations

from sympy import Basic, Derivative, Indexed, Symbol
from sympy.printing.conventions import requires_partial


class PartialDerivative(Derivative):
    """``∂/∂x f``: a derivative that is always written with ``∂``."""


def derivative_of(expr: Basic, var: Symbol, partial: bool = False) -> Derivative:
    """The unevaluated derivative of ``expr``; written with ``∂`` when ``partial``."""
    if partial and not requires_partial(Derivative(expr, var)):
        return PartialDerivative(expr, var)
    return Derivative(expr, var)


def is_partial(derivative: Basic) -> bool:
    """Whether ``derivative`` is written with ``∂`` (forced, or several free symbols)."""
    return isinstance(derivative, PartialDerivative) or requires_partial(derivative)


def is_named(expr: Basic) -> bool:
    """A symbol or a vector entry: its derivative is written as a fraction, ``∂L/∂z_i``."""
    return isinstance(expr, (Symbol, Indexed)) and not expr.is_number
