"""Narration of backpropagation: the computation, its graph, the forward pass, the backward pass
(each local derivative an ordinary derivation), the gradients and one gradient-descent step.

``narrate_backprop(result, lang)`` takes a :class:`~derive.topics.backprop.Backpropagation` as it
is (its attributes).  Numbers are shown with the significant digits of
:mod:`derive.topics.backprop.numbers`; the graph and the table of nodes are blocks every
renderer draws (:class:`Graph`, :class:`Table`).  Phrases are under ``backprop.`` in every
catalogue.  To narrate a new kind of layer, add a function for its section here and call it
from :func:`narrate_backprop`.
"""

from __future__ import annotations

from sympy import Symbol, Tuple, latex

from ..notation import Notation, derivative_notation, distinct, named, product, total
from ..notation.values import shown, value_of
from .abbreviate import abbreviate
from .document import (Block, Document, Equation, Formula, Graph, GraphEdge, GraphNode, Heading, Math,
                       Note, NoteKind, Paragraph, Result, Table)
from .labels import CLAUSES, LIST
from .narrator import Narrator, join, listed, reading_notes
from .phrases import say


def _d(top, bottom):
    return derivative_notation(top, bottom, partial=True)


ADJOINT = Formula("v̄ = ∂L/∂v", r"\bar{v} = \frac{\partial L}{\partial v}")
ADJOINT_RULE = Formula("v̄ = Σ_c c̄ · ∂c/∂v",
                       r"\bar{v} = \sum_{c} \bar{c} \cdot \frac{\partial c}{\partial v}")


def _bar(v) -> Notation:
    """The adjoint v̄ = ∂L/∂v (the bar over the name's first letter in text)."""
    name = str(v)
    return Notation(name[0] + "\u0304" + name[1:], rf"\overline{{{latex(v)}}}")


def _with_numbers(expr, values: dict):
    """``expr`` with every name shown as its value."""
    return expr.xreplace({s: value_of(s, values[s]) for s in expr.free_symbols if s in values})


def _assignments(lang, r) -> list[Block]:
    blocks: list[Block] = [Paragraph(say(lang, "backprop.program", loss=Math(r.loss)))]
    for a in r.program.assignments:
        blocks.extend(reading_notes(lang, a.readings))
    blocks.extend(Equation((a.name, a.expression)) for a in r.program.assignments)
    for t in r.scalar.stagings:
        blocks.append(Note(say(lang, "backprop.staged", used=Math(t.used), node=Math(t.node),
                               part=Math(t.part), name=Math(t.name)), NoteKind.READING))
    values = join([(Math(s), " = ", Math(shown(r.scalar.values[s])))
                   for s in r.scalar.inputs], CLAUSES)
    blocks.append(Paragraph(say(lang, "backprop.point", values=values, parameters=listed(r.wrt))))
    return blocks


def _graph(lang, r) -> Graph:
    s = r.scalar
    ids = {name: f"n{k}" for k, name in enumerate([*s.inputs, *(a.name for a in s.assignments)])}
    # a node one column right of the deepest node it uses; an input just left of its first user
    layer: dict[Symbol, int] = {name: 0 for name in s.inputs}
    for a in s.assignments:
        layer[a.name] = 1 + max((layer[u] for u in a.expression.free_symbols), default=-1)
    for name in s.inputs:
        users = [layer[a.name] for a in s.assignments if name in a.expression.free_symbols]
        layer[name] = min(users) - 1
    adjoint = {a.node: a.value for a in s.adjoints}
    nodes = tuple(GraphNode(ids[name], (Math(name), " = ", Math(shown(s.values[name]))),
                            (Math(_bar(name)), " = ", Math(shown(adjoint[name]))),
                            layer[name])
                  for name in ids)
    edges = []
    for a in s.adjoints:
        for u in a.uses:
            edges.append(GraphEdge(ids[u.node], ids[u.child],
                                   (Math(_d(u.child, u.node)), " = ", Math(shown(u.value)))))
    order = {name: k for k, name in enumerate(ids.values())}
    edges.sort(key=lambda e: (order[e.target], order[e.source]))
    return Graph((), nodes, tuple(edges), ids[r.loss],
                 say(lang, "backprop.again"))


def _forward(lang, r) -> list[Block]:
    s = r.scalar
    blocks: list[Block] = [Heading(say(lang, "backprop.forward_title"), level=2),
                           Paragraph(say(lang, "backprop.forward"))]
    for a in s.assignments:
        blocks.append(Equation(tuple(distinct((a.name, a.expression,
                                               _with_numbers(a.expression, s.values),
                                               shown(s.values[a.name]))))))
    return blocks


