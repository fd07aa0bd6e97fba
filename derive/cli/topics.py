"""The multivariable commands: ``grad``, ``critical``, ``chain``, ``compose``, ``limit``,
``implicit``.  Arguments only; the work is in :mod:`derive.topics`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .output import FunctionOption, LatexOption, command

WrtListOption = Annotated[Optional[list[str]], typer.Option(
    "--wrt", "-w", help="Variable(s) to use, repeatable (default: all, in name order).")]


@command()
def grad(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"w1*x1 + w2*x2 + b1\".")],
    wrt: WrtListOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """All partial derivatives of EXPRESSION (the gradient), each step by step."""
    from ..topics import gradient

    return gradient(expression, wrt=wrt or None, functions=function or (),
                          latex=True if latex else None)


@command()
def critical(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2 + y^2\".")],
    wrt: WrtListOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """Critical points of EXPRESSION: ∇f = 0 solved, each point classified by the Hessian."""
    from ..topics import critical_points

    return critical_points(expression, wrt=wrt or None, functions=function or (),
                                 latex=True if latex else None)


@command(name="chain")
def chain_command(
    expression: Annotated[str, typer.Argument(help="z in terms of the intermediates, e.g. \"u^2 + v\".")],
    let: Annotated[list[str], typer.Option(
        "--let", help="An intermediate, repeatable: --let u=x^2+y --let v=x+y^2.")],
    wrt: WrtListOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """The multivariable chain rule for EXPRESSION through the intermediates given by --let."""
    from ..topics import chain

    return chain(expression, let, wrt=wrt or None, functions=function or (),
                       latex=True if latex else None)


@command()
def compose(
    outer: Annotated[str, typer.Argument(help="The outer function f, e.g. \"2*x + 3\".")],
    inner: Annotated[str, typer.Argument(help="The inner function g, e.g. \"x^2\".")],
    var: Annotated[Optional[str], typer.Option("--var", help="The variable f and g are written in.")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="A point, e.g. --at x=2.")] = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """f(g(x)) for f = OUTER and g = INNER: built, evaluated at --at, differentiated."""
    from ..topics import compose as compose_functions

    return compose_functions(outer, inner, var=var, at=at, functions=function or (),
                                   latex=True if latex else None)


@command()
def limit(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2\" or \"sqrt(x)\".")],
    wrt: Annotated[Optional[str], typer.Option("--wrt", "-w", help="The variable that moves.")] = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """The derivative of EXPRESSION from the limit of the difference quotient."""
    from ..topics import limit_definition

    return limit_definition(expression, wrt=wrt, functions=function or (),
                                  latex=True if latex else None)


@command()
def implicit(
    equation: Annotated[str, typer.Argument(help="The curve, e.g. \"x^2 + y^2 = 1\" (or F, meaning F = 0).")],
    y: Annotated[str, typer.Option("--y", help="The dependent variable.")] = "y",
    x: Annotated[Optional[str], typer.Option("--x", help="The independent variable.")] = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> object:
    """dy/dx for the curve EQUATION by implicit differentiation (−F_x/F_y)."""
    from ..topics import implicit as implicit_derivative

    return implicit_derivative(equation, y=y, x=x, functions=function or (),
                                     latex=True if latex else None)
