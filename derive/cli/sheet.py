"""``derive sheet PROBLEMS``: worked solutions for a whole problem set in one document.

The problem file is read by :mod:`.problems`; each problem is solved and rendered by
:func:`.problems.work`, in ``--jobs`` processes (:mod:`.parallel`), and the pieces are put
together in file order by the format's :class:`~derive.render.sheet.SheetLayout`.  A progress
bar is drawn on standard error when it is a terminal.  Exit codes: 0 every problem solved, 1 some
problem failed (its entry says why; the sheet is still written), 2 bad usage.  ``--pdf`` compiles
the LaTeX with the engine of the language (:mod:`.pdf`).
"""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import DeriveError, UsageError
from ..messages import Message, os_reason
from ..narrate.sheet import frame
from ..render.sheet import LAYOUTS, layout_for
from .app import app
from .errors import ReportingCommand
from .output import (SUFFIX_FORMATS, Detail, DetailOption, Lang, LangOption, OutputOption, deliver,
                     fail)
from .parallel import in_order
from .pdf import compile_pdf
from .problems import Problem, read_problems, work


class SheetFormat(str, Enum):
    auto = "auto"
    latex = "latex"
    markdown = "markdown"
    html = "html"
    json = "json"


SOME_FAILED = 1


def _format(format: SheetFormat, output: Path | None, pdf: bool) -> str:
    if pdf:
        if format not in (SheetFormat.auto, SheetFormat.latex):
            raise UsageError("sheet.pdf_format", format=format.value)
        return "latex"
    if format is not SheetFormat.auto:
        return format.value
    chosen = SUFFIX_FORMATS.get(output.suffix.lower(), "") if output is not None else "markdown"
    return chosen if chosen in LAYOUTS else "markdown"


def _read(path: Path) -> str:
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError("sheet.cannot_read", path=path, reason=os_reason(error)) from None
    except UnicodeDecodeError:
        raise UsageError("sheet.not_utf8", path=path) from None


class _Bar:
    """A rich progress bar on standard error: problems done, the current one, time left."""

    def __init__(self, problems: list[Problem]) -> None:
        from rich.console import Console            # drawn for a terminal only
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)

        self.problems = problems
        self.progress = Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 TextColumn("{task.description}"),
                                 console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("", total=len(problems))

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def started(self, index: int) -> None:
        label = self.problems[index].label
        label = label if len(label) <= 40 else label[:39] + "…"
        self.progress.update(self.task, description=f"{index + 1}: {label}")

    def done(self, index: int) -> None:
        self.progress.advance(self.task)


@app.command(cls=ReportingCommand)
def sheet(
    problems: Annotated[Path, typer.Argument(
        help="The problem file: one problem a line, as after `derive` (diff \"sin(x^2)\"; "
             "# comments), or JSON lines {\"title\", \"command\", \"arguments\", \"options\", "
             "\"answer\"}; - reads standard input.")],
    format: Annotated[SheetFormat, typer.Option(
        "--format", "-f", help="latex, markdown, html or json (JSON lines, one problem a line); "
                               "auto: from the --output file's extension, else markdown.")]
        = SheetFormat.auto,
    lang: LangOption = Lang.en,
    detail: DetailOption = Detail.standard,
    output: OutputOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64,
                                      help="Solve problems in this many processes.")] = 1,
    answers_only: Annotated[bool, typer.Option(
        "--answers-only", help="Only the answer key: every problem's final answer.")] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Compile the LaTeX to a PDF (pdflatex; xelatex for --lang zh); written "
                      "to --output, by default PROBLEMS with the extension .pdf.")] = False,
) -> None:
    """Worked solutions for every problem of PROBLEMS in one document, with an answer key.
    Exit code 1 when a problem could not be solved (its entry says why)."""
    chosen = format.value
    try:
        chosen = _format(format, output, pdf)
        layout_for(chosen)          # an unknown format fails before any work
        if pdf and output is not None and output.suffix.lower() != ".pdf":
            raise UsageError("sheet.pdf_output", name=output.name)
        listed = read_problems(_read(problems))
        if not listed:
            raise UsageError("sheet.empty", path=problems)
        solve = partial(work, format=chosen, lang=lang.value, answers_only=answers_only,
                        detail=detail.value)
        bar = _Bar(listed) if sys.stderr.isatty() else None
        pieces = in_order(solve, listed, jobs, bar)
        content = layout_for(chosen, lang.value, answers_only).assemble(
            frame(lang.value, answers_only), pieces)
        if pdf:
            target = output or Path(Path(problems).stem + ".pdf")
            compile_pdf(content, lang.value, target)
        else:
            deliver(content, output)
    except DeriveError as error:
        fail(error, lang.value, chosen == "json")
    failures = [p for p in pieces if p.failed]
    if failures:
        numbers = tuple(str(p.number) for p in failures)
        sys.stderr.write(Message("sheet.not_solved", failed=len(failures), total=len(pieces),
                                 numbers=numbers).text(lang.value) + "\n")
        raise typer.Exit(SOME_FAILED)
