"""The forward and backward pass through a computation of scalar nodes.

Forward: each assignment's value at the point, in order.  Backward: from ∂L/∂L = 1, each node's
adjoint is the sum over the nodes that use it of ∂L/∂child · ∂child/∂node (the multivariable
chain rule); every local derivative ∂child/∂node is an ordinary derive derivation (traced and
verified, :func:`derive.topics.common.traced`).  A node that one formula uses in several places is
first given one node per use (:func:`stage_repeated_uses`), so the graph shows each path.

The gradient of each parameter is kept three ways: in the node names (the product of local
derivatives along the paths), fully substituted (only the inputs left) and as a number; it is
checked against ``sympy.diff`` of the fully substituted loss (symbolically, and at the point) and
against central differences at the point.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
from sympy import Basic, Expr, Integer, Symbol, diff, preorder_traversal, sech, tanh

from ...derivation import Derivation
from ...errors import UsageError
from ...names import NameSupply
from ...numeric import DPS, Evaluator, is_real
from ...sizes import size_at_most
from ...verify import Verdict, all_of
from ..common import compare, traced
from .numbers import as_float
from .program import Assignment, Program

STEP = mpmath.mpf("1e-12")               # central differences: f(θ ± STEP)
TOLERANCE = mpmath.mpf("1e-12")          # relative agreement asked of the numeric checks
# A loss larger than this (nodes of the formula in the inputs) is not differentiated whole by
# sympy.diff: for a 20-layer chain that takes seconds per parameter.  Every local derivative is
# still checked against sympy.diff, and every gradient against central differences.
ORACLE_NODES = 80


@dataclass(frozen=True)
class Staging:
    """``name = part`` was split out of the formula of ``node`` because ``used`` occurs in it
    several times."""

    node: Symbol
    used: Symbol
    name: Symbol
    part: Expr


@dataclass(frozen=True)
class Local:
    """∂child/∂node: the traced derivation, its result with the child's own formula written
    as the child's name (σ(w·h + b) as y), and its value at the point."""

    child: Symbol
    node: Symbol
    derivation: Derivation
    named: Expr
    value: object                      # mpmath

    @property
    def result(self) -> Expr:
        return self.derivation.result


@dataclass(frozen=True)
class Adjoint:
    """∂L/∂node: one term ∂L/∂child · ∂child/∂node per user, its form in node names and its
    value."""

    node: Symbol
    uses: tuple[Local, ...]
    in_names: Expr
    value: object                      # mpmath


@dataclass(frozen=True)
class ParameterGradient:
    """∂L/∂θ for one parameter: in node names, substituted, its value, one descent step."""

    parameter: Symbol
    in_names: Expr
    substituted: Expr | None           # None when the loss is too large to write out
    value: object
    check: Verdict
    updated: object = None             # θ − η·∂L/∂θ, when a learning rate is given
    oracle: Verdict | None = None      # sympy.diff of the substituted loss (or why skipped)

    @property
    def verified(self) -> bool:
        return self.check.ok


@dataclass(frozen=True)
class ScalarPass:
    """Everything the forward and backward pass found."""

    assignments: tuple[Assignment, ...]
    stagings: tuple[Staging, ...]
    inputs: tuple[Symbol, ...]
    values: dict                       # Symbol → mpmath value, inputs and nodes
    adjoints: tuple[Adjoint, ...]      # in backward order: the loss first, inputs last
    gradients: tuple[ParameterGradient, ...]
    loss_substituted: Expr

    def adjoint(self, node: Symbol) -> Adjoint:
        return next(a for a in self.adjoints if a.node == node)

    @property
    def verified(self) -> bool:
        return all(g.verified for g in self.gradients) and all(
            u.derivation.verified for a in self.adjoints for u in a.uses)


# --- one node per use --------------------------------------------------------------------------

def _occurrences(expr: Basic, symbol: Symbol) -> int:
    return sum(1 for node in preorder_traversal(expr) if node == symbol)


