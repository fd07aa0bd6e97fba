"""A :class:`~derive.checking.result.CheckResult` as a Document (any language) and as JSON.

The document says whether the answer is right; if it is, how it equals the derivative (the
chain ``answer = rewritten = derivative`` and the rewriting used); if not, where the two differ,
the most likely slip with the step where it happened, and the correct derivation (narrated by
:meth:`derive.narrate.Narrator.steps`).  Phrases are the ``checking.*`` and ``mistake.*`` keys of
the catalogues.  No mathematics here beyond bounded tidying of the predicted answer for display.
"""

from __future__ import annotations

import mpmath
from sympy import Derivative, Expr

from ..narrate import Narrator
from ..narrate.document import Document, Equation, Heading, Math, Note, Paragraph, Parts
from ..narrate.phrases import LANGUAGES
from ..render.json import (expression_string, header, latex_string, step_data,
                           verification_data)
from ..steps import RepeatedStep, rule_key
from ..tidy import tidy
from .diagnose import Slip

DIGITS = 8


def _point_parts(point) -> Parts:
    parts: list = []
    for i, (symbol, value) in enumerate(point):
        if i:
            parts.append(", ")
        parts.extend((Math(symbol), " = ", value if isinstance(value, str) else Math(value)))
    return tuple(parts)


def _number(value) -> str:
    return mpmath.nstr(value, DIGITS)


def mistake_parts(narrator: Narrator, slip: Slip) -> Parts:
    slots = {k: (Math(v) if isinstance(v, Expr) else v) for k, v in slip.slots.items()}
    return narrator.say(f"mistake.{slip.mistake}", node=Math(slip.node), **slots)


def check_document(result, lang: str) -> Document:
    narrator = Narrator(lang, result.derivation.verification)
    say = narrator.say
    derivation = result.derivation
    blocks: list = [Paragraph(say("checking.answer", answer=Math(result.answer)))]
    if result.at:
        blocks.append(Paragraph(say("checking.at", point=_point_parts(result.at))))
    equivalence = result.equivalence
    if equivalence.equal is True:
        blocks.append(Paragraph(say("checking.correct")))
        if equivalence.method == "symbolic":
            rewriting = say(f"checking.rewrite.{equivalence.rewriting}")
            chain = equivalence.chain
            if len(chain) == 1:   # the very same expression: answer and derivative, one equation
                lhs = Derivative(derivation.expression, *derivation.wrt)
                chain = (lhs.subs(dict(result.at)) if result.at else lhs, result.answer)
            blocks.append(Equation(chain, label=say("checking.how", rewriting=rewriting)))
            blocks.append(Note(say("checking.method.symbolic")))
        else:
            blocks.append(Equation((result.answer, result.reference),
                                   label=say("checking.how.numeric")))
            blocks.append(Note(say("checking.method.numeric", n=equivalence.points), kind="warning"))
        blocks.append(narrator.result(derivation.steps))
        return _document(narrator, result, blocks)
    if equivalence.equal is False:
        blocks.append(Paragraph(say("checking.wrong")))
        witness = equivalence.witness
        if witness is not None:
            point = tuple((s, _number(v)) for s, v in witness.point)
            values = dict(value=_number(witness.answer), expected=_number(witness.reference))
            if point:
                blocks.append(Paragraph(say("checking.witness", point=_point_parts(point),
                                            **values)))
            else:
                blocks.append(Paragraph(say("checking.witness.value", **values)))
    else:
        blocks.append(Paragraph(say("checking.undecided")))
    diagnosis = result.diagnosis
    if diagnosis is not None:
        slip = diagnosis.slip
        blocks.append(Heading(say("checking.slip.title"), level=2))
        blocks.append(Paragraph(say("checking.slip.found", message=mistake_parts(narrator, slip))))
        lhs = Derivative(slip.step.expr, slip.step.var)
        blocks.append(Equation((lhs, slip.step.result), depth=1, label=say("checking.slip.correct")))
        blocks.append(Equation((lhs, slip.slipped), depth=1, label=say("checking.slip.slipped")))
        for u, inner in slip.where:
            blocks.append(Note(say("checking.slip.where", u=Math(u), inner=Math(inner)), depth=1))
        blocks.append(Paragraph(say("checking.slip.whole", predicted=Math(tidy(slip.predicted)))))
        if diagnosis.alternatives:
            others = []
            for i, other in enumerate(diagnosis.alternatives):
                if i:
                    others.append("; ")
                others.extend(mistake_parts(narrator, other))
            blocks.append(Note(say("checking.slip.also", others=tuple(others))))
    elif equivalence.equal is False:
        key = "checking.slip.none" if result.search.complete else "checking.slip.partial"
        blocks.append(Paragraph(say(key, n=result.search.tried)))
    blocks.append(Heading(say("checking.reference.title"), level=2))
    blocks.extend(narrator.steps(derivation.steps))
    blocks.append(narrator.result(derivation.steps))
    return _document(narrator, result, blocks)


def _document(narrator: Narrator, result, blocks: list) -> Document:
    derivation = result.derivation
    title = narrator.say("checking.title",
                         derivative=narrator.title(derivation.steps, derivation.held_constant))
    return Document(title=title, blocks=tuple(blocks), lang=narrator.lang)


def _plain(parts: Parts) -> str:
    from ..render.text import TextRenderer

    return TextRenderer().parts(parts)


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
        "message": {lang: _plain(mistake_parts(Narrator(lang), slip)) for lang in LANGUAGES},
    }


def check_data(result) -> dict:
    derivation = result.derivation
    equivalence = result.equivalence
    diagnosis = None
    if result.diagnosis is not None:
        diagnosis = _slip_data(result.diagnosis.slip)
        diagnosis["latex"] = latex_string(result.diagnosis.slip.node)
        diagnosis["alternatives"] = [_slip_data(s) for s in result.diagnosis.alternatives]
    witness = None
    if equivalence.witness is not None:
        w = equivalence.witness
        witness = {"point": {str(s): _number(v) for s, v in w.point},
                   "answer": _number(w.answer), "derivative": _number(w.reference)}
    steps = derivation.steps
    return {
        **header("check", derivation.input, derivation.expression,
               [str(v) for v in derivation.wrt]),
        "order": len(steps.variables) if isinstance(steps, RepeatedStep) else 1,
        "at": {str(s): expression_string(v) for s, v in result.at} or None,
        "answer_input": result.answer_input,
        "answer": expression_string(result.answer),
        "correct": result.correct,
        "method": equivalence.method,
        "rewriting": equivalence.rewriting,
        "equivalence_chain": [expression_string(e) for e in equivalence.chain],
        "points": equivalence.points,
        "witness": witness,
        "diagnosis": diagnosis,
        "slips_tried": result.search.tried,
        "search_complete": result.search.complete,
        "result": expression_string(result.reference),
        "latex": {"expression": latex_string(derivation.expression),
                  "answer": latex_string(result.answer),
                  "result": latex_string(result.reference)},
        "verified": derivation.verified,
        "verification": verification_data(derivation.verification),
        "steps": step_data(steps, derivation.verification),
    }
