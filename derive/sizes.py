"""Cheap, bounded measures of an expression's size, used to decide what is affordable.

Each walks the tree with an explicit stack and stops as soon as it knows the answer, so asking
about a huge expression costs at most ``limit`` steps.
"""

from __future__ import annotations

from sympy import Basic


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
