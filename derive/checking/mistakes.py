"""Typical slips in differentiation, one function each.

A mistake function takes a node of a Step tree and returns the result a learner who makes that
slip *at this node* (and nowhere else) would write for it, computed from the node's correct
children; or ``None`` when the slip does not apply to the node.  :data:`MISTAKES` lists them in
order of preference: when two slips explain the same answer, the earlier one is reported.

To add a mistake: write ``def my_slip(step) -> Expr | None`` here, append
``Mistake("my_slip", my_slip)`` to :data:`MISTAKES`, add the phrase ``mistake.my_slip`` (slots:
``node`` and those :data:`SLOTS` gives for its Step class) at the end of every phrase
catalogue, and a test in ``tests/test_check.py`` that feeds an answer made with that slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sympy import Expr, Mul, log

from ..steps import substitute_back
from ..steps import (ChainStep, ConstantMultipleStep, FunctionStep, PowerStep, ProductStep,
                     QuotientStep, Step)


def _is_log_outer(step: ChainStep) -> bool:
    """Whether the chain's outer function is ln u (or log_b u = ln u / ln b)."""
    outer = step.outer
    if isinstance(outer, log):
        return True
    return outer.is_Mul and any(isinstance(f, log) and f.args[0] == step.u for f in outer.args)


def chain_inner_dropped(step: Step) -> Expr | None:
    """f'(g(x)) instead of f'(g(x))·g'(x)."""
    if not isinstance(step, ChainStep) or _is_log_outer(step) or step.inner_step.result == 1:
        return None
    return substitute_back(step.outer_step.result, step.u, step.inner)


def log_inner_dropped(step: Step) -> Expr | None:
    """d/dx ln(u) = 1/u, without the factor u'."""
    if not isinstance(step, ChainStep) or not _is_log_outer(step) or step.inner_step.result == 1:
        return None
    return substitute_back(step.outer_step.result, step.u, step.inner)


def quotient_reversed(step: Step) -> Expr | None:
    """(f·g' − f'·g)/g² instead of (f'·g − f·g')/g²."""
    if not isinstance(step, QuotientStep):
        return None
    f, g = step.numerator, step.denominator
    df, dg = step.numerator_step.result, step.denominator_step.result
    return (f * dg - df * g) / g**2


def quotient_not_squared(step: Step) -> Expr | None:
    """(f'·g − f·g')/g instead of (f'·g − f·g')/g²."""
    if not isinstance(step, QuotientStep):
        return None
    f, g = step.numerator, step.denominator
    df, dg = step.numerator_step.result, step.denominator_step.result
    return (df * g - f * dg) / g


def product_of_derivatives(step: Step) -> Expr | None:
    """f'·g' instead of f'·g + f·g'."""
    if not isinstance(step, ProductStep):
        return None
    return Mul(*(s.result for s in step.factor_steps))


def power_not_reduced(step: Step) -> Expr | None:
    """n·xⁿ instead of n·xⁿ⁻¹."""
    if not isinstance(step, PowerStep):
        return None
    return step.exponent * step.expr


def trig_sign(step: Step) -> Expr | None:
    """The derivative of a trig function with the wrong sign: d/dx cos x = sin x, d/dx sin x = −cos x, …"""
    if not (isinstance(step, FunctionStep) and step.family == "trig"):
        return None
    return -step.result


def constant_dropped(step: Step) -> Expr | None:
    """f' instead of c·f'."""
    if not isinstance(step, ConstantMultipleStep):
        return None
    return step.factor_step.result


@dataclass(frozen=True)
class Mistake:
    key: str
    slip: Callable[[Step], Expr | None]


MISTAKES: tuple[Mistake, ...] = (
    Mistake("chain_inner_dropped", chain_inner_dropped),
    Mistake("log_inner_dropped", log_inner_dropped),
    Mistake("quotient_reversed", quotient_reversed),
    Mistake("quotient_not_squared", quotient_not_squared),
    Mistake("product_of_derivatives", product_of_derivatives),
    Mistake("power_not_reduced", power_not_reduced),
    Mistake("trig_sign", trig_sign),
    Mistake("constant_dropped", constant_dropped),
)


#: Step class name → the values its mistakes' phrases need beyond ``node``
SLOTS: dict[str, Callable[[Step], dict]] = {
    "ChainStep": lambda step: {"inner": step.inner, "du": step.inner_step.result},
    "QuotientStep": lambda step: {"f": step.numerator, "g": step.denominator},
    "PowerStep": lambda step: {"n": step.exponent},
    "FunctionStep": lambda step: {"name": step.function},
    "ConstantMultipleStep": lambda step: {"c": step.constant},
}


def slots(key: str, step: Step, node: Expr) -> dict:
    """The values a mistake's phrase needs beyond ``node`` (the node's expression in x), found by
    the step's class along its MRO as the narrator finds its methods; none for other steps."""
    for cls in type(step).__mro__:
        if cls.__name__ in SLOTS:
            return SLOTS[cls.__name__](step)
    return {}