def stage_repeated_uses(assignments: tuple[Assignment, ...], inputs) -> tuple[
        tuple[Assignment, ...], tuple[Staging, ...]]:
    """Each formula that uses a node in several places gets the parts that hold one use each
    named (``L = (a + a² − t)²`` becomes ``u = a²``, ``L = (a + u − t)²``), so the node feeds
    several nodes and its adjoint adds one term per path."""
    names = NameSupply([str(a.name) for a in assignments] + [str(s) for s in inputs]
                       + [str(s) for a in assignments for s in a.expression.free_symbols])
    nodes = {a.name for a in assignments}
    out: list[Assignment] = []
    stagings: list[Staging] = []
    pending = list(assignments)
    while pending:
        a = pending.pop(0)
        repeated = next((s for s in sorted(a.expression.free_symbols & nodes, key=str)
                         if _occurrences(a.expression, s) > 1), None)
        split = _split(a.expression, repeated) if repeated is not None else []
        if not split:
            out.append(a)
            continue
        new = []
        expression = a.expression
        for part in split:
            name = names.fresh()
            nodes.add(name)
            stagings.append(Staging(a.name, repeated, name, part))
            new.append(Assignment(name, part, a.line, f"{name} = {part}"))
            expression = expression.xreplace({part: name})
        pending[:0] = new + [Assignment(a.name, expression, a.line, a.text, a.readings)]
    return tuple(out), tuple(stagings)


def _split(expr: Expr, symbol: Symbol) -> list[Expr]:
    """The parts of ``expr`` that hold the uses of ``symbol`` apart: below the first node whose
    arguments share the uses, each argument that uses ``symbol`` but is not ``symbol`` itself."""
    node = expr
    while True:
        holding = [arg for arg in node.args if symbol in arg.free_symbols]
        if len(holding) != 1:
            break
        node = holding[0]
    parts: list[Expr] = []
    for arg in holding:
        if arg != symbol and arg not in parts:
            parts.append(arg)
    # a single part that holds every use would only rename the formula
    if len(parts) == 1 and _occurrences(parts[0], symbol) == _occurrences(expr, symbol) and \
            not any(arg == symbol for arg in holding):
        return []
    return parts


# --- the passes ----------------------------------------------------------------------------------

def _undefined(what: str, point_names, values) -> UsageError:
    at = tuple(f"{s} = {mpmath.nstr(values[s], 6)}" for s in point_names if s in values)
    return UsageError("backprop.undefined", what=what, at=at)


def forward(assignments, values: dict) -> dict:
    """Each node's value, in order, added to ``values``; an undefined value is an error."""
    values = dict(values)
    for a in assignments:
        value = Evaluator(values)(a.expression)
        if not is_real(value):
            raise _undefined(f"{a.name} = {a.expression}", sorted(a.expression.free_symbols,
                                                                  key=str), values)
        values[a.name] = mpmath.mpf(value.real if isinstance(value, mpmath.mpc) else value)
    return values


def _named(result: Expr, child: Assignment) -> Expr:
    """The local derivative with the child's own formula written as its name: σ(u)(1 − σ(u))
    as y(1 − y), and for h = tanh(u), sech²(u) = 1 − tanh²(u) as 1 − h²."""
    if child.expression.is_Atom:
        return result
    if isinstance(child.expression, tanh):
        argument = child.expression.args[0]
        result = result.xreplace({sech(argument) ** 2: 1 - child.expression ** 2})
    return result.xreplace({child.expression: child.name})


