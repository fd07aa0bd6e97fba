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

from typing import Iterable

from sympy import Expr, Symbol

from ..derivation import Derivation, derive_expression
from ..notation import as_value
from ..verify import Verdict
from ..verify import compare as verify_compare
from ..verify.comparison import as_expr


def by_name(symbols: Iterable[Symbol]) -> tuple[Symbol, ...]:
    """Symbols sorted by name: the one deterministic order used everywhere."""
    return tuple(sorted(set(symbols), key=lambda s: s.name))


# --- one traced derivative --------------------------------------------------------------------

def traced(expr: Expr, var: Symbol, **options) -> Derivation:
    """The derivative of ``expr`` by ``var``, traced and verified as ``derive diff`` does
    (``options``: ``route``, ``tidy`` of :func:`derive.derivation.derive_expression`)."""
    return derive_expression(str(expr), expr, (var,), **options)


_DOCUMENT_ONLY = {"schema", "kind", "input", "readings"}


def traced_data(item: Derivation) -> dict:
    """The JSON of one traced derivative inside a topic's: the fields of a ``derivative``
    document but those that belong to a document as a whole."""
    return {key: value for key, value in item.data().items() if key not in _DOCUMENT_ONLY}


# --- independent comparison -------------------------------------------------------------------

def compare(result: Expr, reference: Expr, against: str) -> Verdict:
    """``result`` (shown sums and products evaluated) against ``reference`` by the one
    verification service (:func:`derive.verify.compare`)."""
    return verify_compare(as_value(as_expr(result)), as_value(as_expr(reference)), against)
