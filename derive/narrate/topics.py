"""Narration of the topics (gradient, critical points, chain rule, composition, limit
definition, implicit differentiation): topic result → Document.

Each ``narrate_<topic>(result, lang)`` frames the topic in its own words and reuses
:meth:`Narrator.steps` for every traced derivative inside it, so a partial derivative reads the
same here as in ``derive diff``; how the input was read and what a partial derivative holds
constant are said by the pieces every narration shares (:func:`.narrator.how_read`,
:func:`.narrator.held_note`).  To narrate a new topic: a function here, phrases under a
``<topic>.`` prefix in every catalogue, and the result's class name in
:data:`derive.narrate.NARRATIONS`.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from sympy import Add, Basic, Derivative, Eq, FiniteSet, Function, Integer, Limit, Mul, Tuple, latex
from sympy.core.parameters import evaluate as evaluation

from ..notation import (Notation, Written, derivative_notation, distinct, fraction_shown, nabla, named,
                       product, total)
from .document import (Block, Document, Equation, Formula, Heading, Math, Note, NoteKind,
                       Paragraph, Result, Tree, TreeNode)
from .detail import current_detail
from .labels import CLAUSES
from .narrator import Narrator, held_note, holds_where, how_read, join, listed, reading_notes
from .phrases import say


def _shown_once(chain) -> tuple:
    """The chain without a form that prints like the one before it."""
    return tuple(distinct(chain))


def _held_note(lang, expr, var, depth=0) -> list[Block]:
    """The note of a partial derivative of ``expr``: every other symbol is held constant."""
    return held_note(lang, var, sorted(expr.free_symbols - {var}, key=lambda s: s.name), depth)


def _traced_blocks(lang, item, depth=0, dependent: frozenset[str] = frozenset()) -> list[Block]:
    """The steps of one traced derivative, as in ``derive diff`` (``dependent``: names of
    functions of the variable, y = y(x))."""
    narrator = Narrator(lang, item.verification, dependent=dependent)
    return list(narrator.steps(item.steps, depth))


def _verdict(lang, ok: bool, against: str | None = None) -> tuple:
    if ok:
        return say(lang, "topic.verified") if against is None else say(
            lang, "topic.verified_against", against=against)
    return say(lang, "topic.not_verified")


def _conditions(lang, values) -> tuple:
    return join([(Math(s), " = ", Math(v)) for s, v in values], CLAUSES)


# --- gradient ---------------------------------------------------------------------------------

def narrate_gradient(g, lang: str) -> Document:
    blocks: list[Block] = [*how_read(lang, g.expression, g.readings),
                           Paragraph(say(lang, "gradient.intro", vars=listed(g.wrt)))]
    for p in g.partials:
        blocks.append(Heading(say(lang, "gradient.partial", var=Math(p.var)), level=2))
        blocks.extend(_held_note(lang, g.expression, p.var))
        blocks.extend(_traced_blocks(lang, p))
        blocks.append(Equation((Derivative(g.expression, p.var), p.result)))
    where = holds_where(lang, [j for p in g.partials for j in p.verification.jumps])
    blocks.append(Result((nabla(), g.result), _verdict(lang, g.verified) + where, g.verified))
    return Document(say(lang, "gradient.title", expr=Math(g.expression)), tuple(blocks), lang)


# --- critical points --------------------------------------------------------------------------

def narrate_critical(c, lang: str) -> Document:
    one = len(c.variables) == 1
    f = c.expression
    blocks: list[Block] = [*how_read(lang, f, c.readings),
                           Paragraph(say(lang, "critical.intro_one" if one else "critical.intro"))]
    blocks.append(Heading(say(lang, "critical.first"), level=2))
    for p in c.partials:
        if not one:
            blocks.append(Heading(say(lang, "gradient.partial", var=Math(p.var)), level=3))
            blocks.extend(_held_note(lang, f, p.var))
        blocks.extend(_traced_blocks(lang, p))
    blocks.append(Heading(say(lang, "critical.system"), level=2))
    for p in c.partials:
        blocks.append(Equation((Derivative(f, p.var), p.result, 0)))
    blocks.extend(_solutions(c, lang))
    if c.points:
        blocks.append(Heading(say(lang, "critical.second_title"), level=2))
        blocks.append(Paragraph(say(lang, "critical.second_one" if one else "critical.hessian")))
        hessian = Derivative(f, c.variables[0], 2) if one else named("H", "H")
        blocks.append(Equation((hessian, c.hessian[0, 0] if one else c.hessian)))
        for point in c.points:
            blocks.extend(_classification(c, point, lang))
    if c.undefined:
        blocks.append(Heading(say(lang, "critical.undefined_title"), level=2))
        blocks.append(Paragraph(say(lang, "critical.undefined")))
        for values in c.undefined:
            blocks.append(Paragraph(("• ",) + _conditions(lang, values)))
    shown = Tuple(*c.variables) if not one else c.variables[0]
    found = [_family_tuple(c, p) if not one else (p.values[0][1] if p.values else shown)
             for p in c.points]
    chain = (shown, found[0]) if len(found) == 1 else (FiniteSet(*found),)
    verdict = say(lang, "critical.not_complete") if c.status == "partial" else _verdict(lang, c.verified)
    blocks.append(Result(chain, verdict, c.verified))
    return Document(say(lang, "critical.title", expr=Math(f)), tuple(blocks), lang)


def _family_tuple(c, point) -> Tuple:
    mapping = dict(point.values)
    return Tuple(*(mapping.get(v, v) for v in c.variables))


def _solutions(c, lang) -> list[Block]:
    blocks: list[Block] = [Heading(say(lang, "critical.solve_title"), level=2)]
    if c.status == "unsolved":
        blocks.append(Note(say(lang, "critical.unsolved", reason=c.reason), NoteKind.FALLBACK))
    elif c.status == "partial":
        blocks.append(Note(say(lang, "critical.partial"), NoteKind.WARNING))
    elif c.status == "none":
        blocks.append(Paragraph(say(lang, "critical.none")))
    elif c.status == "infinite":
        blocks.append(Paragraph(say(lang, "critical.infinite")))
    else:
        blocks.append(Paragraph(say(lang, "critical.found", n=len(c.points))))
    for p in c.points:
        line = ("• ",) + _conditions(lang, p.values)
        if p.free:
            line += ("; ",) + say(lang, "critical.free", vars=listed(p.free))
        blocks.append(Paragraph(line))
    return blocks


def _classification(c, point, lang) -> list[Block]:
    one = len(c.variables) == 1
    where = _conditions(lang, point.values)
    if point.free:
        where += ("; ",) + say(lang, "critical.free", vars=listed(point.free))
    blocks: list[Block] = [Heading(say(lang, "critical.at", where=where), level=3)]
    if one:
        blocks.append(Paragraph(say(lang, "critical.second_value", value=Math(point.minors[0]))))
    else:
        blocks.append(Equation((named("H", "H"), point.hessian)))
        minors = [(Formula(f"D_{k}", f"D_{{{k}}}"), " = ", Math(m))
                  for k, m in enumerate(point.minors, start=1)]
        blocks.append(Paragraph(say(lang, "critical.minors", minors=join(minors, CLAUSES))))
    blocks.append(Paragraph(say(lang, "critical.conclusion",
                                classification=say(lang, f"critical.class.{point.classification}"),
                                value=say(lang, "critical.value", value=Math(point.value)))))
    if not point.exact:
        blocks.append(Note(say(lang, "critical.not_exact"), NoteKind.WARNING))
    return blocks


# --- multivariable chain rule -----------------------------------------------------------------

def narrate_chain(r, lang: str) -> Document:
    z = r.name
    names = [s for s, _ in r.intermediates]
    blocks: list[Block] = [
        Paragraph(say(lang, "chain.setup", z=Math(z), expr=Math(r.expression))),
        *reading_notes(lang, r.readings),
        Paragraph(say(lang, "chain.lets", lets=join([(Math(s), " = ", Math(e))
                                                     for s, e in r.intermediates], CLAUSES))),
        Tree(say(lang, "chain.tree"), _dependency_tree(r)),
    ]
    partial_outer, partial_inner = r.outer_partial, len(r.parameters) > 1
    blocks.append(Heading(say(lang, "chain.outer_title", z=Math(z)), level=2))
    for s in names:
        term = next((t for d in r.derivatives for t in d.terms if t.intermediate == s), None)
        if term is None:
            continue
        blocks.append(Heading((Math(derivative_notation(z, s, partial_outer)),), level=3))
        blocks.extend(_held_note(lang, r.expression, s))
        blocks.extend(_traced_blocks(lang, term.outer))
    for d in r.derivatives:
        p = d.parameter
        lhs = derivative_notation(z, p, partial_inner or partial_outer)
        blocks.append(Heading(say(lang, "chain.by", var=Math(p)), level=2))
        formula, in_mid, substituted = [], [], []
        for t in d.terms:
            if t.intermediate is None:
                formula.append(Notation(f"∂f/∂{p}", rf"\frac{{\partial f}}{{\partial {p}}}"))
                in_mid.append(t.outer.result)
                substituted.append(t.outer.result.xreplace(dict(r.intermediates)))
                blocks.append(Heading(say(lang, "chain.direct", var=Math(p)), level=3))
                blocks.extend(_held_note(lang, r.expression, p))
                blocks.extend(_traced_blocks(lang, t.outer))
                continue
            s = t.intermediate
            formula.append(product(derivative_notation(z, s, partial_outer),
                                   derivative_notation(s, p, partial_inner)))
            in_mid.append(product(t.outer.result, t.inner.result))
            substituted.append(product(t.outer.result.xreplace(dict(r.intermediates)),
                                       t.inner.result))
            blocks.append(Heading((Math(derivative_notation(s, p, partial_inner)),), level=3))
            blocks.extend(_held_note(lang, t.inner.expression, p))
            blocks.extend(_traced_blocks(lang, t.inner))
        if d.terms:
            blocks.append(Paragraph(say(lang, "chain.paths", n=len(d.terms))))
            chain = _shown_once((lhs, total(*formula), total(*in_mid), total(*substituted),
                               d.result))
        else:
            blocks.append(Paragraph(say(lang, "chain.no_path", var=Math(p))))
            chain = (lhs, d.result)
        blocks.append(Equation(chain, label=say(lang, "chain.combine")))
    for d in r.derivatives:
        lhs = derivative_notation(z, d.parameter, partial_inner or partial_outer)
        against = say(lang, "chain.against")
        blocks.append(Result((lhs, d.result), _verdict(lang, d.verified, against), d.verified))
    title = "chain.title_leibniz" if r.leibniz else "chain.title"
    return Document(say(lang, title, z=Math(z), expr=Math(r.expression)), tuple(blocks), lang)


def _dependency_tree(r) -> TreeNode:
    def leaf(p):
        return TreeNode((Math(p),))

    children = [TreeNode((Math(s), " = ", Math(e)),
                         tuple(leaf(p) for p in r.parameters if p in e.free_symbols))
                for s, e in r.intermediates]
    children += [leaf(p) for p in r.direct_parameters]
    return TreeNode((Math(r.name), " = ", Math(r.expression)), tuple(children))


# --- composition ------------------------------------------------------------------------------

def narrate_compose(c, lang: str) -> Document:
    f, g = Function("f"), Function("g")
    x, u = c.var, c.u
    blocks: list[Block] = [
        Paragraph(say(lang, "compose.given", f=Math(c.outer), g=Math(c.inner), fx=Math(f(x)),
                      gx=Math(g(x)))),
        *reading_notes(lang, c.readings),
        Heading(say(lang, "compose.build"), level=2),
        Paragraph(say(lang, "compose.build_says", x=Math(x), gx=Math(g(x)), g=Math(c.inner))),
        Equation(_shown_once((f(g(x)), f(c.inner), c.composite))),
    ]
    if c.at is not None:
        blocks.append(Heading(say(lang, "compose.value_title", x=Math(x), a=Math(c.at)), level=2))
        blocks.append(Equation((g(c.at), c.inner_value)))
        blocks.append(Equation(_shown_once((f(g(c.at)), f(c.inner_value), c.value))))
    blocks.append(Heading(say(lang, "compose.derivative"), level=2))
    blocks.append(Paragraph(say(lang, "compose.let", u=Math(u), gx=Math(g(x)), g=Math(c.inner))))
    outer_name = Notation(f"f′({u})", f"f'({latex(u)})")
    inner_name = Notation(f"g′({x})", f"g'({latex(x)})")
    blocks.append(Heading(say(lang, "compose.outer", fu=Math(outer_name), f=Math(c.outer_u)),
                          level=3))
    blocks.extend(_traced_blocks(lang, c.outer_step))
    blocks.append(Heading(say(lang, "compose.inner", gx=Math(inner_name), g=Math(c.inner)),
                          level=3))
    blocks.extend(_traced_blocks(lang, c.inner_step))
    lhs = Derivative(f(g(x)), x)
    formula = product(Notation("f'(g(x))", "f'(g(x))"), Notation("g'(x)", "g'(x)"))
    pieces = product(c.outer_at_inner, c.inner_step.result)
    blocks.append(Equation(_shown_once((lhs, formula, pieces, c.result)),
                           label=say(lang, "compose.combine", u=Math(u), g=Math(c.inner))))
    if c.at is not None:
        blocks.append(Paragraph(say(lang, "compose.slope", x=Math(x), a=Math(c.at),
                                    value=Math(c.derivative_value))))
    against = say(lang, "compose.against")
    blocks.append(Result((lhs, c.result), _verdict(lang, c.verified, against), c.verified))
    return Document(say(lang, "compose.title", f=Math(c.outer), g=Math(c.inner)), tuple(blocks),
                    lang)


# --- the limit definition ---------------------------------------------------------------------

def _definition(r) -> Notation:
    x, h = r.var, r.h
    others = list(r.held)
    args = lambda first: ", ".join([first] + [str(s) for s in others])  # noqa: E731
    plus, here = args(f"{x} + {h}"), args(str(x))
    lhs, lhs_latex = (f"∂f/∂{x}", rf"\frac{{\partial f}}{{\partial {x}}}") if others else \
        (f"f'({x})", f"f'({x})")
    text = f"{lhs} = lim_{{{h}→0}} (f({plus}) − f({here}))/{h}"
    latex = rf"{lhs_latex} = \lim_{{{h} \to 0}} \frac{{f({plus}) - f({here})}}{{{h}}}"
    return Notation(text, latex)


def narrate_limit(r, lang: str) -> Document:
    definition = _definition(r)
    blocks: list[Block] = [*how_read(lang, r.expression, r.readings),
                           Paragraph(say(lang, "limit.definition",
                                         formula=Formula(definition.name,
                                                         definition.latex)))]
    if r.held:
        blocks.append(Note(say(lang, "limit.partial", var=Math(r.var), held=listed(r.held))))
    if len(r.pieces) > 1:
        blocks.append(Paragraph(say(lang, "limit.sum", n=len(r.pieces))))
    for piece in r.pieces:
        depth = 1 if len(r.pieces) > 1 else 0
        if len(r.pieces) > 1:
            blocks.append(Heading(say(lang, "limit.term", term=Math(piece.term)), level=3))
        blocks.append(Equation((Derivative(piece.term, r.var), Limit(piece.quotient, r.h, 0, "+-")),
                               depth, say(lang, "limit.write")))
        if piece.fallback:
            blocks.append(Note(say(lang, "limit.fallback"), NoteKind.FALLBACK, depth))
        for rewrite in piece.rewrites:
            final = rewrite.name in ("substitute", "standard_limits", "jump_free",
                                     NoteKind.FALLBACK)
            shown = rewrite.expr if final else Limit(rewrite.expr, r.h, 0, "+-")
            label = say(lang, f"limit.move.{rewrite.name}", h=Math(r.h))
            blocks.append(Equation((Derivative(piece.term, r.var), shown), depth, label))
            if rewrite.name == "standard_limits":
                blocks.append(Note(say(lang, f"limit.standard.{piece.move}", h=Math(r.h)),
                                   NoteKind.ASSUMPTION, depth))
    lhs = Derivative(r.expression, r.var)
    against = say(lang, "limit.against")
    where = holds_where(lang, r.jumps)
    blocks.append(Result((lhs, r.result), _verdict(lang, r.verified, against) + where,
                         r.verified))
    return Document(say(lang, "limit.title", expr=Math(r.expression), var=Math(r.var)),
                    tuple(blocks), lang)


# --- implicit differentiation -----------------------------------------------------------------

def _rewritten(value, mapping: dict):
    """Blocks (or anything inside them) with every formula's ``mapping`` applied."""
    if isinstance(value, Basic):
        with evaluation(False):         # the forms as the steps show them, not re-evaluated
            return value.xreplace(mapping)
    if isinstance(value, (list, tuple)):
        return type(value)(_rewritten(v, mapping) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _rewritten(getattr(value, f.name), mapping)
                                 for f in fields(value)})
    return value


