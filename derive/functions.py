"""The functions derive knows by name, stored once: the named functions of neural-network maths
that sympy does not have (σ, softplus, ReLU), and :data:`TABLE`, the registry of one-argument
functions whose derivative is a table entry.

A registry entry is all derive needs to know about a tabled function: the parser reads it by its
name (and its ``aliases``; ``inverse`` is what ``name^-1`` means), the tracer differentiates it
by ``derivative`` (at the bare variable; the chain rule covers ``f(g(x))``), verification
evaluates it with ``numeric`` (mpmath; by default mpmath's function of the same name), and the
narration names it by ``family`` (the phrases ``rule.<family>`` and ``says.<family>`` in every
catalogue of :mod:`derive.narrate`; a family may hold many functions).  How to add one: see the
checklist in :mod:`derive.rules`.

A :class:`NamedFunction` keeps its name in printing (so a derivation can say ``σ(u)(1 − σ(u))``
instead of expanding exponentials), knows its derivative (``fdiff``), evaluates numerically, and
rewrites to plain sympy (:meth:`NamedFunction.plain_form`, used by the JSON output, whose strings
must be readable by plain sympy).  To add one: subclass it with ``fdiff``, ``plain_form``,
``numeric`` and ``latex_name``, and list it in :data:`NAMED_FUNCTIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, ClassVar

import mpmath
import sympy
from sympy import (S, Abs, Expr, Function, Heaviside, LambertW, Max, acos, acosh, acot, acoth, acsc,
                   acsch, asec, asech, asin, asinh, atan, atanh, ceiling, cos, cosh, cot, coth, csc,
                   csch, erf, erfc, exp, floor, log, pi, sec, sech, sign, sin, sinh, sqrt, tan, tanh)


class NamedFunction(Function):
    """A function of one argument that keeps its name in printing (``latex_name`` in LaTeX)."""

    nargs = 1
    latex_name: ClassVar[str]

    @classmethod
    def plain_form(cls, arg: Expr) -> Expr:
        """The same function written with plain sympy (elementary functions, ``Max``)."""
        raise NotImplementedError(cls.__name__)

    @staticmethod
    def numeric(x):
        """Its value at an mpmath number."""
        raise NotImplementedError

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self.plain_form(arg)

    def _eval_evalf(self, prec):
        return self.rewrite(exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = printer._print(self.args[0])
        base = rf"{self.latex_name}\left({inner}\right)"
        return rf"{base}^{{{exp}}}" if exp else base


class sigmoid(NamedFunction):  # noqa: N801 - sympy functions are lower-case by convention
    """The logistic function σ(x) = 1 / (1 + e^{−x}); σ'(x) = σ(x)(1 − σ(x))."""

    latex_name = r"\sigma"

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return sympy.Rational(1, 2)
        return None

    @classmethod
    def plain_form(cls, arg):
        return 1 / (1 + exp(-arg))

    @staticmethod
    def numeric(x):
        return 1 / (1 + mpmath.exp(-x))

    def _pretty(self, printer):
        return printer._print_Function(self, func_name="σ")

    def _sympystr(self, printer):
        return f"sigmoid({printer._print(self.args[0])})"


class softplus(NamedFunction):  # noqa: N801
    """softplus(x) = ln(1 + e^{x}); softplus'(x) = σ(x)."""

    latex_name = r"\operatorname{softplus}"

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    @classmethod
    def plain_form(cls, arg):
        return log(1 + exp(arg))

    @staticmethod
    def numeric(x):
        return mpmath.log(1 + mpmath.exp(x))


class relu(NamedFunction):  # noqa: N801
    """ReLU(x) = max(0, x); ReLU'(x) = H(x), with the value 0 chosen at x = 0."""

    latex_name = r"\operatorname{ReLU}"

    def fdiff(self, argindex=1):
        return Heaviside(self.args[0], 0)

    @classmethod
    def plain_form(cls, arg):
        return Max(0, arg)

    _eval_rewrite_as_Max = NamedFunction._eval_rewrite_as_exp

    @staticmethod
    def numeric(x):
        if isinstance(x, mpmath.mpc):
            raise ValueError("ReLU of a complex value")
        return max(mpmath.mp.zero, x)


