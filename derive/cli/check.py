"""The ``check`` command: is the learner's answer the derivative?  Exit code 1 when it is not.

Arguments only; the work is in :mod:`derive.checking`.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import UsageError
from .output import AllowAbsentOption, command


def _point(items: list[str] | None) -> dict[str, str] | None:
    point = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise UsageError("check.at_form", got=repr(item))
        point[name.strip()] = value.strip()
    return point or None


@command(exit_code=lambda result: 0 if result.correct else 1)
def check(
    expression: Annotated[str, typer.Argument(help="The expression, e.g. \"sin(x^2)\".")],
    answer: Annotated[str, typer.Argument(help="Your derivative, e.g. \"2x cos(x^2)\" "
                                               "(with --at, its value there).")],
    wrt: Annotated[Optional[list[str]], typer.Option(
        "--wrt", "-w", help="Variable to differentiate by (default: the only one).")] = None,
    order: Annotated[Optional[int], typer.Option(
        "--order", "-n", help="How many times to differentiate (default 1, or as the input's "
                              "d^2/dx^2 says).")] = None,
    at: Annotated[Optional[list[str]], typer.Option(
        "--at", help="Compare values at a point: --at x=2 (repeat for several variables).")] = None,
    allow_absent: AllowAbsentOption = False,
    *, functions, latex,
) -> object:
    """Is ANSWER the derivative of EXPRESSION?  If not, the most likely slip (exit code 1).

    Either may start with a minus sign: derive check "x/(x+1)" "-1/(x+1)^2".
    """
    from ..checking import check as check_answer     # loaded for this command only

    return check_answer(expression, answer, wrt=wrt or None, order=order, at=_point(at),
                        functions=functions, latex=latex, allow_absent=allow_absent)
