"""Reporting errors: one message on standard error, in the language of ``--lang``, exit code 2.

A :class:`~derive.errors.DeriveError` is rendered by :func:`fail`: as text (``error: …``, the
input with a caret under the position, ``hint: …``), or with ``--format json`` as one JSON object,
``{"schema": "derive/1", "kind": "error", "error": {"code": …, "message": …}}``, whose ``code``
(the message key) does not depend on the language.  click's own usage errors (an unknown option,
a missing argument, a value that is not one of the choices) are turned into derive's errors by
:func:`usage_error`, and :class:`UsageReport` prints them the same way; the language and format
of such an error are read from the words of the command line, since click failed to read them.

To report a new kind of click error: map it to a message key in :func:`usage_error`.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from typing import NoReturn

import typer
from typer.core import TyperCommand

from ..errors import DeriveError, UsageError, printable
from ..messages import Message

#: the exceptions of the click typer uses (its own copy in recent versions of typer)
click = importlib.import_module(typer.BadParameter.__module__)

SCHEMA = "derive/1"


def report(error: DeriveError, lang: str = "en", as_json: bool = False) -> str:
    """``error`` as derive prints it: text in ``lang``, or one line of JSON."""
    if as_json:
        return _escaped(json.dumps({"schema": SCHEMA, "kind": "error", "lang": lang,
                                    "error": error.data(lang)}, ensure_ascii=False))
    return printable(error.report(lang))


def _escaped(text: str) -> str:
    """JSON text with every control or format character written as a ``\\u`` escape (json
    escapes only those below U+0020), so that the input it quotes cannot drive the terminal."""
    def escape(char: str) -> str:
        if unicodedata.category(char) not in ("Cc", "Cf"):
            return char
        code = ord(char)
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return "".join(escape(char) for char in text)


def fail(error: DeriveError, lang: str = "en", as_json: bool = False) -> NoReturn:
    """Print ``error`` on standard error and exit with code 2."""
    sys.stderr.write(report(error, lang, as_json) + "\n")
    raise typer.Exit(2)


def internal(error: BaseException) -> Message:
    """The message for a bug in derive (one line, whatever the exception holds)."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())
    return Message("frame.internal", detail=detail)


# --- click's usage errors ---------------------------------------------------------------------

def option_value(words: list[str], names: tuple[str, ...]) -> str | None:
    """The value last given to the option called ``names`` among the command line's ``words``
    (``--lang zh``, ``--lang=zh``, ``-l zh``), or ``None``."""
    found = None
    for k, word in enumerate(words):
        if word == "--":
            break
        if word in names and k + 1 < len(words):
            found = words[k + 1]
        elif "=" in word and word.split("=", 1)[0] in names:
            found = word.split("=", 1)[1]
    return found


def language_of(words: list[str]) -> str:
    lang = option_value(words, ("--lang", "-l"))
    return lang if lang in ("en", "zh") else "en"


def json_wanted(words: list[str]) -> bool:
    return option_value(words, ("--format", "-f")) == "json"


def _option(error: click.ClickException) -> str:
    param = getattr(error, "param", None)
    if param is not None:
        return " / ".join(param.opts) if param.param_type_name == "option" else \
            (param.metavar or param.name or "").upper()
    return getattr(error, "option_name", "") or ""


def _given(words: list[str], param) -> str | None:
    return option_value(words, tuple(param.opts)) if param is not None and \
        param.param_type_name == "option" else None


def usage_error(error: click.ClickException, words: list[str] = ()) -> UsageError:
    """click's error as derive's: a message key and its parameters (``words``: the command
    line, to find the value that was refused)."""
    if isinstance(error, UsageReport):
        return error.error
    if isinstance(getattr(error, "derive_error", None), UsageError):
        return error.derive_error          # an error of derive's own, raised as click's
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    if isinstance(error, click.NoSuchOption):
        if error.possibilities:
            return UsageError("usage.no_such_option_guess", option=error.option_name,
                              guess=tuple(error.possibilities))
        return UsageError("usage.no_such_option", option=error.option_name)
    if isinstance(error, click.MissingParameter):
        key = "usage.missing_argument" if error.param is not None and \
            error.param.param_type_name == "argument" else "usage.missing_option"
        return UsageError(key, name=_option(error))
    if isinstance(error, click.BadOptionUsage):
        key = "usage.option_needs_value" if "requires an argument" in message else \
            "usage.option_takes_no_value" if "does not take a value" in message else None
        if key:
            return UsageError(key, option=error.option_name)
    if isinstance(error, click.BadParameter):
        return _bad_value(error, words)
    extra = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return UsageError("usage.extra_arguments", words=extra.group(1))
    command = re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", message)
    if command:
        guesses = tuple(re.findall(r"'([^']*)'", command.group(2) or ""))
        return UsageError("usage.no_such_command_guess" if guesses else "usage.no_such_command",
                          command=command.group(1), guess=guesses)
    if message == "Missing command.":
        return UsageError("usage.missing_command")
    return UsageError("usage.other", detail=message)


def _bad_value(error: click.BadParameter, words: list[str]) -> UsageError:
    """A value the option's type refused (typer's messages, read back into a key)."""
    option = _option(error)
    value = _given(list(words), error.param)
    detail = error.message.removeprefix("Value error, ").rstrip(".")
    choice = re.fullmatch(r"'(.*)' is not one of (.*)", detail)
    if choice:
        return UsageError("usage.choice", option=option, value=choice.group(1),
                          choices=tuple(re.findall(r"'([^']*)'", choice.group(2))))
    if value is not None and detail.startswith("Input should be a valid integer"):
        return UsageError("usage.int", option=option, value=value)
    bound = re.fullmatch(r"Input should be (less|greater) than or equal to (\S+)", detail)
    if value is not None and bound:
        return UsageError("usage.at_most" if bound.group(1) == "less" else "usage.at_least",
                          option=option, value=value, bound=bound.group(2))
    return UsageError("usage.invalid_value", option=option, detail=detail)


class UsageReport(click.UsageError):
    """A click usage error reported as derive reports errors: in ``lang``, as text or JSON,
    with the command's ``--help`` as the hint."""

    exit_code = 2

    def __init__(self, error: click.ClickException, words: list[str],
                 ctx=None) -> None:
        super().__init__(error.format_message(), ctx)
        self.error = usage_error(error, words)
        self.lang = language_of(words)
        self.as_json = json_wanted(words)

    def show(self, file=None) -> None:
        text = report(self.error, self.lang, self.as_json)
        if not self.as_json and self.ctx is not None:
            text += "\n" + Message("frame.hint", hint=Message(
                "usage.see_help", command=self.ctx.command_path)).text(self.lang)
        (file or sys.stderr).write(text + "\n")


class ReportingCommand(TyperCommand):
    """A command whose usage errors are reported in the language of ``--lang``."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        words = list(args)                # click's parser consumes the list it is given
        try:
            return super().parse_args(ctx, self.arrange(ctx, args))
        except click.UsageError as error:
            raise UsageReport(error, words, ctx) from None

    def arrange(self, ctx, args: list[str]) -> list[str]:
        """The words as click should read them (a subclass may reorder them)."""
        return args
