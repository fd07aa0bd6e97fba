"""Verifying indexed formulas: each claim expanded at concrete n and compared numerically.

A general formula (with indices ``i, j``, sums to ``n``, ``δ_ij``, recognised names like ``σ_j``)
is checked by expanding it at n = 2, 3, 4: every sum is written out, every pair of concrete
indices allowed by the case (``i = j``, ``i ≠ j`` or all) is substituted, the names are replaced
by their definitions, and the values at the points of the one sampler (:mod:`derive.verify`,
one point per pair of indices) are compared with an independent central difference of the
*original* function.  Identities without a derivative (``Σ_{j≠i} y_j = Σ_j y_j − y_i``) are
compared side against side the same way.

An assumption ``Σ_j y_j = 1`` is honoured by drawing ``y`` as a probability vector.  The check
fails at the first disagreement and says where.  To check a new kind of claim, build a
:class:`Claim`; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sympy import Add, Derivative, Expr, Indexed, Symbol, Sum

from ..notation import as_value
from ..notation.indexed import n as N
from ..verify import Sampler, Verdict, numeric_check
from .recognise import Definition, expand_definitions

SIZES = (2, 3, 4)


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


def verify_claim(claim: Claim) -> Verdict:
    """Compare every form of ``claim`` with the truth at each of its sizes n."""
    forms = [f for f in claim.forms if not f.has(Derivative)]   # display-only forms
    comparisons = 0
    for size in claim.sizes:
        verdict = _at_size(claim, forms, size)
        comparisons += verdict.points
        if verdict.status == "failed":
            return Verdict("failed", comparisons, verdict.detail, sizes=claim.sizes)
    if comparisons == 0:
        return Verdict("unchecked", 0, "no point where both sides are defined", sizes=claim.sizes)
    return Verdict("numeric", comparisons, sizes=claim.sizes)


def _at_size(claim: Claim, forms: list[Expr], size: int) -> Verdict:
    function = _expanded_at(claim.function, size, claim.definitions, claim.wrt)
    concrete_forms = [_expanded_at(f, size, claim.definitions, claim.wrt) for f in forms]
    pairs = _pairs(claim, size)
    vectors = _variables((function, *concrete_forms), claim, size)
    sampler = Sampler(vectors, len(pairs),
                      positive=[s for s, label in vectors.items() if label in claim.positive],
                      simplex=[s for s, label in vectors.items() if label == claim.probability])

    def sides(index: int):
        pair = pairs[index]
        truth_expr = _symbolise(function.xreplace(pair))
        target = _target(claim.wrt, pair)
        truth = (sampler.value(truth_expr, index) if target is None
                 else sampler.derivative(truth_expr, index, target))
        if truth is None:
            return None
        return [(sampler.value(_symbolise(f.xreplace(pair)), index), truth) for f in concrete_forms]

    def describe(witness, index: int, k: int) -> str:
        where = ", ".join(f"{key} = {value}" for key, value in pairs[index].items())
        return f"{forms[k]} differs at n = {size}" + (f", {where}" if where else "")

    return numeric_check(sampler, sides, wanted=len(pairs), needed=0, describe=describe)


def _expanded_at(expr: Expr, size: int, definitions, wrt) -> Expr:
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


def _variables(exprs, claim: Claim, size: int) -> dict[Symbol, str | None]:
    """The symbols a point needs: one per concrete entry (with the label of its vector) and the
    plain symbols (label ``None``)."""
    found: dict[Symbol, str | None] = {}
    entries: set = set()
    for e in exprs:
        for a in e.atoms(Indexed):
            index = a.indices[0]
            if index.is_Integer:
                entries.add((a.base, index))
            elif index in claim.indices:
                entries |= {(a.base, v) for v in range(1, size + 1)}
        labels = {a.base.label for a in e.atoms(Indexed)}
        found.update({s: None for s in e.free_symbols
                      if isinstance(s, Symbol) and s not in claim.indices and s not in labels})
    if isinstance(claim.wrt, Indexed):
        entries |= {(claim.wrt.base, v) for v in range(1, size + 1)}
    found.update({_slot(base, index): str(base.label) for base, index in entries})
    return found


def _slot(base, index) -> Symbol:
    """The symbol that stands for the concrete entry ``base[index]`` during evaluation."""
    return Symbol(f"_{base.label}_{index}")


def _symbolise(expr: Expr) -> Expr:
    return expr.xreplace({a: _slot(a.base, a.indices[0]) for a in expr.atoms(Indexed)})


def _target(wrt, pair: dict) -> Symbol | None:
    if wrt is None:
        return None
    if isinstance(wrt, Indexed):
        return _slot(wrt.base, pair.get(wrt.indices[0], wrt.indices[0]))
    return wrt
