"""Step classes of indexed differentiation (data only, one formula each).

The ordinary rules (sum, product, quotient, chain, exp, log, σ) are the classes of
:mod:`derive.steps`, reused with an entry ``z_i`` as the variable; these are the rules that only
indexed expressions need.  To add one: a class here, a matcher in :mod:`derive.indexed.calculus`,
``rule.<key>``/``says.<key>`` (and ``combine.<key>`` if it has children) in both phrase catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sympy import Expr, Symbol

from ..steps import Step


@dataclass(frozen=True, kw_only=True)
class IndexedVariableStep(Step):
    """∂z_j/∂z_i = δ_ij (1 when i = j, 0 when i ≠ j)."""

    rule: ClassVar[str] = "indexed_variable"


@dataclass(frozen=True, kw_only=True)
class IndexSumStep(Step):
    """∂/∂z_i Σ_k f_k = Σ_k ∂f_k/∂z_i, and Σ_k g_k·δ_ik = g_i: only the term k = i remains."""

    rule: ClassVar[str] = "index_sum"
    index: Symbol
    summand_step: Step
    sifted: Expr          # Σ_k ∂f_k/∂z_i, before the Kronecker delta picks out k = i

    def children(self) -> tuple[Step, ...]:
        return (self.summand_step,)
