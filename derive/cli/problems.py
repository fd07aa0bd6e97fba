"""A problem file, read and solved one problem at a time, for ``derive sheet``.

A problem file holds one problem a line, in either form (they may be mixed):

* the command line's own syntax, without ``derive``: ``diff "sin(x^2)"``,
  ``chain "u^2+v" --let u=x^2+y --let v=x+y^2``; ``#`` starts a comment, blank lines are skipped;
* a JSON object: ``{"title": "…", "command": "diff", "arguments": ["sin(x^2)"],
  "options": {"wrt": "x"}, "answer": "2x cos(x^2)"}`` (only ``command`` is required; an option
  given ``true`` is a flag, a list is repeated).  ``answer`` is an answer given, checked as
  ``derive check`` does (for ``diff`` problems).

Each problem is parsed by the command's own definition (the same options, the same messages),
through the command-line application with the :data:`~derive.cli.output.SOLVE` hook, so a
problem line means exactly what it means after ``derive``.  :func:`solve` never raises: a problem
that fails becomes an entry with its error.  To accept another key in the JSON form: read it in
:func:`_from_json`.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from functools import cache

import typer

from ..errors import DeriveError, UsageError
from ..messages import Message
from ..narrate.sheet import Entry, failed, solved
from ..render.sheet import Piece, layout_for
from .app import app
from .errors import click, internal, usage_error
from .output import OUTPUT_OPTIONS, SOLVE

ANSWERED = ("diff",)               # the commands whose answer given can be checked
_KEYS = {"title", "command", "arguments", "options", "answer"}


@dataclass(frozen=True)
class Problem:
    """One problem of the file: ``number`` counts problems from 1, ``line`` is its line."""

    number: int
    line: int
    source: str
    command: str = ""
    arguments: tuple[str, ...] = ()
    title: str | None = None
    answer: str | None = None
    error: Message | None = None      # the line could not be read as a problem

    @property
    def label(self) -> str:
        """The problem as a short line of text (for progress and failed entries)."""
        return self.title or " ".join([self.command, *map(_quoted, self.arguments)]) or self.source


def _quoted(word: str) -> str:
    return shlex.quote(word)


def read_problems(text: str) -> list[Problem]:
    """Every problem of a problem file, in order; a line that cannot be read is a problem with
    its ``error`` (it becomes a failed entry of the sheet)."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        source = line.strip()
        if not source or source.startswith("#"):
            continue
        problems.append(_read(len(problems) + 1, number, source))
    return problems


def _read(number: int, line: int, source: str) -> Problem:
    try:
        if source.startswith("{"):
            return _from_json(number, line, source)
        words = shlex.split(source, comments=True)
    except UsageError as error:
        return Problem(number, line, source, error=Message("sheet.line", line=line, error=error))
    except ValueError:                 # shlex: a quotation never closed
        return Problem(number, line, source, error=Message("sheet.line", line=line,
                                                           error=Message("sheet.quotation")))
    if words and words[0] == "derive":
        words = words[1:]
    if not words:
        return Problem(number, line, source, error=Message("sheet.line", line=line,
                                                           error=Message("sheet.no_command")))
    return Problem(number, line, source, words[0], tuple(words[1:]))