def backward(assignments, inputs, values: dict) -> tuple[Adjoint, ...]:
    """Adjoints from the loss back to the inputs."""
    loss = assignments[-1].name
    adjoint_value = {loss: mpmath.mpf(1)}
    in_names: dict[Symbol, Expr] = {loss: Integer(1)}
    out = [Adjoint(loss, (), Integer(1), mpmath.mpf(1))]
    order = [a.name for a in reversed(assignments[:-1])] + list(inputs)
    for node in order:
        uses = []
        for child in assignments:
            if node not in child.expression.free_symbols:
                continue
            derivation = traced(child.expression, node)
            value = Evaluator(values)(derivation.result)
            if not is_real(value):
                raise _undefined(f"∂{child.name}/∂{node} = {derivation.result}",
                                 sorted(derivation.result.free_symbols, key=str), values)
            uses.append(Local(child.name, node, derivation, _named(derivation.result, child),
                              mpmath.mpf(value.real if isinstance(value, mpmath.mpc) else value)))
        total = sum((adjoint_value[u.child] * u.value for u in uses), mpmath.mpf(0))
        form = sum((in_names[u.child] * u.named for u in uses), Integer(0))
        adjoint_value[node], in_names[node] = total, form
        out.append(Adjoint(node, tuple(uses), form, total))
    return tuple(out)


def substitution(assignments) -> dict[Symbol, Expr]:
    """Each node's formula in the inputs only."""
    full: dict[Symbol, Expr] = {}
    for a in assignments:
        full[a.name] = a.expression.xreplace(full)
    return full


def central_difference(loss: Expr, parameter: Symbol, values: dict):
    """(L(θ + h) − L(θ − h)) / 2h at the point."""
    with mpmath.workdps(DPS):
        ahead = {**values, parameter: values[parameter] + STEP}
        behind = {**values, parameter: values[parameter] - STEP}
        up, down = Evaluator(ahead)(loss), Evaluator(behind)(loss)
        if not (is_real(up) and is_real(down)):
            return None
        return (mpmath.re(up) - mpmath.re(down)) / (2 * STEP)


def agree(value, reference, against: str) -> Verdict:
    """Whether a claimed value agrees with a reference value at the point."""
    if reference is None or not is_real(reference):
        return Verdict("unchecked", detail=f"{against}: no value at the point", against=against)
    reference = mpmath.re(reference)
    if abs(value - reference) <= TOLERANCE * max(1, abs(value), abs(reference)):
        return Verdict("numeric", 1, against=against)
    return Verdict("failed", 1, detail=f"{mpmath.nstr(value, 12)} ≠ {mpmath.nstr(reference, 12)}",
                   against=against)


def gradient_of(parameter, adjoint: Adjoint, full: dict, loss: Expr, values: dict,
                lr) -> ParameterGradient:
    differences = agree(adjoint.value, central_difference(loss, parameter, values),
                                   "central differences")
    if size_at_most(loss, ORACLE_NODES):
        substituted = adjoint.in_names.xreplace(full)
        reference = diff(loss, parameter)
        oracle = all_of([compare(substituted, reference, "sympy.diff of the substituted loss"),
                         agree(adjoint.value, Evaluator(values)(reference),
                                          "sympy.diff at the point")])
        check = all_of([oracle, differences])
    else:
        substituted = None
        oracle = Verdict("skipped", detail=f"the loss has more than {ORACLE_NODES} nodes")
        check = differences
    updated = None if lr is None else values[parameter] - lr * adjoint.value
    return ParameterGradient(parameter, adjoint.in_names, substituted, adjoint.value, check,
                             updated, oracle)


def scalar_pass(program: Program, point: dict, parameters, lr) -> ScalarPass:
    """The forward pass, the backward pass and the gradients of ``parameters``."""
    assignments, stagings = stage_repeated_uses(program.assignments, program.inputs)
    values = forward(assignments, {s: mpmath.mpf(as_float(point[s])) for s in program.inputs})
    adjoints = backward(assignments, program.inputs, values)
    full = substitution(assignments)
    loss = full[assignments[-1].name]
    by_node = {a.node: a for a in adjoints}
    rate = None if lr is None else mpmath.mpf(as_float(lr))
    gradients = tuple(gradient_of(p, by_node[p], full, loss, values, rate) for p in parameters)
    return ScalarPass(assignments, stagings, program.inputs, values, adjoints, gradients, loss)
