"""The command line: argv → exit code.  Parsing options, reading and writing files, reporting
errors; everything else is the API's job.

Exit codes: 0 done, 1 ``check`` found an answer wrong, 2 bad input or usage (one message on
stderr, with a caret under the position for parse errors; never a traceback).

To add a command: a function decorated with ``@app.command()`` that calls the API and hands the
result to :func:`emit`; options shared by every command come from the ``*Option`` aliases below.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import DeriveError, ParseError

app = typer.Typer(
    name="derive",
    help="Derivatives explained step by step: every rule named, every step verified.\n\n"
         "Examples:\n\n"
         "  derive diff \"sin(x^2)\"\n\n"
         "  derive diff \"w1*x1 + w2*x2 + b1\" --wrt x1\n\n"
         "  derive diff \"x^x\" --format json",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    text = "text"
    json = "json"
    latex = "latex"
    markdown = "markdown"


class Lang(str, Enum):
    en = "en"
    zh = "zh"


SUFFIX_FORMATS = {".json": "json", ".txt": "text", ".tex": "latex", ".md": "markdown"}

FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", help="Output format. auto: rich in a terminal, plain text otherwise "
                           "(or from the --output file's extension).")]
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the explanation.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (atomically) instead of standard output.")]
LatexOption = Annotated[bool, typer.Option("--latex", help="Read the expression as LaTeX "
                                                           "(automatic when it has a backslash).")]
StandaloneOption = Annotated[bool, typer.Option(
    "--standalone", help="With --format latex: a complete document (pdflatex; xelatex for "
                         "--lang zh) instead of a fragment to paste into notes.")]
FunctionOption = Annotated[Optional[list[str]], typer.Option(
    "--function", help="Declare a name as an undefined function, e.g. --function phi "
                       "(f, g and h always are).")]


def fail(error: DeriveError) -> None:
    message = error.report() if isinstance(error, ParseError) else f"error: {error.message}"
    sys.stderr.write(message + "\n")
    raise typer.Exit(2)


def choose_format(format: Format, output: Path | None) -> str:
    if format is not Format.auto:
        return format.value
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), "text")
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return "rich"
    return "text"


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file and a rename: all or nothing."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def emit(subject, format: Format, lang: Lang, output: Path | None,
         standalone: bool = False) -> None:
    """Render ``subject`` and send it to the terminal or the output file."""
    chosen = choose_format(format, output)
    if standalone and chosen != "latex":
        raise DeriveError(f"--standalone needs --format latex (or an output file ending in .tex), "
                          f"not {chosen}")
    if chosen == "rich" and output is None:
        from rich.console import Console

        from .deep import run_deep
        from .render import render_document
        from .render.terminal import THEME

        renderable = render_document(subject.document(lang.value), "rich")
        console = Console(theme=THEME, highlight=False)
        run_deep(console.print, renderable)
        return
    options = {"standalone": True} if standalone else {}
    content = subject.render(chosen, lang.value, **options)
    if output is None:
        sys.stdout.write(content)
    else:
        try:
            write_atomically(output, content)
        except OSError as error:
            raise DeriveError(f"cannot write {output}: {error.strerror}") from None


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
    from .api import explain

    try:
        derivation = explain(expression, wrt=wrt or None, order=order,
                             functions=function or (), latex=True if latex else None)
        emit(derivation, format, lang, output, standalone)
    except DeriveError as error:
        fail(error)


@app.callback()
def _commands() -> None:
    """Derivatives explained step by step: every rule named, every step verified."""
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
) -> None:
    """All partial derivatives of EXPRESSION (the gradient), each step by step."""
    from .topics import gradient

    _run(lambda: gradient(expression, wrt=wrt or None, functions=function or (),
                          latex=True if latex else None), format, lang, output)


@app.command()
def critical(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2 + y^2\".")],
    wrt: WrtListOption = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> None:
    """Critical points of EXPRESSION: ∇f = 0 solved, each point classified by the Hessian."""
    from .topics import critical_points

    _run(lambda: critical_points(expression, wrt=wrt or None, functions=function or (),
                                 latex=True if latex else None), format, lang, output)


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
) -> None:
    """The multivariable chain rule for EXPRESSION through the intermediates given by --let."""
    from .topics import chain

    _run(lambda: chain(expression, let, wrt=wrt or None, functions=function or (),
                       latex=True if latex else None), format, lang, output)


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
) -> None:
    """f(g(x)) for f = OUTER and g = INNER: built, evaluated at --at, differentiated."""
    from .topics import compose as compose_functions

    _run(lambda: compose_functions(outer, inner, var=var, at=at, functions=function or (),
                                   latex=True if latex else None), format, lang, output)


@app.command()
def limit(
    expression: Annotated[str, typer.Argument(help="The function, e.g. \"x^2\" or \"sqrt(x)\".")],
    wrt: Annotated[Optional[str], typer.Option("--wrt", "-w", help="The variable that moves.")] = None,
    format: FormatOption = Format.auto,
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    latex: LatexOption = False,
    function: FunctionOption = None,
) -> None:
    """The derivative of EXPRESSION from the limit of the difference quotient."""
    from .topics import limit_definition

    _run(lambda: limit_definition(expression, wrt=wrt, functions=function or (),
                                  latex=True if latex else None), format, lang, output)


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
) -> None:
    """dy/dx for the curve EQUATION by implicit differentiation (−F_x/F_y)."""
    from .topics import implicit as implicit_derivative

    _run(lambda: implicit_derivative(equation, y=y, x=x, functions=function or (),
                                     latex=True if latex else None), format, lang, output)


def _run(compute, format: Format, lang: Lang, output: Path | None) -> None:
    try:
        emit(compute(), format, lang, output)
    except DeriveError as error:
        fail(error)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None


from .indexed import cli as _indexed_cli  # noqa: E402,F401 - registers softmax, jacobian
