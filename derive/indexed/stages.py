"""Stages of an indexed derivation and the result object that holds them.

A :class:`Stage` is one claim shown to the reader: a left side, a chain of equal forms, an
optional case (``i = j`` / ``i ≠ j``), the :class:`~derive.indexed.verify.Claim` that verifies
it and the verdict; a stage may also carry the ordinary Step tree it came from.  Its ``rule`` is
a :class:`StageKind`.  An :class:`IndexedResult` owns the stages and writes the JSON; each topic
derives its own result class from it (:class:`~derive.indexed.softmax.SoftmaxResult`,
:class:`~derive.indexed.jacobian.IndexedJacobian`) with the fields its narration needs.  To add a
stage kind, add it to :class:`StageKind` and narrate it in :mod:`derive.narrate.indexed`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from sympy import Basic

from ..render.json import header, step_data
from ..render.json import indexed_string as json_string
from ..render.mathlatex import tex as latex
from ..result import ExpressionResult
from ..steps import Step
from ..verify import Verdict, all_of
from .verify import Claim, verify_claim


class StageKind(str, Enum):
    """What a stage shows; its value is the stage's ``rule`` in JSON."""

    DERIVATIVE = "derivative"                  # the rules, as for an ordinary derivative
    QUOTIENT = "quotient"                      # softmax: the quotient rule on σ_j
    RECOGNISE = "recognise"                    # named quantities (σ, p, s) recognised
    CASE = "case"                              # the derivative with i = j, or with i ≠ j
    COMBINE = "combine"                        # both cases in one formula with δ_ij
    SUM_ONE = "sum_one"                        # Σ_j y_j = 1 applied
    LOSS_OUTER = "loss_outer"                  # ∂L/∂σ_j
    LOSS_CHAIN = "loss_chain"                  # Σ_j ∂L/∂σ_j · ∂σ_j/∂z_i
    SPLIT = "split"                            # the term j = i apart from the terms j ≠ i
    IDENTITY = "identity"                      # Σ_{j≠i} y_j = Σ_j y_j − y_i
    COLLECT = "collect"                        # like terms collected
    ASSUMPTION = "assumption"                  # with Σ_j y_j = 1
    CONCRETE_SOFTMAX = "concrete_softmax"      # σ written out at a concrete n
    CONCRETE_JACOBIAN = "concrete_jacobian"
    CONCRETE_GRADIENT = "concrete_gradient"


@dataclass(frozen=True)
class Stage:
    rule: StageKind
    lhs: Basic
    chain: tuple[Basic, ...]
    claim: Claim | tuple[Claim, ...] | None = None
    case: str | None = None
    step: Step | None = None
    verdict: Verdict | None = None

    @property
    def result(self) -> Basic:
        return self.chain[-1]

    def checked(self) -> Stage:
        if self.claim is None:
            return self
        claims = self.claim if isinstance(self.claim, tuple) else (self.claim,)
        return dataclasses.replace(self, verdict=all_of(verify_claim(c) for c in claims))

    def data(self) -> dict:
        out: dict = {"rule": self.rule.value}
        if self.case is not None:
            out["case"] = self.case
        out["expr"] = json_string(self.lhs)
        out["forms"] = [json_string(f) for f in self.chain]
        out["result"] = json_string(self.result)
        out["latex"] = {"expr": latex(self.lhs), "result": latex(self.result)}
        if self.verdict is not None:
            out.update(self.verdict.data())
        out["substeps"] = [step_data(self.step)] if self.step is not None else []
        return out


@dataclass(frozen=True)
class IndexedResult(ExpressionResult):
    """A verified indexed derivation: its stages and named results (``jacobian``, ``gradient``)."""

    kind: ClassVar[str] = "indexed"

    wrt: tuple[Basic, ...]
    stages: tuple[Stage, ...]
    results: dict

    @property
    def verified(self) -> bool:
        checked = [s.verdict for s in self.stages if s.verdict is not None]
        return bool(checked) and all(v.ok for v in checked)

    @property
    def sizes(self) -> list[int]:
        return sorted({n for s in self.stages if s.verdict for n in s.verdict.sizes})

    def stage(self, rule: StageKind | str, case: str | None = None) -> Stage:
        for s in self.stages:
            if s.rule == rule and (case is None or s.case == case):
                return s
        raise KeyError(rule)

    def has(self, rule: StageKind | str) -> bool:
        return any(s.rule == rule for s in self.stages)

    def _described(self) -> dict:
        """The topic's own fields of the JSON, between ``wrt`` and ``result``."""
        return {}

    def _data(self) -> dict:
        checked = [s.verdict for s in self.stages if s.verdict is not None]
        return {
            **header(self.kind, self.input, self.expression, [json_string(v) for v in self.wrt],
                     string=json_string),
            **self._described(),
            "result": {k: json_string(v) for k, v in self.results.items()},
            "latex": {"expression": latex(self.expression),
                      **{k: latex(v) for k, v in self.results.items()}},
            "verified": self.verified,
            "verification": {
                "method": "numeric",
                "n": self.sizes,
                "claims": len(checked),
                "failed": sum(1 for v in checked if v.status == "failed"),
                "unchecked": sum(1 for v in checked if v.status == "unchecked"),
                "comparisons": sum(v.points for v in checked),
            },
            "steps": [s.data() for s in self.stages],
        }
