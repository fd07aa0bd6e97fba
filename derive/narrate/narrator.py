"""Step tree → Document: what a teacher would say at each step, in the chosen language.

The narrator walks the tree top-down.  A leaf rule becomes one :class:`RuleStep` with its
equation; a combining rule (sum, product, quotient, chain, …) introduces its parts, narrates each
child one level deeper, then shows how the pieces combine (``d/dx f = raw = tidied``).

What is particular to a rule is said by methods named after its Step class, found along the
class's MRO as the renderers find ``_render_<Block>``; the methods for :class:`Step` itself are
the defaults.  To narrate a new rule: give it ``rule.<key>`` and ``says.<key>`` phrases in every
catalogue (and its general formula in :mod:`.formulas`, if it has one).  If ``says.<key>`` has
slots beyond ``expr``/``var``/``formula``, add ``_slots_<Class>``; a combining rule also needs
``combine.<key>`` (or ``_combine_<Class>``) and labels for its children (``_labels_<Class>``).
``_notes_<Class>`` adds notes under the step, ``_tree_<Class>`` its node in the decomposition
tree, ``_steps_<Class>`` replaces the whole narration of the step.
"""

from __future__ import annotations

from typing import Sequence

from sympy import Basic, Derivative, Symbol, exp, log
from sympy.printing.conventions import requires_partial

from ..notation import Shown, derivative_of, distinct, named
from ..steps import (ChainStep, CombiningStep, RepeatedStep, SimplifyFirstStep, Step,
                     UnknownStep, rule_key)
from ..verify import Verdict, Verification
from .abbreviate import RESULT_DEPTH, abbreviate
from .detail import current_detail, is_known
from .labels import CLAUSES, DASH, LIST
from .document import (Block, Document, Equation, Formula, Heading, Math, Note, NoteKind,
                       Paragraph, Parts, Result, RuleStep, Tree, TreeNode, Typed)
from .formulas import FORMULAS
from .labels import labelled
from .phrases import say

TREE_DEPTH = 8
#: rules whose phrase at ``standard`` detail is a shorter one, ``says.<key>.short``
SHORT = ("chain",)
#: the empty left side of an equation that continues the one before it (``  = …``)
CONTINUED = named("", "")

#: (narrator class, hook, Step class) → the name of the method that answers it (found once)
_HOOKS: dict[tuple[type, str, type], str] = {}


def _needs_partial(expr: Basic, var: Symbol) -> bool:
    """Whether derivatives of ``expr`` with respect to ``var`` are partial derivatives."""
    return requires_partial(Derivative(expr, var))


def _nested_partials(variables) -> Formula:
    """∂/∂y(∂f/∂x) for the variables (x, y): the innermost derivative is taken first."""
    text, latex = f"∂f/∂{variables[0]}", rf"\frac{{\partial f}}{{\partial {variables[0]}}}"
    for v in variables[1:]:
        text, latex = f"∂/∂{v}({text})", rf"\frac{{\partial}}{{\partial {v}}}\left({latex}\right)"
    return Formula(text, latex)


def _reorders(formula: Basic, value: Basic) -> bool:
    """Whether ``value`` is the sum or product ``formula`` shows, only in another order."""
    if not isinstance(formula, Shown) or value.func is not formula.combine:
        return False
    pieces = [p for arg in formula.args for p in formula.combine.make_args(arg)]
    return len(pieces) == len(value.args) and set(pieces) == set(value.args)


def join(parts: list[Parts], separator: str = LIST) -> Parts:
    """``parts`` one after another, ``separator`` between them (:data:`LIST` and
    :data:`CLAUSES` become the separators of the document's language)."""
    out: list = []
    for i, p in enumerate(parts):
        if i:
            out.append(separator)
        out.extend(p)
    return tuple(out)


def listed(items) -> Parts:
    """Expressions as a list: ``x, y, z``."""
    return join([(Math(item),) for item in items])


# --- the framing every derivation and every topic shares ---------------------------------------

def how_read(lang: str, expr: Basic, readings=()) -> list[Block]:
    """How the input was understood: ``The input is read as …``, then :func:`reading_notes`."""
    return [Paragraph(say(lang, "read_as", expr=Math(expr))), *reading_notes(lang, readings)]


def reading_notes(lang: str, readings) -> list[Block]:
    """A note for each piece of ambiguous notation and how it was read (``xy`` as x·y)."""
    return [Note(_reading(lang, reading), NoteKind.READING) for reading in readings]


