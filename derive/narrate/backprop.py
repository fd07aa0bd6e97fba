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

import mpmath
from sympy import Basic, KroneckerDelta, Matrix, Sum, Symbol, Tuple, exp, latex, log, sech

from ..sizes import size_at_most
from ..notation import Notation, derivative_notation, distinct, named, product, total
from ..notation.values import ShownDifference, shown, spelled, value_of
from .abbreviate import abbreviate
from .document import (Block, Document, Equation, Formula, Graph, GraphEdge, GraphNode, Heading, Math,
                       Note, NoteKind, Paragraph, Result, Table)
from .indexed import cases as indexed_cases, check_note, loss_blocks
from .labels import CLAUSES, LIST
from .narrator import Narrator, join, listed, reading_notes
from .phrases import say


def _d(top, bottom):
    return derivative_notation(top, bottom, partial=True)


TANH = Formula("sech² = 1 − tanh²", r"\operatorname{sech}^{2} = 1 - \tanh^{2}")
ADJOINT = Formula("v̄ = ∂L/∂v", r"\bar{v} = \frac{\partial L}{\partial v}")
ADJOINT_RULE = Formula("v̄ = Σ_c c̄ · ∂c/∂v",
                       r"\bar{v} = \sum_{c} \bar{c} \cdot \frac{\partial c}{\partial v}")


SHOWN_NODES = 80    # a gradient in node names larger than this is shown by its value only


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
        if not a.uses:
            blocks.append(Paragraph(say(lang, "backprop.unused", node=Math(v), loss=Math(L))))
            blocks.append(Equation((_bar(v), shown(a.value))))
            continue
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
                key = "backprop.named_tanh" if u.result.has(sech) else "backprop.named"
                blocks.append(Equation((_d(u.child, v), abbreviate(u.result),
                                        abbreviate(u.named)), 1,
                                       say(lang, key, child=Math(u.child), identity=TANH)))
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
    large = any(g.substituted is None for g in r.scalar.gradients)
    blocks: list[Block] = [Heading(say(lang, "backprop.gradient_title"), level=2),
                           Paragraph(say(lang, "backprop.gradient_large" if large
                                         else "backprop.gradient"))]
    for g in r.scalar.gradients:
        substituted = () if g.substituted is None else (abbreviate(g.substituted),)
        in_names = (abbreviate(g.in_names),) if size_at_most(g.in_names, SHOWN_NODES) else ()
        chain = distinct((_d(L, g.parameter), _bar(g.parameter), *in_names, *substituted,
                          shown(g.value)))
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
    if not r.verified:
        return say(lang, "backprop.not_verified")
    if r.layer is not None:
        return say(lang, "backprop.verified_layer")
    if any(g.oracle.status == "skipped" for g in r.scalar.gradients):
        return say(lang, "backprop.verified_large")
    return say(lang, "backprop.verified")


def narrate_backprop(r, lang: str) -> Document:
    if r.layer is not None:
        return Document(say(lang, "backprop.title", loss=Math(r.loss)),
                        tuple(narrate_layer(r, lang)), lang)
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


# --- a softmax output layer -----------------------------------------------------------------------

def _entry(name, *indices) -> Notation:
    """``W_ij``, ``z_k``: an entry of a named vector or matrix, for display."""
    sub = "".join(str(s) for s in indices)
    return Notation(f"{name}_{sub}", f"{latex(name)}_{{{sub}}}")


def _bar_entry(name, *indices) -> Notation:
    sub = "".join(str(s) for s in indices)
    text = str(name)
    return Notation(text[0] + "\u0304" + text[1:] + f"_{sub}",
                    rf"\overline{{{latex(name)}}}_{{{sub}}}")


def _numbers(value) -> Basic:
    """A number, or a vector or matrix of numbers, as shown."""
    if not hasattr(value, "rows"):
        return shown(value)
    return Matrix(value.rows, value.cols, lambda r, c: shown(value[r, c]))


