"""Naming recognised quantities: e^{z_m}/Σ_k e^{z_k} is σ_m, x_m/Σ_k x_k is p_m, sigmoid(z_m) is s_m.

A :class:`Definition` says ``name_m = top(m) / bottom``.  :func:`recognise` rewrites an expression
in terms of the names: every ``top(m)`` for a free index ``m`` becomes ``name_m · bottom``
(exponentials of sums of entries are split first, e^{z_i + z_j} = e^{z_i}·e^{z_j}), then the
result is tidied so the bottoms cancel.  :func:`definitions_for` finds the definitions an input
uses.  To recognise another quantity, add a finder to :func:`definitions_for`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sympy import Add, Expr, Indexed, Mul, Sum, Symbol, exp

from ..functions import sigmoid
from ..notation import Vector, entries, vector
from ..tidy import tidy


@dataclass(frozen=True)
class Definition:
    """``name_m = top(m) / bottom``; ``kind`` is softmax | normalised | sigmoid."""

    kind: str
    name: Vector
    source: Vector
    top: Callable[[Expr], Expr]
    bottom: Expr

    def at(self, index: Expr) -> Expr:
        return self.top(index) / self.bottom

    def entry(self, index: Expr) -> Indexed:
        return self.name[index]


def softmax_definition(z: Vector, index: Symbol, n: Expr, name: str = "sigma") -> Definition:
    return Definition("softmax", vector(name), z, lambda m: exp(z[m]),
                      Sum(exp(z[index]), (index, 1, n)))


def _free_indices(expr: Expr, bound: set) -> list[Expr]:
    return sorted({e.indices[0] for e in entries(expr)} - bound, key=str)


def recognise(expr: Expr, definitions: tuple[Definition, ...]) -> Expr:
    """``expr`` written with the defined names, tidied."""
    for definition in definitions:
        expr = _recognise_one(expr, definition)
    return tidy(expr, sums=True)


def _recognise_one(expr: Expr, d: Definition) -> Expr:
    bound = {lim[0] for s in expr.atoms(Sum) for lim in s.limits}
    if d.kind == "softmax":
        def split(e):
            terms = Add.make_args(e.args[0])
            if all(isinstance(t, Indexed) or (t.is_Mul and any(isinstance(f, Indexed) for f in t.args))
                   for t in terms) and len(terms) > 1:
                return Mul(*(exp(t) for t in terms))
            return e
        expr = expr.replace(lambda e: isinstance(e, exp), split)
        mapping = {}
        for e in expr.atoms(exp):
            arg = e.args[0]
            coefficient, rest = arg.as_coeff_Mul()
            if isinstance(rest, Indexed) and rest.base == d.source.label or \
                    (isinstance(rest, Indexed) and rest.base == d.source):
                if rest.indices[0] not in bound:
                    mapping[e] = (d.name[rest.indices[0]] * d.bottom) ** coefficient
        return expr.xreplace(mapping)
    replace = {}
    for m in _free_indices(expr, bound):
        top = d.top(m)
        replace[top] = d.name[m] * d.bottom if d.bottom != 1 else d.name[m]
    return expr.xreplace(replace)


def definitions_for(expr: Expr) -> tuple[Definition, ...]:
    """The softmax, normalisation and sigmoid patterns that occur in ``expr``."""
    found: list[Definition] = []
    taken = {str(e.base.label) for e in entries(expr)}
    for s in sorted(expr.atoms(Sum), key=str):
        (index, _, _), body = s.limits[0], s.function
        if isinstance(body, exp) and isinstance(body.args[0], Indexed) \
                and body.args[0].indices == (index,) and "sigma" not in taken:
            source = body.args[0].base
            found.append(Definition("softmax", vector("sigma"), source,
                                    lambda m, b=source: exp(b[m]), s))
        elif isinstance(body, Indexed) and body.indices == (index,) and "p" not in taken:
            source = body.base
            found.append(Definition("normalised", vector("p"), source, lambda m, b=source: b[m], s))
    for f in sorted(expr.atoms(sigmoid), key=str):
        arg = f.args[0]
        if isinstance(arg, Indexed) and "s" not in taken and not any(d.kind == "sigmoid" for d in found):
            source = arg.base
            found.append(Definition("sigmoid", vector("s"), source, lambda m, b=source: sigmoid(b[m]), 1))
    return tuple(found)


def expand_definitions(expr: Expr, definitions: tuple[Definition, ...]) -> Expr:
    """``expr`` with every defined name replaced by what it stands for (for numeric checks)."""
    for d in definitions:
        expr = expr.replace(lambda e: isinstance(e, Indexed) and e.base == d.name,
                            lambda e: d.at(e.indices[0]))
    return expr
