"""Documents for indexed derivations (softmax, cross-entropy, general Jacobians), in any language
of :mod:`derive.narrate.phrases`.

The ordinary rule steps are narrated by :class:`derive.narrate.narrator.Narrator`; this module
adds the framing, the ``Cases`` block of the i = j / i ≠ j split, the loss route and a note with
each stage's numeric check.  A general Jacobian's stages are narrated by kind
(:data:`_JACOBIAN_STAGES`); to narrate a new stage kind, add a function there (or a part of
:func:`narrate_softmax`) and its phrases in both catalogues.
"""

from __future__ import annotations

from sympy import Eq, Integer, KroneckerDelta, Symbol, Sum

from ..notation import distinct
from ..notation.indexed import i, j, m, n
from .document import (Block, Case, Cases, Document, Equation, Formula, Heading, Math, Note,
                       NoteKind, Paragraph, Result)
from .narrator import Narrator, narrate_derivation, reading_notes
from .phrases import say

MATRIX = Formula("J = diag(σ) − σσᵀ", r"J = \operatorname{diag}(\sigma) - \sigma \sigma^{\top}")
Z_VECTOR = Formula("z = (z_1, …, z_n)", r"z = (z_1, \dots, z_n)")


def _forms(stage) -> tuple:
    """The stage's left side and forms, a form that repeats the one before it left out."""
    return tuple(distinct((stage.lhs, *stage.chain), key=None))


def sizes_text(sizes) -> str:
    return ", ".join(str(s) for s in sizes)


def check_note(lang: str, stage, depth: int = 0) -> Note:
    v = stage.verdict
    if v is None:
        return Note(say(lang, "indexed.unchecked", detail="display only"), NoteKind.CHECK, depth)
    if v.status == "numeric":
        return Note(say(lang, "indexed.checked", sizes=sizes_text(v.sizes), count=v.points),
                    NoteKind.CHECK, depth)
    key = "indexed.check_failed" if v.status == "failed" else "indexed.unchecked"
    return Note(say(lang, key, detail=v.detail), NoteKind.WARNING, depth)


def verdict(lang: str, result) -> tuple:
    checked = [s.verdict for s in result.stages if s.verdict is not None]
    failed = sum(1 for v in checked if not v.ok)
    if failed:
        return say(lang, "indexed.verdict.failed", count=failed)
    return say(lang, "indexed.verdict", count=len(checked), sizes=sizes_text(result.sizes))


def cases(lang: str, equal, different) -> Cases:
    """The split into i = j and i ≠ j, each case's working, then both in one formula."""
    return Cases(different.lhs, (Case(say(lang, "indexed.case.equal"), _forms(equal)),
                                 Case(say(lang, "indexed.case.different"), _forms(different))))


def narrate_softmax(result, lang: str) -> Document:
    """A :class:`~derive.indexed.softmax.SoftmaxResult`."""
    stage = result.stage
    z_i = result.wrt[0]
    blocks: list = [Paragraph(say(lang, "indexed.definition", z=Z_VECTOR)),
                    Equation((result.output, result.expression)),
                    Paragraph(say(lang, "indexed.indices", var=Math(z_i), j=Math(j))),
                    Paragraph(say(lang, "indexed.delta", delta=Math(KroneckerDelta(i, j))))]
    # the quotient rule, narrated by the ordinary narrator
    quotient = stage("quotient")
    blocks.append(Heading(say(lang, "indexed.derivative.title"), level=2))
    blocks.extend(Narrator(lang).steps(quotient.step))
    blocks.append(check_note(lang, quotient))
    # the two cases
    blocks.append(Heading(say(lang, "indexed.cases.title"), level=2))
    blocks.append(Paragraph(say(lang, "indexed.cases.intro")))
    blocks.append(Paragraph(say(lang, "indexed.definition.names",
                                expr=Math(result.expression.xreplace({j: m})),
                                name=Math(result.output.xreplace({j: m})))))
    equal, different = stage("case", "i = j"), stage("case", "i ≠ j")
    blocks += [cases(lang, equal, different), check_note(lang, equal),
               check_note(lang, different)]
    combined = stage("combine")
    blocks.append(Equation((combined.lhs, *combined.chain), label=say(lang, "indexed.combined")))
    blocks.append(check_note(lang, combined))
    blocks.append(Paragraph(say(lang, "indexed.matrix", formula=MATRIX)))
    final = (combined.lhs, combined.result)
    if result.loss == "cross-entropy":
        blocks.extend(loss_blocks(lang, result))
        final = (stage("assumption").lhs, stage("assumption").result)
    if result.n:
        blocks.extend(_concrete_blocks(lang, result))
    blocks.append(Result(final, verdict(lang, result), result.verified))
    title_key = "indexed.title.cross_entropy" if result.loss else "indexed.title.softmax"
    return Document(title=say(lang, title_key, lhs=Math(final[0])), blocks=tuple(blocks),
                    lang=lang)


