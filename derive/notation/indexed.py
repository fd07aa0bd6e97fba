"""Notation for indexed expressions: vectors ``z``, their entries ``z_j``, indices, ``n``, and
the restricted sum ``Σ_{j≠i}``.

Entries are sympy ``Indexed`` objects (class :class:`Entry`) printed the way a textbook writes
them (``z_j``, ``σ_i``) instead of sympy's ``z[j]``; indices ``i, j, k, …`` and the length ``n``
are plain symbols (no assumptions), so that JSON strings read back with ``sympy.sympify``
(:func:`derive.render.json.expression_string` writes ``Indexed(z, j)``).  :class:`SumExcept` is
``Σ_{j≠i} f_j``; it rewrites itself as a plain ``Sum`` with the factor ``(1 − δ_ij)`` for checks
and JSON.

To add a vector name with a special printed form, add it to :data:`PRINTED`.
"""

from __future__ import annotations

from sympy import Basic, Expr, Indexed, IndexedBase, Integer, KroneckerDelta, Sum, Symbol, latex, sstr
from sympy.printing.pretty.stringpict import prettyForm

from .display import Parens

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
            return Integer(0)
        return Expr.__new__(cls, summand, index, excluded, upper)

    summand = property(lambda self: self.args[0], doc="f_j, the term summed")
    index = property(lambda self: self.args[1], doc="j, the index of summation")
    excluded = property(lambda self: self.args[2], doc="i, the value of j left out")
    upper = property(lambda self: self.args[3], doc="n, the last value of j")

    @property
    def free_symbols(self):
        return (self.summand.free_symbols - {self.index}) | {self.excluded} | self.upper.free_symbols

    def as_sum(self) -> Sum:
        """The same sum, written with ``(1 − δ_ij)`` over all j."""
        return Sum(self.summand * (1 - KroneckerDelta(self.excluded, self.index)),
                   (self.index, 1, self.upper))

    def doit(self, **hints):
        return self.as_sum().doit(**hints)

    def _bracketed(self) -> bool:
        """Whether the summand needs brackets after the Σ (a sum, or a leading minus sign)."""
        return self.summand.is_Add or latex(self.summand).startswith("-")

    def _sympystr(self, printer):
        body = printer._print(self.summand)
        bracket = self.summand.is_Add or body.startswith("-")
        return f"Σ_({self.index}≠{self.excluded}) " + (f"({body})" if bracket else body)

    def _latex(self, printer):
        body = printer._print(self.summand)
        if self._bracketed():
            body = rf"\left({body}\right)"
        return rf"\sum_{{{printer._print(self.index)} \neq {printer._print(self.excluded)}}} {body}"

    def _pretty(self, printer):
        """sympy's big Σ with ``j ≠ i`` under it and nothing over it."""
        under = prettyForm(f"{self.index} ≠ {self.excluded}")
        attribute = "_PrettyPrinter__print_SumProduct_Limits"     # how Σ prints its limits
        setattr(printer, attribute, lambda limit: (under, prettyForm("")))
        try:
            summand = self.summand
            if self._bracketed() and not summand.is_Add:      # sympy brackets a sum itself
                summand = Parens(summand)
            return printer._print_Sum(Sum(summand, (self.index, 1, self.upper)))
        finally:
            delattr(printer, attribute)