#: readings recorded without an arrow, each said by its own phrase ``reading.<kind>``
READING_SENTENCES = ("definition", "euler_number", "natural_log", "undefined_function")


def _reading(lang: str, reading) -> str:
    """``xy -> x*y`` (the parser's record) as a sentence: "xy is read as x·y"; a record without
    an arrow (``e``) by the phrase of its kind: "e is Euler's number e ≈ 2.718"."""
    detail = reading.detail
    written, arrow, read = detail.partition(" -> ")
    if not arrow:
        key = f"reading.{reading.kind}" if reading.kind in READING_SENTENCES else "reading"
        return say(lang, key, detail=detail)
    if written.endswith("(") and read.endswith("("):    # x( -> x*( : x(…) is read as x·(…)
        written, read = written + "…)", read + "…)"
    return say(lang, "reading_as", written=Typed(written),
               read=Typed(read.replace("**", "^").replace("*", "·")))


def holds_where(lang: str, jumps) -> Parts:
    """Where a result with piecewise-constant functions holds (:mod:`derive.jumps`):
    ``, where x ≠ 1 (almost everywhere)``; nothing without them."""
    if not jumps:
        return ()
    conditions = [say(lang, "jump.zero", lhs=Math(j.sides[0]), rhs=Math(j.sides[1]))
                  if j.kind == "zero" else say(lang, "jump.integers", arg=Math(j.argument))
                  for j in dict.fromkeys(jumps)]
    return say(lang, "verdict.where", where=join(conditions))


def held_note(lang: str, var: Symbol, held, depth: int = 0) -> list[Block]:
    """For a partial derivative: only ``var`` varies, the ``held`` symbols are constants."""
    if not held:
        return []
    return [Note(say(lang, "partial.held", var=Math(var), held=listed(held)), depth=depth)]