def _backward(lang, r) -> list[Block]:
    s, L = r.scalar, r.loss
    adjoint = {a.node: a for a in s.adjoints}
    blocks: list[Block] = [Heading(say(lang, "backprop.backward_title"), level=2),
                           Paragraph(say(lang, "backprop.backward", seed=Math(_bar(L)),
                                         rule=ADJOINT_RULE))]
    for a in s.adjoints[1:]:
        v = a.node
        blocks.append(Heading((Math(_bar(v)), " = ", Math(_d(L, v))), level=3))
        if len(a.uses) > 1:
            blocks.append(Paragraph(say(lang, "backprop.paths", node=Math(v), n=len(a.uses),
                                        users=listed([u.child for u in a.uses]))))
        for u in a.uses:
            blocks.append(Paragraph(say(lang, "backprop.local", d=Math(_d(u.child, v)),
                                        child=Math(u.child),
                                        expr=Math(abbreviate(u.derivation.expression)))))
            narrator = Narrator(lang, u.derivation.verification)
            blocks.extend(narrator.steps(u.derivation.steps, 1))
            if u.named != u.result:
                blocks.append(Equation((_d(u.child, v), abbreviate(u.result),
                                        abbreviate(u.named)), 1,
                                       say(lang, "backprop.named", child=Math(u.child))))
        formula = total(*(product(_bar(u.child), _d(u.child, v)) for u in a.uses))
        in_adjoints = total(*(product(_bar(u.child), abbreviate(u.named)) for u in a.uses))
        numbers = total(*(product(value_of(_bar(u.child), adjoint[u.child].value),
                                  value_of(_d(u.child, v), u.value)) for u in a.uses))
        chain = distinct((_bar(v), formula, in_adjoints, numbers, shown(a.value)))
        blocks.append(Equation(tuple(chain), label=say(lang, "backprop.adjoint", node=Math(v))))
    return blocks


def _table(lang, r) -> Table:
    s, L = r.scalar, r.loss
    adjoint = {a.node: a for a in s.adjoints}
    users: dict[Symbol, list] = {}
    for a in s.adjoints:
        for u in a.uses:
            users.setdefault(u.node, []).append(u)
    rows = []
    for name in [*s.inputs, *(a.name for a in s.assignments)]:
        local = join([(Math(_d(u.child, name)), " = ", Math(shown(u.value)))
                      for u in users.get(name, [])], LIST) or say(lang, "backprop.is_loss")
        rows.append(((Math(name),), (Math(shown(s.values[name])),), local,
                     (Math(shown(adjoint[name].value)),)))
    header = tuple(say(lang, f"backprop.column.{c}") for c in ("node", "value", "local", "adjoint"))
    return Table(header, tuple(rows), say(lang, "backprop.table"))


def _gradients(lang, r) -> list[Block]:
    L = r.loss
    blocks: list[Block] = [Heading(say(lang, "backprop.gradient_title"), level=2),
                           Paragraph(say(lang, "backprop.gradient"))]
    for g in r.scalar.gradients:
        chain = distinct((_d(L, g.parameter), _bar(g.parameter), abbreviate(g.in_names),
                          abbreviate(g.substituted), shown(g.value)))
        blocks.append(Equation(tuple(chain)))
    blocks.append(_table(lang, r))
    return blocks


def _descent(lang, r) -> list[Block]:
    if r.lr is None:
        return []
    eta = named("η", r"\eta")
    blocks: list[Block] = [Heading(say(lang, "backprop.descent_title"), level=2),
                           Paragraph(say(lang, "backprop.descent", eta=Math(eta),
                                         lr=Math(shown(r.lr))))]
    values = r.scalar.values
    for g in r.scalar.gradients:
        theta = g.parameter
        step = total(theta, -product(eta, _d(L := r.loss, theta)))
        numbers = total(value_of(theta, values[theta]),
                        -product(value_of(eta, r.lr), value_of(_d(L, theta), g.value)))
        blocks.append(Equation((named(f"{theta}′", f"{theta}'"), step, numbers,
                                shown(g.updated))))
    return blocks


def _verdict(lang, r):
    return say(lang, "backprop.verified" if r.verified else "backprop.not_verified")


def narrate_backprop(r, lang: str) -> Document:
    blocks: list[Block] = _assignments(lang, r)
    blocks.append(Heading(say(lang, "backprop.graph_title"), level=2))
    blocks.append(Paragraph(say(lang, "backprop.graph_reads", adjoint=ADJOINT)))
    blocks.append(_graph(lang, r))
    blocks.extend(_forward(lang, r))
    blocks.extend(_backward(lang, r))
    blocks.extend(_gradients(lang, r))
    blocks.extend(_descent(lang, r))
    values = Tuple(*(shown(g.value) for g in r.scalar.gradients))
    gradient = named(f"∇{r.loss}", rf"\nabla {latex(r.loss)}")
    blocks.append(Paragraph(say(lang, "backprop.result", nabla=Math(gradient),
                                parameters=listed(r.wrt))))
    blocks.append(Result((gradient, values), _verdict(lang, r), r.verified))
    return Document(say(lang, "backprop.title", loss=Math(r.loss)), tuple(blocks), lang)
