"""Cheap, bounded measures of an expression's size, used to decide what is affordable.

Each walks the tree with an explicit stack and stops as soon as it knows the answer, so asking
about a huge expression costs at most ``limit`` steps.
"""

from __future__ import annotations

from collections.abc import Iterator

from sympy import Basic

#: Nodes beyond which an expression is "large": formulas then keep its products unflattened and
#: put it back into an outer function unevaluated (see :class:`~derive.steps.ChainStep`), since
#: sympy's canonical ordering and assumptions walk all of it at every level of a deep chain.
LARGE = 200


def distinct_nodes(expr: Basic) -> Iterator[Basic]:
    """Each distinct sub-expression of ``expr`` once, outermost first.

    A shared sub-expression is visited once, so a DAG that prints as a huge tree costs only its
    distinct nodes; stop iterating as soon as the answer is known.
    """
    stack, seen = [expr], set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        stack.extend(node.args)


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


def expansion_at_most(expr: Basic, limit: int) -> bool:
    """Whether ``expand(expr)`` stays within about ``limit`` terms of work.

    Expanding multiplies out sums: ``(a + b)(c + d)`` has 4 terms, ``(a + b)^n`` up to 2ⁿ, and a
    denominator or a function's argument is expanded too.  An expression of a few hundred nodes
    (nested quotients ``1/(x + 1/(x + …))``) can expand to millions of terms, so the node count
    alone does not bound the cost: this estimates, per distinct sub-expression, the number of
    terms its expansion has, and adds them up.  sympy's ``expand`` also goes over a denominator
    once per hint and again over what it produced, so its cost is exponential in the nesting of
    denominators: more than :data:`MAX_NESTED_DENOMINATORS` levels count as too much.
    """
    if not denominators_nest_at_most(expr, MAX_NESTED_DENOMINATORS):
        return False
    terms: dict[Basic, int] = {}
    work = 0
    stack: list[tuple[Basic, bool]] = [(expr, False)]
    while stack:
        node, ready = stack.pop()
        if node in terms:
            continue
        args = getattr(node, "args", ())
        if not ready and args:
            stack.append((node, True))
            stack.extend((a, False) for a in args if a not in terms)
            continue
        if not args:
            count = 1
        elif node.is_Add:
            count = sum(terms[a] for a in args)
        elif node.is_Mul:
            count = 1
            for a in args:
                count = min(count * terms[a], limit + 1)
        elif node.is_Pow and node.exp.is_Integer:
            power = min(terms[args[0]] ** min(abs(int(node.exp)), 64), limit + 1)
            count = power if node.exp > 0 else 1
            work += power
        else:
            count = 1
            work += sum(terms[a] for a in args)
        terms[node] = min(count, limit + 1)
        work += terms[node]
        if work > limit:
            return False
    return True


#: Denominators inside denominators (``1/(x + 1/(x + 1/x))`` has 3) beyond which expanding or
#: putting over one denominator is not attempted.
MAX_NESTED_DENOMINATORS = 3


def denominators_nest_at_most(expr: Basic, limit: int) -> bool:
    """Whether ``expr`` has at most ``limit`` levels of denominators inside denominators."""
    stack = [(expr, 0)]
    seen: set[tuple[int, int]] = set()
    while stack:
        node, level = stack.pop()
        if (id(node), level) in seen:
            continue
        seen.add((id(node), level))
        if node.is_Pow and node.exp.is_negative:
            level += 1
            if level > limit:
                return False
        stack.extend((arg, level) for arg in getattr(node, "args", ()))
    return True
