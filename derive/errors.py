"""Errors that derive reports to the user.

Every error a user can cause is a :class:`DeriveError`; the command line prints its
``message`` (and, for a :class:`ParseError`, the input with a caret under ``position``) and
exits with code 2.  To add an error kind, subclass :class:`DeriveError` and raise it with a
message that says *what* went wrong and *where*.
"""

from __future__ import annotations

import unicodedata


def _shown(char: str) -> str:
    """A control character as a visible escape (``\\x1b``), any other character as itself."""
    if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf"):
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """``text`` with control characters escaped (ESC, BEL, CR …), so that an error message
    that quotes the input cannot retitle, recolour or rewrite the terminal; newlines are kept."""
    return "".join(_shown(char) for char in text)


class DeriveError(Exception):
    """A problem with the user's request: shown as one clear message, exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ParseError(DeriveError):
    """The input text could not be read; ``position`` is a 0-based index into ``text``."""

    def __init__(self, message: str, text: str = "", position: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.position = position
        self.hint = hint

    def caret(self) -> str:
        """The input on one line and a caret under the offending position."""
        if self.position is None or not self.text:
            return ""
        line = self.text.replace("\n", " ").replace("\t", " ")
        pos = max(0, min(self.position, len(line)))
        shown, pos = printable(line), len(printable(line[:pos]))
        return f"  {shown}\n  {' ' * pos}^"

    def report(self) -> str:
        """The full message: what, where (with a caret), and a hint when there is one."""
        where = f" at position {self.position + 1}" if self.position is not None else ""
        parts = [f"error: {self.message}{where}"]
        caret = self.caret()
        if caret:
            parts.append(caret)
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n".join(parts)


class UsageError(DeriveError):
    """A well-formed expression asked for something impossible (ambiguous variable, bad order…)."""
