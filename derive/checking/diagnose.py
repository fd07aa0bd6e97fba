"""Which single slip turns the correct derivation into the learner's answer?

:func:`diagnose` walks the reference Step tree (pre-order, without recursion).  At every node it
tries every mistake of :data:`~derive.checking.mistakes.MISTAKES` that applies there, carries
the slipped node result up to the root with :func:`~derive.checking.recombine.propagate`, and
compares that final result with the answer (numerically at shared seeded points first, since
most candidates differ; a match is then confirmed symbolically when a cheap rewrite can).

The first match in walk order (outer nodes before inner ones) and in the order of
:data:`MISTAKES` is reported; other slips that give the same answer are kept as alternatives.

Nodes inside a chain rule's outer derivative are written in ``u``; :func:`_in_terms_of_x`
substitutes the inner functions back so the report names the node as the learner sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from sympy import Expr

from ..steps import ChainStep, Step
from ..verify import Sampler
from .equivalence import numeric_compare, symbolic_compare
from .mistakes import MISTAKES, slots
from .recombine import propagate

MAX_WORK = 5000   # rule applications spent carrying slips up to the root, at most


@dataclass(frozen=True)
class Slip:
    """One mistake at one node, and what it leads to."""

    mistake: str
    step: Step                 # the node of the reference tree
    node: Expr                 # the node's expression, in the original variable
    path: tuple[int, ...]      # child indices from the root
    correct: Expr              # the node's correct result (in the node's own variable)
    slipped: Expr              # the node's result with the slip (likewise)
    predicted: Expr            # the whole derivative with the slip
    slots: dict = field(default_factory=dict, compare=False)
    method: str = "numeric"    # how the match with the answer was established
    where: tuple = ()          # (u, inner in x) for the substitution names the node uses


@dataclass(frozen=True)
class Diagnosis:
    slip: Slip
    alternatives: tuple[Slip, ...] = ()


@dataclass
class Search:
    """How much of the tree was searched: every slip at every node, unless the budget ran out."""

    tried: int = 0
    complete: bool = True


def _substitutions(path: tuple[Step, ...]) -> list[tuple[Expr, Expr]]:
    """(u, inner) of every chain rule on ``path`` whose outer derivative the path enters."""
    return [(parent.u, parent.inner) for parent, child in zip(path, path[1:])
            if isinstance(parent, ChainStep) and child is parent.outer_step]


def _in_terms_of_x(path: tuple[Step, ...]) -> Callable[[Expr], Expr]:
    """A function that rewrites an expression at the end of ``path`` in the root's variables."""
    replacements = _substitutions(path)

    def rewrite(expr: Expr) -> Expr:
        for u, inner in reversed(replacements):
            expr = expr.xreplace({u: inner})
        return expr

    return rewrite


def _nodes(root: Step):
    """(path of steps, path of indices) for every node, pre-order, without recursion."""
    stack = [((root,), ())]
    while stack:
        steps, indices = stack.pop()
        yield steps, indices
        children = steps[-1].children()
        for i in reversed(range(len(children))):
            stack.append((steps + (children[i],), indices + (i,)))


def candidates(root: Step, transform: Callable[[Expr], Expr] = lambda e: e,
               search: Search | None = None):
    """Every (mistake, node) slip of the tree with the final result it leads to.

    Carrying a slip up costs one rule application per level; when :data:`MAX_WORK` is spent
    (very large or deep trees) the search stops and ``search.complete`` says so.
    """
    search = search if search is not None else Search()
    work = 0
    for steps, indices in _nodes(root):
        node = steps[-1]
        for mistake in MISTAKES:
            slipped = mistake.slip(node)
            if slipped is None or slipped == node.result:
                continue
            work += len(steps)
            if work > MAX_WORK:
                search.complete = False
                return
            search.tried += 1
            to_x = _in_terms_of_x(steps)
            predicted = transform(propagate(steps, slipped))
            extra = {k: to_x(v) if isinstance(v, Expr) else v
                     for k, v in slots(mistake.key, node, node.expr).items()}
            where = tuple((u, to_x(inner)) for u, inner in _substitutions(steps)
                          if u == node.var)
            yield Slip(mistake.key, node, to_x(node.expr), indices, node.result, slipped,
                       predicted, extra, where=where)


def diagnose(root: Step, answer: Expr, sampler: Sampler,
             transform: Callable[[Expr], Expr] = lambda e: e,
             search: Search | None = None) -> Diagnosis | None:
    """The slip that best explains ``answer``, or ``None`` when no single slip does.

    ``transform`` is applied to every predicted result before comparing (e.g. evaluation at a
    point, when the answer is a value); ``search`` records how much was tried.
    """
    matches: list[Slip] = []
    seen: set[tuple[str, Expr]] = set()
    for slip in candidates(root, transform, search):
        if (slip.mistake, slip.node) in seen:
            continue
        verdict = numeric_compare(answer, slip.predicted, sampler)
        if verdict.equal is False:
            continue
        proof = symbolic_compare(answer, slip.predicted)
        if proof is None and verdict.equal is None:
            continue
        method = "symbolic" if proof is not None else "numeric"
        seen.add((slip.mistake, slip.node))
        matches.append(replace(slip, method=method))
    if not matches:
        return None
    return Diagnosis(matches[0], tuple(matches[1:]))
