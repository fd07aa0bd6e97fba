"""The derivative from first principles: f'(x) = lim_{h→0} (f(x+h) − f(x))/h.

The difference quotient is written out and reduced by a small table of algebra *moves*, tried in
order on f (or, when f is a sum no single move handles, on each term: the limit of a sum is the
sum of the limits).  Each move returns the quotient after every rewrite, so the narration can
show them one by one:

* ``rational`` — f rational in x: put over one denominator, expand, cancel h, substitute h = 0;
* ``root`` — f = c·√A: multiply by the conjugate √A(x+h) + √A(x), expand, cancel h, substitute;
* ``sine`` / ``cosine`` — f = c·sin(ax+b) or c·cos(ax+b): angle-sum formula, regroup, then the
  standard limits sin t/t → 1 and (cos t − 1)/t → 0;
* ``exp`` — f = c·e^{ax+b}: factor e^{ax+b}, then (eᵗ − 1)/t → 1;
* ``step`` — f = c·F(g), F piecewise constant (sign, H, floor, ceiling): for h small enough g
  stays between the jumps it lies between, so the numerator is 0, and so is the limit, wherever
  g is not at a jump (the verdict says where).

Whatever no move handles falls back to ``sympy.limit`` and is marked as a fallback.  With several
variables only the chosen one moves (the partial derivative's limit definition).  Every rewrite
is checked numerically to equal the quotient before it (at h ≠ 0), and the limit is compared with
``sympy.diff``.  To add a move: a function ``_move_<name>(f, x, h) -> Piece | None`` listed in
:data:`MOVES`, and its phrases (``limit.move.<rewrite>``) in both catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import (Add, Expr, Pow, Rational, Symbol, cancel, cos, exp, expand, fraction,
                   sin, sqrt, together)

from ..deep import run_deep
from ..errors import UsageError
from ..messages import Message
from ..inputs import first_order_variables, read_operand, read_variables, require_present
from ..jumps import PIECEWISE_CONSTANT, Jump, jumps
from ..notation import fraction_shown, product, total
from ..render.json import expression_string, header, jumps_data, latex_string
from ..result import ExpressionResult
from ..tidy import tidy
from ..verify import Verdict, sympy_derivative
from .common import by_name, compare

STEP_NAMES = ("h", "k", "t", "h_1")


@dataclass(frozen=True)
class Rewrite:
    """One line of the algebra: the quotient after the move ``name`` (or its limit)."""

    name: str              # expand | cancel | conjugate | angle_sum | regroup | factor | substitute | standard_limits | fallback
    expr: Expr
    check: Verdict | None = None


@dataclass(frozen=True)
class Piece:
    """The limit of one term's difference quotient."""

    term: Expr
    move: str                              # rational | root | sine | cosine | exp | step | fallback
    quotient: Expr                         # (f(x+h) − f(x))/h as written
    rewrites: tuple[Rewrite, ...]
    result: Expr
    standard: tuple[str, ...] = ()         # standard limits used: sin | cos | exp

    @property
    def fallback(self) -> bool:
        return self.move == "fallback"


@dataclass(frozen=True)
class LimitDefinition(ExpressionResult):
    var: Symbol
    h: Symbol
    pieces: tuple[Piece, ...]
    result: Expr
    check: Verdict
    readings: tuple = ()

    @property
    def held(self) -> tuple[Symbol, ...]:
        return by_name(s for s in self.expression.free_symbols if s != self.var)

    @property
    def fallback(self) -> bool:
        return any(p.fallback for p in self.pieces)

    @property
    def jumps(self) -> tuple[Jump, ...]:
        """Where the result holds, when f has a piecewise-constant function (almost everywhere)."""
        return jumps(self.expression, [self.var])

    @property
    def verified(self) -> bool:
        return self.check.ok and all(r.check is None or r.check.ok
                                     for p in self.pieces for r in p.rewrites)

    def _data(self) -> dict:

        def piece_data(p: Piece) -> dict:
            return {
                "term": expression_string(p.term),
                "move": p.move,
                "fallback": p.fallback,
                "quotient": expression_string(p.quotient),
                "rewrites": [{"rule": r.name, "expr": expression_string(r.expr),
                              "latex": latex_string(r.expr),
                              **(r.check.data() if r.check else {})}
                             for r in p.rewrites],
                "standard_limits": list(p.standard),
                "result": expression_string(p.result),
            }

        return {
            **header("limit", self.input, self.expression,
                   [str(self.var)]),
            "held_constant": [str(s) for s in self.held],
            "h": str(self.h),
            "result": expression_string(self.result),
            "latex": {"expression": latex_string(self.expression),
                      "result": latex_string(self.result)},
            "fallback": self.fallback,
            "verified": self.verified,
            **self.check.data(),
            **({"almost_everywhere": jumps_data(self.jumps)} if self.jumps else {}),
            "steps": [piece_data(p) for p in self.pieces],
        }


