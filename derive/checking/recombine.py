"""Recomputing a step's result from its children's results, by each rule's formula.

The diagnosis changes the result of ONE node of a Step tree (a slip) and needs the final
answer that slip leads to: :func:`propagate` walks from that node up to the root, and at each
ancestor applies the ancestor's formula (:meth:`~derive.steps.CombiningStep.evaluate`, the one
the tracer used) to its children's results, one of which is the changed one.  No
tidying happens here: the values are compared, not shown.  A new combining Step class needs
nothing here.
"""

from __future__ import annotations

from typing import Sequence

from sympy import Expr

from ..steps import RepeatedStep, Step
from ..verify import sympy_derivative


def propagate(path: Sequence[Step], changed: Expr) -> Expr:
    """The root's result when the last node of ``path`` (root first) gives ``changed`` instead.

    In a repeated derivative the later derivatives are taken of the changed result (correctly:
    one slip, then everything right), with ``sympy.diff``.
    """
    value = changed
    for depth in range(len(path) - 2, -1, -1):
        parent, child = path[depth], path[depth + 1]
        children = parent.children()
        index = next(i for i, c in enumerate(children) if c is child)
        if isinstance(parent, RepeatedStep):
            later = parent.variables[index + 1:]
            value = sympy_derivative(value, tuple(later)) if later else value
            continue
        results = tuple(value if i == index else c.result for i, c in enumerate(children))
        value = parent.evaluate(results)
    return value
