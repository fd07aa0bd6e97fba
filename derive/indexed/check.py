"""Numeric checks of indexed formulas at concrete n.

A general formula (with indices ``i, j``, sums to ``n``, ``δ_ij``, recognised names like ``σ_j``)
is checked by expanding it at n = 2, 3, 4: every sum is written out, every pair of concrete
indices allowed by the case (``i = j``, ``i ≠ j`` or all) is substituted, the names are replaced
by their definitions, and the value at seeded random points is compared with an independent
central difference of the *original* function (mpmath, 40 digits).  Identities without a
derivative (``Σ_{j≠i} y_j = Σ_j y_j − y_i``) are compared side against side the same way.

An assumption ``Σ_j y_j = 1`` is honoured by drawing ``y`` as a probability vector.  The check
fails at the first disagreement and says where.  To check a new kind of claim, build a
:class:`Claim`; nothing else changes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import mpmath
from sympy import Add, Derivative, Expr, Indexed, Symbol, Sum

from ..numeric import DPS, Evaluator, close
from ..notation import as_value
from ..notation.indexed import n as N
from .recognise import Definition, expand_definitions

SIZES = (2, 3, 4)
POINTS = 1
SEED = 20240607
STEP = mpmath.mpf("1e-12")


@dataclass(frozen=True)
class Check:
    """The verdict of one claim: ``status`` numeric | failed | unchecked."""

    status: str
    sizes: tuple[int, ...] = ()
    comparisons: int = 0
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "numeric"

    def data(self) -> dict:
        out = {"check": self.status, "n": list(self.sizes), "comparisons": self.comparisons}
        if self.detail:
            out["check_detail"] = self.detail
        return out


@dataclass(frozen=True)
class Claim:
    """``∂function/∂wrt = each of forms`` (or, with ``wrt`` None, ``function = each of forms``).

    ``case`` restricts the index pairs: ``"i = j"``, ``"i ≠ j"`` or None (all); ``indices`` are
    the free indices (the first pairs with ``wrt``'s index for the case); ``probability`` names a
    vector drawn to sum to 1.
    """

    function: Expr
    forms: tuple[Expr, ...]
    wrt: Indexed | Symbol | None = None
    case: str | None = None
    indices: tuple[Symbol, ...] = ()
    definitions: tuple[Definition, ...] = ()
    probability: str | None = None
    positive: tuple[str, ...] = ()
    sizes: tuple[int, ...] = field(default=SIZES)


def check(claim: Claim) -> Check:
    """Compare every form of ``claim`` with the truth at n = 2, 3, 4 and seeded points."""
    rng = random.Random(SEED)
    comparisons = 0
    forms = [f for f in claim.forms if not f.has(Derivative)]   # display-only forms
    for size in claim.sizes:
        function = _concrete(claim.function, size, claim.definitions, claim.wrt)
        concrete_forms = [_concrete(f, size, claim.definitions, claim.wrt) for f in forms]
        names = _names((function, *concrete_forms), claim, size)
        for pair in _pairs(claim, size):
            target = _target(claim.wrt, pair)
            truth_expr = _symbolise(function.xreplace(pair))
            form_exprs = [_symbolise(f.xreplace(pair)) for f in concrete_forms]
            for _ in range(POINTS):
                values = _point(rng, names, claim, size)
                truth = _truth(truth_expr, values, target)
                if truth is None:
                    continue
                for original, form in zip(forms, form_exprs):
                    value = _value(form, values)
                    comparisons += 1
                    if value is None or not close(value, truth, mpmath.mpf("1e-9")):
                        where = ", ".join(f"{k} = {v}" for k, v in pair.items())
                        return Check("failed", claim.sizes, comparisons,
                                     f"{original} differs at n = {size}"
                                     + (f", {where}" if where else ""))
    if comparisons == 0:
        return Check("unchecked", claim.sizes, 0, "no point where both sides are defined")
    return Check("numeric", claim.sizes, comparisons)


def _concrete(expr: Expr, size: int, definitions, wrt) -> Expr:
    keep = () if wrt is None or not isinstance(wrt, Indexed) else (wrt.base,)
    used = tuple(d for d in definitions if d.name not in keep)
    expr = expand_definitions(as_value(expr), used)
    expr = expr.xreplace({N: size})
    return _write_out(expr) if expr.has(Sum) else expr


def _write_out(expr: Expr) -> Expr:
    """Every sum with concrete bounds written term by term (cheaper than ``doit``)."""
    def expand_sum(s):
        (index, lower, upper), body = s.limits[0], s.function
        return Add(*(body.xreplace({index: value}) for value in range(int(lower), int(upper) + 1)))
    return expr.replace(lambda e: isinstance(e, Sum) and len(e.limits) == 1
                        and e.limits[0][1].is_Integer and e.limits[0][2].is_Integer, expand_sum)


def _pairs(claim: Claim, size: int) -> list[dict]:
    indices = list(claim.indices)
    if not indices:
        return [{}]
    pairs: list[dict] = [{}]
    for index in indices:
        pairs = [{**p, index: v} for p in pairs for v in range(1, size + 1)]
    if claim.case and len(indices) >= 2:
        a, b = indices[0], indices[1]
        wanted = claim.case == "i = j"
        pairs = [p for p in pairs if (p[a] == p[b]) == wanted]
    return pairs


def _names(exprs, claim: Claim, size: int) -> list:
    """The concrete entries and plain symbols a point needs, sorted (deterministic draws)."""
    names: set = set()
    for e in exprs:
        for a in e.atoms(Indexed):
            index = a.indices[0]
            if index.is_Integer:
                names.add((a.base, index))
            elif index in claim.indices:
                names |= {(a.base, v) for v in range(1, size + 1)}
        names |= {s for s in e.free_symbols
                  if isinstance(s, Symbol) and s not in claim.indices and not isinstance(s, Indexed)}
    if isinstance(claim.wrt, Indexed):
        names |= {(claim.wrt.base, v) for v in range(1, size + 1)}
    return sorted(names, key=str)


def _point(rng: random.Random, names: list, claim: Claim, size: int) -> dict:
    values: dict = {}
    for key in names:
        label = str(key[0].label) if isinstance(key, tuple) else ""
        positive = label in claim.positive or label == claim.probability
        low, high = (0.2, 1.5) if positive else (-1.5, 1.5)
        values[key] = mpmath.mpf(rng.uniform(low, high))
    if claim.probability:
        keys = [k for k in values if isinstance(k, tuple) and str(k[0].label) == claim.probability]
        total = sum(values[k] for k in keys)
        for key in keys:
            values[key] /= total
    return values


def _key(symbol: Symbol):
    return getattr(symbol, "_derive_key", symbol)


class _Slot(Symbol):
    """A symbol standing for one concrete entry ``(vector, index)`` during evaluation."""

    def __new__(cls, key):
        obj = super().__new__(cls, f"_{key[0].label}_{key[1]}")
        obj._derive_key = key
        return obj


def _symbolise(expr: Expr) -> Expr:
    mapping = {a: _Slot((a.base, a.indices[0])) for a in expr.atoms(Indexed)}
    return expr.xreplace(mapping)


def _target(wrt, pair: dict):
    if wrt is None:
        return None
    if isinstance(wrt, Indexed):
        return (wrt.base, pair.get(wrt.indices[0], wrt.indices[0]))
    return wrt


def _value(expr: Expr, values: dict):
    point = {}
    for symbol in expr.free_symbols:
        key = _key(symbol)
        if key not in values:
            return None
        point[symbol] = values[key]
    with mpmath.workdps(DPS):
        return Evaluator(point)(expr)


def _truth(function: Expr, values: dict, target):
    if target is None:
        return _value(function, values)
    with mpmath.workdps(DPS):
        up, down = dict(values), dict(values)
        up[target] = values[target] + STEP
        down[target] = values[target] - STEP
        high, low = _value(function, up), _value(function, down)
        if high is None or low is None:
            return None
        return (high - low) / (2 * STEP)
