"""The ``backprop`` command: the forward and backward pass of a small computation.  Arguments
only; the work is in :mod:`derive.topics.backprop`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import DeriveError
from ..messages import Message, os_reason
from .output import command


def _topics():
    """The topics, loaded when the command runs."""
    from .. import topics

    return topics


def program_text(argument: str) -> str:
    """The computation itself, or the content of the file ``argument`` names (a path holds no
    ``=``; a computation always does)."""
    if "=" in argument or not argument.strip():
        return argument
    path = Path(argument.strip())
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else Message("file.not_utf8")
        raise DeriveError("backprop.not_program", argument=argument.strip(),
                          reason=reason) from None


@command()
def backprop(
    program: Annotated[str, typer.Argument(
        help="The computation: assignments separated by ; (or one a line), the last one the "
             "loss, e.g. \"h = tanh(w1*x + b1); y = sigmoid(w2*h + b2); L = (y - t)^2\"; or the "
             "path of a file with one assignment a line (# starts a comment).")],
    at: Annotated[str, typer.Option(
        "--at", help="The value of every free name, e.g. --at x=0.5,t=1,w1=0.3,b1=0.1.")],
    wrt: Annotated[Optional[list[str]], typer.Option(
        "--wrt", "-w", help="The parameters, repeatable (default: every free name).")] = None,
    lr: Annotated[Optional[str], typer.Option(
        "--lr", help="A learning rate: one gradient-descent step θ − η·∂L/∂θ.")] = None,
    n: Annotated[Optional[int], typer.Option(
        "--n", help="A softmax layer's size (its number of outputs), checked against the "
                    "values: \"z = W h + b; p = softmax(z); L = cross_entropy(p, y)\" with "
                    "--at W=[[…], …],h=[…],b=[…],y=[0, 1, 0].")] = None,
    *, functions, latex,
) -> object:
    """Backpropagation through PROGRAM at the point --at: forward pass, backward pass (every
    local derivative step by step), the gradient of each parameter, checked."""
    return _topics().backprop(program_text(program), at=at, wrt=wrt or None, lr=lr, n=n,
                              functions=functions, latex=latex)
