"""Looking up phrases and filling their slots.

``say(lang, key, **slots)`` returns inline parts: the template's text split around its
``{slot}`` markers, with each slot's value (text, :class:`Math` or :class:`Formula`) in place.
To add a language, add ``phrases_<lang>.py`` with the same keys and register it in
:data:`CATALOGUES`.

Fixed notation inside a phrase is written between dollar signs in its plain-text spelling,
``"… for $j = 1, …, n$:"``; it becomes a :class:`Formula` whose text is the spelling itself and
whose LaTeX is made by :func:`plain_to_latex` (Greek letters, ``_`` subscripts, ``≠``, ``·``, …),
so text output is unchanged and LaTeX/Markdown typeset it as mathematics.  A slot may not stand
inside dollar signs.
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


_SYMBOLS = {
    "≠": r"\neq ", "≤": r"\leq ", "≥": r"\geq ", "·": r"\cdot ", "−": "-", "→": r"\to ",
    "∇": r"\nabla ", "∂": r"\partial ", "′": "'", "″": "''", "…": r"\dots ", "×": r"\times ",
    "Σ": r"\sum ", "ᵀ": r"^{\top}", "ᵗ": "^{t}", "ˣ": "^{x}", "ⁿ": "^{n}", "²": "^{2}", "³": "^{3}",
    "⁻¹": "^{-1}", "ℯ": "e", "%": r"\%", "#": r"\#", "&": r"\&",
}
_WORDS = ("diag", "det", "ln", "log", "lim", "sin", "cos", "exp")
_PLAIN_TOKEN = re.compile("|".join(
    [r"_\(([^()]*)\)", r"_([A-Za-z0-9]+)", r"\^\(([^()]*)\)", r"\^([A-Za-z0-9]+)",
     r"\b(" + "|".join(_WORDS) + r")\b"]
    + [re.escape(k) for k in sorted(_SYMBOLS, key=len, reverse=True)] + ["([α-ωΑ-Ω])"]))


def plain_to_latex(text: str) -> str:
    """The LaTeX of notation spelled in plain text: ``σ_i(1 − σ_i)`` → ``\\sigma_{i}(1 - \\sigma_{i})``."""
    from ..render.latex import greek_command

    def one(match: re.Match) -> str:
        sub, sub_word, sup, sup_word, word, greek = match.groups()
        if sub is not None or sub_word is not None:
            return "_{" + plain_to_latex(sub if sub is not None else sub_word) + "}"
        if sup is not None or sup_word is not None:
            return "^{" + plain_to_latex(sup if sup is not None else sup_word) + "}"
        if word is not None:
            return r"\operatorname{diag}" if word == "diag" else "\\" + word + " "
        if greek is not None:
            return greek_command(greek) + " "
        return _SYMBOLS[match.group(0)]

    latex = re.sub(r" +", " ", _PLAIN_TOKEN.sub(one, text)).strip()
    return re.sub(r"(\\[A-Za-z]+) (?=[_^(),{}])", r"\1", latex)     # "\sigma _{i}" → "\sigma_{i}"


def _as_parts(value: object) -> Parts:
    if isinstance(value, (Math, Formula, str)):
        return (value,)
    if isinstance(value, Basic):
        return (Math(value),)
    if isinstance(value, tuple):
        return value
    return (str(value),)
