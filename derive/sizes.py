"""Cheap, bounded measures of an expression's size, used to decide what is affordable.

Each walks the tree with an explicit stack and stops as soon as it knows the answer, so asking
about a huge expression costs at most ``limit`` steps.
"""

from __future__ import annotations

from sympy import Basic

#: Nodes beyond which an expression is "large": formulas then keep its products unflattened and
#: put it back into an outer function unevaluated (see :class:`~derive.steps.ChainStep`), since
#: sympy's canonical ordering and assumptions walk all of it at every level of a deep chain.
LARGE = 200


def size_at_most(expr: Basic, limit: int) -> bool:
    """Whether ``expr`` has at most ``limit`` nodes."""
    seen = 0
    stack = [expr]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > limit:
            return False
        stack.extend(getattr(node, "args", ()))
    return True


def depth_at_most(expr: Basic, limit: int) -> bool:
    """Whether ``expr`` nests at most ``limit`` levels deep."""
    stack = [(expr, 1)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend((arg, depth + 1) for arg in getattr(node, "args", ()))
    return True


class Dependence:
    """``expr.has(var)``, remembered for every sub-expression it visits.

    One derivation asks this of every node, and the nodes are nested inside one another, so
    sympy's ``has`` (a fresh walk each time) is quadratic in the nesting depth; remembering the
    answer for each sub-expression makes all the questions together linear.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[Basic, Basic], bool] = {}

    def __call__(self, expr: Basic, var: Basic) -> bool:
        known = self._known
        key = (expr, var)
        if key in known:
            return known[key]
        stack = [(expr, False)]
        while stack:
            node, ready = stack.pop()
            if (node, var) in known:
                continue
            args = getattr(node, "args", ())
            if node == var or not args:
                known[(node, var)] = node == var
            elif ready:
                known[(node, var)] = any(known[(arg, var)] for arg in args)
            else:
                stack.append((node, True))
                stack.extend((arg, False) for arg in args if (arg, var) not in known)
        return known[key]