class gelu(NamedFunction):  # noqa: N801
    """GELU(x) = x·Φ(x), Φ the standard normal distribution function (1 + erf(x/√2))/2;
    GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π) its density."""

    latex_name = r"\operatorname{GELU}"

    def fdiff(self, argindex=1):
        x = self.args[0]
        return (1 + erf(x / sqrt(2))) / 2 + x * exp(-x**2 / 2) / sqrt(2 * pi)

    @classmethod
    def plain_form(cls, arg):
        return arg * (1 + erf(arg / sqrt(2))) / 2

    @staticmethod
    def numeric(x):
        return x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2

    def _sympystr(self, printer):
        return f"gelu({printer._print(self.args[0])})"

    def _pretty(self, printer):
        return printer._print_Function(self, func_name="GELU")


class silu(NamedFunction):  # noqa: N801
    """SiLU(x) = swish(x) = x·σ(x); SiLU'(x) = σ(x)·(1 + x·(1 − σ(x)))."""

    latex_name = r"\operatorname{SiLU}"

    def fdiff(self, argindex=1):
        x = self.args[0]
        return sigmoid(x) * (1 + x * (1 - sigmoid(x)))

    @classmethod
    def plain_form(cls, arg):
        return arg / (1 + exp(-arg))

    @staticmethod
    def numeric(x):
        return x / (1 + mpmath.exp(-x))

    def _pretty(self, printer):
        return printer._print_Function(self, func_name="SiLU")


class mish(NamedFunction):  # noqa: N801
    """mish(x) = x·tanh(softplus(x)); mish'(x) = tanh(softplus(x)) + x·σ(x)·sech²(softplus(x))."""

    latex_name = r"\operatorname{mish}"

    def fdiff(self, argindex=1):
        x = self.args[0]
        return tanh(softplus(x)) + x * sigmoid(x) * sech(softplus(x)) ** 2

    @classmethod
    def plain_form(cls, arg):
        return arg * tanh(log(1 + exp(arg)))

    @staticmethod
    def numeric(x):
        return x * mpmath.tanh(mpmath.log(1 + mpmath.exp(x)))


NAMED_FUNCTIONS: dict[str, type[NamedFunction]] = {
    "sigmoid": sigmoid, "softplus": softplus, "relu": relu, "gelu": gelu, "silu": silu,
    "mish": mish}


def to_plain_sympy(expr: sympy.Basic) -> sympy.Basic:
    """Rewrite derive's named functions into functions plain sympy knows (for JSON strings)."""
    if not expr.has(*NAMED_FUNCTIONS.values()):
        return expr
    return expr.replace(lambda e: isinstance(e, NamedFunction), lambda e: e.plain_form(e.args[0]))


@dataclass(frozen=True)
class TabledFunction:
    """One entry of the registry (see the module docstring)."""

    function: type[Function]             # the sympy class
    family: str                          # phrases rule.<family>, says.<family>
    derivative: Callable[[Expr], Expr]   # f'(x) at the bare variable x
    inverse: str | None = None           # the function ``name^-1`` denotes
    aliases: tuple[str, ...] = ()        # other names the parser reads
    evaluator: Callable | None = None    # mpmath value; None: mpmath's function of the same name
    jumps: str | None = None             # piecewise constant: where it jumps, "zero" or "integers"
    parameters: int = 0                  # trailing constant arguments (Heaviside's value at 0)

    @property
    def name(self) -> str:
        """The name the parser reads and the narration shows (the sympy class's name)."""
        return self.function.__name__

    @property
    def numeric(self) -> Callable:
        """Its value at an mpmath number."""
        if self.evaluator is not None:
            return self.evaluator
        if issubclass(self.function, NamedFunction):
            return self.function.numeric
        return getattr(mpmath, self.name)


def _f(function, family, derivative, inverse=None, *aliases, evaluator=None, jumps=None,
       parameters=0) -> TabledFunction:
    return TabledFunction(function, family, derivative, inverse, aliases, evaluator, jumps,
                          parameters)


def _real(fn: Callable) -> Callable:
    """``fn`` for real values only (floor and ceiling of a complex number are not taken)."""
    def real_only(*args):
        if any(isinstance(a, mpmath.mpc) for a in args):
            raise ValueError("a real function of a complex value")
        return fn(*args)
    return real_only


def heaviside_value(x, at_zero=None):
    """H(x): 1 for x > 0, 0 for x < 0, ``at_zero`` (by default 1/2, as sympy's) at 0."""
    if x > 0:
        return mpmath.mp.one
    if x < 0:
        return mpmath.mp.zero
    return at_zero if at_zero is not None else mpmath.mpf("0.5")


