"""Reading what a caller gives: expressions and variables as text or as sympy objects.

Every entry point (``explain``, the topics, ``check``) reads its input here, so text always goes
through derive's own parser (never ``sympify``) and the same defaults apply everywhere (the only
variable when none is given).
"""

from __future__ import annotations

import difflib
from dataclasses import fields, is_dataclass, replace

from sympy import Basic, Expr, Symbol

from .errors import UsageError
from .deep import run_deep
from .messages import Message
from .notation.spelling import Spelling, current, spelled
from .parse import Operator, parse, parse_variable
from .render.json import expression_string
from .steps import Step
from .undefined import check_defined
from .verify import Verification

MAX_ORDER = 20


def read_expression(expression, functions=(), latex=None):
    """``(text, expr, readings)`` from user text (parsed) or a sympy object (taken as is)."""
    return read_operand(expression, functions, latex, operators=False)[:3]


def read_operand(expression, functions=(), latex=None, operators=True):
    """``(text, expr, readings, operator)``: like :func:`read_expression`, but the text may
    start with a derivative operator (``d/dx x^2``), returned as ``operator`` (else None)."""
    return read_spelled(expression, functions, latex, operators)[:4]


def read_spelled(expression, functions=(), latex=None, operators=True):
    """``(text, expr, readings, operator, spelling)``: :func:`read_operand` and how the user
    wrote the expression (the function names and the order of terms typed; for a sympy
    object, the current spelling: by default the textbook's names and the printed order)."""
    if isinstance(expression, Basic):
        text = expression_string(expression)     # exact, whatever the length of its numbers
        check_defined(expression, text)
        return text, expression, (), None, current()
    if not isinstance(expression, str):
        raise UsageError("api.expression_type", got=type(expression).__name__)
    parsed = parse(expression, functions=tuple(functions), latex=latex, operators=operators)
    check_defined(parsed.expr, parsed.text)
    return parsed.text, parsed.expr, parsed.readings, parsed.operator, parsed.spelling


def run_spelled(spelling: Spelling, work, *args):
    """``work(*args)``, a topic's computation returning a result, run deep with ``spelling``
    current (so that sums are differentiated in the order typed); the result keeps it, with
    the orders of the sums its derivations made (:mod:`derive.term_order`)."""
    with spelled(spelling):
        result = run_deep(work, *args)
    made = tuple(order for inner in _inner_results(result) for order in inner.spelling.orders)
    return replace(result, spelling=spelling.merged(Spelling(orders=made)))


def _inner_results(result) -> list:
    """The results (derivations) inside ``result``'s fields, however nested in tuples, lists,
    dicts and dataclasses, in field order (not inside a result found, nor inside a Step tree)."""
    found, seen, pending = [], {id(result)}, [result]
    while pending:
        value = pending.pop(0)
        if value is not result and isinstance(getattr(value, "spelling", None), Spelling):
            found.append(value)             # its spelling holds its own sums' orders
            continue
        if isinstance(value, (Step, Verification)):
            continue                        # a tree: its sums are its result's to order
        if is_dataclass(value) and not isinstance(value, type):
            children = [getattr(value, f.name) for f in fields(value)]
        elif isinstance(value, (tuple, list)):
            children = list(value)
        elif isinstance(value, dict):
            children = list(value.values())
        else:
            continue
        for child in children:
            if (is_dataclass(child) or isinstance(child, (tuple, list, dict))) \
                    and id(child) not in seen:
                seen.add(id(child))
                pending.append(child)
    return found


def read_variable(value: str | Symbol) -> Symbol:
    """A variable given as text (``x1``, ``z_i``, ``θ``) or as a Symbol."""
    if isinstance(value, Symbol):
        return value
    return parse_variable(value)


def read_variables(values) -> tuple[Symbol, ...] | None:
    """One variable or several, as a tuple; ``None`` when none is given."""
    if values is None:
        return None
    if isinstance(values, (str, Symbol)):
        values = [values]
    chosen = tuple(read_variable(v) for v in values)
    return chosen or None


