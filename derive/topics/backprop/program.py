"""Reading a computation: named assignments, the last one the loss, and the point to evaluate at.

A program is text with one assignment ``name = expression`` a line or several on one line
separated by ``;`` (``#`` starts a comment), or, from the API, a sequence of such strings or of
``(name, expression)`` pairs.  Each right-hand side is read by derive's own parser.  Two
operations of a vector layer are whole right-hand sides of their own, ``softmax(z)`` and
``cross_entropy(p, y)``; they become the undefined functions :data:`SOFTMAX` and
:data:`CROSS_ENTROPY` applied to the names, for :mod:`.layer` to recognise.

The checks here are about the program as written: every assignment names one variable, once; a
name is assigned before it is used; no name depends on itself (a cycle).  The point
(``--at x=0.5,t=1`` or a mapping) gives each free name a number, a vector ``[1, 0, 0]`` or a
matrix ``[[0.1, 0.2], [0.3, 0.4]]``; numbers are read by the parser too (``1/3``, ``-0.8``).

To accept another whole-line operation: a pattern in :data:`_OPERATIONS` and a function name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from sympy import Basic, Expr, Function, ImmutableMatrix, Rational, Symbol
from sympy.matrices.immutable import ImmutableDenseMatrix

from ...errors import ParseError, UsageError
from ...messages import Message
from ...parse import parse, parse_variable

SOFTMAX = Function("softmax")


class cross_entropy(Function):  # noqa: N801 - named as the user writes it, which str prints
    """The cross-entropy of a prediction and a target, kept unevaluated (``\\operatorname``
    in LaTeX, where an ``_`` would start a subscript)."""

    nargs = 2

    def _latex(self, printer):
        prediction, target = (printer._print(a) for a in self.args)
        return rf"\operatorname{{cross\_entropy}}\left({prediction}, {target}\right)"


CROSS_ENTROPY = cross_entropy

_NAME = r"\s*([A-Za-z_][A-Za-z_0-9]*)\s*"
_OPERATIONS = {
    re.compile(rf"softmax\({_NAME}\)"): SOFTMAX,
    re.compile(rf"cross_entropy\({_NAME},{_NAME}\)"): CROSS_ENTROPY,
}
MAX_ASSIGNMENTS = 200


class MatrixValue(ImmutableDenseMatrix):
    """A value written as a matrix (rows in brackets), even with one column: ``[[1], [2]]`` is a
    2×1 matrix, ``[1, 2]`` a vector."""


@dataclass(frozen=True)
class Assignment:
    """``name = expression``, from line ``line`` (1-based) of the program, as ``text``."""

    name: Symbol
    expression: Expr
    line: int
    text: str
    readings: tuple = ()


@dataclass(frozen=True)
class Program:
    """The assignments in order (the last is the loss) and the free names, in order of first
    use (by name within an assignment)."""

    text: str
    assignments: tuple[Assignment, ...]
    inputs: tuple[Symbol, ...]

    @property
    def loss(self) -> Assignment:
        return self.assignments[-1]

    @property
    def names(self) -> tuple[Symbol, ...]:
        return tuple(a.name for a in self.assignments)

    def assignment(self, name: Symbol) -> Assignment:
        return next(a for a in self.assignments if a.name == name)


def _lines(program) -> list[tuple[int, str]]:
    """``(line number, assignment text)`` of every assignment in ``program``."""
    if isinstance(program, str):
        out = []
        for number, line in enumerate(program.splitlines() or [""], start=1):
            code = line.split("#", 1)[0]
            out.extend((number, piece.strip()) for piece in code.split(";") if piece.strip())
        return out
    if isinstance(program, (list, tuple)):
        out = []
        for number, item in enumerate(program, start=1):
            if isinstance(item, tuple) and len(item) == 2:
                out.append((number, f"{item[0]} = {item[1]}"))
            elif isinstance(item, str):
                out.append((number, item.strip()))
            else:
                raise UsageError("backprop.assignment_type", number=number,
                                 got=type(item).__name__)
        return out
    raise UsageError("backprop.program_type", got=type(program).__name__)


def _where(number: int, text: str) -> Message:
    return Message("backprop.where", line=number, text=text)


def _assignment(number: int, text: str, functions, latex) -> Assignment:
    left, equals, right = text.partition("=")
    if not equals or not left.strip() or not right.strip() or right.lstrip().startswith("="):
        raise UsageError("backprop.not_assignment", where=_where(number, text))
    try:
        name = parse_variable(left.strip())
    except ParseError as error:
        raise UsageError("backprop.left_side_because", where=_where(number, text),
                         reason=error) from None
    if not isinstance(name, Symbol):
        raise UsageError("backprop.left_side", where=_where(number, text))
    body = right.strip()
    for pattern, function in _OPERATIONS.items():
        match = pattern.fullmatch(body)
        if match:
            arguments = [parse_variable(group) for group in match.groups()]
            return Assignment(name, function(*arguments), number, text)
    try:
        parsed = parse(body, functions=tuple(functions), latex=latex)
    except ParseError as error:
        raise ParseError("backprop.in_line", body, error.position, error.hint_key,
                         **{**error.params, "at_line": _where(number, text),
                            "inner": Message(error.key, **error.params)}) from None
    return Assignment(name, parsed.expr, number, text, parsed.readings)


def _used(expr: Basic) -> list[Symbol]:
    return sorted(expr.free_symbols, key=lambda s: s.name)


def _as_written(a: Assignment) -> list[Symbol]:
    """The names ``a`` uses, in the order they are written (by name where the text does not
    show a name as it is, e.g. a Greek letter typed as a word)."""
    def position(s: Symbol) -> tuple[int, str]:
        match = re.search(rf"(?<![A-Za-z0-9_]){re.escape(s.name)}(?![A-Za-z0-9_])", a.text)
        return (match.start() if match else len(a.text), s.name)
    return sorted(a.expression.free_symbols, key=position)


def read_program(program, functions=(), latex=None) -> Program:
    """The assignments of ``program``, checked: each name assigned once, before it is used,
    without a cycle."""
    lines = _lines(program)
    if not lines:
        raise UsageError("backprop.empty")
    if len(lines) > MAX_ASSIGNMENTS:
        raise UsageError("backprop.too_many", most=MAX_ASSIGNMENTS, got=len(lines))
    assignments = [_assignment(number, text, functions, latex) for number, text in lines]
    first: dict[Symbol, Assignment] = {}
    for a in assignments:
        if a.name in first:
            raise UsageError("backprop.assigned_twice", where=_where(a.line, a.text), name=a.name,
                             first=first[a.name].line)
        first[a.name] = a
    _check_order(assignments, first)
    assigned = set(first)
    inputs: list[Symbol] = []
    for a in assignments:
        inputs.extend(s for s in _as_written(a) if s not in assigned and s not in inputs)
    text = program if isinstance(program, str) else "; ".join(t for _, t in lines)
    return Program(text, tuple(assignments), tuple(inputs))


def _check_order(assignments: list[Assignment], by_name: dict[Symbol, Assignment]) -> None:
    """A cycle, or a name used before its assignment, is an error naming both lines."""
    for position, a in enumerate(assignments):
        later = {b.name for b in assignments[position:]}
        for used in _used(a.expression):
            if used not in later:
                continue
            cycle = _cycle_through(used, a.name, by_name)
            if cycle is not None:
                path = " → ".join(s.name for s in cycle)
                lines = tuple(by_name[s].line for s in cycle[:-1])
                raise UsageError("backprop.cycle", path=path, lines=lines)
            user = by_name[used]
            raise UsageError("backprop.used_before", where=_where(a.line, a.text), name=used,
                             line=user.line)


def _cycle_through(start: Symbol, target: Symbol, by_name) -> list[Symbol] | None:
    """A path target → start → … → target of dependencies, if there is one (depth first,
    without recursion)."""
    stack = [(start, [target, start])]
    seen: set[Symbol] = set()
    while stack:
        name, path = stack.pop()
        if name == target:
            return path
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        for used in reversed(_used(by_name[name].expression)):
            stack.append((used, path + [used]))
    return None


# --- the point ---------------------------------------------------------------------------------

def _split_top(text: str, separator: str = ",") -> list[str]:
    """``text`` split at ``separator`` outside brackets."""
    pieces, depth, current = [], 0, []
    for c in text:
        depth += {"[": 1, "]": -1, "(": 1, ")": -1}.get(c, 0)
        if c == separator and depth == 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(c)
    pieces.append("".join(current))
    return pieces


def read_number(value, name: str) -> Expr:
    """A real number given as text (read by the parser), a Python number or a sympy number."""
    if isinstance(value, bool):
        raise UsageError("at.not_number", name=name, got=repr(value))
    if isinstance(value, int):
        return Rational(value)
    if isinstance(value, float):
        return Rational(repr(value))
    if isinstance(value, Basic):
        number = value
    elif isinstance(value, str):
        try:
            number = parse(value.strip()).expr
        except ParseError as error:
            raise UsageError("at.value_error", name=name, value=value.strip(),
                             reason=error) from None
    else:
        raise UsageError("at.not_number", name=name, got=type(value).__name__)
    if number.free_symbols or not number.is_real or not number.is_finite:
        raise UsageError("at.not_real", name=name, value=value)
    return number


def _read_value(value, name: str):
    """A number, or a vector or matrix of numbers (text in brackets, or nested lists)."""
    if isinstance(value, str) and value.strip().startswith("["):
        body = value.strip()
        if not body.endswith("]"):
            raise UsageError("at.vector_form", name=name, value=body)
        return _read_value([piece for piece in _split_top(body[1:-1])], name)
    if isinstance(value, (list, tuple)):
        rows = [_read_value(v, name) for v in value]
        if not rows:
            raise UsageError("at.vector_empty", name=name)
        if all(isinstance(r, ImmutableMatrix) for r in rows):
            if len({r.shape for r in rows}) != 1 or rows[0].shape[1] != 1:
                raise UsageError("at.matrix_rows", name=name)
            return MatrixValue([list(r) for r in rows])
        if any(isinstance(r, ImmutableMatrix) for r in rows):
            raise UsageError("at.mixed", name=name)
        return ImmutableMatrix(rows)
    return read_number(value, name)


def read_point(at) -> dict[Symbol, object]:
    """``{name: value}`` from ``"x=0.5,t=1,h=[1,2]"`` or a mapping."""
    if at is None:
        return {}
    if isinstance(at, Mapping):
        items = [(str(k), v) for k, v in at.items()]
    elif isinstance(at, str):
        items = []
        for piece in _split_top(at):
            if not piece.strip():
                continue
            name, equals, value = piece.partition("=")
            if not equals or not name.strip() or not value.strip():
                raise UsageError("at.pairs", got=repr(piece.strip()))
            items.append((name.strip(), value))
    else:
        raise UsageError("at.type", got=type(at).__name__)
    point: dict[Symbol, object] = {}
    for name, value in items:
        try:
            symbol = parse_variable(name)
        except ParseError as error:
            raise UsageError("at.name_error", name=name, reason=error) from None
        if symbol in point:
            raise UsageError("at.twice", name=name)
        point[symbol] = _read_value(value, name)
    return point
