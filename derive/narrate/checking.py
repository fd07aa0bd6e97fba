"""A :class:`~derive.checking.result.CheckResult` as a Document, in any language.

The document says whether the answer is right; if it is, how it equals the derivative (the
chain ``answer = rewritten = derivative`` and the rewriting used); if not, where the two differ,
the most likely slip with the step where it happened, and the correct derivation (narrated by
:meth:`derive.narrate.Narrator.steps`).  Phrases are the ``checking.*`` and ``mistake.*`` keys of
the catalogues.  No mathematics here beyond bounded tidying of the predicted answer for display.
"""

from __future__ import annotations

import mpmath
from sympy import Derivative, Expr

from ..tidy import tidy
from .document import Block, Document, Equation, Heading, Math, Note, NoteKind, Paragraph, Parts
from .narrator import Narrator, join, reading_notes

DIGITS = 8


def _point_parts(point) -> Parts:
    parts: list = []
    for i, (symbol, value) in enumerate(point):
        if i:
            parts.append(", ")
        parts.extend((Math(symbol), " = ", value if isinstance(value, str) else Math(value)))
    return tuple(parts)


def number_text(value) -> str:
    """A number as the check shows it (8 significant digits)."""
    return mpmath.nstr(value, DIGITS)


def mistake_parts(narrator: Narrator, slip) -> Parts:
    """The slip in words: ``the inner derivative 2·x was left out of the chain rule at sin(x²)``."""
    slots = {k: (Math(v) if isinstance(v, Expr) else v) for k, v in slip.slots.items()}
    return narrator.say(f"mistake.{slip.mistake}", node=Math(slip.node), **slots)


def narrate_check(result, lang: str) -> Document:
    """A :class:`~derive.checking.result.CheckResult`: the verdict, why, and the derivation."""
    narrator = Narrator(lang, result.derivation.verification)
    steps = result.derivation.steps
    blocks: list = [*reading_notes(lang, result.derivation.readings),
                    Paragraph(narrator.say("checking.answer", answer=Math(result.answer))),
                    *reading_notes(lang, result.answer_readings)]
    if result.at:
        blocks.append(Paragraph(narrator.say("checking.at", point=_point_parts(result.at))))
    if result.equivalence.equal is True:
        blocks += [*_why_right(narrator, result), narrator.result(steps)]
    else:
        blocks += [*_why_wrong(narrator, result), *_slip(narrator, result),
                   Heading(narrator.say("checking.reference.title"), level=2),
                   *narrator.steps(steps), narrator.result(steps)]
    derivative = narrator.title(steps, result.derivation.held_constant)
    return Document(title=narrator.say("checking.title", derivative=derivative),
                    blocks=tuple(blocks), lang=lang)


def _why_right(narrator: Narrator, result) -> list[Block]:
    """The answer is the derivative: the rewriting that shows it, or the points that agree."""
    say, equivalence, derivation = narrator.say, result.equivalence, result.derivation
    if equivalence.method != "symbolic":
        return [Paragraph(say("checking.correct")),
                Equation((result.answer, result.reference), label=say("checking.how.numeric")),
                Note(say("checking.method.numeric", n=equivalence.points), kind=NoteKind.WARNING)]
    chain = equivalence.chain
    if len(chain) == 1:   # the very same expression: answer and derivative, one equation
        lhs = Derivative(derivation.expression, *derivation.wrt)
        chain = (lhs.subs(dict(result.at)) if result.at else lhs, result.answer)
    rewriting = say(f"checking.rewrite.{equivalence.rewriting}")
    return [Paragraph(say("checking.correct")),
            Equation(chain, label=say("checking.how", rewriting=rewriting)),
            Note(say("checking.method.symbolic"))]


def _why_wrong(narrator: Narrator, result) -> list[Block]:
    """The answer is not the derivative (with a point where they differ), or it is undecided."""
    say, equivalence = narrator.say, result.equivalence
    if equivalence.equal is not False:
        return [Paragraph(say("checking.undecided"))]
    blocks: list[Block] = [Paragraph(say("checking.wrong"))]
    witness = equivalence.witness
    if witness is not None:
        point = tuple((s, number_text(v)) for s, v in witness.point)
        values = dict(value=number_text(witness.answer), expected=number_text(witness.reference))
        if point:
            blocks.append(Paragraph(say("checking.witness", point=_point_parts(point), **values)))
        else:
            blocks.append(Paragraph(say("checking.witness.value", **values)))
    return blocks


def _slip(narrator: Narrator, result) -> list[Block]:
    """The slip that explains the answer, where it happened, and what else would; or that none
    of the slips tried does."""
    say, diagnosis = narrator.say, result.diagnosis
    if diagnosis is None:
        if result.equivalence.equal is not False:
            return []
        key = "checking.slip.none" if result.search.complete else "checking.slip.partial"
        return [Paragraph(say(key, n=result.search.tried))]
    slip = diagnosis.slip
    lhs = Derivative(slip.step.expr, slip.step.var)
    blocks: list[Block] = [
        Heading(say("checking.slip.title"), level=2),
        Paragraph(say("checking.slip.found", message=mistake_parts(narrator, slip))),
        Equation((lhs, slip.step.result), depth=1, label=say("checking.slip.correct")),
        Equation((lhs, slip.slipped), depth=1, label=say("checking.slip.slipped")),
        *(Note(say("checking.slip.where", u=Math(u), inner=Math(inner)), depth=1)
          for u, inner in slip.where),
        Paragraph(say("checking.slip.whole", predicted=Math(tidy(slip.predicted))))]
    if diagnosis.alternatives:
        others = join([mistake_parts(narrator, other) for other in diagnosis.alternatives], "; ")
        blocks.append(Note(say("checking.slip.also", others=others)))
    return blocks
