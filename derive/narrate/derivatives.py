"""The derivative on the left of an equation: ``d/dx f`` or ``∂/∂x f``.

sympy writes ``∂`` only when the differentiated expression itself has several free symbols
(``requires_partial``).  A teacher also writes ``∂`` for every step of a partial derivative
(``∂/∂x y² = 0`` while differentiating ``x² + y²``) and for a quantity that depends on a whole
vector (``∂L/∂z_i``).  :class:`PartialDerivative` is an unevaluated ``Derivative`` that always
prints ``∂`` — in LaTeX (``_latex``), in 2-D text (``_pretty``) and in one-line text
(:class:`derive.render.mathtext.InlinePrinter`); as a string (JSON) it is a plain ``Derivative``.
The drawing itself (``∂L/∂z_i`` for a symbol, ``∂/∂x (…)`` otherwise) is done by the printers in
:mod:`derive.render`, the same way for ordinary derivatives.
"""

from __future__ import annotations

from sympy import Basic, Derivative, Symbol
from sympy.printing.conventions import requires_partial


class PartialDerivative(Derivative):
    """``∂/∂x f``: a derivative that is always written with ``∂``."""

    def _latex(self, printer):
        from ..render.mathlatex import latex_derivative

        return latex_derivative(printer, self, partial=True)

    def _pretty(self, printer):
        from ..render.mathtext import pretty_derivative

        return pretty_derivative(printer, self, partial=True)


def derivative_of(expr: Basic, var: Symbol, partial: bool = False) -> Derivative:
    """The unevaluated derivative of ``expr``; written with ``∂`` when ``partial``."""
    if partial and not requires_partial(Derivative(expr, var)):
        return PartialDerivative(expr, var)
    return Derivative(expr, var)
