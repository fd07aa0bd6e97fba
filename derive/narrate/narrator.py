"""Step tree → Document: what a teacher would say at each step, in the chosen language.

The narrator walks the tree top-down.  A leaf rule becomes one :class:`RuleStep` with its
equation; a combining rule (sum, product, quotient, chain, …) introduces its parts, narrates each
child one level deeper, then shows how the pieces combine (``d/dx f = raw = tidied``).

To narrate a new rule: give it ``rule.<key>`` and ``says.<key>`` phrases in every catalogue and,
if ``says.<key>`` has slots beyond ``expr``/``var``/``formula``, fill them in :meth:`_slots`; a
combining rule also needs ``combine.<key>`` and a label for its children in :meth:`_child_labels`.
"""

from __future__ import annotations

from sympy import Basic, Derivative, Symbol, exp
from sympy.printing.conventions import requires_partial

from ..notation import derivative_of
from ..steps import (AbsStep, ChainStep, ConstantMultipleStep, ExponentialStep, FunctionStep,
                     LogBaseStep, LogDiffStep, PowerStep, ProductStep,
                     QuotientStep, RepeatedStep, ReluStep, Step, SumStep, UnknownStep, rule_key)
from ..verify import Verification
from .abbreviate import RESULT_DEPTH, abbreviate
from .document import (Block, Document, Equation, Formula, Math, Note, Paragraph, Parts, Result, RuleStep,
                       Tree, TreeNode, Heading)
from .formulas import FORMULAS
from .phrases import say

TREE_DEPTH = 8


def _needs_partial(expr: Basic, var: Symbol) -> bool:
    """Whether derivatives of ``expr`` with respect to ``var`` are partial derivatives."""
    return requires_partial(Derivative(expr, var))


def _nested_partials(variables) -> Formula:
    """∂/∂y(∂f/∂x) for the variables (x, y): the innermost derivative is taken first."""
    text, latex = f"∂f/∂{variables[0]}", rf"\frac{{\partial f}}{{\partial {variables[0]}}}"
    for v in variables[1:]:
        text, latex = f"∂/∂{v}({text})", rf"\frac{{\partial}}{{\partial {v}}}\left({latex}\right)"
    return Formula(text, latex)


def join(parts: list[Parts], separator: str = ", ") -> Parts:
    out: list = []
    for i, p in enumerate(parts):
        if i:
            out.append(separator)
        out.extend(p)
    return tuple(out)