def _inline(value) -> Notation:
    """A vector or matrix of numbers: in text on one line, ``(0.1, 0.2)``, ``((1, 2), (3, 4))``;
    in LaTeX as a column or a matrix in brackets (narrow enough for a graph's node)."""
    if not hasattr(value, "rows"):
        return shown(value)
    if value.cols == 1:
        items = [spelled(value[r]) for r in range(value.rows)]
        return Notation("(" + ", ".join(t for t, _ in items) + ")",
                        r"\begin{pmatrix}" + r" \\ ".join(x for _, x in items) + r"\end{pmatrix}")
    rows = [[spelled(value[r, c]) for c in range(value.cols)] for r in range(value.rows)]
    return Notation("(" + ", ".join("(" + ", ".join(t for t, _ in row) + ")" for row in rows) + ")",
                    r"\begin{pmatrix}" + r" \\ ".join(" & ".join(x for _, x in row) for row in rows)
                    + r"\end{pmatrix}")


def _layer_locals(s) -> dict:
    """The local derivative on each edge, at index level."""
    k_, i_, j_ = Symbol("k"), Symbol("i"), Symbol("j")
    out = {
        s.W: (_d(_entry(s.z, k_), _entry(s.W, i_, j_)), KroneckerDelta(k_, i_) * _entry(s.h, j_)),
        s.h: (_d(_entry(s.z, k_), _entry(s.h, j_)), _entry(s.W, k_, j_)),
        s.z: (_d(_entry(s.p, j_), _entry(s.z, i_)),
              _entry(s.p, j_) * (KroneckerDelta(i_, j_) - _entry(s.p, i_))),
        s.p: (_d(s.loss, _entry(s.p, j_)), -_entry(s.y, j_) / _entry(s.p, j_)),
        s.y: (_d(s.loss, _entry(s.y, j_)), -log(_entry(s.p, j_))),
    }
    if s.b is not None:
        out[s.b] = (_d(_entry(s.z, k_), _entry(s.b, i_)), KroneckerDelta(k_, i_))
    return out


def _layer_graph(s, adjoints: dict) -> Graph:
    order = [*s.inputs[:-1], s.z, s.p, s.y, s.loss]
    ids = {name: f"n{k}" for k, name in enumerate(order)}
    layer = {s.W: 0, s.h: 0, s.b: 0, s.z: 1, s.p: 2, s.y: 2, s.loss: 3}
    nodes = tuple(GraphNode(ids[name], (Math(name), " = ", Math(_inline(s.values[name]))),
                            (Math(_bar(name)), " = ", Math(_inline(adjoints[name])))
                            if name in adjoints else (), layer[name])
                  for name in order)
    local = _layer_locals(s)
    targets = {s.W: s.z, s.h: s.z, s.b: s.z, s.z: s.p, s.p: s.loss, s.y: s.loss}
    edges = tuple(GraphEdge(ids[name], ids[targets[name]],
                            (Math(local[name][0]), " = ", Math(local[name][1])))
                  for name in order if name in targets)
    return Graph((), nodes, edges, ids[s.loss], ())


