"""The multivariable commands: ``grad``, ``critical``, ``chain``, ``compose``, ``limit``,
``implicit``.  Arguments only; the work is in :mod:`derive.topics`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import app
from .output import (Format, FormatOption, FunctionOption, Lang, LangOption, LatexOption,
                     OutputOption, StandaloneOption, run)

WrtListOption = Annotated[Optional[list[str]], typer.Option(
    "--wrt", "-w", help="Variable(s) to use, repeatable (default: all, in name order).")]


@app.command()
def grad(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"w1*x1 + w2*x2 + b1\".")],
    wrt: WrtListOption = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """All partial derivatives of EXPRESSION (the gradient), each step by step."""
    from ..topics import gradient

    run(lambda: gradient(expression, wrt=wrt or None, functions=function or (),
                          latex=True if latex else None), format, lang, output, standalone)


@app.command()
def critical(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2 + y^2\".")],
    wrt: WrtListOption = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """Critical points of EXPRESSION: ∇f = 0 solved, each point classified by the Hessian."""
    from ..topics import critical_points

    run(lambda: critical_points(expression, wrt=wrt or None, functions=function or (),
                                 latex=True if latex else None), format, lang, output, standalone)


@app.command(name="chain")
def chain_command(
    expression: Annotated[str, typer.Argument(help="z in terms of the intermediates, e.g. \"u^2 + v\".")],
    let: Annotated[list[str], typer.Option(
        "--let", help="An intermediate, repeatable: --let u=x^2+y --let v=x+y^2.")],
    wrt: WrtListOption = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """The multivariable chain rule for EXPRESSION through the intermediates given by --let."""
    from ..topics import chain

    run(lambda: chain(expression, let, wrt=wrt or None, functions=function or (),
                       latex=True if latex else None), format, lang, output, standalone)


@app.command()
def compose(
    outer: Annotated[str, typer.Argument(help="The outer function f, e.g. \"2*x + 3\".")],
    inner: Annotated[str, typer.Argument(help="The inner function g, e.g. \"x^2\".")],
    var: Annotated[Optional[str], typer.Option("--var", help="The variable f and g are written in.")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="A point, e.g. --at x=2.")] = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """f(g(x)) for f = OUTER and g = INNER: built, evaluated at --at, differentiated."""
    from ..topics import compose as compose_functions

    run(lambda: compose_functions(outer, inner, var=var, at=at, functions=function or (),
                                   latex=True if latex else None), format, lang, output, standalone)


@app.command()
def limit(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2\" or \"sqrt(x)\".")],
    wrt: Annotated[Optional[str], typer.Option("--wrt", "-w", help="The variable that moves.")] = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """The derivative of EXPRESSION from the limit of the difference quotient."""
    from ..topics import limit_definition

    run(lambda: limit_definition(expression, wrt=wrt, functions=function or (),
                                  latex=True if latex else None), format, lang, output, standalone)


@app.command()
def implicit(
    equation: Annotated[str, typer.Argument(help="The curve, e.g. \"x^2 + y^2 = 1\" (or F, meaning F = 0).")],
    y: Annotated[str, typer.Option("--y", help="The dependent variable.")] = "y",
    x: Annotated[Optional[str], typer.Option("--x", help="The independent variable.")] = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
    standalone: StandaloneOption = False,
) -> None:
    """dy/dx for the curve EQUATION by implicit differentiation (−F_x/F_y)."""
    from ..topics import implicit as implicit_derivative

    run(lambda: implicit_derivative(equation, y=y, x=x, functions=function or (),
                                     latex=True if latex else None), format, lang, output, standalone)
