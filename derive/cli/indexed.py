"""The indexed commands: ``softmax`` and ``jacobian``.  Arguments only; the work is in
:mod:`derive.indexed`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from .output import command


def _indexed():
    """The indexed derivations, loaded when one of these commands runs."""
    from .. import indexed

    return indexed


class Loss(str, Enum):
    cross_entropy = "cross-entropy"


@command(reads=False)
def softmax(
    n: Annotated[Optional[int], typer.Option("--n", help="Also write everything out for this "
                                                         "concrete n (1 to 8).")] = None,
    loss: Annotated[Optional[Loss], typer.Option("--loss", help="Continue to the gradient of "
                                                               "this loss.")] = None,
) -> object:
    """The softmax Jacobian ∂σ_j/∂z_i (cases i = j and i ≠ j), and with --loss cross-entropy the
    gradient ∂L/∂z_i = σ_i − y_i; every step checked numerically at n = 2, 3, 4."""
    return _indexed().softmax(n=n, loss=loss.value if loss else None)


@command(reads=False)
def jacobian(
    expression: Annotated[str, typer.Argument(
        help="Indexed expression, e.g. \"exp(z_j)/sum(exp(z_k), k)\", \"sigmoid(z_j)\", "
             "\"x_j/sum(x_k, k)\". Entries are name_index (index i, j, k, l or m); sum(EXPR, k) "
             "is the sum for k = 1..n; otherwise the syntax of diff (exp, log, sigmoid, …). It may start with -: "
             "derive jacobian \"-sum(y_j*log(sigmoid(z_j)), j)\" --wrt z_i.")],
    wrt: Annotated[list[str], typer.Option(
        "--wrt", "-w", help="The entry to differentiate by, e.g. z_i; or plain variables, "
                            "repeated: --wrt w1 --wrt w2.")],
) -> object:
    """Jacobian of an indexed expression by an entry z_i, split into the cases i = j and i ≠ j,
    with every step checked numerically at n = 2, 3, 4."""
    return _indexed().jacobian(expression, wrt)
