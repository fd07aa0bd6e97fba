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


class Lang(str, Enum):
    en = "en"
    zh = "zh"


SUFFIX_FORMATS = {".json": "json", ".txt": "text"}

FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", help="Output format. auto: rich in a terminal, plain text otherwise "
                           "(or from the --output file's extension).")]
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the explanation.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (atomically) instead of standard output.")]
LatexOption = Annotated[bool, typer.Option("--latex", help="Read the expression as LaTeX "
                                                           "(automatic when it has a backslash).")]
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


def emit(subject, format: Format, lang: Lang, output: Path | None) -> None:
    """Render ``subject`` and send it to the terminal or the output file."""
    chosen = choose_format(format, output)
    if chosen == "rich" and output is None:
        from rich.console import Console

        from .deep import run_deep
        from .render import render_document
        from .render.terminal import THEME

        renderable = render_document(subject.document(lang.value), "rich")
        console = Console(theme=THEME, highlight=False)
        run_deep(console.print, renderable)
        return
    content = subject.render(chosen, lang.value)
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
) -> None:
    """The derivative of EXPRESSION, with every step named and checked."""
    from .api import explain

    try:
        derivation = explain(expression, wrt=wrt or None, order=order,
                             functions=function or (), latex=True if latex else None)
        emit(derivation, format, lang, output)
    except DeriveError as error:
        fail(error)


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
) -> None:
    """Is ANSWER the derivative of EXPRESSION?  If not, the most likely slip.  Exit code 1 when wrong."""
    from .checking import check as check_answer
    from .errors import UsageError

    try:
        point = {}
        for item in at or ():
            name, sep, value = item.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise UsageError(f"--at expects VAR=VALUE, e.g. --at x=2 (got {item!r})")
            point[name.strip()] = value.strip()
        result = check_answer(expression, answer, wrt=wrt or None, order=order, at=point or None,
                              functions=function or (), latex=True if latex else None)
        emit(result, format, lang, output)
    except DeriveError as error:
        fail(error)
    if not result.correct:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
