"""What every command shares: the input and output options, choosing a format, writing files
atomically, reporting errors (one message on stderr in the chosen language, exit code 2, never
a traceback: :mod:`.errors`).

A command is a function decorated with :func:`command` that builds its result with the API and
returns it; the result only needs ``document(lang)`` and ``render(format, lang, **options)``.
The terminal output goes to a rich console that can be given: ``emit(..., console=…)``, or,
through the command line, ``app(obj={"console": …})`` (``CliRunner.invoke(app, args, obj=…)``).
"""

from __future__ import annotations

import inspect
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Optional

import typer

from ..budget import BudgetExceeded, time_limit
from ..deep import run_deep
from ..errors import DeriveError
from ..messages import os_reason
from ..render import render_document
from .app import app
from .files import write_atomically
from .arguments import ExpressionCommand
from .errors import fail

if TYPE_CHECKING:                 # rich's console is loaded only to draw on a terminal
    from rich.console import Console

class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    text = "text"
    json = "json"
    latex = "latex"
    markdown = "markdown"
    html = "html"


class Lang(str, Enum):
    en = "en"
    zh = "zh"


class Detail(str, Enum):
    brief = "brief"
    standard = "standard"
    full = "full"


SUFFIX_FORMATS = {".json": "json", ".txt": "text", ".tex": "latex", ".md": "markdown",
                  ".html": "html", ".htm": "html"}

FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", help="Output format. auto: rich in a terminal, plain text otherwise "
                           "(or from the --output file's extension).")]
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the explanation and of error messages.")]
DetailOption = Annotated[Detail, typer.Option(
    "--detail", "-d", help="How much the explanation says. brief: one line per rule, then the "
                           "algebra; standard: what a learner knows is written inline; full: "
                           "every step of the tree. JSON always holds the full tree.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (atomically) instead of standard output.")]
LatexOption = Annotated[bool, typer.Option("--latex", help="Read the expression as LaTeX "
                                                           "(automatic when it has a backslash).")]
StandaloneOption = Annotated[bool, typer.Option(
    "--standalone", help="With --format latex: a complete document (pdflatex; xelatex for "
                         "--lang zh) instead of a fragment to paste into notes.")]
AllowAbsentOption = Annotated[bool, typer.Option(
    "--allow-absent", help="Accept a --wrt variable that does not occur in the expression "
                           "(its derivative is 0); without it, that is an error.")]
class Route(str, Enum):
    book = "book"
    direct = "direct"


RouteOption = Annotated[Route, typer.Option(
    "--route", "-r", help="Where two routes are common, which one to show (every step is checked either way). "
                          "book: the log laws before differentiating ln of a product or "
                          "quotient, logarithmic differentiation for a product of powered "
                          "factors, implicit differentiation by differentiating both sides; "
                          "direct: the chain, product and quotient rules as they come, and "
                          "dy/dx = −F_x/F_y.")]
FunctionOption = Annotated[Optional[list[str]], typer.Option(
    "--function", help="Declare a name as an undefined function, e.g. --function phi "
                       "(f, g and h always are).")]


def choose_format(format: Format, output: Path | None) -> str:
    if format is not Format.auto:
        return format.value
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), "text")
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return "rich"
    return "text"


def emit(subject, format: Format, lang: Lang, output: Path | None,
         standalone: bool = False, console: Console | None = None,
         detail: Detail = Detail.standard) -> None:
    """Render ``subject`` at ``detail`` and send it to the terminal (``console``, by default one
    on standard output) or the output file."""
    chosen = choose_format(format, output)
    subject = subject.at_detail(Detail(detail).value)
    if standalone and chosen != "latex":
        raise DeriveError("output.standalone", format=chosen)
    if chosen == "rich" and output is None:
        from ..render import terminal     # rich's drawing, for a terminal only

        renderable = render_document(subject.document(lang.value), "rich")
        run_deep(terminal.draw, renderable, console or terminal.console())
        return
    options = {"standalone": True} if standalone else {}
    deliver(subject.render(chosen, lang.value, **options), output)


