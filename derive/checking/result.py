"""``check(expression, answer)``: is the learner's derivative right, and if not, where it went wrong.

The reference derivation is traced and verified exactly as :func:`derive.explain` does; the
answer is compared with it (:mod:`.equivalence`); a wrong answer is explained by the single slip
that produces it, if one does (:mod:`.diagnose`).  :class:`CheckResult` is a result like every
other (:class:`derive.result.Explained`); its narration is :mod:`derive.narrate.checking`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from sympy import Basic, Expr, Symbol, nsimplify, sympify
from sympy.core.function import AppliedUndef

from ..deep import run_deep
from ..derivation import Derivation, derive_expression
from ..errors import UsageError
from ..inputs import choose_variables, read_expression, read_operand, read_variable
from ..narrate import LANGUAGES, Narrator
from ..narrate.checking import mistake_parts, number_text
from ..render.json import expression_string, header, latex_string, step_data, verification_data
from ..render.text import TextRenderer
from ..result import Explained, reading_data
from ..steps import RepeatedStep, rule_key
from ..tidy import tidy
from ..verify import Sampler
from .diagnose import Diagnosis, Search, Slip, diagnose
from .equivalence import Equivalence, compare


@dataclass(frozen=True)
class CheckResult(Explained):
    """The verdict on one answer, with the reference derivation it was checked against."""

    answer_input: str
    answer: Expr
    derivation: Derivation
    equivalence: Equivalence
    diagnosis: Diagnosis | None
    at: tuple[tuple[Symbol, Expr], ...] = ()
    search: Search = field(default_factory=Search)    # how many slips were tried
    answer_readings: tuple = ()                       # how the answer was read

    @property
    def correct(self) -> bool:
        return self.equivalence.equal is True

    @property
    def method(self) -> str:
        return self.equivalence.method

    @property
    def reference(self) -> Expr:
        """The derivative (its value at the point, when a point is given)."""
        result = self.derivation.result
        return result.xreplace(dict(self.at)) if self.at else result

    def _data(self) -> dict:
        derivation = self.derivation
        equivalence = self.equivalence
        diagnosis = None
        if self.diagnosis is not None:
            diagnosis = _slip_data(self.diagnosis.slip)
            diagnosis["latex"] = latex_string(self.diagnosis.slip.node)
            diagnosis["alternatives"] = [_slip_data(s) for s in self.diagnosis.alternatives]
        witness = None
        if equivalence.witness is not None:
            w = equivalence.witness
            witness = {"point": {str(s): number_text(v) for s, v in w.point},
                       "answer": number_text(w.answer), "derivative": number_text(w.reference)}
        steps = derivation.steps
        return {
            **header("check", derivation.input, derivation.expression,
                     [str(v) for v in derivation.wrt]),
            "order": len(steps.variables) if isinstance(steps, RepeatedStep) else 1,
            "at": {str(s): expression_string(v) for s, v in self.at} or None,
            "answer_input": self.answer_input,
            "answer": expression_string(self.answer),
            "readings": reading_data(derivation.readings),
            "answer_readings": reading_data(self.answer_readings),
            "correct": self.correct,
            "method": equivalence.method,
            "rewriting": equivalence.rewriting,
            "equivalence_chain": [expression_string(e) for e in equivalence.chain],
            "points": equivalence.points,
            "witness": witness,
            "diagnosis": diagnosis,
            "slips_tried": self.search.tried,
            "search_complete": self.search.complete,
            "result": expression_string(self.reference),
            "latex": {"expression": latex_string(derivation.expression),
                      "answer": latex_string(self.answer),
                      "result": latex_string(self.reference)},
            "verified": derivation.verified,
            "verification": verification_data(derivation.verification),
            "steps": step_data(steps, derivation.verification),
        }


def _slip_data(slip: Slip) -> dict:
    return {
        "mistake": slip.mistake,
        "rule": rule_key(slip.step),
        "node": expression_string(slip.node),
        "path": list(slip.path),
        "step": {
            "expr": expression_string(slip.step.expr),
            "var": str(slip.step.var),
            "correct": expression_string(slip.step.result),
            "slipped": expression_string(slip.slipped),
        },
        "predicted": expression_string(tidy(slip.predicted)),
        "method": slip.method,
        "message": {lang: TextRenderer().parts(mistake_parts(Narrator(lang), slip))
                    for lang in LANGUAGES},
    }


def _read_at(at, functions, latex) -> tuple[tuple[Symbol, Expr], ...]:
    if not at:
        return ()
    items = at.items() if isinstance(at, Mapping) else at
    point = []
    for name, value in items:
        symbol = read_variable(name)
        if not isinstance(value, Basic):
            if isinstance(value, (int, float)):
                value = nsimplify(value)
            else:
                value = read_expression(str(value), functions, latex)[1]
        if value.free_symbols:
            raise UsageError("value.not_number", var=symbol, got=value)
        point.append((symbol, value))
    return tuple(sorted(point, key=lambda kv: kv[0].name))


def check(expression: str | Basic, answer: str | Basic,
          wrt: str | Symbol | Sequence[str | Symbol] | None = None, order: int | None = None, *,
          at: Mapping | None = None, functions: Iterable[str] = (),
          latex: bool | None = None, allow_absent: bool = False) -> CheckResult:
    """Check ``answer`` against the derivative of ``expression``.

    ``answer`` is the learner's derivative (text in any syntax the parser reads, or a sympy
    expression); with ``at`` (e.g. ``{"t": 3}``) it is the derivative's value at that point.
    A wrong answer gets a :class:`Diagnosis` when one typical slip explains it.
    """
    return run_deep(_read_and_check, expression, answer, wrt, order, at, tuple(functions), latex,
                    allow_absent)


def _read_and_check(expression, answer, wrt, order, at, functions, latex, allow_absent
                    ) -> CheckResult:
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        answer = sympify(answer)   # a Python number, never text
    text, expr, readings, operator = read_operand(expression, functions, latex)
    answer_text, answer_expr, answer_readings = read_expression(answer, functions, latex)
    variables = choose_variables(expr, wrt, order, allow_absent, operator)
    point = _read_at(at, functions, latex)
    known = set(expr.free_symbols) | set(variables)
    stray = sorted((s for s in answer_expr.free_symbols if s not in known), key=lambda s: s.name)
    if stray:
        raise UsageError("check.answer_variables", names=tuple(s.name for s in stray))
    return _check(text, expr, variables, readings, answer_text, answer_expr, point,
                  answer_readings)


def _check(text, expr, variables, readings, answer_text, answer, point, answer_readings=()
           ) -> CheckResult:
    derivation = derive_expression(text, expr, variables, readings)
    substitute = (lambda e: e.xreplace(dict(point))) if point else (lambda e: e)
    answer_value = substitute(answer)
    reference = substitute(derivation.result)
    concrete = bool(expr.atoms(AppliedUndef) or answer.atoms(AppliedUndef))
    sampler = Sampler(answer_value.free_symbols | reference.free_symbols, concrete=concrete)
    sampler.restrict(substitute(expr))
    equivalence = compare(answer_value, reference, sampler)
    diagnosis, search = None, Search(complete=False)
    if equivalence.equal is False:
        search = Search()
        diagnosis = diagnose(derivation.steps, answer_value, sampler, substitute, search)
    return CheckResult(answer_input=answer_text, answer=answer, derivation=derivation,
                       equivalence=equivalence, diagnosis=diagnosis, at=point, search=search,
                       answer_readings=answer_readings)
