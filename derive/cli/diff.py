"""``derive diff``: one derivative, every step named and checked."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..api import explain
from .output import AllowAbsentOption, Route, RouteOption, command


@command()
def diff(
    expression: Annotated[str, typer.Argument(help="The expression, e.g. \"sin(x^2)\", "
                                                   "\"3x(x+1)\" or \"\\frac{1}{1+e^{-x}}\".")],
    wrt: Annotated[Optional[list[str]], typer.Option(
        "--wrt", "-w", help="Variable to differentiate by (default: the only one). "
                            "Repeat for mixed partials: --wrt x --wrt y is ∂/∂y(∂f/∂x).")] = None,
    order: Annotated[Optional[int], typer.Option(
        "--order", "-n", help="How many times to differentiate (default 1, or as the input's "
                              "d^2/dx^2 says).")] = None,
    allow_absent: AllowAbsentOption = False,
    route: RouteOption = Route.book,
    *, functions, latex,
) -> object:
    """The derivative of EXPRESSION, with every step named and checked.

    An expression may start with a minus sign: derive diff "-x^2" --wrt x.
    """
    return explain(expression, wrt=wrt or None, order=order, functions=functions, latex=latex,
                   allow_absent=allow_absent, route=Route(route).value)
