"""The messages of errors, in every language: a key and its parameters → one sentence.

An error (:class:`derive.errors.DeriveError`) carries a message key, such as
``"parse.unexpected_character"``, and the parameters its sentence needs; the command line
renders it in the language chosen with ``--lang``.  Each language has one catalogue,
``<lang>.py`` here, mapping every key to a template whose ``{name}`` slots the parameters fill (``{{`` and ``}}`` are literal braces).

To add an error: raise ``UsageError("area.what_went_wrong", name=…)`` and add the key to every
catalogue (a test checks that each language has every key, and that every key raised exists).
To add a language: add ``<lang>.py`` with the same keys and register it in :data:`CATALOGUES`.

A parameter is shown as text, except: a :class:`Message` (a nested message, such as the reason of
another error) is rendered in the same language, and a list or tuple is joined the way the
language lists things (``x, y``; ``x、y``).  This module imports nothing but its catalogues, so
that an error can be reported before anything else is loaded.
"""

from __future__ import annotations

import re

from . import en, zh

CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
LANGUAGES = tuple(CATALOGUES)

#: how each language separates the items of a list inside a sentence
LIST_SEPARATORS = {"en": ", ", "zh": "、"}

_SLOT = re.compile(r"\{\{|\}\}|\{(\w+)\}")   # {{ and }} are literal braces, as in str.format


class Message:
    """A message key with its parameters, rendered in a language by :meth:`text`."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str = "en") -> str:
        return render(lang, self.key, self.params)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"


#: the operating system's reasons (``errno`` names) that have a message of their own
OS_REASONS = ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST")


def os_reason(error: OSError) -> Message | str:
    """Why a file operation failed, in the user's language when the reason is a common one
    (the system's own English text otherwise)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in OS_REASONS:
        return Message("os." + name)
    return error.strerror or str(error)


def known(key: str) -> bool:
    """Whether ``key`` is a message of the catalogues (every language has the same keys)."""
    return key in CATALOGUES["en"]


def render(lang: str, key: str, params: dict[str, object]) -> str:
    """The message ``key`` in ``lang`` with its slots filled.  A key that no catalogue holds is
    shown as it is: text that was never given a key stays readable (a test finds it)."""
    catalogue = CATALOGUES.get(lang, CATALOGUES["en"])
    template = catalogue.get(key) or CATALOGUES["en"].get(key, key)
    if not known(key):
        return key
    return _SLOT.sub(lambda match: shown(lang, params[match.group(1)]) if match.group(1)
                     else match.group(0)[0], template)


def shown(lang: str, value: object) -> str:
    """A parameter as text in ``lang``."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATORS.get(lang, ", ").join(shown(lang, item) for item in value)
    return str(value)