TABLE: tuple[TabledFunction, ...] = (
    _f(sin, "trig", lambda x: cos(x), "asin"),
    _f(cos, "trig", lambda x: -sin(x), "acos"),
    _f(tan, "trig", lambda x: sec(x) ** 2, "atan"),
    _f(cot, "trig", lambda x: -csc(x) ** 2, "acot"),
    _f(sec, "trig", lambda x: sec(x) * tan(x), "asec"),
    _f(csc, "trig", lambda x: -csc(x) * cot(x), "acsc"),
    _f(asin, "inverse_trig", lambda x: 1 / sqrt(1 - x**2), "sin", "arcsin"),
    _f(acos, "inverse_trig", lambda x: -1 / sqrt(1 - x**2), "cos", "arccos"),
    _f(atan, "inverse_trig", lambda x: 1 / (1 + x**2), "tan", "arctan"),
    _f(acot, "inverse_trig", lambda x: -1 / (1 + x**2), "cot", "arccot"),
    _f(asec, "inverse_trig", lambda x: 1 / (Abs(x) * sqrt(x**2 - 1)), "sec", "arcsec"),
    _f(acsc, "inverse_trig", lambda x: -1 / (Abs(x) * sqrt(x**2 - 1)), "csc", "arccsc"),
    _f(sinh, "hyperbolic", lambda x: cosh(x), "asinh"),
    _f(cosh, "hyperbolic", lambda x: sinh(x), "acosh"),
    _f(tanh, "hyperbolic", lambda x: sech(x) ** 2, "atanh"),
    _f(coth, "hyperbolic", lambda x: -csch(x) ** 2, "acoth"),
    _f(sech, "hyperbolic", lambda x: -sech(x) * tanh(x), "asech"),
    _f(csch, "hyperbolic", lambda x: -csch(x) * coth(x), "acsch"),
    _f(asinh, "inverse_hyperbolic", lambda x: 1 / sqrt(x**2 + 1), "sinh", "arsinh", "arcsinh"),
    _f(acosh, "inverse_hyperbolic", lambda x: 1 / sqrt(x**2 - 1), "cosh", "arcosh", "arccosh"),
    _f(atanh, "inverse_hyperbolic", lambda x: 1 / (1 - x**2), "tanh", "artanh", "arctanh"),
    _f(acoth, "inverse_hyperbolic", lambda x: 1 / (1 - x**2), "coth"),
    _f(asech, "inverse_hyperbolic", lambda x: -1 / (x * sqrt(1 - x**2)), "sech"),
    _f(acsch, "inverse_hyperbolic", lambda x: -1 / (Abs(x) * sqrt(1 + x**2)), "csch"),
    _f(sigmoid, "sigmoid", lambda x: sigmoid(x) * (1 - sigmoid(x))),
    _f(softplus, "softplus", lambda x: sigmoid(x)),
    _f(LambertW, "special", lambda x: LambertW(x) / (x * (1 + LambertW(x))),
       evaluator=mpmath.lambertw),
    _f(erf, "erf", lambda x: 2 * exp(-x**2) / sqrt(pi)),
    _f(erfc, "erfc", lambda x: -2 * exp(-x**2) / sqrt(pi)),
    _f(gelu, "gelu", lambda x: gelu(x).fdiff(), None, "GELU"),
    _f(silu, "silu", lambda x: silu(x).fdiff(), None, "SiLU", "swish"),
    _f(mish, "mish", lambda x: mish(x).fdiff(), None, "Mish"),
    # piecewise constant: the derivative 0 holds wherever the function does not jump
    _f(sign, "step", lambda x: S.Zero, None, "sgn", evaluator=mpmath.sign, jumps="zero"),
    _f(Heaviside, "step", lambda x: S.Zero, None, "heaviside", evaluator=_real(heaviside_value),
       jumps="zero", parameters=1),
    _f(floor, "floor", lambda x: S.Zero, None, evaluator=_real(mpmath.floor), jumps="integers"),
    _f(ceiling, "floor", lambda x: S.Zero, None, "ceil", evaluator=_real(mpmath.ceil),
       jumps="integers"),
)

#: The registry by sympy class.
TABLED: dict[type[Function], TabledFunction] = {entry.function: entry for entry in TABLE}
