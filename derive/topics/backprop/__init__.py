"""Backpropagation: the forward and backward pass of a small computation, with the numbers.

``backprop(program, at=…, wrt=None, lr=None)`` reads named assignments (the last one is the
loss, :mod:`.program`), evaluates every node at the point (the forward pass), and sends the
adjoint ∂L/∂node back through the graph (the backward pass, :mod:`.scalar`), each local
derivative an ordinary traced derivation.  The parameters are the free names, or those of
``wrt``; with a learning rate ``lr`` one gradient-descent step θ − η·∂L/∂θ follows.

The result is a :class:`Backpropagation` (``kind: "backprop"`` in JSON); its narration is
:mod:`derive.narrate.backprop`.  To support a new kind of layer, add a module beside
:mod:`.scalar` that returns its pass, and a field for it on :class:`Backpropagation`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, ImmutableMatrix, Symbol

from ...deep import run_deep
from ...errors import UsageError
from ...inputs import read_variables
from ...render.json import expression_string, header, latex_string
from ...result import ExpressionResult
from ..common import traced_data
from .numbers import JSON_DIGITS, as_float
from .program import CROSS_ENTROPY, SOFTMAX, Program, read_number, read_point, read_program
from .layer import LayerPass, is_layer, layer_pass
from .scalar import ScalarPass, scalar_pass, substitution


@dataclass(frozen=True)
class Backpropagation(ExpressionResult):
    """A computation's forward pass, backward pass and gradients at one point."""

    program: Program
    point: dict
    wrt: tuple[Symbol, ...]
    lr: Expr | None
    scalar: ScalarPass | None = None
    layer: LayerPass | None = None

    @property
    def loss(self) -> Symbol:
        return self.program.loss.name

    @property
    def result(self) -> dict[Symbol, Expr]:
        """∂L/∂θ for each parameter, as a number (a matrix for a layer's parameter)."""
        if self.layer is not None:
            return {g.node: _matrix(g.value) for g in self.layer.gradients[1:]}
        return {g.parameter: as_float(g.value) for g in self.scalar.gradients}

    @property
    def verified(self) -> bool:
        return (self.layer or self.scalar).verified

    def gradient(self, parameter) -> object:
        name = str(parameter)
        if self.layer is not None:
            return next(g for g in self.layer.gradients if g.node.name == name)
        return next(g for g in self.scalar.gradients if g.parameter.name == name)

    def _data(self) -> dict:
        if self.layer is not None:
            return self._layer_data()
        s = self.scalar
        number = lambda value: expression_string(as_float(value, JSON_DIGITS))    # noqa: E731
        return {
            **header("backprop", self.input, self.expression, [str(p) for p in self.wrt],
                     loss=str(self.loss),
                     assignments=[{"name": str(a.name), "expression": expression_string(a.expression),
                                   "latex": latex_string(a.expression), "line": a.line}
                                  for a in s.assignments],
                     staged=[{"node": str(t.node), "uses": str(t.used), "name": str(t.name),
                              "part": expression_string(t.part)} for t in s.stagings]),
            "at": {str(k): expression_string(v) for k, v in self.point.items()},
            "learning_rate": None if self.lr is None else expression_string(self.lr),
            "forward": [{"node": str(a.name), "expression": expression_string(a.expression),
                         "value": number(s.values[a.name])} for a in s.assignments],
            "backward": [{"node": str(a.node), "adjoint": expression_string(a.in_names),
                          "value": number(a.value),
                          "uses": [{"child": str(u.child), "local": expression_string(u.named),
                                    "value": number(u.value),
                                    "derivation": traced_data(u.derivation)} for u in a.uses]}
                         for a in s.adjoints],
            "result": {str(g.parameter): {
                "in_names": expression_string(g.in_names),
                "substituted": None if g.substituted is None else expression_string(g.substituted),
                "value": number(g.value),
                **({"updated": number(g.updated)} if g.updated is not None else {}),
                **g.check.data(), **g.oracle.data("oracle")} for g in s.gradients},
            "latex": {"expression": latex_string(self.expression),
                      "result": {str(g.parameter): latex_string(g.in_names) for g in s.gradients}},
            "verified": self.verified,
        }


    def _layer_data(self) -> dict:
        s = self.layer
        return {
            **header("backprop", self.input, self.expression, [str(p) for p in self.wrt],
                     loss=str(self.loss),
                     assignments=[{"name": str(a.name), "expression": expression_string(a.expression),
                                   "latex": latex_string(a.expression), "line": a.line}
                                  for a in s.assignments]),
            "layer": {"n": s.n, "m": s.m, "W": str(s.W), "h": str(s.h),
                      "b": None if s.b is None else str(s.b), "y": str(s.y)},
            "at": {str(k): expression_string(v) for k, v in self.point.items()},
            "learning_rate": None if self.lr is None else expression_string(self.lr),
            "forward": [{"node": str(a.name), "expression": expression_string(a.expression),
                         "value": _json_array(s.values[a.name])} for a in s.assignments],
            "backward": [{"node": str(g.node), "value": _json_array(g.value)}
                         for g in s.gradients],
            "indexed": s.indexed.data()["steps"],
            "result": {str(g.node): {
                "value": _json_array(g.value),
                **({"updated": _json_array(g.updated)} if g.updated is not None else {}),
                **g.check.data()} for g in s.gradients[1:]},
            "latex": {"expression": latex_string(self.expression)},
            "verified": self.verified,
        }


