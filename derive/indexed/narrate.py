"""Documents for indexed derivations (softmax, cross-entropy, general Jacobians), in any language
of :mod:`derive.narrate.phrases`.

The ordinary rule steps are narrated by :class:`derive.narrate.narrator.Narrator`; this module
adds the framing, the ``Cases`` block of the i = j / i ≠ j split, the loss route and a note with
each stage's numeric check.  To narrate a new stage ``rule``, add a branch in the ``_body``
function of its topic and phrases in both catalogues.
"""

from __future__ import annotations

from sympy import Eq, Integer, KroneckerDelta, Symbol, Sum

from ..narrate.document import (Case, Cases, Document, Equation, Formula, Heading, Math, Note,
                                Paragraph, Result)
from ..narrate.narrator import Narrator
from ..narrate.phrases import say
from ..notation.indexed import i, j, m, n
from .stages import IndexedResult, Stage

MATRIX = Formula("J = diag(σ) − σσᵀ", r"J = \operatorname{diag}(\sigma) - \sigma \sigma^{\top}")
Z_VECTOR = Formula("z = (z_1, …, z_n)", r"z = (z_1, \dots, z_n)")


def distinct(chain) -> tuple:
    """The chain without a form that repeats the one before it."""
    out: list = []
    for form in chain:
        if not out or form != out[-1]:
            out.append(form)
    return tuple(out)


def sizes_text(sizes) -> str:
    return ", ".join(str(s) for s in sizes)


def check_note(lang: str, stage: Stage, depth: int = 0) -> Note:
    v = stage.verdict
    if v is None:
        return Note(say(lang, "indexed.unchecked", detail="display only"), "check", depth)
    if v.status == "numeric":
        return Note(say(lang, "indexed.checked", sizes=sizes_text(v.sizes), count=v.comparisons),
                    "check", depth)
    key = "indexed.check_failed" if v.status == "failed" else "indexed.unchecked"
    return Note(say(lang, key, detail=v.detail), "warning", depth)


def verdict(lang: str, result: IndexedResult) -> tuple:
    checked = [s.verdict for s in result.stages if s.verdict is not None]
    failed = sum(1 for v in checked if not v.ok)
    if failed:
        return say(lang, "indexed.verdict.failed", count=failed)
    return say(lang, "indexed.verdict", count=len(checked), sizes=sizes_text(result.sizes))


def narrate_softmax(result: IndexedResult, lang: str) -> Document:
    from .softmax import LOSS, SOFTMAX, sigma, z

    def stage(rule, case=None):
        return result.stage(rule, case)

    loss = result.extra.get("loss")
    blocks: list = [Paragraph(say(lang, "indexed.definition", z=Z_VECTOR)),
                    Equation((sigma[j], SOFTMAX)),
                    Paragraph(say(lang, "indexed.indices", var=Math(z[i]), j=Math(j))),
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
                                expr=Math(SOFTMAX.xreplace({j: m})), name=Math(sigma[m]))))
    equal, different = stage("case", "i = j"), stage("case", "i ≠ j")
    blocks.append(Cases(quotient.lhs, (
        Case(say(lang, "indexed.case.equal"), distinct((equal.lhs, *equal.chain))),
        Case(say(lang, "indexed.case.different"), distinct((different.lhs, *different.chain))))))
    blocks.append(check_note(lang, equal))
    blocks.append(check_note(lang, different))
    combined = stage("combine")
    blocks.append(Equation((combined.lhs, *combined.chain), label=say(lang, "indexed.combined")))
    blocks.append(check_note(lang, combined))
    blocks.append(Paragraph(say(lang, "indexed.matrix", formula=MATRIX)))
    final = (combined.lhs, combined.result)
    if loss == "cross-entropy":
        blocks.extend(_loss_blocks(lang, result, LOSS))
        final = (stage("assumption").lhs, stage("assumption").result)
    if result.extra.get("n"):
        blocks.extend(_concrete_blocks(lang, result))
    blocks.append(Result(final, verdict(lang, result), result.verified))
    title_key = "indexed.title.cross_entropy" if loss else "indexed.title.softmax"
    return Document(title=say(lang, title_key, lhs=Math(final[0])), blocks=tuple(blocks),
                    lang=lang)


