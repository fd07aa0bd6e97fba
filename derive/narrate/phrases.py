"""Looking up phrases and filling their slots.

``say(lang, key, **slots)`` returns inline parts: the template's text split around its
``{slot}`` markers, with each slot's value (text, :class:`Math` or :class:`Formula`) in place.
To add a language, add ``phrases_<lang>.py`` with the same keys and register it in
:data:`CATALOGUES`.
"""

from __future__ import annotations

import re

from sympy import Basic

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
            parts.append(template[position:match.start()])
        parts.extend(_as_parts(slots[match.group(1)]))
        position = match.end()
    if position < len(template):
        parts.append(template[position:])
    return tuple(parts)


def _as_parts(value: object) -> Parts:
    if isinstance(value, (Math, Formula, str)):
        return (value,)
    if isinstance(value, Basic):
        return (Math(value),)
    if isinstance(value, tuple):
        return value
    return (str(value),)
