"""Shortening deep sub-expressions for display inside a long derivation.

In ``sin(sin(…(x)…))`` a thousand levels deep every step would otherwise print a thousand
levels; steps show the top levels and an ellipsis below, so the narration stays linear in size.
The expression being differentiated is always shown in full; so is the final result unless it
nests deeper than :data:`RESULT_DEPTH` (the JSON output always has it in full).
"""

from __future__ import annotations

from sympy import Basic

from ..notation import Elided
from ..sizes import depth_at_most

SHOWN_DEPTH = 10
RESULT_DEPTH = 60


def abbreviate(expr: Basic, depth: int = SHOWN_DEPTH) -> Basic:
    """``expr`` with everything below ``depth`` levels replaced by an ellipsis."""
    if depth_at_most(expr, depth):
        return expr
    return _cut(expr, depth)


def _cut(expr: Basic, depth: int) -> Basic:
    if not expr.args:
        return expr
    if depth <= 1:
        return Elided()
    args = [_cut(arg, depth - 1) for arg in expr.args]
    try:
        return expr.func(*args, evaluate=False)
    except TypeError:
        return expr.func(*args)
