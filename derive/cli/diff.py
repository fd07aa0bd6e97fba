"""``derive diff``: one derivative, every step named and checked."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import app
from .output import (Format, FormatOption, FunctionOption, Lang, LangOption, LatexOption,
                     OutputOption, StandaloneOption, run)


@app.command()
def diff(
    expression: Annotated[str, typer.Argument(help="The expression, e.g. \"sin(x^2)\", "
                                                   "\"3x(x+1)\" or \"\\frac{1}{1+e^{-x}}\".")],
    wrt: Annotated[Optional[list[str]], typer.Option(
        "--wrt", "-w", help="Variable to differentiate by (default: the only one). "
                            "Repeat for mixed partials: --wrt x --wrt y is ∂/∂y(∂f/∂x).")] = None,
    order: Annotated[int, typer.Option("--order", "-n", help="How many times to differentiate.")] = 1,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """The derivative of EXPRESSION, with every step named and checked."""
    from ..api import explain

    run(lambda: explain(expression, wrt=wrt or None, order=order, functions=function or (),
                        latex=True if latex else None), format, lang, output, standalone)