class Narrator:
    """Narrates one verified Step tree in one language."""

    def __init__(self, lang: str, verification: Verification | None = None) -> None:
        self.lang = lang
        self.verification = verification
        # variables whose derivatives are partial in the derivation being narrated: every
        # step of ∂f/∂x is written with ∂ (∂/∂x y² = 0), not only those sympy would write so
        self._partial: frozenset = frozenset()

    def say(self, key: str, **slots) -> Parts:
        return say(self.lang, key, **slots)

    # --- the whole document -----------------------------------------------------------------

    def document(self, step: Step, *, source: str | None = None, readings=(),
                 held: tuple[Symbol, ...] = ()) -> Document:
        blocks: list[Block] = []
        if source is not None:
            blocks.append(Paragraph(self.say("read_as", expr=Math(step.expr))))
        for reading in readings:
            blocks.append(Note(self.say("reading", detail=reading.detail), kind="reading"))
        if held:
            blocks.append(Note(self.say("partial.held", var=Math(step.var),
                                        held=join([(Math(s),) for s in held]))))
        if step.children():
            blocks.append(Tree(self.say("tree.title"), self.decomposition(step, TREE_DEPTH)))
        blocks.append(Heading(self.say("steps.title"), level=2))
        blocks.extend(self.steps(step))
        blocks.append(self.result(step))
        return Document(title=self.title(step, held), blocks=tuple(blocks), lang=self.lang)

    def title(self, step: Step, held: tuple[Symbol, ...]) -> Parts:
        if isinstance(step, RepeatedStep):
            order = join([(Math(v),) for v in step.variables])
            return self.say("title.repeated", expr=Math(step.expr), order=order)
        key = "title.partial" if held else "title.derivative"
        return self.say(key, expr=Math(step.expr), var=Math(step.var))

    def result(self, step: Step) -> Result:
        chain = (self._lhs(step), abbreviate(step.result, RESULT_DEPTH))
        verified = None if self.verification is None else self.verification.verified
        return Result(chain=chain, verdict=self.verdict(), verified=verified)

    def verdict(self) -> Parts:
        v = self.verification
        if v is None:
            return ()
        counts = v.counts
        checks = join([self.say(f"check.{status}", n=n) for status, n in counts.items()])
        if v.oracle.status == "skipped":
            checks = join([checks, self.say("check.skipped")], "; ")
        failed = counts.get("failed", 0) + (v.oracle.status == "failed")
        if failed:
            return self.say("verdict.failed", count=failed)
        if not v.verified:
            return self.say("verdict.unchecked", count=counts.get("unchecked", 0), checks=checks)
        return self.say("verdict.verified", checks=checks)

    # --- the decomposition tree -------------------------------------------------------------

    def decomposition(self, step: Step, depth: int) -> TreeNode:
        colon = self.say("label.colon")
        label = (self.say(f"rule.{rule_key(step)}") + colon + (Math(abbreviate(step.expr)),))
        if depth <= 1:
            return TreeNode(label, (TreeNode(("…",)),) if step.children() else ())
        if isinstance(step, ChainStep):
            outer = TreeNode(self.say("tree.outer") + colon + (Math(step.outer),))
            inner = self.decomposition(step.inner_step, depth - 1)
            inner = TreeNode(self.say("tree.inner") + colon + (Math(step.u), " = ")
                             + (Math(abbreviate(step.inner)),), inner.children)
            return TreeNode(label, (outer, inner))
        children = tuple(self.decomposition(c, depth - 1) for c in step.children()
                         if c.children() or isinstance(step, (ProductStep, QuotientStep)))
        return TreeNode(label, children)

    # --- the steps ------------------------------------------------------------------------

    def steps(self, step: Step, depth: int = 0, label: Parts = ()) -> list[Block]:
        """The blocks of the derivation ``step`` (its root decides which derivatives are ∂)."""
        variables = step.variables if isinstance(step, RepeatedStep) else (step.var,)
        saved = self._partial
        self._partial = frozenset(v for v in variables if _needs_partial(step.expr, v))
        try:
            return self._steps(step, depth, label)
        finally:
            self._partial = saved

    def _steps(self, step: Step, depth: int = 0, label: Parts = ()) -> list[Block]:
        title = (label + (" — ",) if label else ()) + self.say(f"rule.{rule_key(step)}")
        blocks: list[Block] = []
        if isinstance(step, RepeatedStep):
            blocks.append(RuleStep(title, self.say("says.repeated", count=len(step.variables)),
                                   depth))
            if len(set(step.variables)) > 1:
                blocks.append(Note(self.say("order.mixed", first=Math(step.variables[0]),
                                            then=join([(Math(v),) for v in step.variables[1:]]),
                                            notation=_nested_partials(step.variables)),
                                   "assumption", depth))
            for n, (var, child) in enumerate(zip(step.variables, step.derivatives), start=1):
                blocks.append(Heading(self.say("order.step", n=n, var=Math(var)), level=3))
                blocks.extend(self._steps(child, depth))
            return blocks
        children = step.children()
        equation = () if children else self._chain(step)
        blocks.append(RuleStep(title, self._says(step), depth, equation))
        blocks.extend(self._notes(step, depth))
        if children:
            for child_label, child in zip(self._child_labels(step), children):
                blocks.extend(self._steps(child, depth + 1, child_label))
            blocks.append(Equation(self._chain(step), depth, self._combine(step)))
        return blocks

    def _lhs(self, step: Step) -> Basic:
        if isinstance(step, RepeatedStep):
            return Derivative(step.expr, *step.variables)
        return derivative_of(step.expr, step.var)

    def _chain(self, step: Step) -> tuple[Basic, ...]:
        lhs = derivative_of(abbreviate(step.expr), step.var, step.var in self._partial)
        middle = (abbreviate(step.raw),) if step.raw is not None else ()
        return (lhs, *middle, abbreviate(step.result))

    def _says(self, step: Step) -> Parts:
        slots = dict(expr=Math(abbreviate(step.expr)), var=Math(step.var))
        key = rule_key(step)
        if key in FORMULAS:
            slots["formula"] = FORMULAS[key]
        slots.update(self._slots(step))
        return self.say(f"says.{key}", **slots)

    def _slots(self, step: Step) -> dict:
        if isinstance(step, PowerStep):
            return {"n": Math(step.exponent)}
        if isinstance(step, (ExponentialStep, LogBaseStep)):
            return {"base": Math(step.base)}
        if isinstance(step, FunctionStep):
            return {"name": step.function}
        if isinstance(step, UnknownStep):
            return {"name": step.name}
        if isinstance(step, SumStep):
            return {"n": len(step.terms)}
        if isinstance(step, ProductStep):
            return {"n": len(step.factors)}
        if isinstance(step, ConstantMultipleStep):
            return {"c": Math(step.constant), "f": Math(abbreviate(step.factor))}
        if isinstance(step, QuotientStep):
            return {"f": Math(abbreviate(step.numerator)), "g": Math(abbreviate(step.denominator))}
        if isinstance(step, ChainStep):
            return {"outer": Math(step.outer), "u": Math(step.u),
                    "inner": Math(abbreviate(step.inner))}
        if isinstance(step, LogDiffStep):
            return {"exp_form": Math(exp(step.log_form, evaluate=False)),
                    "log_form": Math(step.log_form)}
        return {}

    def _child_labels(self, step: Step) -> list[Parts]:
        n = len(step.children())
        if isinstance(step, ChainStep):
            return [self.say("part.outer"), self.say("part.inner")]
        if isinstance(step, QuotientStep):
            return [self.say("part.numerator"), self.say("part.denominator")]
        if isinstance(step, LogDiffStep):
            return [self.say("part.log")]
        if isinstance(step, SumStep):
            return [self.say("part.term", i=i) for i in range(1, n + 1)]
        if isinstance(step, ProductStep):
            return [self.say("part.factor", i=i) for i in range(1, n + 1)]
        return [()] * n

    def _combine(self, step: Step) -> Parts:
        if isinstance(step, ChainStep):
            return self.say("combine.chain", u=Math(step.u), inner=Math(abbreviate(step.inner)))
        if isinstance(step, LogDiffStep):
            return self.say("combine.log_diff", expr=Math(abbreviate(step.expr)))
        return self.say(f"combine.{step.rule}")

    def _notes(self, step: Step, depth: int) -> list[Block]:
        notes: list[Block] = []
        if isinstance(step, AbsStep):
            notes.append(Note(self.say("note.abs", x=Math(step.var)), "assumption", depth))
        elif isinstance(step, ReluStep):
            notes.append(Note(self.say("note.relu"), "assumption", depth))
        elif isinstance(step, UnknownStep):
            notes.append(Note(self.say(f"note.unknown.{step.reason}", name=step.name),
                              "fallback", depth))
        if self.verification is not None:
            verdict = self.verification.of(step)
            if verdict.status == "failed":
                notes.append(Note(self.say("verdict.step_failed", detail=verdict.detail),
                                  "warning", depth))
        return notes


def narrate(step: Step, lang: str = "en", verification: Verification | None = None, *,
            source: str | None = None, readings=(), held: tuple[Symbol, ...] = ()) -> Document:
    """The Document for one derivation."""
    return Narrator(lang, verification).document(step, source=source, readings=readings,
                                                 held=held)