def limit_definition(expression, wrt=None, *, functions=(), latex=None) -> LimitDefinition:
    """f'(x) (or ∂f/∂x) from the limit of the difference quotient."""
    text, expr, readings, operator = read_operand(expression, functions, latex)
    if operator is not None:
        wrt = first_order_variables(operator, wrt, Message("what.limit"))
    chosen = read_variables(wrt)
    if chosen and len(chosen) > 1:
        raise UsageError("limit.one_variable")
    if chosen:
        var = chosen[0]
        require_present(expr, chosen)
    else:
        found = by_name(expr.free_symbols)
        if len(found) > 1:
            raise UsageError("limit.several", names=tuple(s.name for s in found))
        var = found[0] if found else Symbol("x")
    return run_deep(_limit, text, expr, var, readings)


def _limit(text, expr, var, readings) -> LimitDefinition:
    taken = {s.name for s in expr.free_symbols}
    h = Symbol(next(n for n in STEP_NAMES if n not in taken))
    pieces = _pieces(expr, var, h)
    result = tidy(sum((p.result for p in pieces), start=sympy.Integer(0)))
    check = compare(result, sympy_derivative(expr, (var,)), "sympy.diff")
    return LimitDefinition(input=text, expression=expr, var=var, h=h, pieces=tuple(pieces),
                           result=result, check=check, readings=readings)


def quotient(f: Expr, x: Symbol, h: Symbol) -> Expr:
    """(f(x+h) − f(x))/h, written out without simplifying."""
    return fraction_shown(total(f.xreplace({x: x + h}), -f), h)


def _pieces(f: Expr, x: Symbol, h: Symbol) -> list[Piece]:
    whole = _first_move(f, x, h)
    if whole is not None:
        return [whole]
    if isinstance(f, Add):
        rational = Add(*[t for t in f.args if t.is_rational_function(x)])
        others = [t for t in f.args if not t.is_rational_function(x)]
        terms = ([rational] if rational != 0 else []) + sorted(others, key=sympy.default_sort_key)
        pieces = [_first_move(t, x, h) for t in terms]
        if all(p is not None for p in pieces) and len(terms) > 1:
            return pieces
    return [_fallback(f, x, h)]


def _first_move(f, x, h) -> Piece | None:
    for move in MOVES:
        piece = move(f, x, h)
        if piece is not None:
            return piece
    return None


def _checked(pairs, previous: Expr) -> tuple[Rewrite, ...]:
    """Rewrites with a numeric check that each equals the one before (h ≠ 0); repeats dropped."""
    out: list[Rewrite] = []
    for name, expr in pairs:
        if expr == previous:
            continue
        if out and out[-1].expr == expr:
            out[-1] = Rewrite(name, expr, out[-1].check)
            continue
        check = None if name in ("substitute", "standard_limits") else compare(
            expr, previous, "the quotient before this rewrite")
        out.append(Rewrite(name, expr, check))
        if check is not None:
            previous = expr
    return tuple(out)


def _split_constant(f, x):
    c, g = f.as_independent(x, as_Add=False)
    return c, g


def _move_rational(f, x, h) -> Piece | None:
    if not f.is_rational_function(x):
        return None
    q = quotient(f, x, h)
    numerator, denominator = fraction(together(f.xreplace({x: x + h}) - f))
    expanded = expand(numerator) / (denominator * h)
    cancelled = cancel(expanded)
    if cancelled.xreplace({h: 0}).has(sympy.zoo, sympy.nan) or h in fraction(cancelled)[1].free_symbols \
            and fraction(cancelled)[1].xreplace({h: 0}) == 0:
        return None
    result = tidy(cancelled.xreplace({h: 0}))
    rewrites = _checked([("expand", expanded), ("cancel", cancelled),
                         ("substitute", result)], q)
    return Piece(f, "rational", q, rewrites, result)


