"""LaTeX for formulas: ``sympy.latex`` with the sign guards of :mod:`derive.render.mathtext`.

Every LaTeX the renderers write goes through :func:`tex`, so an unevaluated step such as
``f'g − fg'`` with a negative ``fg'`` reads ``… - \\left(- e^{- x}\\right)`` instead of ``… - - e^{- x}``.
Objects with their own notation (``_latex`` methods: entries ``z_{j}``, ``\\sum_{j \\neq i}``, ∂z/∂u)
print themselves.  To change how a sympy class looks in LaTeX, add ``_print_<Class>`` here.
"""

from __future__ import annotations

from sympy import Add, Basic
from sympy.printing.latex import LatexPrinter as _SympyLatexPrinter

from .mathtext import guard_add


def latex_derivative(printer, deriv, partial: bool | None = None) -> str:
    """``\\frac{\\partial L}{\\partial z_{i}}`` for a symbol, sympy's ``\\frac{d}{dx} …`` otherwise;
    ``partial`` forces ∂ (``None``: as sympy decides)."""
    from .mathtext import is_named, is_partial

    partial = is_partial(deriv) if partial is None else partial
    total = sum(int(count) for _, count in deriv.variable_count)
    d = r"\partial" if partial else "d"
    if total == 1 and is_named(deriv.expr):
        return rf"\frac{{{d} {printer._print(deriv.expr)}}}{{{d} {printer._print(deriv.variables[0])}}}"
    setting = printer._settings.get("diff_operator_latex", "d")
    printer._settings["diff_operator_latex"] = d
    try:
        return _SympyLatexPrinter._print_Derivative(printer, deriv)
    finally:
        printer._settings["diff_operator_latex"] = setting


class LatexPrinter(_SympyLatexPrinter):
    def _print_Derivative(self, deriv):
        return latex_derivative(self, deriv)

    def _print_Sum(self, expr):
        # Σ −a_j reads like a subtraction: bracket a summand that starts with a minus sign
        if not expr.function.is_Add and self._print(expr.function).startswith("-"):
            from sympy import Sum

            from .mathtext import Parens

            return super()._print_Sum(Sum(Parens(expr.function), *expr.limits))
        return super()._print_Sum(expr)

    def _print_Add(self, expr, order=None):
        terms, changed = guard_add(self._as_ordered_terms(expr, order=order))
        if changed:
            return super()._print_Add(Add(*terms, evaluate=False), order="none")
        return super()._print_Add(expr, order=order)


def tex(expr: Basic) -> str:
    """The LaTeX of ``expr`` (math mode, without delimiters)."""
    return LatexPrinter().doprint(expr)
