"""The multivariable commands: ``grad``, ``critical``, ``chain``, ``compose``, ``limit``,
``implicit``.  Arguments only; the work is in :mod:`derive.topics`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .output import AllowAbsentOption, Route, RouteOption, command


def _topics():
    """The topics, loaded when one of these commands runs (not when ``derive diff`` starts)."""
    from .. import topics

    return topics


FunctionArgument = Annotated[str, typer.Argument(
    help="The function, e.g. \"x^2 + y^2\" or \"w1*x1 + w2*x2 + b1\".")]
WrtListOption = Annotated[Optional[list[str]], typer.Option(
    "--wrt", "-w", help="Variable(s) to use, repeatable (default: all, in name order).")]


@command()
def grad(expression: FunctionArgument, wrt: WrtListOption = None,
         allow_absent: AllowAbsentOption = False, *, functions, latex) -> object:
    """All partial derivatives of EXPRESSION (the gradient), each step by step."""
    return _topics().gradient(expression, wrt=wrt or None, functions=functions, latex=latex,
                              allow_absent=allow_absent)


@command()
def critical(expression: FunctionArgument, wrt: WrtListOption = None, *, functions, latex) -> object:
    """Critical points of EXPRESSION: ∇f = 0 solved, each point classified by the Hessian."""
    return _topics().critical_points(expression, wrt=wrt or None, functions=functions, latex=latex)


@command(name="chain")
def chain_command(
    expression: Annotated[str, typer.Argument(help="z in terms of the intermediates, e.g. \"u^2 + v\".")],
    let: Annotated[list[str], typer.Option(
        "--let", help="An intermediate, repeatable: --let u=x^2+y --let v=x+y^2.")],
    wrt: WrtListOption = None,
    *, functions, latex,
) -> object:
    """The multivariable chain rule for EXPRESSION through the intermediates given by --let."""
    return _topics().chain(expression, let, wrt=wrt or None, functions=functions, latex=latex)


@command()
def compose(
    outer: Annotated[str, typer.Argument(help="The outer function f, e.g. \"2*x + 3\".")],
    inner: Annotated[str, typer.Argument(help="The inner function g, e.g. \"x^2\".")],
    var: Annotated[Optional[str], typer.Option("--var", help="The variable f and g are written in.")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="A point, e.g. --at x=2.")] = None,
    *, functions, latex,
) -> object:
    """f(g(x)) for f = OUTER and g = INNER: built, evaluated at --at, differentiated."""
    return _topics().compose(outer, inner, var=var, at=at, functions=functions, latex=latex)


@command()
def limit(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2\" or \"sqrt(x)\".")],
    wrt: Annotated[Optional[str], typer.Option("--wrt", "-w", help="The variable that moves.")] = None,
    *, functions, latex,
) -> object:
    """The derivative of EXPRESSION from the limit of the difference quotient."""
    return _topics().limit_definition(expression, wrt=wrt, functions=functions, latex=latex)


@command()
def implicit(
    equation: Annotated[str, typer.Argument(help="The curve, e.g. \"x^2 + y^2 = 1\" (or F, meaning F = 0).")],
    y: Annotated[str, typer.Option("--y", help="The dependent variable.")] = "y",
    x: Annotated[Optional[str], typer.Option("--x", help="The independent variable.")] = None,
    route: RouteOption = Route.book,
    *, functions, latex,
) -> object:
    """dy/dx for the curve EQUATION by implicit differentiation: both sides differentiated with
    y = y(x) and solved for dy/dx (--route direct: the formula −F_x/F_y first)."""
    return _topics().implicit(equation, y=y, x=x, functions=functions, latex=latex,
                              route=Route(route).value)
