"""The softmax topic: ∂σ_j/∂z_i in two cases, and with ``loss="cross-entropy"`` the gradient
∂L/∂z_i = σ_i − y_i, for general n and (with ``n``) written out at a concrete n.

Every formula here comes out of the engine (:mod:`derive.indexed.rules` differentiates,
:mod:`derive.indexed.recognise` names σ, the case split substitutes δ_ij = 1 or 0) and every stage
is checked numerically at n = 2, 3, 4 (:mod:`derive.indexed.verify`).  The narration is in
:mod:`derive.narrate.indexed`.  To add a loss, add a builder like :func:`_cross_entropy` and a
name to :data:`LOSSES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sympy import (Derivative, Symbol, Expr, Integer, KroneckerDelta, Matrix, Mul, Sum, exp, expand,
                   log)

from ..deep import run_deep
from ..errors import UsageError
from ..notation import PartialDerivative, SumExcept, product, total, vector
from ..notation.indexed import i, j, k, n
from ..steps import ConstantMultipleStep
from ..tidy import tidy
from .rules import differentiate
from .verify import Claim
from .recognise import recognise, softmax_definition
from .stages import IndexedResult, Stage, StageKind

LOSSES = ("cross-entropy",)
MAX_N = 8

z, y, sigma = vector("z"), vector("y"), vector("sigma")
SOFTMAX = exp(z[j]) / Sum(exp(z[k]), (k, 1, n))
DEFINITIONS = (softmax_definition(z, k, n),)
LOSS = -Sum(y[j] * log(sigma[j]), (j, 1, n))         # as shown, in terms of σ
L = Symbol("L")                  # a function of the whole vector z: its derivatives are ∂
J = Symbol("J")                  # the Jacobian, as it is named when written out


@dataclass(frozen=True)
class SoftmaxResult(IndexedResult):
    """The softmax Jacobian (and with ``loss`` the loss gradient), at general n, and written
    out at ``n`` when it is given."""

    kind: ClassVar[str] = "softmax"

    n: int | None = None
    loss: str | None = None

    output = sigma[j]                  # σ_j, what the Jacobian differentiates
    loss_expression = LOSS             # L in terms of σ
    targets = y                        # the vector y of the loss

    def _described(self) -> dict:
        return {"n": self.n, "loss": self.loss,
                "definitions": {"sigma_j": "exp(Indexed(z, j))/Sum(exp(Indexed(z, k)), (k, 1, n))"},
                "matrix": "diag(sigma) - sigma*sigma^T"}


def softmax(n: int | None = None, loss: str | None = None) -> SoftmaxResult:
    """The softmax Jacobian (and the cross-entropy gradient), derived and verified."""
    if n is not None and (not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_N):
        raise UsageError("softmax.n", most=MAX_N, got=repr(n))
    if loss is not None and loss not in LOSSES:
        raise UsageError("softmax.loss", loss=repr(loss), losses=tuple(LOSSES))
    return run_deep(_build, n, loss)


def _build(size: int | None, loss: str | None) -> SoftmaxResult:
    stages = _jacobian_stages()
    results = {"jacobian": stages[-1].result}
    if loss == "cross-entropy":
        loss_stages = _cross_entropy(stages)
        stages += loss_stages
        results["gradient"] = loss_stages[-1].result
        results["gradient_general"] = next(s.result for s in loss_stages
                                           if s.rule == StageKind.COLLECT)
    if size is not None:
        stages += _concrete(size, loss, stages)
    stages = tuple(s.checked() for s in stages)
    args = ["softmax"] + (["--n", str(size)] if size else []) + (["--loss", loss] if loss else [])
    return SoftmaxResult(input=" ".join(args), expression=SOFTMAX, wrt=(z[i],), stages=stages,
                         results=results, n=size, loss=loss)


def _claim(forms, case=None, **kwargs) -> Claim:
    return Claim(function=SOFTMAX, forms=tuple(forms), wrt=z[i], case=case, indices=(i, j),
                 definitions=DEFINITIONS, **kwargs)


def _jacobian_stages() -> tuple[Stage, ...]:
    step = differentiate(SOFTMAX, z[i])
    lhs = Derivative(sigma[j], z[i])
    forms = ((step.raw,) if step.raw is not None else ()) + (step.result,)
    stages = [Stage(StageKind.QUOTIENT, lhs, forms, _claim(forms), step=step)]
    for case, substitution, case_lhs in (("i = j", {j: i}, Derivative(sigma[i], z[i])),
                                         ("i ≠ j", {KroneckerDelta(i, j): Integer(0)}, lhs)):
        raw = tidy(step.result.xreplace(substitution), sums=True)
        named = recognise(raw, DEFINITIONS)
        stages.append(Stage(StageKind.CASE, case_lhs, (raw, named), _claim((raw, named), case),
                            case=case))
    combined = recognise(step.result, DEFINITIONS)
    stages.append(Stage(StageKind.COMBINE, lhs, (combined,), _claim((combined,))))
    return tuple(stages)


def _loss_claim(forms, **kwargs) -> Claim:
    return Claim(function=LOSS, forms=tuple(forms), wrt=z[i], indices=(i,),
                 definitions=DEFINITIONS, positive=("y",), **kwargs)


def _cross_entropy(jacobian: tuple[Stage, ...]) -> tuple[Stage, ...]:
    cases = {s.case: s.result for s in jacobian if s.rule == StageKind.CASE}
    combined = jacobian[-1].result
    # ∂L/∂σ_j, with the summation index renamed to k so that j is free
    loss_k = LOSS.xreplace({j: k})
    outer_step = differentiate(loss_k, sigma[j])
    outer_forms = (_sifted_form(outer_step), outer_step.result)
    outer = Stage(StageKind.LOSS_OUTER, PartialDerivative(L, sigma[j]), outer_forms,
                  Claim(function=loss_k, forms=outer_forms, wrt=sigma[j], indices=(j,),
                        positive=("sigma",)), step=outer_step)
    g = outer_step.result                                              # −y_j/σ_j
    lhs = PartialDerivative(L, z[i])
    chain_rule = Sum(product(PartialDerivative(L, sigma[j]), Derivative(sigma[j], z[i])), (j, 1, n))
    summed = Sum(product(g, combined), (j, 1, n))
    chain = Stage(StageKind.LOSS_CHAIN, lhs, (chain_rule, summed), _loss_claim((summed,)))
    # split: the term j = i uses the case i = j, the terms j ≠ i the case i ≠ j
    g_i = g.xreplace({j: i})
    same = product(g_i, cases["i = j"])
    others = SumExcept(product(g, cases["i ≠ j"]), j, i, n)
    split_form = total(same, others)
    simplified = (tidy(g_i * cases["i = j"], sums=True)
                  + _pull_out(SumExcept(tidy(g * cases["i ≠ j"], sums=True), j, i, n)))
    split = Stage(StageKind.SPLIT, lhs, (split_form, simplified),
                  _loss_claim((split_form, simplified)))
    # Σ_{j≠i} y_j = Σ_j y_j − y_i
    identity_lhs = SumExcept(y[j], j, i, n)
    identity_rhs = Sum(y[j], (j, 1, n)) - y[i]
    identity = Stage(StageKind.IDENTITY, identity_lhs, (identity_rhs,),
                     Claim(function=identity_lhs, forms=(identity_rhs,), indices=(i,)))
    spelled_out = simplified.replace(
        lambda e: isinstance(e, SumExcept),
        lambda e: Sum(e.summand, (e.index, 1, e.upper)) - e.summand.xreplace({e.index: e.excluded}))
    collected = tidy(expand(spelled_out), sums=True)
    collect = Stage(StageKind.COLLECT, lhs, (collected,), _loss_claim((collected,)))
    one_hot = tidy(collected.xreplace({Sum(y[j], (j, 1, n)): Integer(1)}), sums=True)
    assume = Stage(StageKind.ASSUMPTION, lhs, (one_hot,), _loss_claim((one_hot,), probability="y"))
    return (outer, chain, split, identity, collect, assume)


def _sifted_form(step) -> Expr:
    """The derivative before the Kronecker delta collapses the sum: c·Σ_k ∂f_k/∂x."""
    if isinstance(step, ConstantMultipleStep):
        return Mul(step.constant, _sifted_form(step.factor_step), evaluate=False)
    return step.raw if step.raw is not None else step.result


def _pull_out(expr: Expr) -> Expr:
    """Σ_{j≠i} c·f_j = c·Σ_{j≠i} f_j for every factor c that does not depend on j."""
    def pull(e: SumExcept):
        factors = Mul.make_args(e.summand)
        outside = Mul(*(f for f in factors if e.index not in f.free_symbols))
        inside = Mul(*(f for f in factors if e.index in f.free_symbols))
        return outside * SumExcept(inside, e.index, e.excluded, e.upper)
    return expr.replace(lambda e: isinstance(e, SumExcept), pull)


def _concrete(size: int, loss: str | None, stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
    cases = {s.case: s.result for s in stages if s.rule == StageKind.CASE}
    indices = range(1, size + 1)
    at_n = {n: Integer(size)}
    written = tuple(SOFTMAX.xreplace({j: m, **at_n}).doit() for m in indices)
    softmax_stage = Stage(StageKind.CONCRETE_SOFTMAX, Matrix([sigma[m] for m in indices]),
                          (Matrix(written),),
                          tuple(Claim(function=SOFTMAX.xreplace({j: m}), forms=(w,),
                                      definitions=DEFINITIONS, sizes=(size,))
                                for m, w in zip(indices, written)))
    entries, claims = [], []
    for row in indices:
        line = []
        for col in indices:
            formula = cases["i = j"] if row == col else cases["i ≠ j"]
            entry = formula.xreplace({i: col, j: row})
            line.append(entry)
            claims.append(Claim(function=SOFTMAX.xreplace({j: row}), forms=(entry,), wrt=z[col],
                                definitions=DEFINITIONS, sizes=(size,)))
        entries.append(line)
    out = [softmax_stage, Stage(StageKind.CONCRETE_JACOBIAN, J, (Matrix(entries),), tuple(claims))]
    if loss == "cross-entropy":
        general = next(s.result for s in stages if s.rule == StageKind.ASSUMPTION)
        vector_entries = [general.xreplace({i: m}) for m in indices]
        out.append(Stage(StageKind.CONCRETE_GRADIENT,
                         Matrix([PartialDerivative(L, z[m]) for m in indices]),
                         (Matrix(vector_entries),),
                         tuple(Claim(function=LOSS, forms=(e,), wrt=z[m], definitions=DEFINITIONS,
                                     probability="y", sizes=(size,))
                               for m, e in zip(indices, vector_entries))))
    return tuple(out)
