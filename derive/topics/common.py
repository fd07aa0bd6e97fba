"""What every topic shares: reading input, tracing one derivative with its verification,
comparing a topic's answer with an independent sympy computation, and the ``render``/``__rich__``
plumbing of a topic result.  Formulas such as ∂z/∂u are written with :mod:`derive.notation`.

A topic module computes; it never narrates.  To add a topic: a module in this package that
returns a frozen dataclass deriving from :class:`TopicResult` (``document(lang)`` narrates it
through :mod:`derive.narrate.topics`, ``data()`` gives its ``derive/1`` JSON), an export in
``derive/__init__.py``, a command in ``derive/cli/topics.py``, phrases in both catalogues and tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterable

import mpmath
import sympy
from sympy import Basic, Expr, Symbol, cancel, expand

from ..api import read_expression, read_variable  # noqa: F401 - re-exported for the topics
from ..deep import run_deep
from ..notation import as_value
from ..numeric import DPS, Evaluator, close, is_real
from ..sizes import size_at_most
from ..steps import Step
from ..trace import trace
from ..verify import Verification, verify

SMALL = 60                # symbolic comparison is attempted up to this many nodes
SEED = 20240611
BOXES = ((0.3, 1.7), (1.1, 2.9), (-1.7, -0.3), (-0.9, 0.9), (2.0, 4.0))
POINTS_TRIED = 20
POINTS_WANTED = 4


def by_name(symbols: Iterable[Symbol]) -> tuple[Symbol, ...]:
    """Symbols sorted by name: the one deterministic order used everywhere."""
    return tuple(sorted(set(symbols), key=lambda s: s.name))


def read_variables(values) -> tuple[Symbol, ...] | None:
    if values is None:
        return None
    if isinstance(values, (str, Symbol)):
        values = [values]
    chosen = tuple(read_variable(v) for v in values)
    return chosen or None


# --- one traced derivative --------------------------------------------------------------------

@dataclass(frozen=True)
class Traced:
    """One derivative traced by :func:`derive.trace.trace` and checked by :func:`verify`."""

    step: Step
    verification: Verification

    @property
    def expr(self) -> Expr:
        return self.step.expr

    @property
    def var(self) -> Symbol:
        return self.step.var

    @property
    def result(self) -> Expr:
        return self.step.result

    @property
    def verified(self) -> bool:
        return self.verification.verified


def traced(expr: Expr, var: Symbol) -> Traced:
    step = trace(expr, var)
    return Traced(step, verify(step))


def traced_data(item: Traced) -> dict:
    """The JSON of one traced derivative (the same fields as a ``derivative`` document)."""
    from ..render.json import expression_string, latex_string, step_data, verification_data

    held = by_name(s for s in item.expr.free_symbols if s != item.var)
    return {
        "expression": expression_string(item.expr),
        "wrt": [str(item.var)],
        "held_constant": [str(s) for s in held],
        "result": expression_string(item.result),
        "latex": {"expression": latex_string(item.expr), "result": latex_string(item.result)},
        "verified": item.verified,
        "verification": verification_data(item.verification),
        "steps": step_data(item.step, item.verification),
    }


# --- independent comparison -------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    """How a topic's answer was compared with an independent sympy computation."""

    status: str              # symbolic | numeric | unchecked | failed
    detail: str = ""
    against: str = ""        # what it was compared with, e.g. "sympy.diff of the substituted expression"

    @property
    def ok(self) -> bool:
        return self.status in ("symbolic", "numeric")

    def data(self) -> dict:
        data = {"status": self.status, "against": self.against}
        if self.detail:
            data["detail"] = self.detail
        return data


def equal_symbolically(a: Expr, b: Expr) -> bool:
    if a == b:
        return True
    difference = a - b
    if not size_at_most(difference, SMALL * 2):
        return False
    try:
        return expand(difference) == 0 or cancel(difference) == 0
    except (sympy.PolynomialError, TypeError, ValueError):
        return False


def compare(result: Expr, reference: Expr, against: str) -> Check:
    """``result`` against ``reference``: symbolically when cheap, else at seeded points."""
    return run_deep(_compare, as_value(sympify_safe(result)), as_value(sympify_safe(reference)), against)


def sympify_safe(value) -> Expr:
    return value if isinstance(value, Basic) else sympy.Integer(value)


def _compare(result: Expr, reference: Expr, against: str) -> Check:
    if equal_symbolically(result, reference):
        return Check("symbolic", against=against)
    symbols = by_name(result.free_symbols | reference.free_symbols)
    rng = random.Random(SEED)
    agreed = 0
    with mpmath.workdps(DPS):
        for i in range(POINTS_TRIED):
            low, high = BOXES[i % len(BOXES)]
            point = {s: mpmath.mpf(f"{rng.uniform(low, high):.6f}") for s in symbols}
            a, b = Evaluator(point)(result), Evaluator(point)(reference)
            if not (is_real(a) and is_real(b)):
                continue
            if not close(a, b):
                where = ", ".join(f"{s}={mpmath.nstr(v, 8)}" for s, v in point.items())
                return Check("failed", f"at {where}: {mpmath.nstr(a, 12)} ≠ {mpmath.nstr(b, 12)}",
                             against)
            agreed += 1
            if agreed >= POINTS_WANTED:
                break
    return Check("numeric", against=against) if agreed else Check("unchecked", against=against)


class TopicResult:
    """``render`` and ``__rich__`` for a result that has ``document(lang)`` and ``data()``."""

    def render(self, format: str = "text", lang: str = "en", **options) -> str:
        from ..render import render_output

        return render_output(self, format, lang, **options)

    def __rich__(self):
        from ..render import render_document

        return render_document(self.document(), "rich")