def _number(value) -> str:
    return expression_string(as_float(value, JSON_DIGITS))


def _json_array(value):
    """A number, vector (list) or matrix (list of rows) as sympy-readable number strings."""
    if not hasattr(value, "rows"):
        return _number(value)
    if value.cols == 1:
        return [_number(value[r]) for r in range(value.rows)]
    return [[_number(value[r, c]) for c in range(value.cols)] for r in range(value.rows)]


def _matrix(value) -> ImmutableMatrix:
    return ImmutableMatrix(value.rows, value.cols,
                           lambda r, c: as_float(value[r, c]))


def backprop(program, at=None, wrt=None, lr=None, n=None, *, functions=(),
             latex=None) -> Backpropagation:
    """The forward and backward pass of ``program`` at the point ``at``, traced and verified.

    ``program``: assignments as text (``"h = tanh(w*x + b); L = (h - t)^2"``, or one a line) or a
    list; ``at``: ``"x=0.5,t=1,…"`` or a mapping; ``wrt``: the parameters (default: every free
    name); ``lr``: a learning rate for one gradient-descent step; ``n``: the size of a softmax
    layer's output (checked against the values).
    """
    read = read_program(program, functions, latex)
    point = read_point(at)
    rate = None if lr is None else read_number(lr, "--lr")
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise UsageError("backprop.n", got=repr(n))
    if n is not None and not is_layer(read):
        raise UsageError("backprop.n_without_layer")
    return run_deep(_backprop, read, point, wrt, rate, n)


def _backprop(program: Program, point: dict, wrt, lr, n) -> Backpropagation:
    _check_scalar(program, point)
    if is_layer(program):
        chosen = read_variables(wrt)
        if chosen is not None and len(set(chosen)) != len(chosen):
            raise UsageError("backprop.wrt_repeated")
        layer = layer_pass(program, point, chosen, lr, n)
        loss = program.loss.expression.xreplace(substitution(program.assignments[:-1]))
        return Backpropagation(input=program.text, expression=loss, program=program,
                               point=point, wrt=tuple(g.node for g in layer.gradients[1:]),
                               lr=lr, layer=layer)
    names = set(program.names)
    unknown = [s for s in point if s not in program.inputs]
    if unknown:
        computed = [s for s in unknown if s in names]
        if computed:
            raise UsageError("backprop.at_computed", name=computed[0],
                             line=program.assignment(computed[0]).line)
        raise UsageError("backprop.at_unused", names=tuple(map(str, unknown)))
    missing = [s for s in program.inputs if s not in point]
    if missing:
        raise UsageError("backprop.at_missing", names=tuple(map(str, missing)), first=missing[0])
    parameters = _parameters(program, wrt)
    scalar = scalar_pass(program, point, parameters, lr)
    return Backpropagation(input=program.text, expression=scalar.loss_substituted,
                           program=program, point=point, wrt=parameters, lr=lr, scalar=scalar)


def _parameters(program: Program, wrt) -> tuple[Symbol, ...]:
    chosen = read_variables(wrt)
    if chosen is None:
        return program.inputs
    if len(set(chosen)) != len(chosen):
        raise UsageError("backprop.wrt_repeated")
    for p in chosen:
        if p in program.names:
            raise UsageError("backprop.wrt_computed", name=p, line=program.assignment(p).line,
                             names=tuple(map(str, program.inputs)))
        if p not in program.inputs:
            raise UsageError("backprop.wrt_unused", name=p)
    return chosen


def _check_scalar(program: Program, point: dict) -> None:
    """Vector operations and vector values belong to a layer; here every node is a number."""
    loss = program.loss
    if loss.expression.func == SOFTMAX:
        raise UsageError("backprop.loss_softmax", name=loss.name, line=loss.line)
    vectors = [s for s, v in point.items() if isinstance(v, ImmutableMatrix)]
    layered = any(a.expression.func in (SOFTMAX, CROSS_ENTROPY) for a in program.assignments)
    if vectors and not layered:
        raise UsageError("backprop.loss_vector", name=vectors[0])


__all__ = ["Backpropagation", "backprop"]
