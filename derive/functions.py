"""Named functions of neural-network maths that sympy does not have: σ, softplus, ReLU.

Each is a sympy ``Function`` that keeps its name in printing (so a derivation can say
``σ(u)(1 − σ(u))`` instead of expanding exponentials), knows its own derivative (``fdiff``),
evaluates numerically, and rewrites to elementary functions with ``.rewrite(exp)`` (used by the
JSON output, whose strings must be readable by plain sympy).

To add one: subclass ``Function`` with ``fdiff``, ``_eval_rewrite_as_exp``, ``_eval_evalf``
(through the rewrite) and ``_latex``/``_sympystr`` if its printed name differs; export it in
``NAMED_FUNCTIONS``; give it a rule in ``trace`` and a phrase in each catalogue.
"""

from __future__ import annotations

import sympy
from sympy import Function, Heaviside, Max, exp, log


class sigmoid(Function):  # noqa: N801 - sympy functions are lower-case by convention
    """The logistic function σ(x) = 1 / (1 + e^{−x}); σ'(x) = σ(x)(1 − σ(x))."""

    nargs = 1

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return sympy.Rational(1, 2)
        return None

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + exp(-arg))

    def _eval_evalf(self, prec):
        return self.rewrite(exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = printer._print(self.args[0])
        base = rf"\sigma\left({inner}\right)"
        return rf"{base}^{{{exp}}}" if exp else base

    def _pretty(self, printer):
        return printer._print_Function(self, func_name="σ")

    def _sympystr(self, printer):
        return f"sigmoid({printer._print(self.args[0])})"


class softplus(Function):  # noqa: N801
    """softplus(x) = ln(1 + e^{x}); softplus'(x) = σ(x)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return log(1 + exp(arg))

    def _eval_evalf(self, prec):
        return self.rewrite(exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = printer._print(self.args[0])
        base = rf"\operatorname{{softplus}}\left({inner}\right)"
        return rf"{base}^{{{exp}}}" if exp else base


class relu(Function):  # noqa: N801
    """ReLU(x) = max(0, x); ReLU'(x) = H(x), with the value 0 chosen at x = 0."""

    nargs = 1

    def fdiff(self, argindex=1):
        return Heaviside(self.args[0], 0)

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return Max(0, arg)

    _eval_rewrite_as_Max = _eval_rewrite_as_exp

    def _eval_evalf(self, prec):
        return Max(0, self.args[0])._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = printer._print(self.args[0])
        base = rf"\operatorname{{ReLU}}\left({inner}\right)"
        return rf"{base}^{{{exp}}}" if exp else base


NAMED_FUNCTIONS = {"sigmoid": sigmoid, "softplus": softplus, "relu": relu}


def to_plain_sympy(expr: sympy.Basic) -> sympy.Basic:
    """Rewrite derive's named functions into functions plain sympy knows (for JSON strings)."""
    if not expr.has(sigmoid, softplus, relu):
        return expr
    return expr.replace(
        lambda e: isinstance(e, (sigmoid, softplus, relu)),
        lambda e: e._eval_rewrite_as_exp(e.args[0]),
    )