class Narrator:
    """Narrates one verified Step tree in one language."""

    def __init__(self, lang: str, verification: Verification | None = None,
                 detail: str | None = None, dependent: frozenset[str] = frozenset()) -> None:
        self.lang = lang
        self.dependent = dependent       # names of functions of the variable (y = y(x))
        self.verification = verification
        self.detail = detail or current_detail()
        self._stated: set[str] = set()   # rules whose general formula has been stated
        # variables whose derivatives are partial in the derivation being narrated: every
        # step of ∂f/∂x is written with ∂ (∂/∂x y² = 0), not only those sympy would write so
        self._partial: frozenset = frozenset()

    def say(self, key: str, **slots) -> Parts:
        return say(self.lang, key, **slots)

    def _key(self, step: Step) -> str:
        """The phrase key of ``step``; y(x) by x, y one of :attr:`dependent` (implicit
        differentiation), is ``function_of_variable``, not a rule derive lacks."""
        if (isinstance(step, UnknownStep) and step.expr.args == (step.var,)
                and getattr(step.expr.func, "__name__", None) in self.dependent):
            return "function_of_variable"
        return rule_key(step)

    # --- the whole document -----------------------------------------------------------------

    def document(self, step: Step, *, source: str | None = None, readings=(),
                 held: tuple[Symbol, ...] = ()) -> Document:
        # the title shows the expression as read: below full detail it is not said again
        full = self.detail == "full"
        blocks: list[Block] = (how_read(self.lang, step.expr, readings)
                               if source is not None and full
                               else reading_notes(self.lang, readings))
        blocks += held_note(self.lang, step.var, held)
        tree = bool(step.children()) and self._shows_tree(step)
        if tree:
            blocks.append(Tree(self.say("tree.title"), self.decomposition(step, TREE_DEPTH)))
        if full or tree:       # a heading between the structure and the steps
            blocks.append(Heading(self.say("steps.title"), level=2))
        blocks.extend(self.steps(step))
        blocks.append(self.result(step))
        return Document(title=self.title(step, held), blocks=tuple(blocks), lang=self.lang)

    def _shows_tree(self, step: Step) -> bool:
        """``full``: always; ``standard``: when a composite part sits inside another; ``brief``:
        never."""
        if self.detail != "standard":
            return self.detail == "full"
        while isinstance(step, SimplifyFirstStep):     # the structure of what is differentiated
            step = step.simplified_step
        return any(not is_known(child) and child.children() for child in step.children()
                   if not isinstance(child, RepeatedStep))

    def title(self, step: Step, held: tuple[Symbol, ...]) -> Parts:
        if isinstance(step, RepeatedStep):
            return self.say("title.repeated", expr=Math(step.expr), order=listed(step.variables))
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
        where = holds_where(self.lang, v.jumps)
        if self.detail != "full":       # how many steps were checked, and how, in full only
            return self.say("verdict.brief") + where
        return self.say("verdict.verified", checks=checks) + where

    # --- what is particular to a rule, found by its class ----------------------------------

    def _hook(self, name: str, step: Step):
        """The method ``_<name>_<Class>`` of the step's class or of its nearest base class."""
        key = (type(self), name, type(step))
        attribute = _HOOKS.get(key)
        if attribute is None:
            attribute = next((f"_{name}_{cls.__name__}" for cls in type(step).__mro__
                              if hasattr(self, f"_{name}_{cls.__name__}")), None)
            if attribute is None:
                raise TypeError(f"{type(step).__name__} is not a Step")
            _HOOKS[key] = attribute
        return getattr(self, attribute)

    # --- the decomposition tree -------------------------------------------------------------

    def decomposition(self, step: Step, depth: int) -> TreeNode:
        colon = self.say("label.colon")
        label = (self.say(f"rule.{self._key(step)}") + colon + (Math(abbreviate(step.expr)),))
        if depth <= 1:
            return TreeNode(label, (TreeNode(("…",)),) if step.children() else ())
        return TreeNode(label, self._hook("tree", step)(step, depth - 1))

    def _tree_Step(self, step: Step, depth: int) -> tuple[TreeNode, ...]:
        """The parts that are themselves combinations (a leaf under a sum says nothing new)."""
        return tuple(self.decomposition(c, depth) for c in step.children() if c.children())

    def _tree_ProductStep(self, step, depth: int) -> tuple[TreeNode, ...]:
        """Every factor, leaves included: the product rule needs each one."""
        return tuple(self.decomposition(c, depth) for c in step.children())

    _tree_QuotientStep = _tree_ProductStep

    def _tree_SimplifyFirstStep(self, step, depth: int) -> tuple[TreeNode, ...]:
        """The structure of the simplified function, under the function as written."""
        return (self.decomposition(step.simplified_step, depth),)

    def _tree_ChainStep(self, step, depth: int) -> tuple[TreeNode, ...]:
        colon = self.say("label.colon")
        outer = TreeNode(self.say("tree.outer") + colon + (Math(step.outer),))
        inner = self.decomposition(step.inner_step, depth)
        inner = TreeNode(self.say("tree.inner") + colon + (Math(step.u), " = ")
                         + (Math(abbreviate(step.inner)),), inner.children)
        return (outer, inner)

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
        title = (label + (DASH,) if label else ()) + self.say(f"rule.{self._key(step)}")
        return self._hook("steps", step)(step, depth, title)

    def _steps_Step(self, step: Step, depth: int, title: Parts) -> list[Block]:
        if self.detail == "brief":
            return self._brief(step, depth)
        if self.detail == "standard":
            return self._standard(step, depth, title)
        children = step.children()
        equation = () if children else self._chain(step)
        blocks: list[Block] = [RuleStep(title, self._says(step), depth, equation)]
        blocks.extend(self._hook("notes", step)(step, depth))
        blocks.extend(self._verdict_note(step, depth))
        if children:
            for child_label, child in zip(self._hook("labels", step)(step), children):
                blocks.extend(self._steps(child, depth + 1, child_label))
            blocks.append(Equation(self._chain(step), depth, self._hook("combine", step)(step)))
        blocks.extend(self._algebra(step, depth))
        return blocks

    def _algebra(self, step: Step, depth: int) -> list[Block]:
        """Each named rewrite from the formula's value to the result, a step of its own:
        ``Take out the common factor:  = 2(x² + 1)²(…)``."""
        rewrites = getattr(step, "algebra", ())
        verdicts = [self.verification.of(r) if self.verification is not None else None
                    for r in rewrites]
        return self.algebra(rewrites, verdicts, depth)

    def algebra(self, rewrites: Sequence[Step], verdicts: Sequence[Verdict | None],
                depth: int = 0) -> list[Block]:
        """The blocks of named rewrites (``rewrite`` and ``result`` of each), with a warning
        where its verdict failed: also for a topic's own algebra."""
        blocks: list[Block] = []
        for rewrite, verdict in zip(rewrites, verdicts):
            title = self.say(f"algebra.{rewrite.rewrite}")
            if self.detail == "brief":
                blocks.append(RuleStep(title, (Math(abbreviate(rewrite.result)),), depth))
            else:
                blocks.append(Equation((CONTINUED, abbreviate(rewrite.result)), depth,
                                       title + self.say("label.colon")))
            blocks.extend(self._failed_note(verdict, depth))
        return blocks

    def _standard(self, step: Step, depth: int, title: Parts) -> list[Block]:
        """A derivative the learner knows is written inline: only the parts that are themselves
        composite get a block; the rule's formula is stated at its first use."""
        children = step.children()
        shown = [(label, child) for label, child in zip(self._hook("labels", step)(step), children)
                 if not is_known(child)]
        equation = () if shown else self._chain(step)
        blocks: list[Block] = [RuleStep(title, self._says(step), depth, equation)]
        blocks.extend(self._hook("notes", step)(step, depth))
        blocks.extend(self._verdict_note(step, depth))
        if shown:
            for child_label, child in shown:
                blocks.extend(self._steps(child, depth + 1, child_label))
            blocks.append(Equation(self._chain(step), depth, self._hook("combine", step)(step)))
        blocks.extend(self._algebra(step, depth))
        return blocks

    def _brief(self, step: Step, depth: int) -> list[Block]:
        """One line per rule application, the inner ones first, each sub-derivative given
        directly in the formula that uses it (without recursion: trees can be deep)."""
        order: list[Step] = []
        stack = [step]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(c for c in node.children() if c.children() and not is_known(c))
        rewritten = {id(node): self._hook("rewritten", node)(node) for node in order}
        blocks: list[Block] = []
        for node in order:               # a rewrite made before differentiating comes first
            if rewritten[id(node)] is not None:
                title, forms = rewritten[id(node)]
                blocks.append(RuleStep(title, join([(Math(f),) for f in forms], " = "), depth))
        for node in reversed(order):
            if rewritten[id(node)] is not None and not node.rewrites() \
                    and node.result == node.children()[0].result:
                continue                 # its derivative is its part's, just written above
            line = join([(Math(form),) for form in self._chain(node)], " = ")
            blocks.append(RuleStep(self.say(f"rule.{self._key(node)}"), line, depth))
            blocks.extend(self._hook("notes", node)(node, depth))
            blocks.extend(self._verdict_note(node, depth))
            blocks.extend(self._algebra(node, depth))
        return blocks

    # in brief, the rewrite a step makes before differentiating: (title, forms) or None

    def _rewritten_Step(self, step: Step) -> tuple[Parts, tuple[Basic, ...]] | None:
        return None

    def _rewritten_LogLawsStep(self, step) -> tuple[Parts, tuple[Basic, ...]]:
        """``ln(x² sin x/(2x+1)) = 2 ln x + ln sin x − ln(2x+1)``, before the terms' lines."""
        return self.say("rule.log_laws"), (abbreviate(step.expr), abbreviate(step.expanded))

    def _rewritten_ByItsLogarithm(self, step) -> tuple[Parts, tuple[Basic, ...]]:
        """``ln(x^x) = x·ln x``: the logarithm taken, before it is differentiated."""
        return (self.say("rule.take_logs"),
                (log(abbreviate(step.expr), evaluate=False), abbreviate(step.log_form)))

    def _steps_SimplifyFirstStep(self, step, depth: int, title: Parts) -> list[Block]:
        """The function rewritten first, each rewrite named (``e^{2 ln x} = x²``, by
        ``e^{ln a} = a``; in ``brief`` one line), then the derivation of the simplified function
        at the same depth: it is the rest of the same derivation."""
        blocks: list[Block]
        if self.detail == "brief":
            forms = join([(Math(abbreviate(f)),)
                          for f in (step.expr, *(r.result for r in step.simplification))], " = ")
            reasons = join([self.say(f"algebra.{r.rewrite}") for r in step.simplification],
                           CLAUSES)
            blocks = [RuleStep(title + (DASH,) + reasons, forms, depth)]
        else:
            blocks = [RuleStep(title, self._says(step), depth)]
            for n, rewrite in enumerate(step.simplification):
                lhs = abbreviate(step.expr) if n == 0 else CONTINUED
                blocks.append(Equation((lhs, abbreviate(rewrite.result)), depth,
                                       self.say(f"algebra.{rewrite.rewrite}")
                                       + self.say("label.colon")))
        blocks.extend(self._verdict_note(step, depth))
        for rewrite in step.simplification:
            blocks.extend(self._verdict_note(rewrite, depth))
        blocks.extend(self._steps(step.simplified_step, depth))
        return blocks

    def _steps_RepeatedStep(self, step, depth: int, title: Parts) -> list[Block]:
        """d²/dx² or ∂²/∂y∂x: one derivation after another, each under its own heading."""
        blocks: list[Block] = [RuleStep(title, self.say("says.repeated",
                                                        count=len(step.variables)), depth)]
        if len(set(step.variables)) > 1:
            blocks.append(Note(self.say("order.mixed", first=Math(step.variables[0]),
                                        then=listed(step.variables[1:]),
                                        notation=_nested_partials(step.variables)),
                               NoteKind.ASSUMPTION, depth))
        for n, (var, child) in enumerate(zip(step.variables, step.derivatives), start=1):
            blocks.append(Heading(self.say("order.step", n=n, var=Math(var)), level=3))
            blocks.extend(self._steps(child, depth))
        return blocks

    def _lhs(self, step: Step) -> Basic:
        if isinstance(step, RepeatedStep):
            return Derivative(step.expr, *step.variables)
        return derivative_of(step.expr, step.var)

    def _chain(self, step: Step) -> tuple[Basic, ...]:
        """``d/dx f = `` the formula stated (below ``brief``, the chain rule's outer derivative
        at the inner function times the inner derivative still to take; in ``full`` also the
        product and quotient rules'), filled in, and its value where it is more than the filled
        formula reordered; the named algebra follows."""
        partial = step.var in self._partial
        lhs = derivative_of(abbreviate(step.expr), step.var, partial)
        forms = [lhs]
        if isinstance(step, CombiningStep) and (self.detail == "full" or (
                self.detail == "standard" and isinstance(step, ChainStep))):
            stated = step.stated(partial)
            if stated is not None:
                forms.append(abbreviate(stated))
        value = step.value if isinstance(step, CombiningStep) else step.result
        if step.raw is not None:
            forms.append(abbreviate(step.raw))
            if _reorders(step.raw, value):       # the value only reorders the filled formula
                return tuple(distinct(forms))
        return tuple(distinct([*forms, abbreviate(value)]))

    def _says(self, step: Step) -> Parts:
        slots = dict(expr=Math(abbreviate(step.expr)), var=Math(step.var))
        key = self._key(step)
        if self.detail == "standard" and key in self._stated and step.children():
            return ()           # the rule's formula was stated at its first use
        self._stated.add(key)
        if key in FORMULAS:
            slots["formula"] = FORMULAS[key]
        slots.update(self._hook("slots", step)(step))
        short = self.detail == "standard" and key in SHORT
        return self.say(f"says.{key}.short" if short else f"says.{key}", **slots)

    # the slots of says.<key> beyond expr, var and formula

    def _slots_Step(self, step: Step) -> dict:
        return {}

    def _slots_PowerStep(self, step) -> dict:
        return {"n": Math(step.exponent)}

    def _slots_ExponentialStep(self, step) -> dict:
        return {"base": Math(step.base)}

    _slots_LogBaseStep = _slots_ExponentialStep

    def _slots_FunctionStep(self, step) -> dict:
        return {"name": step.function}

    def _slots_UnknownStep(self, step) -> dict:
        return {"name": step.name, "derivative": Math(Derivative(step.expr, step.var))}

    def _slots_SumStep(self, step) -> dict:
        return {"n": len(step.terms)}

    def _slots_ProductStep(self, step) -> dict:
        return {"n": len(step.factors)}

    def _slots_ConstantMultipleStep(self, step) -> dict:
        return {"c": Math(step.constant), "f": Math(abbreviate(step.factor))}

    def _slots_QuotientStep(self, step) -> dict:
        return {"f": Math(abbreviate(step.numerator)), "g": Math(abbreviate(step.denominator))}

    def _slots_ChainStep(self, step) -> dict:
        return {"outer": Math(step.outer), "u": Math(step.u), "inner": Math(abbreviate(step.inner))}

    def _slots_SimplifyFirstStep(self, step) -> dict:
        return {"simplified": Math(abbreviate(step.simplified))}

    def _slots_LogLawsStep(self, step) -> dict:
        return {"expanded": Math(step.expanded)}

    def _slots_LogProductStep(self, step) -> dict:
        return {"log_form": Math(step.log_form), "expr": Math(abbreviate(step.expr))}

    def _slots_LogDiffStep(self, step) -> dict:
        return {"exp_form": Math(exp(step.log_form, evaluate=False)),
                "log_form": Math(step.log_form)}

    # the label before each child's narration

    def _labels_Step(self, step: Step) -> list[Parts]:
        return [()] * len(step.children())

    def _labels_ChainStep(self, step) -> list[Parts]:
        return [self.say("part.outer"), self.say("part.inner")]

    def _labels_QuotientStep(self, step) -> list[Parts]:
        return [self.say("part.numerator"), self.say("part.denominator")]

    def _labels_LogDiffStep(self, step) -> list[Parts]:
        return [self.say("part.log")]

    def _labels_SumStep(self, step) -> list[Parts]:
        return [self.say("part.term", i=i) for i in range(1, len(step.terms) + 1)]

    def _labels_ProductStep(self, step) -> list[Parts]:
        return [self.say("part.factor", i=i) for i in range(1, len(step.factors) + 1)]

    # the label of the equation that combines the children's results

    def _combine_Step(self, step: Step) -> Parts:
        return self.say(f"combine.{step.rule}")

    def _combine_ChainStep(self, step) -> Parts:
        return self.say("combine.chain", u=Math(step.u), inner=Math(abbreviate(step.inner)))

    def _combine_LogProductStep(self, step) -> Parts:
        return self.say("combine.log_product", expr=Math(abbreviate(step.expr)))

    def _combine_LogDiffStep(self, step) -> Parts:
        return self.say("combine.log_diff", expr=Math(abbreviate(step.expr)))

    # notes under a step: what the rule assumes, or why it was not explained

    def _notes_Step(self, step: Step, depth: int) -> list[Block]:
        return []

    def _notes_LogLawsStep(self, step, depth: int) -> list[Block]:
        """The route not taken, one line away."""
        if self.detail == "brief":
            return []
        return [Note(self.say("note.log_laws", expr=Math(step.expr)), NoteKind.ASSUMPTION, depth)]

    def _notes_LogProductStep(self, step, depth: int) -> list[Block]:
        if self.detail == "brief":
            return []
        return [Note(self.say("note.log_product"), NoteKind.ASSUMPTION, depth)]

    def _notes_AbsStep(self, step, depth: int) -> list[Block]:
        return [Note(self.say("note.abs", x=Math(step.var)), NoteKind.ASSUMPTION, depth)]

    def _notes_FunctionStep(self, step, depth: int) -> list[Block]:
        """A piecewise-constant function: where its derivative 0 holds (and, for H, δ)."""
        if step.family not in ("step", "floor"):
            return []
        notes = [Note(self.say(f"note.{step.family}", name=step.function, x=Math(step.var)),
                      NoteKind.ASSUMPTION, depth)]
        if step.function == "Heaviside":
            notes.append(Note(self.say("note.dirac", x=Math(step.var)), NoteKind.ASSUMPTION, depth))
        return notes

    def _notes_ReluStep(self, step, depth: int) -> list[Block]:
        return [Note(self.say("note.relu"), NoteKind.ASSUMPTION, depth)]

    def _notes_UnknownStep(self, step, depth: int) -> list[Block]:
        if self._key(step) == "function_of_variable":
            return []           # y = y(x): its derivative is dy/dx, nothing was left unexplained
        return [Note(self.say(f"note.unknown.{step.reason}", name=step.name), NoteKind.FALLBACK,
                     depth)]

    def _verdict_note(self, step: Step, depth: int) -> list[Block]:
        if self.verification is None:
            return []
        return self._failed_note(self.verification.of(step), depth)

    def _failed_note(self, verdict: Verdict | None, depth: int) -> list[Block]:
        if verdict is not None and verdict.status == "failed":
            return [Note(self.say("verdict.step_failed", detail=verdict.detail),
                         NoteKind.WARNING, depth)]
        return []


def narrate(step: Step, lang: str = "en", verification: Verification | None = None, *,
            source: str | None = None, readings=(), held: tuple[Symbol, ...] = ()) -> Document:
    """The Document for one Step tree (labelled, ready for a renderer)."""
    return labelled(Narrator(lang, verification).document(step, source=source, readings=readings,
                                                          held=held))


def narrate_derivation(derivation, lang: str) -> Document:
    """A :class:`~derive.derivation.Derivation`: how the input was read, the decomposition, the
    steps and the verified result."""
    return Narrator(lang, derivation.verification).document(
        derivation.steps, source=derivation.input, readings=derivation.readings,
        held=derivation.held_constant)
