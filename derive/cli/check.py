"""The ``check`` command: is the learner's answer the derivative?  Exit code 1 when it is not.

Arguments only; the work is in :mod:`derive.checking`.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import DeriveError, UsageError
from .app import app
from .output import (Format, FormatOption, FunctionOption, Lang, LangOption, LatexOption,
                     OutputOption, StandaloneOption, emit, fail)


def _point(items: list[str] | None) -> dict[str, str] | None:
    point = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise UsageError(f"--at expects VAR=VALUE, e.g. --at x=2 (got {item!r})")
        point[name.strip()] = value.strip()
    return point or None


@app.command()
def check(
    expression: Annotated[str, typer.Argument(help="The expression, e.g. \"sin(x^2)\".")],
    answer: Annotated[str, typer.Argument(help="Your derivative, e.g. \"2x cos(x^2)\" "
                                               "(with --at, its value there).")],
    wrt: Annotated[Optional[list[str]], typer.Option(
        "--wrt", "-w", help="Variable to differentiate by (default: the only one).")] = None,
    order: Annotated[int, typer.Option("--order", "-n", help="How many times to differentiate.")] = 1,
    at: Annotated[Optional[list[str]], typer.Option(
        "--at", help="Compare values at a point: --at x=2 (repeat for several variables).")] = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """Is ANSWER the derivative of EXPRESSION?  If not, the most likely slip (exit code 1)."""
    from ..checking import check as check_answer

    try:
        result = check_answer(expression, answer, wrt=wrt or None, order=order, at=_point(at),
                              functions=function or (), latex=True if latex else None)
        emit(result, format, lang, output, standalone)
    except DeriveError as error:
        fail(error)
    if not result.correct:
        raise typer.Exit(1)
