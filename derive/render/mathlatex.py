"""LaTeX for formulas: ``sympy.latex`` with the sign guards of :mod:`derive.notation`.

Every LaTeX the renderers write goes through :func:`tex`, so an unevaluated step such as
``f'g − fg'`` with a negative ``fg'`` reads ``… - \\left(- e^{- x}\\right)`` instead of ``… - - e^{- x}``.
Objects with their own notation (``_latex`` methods: entries ``z_{j}``, ``\\sum_{j \\neq i}``, ∂z/∂u)
print themselves.  To change how a sympy class looks in LaTeX, add ``_print_<Class>`` here.
"""

from __future__ import annotations

from sympy import Basic, Sum, Symbol
from sympy.printing.latex import LatexPrinter as _SympyLatexPrinter

from ..notation import Parens, is_named, is_partial
from ..notation.spelling import INVERSE_MARK, side_by_side
from .mathtext import GuardedAdd, ShortNumbers, StepAsH, spelled_name


class LatexPrinter(ShortNumbers, StepAsH, GuardedAdd, _SympyLatexPrinter):
    long_number = r"{sign}{head}\ldots\,({digits}\ \text{{digits}})"

    def _print_Derivative(self, deriv):
        """``\\frac{\\partial L}{\\partial z_{i}}`` for a named quantity, sympy's
        ``\\frac{d}{dx} …`` (with ∂ where :func:`~derive.notation.is_partial`) otherwise."""
        d = r"\partial" if is_partial(deriv) else "d"
        total = sum(int(count) for _, count in deriv.variable_count)
        if total == 1 and is_named(deriv.expr):
            return rf"\frac{{{d} {self._print(deriv.expr)}}}{{{d} {self._print(deriv.variables[0])}}}"
        if side_by_side(deriv.expr) is not None:   # d/dx (1/x · x/y), not d/dx 1/x · x/y
            return self._print_Derivative(deriv.func(Parens(deriv.expr), *deriv.variable_count))
        setting = self._settings.get("diff_operator_latex", "d")
        self._settings["diff_operator_latex"] = d
        try:
            return super()._print_Derivative(deriv)
        finally:
            self._settings["diff_operator_latex"] = setting

    def _print_Function(self, expr, exp=None):
        """A function by the name typed or the textbook's: ``\\ln``, ``\\arctan``,
        ``\\tan^{-1}``, ``\\operatorname{atan}`` (:func:`~derive.render.mathtext.spelled_name`)."""
        name = spelled_name(expr)
        if name is None:
            return super()._print_Function(expr, exp)
        if name.endswith(INVERSE_MARK) and name[:-len(INVERSE_MARK)] == expr.func.__name__[1:]:
            saved = self._settings["inv_trig_style"]
            self._settings["inv_trig_style"] = "power"
            try:
                return super()._print_Function(expr, exp)
            finally:
                self._settings["inv_trig_style"] = saved
        head = self._hprint_Function(name.replace(INVERSE_MARK, ""))
        if exp is not None:
            head = rf"{self.parenthesize_super(head)}^{{{exp}}}"
        return rf"{head}{{\left({self._print(expr.args[0])} \right)}}"

    def _print_log(self, expr, exp=None):
        if spelled_name(expr) is None:
            return super()._print_log(expr, exp)
        return self._print_Function(expr, exp)

    # sympy's printers have a method of this name for sympy.tensor's PartialDerivative, found
    # before _print_Derivative; derive's PartialDerivative is an ordinary derivative drawn with ∂
    _print_PartialDerivative = _print_Derivative

    def _print_Mul(self, expr):
        """A product with a subscripted name in it (``w_1 x_1``) is written with ``\\cdot``:
        side by side, ``w_{1} x_{1}`` reads as one name."""
        if not _has_subscripted_factor(expr):
            return super()._print_Mul(expr)
        saved = self._settings["mul_symbol_latex"]
        self._settings["mul_symbol_latex"] = r" \cdot "
        try:
            return super()._print_Mul(expr)
        finally:
            self._settings["mul_symbol_latex"] = saved

    def _print_Sum(self, expr):
        # Σ −a_j reads like a subtraction: bracket a summand that starts with a minus sign
        if not expr.function.is_Add and self._print(expr.function).startswith("-"):
            return super()._print_Sum(Sum(Parens(expr.function), *expr.limits))
        return super()._print_Sum(expr)


def _has_subscripted_factor(product: Basic) -> bool:
    """Whether two factors of ``product`` that are not numbers stand side by side, one of them
    a name with a subscript (``w1``, ``x_1``)."""
    factors = [f for f in product.args if not f.is_number]
    if len(factors) < 2:
        return False
    for factor in factors:
        base = factor.as_base_exp()[0]
        if isinstance(base, Symbol) and ("_" in base.name or base.name[-1:].isdigit()):
            return True
    return False


def tex(expr: Basic) -> str:
    """The LaTeX of ``expr`` (math mode, without delimiters)."""
    return LatexPrinter().doprint(expr)