def deliver(content: str, output: Path | None) -> None:
    """``content`` to standard output, or written atomically to ``output``."""
    if output is None:
        sys.stdout.write(content)
    else:
        try:
            write_atomically(output, content)
        except OSError as error:
            raise DeriveError("file.cannot_write", path=output,
                              reason=os_reason(error)) from None


def run(compute, format: Format, lang: Lang, output: Path | None, standalone: bool = False,
        console: Console | None = None, detail: Detail = Detail.standard):
    """Compute a result and emit it; a user error becomes one message and exit code 2."""
    try:
        with time_limit():
            result = compute()
            emit(result, format, lang, output, standalone, console, detail)
    except DeriveError as error:
        fail(error, lang.value, choose_format(format, output) == "json")
    except MemoryError:
        fail(BudgetExceeded("budget.memory"), lang.value, choose_format(format, output) == "json")
    return result


INPUT_OPTIONS = (
    inspect.Parameter("latex", inspect.Parameter.KEYWORD_ONLY, default=False,
                      annotation=LatexOption),
    inspect.Parameter("function", inspect.Parameter.KEYWORD_ONLY, default=None,
                      annotation=FunctionOption),
)


def _reading(latex: bool, function: list[str] | None) -> dict:
    """The API's reading arguments from the input options."""
    return {"functions": tuple(function or ()), "latex": True if latex else None}


OUTPUT_OPTIONS = (
    inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=Format.auto,
                      annotation=FormatOption),
    inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=Lang.en, annotation=LangOption),
    inspect.Parameter("detail", inspect.Parameter.KEYWORD_ONLY, default=Detail.standard,
                      annotation=DetailOption),
    inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None,
                      annotation=OutputOption),
    inspect.Parameter("standalone", inspect.Parameter.KEYWORD_ONLY, default=False,
                      annotation=StandaloneOption),
)


#: the key of the context object under which a sheet asks a command for its result:
#: ``obj[SOLVE](compute, outputs)`` is called instead of computing and writing the output
SOLVE = "solve"

CONTEXT = inspect.Parameter("context", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)


def command(name: str | None = None, exit_code: Callable[[object], int] | None = None,
            reads: bool = True):
    """Register ``build`` as a command: its parameters are the command's own arguments and
    options, it returns the result, and the options every command shares are added here: the
    output options (``--format``, ``--lang``, ``--detail``, ``--output``, ``--standalone``) and, for a command
    that ``reads`` expressions, ``--latex`` and ``--function`` (passed to ``build`` as the API's
    ``latex`` and ``functions``).  ``exit_code(result)`` may turn a result into a non-zero exit
    (``check``: 1 for a wrong answer)."""
    inputs = INPUT_OPTIONS if reads else ()

    def register(build: Callable[..., object]):
        own = inspect.signature(build, eval_str=True)
        parameters = [p for p in own.parameters.values()
                      if not (reads and p.name in ("functions", "latex"))]
        signature = own.replace(parameters=[*parameters, *inputs, *OUTPUT_OPTIONS, CONTEXT],
                                return_annotation=None)

        def command_function(**arguments):
            obj = arguments.pop(CONTEXT.name).obj or {}
            outputs = {option.name: arguments.pop(option.name) for option in OUTPUT_OPTIONS}
            if reads:
                arguments.update(_reading(*(arguments.pop(option.name) for option in inputs)))
            if SOLVE in obj:          # a problem of a sheet: the result is wanted, not its output
                obj[SOLVE](lambda: build(**arguments), outputs)
                return
            result = run(lambda: build(**arguments), **outputs, console=obj.get("console"))
            code = exit_code(result) if exit_code else 0
            if code:
                raise typer.Exit(code)

        command_function.__name__ = build.__name__
        command_function.__doc__ = build.__doc__
        command_function.__signature__ = signature  # type: ignore[attr-defined]
        command_function.__annotations__ = {p.name: p.annotation
                                            for p in signature.parameters.values()}
        return app.command(name, cls=ExpressionCommand)(command_function)

    return register