def _layer_reason(lang, s, node, value, dz_symbol) -> list[Block]:
    """b̄, W̄ or h̄: the sum over k of z̄_k·∂z_k/∂θ at index level, then the numbers."""
    k_, i_, j_ = Symbol("k"), Symbol("i"), Symbol("j")
    zbar_k = _bar_entry(s.z, k_)
    n_ = Symbol("n")
    if node == s.b:
        lhs, local, middle, entry = (_bar_entry(s.b, i_), KroneckerDelta(k_, i_),
                                     Sum(zbar_k * KroneckerDelta(k_, i_), (k_, 1, n_)),
                                     _bar_entry(s.z, i_))
        whole = (_bar(s.b), _bar(s.z), dz_symbol)
        numbers = _numbers(value)
    elif node == s.W:
        lhs, local = _bar_entry(s.W, i_, j_), KroneckerDelta(k_, i_) * _entry(s.h, j_)
        middle = Sum(zbar_k * KroneckerDelta(k_, i_) * _entry(s.h, j_), (k_, 1, n_))
        entry = _bar_entry(s.z, i_) * _entry(s.h, j_)
        outer = Notation(f"{_bar(s.z)} {s.h}ᵀ", rf"\overline{{{latex(s.z)}}}\, {latex(s.h)}^{{\top}}")
        whole = (_bar(s.W), outer, product(_numbers(dz_value(s)), _numbers(s.values[s.h]).T))
        numbers = _numbers(value)
    else:
        lhs, local = _bar_entry(s.h, j_), _entry(s.W, k_, j_)
        middle = Sum(zbar_k * _entry(s.W, k_, j_), (k_, 1, n_))
        entry = Notation(f"({s.W}ᵀ {_bar(s.z)})_j",
                         rf"\left({latex(s.W)}^{{\top}} \overline{{{latex(s.z)}}}\right)_{{j}}")
        outer = Notation(f"{s.W}ᵀ {_bar(s.z)}", rf"{latex(s.W)}^{{\top}} \overline{{{latex(s.z)}}}")
        whole = (_bar(s.h), outer, product(_numbers(s.values[s.W]).T, _numbers(dz_value(s))))
        numbers = _numbers(value)
    dz_dtheta = _d(_entry(s.z, k_), _entry(node, *([i_, j_] if node == s.W else
                                                   [i_] if node == s.b else [j_])))
    formula = Sum(product(zbar_k, dz_dtheta), (k_, 1, n_))
    return [Heading((Math(_bar(node)), " = ", Math(_d(s.loss, node))), level=3),
            Paragraph(say(lang, f"backprop.layer.local.{_role(s, node)}",
                          d=Math(dz_dtheta), local=Math(local), z=Math(_entry(s.z, k_)),
                          k=Math(k_))),
            Equation((lhs, formula, middle, entry), label=say(lang, "backprop.layer.sum",
                                                              zbar=Math(_bar(s.z)))),
            Equation(tuple(distinct((*whole, numbers))))]


def dz_value(s):
    return s.gradients[0].value


def _role(s, node) -> str:
    return {s.W: "weight", s.h: "input", s.b: "bias"}[node]


def _layer_table(lang, s, adjoints) -> Table:
    local = _layer_locals(s)
    rows = []
    for name in [*s.inputs, s.z, s.p, s.loss]:
        cell = (Math(local[name][0]), " = ", Math(local[name][1])) if name in local else \
            say(lang, "backprop.is_loss")
        adjoint = (Math(_inline(adjoints[name])),) if name in adjoints else ("",)
        rows.append(((Math(name),), (Math(_inline(s.values[name])),), cell, adjoint))
    header = tuple(say(lang, f"backprop.column.{c}") for c in ("node", "value", "local", "adjoint"))
    return Table(header, tuple(rows), say(lang, "backprop.table"))


