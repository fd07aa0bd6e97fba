"""Errors that derive reports to the user.

Every error a user can cause is a :class:`DeriveError`: a message key and the parameters of its
sentence (``UsageError("wrt.absent", var="w0", …)``), never a sentence already written in one
language.  The command line renders it in the language of ``--lang`` (:mod:`derive.messages`
holds the sentences), prints it on standard error (with ``--format json``, as a JSON object with
the key as its stable ``code``) and exits with code 2.  An error may carry a ``hint``, the key of a
suggestion filled from the same parameters; a :class:`ParseError` adds the input with a caret
under ``position``.

To add an error: raise one of the classes below with a new key and add the key's sentence to
every catalogue of :mod:`derive.messages`.  ``message`` and ``str()`` give the English text.
"""

from __future__ import annotations

import unicodedata

from .messages import Message, known


def _shown(char: str) -> str:
    """A control character as a visible escape (``\\x1b``), any other character as itself."""
    if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf"):
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """``text`` with control characters escaped (ESC, BEL, CR …), so that an error message
    that quotes the input cannot retitle, recolour or rewrite the terminal; newlines are kept."""
    return "".join(_shown(char) for char in text)


def _width(text: str) -> int:
    """Terminal columns of ``text``: a wide character (Chinese, full-width forms) takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


class DeriveError(Message, Exception):
    """A problem with the user's request: shown as one clear message, exit code 2."""

    def __init__(self, key: str, /, hint: str | None = None, **params: object) -> None:
        Message.__init__(self, key, **params)
        Exception.__init__(self, key)
        self.hint_key = hint

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text("en")

    @property
    def code(self) -> str:
        """The stable identifier of this kind of error (its message key)."""
        return self.key if known(self.key) else "error"

    def __str__(self) -> str:
        return self.message

    def line(self, lang: str = "en") -> str:
        """The message in one line, without the ``error:`` in front."""
        return self.text(lang)

    @property
    def hint(self) -> str | None:
        """The hint in English, or ``None``."""
        return self.hint_text("en")

    def hint_text(self, lang: str = "en") -> str | None:
        return Message(self.hint_key, **self.params).text(lang) if self.hint_key else None

    def where(self) -> str:
        """The input with a caret under the position, for an error that has one."""
        return ""

    def report(self, lang: str = "en") -> str:
        """The full message, as the command line prints it: what, where (with a caret), and a
        hint when there is one."""
        parts = [Message("frame.error", message=self.line(lang)).text(lang)]
        if self.where():
            parts.append(self.where())
        hint = self.hint_text(lang)
        if hint:
            parts.append(Message("frame.hint", hint=hint).text(lang))
        return "\n".join(parts)

    def data(self, lang: str = "en") -> dict:
        """The error as JSON data: its stable ``code``, its ``message`` in ``lang`` and its
        ``hint`` when it has one."""
        out = {"code": self.code, "message": Message(self.key, **self.params).text(lang)}
        hint = self.hint_text(lang)
        if hint:
            out["hint"] = hint
        return out


class ParseError(DeriveError):
    """The input text could not be read; ``position`` is a 0-based index into it (``input``);
    ``hint`` is the key of a suggestion, filled from the same parameters."""

    def __init__(self, key: str, /, text: str = "", position: int | None = None,
                 hint: str | None = None, **params: object) -> None:
        super().__init__(key, hint, **params)
        self.input = text
        self.position = position

    def where(self) -> str:
        return self.caret()

    def caret(self) -> str:
        """The input on one line and a caret under the offending position."""
        if self.position is None or not self.input:
            return ""
        line = self.input.replace("\n", " ").replace("\t", " ")
        pos = max(0, min(self.position, len(line)))
        shown, before = printable(line), printable(line[:pos])
        return f"  {shown}\n  {' ' * _width(before)}^"

    def line(self, lang: str = "en") -> str:
        message = Message(self.key, **self.params).text(lang)
        if self.position is None:
            return message
        return Message("frame.at_position", message=message, n=self.position + 1).text(lang)

    def data(self, lang: str = "en") -> dict:
        out = super().data(lang)
        if self.position is not None:
            out["position"] = self.position
        if self.input:
            out["input"] = self.input
        return out


class UsageError(DeriveError):
    """A well-formed expression asked for something impossible (ambiguous variable, bad order…)."""