class _Slope(Notation):
    """dy/dx written after the other factors of a product, as a book writes x·dy/dx."""

    @classmethod
    def class_key(cls):
        return 9, 0, cls.__name__


def narrate_implicit(r, lang: str) -> Document:
    """``book``: both sides differentiated with y = y(x), the dy/dx terms collected, dy/dx taken
    out and solved for, −F_x/F_y as the check (its partial derivatives shown in ``full``).
    ``direct``: the formula −F_x/F_y with both partial derivatives, the two sides as the check."""
    x, y, F = r.x, r.y, r.expression
    plain = derivative_notation(y, x, partial=False)
    dydx = _Slope(plain.name, plain.latex, plain.top, plain.bottom)
    y_of_x = Function(y.name)(x)
    written = {Derivative(y_of_x, x): dydx,                   # as a textbook writes them
               y_of_x: Written(str(y), latex(y))}
    with evaluation(False):
        equation = Eq(r.lhs, r.rhs)
    blocks: list[Block] = [*reading_notes(lang, r.readings)]
    if r.route == "direct":
        blocks += [Paragraph(say(lang, "implicit.setup_direct", F=Math(F), y=Math(y), x=Math(x))),
                   *_formula_blocks(lang, r, dydx, shown=True),
                   Heading(say(lang, "implicit.check_sides"), level=2),
                   *_sides_blocks(lang, r, dydx, written, brief=True),
                   Note(say(lang, "implicit.other.direct", dydx=Math(dydx)), NoteKind.ASSUMPTION)]
    else:
        relation = Math(Notation(f"{y} = {y}({x})", rf"{latex(y)} = {latex(y)}({latex(x)})"))
        blocks += [Paragraph(say(lang, "implicit.setup", y=Math(y), x=Math(x),
                                 dydx=Math(dydx), relation=relation)),
                   Heading(say(lang, "implicit.both_sides", x=Math(x), relation=relation),
                           level=2),
                   *_sides_blocks(lang, r, dydx, written, brief=False),
                   Heading(say(lang, "implicit.check_title"), level=2),
                   *_formula_blocks(lang, r, dydx, shown=current_detail() == "full")]
    jumps = [j for item in (r.fx, r.fy, r.left, r.right) for j in item.verification.jumps]
    blocks.append(Result((dydx, r.result), _verdict(lang, r.verified, say(lang, "implicit.against"))
                         + holds_where(lang, jumps), r.verified))
    return Document(say(lang, "implicit.title", equation=Math(equation), dydx=Math(dydx)),
                    tuple(blocks), lang)