def loss_blocks(lang: str, result) -> list:
    stage = result.stage
    y = result.targets
    out: list = [Heading(say(lang, "indexed.loss.title"), level=2),
                 Paragraph(say(lang, "indexed.loss.definition")),
                 Equation((Symbol("L"), result.loss_expression)),
                 Paragraph(say(lang, "indexed.loss.outer"))]
    outer = stage("loss_outer")
    out.extend(Narrator(lang).steps(outer.step, 1))
    out.append(check_note(lang, outer))
    chain = stage("loss_chain")
    out += [Paragraph(say(lang, "indexed.loss.chain")), Equation((chain.lhs, *chain.chain)),
            check_note(lang, chain)]
    split = stage("split")
    out += [Paragraph(say(lang, "indexed.loss.split")), Equation((split.lhs, split.chain[0])),
            Paragraph(say(lang, "indexed.loss.simplify")), Equation((split.lhs, split.chain[1])),
            check_note(lang, split)]
    identity, collect = stage("identity"), stage("collect")
    out += [Paragraph(say(lang, "indexed.loss.identity",
                          identity=Math(Eq(identity.lhs, identity.result, evaluate=False)))),
            check_note(lang, identity), Paragraph(say(lang, "indexed.loss.collect")),
            Equation((collect.lhs, collect.result)), check_note(lang, collect)]
    assume = stage("assumption")
    out += [Note(say(lang, "indexed.loss.assumption",
                     identity=Math(Eq(Sum(y[j], (j, 1, n)), Integer(1), evaluate=False))),
                 NoteKind.ASSUMPTION),
            Equation((assume.lhs, assume.result)), check_note(lang, assume),
            Paragraph(say(lang, "indexed.loss.general", expr=Math(collect.result)))]
    return out


def _concrete_blocks(lang: str, result) -> list:
    size = result.n
    out: list = [Heading(say(lang, "indexed.concrete.title", n=size), level=2)]
    for rule, key in (("concrete_softmax", "indexed.concrete.softmax"),
                      ("concrete_jacobian", "indexed.concrete.jacobian"),
                      ("concrete_gradient", "indexed.concrete.gradient")):
        if result.has(rule):
            s = result.stage(rule)
            out += [Paragraph(say(lang, key, n=size)), Equation((s.lhs, *s.chain)),
                    check_note(lang, s)]
    return out


# --- a general indexed Jacobian: each stage by its kind -------------------------------------

def _derivative_stage(lang: str, result, stage) -> list[Block]:
    return [Heading(say(lang, "indexed.derivative.title"), level=2),
            *Narrator(lang).steps(stage.step), check_note(lang, stage)]


def _recognise_stage(lang: str, result, stage) -> list[Block]:
    names = [Paragraph(say(lang, "indexed.definition.names", expr=Math(quantity), name=Math(name)))
             for quantity, name in result.names]
    return [*names, Paragraph(say(lang, "indexed.recognised")),
            Equation((stage.lhs, *stage.chain)), check_note(lang, stage)]


def _case_stage(lang: str, result, stage) -> list[Block]:
    """Both cases at the first of them (i = j); the second adds nothing of its own."""
    if stage.case != "i = j":
        return []
    other = result.stage("case", "i ≠ j")
    return [Heading(say(lang, "indexed.cases.title"), level=2),
            Paragraph(say(lang, "indexed.delta", delta=Math(KroneckerDelta(*result.pair)))),
            cases(lang, stage, other), check_note(lang, stage), check_note(lang, other)]


def _sum_one_stage(lang: str, result, stage) -> list[Block]:
    y_sum = result.sum_one
    return [Note(say(lang, "indexed.sum_one.note", y=Math(y_sum.function.base),
                     identity=Math(Eq(y_sum, Integer(1), evaluate=False)),
                     expr=Math(stage.result)), NoteKind.ASSUMPTION),
            Equation((stage.lhs, *stage.chain)), check_note(lang, stage)]


_JACOBIAN_STAGES = {"derivative": _derivative_stage, "recognise": _recognise_stage,
                    "case": _case_stage, "sum_one": _sum_one_stage}


def narrate_jacobian(result, lang: str) -> Document:
    """An :class:`~derive.indexed.jacobian.IndexedJacobian`: rules, cases when δ_ij appears,
    the names."""
    blocks: list = [Paragraph(say(lang, "indexed.input", expr=Math(result.expression))),
                    *reading_notes(lang, result.readings)]
    for stage in result.stages:
        blocks.extend(_JACOBIAN_STAGES[stage.rule.value](lang, result, stage))
    if not result.has("case") and result.pair:
        blocks.append(Paragraph(say(lang, "indexed.no_cases")))
    final = result.stages[-1] if result.stages[-1].rule != "case" else result.stage("recognise")
    blocks.append(Result((final.lhs, final.result), verdict(lang, result), result.verified))
    key = "indexed.title.jacobian" if result.pair else "indexed.title.gradient"
    return Document(title=say(lang, key, expr=Math(result.expression), var=Math(result.wrt[0])),
                    blocks=tuple(blocks), lang=lang)


def narrate_plain_jacobian(result, lang: str) -> Document:
    """A :class:`~derive.indexed.jacobian.PlainJacobian`: one ordinary derivation per variable."""
    blocks: list = [*reading_notes(lang, result.readings)]
    for d in result.derivations:
        blocks.append(Heading(say(lang, "indexed.plain.title", var=Math(d.wrt[0])), level=2))
        blocks.extend(narrate_derivation(d, lang).blocks)
    title = say(lang, "indexed.title.gradient", expr=Math(result.expression),
                var=", ".join(str(d.wrt[0]) for d in result.derivations))
    return Document(title=title, blocks=tuple(blocks), lang=lang)