def _loss_blocks(lang: str, result: IndexedResult, loss) -> list:
    from .softmax import y

    stage = result.stage
    out: list = [Heading(say(lang, "indexed.loss.title"), level=2),
                 Paragraph(say(lang, "indexed.loss.definition")),
                 Equation((Symbol("L"), loss)),
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
                 "assumption"),
            Equation((assume.lhs, assume.result)), check_note(lang, assume),
            Paragraph(say(lang, "indexed.loss.general", expr=Math(collect.result)))]
    return out


def _concrete_blocks(lang: str, result: IndexedResult) -> list:
    size = result.extra["n"]
    out: list = [Heading(say(lang, "indexed.concrete.title", n=size), level=2)]
    for rule, key in (("concrete_softmax", "indexed.concrete.softmax"),
                      ("concrete_jacobian", "indexed.concrete.jacobian"),
                      ("concrete_gradient", "indexed.concrete.gradient")):
        try:
            s = result.stage(rule)
        except KeyError:
            continue
        out += [Paragraph(say(lang, key, n=size)), Equation((s.lhs, *s.chain)), check_note(lang, s)]
    return out


def narrate_jacobian(result: IndexedResult, lang: str) -> Document:
    """A general indexed Jacobian (or gradient): rules, cases when δ_ij appears, the names."""
    blocks: list = [Paragraph(say(lang, "indexed.input", expr=Math(result.expression)))]
    var = result.wrt[0]
    for stage in result.stages:
        if stage.rule == "derivative":
            blocks.append(Heading(say(lang, "indexed.derivative.title"), level=2))
            blocks.extend(Narrator(lang).steps(stage.step))
            blocks.append(check_note(lang, stage))
        elif stage.rule == "recognise":
            for d in result.extra.get("names", ()):
                blocks.append(Paragraph(say(lang, "indexed.definition.names",
                                            expr=Math(d[0]), name=Math(d[1]))))
            blocks += [Paragraph(say(lang, "indexed.recognised")),
                       Equation((stage.lhs, *stage.chain)), check_note(lang, stage)]
        elif stage.rule == "case" and stage.case == "i = j":
            other = next(s for s in result.stages if s.rule == "case" and s.case == "i ≠ j")
            blocks += [Heading(say(lang, "indexed.cases.title"), level=2),
                       Paragraph(say(lang, "indexed.delta", delta=Math(KroneckerDelta(*result.extra["pair"])))),
                       Cases(other.lhs, (
                           Case(say(lang, "indexed.case.equal"), distinct((stage.lhs, *stage.chain))),
                           Case(say(lang, "indexed.case.different"), distinct((other.lhs, *other.chain))))),
                       check_note(lang, stage), check_note(lang, other)]
        elif stage.rule == "sum_one":
            y_sum = result.extra["sum_one"]
            blocks += [Note(say(lang, "indexed.sum_one.note", y=Math(y_sum.function.base),
                                identity=Math(Eq(y_sum, Integer(1), evaluate=False)),
                                expr=Math(stage.result)), "assumption"),
                       Equation((stage.lhs, *stage.chain)), check_note(lang, stage)]
    if not any(s.rule == "case" for s in result.stages) and result.extra.get("pair"):
        blocks.append(Paragraph(say(lang, "indexed.no_cases")))
    final = result.stages[-1] if result.stages[-1].rule != "case" else \
        next(s for s in result.stages if s.rule == "recognise")
    blocks.append(Result((final.lhs, final.result), verdict(lang, result), result.verified))
    key = "indexed.title.jacobian" if result.extra.get("pair") else "indexed.title.gradient"
    return Document(title=say(lang, key, expr=Math(result.expression), var=Math(var)),
                    blocks=tuple(blocks), lang=lang)