def _sides_blocks(lang, r, dydx, written, brief: bool) -> list[Block]:
    """d/dx of each side (traced unless ``brief``), the dy/dx terms collected on the left, dy/dx
    taken out, and solved for."""
    x = r.x
    left, right = (_rewritten(side.result, written) for side in (r.left, r.right))
    blocks: list[Block] = []
    if not brief:
        y_of_x = Function(r.y.name)(x)
        sides = (_rewritten(Derivative(side.xreplace({r.y: y_of_x}), x), written)
                 for side in (r.lhs, r.rhs))
        blocks.append(Equation(tuple(sides), label=say(lang, "implicit.each_side")))
        for key, side, item in (("implicit.left", r.lhs, r.left), ("implicit.right", r.rhs, r.right)):
            if item.steps.rule == "constant":
                continue
            blocks.append(Heading(say(lang, key, side=Math(side), x=Math(x)), level=3))
            blocks.extend(_rewritten(_traced_blocks(lang, item, dependent=frozenset({r.y.name})),
                                     written))
        blocks.append(Heading(say(lang, "implicit.solve_title", dydx=Math(dydx)), level=3))
    blocks.append(Equation((left, right), label=say(lang, "implicit.differentiated")))
    (left_slope, right_slope), (left_other, right_other) = r.slope_terms, r.other_terms
    slope_side = [c * dydx for c in left_slope] + [-c * dydx for c in right_slope]
    other_side = list(right_other) + [-t for t in left_other]
    collected = (total(*slope_side), Add(*other_side))
    blocks.append(Equation(collected, label=say(lang, "implicit.collect", dydx=Math(dydx))))
    solved_for = -r.without
    if len(slope_side) > 1:
        blocks.append(Equation((Mul(r.coefficient, dydx), solved_for),
                               label=say(lang, "implicit.factor", dydx=Math(dydx))))
    blocks.append(Equation(_shown_once((dydx, fraction_shown(solved_for, r.coefficient), r.raw)),
                           label=say(lang, "implicit.solve", dydx=Math(dydx),
                                     coefficient=Math(r.coefficient))))
    # the named rewrites as the equations around them, "label:  = form", at every level
    blocks.extend(Narrator(lang, detail="standard").algebra(r.algebra, r.algebra_checks))
    return blocks


def _formula_blocks(lang, r, dydx, shown: bool) -> list[Block]:
    """dy/dx = −F_x/F_y, with the two partial derivatives traced when ``shown``."""
    x, y, F = r.x, r.y, r.expression
    formula = Notation(f"−F_{x}/F_{y}", rf"-\frac{{F_{{{x}}}}}{{F_{{{y}}}}}")
    blocks: list[Block] = []
    if r.route == "direct":
        blocks.append(Heading(say(lang, "implicit.formula_title"), level=2))
    blocks.append(Paragraph(say(lang, "implicit.formula", dydx=Math(dydx), formula=Math(formula))))
    if shown:
        blocks += [Heading(say(lang, "implicit.fx", x=Math(x)), level=3),
                   *_held_note(lang, F, x), *_traced_blocks(lang, r.fx),
                   Heading(say(lang, "implicit.fy", y=Math(y)), level=3),
                   *_held_note(lang, F, y), *_traced_blocks(lang, r.fy)]
    blocks.append(Equation(_shown_once((dydx, formula, fraction_shown(-r.fx.result, r.fy.result),
                                        r.result)),
                           label=say(lang, "implicit.apply" if r.route == "direct"
                                     else "implicit.combine")))
    return blocks