def choose_variables(expr: Expr, wrt, order: int | None, allow_absent: bool = False,
                     operator: Operator | None = None) -> tuple[Symbol, ...]:
    """The variables to differentiate by, in order; by default the only free symbol, or those
    of the ``operator`` written in the input (``wrt`` and ``order`` may repeat them, not
    contradict them).  A variable that does not occur in ``expr`` is an error unless
    ``allow_absent``."""
    if operator is not None:
        return _operator_variables(expr, wrt, order, allow_absent, operator)
    order = 1 if order is None else order
    if not isinstance(order, int) or order < 1:
        raise UsageError("order.not_whole", got=repr(order))
    if order > MAX_ORDER:
        raise UsageError("order.too_high", most=MAX_ORDER, got=order)
    if wrt is None:
        candidates = sorted(expr.free_symbols, key=lambda s: s.name)
        if len(candidates) > 1:
            raise UsageError("wrt.several", names=tuple(s.name for s in candidates),
                             first=candidates[0].name)
        chosen = (candidates[0] if candidates else Symbol("x"),)
    elif isinstance(wrt, (str, Symbol)):
        chosen = (read_variable(wrt),)
    else:
        chosen = tuple(read_variable(v) for v in wrt)
        if not chosen:
            raise UsageError("wrt.none")
    if len(chosen) > 1 and order != 1:
        raise UsageError("wrt.order_and_several")
    if wrt is not None:
        require_present(expr, chosen, allow_absent)
    return chosen * order if len(chosen) == 1 else chosen


def _operator_variables(expr, wrt, order, allow_absent, operator) -> tuple[Symbol, ...]:
    stated = operator.variables
    if wrt is not None:
        given = read_variables(wrt)
        if given != stated and given != stated[:1] * len(given) or \
                len(set(stated)) > 1 and given != stated:
            raise UsageError("operator.wrt_conflict", operator=operator.plain(),
                             stated=tuple(v.name for v in dict.fromkeys(stated)),
                             given=tuple(v.name for v in given))
    if order is not None and order != len(stated):
        raise UsageError("operator.order_conflict", operator=operator.plain(),
                         stated=len(stated), given=order)
    require_present(expr, stated, allow_absent)
    return stated


def first_order_variables(operator: Operator, wrt, what: Message) -> tuple[Symbol, ...]:
    """The variables of a first-order operator (``∂/∂y``) for a topic that takes first
    derivatives; ``wrt`` may repeat them."""
    if operator.order != 1:
        raise UsageError("operator.first_only", command=what, operator=operator.plain())
    if wrt is not None and read_variables(wrt) != operator.variables:
        raise UsageError("operator.wrt_differ", operator=operator.plain())
    return operator.variables


def require_present(expr: Expr, variables, allow_absent: bool = False) -> None:
    """Refuse a variable the expression does not contain (``--wrt w0`` for ``w_0``): its
    derivative would be 0, an answer to another question than the one meant.  An expression
    without variables (a constant) accepts any."""
    present = expr.free_symbols
    if allow_absent or not present:
        return
    for var in variables:
        if var not in present:
            names = sorted(s.name for s in present)
            guess = closest_name(var.name, names)
            raise UsageError("wrt.absent", "hint.absent_guess" if guess else "hint.allow_absent",
                             var=var.name, names=tuple(names), guess=guess)


def closest_name(name: str, names: list[str]) -> str | None:
    """The name in ``names`` that ``name`` most likely means: ``w0`` → ``w_0``, ``X`` → ``x``."""
    def plain(text: str) -> str:
        return text.replace("_", "").replace("{", "").replace("}", "").lower()

    same = [candidate for candidate in names if plain(candidate) == plain(name)]
    if same:
        return same[0]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return close[0] if close else None