def _from_json(number: int, line: int, source: str) -> Problem:
    try:
        record = json.loads(source)
    except json.JSONDecodeError as error:
        raise UsageError("sheet.json_invalid", reason=error.msg, column=error.colno) from None
    if not isinstance(record, dict):
        raise UsageError("sheet.json_object")
    unknown = sorted(set(record) - _KEYS)
    if unknown:
        raise UsageError("sheet.json_unknown_key", keys=tuple(unknown), known=tuple(sorted(_KEYS)))
    command = record.get("command")
    if not isinstance(command, str) or not command:
        raise UsageError("sheet.json_command")
    arguments = record.get("arguments", [])
    if isinstance(arguments, str):
        arguments = [arguments]
    if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
        raise UsageError("sheet.json_arguments")
    words: list[str] = []
    options = record.get("options", {})
    if not isinstance(options, dict):
        raise UsageError("sheet.json_options")
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        for item in value if isinstance(value, list) else [value]:
            if item is True:
                words.append(flag)
            elif item is not False and item is not None:
                words += [flag, str(item)]
    words += ["--", *arguments]        # arguments stay arguments, even "-6*sin(x)"
    for key in ("title", "answer"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise UsageError("sheet.json_string", key=key)
    return Problem(number, line, source, command, tuple(words), record.get("title"),
                   record.get("answer"))


# --- solving -------------------------------------------------------------------------------------

@cache
def _commands():
    """The command-line application's commands (a click group)."""
    return typer.main.get_command(app)


def result_of(command: str, arguments: tuple[str, ...], detail: str | None = None):
    """The result of ``derive <command> <arguments>`` (parsed as the command line parses it), at
    the problem's own ``--detail`` if it gives one, else at ``detail``."""
    if command == "sheet" or command not in _commands().commands:
        known = tuple(sorted(c for c in _commands().commands if c != "sheet"))
        raise UsageError("sheet.unknown_command", command=repr(command), known=known)
    if "--help" in arguments:
        raise UsageError("sheet.help")
    found = []

    def keep(compute, outputs):
        defaults = {option.name: option.default for option in OUTPUT_OPTIONS}
        given = sorted(name for name, value in outputs.items() if value != defaults[name])
        if "detail" in given:                  # a problem may say more or less than the sheet
            given.remove("detail")
            found.append(compute().at_detail(outputs["detail"].value))
        elif given:
            raise UsageError("sheet.option_of_sheet", option=given[0])
        else:
            found.append(compute().at_detail(detail))

    try:
        _commands().main([command, *arguments], prog_name="derive", obj={SOLVE: keep},
                         standalone_mode=False)
    except typer.Exit:
        raise UsageError("sheet.no_derivation") from None
    except click.ClickException as error:     # click's errors: bad options or arguments
        raise usage_error(error, list(arguments)) from None
    return found[0]


def solve(problem: Problem, lang: str, detail: str | None = None) -> Entry:
    """The entry of ``problem`` (at ``detail``): its solution, or, whatever went wrong, its
    error."""
    if problem.error:
        return failed(problem.number, problem.label, problem.error.text(lang), lang)
    try:
        result = result_of(problem.command, problem.arguments, detail)
        check = None
        if problem.answer is not None:
            if problem.command not in ANSWERED:
                raise UsageError("sheet.answer_command", commands=ANSWERED,
                                 command=problem.command)
            separator = () if "--" in problem.arguments else ("--",)
            check = result_of("check", (*problem.arguments, *separator, problem.answer), detail)
        data = {"result": result.data()}
        if check is not None:
            data["check"] = check.data()
        return solved(problem.number, problem.title, result.document(lang),
                      check.document(lang) if check is not None else None, data)
    except DeriveError as error:
        return failed(problem.number, problem.title or problem.label, error.line(lang), lang)
    except RecursionError:
        return failed(problem.number, problem.title or problem.label,
                      Message("sheet.too_deep").text(lang), lang)
    except Exception as error:   # noqa: BLE001 - one problem's bug must not lose the sheet
        return failed(problem.number, problem.title or problem.label,
                      internal(error).text(lang), lang)


def work(problem: Problem, format: str, lang: str, answers_only: bool,
         detail: str | None = None) -> Piece:
    """``problem`` solved and rendered for a sheet (what one worker process does)."""
    layout = layout_for(format, lang, answers_only)
    entry = solve(problem, lang, detail)
    try:
        return layout.piece(entry)
    except Exception as error:   # noqa: BLE001 - a problem that cannot be drawn fails alone
        entry = failed(problem.number, problem.title or problem.label,
                       internal(error).text(lang), lang)
        return layout.piece(entry)