def _move_root(f, x, h) -> Piece | None:
    c, g = _split_constant(f, x)
    if not (isinstance(g, Pow) and g.exp == Rational(1, 2) and g.base.is_rational_function(x)):
        return None
    a, a_h = g.base, g.base.xreplace({x: x + h})
    q = quotient(f, x, h)
    conjugate = sqrt(a_h) + sqrt(a)
    multiplied = fraction_shown(total(a_h, -a), product(h, conjugate))
    multiplied = product(c, multiplied) if c != 1 else multiplied
    inner = cancel(expand(together(a_h - a)) / h)
    if inner.xreplace({h: 0}).has(sympy.zoo, sympy.nan):
        return None
    expanded = c * expand(together(a_h - a)) / (h * conjugate)
    cancelled = c * inner / conjugate
    result = tidy(cancelled.xreplace({h: 0}))
    rewrites = _checked([("conjugate", multiplied), ("expand", expanded), ("cancel", cancelled),
                         ("substitute", result)], q)
    return Piece(f, "root", q, rewrites, result)


def _linear(arg, x):
    """(a, b) when arg = a·x + b with a, b free of x and a ≠ 0."""
    poly = sympy.Poly(arg, x) if arg.is_polynomial(x) else None
    if poly is None or poly.degree() != 1:
        return None
    a, b = poly.all_coeffs()
    return a, b


def _move_trig(f, x, h) -> Piece | None:
    c, g = _split_constant(f, x)
    if not isinstance(g, (sin, cos)):
        return None
    linear = _linear(g.args[0], x)
    if linear is None:
        return None
    a, _ = linear
    theta = g.args[0]
    q = quotient(f, x, h)
    t = a * h
    if isinstance(g, sin):
        summed = c * Add(sin(theta) * cos(t), cos(theta) * sin(t), -sin(theta), evaluate=False) / h
        regrouped = product(c, total(product(sin(theta), (cos(t) - 1) / h),
                                     product(cos(theta), sin(t) / h))) if c != 1 else \
            total(product(sin(theta), (cos(t) - 1) / h), product(cos(theta), sin(t) / h))
        limits = total(product(sin(theta), 0), product(cos(theta), a))
        result = tidy(c * a * cos(theta))
        move = "sine"
    else:
        summed = c * Add(cos(theta) * cos(t), -sin(theta) * sin(t), -cos(theta), evaluate=False) / h
        inner = total(product(cos(theta), (cos(t) - 1) / h), product(-sin(theta), sin(t) / h))
        regrouped = product(c, inner) if c != 1 else inner
        limits = total(product(cos(theta), 0), product(-sin(theta), a))
        result = tidy(-c * a * sin(theta))
        move = "cosine"
    limits = product(c, limits) if c != 1 else limits
    pairs = [("angle_sum", summed), ("regroup", regrouped), ("standard_limits", limits),
             ("substitute", result)]
    rewrites = _checked(pairs, q)
    return Piece(f, move, q, rewrites, result, ("sin", "cos"))


def _move_exp(f, x, h) -> Piece | None:
    c, g = _split_constant(f, x)
    if not isinstance(g, exp):
        return None
    linear = _linear(g.args[0], x)
    if linear is None:
        return None
    a, _ = linear
    q = quotient(f, x, h)
    factored = product(c * g, (exp(a * h) - 1) / h)
    limits = product(c * g, a)
    result = tidy(c * a * g)
    rewrites = _checked([("factor", factored), ("standard_limits", limits),
                         ("substitute", result)], q)
    return Piece(f, "exp", q, rewrites, result, ("exp",))


def _move_step(f, x, h) -> Piece | None:
    c, g = _split_constant(f, x)
    if not isinstance(g, PIECEWISE_CONSTANT) or g.args[0].has(*PIECEWISE_CONSTANT):
        return None
    return Piece(f, "step", quotient(f, x, h), (Rewrite("jump_free", sympy.S.Zero),), sympy.S.Zero)


def _fallback(f, x, h) -> Piece:
    q = quotient(f, x, h)
    value = sympy.limit(cancel(together(f.xreplace({x: x + h}) - f)) / h, h, 0)
    result = tidy(value)
    return Piece(f, "fallback", q, (Rewrite("fallback", result),), result)


MOVES = (_move_rational, _move_root, _move_trig, _move_exp, _move_step)
