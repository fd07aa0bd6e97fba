"""What every command shares: the output options, choosing a format, writing files atomically,
reporting errors (one message on stderr, exit code 2, never a traceback).

A command is a function decorated with :func:`command` that builds its result with the API and
returns it; the result only needs ``document(lang)`` and ``render(format, lang, **options)``.
"""

from __future__ import annotations

import inspect
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from ..errors import DeriveError, ParseError
from .app import app

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

        from ..deep import run_deep
        from ..render import render_document
        from ..render.terminal import THEME

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


def run(compute, format: Format, lang: Lang, output: Path | None, standalone: bool = False):
    """Compute a result and emit it; a user error becomes one message and exit code 2."""
    try:
        result = compute()
        emit(result, format, lang, output, standalone)
    except DeriveError as error:
        fail(error)
    return result


OUTPUT_OPTIONS = (
    inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=Format.auto,
                      annotation=FormatOption),
    inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=Lang.en, annotation=LangOption),
    inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None,
                      annotation=OutputOption),
    inspect.Parameter("standalone", inspect.Parameter.KEYWORD_ONLY, default=False,
                      annotation=StandaloneOption),
)


def command(name: str | None = None, exit_code: Callable[[object], int] | None = None):
    """Register ``build`` as a command: its parameters are the command's own arguments and
    options, it returns the result, and the output options every command shares (``--format``,
    ``--lang``, ``--output``, ``--standalone``) are added here.  ``exit_code(result)`` may turn
    a result into a non-zero exit (``check``: 1 for a wrong answer)."""

    def register(build: Callable[..., object]):
        own = inspect.signature(build, eval_str=True)
        signature = own.replace(parameters=[*own.parameters.values(), *OUTPUT_OPTIONS],
                                return_annotation=None)

        def command_function(**arguments):
            outputs = {option.name: arguments.pop(option.name) for option in OUTPUT_OPTIONS}
            result = run(lambda: build(**arguments), **outputs)
            code = exit_code(result) if exit_code else 0
            if code:
                raise typer.Exit(code)

        command_function.__name__ = build.__name__
        command_function.__doc__ = build.__doc__
        command_function.__signature__ = signature  # type: ignore[attr-defined]
        command_function.__annotations__ = {p.name: p.annotation
                                            for p in signature.parameters.values()}
        return app.command(name)(command_function)

    return register
