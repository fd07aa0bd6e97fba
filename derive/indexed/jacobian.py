"""The general indexed Jacobian: ``jacobian("exp(z_j)/sum(exp(z_k), k)", wrt="z_i")``.

The same engine as softmax: differentiate with the ordinary rules plus the indexed ones,
recognise named quantities (σ, p, s), split on δ_ij when the output has a free index, and for a
scalar loss note Σ_j y_j = 1 when it appears.  Every stage is checked at n = 2, 3, 4.  With plain
variables (``--wrt w1 --wrt w2``) each derivative goes through the ordinary tracer instead.
To add a stage, append it in :func:`_stages` and narrate it in
:func:`derive.narrate.indexed.narrate_jacobian`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Sequence

from sympy import Basic, Derivative, Expr, Indexed, Integer, KroneckerDelta, Sum, Symbol
from sympy.core.function import AppliedUndef

from ..api import Derivation, explain
from ..deep import run_deep
from ..errors import UsageError
from ..notation import entries
from ..notation.indexed import INDEX_NAMES, m, n, vector
from ..parse import IndexSyntax, parse, parse_variable
from ..render.json import expression_string, header, json_value
from ..result import ExpressionResult
from ..tidy import tidy
from .recognise import definitions_for, recognise
from .rules import differentiate
from .stages import IndexedResult, Stage, StageKind
from .verify import Claim

#: The input syntax of ``derive jacobian``: the one parser, with entries z_j of vectors.
INDEX_SYNTAX = IndexSyntax(entry=lambda name, index: vector(name)[index], names=INDEX_NAMES,
                           length=n)


@dataclass(frozen=True)
class IndexedJacobian(IndexedResult):
    """∂f/∂z_i of an indexed expression: split into the cases i = j and i ≠ j when the output has
    a free index j (``pair`` = (i, j)); ``names`` pairs each recognised quantity with its name
    (σ_m for exp(z_m)/Σ_k exp(z_k)); ``sum_one`` is Σ_j y_j when the assumption Σ_j y_j = 1
    applies."""

    kind: ClassVar[str] = "jacobian"

    pair: tuple[Symbol, Symbol] | None = None
    names: tuple[tuple[Expr, Expr], ...] = ()
    sum_one: Expr | None = None
    readings: tuple = ()  # how the input was read

    def _described(self) -> dict:
        return {"pair": json_value(self.pair), "names": json_value(self.names),
                "sum_one": json_value(self.sum_one)}


def jacobian(expression: str | Expr, wrt: str | Basic | Sequence[str | Basic]):
    """The Jacobian (or gradient) of an indexed expression, derived and verified.

    ``wrt`` is an entry such as ``"z_i"`` (returns an :class:`IndexedJacobian`), or one or more
    plain variables (returns a :class:`PlainJacobian` of ordinary derivations).
    """
    text = expression if isinstance(expression, str) else str(expression)
    parsed = parse(expression, indices=INDEX_SYNTAX) if isinstance(expression, str) else None
    expr = parsed.expr if parsed is not None else expression
    readings = parsed.readings if parsed is not None else ()
    if expr.atoms(AppliedUndef):
        raise UsageError("jacobian.undefined_function")
    variables = [wrt] if isinstance(wrt, (str, Basic)) else list(wrt)
    if not variables:
        raise UsageError("jacobian.no_wrt")
    variables = [parse_variable(v, indices=INDEX_SYNTAX) if isinstance(v, str) else v
                 for v in variables]
    if all(isinstance(v, Symbol) for v in variables):
        return run_deep(_plain_jacobian, text, expr, tuple(variables), readings)
    if len(variables) != 1 or not isinstance(variables[0], Indexed):
        raise UsageError("jacobian.mixed_wrt")
    return run_deep(_indexed, text, expr, variables[0], readings)


def _indexed(text: str, expr: Expr, var: Indexed, readings: tuple = ()) -> IndexedJacobian:
    bound = {lim[0] for s in expr.atoms(Sum) for lim in s.limits}
    wrt_index = var.indices[0]
    free = sorted({e.indices[0] for e in entries(expr)} - bound, key=str)
    if wrt_index in free:
        raise UsageError("jacobian.index_clash", index=wrt_index, base=var.base.label)
    if not any(e.base == var.base for e in entries(expr)):
        raise UsageError("jacobian.no_vector", base=var.base.label)
    if len(free) > 1:
        raise UsageError("jacobian.free_indices")
    out = free[0] if free else None
    stages = tuple(s.checked() for s in _stages(expr, var, out))
    names = tuple((d.at(m), d.name[m]) for d in definitions_for(expr))
    final = _final(stages)
    return IndexedJacobian(input=text, expression=expr, wrt=(var,), stages=stages,
                           results={"jacobian" if out is not None else "gradient": final.result},
                           pair=(wrt_index, out) if out is not None else None, names=names,
                           sum_one=_target_sum(final.result), readings=readings)


def _final(stages):
    for rule in (StageKind.SUM_ONE, StageKind.RECOGNISE, StageKind.DERIVATIVE):
        for s in stages:
            if s.rule == rule:
                return s
    return stages[-1]


def _stages(expr: Expr, var: Indexed, out) -> list[Stage]:
    definitions = definitions_for(expr)
    indices = (var.indices[0], out) if out is not None else (var.indices[0],)
    positive = tuple(sorted({str(e.base.label) for e in entries(expr)} - {str(var.base.label)}))

    def claim(forms, case=None, probability=None):
        return Claim(function=expr, forms=tuple(forms), wrt=var, case=case, indices=indices,
                     definitions=definitions, positive=positive, probability=probability)

    step = differentiate(expr, var)
    lhs = Derivative(expr, var)
    forms = ((step.raw,) if step.raw is not None else ()) + (step.result,)
    stages = [Stage(StageKind.DERIVATIVE, lhs, forms, claim(forms), step=step)]
    named = recognise(step.result, definitions) if definitions else tidy(step.result, sums=True)
    stages.append(Stage(StageKind.RECOGNISE, lhs, (named,), claim((named,))))
    if out is not None and named.has(KroneckerDelta):
        i = var.indices[0]
        for case, substitution, case_lhs in (
                ("i = j", {out: i}, Derivative(expr.xreplace({out: i}), var)),
                ("i ≠ j", {KroneckerDelta(i, out): Integer(0)}, lhs)):
            raw = tidy(step.result.xreplace(substitution), sums=True)
            case_named = recognise(raw, definitions) if definitions else raw
            stages.append(Stage(StageKind.CASE, case_lhs, (raw, case_named),
                                claim((raw, case_named), case), case=case))
    target = _target_sum(named)
    if out is None and target is not None:
        one = tidy(named.xreplace({target: Integer(1)}), sums=True)
        stages.append(Stage(StageKind.SUM_ONE, lhs, (one,),
                            claim((one,), probability=str(target.function.base.label))))
    return stages


def _target_sum(expr: Expr):
    """Σ_j y_j (a sum of all targets), when it occurs: the assumption Σ_j y_j = 1 applies."""
    for s in sorted(expr.atoms(Sum), key=str):
        body = s.function
        if isinstance(body, Indexed) and str(body.base.label) == "y" and body.indices == (s.limits[0][0],):
            return s
    return None


@dataclass(frozen=True)
class PlainJacobian(ExpressionResult):
    """Derivatives with respect to plain variables, one ordinary derivation each."""

    derivations: tuple[Derivation, ...]
    readings: tuple = ()  # how the input was read

    @property
    def verified(self) -> bool:
        return all(d.verified for d in self.derivations)

    def _data(self) -> dict:
        return {**header("jacobian", self.input, self.expression, [str(d.wrt[0]) for d in self.derivations]),
                "result": {str(d.wrt[0]): expression_string(d.result) for d in self.derivations},
                "verified": self.verified,
                "parts": [d.data() for d in self.derivations]}


def _plain_jacobian(text: str, expr: Expr, variables: tuple[Symbol, ...], readings: tuple = ()
                    ) -> PlainJacobian:
    if expr.atoms(Indexed) or expr.has(Sum):
        raise UsageError("jacobian.entry_needed")
    missing = [str(v) for v in variables if v not in expr.free_symbols]
    if missing:
        raise UsageError("jacobian.absent", names=tuple(missing))
    return PlainJacobian(text, expr, tuple(explain(expr, wrt=v) for v in variables),
                         readings=readings)
