"""What every topic shares: tracing one derivative with its verification (and its JSON), and
comparing a topic's answer with an independent sympy computation.  Input is read by
:mod:`derive.inputs`; formulas such as ∂z/∂u are written with :mod:`derive.notation`.

A topic module computes; it never narrates.  To add a topic: a module in this package that
returns a frozen dataclass deriving from :class:`derive.result.Explained` (its ``_data`` writes
its ``derive/1`` JSON), a narration in :mod:`derive.narrate.topics` registered in
:data:`derive.narrate.NARRATIONS`, an export in ``derive/__init__.py``, a command in
``derive/cli/topics.py``, phrases in both catalogues and tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterable

import mpmath
import sympy
from sympy import Basic, Expr, Symbol, cancel, expand

from ..deep import run_deep
from ..derivation import Derivation, derive_expression
from ..notation import as_value
from ..numeric import DPS, Evaluator, close, is_real
from ..sizes import size_at_most

SMALL = 60                # symbolic comparison is attempted up to this many nodes
SEED = 20240611
BOXES = ((0.3, 1.7), (1.1, 2.9), (-1.7, -0.3), (-0.9, 0.9), (2.0, 4.0))
POINTS_TRIED = 20
POINTS_WANTED = 4


def by_name(symbols: Iterable[Symbol]) -> tuple[Symbol, ...]:
    """Symbols sorted by name: the one deterministic order used everywhere."""
    return tuple(sorted(set(symbols), key=lambda s: s.name))


# --- one traced derivative --------------------------------------------------------------------

def traced(expr: Expr, var: Symbol) -> Derivation:
    """The derivative of ``expr`` by ``var``, traced and verified as ``derive diff`` does."""
    return derive_expression(str(expr), expr, (var,))


_DOCUMENT_ONLY = {"schema", "kind", "input", "readings"}


def traced_data(item: Derivation) -> dict:
    """The JSON of one traced derivative inside a topic's: the fields of a ``derivative``
    document but those that belong to a document as a whole."""
    return {key: value for key, value in item.data().items() if key not in _DOCUMENT_ONLY}


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
