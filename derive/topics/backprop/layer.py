"""A softmax output layer: ``z = W h + b; p = softmax(z); L = cross_entropy(p, y)`` at a
concrete size, forward and backward, with the numbers.

The index-level reasons come from the indexed engine: :func:`derive.indexed.softmax` derives
∂σ_j/∂z_i in the cases i = j and i ≠ j and the cross-entropy gradient σ_i − y_i (each stage
checked at n = 2, 3, 4).  The linear part gives ∂z_k/∂b_i = δ_ki, ∂z_k/∂W_ij = δ_ki·h_j and
∂z_k/∂h_j = W_kj, so that

    z̄ = p − y,   b̄ = z̄,   W̄ = z̄ hᵀ,   h̄ = Wᵀ z̄.

Every entry of every gradient is checked against ``sympy.diff`` of the loss written out in the
entries (W_ij, h_j, b_i, y_i) at the point, and against central differences.  ``y`` must be a
probability vector (Σ_j y_j = 1, as a one-hot target is): the gradient p − y takes it for
granted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath
from sympy import Add, Expr, ImmutableMatrix, Mul, Symbol, diff, exp, log

from ...errors import UsageError
from ...messages import Message
from ...indexed import SoftmaxResult, softmax
from ...numeric import DPS, Evaluator
from ...verify import Verdict, all_of
from .program import CROSS_ENTROPY, SOFTMAX, Assignment, MatrixValue, Program
from .scalar import agree, central_difference

MAX_SIZE = 8
SHAPE = "z = W h + b; p = softmax(z); L = cross_entropy(p, y)"


@dataclass(frozen=True)
class LayerGradient:
    """The gradient of one vector or matrix node, its check and one descent step."""

    node: Symbol
    value: object                      # an mpmath matrix
    check: Verdict | None = None       # None for z, checked through W, b and h
    updated: object = None             # an mpmath matrix

    @property
    def verified(self) -> bool:
        return self.check is None or self.check.ok


@dataclass(frozen=True)
class LayerPass:
    """The names of the layer, its sizes, the values, the indexed derivation and the
    gradients."""

    assignments: tuple[Assignment, ...]
    W: Symbol
    h: Symbol
    b: Symbol | None
    y: Symbol
    z: Symbol
    p: Symbol
    loss: Symbol
    n: int
    m: int
    values: dict                       # name → mpmath matrix (the loss: an mpmath number)
    indexed: SoftmaxResult
    gradients: tuple[LayerGradient, ...]   # z first, then the parameters

    @property
    def inputs(self) -> tuple[Symbol, ...]:
        return tuple(s for s in (self.W, self.h, self.b, self.y) if s is not None)

    def gradient(self, node: Symbol) -> LayerGradient:
        return next(g for g in self.gradients if g.node == node)

    @property
    def verified(self) -> bool:
        return self.indexed.verified and all(g.verified for g in self.gradients)


@lru_cache(maxsize=1)
def _indexed() -> SoftmaxResult:
    return softmax(loss="cross-entropy")


def is_layer(program: Program) -> bool:
    return any(a.expression.func in (SOFTMAX, CROSS_ENTROPY) for a in program.assignments)


def _shape_error(key: str, **params) -> UsageError:
    return UsageError("layer.shape", shape=SHAPE, detail=Message(key, **params))


def _affine(a: Assignment, point: dict):
    """``(W, h, b)`` of ``z = W h + b`` (or ``z = W h``): W is the input with a matrix value."""
    terms = Add.make_args(a.expression)
    products = [t for t in terms if isinstance(t, Mul)]
    rest = [t for t in terms if not isinstance(t, Mul)]
    if len(products) != 1 or len(rest) > 1 or len(products[0].args) != 2 or \
            not all(isinstance(s, Symbol) for s in (*products[0].args, *rest)):
        raise _shape_error("layer.not_affine", line=a.line, text=a.text)
    first, second = products[0].args
    values = [point.get(first), point.get(second)]
    matrix = [s for s, v in zip((first, second), values) if isinstance(v, MatrixValue)]
    if len(matrix) != 1:
        raise _shape_error("layer.one_matrix", first=first, second=second)
    W = matrix[0]
    h = second if W == first else first
    return W, h, (rest[0] if rest else None)


def _vector(point: dict, name: Symbol, size: int, what: Message) -> ImmutableMatrix:
    value = point.get(name)
    if not isinstance(value, ImmutableMatrix) or isinstance(value, MatrixValue) or \
            value.shape != (size, 1):
        raise UsageError("layer.vector", name=name, what=what, size=size,
                         zeros=", ".join(["0"] * size))
    return value


def _read(program: Program, point: dict, n: int | None):
    if len(program.assignments) != 3:
        raise _shape_error("layer.count", count=len(program.assignments))
    affine, soft, loss = program.assignments
    if soft.expression.func != SOFTMAX or loss.expression.func != CROSS_ENTROPY:
        raise _shape_error("layer.order")
    z, p = affine.name, soft.name
    if soft.expression.args != (z,):
        raise _shape_error("layer.softmax_argument", name=z)
    if loss.expression.args[0] != p:
        raise _shape_error("layer.loss_argument", name=p)
    y = loss.expression.args[1]
    if y in (z, p):
        raise _shape_error("layer.target")
    missing = [s for s in program.inputs if s not in point]
    if missing:
        raise UsageError("layer.missing", names=tuple(map(str, missing)))
    W, h, b = _affine(affine, point)
    rows, columns = point[W].shape
    if n is not None and n != rows:
        raise UsageError("layer.n", n=n, matrix=W, rows=rows)
    if not 1 <= rows <= MAX_SIZE or columns > MAX_SIZE:
        raise UsageError("layer.too_large", most=MAX_SIZE, matrix=W, rows=rows, columns=columns)
    vectors = {h: _vector(point, h, columns, Message("layer.input", name=h)),
               y: _vector(point, y, rows, Message("layer.target_vector", name=y))}
    if b is not None:
        vectors[b] = _vector(point, b, rows, Message("layer.bias", name=b))
    if any(v < 0 for v in vectors[y]) or sum(vectors[y]) != 1:
        raise UsageError("layer.probability", name=y)
    return affine, soft, loss, W, h, b, y, rows, columns


def _entries(name: Symbol, rows: int, columns: int = 1) -> list[list[Symbol]]:
    """Symbols for the entries of a vector or matrix (the loss written out)."""
    if columns == 1:
        return [[Symbol(f"{name}[{r}]")] for r in range(rows)]
    return [[Symbol(f"{name}[{r},{c}]") for c in range(columns)] for r in range(rows)]


def _mp(matrix) -> mpmath.matrix:
    """A sympy matrix of numbers as an mpmath matrix (40 digits)."""
    with mpmath.workdps(DPS):
        return mpmath.matrix([[mpmath.mpf(matrix[r, c].evalf(DPS)) for c in range(matrix.shape[1])]
                              for r in range(matrix.shape[0])])


def layer_pass(program: Program, point: dict, parameters, lr, n: int | None) -> LayerPass:
    affine, soft, loss, W, h, b, y, rows, columns = _read(program, point, n)
    chosen = parameters or tuple(s for s in (W, b, h) if s is not None)
    for s in chosen:
        if s not in (W, h, b):
            raise UsageError("layer.parameters", name=s,
                             names=tuple(str(t) for t in (W, b, h) if t is not None))
    values = {s: _mp(point[s]) for s in (W, h, b, y) if s is not None}
    with mpmath.workdps(DPS):
        zv = values[W] * values[h] + (values[b] if b is not None else mpmath.zeros(rows, 1))
        top = max(zv[r] for r in range(rows))
        e = [mpmath.exp(zv[r] - top) for r in range(rows)]
        pv = mpmath.matrix([v / sum(e) for v in e])
        if any(pv[r] <= 0 for r in range(rows)):
            raise UsageError("layer.log_zero")
        lv = -sum(values[y][r] * mpmath.log(pv[r]) for r in range(rows))
        dz = pv - values[y]
        grads = {W: dz * values[h].T, h: values[W].T * dz}
        if b is not None:
            grads[b] = dz
        rate = None if lr is None else mpmath.mpf(lr.evalf(DPS))
        values.update({affine.name: zv, soft.name: pv, loss.name: lv})
        checks = _checks(W, h, b, y, rows, columns, values, grads, chosen)
        gradients = [LayerGradient(affine.name, dz)]
        for s in chosen:
            updated = None if rate is None else values[s] - rate * grads[s]
            gradients.append(LayerGradient(s, grads[s], checks[s], updated))
    return LayerPass(program.assignments, W, h, b, y, affine.name, soft.name, loss.name, rows,
                     columns, values, _indexed(), tuple(gradients))


def _checks(W, h, b, y, rows, columns, values, grads, chosen) -> dict:
    """Each entry of each gradient against sympy.diff of the loss in the entries, and central
    differences, at the point."""
    names = {W: _entries(W, rows, columns), h: _entries(h, columns)}
    if b is not None:
        names[b] = _entries(b, rows)
    names[y] = _entries(y, rows)
    point = {names[s][r][c]: values[s][r, c] for s in names
             for r in range(values[s].rows) for c in range(values[s].cols)}
    z = [Add(*(names[W][r][c] * names[h][c][0] for c in range(columns)),
             names[b][r][0] if b is not None else 0) for r in range(rows)]
    # −Σ_r y_r log(e^{z_r}/Σ_k e^{z_k}), with the log of the quotient taken apart (the same
    # function; sympy.diff of the quotient form costs seconds at n = 8)
    targets = [names[y][r][0] for r in range(rows)]
    loss: Expr = -Add(*(t * v for t, v in zip(targets, z))) + \
        Add(*targets) * log(Add(*(exp(v) for v in z)))
    evaluate = Evaluator(point)
    out = {}
    for s in chosen:
        verdicts = []
        for r in range(values[s].rows):
            for c in range(values[s].cols):
                entry = names[s][r][c]
                claimed = grads[s][r, c]
                exact = evaluate(diff(loss, entry))
                verdicts.append(agree(claimed, exact, "sympy.diff of the written-out loss"))
                verdicts.append(agree(claimed, central_difference(loss, entry, point),
                                      "central differences"))
        out[s] = all_of(verdicts)
    return out