def narrate_layer(r, lang: str) -> list[Block]:
    s = r.layer
    k_, i_, j_, n_ = Symbol("k"), Symbol("i"), Symbol("j"), Symbol("n")
    dz = s.gradients[0].value
    pbar = _p_adjoint(s)
    adjoints = {s.loss: mpmath.mpf(1), s.p: pbar, s.z: dz,
                **{g.node: g.value for g in s.gradients[1:]}}
    blocks: list[Block] = [Paragraph(say(lang, "backprop.program", loss=Math(r.loss)))]
    blocks.extend(Equation((a.name, a.expression)) for a in s.assignments)
    blocks.append(Paragraph(say(lang, "backprop.layer.entries", n=s.n, m=s.m)))
    z_i = Sum(_entry(s.W, i_, j_) * _entry(s.h, j_), (j_, 1, Symbol("m")))
    if s.b is not None:
        z_i = total(z_i, _entry(s.b, i_))
    blocks.append(Equation((_entry(s.z, i_), z_i)))
    blocks.append(Equation((_entry(s.p, i_), exp(_entry(s.z, i_))
                            / Sum(exp(_entry(s.z, k_)), (k_, 1, n_)))))
    blocks.append(Equation((s.loss, -Sum(_entry(s.y, i_) * log(_entry(s.p, i_)), (i_, 1, n_)))))
    blocks.append(Paragraph(say(lang, "backprop.layer.point", parameters=listed(r.wrt))))
    blocks.extend(Equation((name, _numbers(s.values[name]))) for name in s.inputs)
    blocks.append(Heading(say(lang, "backprop.graph_title"), level=2))
    blocks.append(Paragraph(say(lang, "backprop.graph_reads", adjoint=ADJOINT)))
    blocks.append(_layer_graph(s, adjoints))
    # forward
    blocks += [Heading(say(lang, "backprop.forward_title"), level=2),
               Paragraph(say(lang, "backprop.forward"))]
    affine = product(_numbers(s.values[s.W]), _numbers(s.values[s.h]))
    if s.b is not None:
        affine = total(affine, _numbers(s.values[s.b]))
    blocks.append(Equation((s.z, s.assignments[0].expression, affine, _numbers(s.values[s.z]))))
    blocks.append(Equation((s.p, s.assignments[1].expression, _numbers(s.values[s.p]))))
    blocks.append(Equation((s.loss, -Sum(_entry(s.y, i_) * log(_entry(s.p, i_)), (i_, 1, s.n)),
                            shown(s.values[s.loss]))))
    # backward: through the loss and the softmax, by the indexed engine
    blocks += [Heading(say(lang, "backprop.backward_title"), level=2),
               Paragraph(say(lang, "backprop.backward", seed=Math(_bar(r.loss)),
                             rule=ADJOINT_RULE)),
               Heading((Math(_bar(s.z)), " = ", Math(_d(s.loss, s.z))), level=3),
               Paragraph(say(lang, "backprop.layer.indexed", z=Math(s.z), p=Math(s.p),
                             y=Math(s.y)))]
    result = s.indexed
    equal, different = result.stage("case", "i = j"), result.stage("case", "i ≠ j")
    blocks += [Paragraph(say(lang, "indexed.cases.intro")),
               indexed_cases(lang, equal, different), check_note(lang, equal),
               check_note(lang, different)]
    blocks.extend(loss_blocks(lang, result))
    general = Notation(f"{s.p} − {s.y}", rf"{latex(s.p)} - {latex(s.y)}")
    blocks.append(Equation((_bar(s.z), general,
                            ShownDifference(_numbers(s.values[s.p]), _numbers(s.values[s.y])),
                            _numbers(dz)), label=say(lang, "backprop.layer.numbers")))
    # the linear part
    for g in s.gradients[1:]:
        blocks.extend(_layer_reason(lang, s, g.node, g.value, general))
    # the gradients at a glance, one descent step
    blocks += [Heading(say(lang, "backprop.gradient_title"), level=2),
               _layer_table(lang, s, adjoints)]
    if r.lr is not None:
        eta = named("η", r"\eta")
        blocks += [Heading(say(lang, "backprop.descent_title"), level=2),
                   Paragraph(say(lang, "backprop.descent", eta=Math(eta), lr=Math(shown(r.lr))))]
        for g in s.gradients[1:]:
            blocks.append(Equation((named(f"{g.node}′", f"{latex(g.node)}'"),
                                    total(g.node, -product(eta, _bar(g.node))),
                                    total(_numbers(s.values[g.node]),
                                          -product(shown(r.lr), _numbers(g.value))),
                                    _numbers(g.updated))))
    formulas = {s.z: general, s.b: general,
                s.W: Notation(f"({s.p} − {s.y}) {s.h}ᵀ",
                              rf"({latex(s.p)} - {latex(s.y)})\, {latex(s.h)}^{{\top}}"),
                s.h: Notation(f"{s.W}ᵀ ({s.p} − {s.y})",
                              rf"{latex(s.W)}^{{\top}} ({latex(s.p)} - {latex(s.y)})")}
    shown_nodes = [s.z, *(g.node for g in s.gradients[1:])]
    blocks.append(Result((Tuple(*(_d(s.loss, v) for v in shown_nodes)),
                          Tuple(*(formulas[v] for v in shown_nodes))),
                         _verdict(lang, r), r.verified))
    return blocks


def _p_adjoint(s):
    """p̄_j = −y_j/p_j, the loss's local derivative."""
    y, p = s.values[s.y], s.values[s.p]
    return mpmath.matrix([-y[r] / p[r] for r in range(s.n)])
