"""Notation for indexed expressions: vectors ``z``, their entries ``z_j``, indices, ``n``, and
the restricted sum ``Σ_{j≠i}``.

Entries are sympy ``Indexed`` objects (class :class:`Entry`) printed the way a textbook writes
them (``z_j``, ``σ_i``) instead of sympy's ``z[j]``; indices ``i, j, k, …`` and the length ``n``
are plain symbols (no assumptions), so the JSON strings read back with ``sympy.sympify``
(:func:`json_string` writes ``Indexed(z, j)``).  :class:`SumExcept` is ``Σ_{j≠i} f_j``; it
rewrites itself as a plain ``Sum`` with the factor ``(1 − δ_ij)`` for checks and JSON.

To add a vector name with a special printed form, add it to :data:`PRINTED`.
"""

from __future__ import annotations

from sympy import Basic, Expr, Indexed, IndexedBase, KroneckerDelta, Sum, Symbol, sstr
from sympy.printing.pretty.stringpict import prettyForm
from sympy.printing.str import StrPrinter

PRINTED = {"sigma": ("σ", r"\sigma"), "delta": ("δ", r"\delta")}
INDEX_NAMES = ("i", "j", "k", "l", "m")

n = Symbol("n")
i, j, k, l, m = (Symbol(name) for name in INDEX_NAMES)


class Entry(Indexed):
    """``z_j``: an entry of a vector, printed with a subscript."""

    def _sympystr(self, printer):
        index = self.indices[0]
        name = PRINTED.get(str(self.base.label), (str(self.base.label),))[0]
        text = printer._print(index)
        return f"{name}_{text}" if len(text) == 1 else f"{name}_({text})"

    def _pretty(self, printer):
        index = self.indices[0]
        name = PRINTED.get(str(self.base.label), (str(self.base.label),))[0]
        if isinstance(index, Symbol) or index.is_Integer:
            return printer._print(Symbol(f"{name}_{index}"))
        return prettyForm(f"{name}_({sstr(index)})")

    def _latex(self, printer):
        label = str(self.base.label)
        name = PRINTED.get(label, (label, label))[1]
        return f"{name}_{{{printer._print(self.indices[0])}}}"


class Vector(IndexedBase):
    """A vector ``z`` whose entries ``z[j]`` are :class:`Entry` objects."""

    def __getitem__(self, index, **kwargs):
        return Entry(self, index)


def vector(name: str) -> Vector:
    return Vector(name)


def entries(expr: Basic) -> list[Indexed]:
    """Every entry in ``expr``, sorted by its printed form (deterministic)."""
    return sorted(expr.atoms(Indexed), key=sstr)


class SumExcept(Expr):
    """``Σ_{j≠i} f_j``: the sum over j = 1 … n without the term j = i."""

    def __new__(cls, summand, index, excluded, upper):
        if summand == 0:
            from sympy import Integer
            return Integer(0)
        return Expr.__new__(cls, summand, index, excluded, upper)

    @property
    def summand(self):
        return self.args[0]

    @property
    def index(self):
        return self.args[1]

    @property
    def excluded(self):
        return self.args[2]

    @property
    def upper(self):
        return self.args[3]

    @property
    def free_symbols(self):
        return (self.summand.free_symbols - {self.index}) | {self.excluded} | self.upper.free_symbols

    def as_sum(self) -> Sum:
        """The same sum, written with ``(1 − δ_ij)`` over all j."""
        return Sum(self.summand * (1 - KroneckerDelta(self.excluded, self.index)),
                   (self.index, 1, self.upper))

    def doit(self, **hints):
        return self.as_sum().doit(**hints)

    def _sympystr(self, printer):
        return f"Σ_({self.index}≠{self.excluded})({printer._print(self.summand)})"

    def _latex(self, printer):
        body = printer._print(self.summand)
        if self.summand.is_Add:
            body = rf"\left({body}\right)"
        return rf"\sum_{{{printer._print(self.index)} \neq {printer._print(self.excluded)}}} {body}"

    def _pretty(self, printer):
        body = printer._print(self.summand)
        if self.summand.is_Add:
            body = prettyForm(*body.parens())
        sign = prettyForm(f"Σ[{self.index}≠{self.excluded}] ")
        return prettyForm(*sign.right(body))


def plain(expr: Basic) -> Basic:
    """``expr`` with every :class:`SumExcept` written as a plain ``Sum``."""
    if not expr.has(SumExcept):
        return expr
    return expr.replace(lambda e: isinstance(e, SumExcept), lambda e: e.as_sum())


class _JsonPrinter(StrPrinter):
    printmethod = "_derive_json"

    def _print_Entry(self, expr):
        return f"Indexed({self._print(expr.base.label)}, {self._print(expr.indices[0])})"

    def _print_SumExcept(self, expr):
        return self._print(expr.as_sum())


def json_string(expr: Basic) -> str:
    """A string ``sympy.sympify`` reads back to ``expr`` (entries as ``Indexed(z, j)``)."""
    from ..functions import to_plain_sympy

    return _JsonPrinter({"order": None}).doprint(to_plain_sympy(plain(expr)))


class _InlinePrinter(StrPrinter):
    """One-line textbook notation for prose: δ_ij, Σ_(k=1..n), ∂σ_j/∂z_i, e^(z_j), a = b."""

    def _print_KroneckerDelta(self, expr):
        a, b = (self._print(x) for x in expr.args)
        return f"δ_{a}{b}" if len(a) == len(b) == 1 else f"δ_({a},{b})"

    def _print_Sum(self, expr):
        (index, lower, upper), body = expr.limits[0], expr.function
        text = self._print(body)
        if body.is_Add:
            text = f"({text})"
        return f"Σ_({index}={self._print(lower)}..{self._print(upper)}) {text}"

    def _print_SumExcept(self, expr):
        text = self._print(expr.summand)
        if expr.summand.is_Add:
            text = f"({text})"
        return f"Σ_({expr.index}≠{expr.excluded}) {text}"

    def _print_exp(self, expr):
        arg = self._print(expr.args[0])
        return f"e^{arg}" if isinstance(expr.args[0], Symbol) and len(arg) == 1 else f"e^({arg})"

    def _print_Derivative(self, expr):
        variables = "".join(f"∂{self._print(v)}" for v, _ in expr.variable_count)
        return f"∂{self._print(expr.expr)}/{variables}"

    def _print_Equality(self, expr):
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_log(self, expr):
        return f"log({self._print(expr.args[0])})"


def formula(expr: Basic):
    """An inline :class:`~derive.narrate.document.Formula` (plain text and LaTeX) for prose."""
    from sympy import latex

    from ..narrate.document import Formula

    text = _InlinePrinter({"order": None}).doprint(expr).replace("**", "^").replace("*", "·")
    return Formula(text, latex(expr))
