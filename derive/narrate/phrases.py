"""Looking up phrases and filling their slots.

``say(lang, key, **slots)`` returns inline parts: the template's text split around its
``{slot}`` markers, with each slot's value (text, :class:`Math` or :class:`Formula`) in place.
To add a language, add ``phrases_<lang>.py`` with the same keys and register it in
:data:`CATALOGUES`.

Fixed notation inside a phrase is written between dollar signs in its plain-text spelling,
``"… for $j = 1, …, n$:"``; it becomes a :class:`Formula` whose text is the spelling itself and
whose LaTeX is made by :func:`derive.notation.letters.plain_to_latex` (Greek letters, ``_``
subscripts, ``≠``, ``·``, …), so text output is unchanged and LaTeX/Markdown typeset it as
mathematics.  A slot may not stand
inside dollar signs.
"""

from __future__ import annotations

import re

from sympy import Basic

from ..notation.letters import plain_to_latex
from . import phrases_en, phrases_zh
from .document import Formula, Inline, Math, Parts

CATALOGUES: dict[str, dict[str, str]] = {"en": phrases_en.PHRASES, "zh": phrases_zh.PHRASES}
LANGUAGES = tuple(CATALOGUES)

_SLOT = re.compile(r"\{(\w+)\}")


def say(lang: str, key: str, **slots: object) -> Parts:
    template = CATALOGUES[lang][key]
    parts: list[Inline] = []
    position = 0
    for match in _SLOT.finditer(template):
        if match.start() > position:
            parts.extend(_text(template[position:match.start()]))
        parts.extend(_as_parts(slots[match.group(1)]))
        position = match.end()
    if position < len(template):
        parts.extend(_text(template[position:]))
    return tuple(parts)


_MATH = re.compile(r"\$([^$]+)\$")


def _text(text: str) -> list[Inline]:
    """Literal text of a phrase, with each ``$…$`` turned into a :class:`Formula`."""
    out: list[Inline] = []
    position = 0
    for match in _MATH.finditer(text):
        if match.start() > position:
            out.append(text[position:match.start()])
        out.append(Formula(match.group(1), plain_to_latex(match.group(1))))
        position = match.end()
    if position < len(text):
        out.append(text[position:])
    return out


def _as_parts(value: object) -> Parts:
    if isinstance(value, (Math, Formula, str)):
        return (value,)
    if isinstance(value, Basic):
        return (Math(value),)
    if isinstance(value, tuple):
        return value
    return (str(value),)
