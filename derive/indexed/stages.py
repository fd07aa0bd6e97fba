"""Stages of an indexed derivation and the result object that holds them.

A :class:`Stage` is one claim shown to the reader: a left side, a chain of equal forms, an
optional case (``i = j`` / ``i ≠ j``), the :class:`~derive.indexed.check.Claim` that verifies
it and the verdict; a stage may also carry the ordinary Step tree it came from.  An
:class:`IndexedResult` owns the stages, builds the Document through a ``narrate`` callable and
writes the JSON (``kind`` softmax | jacobian).  To add a stage kind, give it a ``rule`` name and,
if the narration needs it, a phrase.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable

from sympy import Basic, Expr

from ..render.json import indexed_string as json_string
from ..render.mathlatex import tex as latex
from ..steps import Step, rule_key
from .check import Check, Claim, check


@dataclass(frozen=True)
class Stage:
    rule: str
    lhs: Basic
    chain: tuple[Basic, ...]
    claim: Claim | tuple[Claim, ...] | None = None
    case: str | None = None
    step: Step | None = None
    verdict: Check | None = None

    @property
    def result(self) -> Basic:
        return self.chain[-1]

    def checked(self) -> Stage:
        if self.claim is None:
            return self
        claims = self.claim if isinstance(self.claim, tuple) else (self.claim,)
        return dataclasses.replace(self, verdict=combine([check(c) for c in claims]))

    def data(self) -> dict:
        out: dict = {"rule": self.rule}
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


def combine(verdicts: list[Check]) -> Check:
    """One verdict for several claims: the first failure, else unchecked if any, else numeric."""
    sizes = tuple(sorted({n for v in verdicts for n in v.sizes}))
    total = sum(v.comparisons for v in verdicts)
    for status in ("failed", "unchecked"):
        for v in verdicts:
            if v.status == status:
                return Check(status, sizes, total, v.detail)
    return Check("numeric", sizes, total)


_BASE_FIELDS = {"expr", "var", "result", "raw"}


def step_data(step: Step) -> dict:
    """A Step tree as JSON, with entries written ``Indexed(z, j)`` (readable by sympify)."""
    data: dict = {"rule": rule_key(step), "expr": json_string(step.expr), "var": json_string(step.var),
                  "result": json_string(step.result),
                  "latex": {"expr": latex(step.expr), "result": latex(step.result)}}
    for f in dataclasses.fields(step):
        value = getattr(step, f.name)
        if f.name in _BASE_FIELDS or isinstance(value, Step) or (
                isinstance(value, tuple) and value and isinstance(value[0], Step)):
            continue
        data[f.name] = _plain(value)
    data["substeps"] = [step_data(c) for c in step.children()]
    return data


def _plain(value):
    if isinstance(value, Basic):
        return json_string(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class IndexedResult:
    """A verified indexed derivation: ``.document(lang)``, ``.data()``, ``.render(format, lang)``."""

    kind: str
    input: str
    expression: Expr
    wrt: tuple[Basic, ...]
    stages: tuple[Stage, ...]
    results: dict
    narrate: Callable = field(repr=False, compare=False)
    extra: dict = field(default_factory=dict)

    @property
    def verified(self) -> bool:
        checked = [s.verdict for s in self.stages if s.verdict is not None]
        return bool(checked) and all(v.ok for v in checked)

    @property
    def sizes(self) -> list[int]:
        return sorted({n for s in self.stages if s.verdict for n in s.verdict.sizes})

    def stage(self, rule: str, case: str | None = None) -> Stage:
        for s in self.stages:
            if s.rule == rule and (case is None or s.case == case):
                return s
        raise KeyError(rule)

    def document(self, lang: str = "en"):
        return self.narrate(self, lang)

    def data(self) -> dict:
        from ..render.json import SCHEMA

        checked = [s.verdict for s in self.stages if s.verdict is not None]
        return {
            "schema": SCHEMA,
            "kind": self.kind,
            "input": self.input,
            "expression": json_string(self.expression),
            "wrt": [json_string(v) for v in self.wrt],
            **{key: _plain(value) for key, value in self.extra.items()},
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
                "comparisons": sum(v.comparisons for v in checked),
            },
            "steps": [s.data() for s in self.stages],
        }

    def render(self, format: str = "text", lang: str = "en", **options) -> str:
        from ..render import render_output

        return render_output(self, format, lang, **options)
