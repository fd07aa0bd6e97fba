"""Simplify first: a rewrite of the function before it is differentiated, taken when it pays.

The parser keeps the problem as typed (``e^{2 ln x}``, ``sin(π/2)·x``, ``1/x · x/(x+1)``), and
the rules apply to it as written.  A teacher sometimes rewrites the function first:
``e^{2 ln x} = x²``, since ``e^{ln a} = a``; then the power rule.  :func:`simplify_first` does
the same by one principle, not by a list of cases:

1. the function is tidied by named moves, greedily as :mod:`derive.tidy` tidies results
   (:data:`MOVES`: the inverse pairs ``e^{ln a} = a`` and ``ln eᵃ = a``; the values the parser held
   worked out; and tidy's own moves that take something away: cancel a common factor, the
   exponent and log laws, the trigonometric ratios, multiply out); each move must make the
   function shorter (sympy's ``count_ops``), so nothing is rewritten that is not simpler;
2. the simplified function is traced, and the rewrite is taken only when its derivation,
   the rewrites included, writes at most :data:`SHARE` of what the derivation of the function
   as written writes (:func:`written`: each rule application and each named rewrite, weighed
   by the size of the form it writes).

So ``(x²+1)³/(2x−1)`` (no move shortens it), ``(√2)^t`` (``2^{t/2}`` is shorter to write but
needs the chain rule) and ``(x+1)(x−1)`` (``x² − 1`` saves no writing) stay as written.  The cost is one greedy tidy of the function and, only
when it can be shortened, one more trace.  The result is a
:class:`~derive.steps.SimplifyFirstStep`: ``expr`` the function as written, ``simplification``
its named rewrites (verified as equalities like every rewrite), ``simplified_step`` the
derivation of the simplified function.

To add a rewrite: a move in :data:`MOVES` (or in :data:`derive.tidy.MOVES`, where results
use it too) and its phrase ``algebra.<name>`` in every catalogue.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

from sympy import Expr, Mul, Pow, cos, cot, count_ops, csc, exp, log, sec, sin, tan

from . import tidy
from .steps import SimplifyFirstStep, Step, rewrites, walk

#: the simplified derivation, rewrites included, may write at most this share of what the
#: derivation as written writes (:func:`written`): "clearly shorter" is a third shorter at least
SHARE = Fraction(2, 3)


def _exp_log(expr: Expr) -> Expr:
    """``e^{c·ln a} = aᶜ``: the exponential undoes the logarithm."""
    def undone(e: Expr) -> bool:
        return isinstance(e, exp) and sum(isinstance(f, log) for f in Mul.make_args(e.args[0])) == 1

    def power(e: Expr) -> Expr:
        factors = Mul.make_args(e.args[0])
        logarithm = next(f for f in factors if isinstance(f, log))
        return Pow(logarithm.args[0], Mul(*(f for f in factors if f is not logarithm)))

    return expr.replace(undone, power) if expr.has(exp) else expr


def _log_exp(expr: Expr) -> Expr:
    """``ln eᵃ = a`` (for real a): the logarithm undoes the exponential."""
    if not expr.has(log):
        return expr
    return expr.replace(lambda e: isinstance(e, log) and isinstance(e.args[0], exp),
                        lambda e: e.args[0].args[0])


def _values(expr: Expr) -> Expr:
    """The values the parser held worked out (``sin(π/2) = 1``, ``2·3 = 6``), and nothing else:
    only the parts without a variable are evaluated."""
    def held(e: Expr) -> bool:
        return not e.is_Atom and not e.free_symbols and tidy.evaluated(e) != e

    return expr.replace(held, tidy.evaluated)


_TIDY = dict(tidy.MOVES)
_TRIG = (sin, cos, tan, cot, sec, csc)


def _trig_ratios(expr: Expr):
    """tidy's trigonometric identities, where a product holds two trigonometric factors (the
    ratios ``sin·sec = tan``, ``sin/cos = tan`` … that shorten a function): elsewhere they cannot
    shorten it, and they are the costliest move to try."""
    def two_trig(e: Expr) -> bool:
        return e.is_Mul and sum(1 for f in e.args if isinstance(f.as_base_exp()[0], _TRIG)) >= 2

    return _TIDY["trig"](expr) if expr.has(*_TRIG) and expr.find(two_trig) else expr


#: the moves tried on the function, the local and specific ones first (a tie goes to the
#: earlier move, and a move that rebuilds the function also works out whatever the parser held:
#: ``1/x · x/(x+1) = 1/(x+1)`` is named for the cancelled factor, not for a value worked out)
MOVES: tuple[tuple[str, tidy.Move], ...] = (
    ("exp_log", _exp_log),
    ("log_exp", _log_exp),
    ("evaluate", _values),
    *((name, _TIDY[name]) for name in ("cancel", "exponent_law", "log_law", "ratios")),
    ("trig", _trig_ratios),
    *((name, _TIDY[name]) for name in ("expand", "evaluate")),
)


def written(step: Step) -> int:
    """How much a derivation writes: for each node (a rule applied, a named rewrite) its
    result, measured by sympy's ``count_ops``, plus one for the node itself."""
    return sum(count_ops(node.result) + 1 for node in walk(step))


def simplify_first(step: Step, retrace: Callable[[Expr], Step]) -> Step:
    """``step`` (the derivation of the function as written), or a
    :class:`~derive.steps.SimplifyFirstStep` when a shorter form of the function gives a clearly
    shorter derivation; ``retrace(g)`` traces the form ``g`` by the same variable."""
    expr, var = step.expr, step.var
    if not isinstance(expr, Expr) or not expr.has(var):    # a constant: nothing to gain
        return step
    forms = tidy.tidy_steps(expr, moves=MOVES)
    if not forms:
        return step
    simplified = forms[-1][1]
    if count_ops(simplified) >= count_ops(expr):
        return step
    simplified_step = retrace(simplified)
    rewriting = sum(count_ops(form) + 1 for _, form in forms)
    if written(simplified_step) + rewriting > SHARE * written(step):
        return step
    return SimplifyFirstStep.build(expr=expr, var=var, simplified=simplified,
                                   simplification=rewrites(expr, var, lambda _: forms),
                                   simplified_step=simplified_step)


__all__ = ["MOVES", "SHARE", "simplify_first", "written"]
