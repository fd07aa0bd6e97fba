"""Step classes of indexed differentiation (one formula each).

The ordinary rules (sum, product, quotient, chain, exp, log, σ, …) are the classes of
:mod:`derive.steps`, reused with an entry ``z_i`` as the variable; these are the rules that only
indexed expressions need.  Their matchers are in :mod:`derive.indexed.rules`; how to add one is
the checklist in :mod:`derive.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Sequence

from sympy import Add, Expr, KroneckerDelta, Mul, Sum, Symbol, expand

from ..steps import CombiningStep, Step, Tidy, rewrites


@dataclass(frozen=True, kw_only=True)
class IndexedVariableStep(Step):
    """∂z_j/∂z_i = δ_ij (1 when i = j, 0 when i ≠ j)."""

    rule: ClassVar[str] = "indexed_variable"


@dataclass(frozen=True, kw_only=True)
class IndexSumStep(CombiningStep):
    """∂/∂z_i Σ_k f_k = Σ_k ∂f_k/∂z_i, and Σ_k g_k·δ_ik = g_i: only the term k = i remains."""

    rule: ClassVar[str] = "index_sum"
    index: Symbol
    summand_step: Step
    sifted: Expr | None = None   # Σ_k ∂f_k/∂z_i, before the Kronecker delta picks out k = i

    def children(self) -> tuple[Step, ...]:
        return (self.summand_step,)

    def formula(self, results: Sequence[Expr]) -> Expr:
        return Sum(results[0], self.expr.limits[0])

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return collapse_sum(results[0], self.index, self.expr.limits[0][2])

    def settled(self, tidy: Tidy) -> IndexSumStep:
        """The sum before the delta collapses it is always shown (it is the point of the rule)."""
        results = (self.summand_step.result,)
        sifted = self.formula(results)
        value = self.evaluate(results)
        algebra = rewrites(value, self.var, tidy)
        return replace(self, result=algebra[-1].result if algebra else value, raw=sifted,
                       sifted=sifted, algebra=algebra)


def collapse_sum(summand: Expr, index: Symbol, upper: Expr) -> Expr:
    """Σ_{index=1}^{upper} summand, with every Kronecker delta on ``index`` used up and every
    factor that does not depend on ``index`` taken out of the sum (valid for 1 ≤ i ≤ upper)."""
    grouped: dict[Expr, list[Expr]] = {}
    picked: list[Expr] = []
    for term in Add.make_args(expand(summand, deep=False, log=False, power_exp=False,
                                     power_base=False, multinomial=False)):
        deltas = [f for f in Mul.make_args(term)
                  if isinstance(f, KroneckerDelta) and index in f.args]
        if deltas:
            delta = deltas[0]
            other = delta.args[0] if delta.args[1] == index else delta.args[1]
            rest = Mul(*(f for f in Mul.make_args(term) if f is not delta))
            picked.append(rest.xreplace({index: other}))
            continue
        outside = Mul(*(f for f in Mul.make_args(term) if index not in f.free_symbols))
        inside = Mul(*(f for f in Mul.make_args(term) if index in f.free_symbols))
        grouped.setdefault(inside, []).append(outside)
    total = Add(*picked)
    for inside in sorted(grouped, key=str):
        coefficient = Add(*grouped[inside])
        total += coefficient * (upper if inside == 1 else Sum(inside, (index, 1, upper)))
    return total
