r"""Greek letters and notation spelled in plain text.

:data:`GREEK` is the one table of Greek letters: for every letter its name (the LaTeX command
without the backslash) and the unicode character.  The parser reads the names it lists
(:data:`READ_BY_NAME`), the LaTeX writer spells every character with :func:`greek_command`.  A
capital that looks like a Latin letter (Α, Β, Ε, …) and the omicron have no LaTeX command: they
are written as the Latin letter.

:func:`plain_to_latex` turns fixed notation written in plain text (``σ_i(1 − σ_i)``, the way the
phrase catalogues write it between dollar signs) into LaTeX.  To support another symbol there,
add it to ``_SYMBOLS``; another function name, to ``_WORDS``.
"""

from __future__ import annotations

import re

_LOWER = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi "
          "rho sigma tau upsilon phi chi psi omega").split()
_LATIN_LOOKING = {"Alpha": "A", "Beta": "B", "Epsilon": "E", "Zeta": "Z", "Eta": "H",
                  "Iota": "I", "Kappa": "K", "Mu": "M", "Nu": "N", "Omicron": "O", "Rho": "P",
                  "Tau": "T", "Chi": "X", "omicron": "o"}


def _letters(first: int, names: list[str]) -> dict[str, str]:
    # unicode skips one code point in each alphabet: 0x3A2 (no capital final sigma) and the
    # final sigma ς at 0x3C2 is not a letter of its own here
    codes = [c for c in range(first, first + 25) if c not in (0x3A2, 0x3C2)]
    return dict(zip(names, map(chr, codes)))


#: name → letter, small letters first, each alphabet in its order (``"alpha": "α"``, …, ``"Omega": "Ω"``)
GREEK: dict[str, str] = {**_letters(0x3B1, _LOWER),
                         **_letters(0x391, [name.capitalize() for name in _LOWER])}

#: the names the parser reads as Greek letters (π is a constant, Π is not read; a capital that
#: looks Latin is that Latin letter)
READ_BY_NAME: dict[str, str] = {name: letter for name, letter in GREEK.items()
                                if name not in _LATIN_LOOKING and name not in ("pi", "Pi")}

_COMMANDS = {letter: _LATIN_LOOKING.get(name, "\\" + name) for name, letter in GREEK.items()}


def greek_command(letter: str) -> str:
    """``δ`` → ``\\delta`` (math mode); a capital that looks Latin is the Latin letter; any
    other character is returned as it is."""
    return _COMMANDS.get(letter, letter)


_SYMBOLS = {
    "≠": r"\neq ", "≤": r"\leq ", "≥": r"\geq ", "·": r"\cdot ", "−": "-", "→": r"\to ",
    "∇": r"\nabla ", "∂": r"\partial ", "′": "'", "″": "''", "…": r"\dots ", "×": r"\times ",
    "Σ": r"\sum ", "ᵀ": r"^{\top}", "ᵗ": "^{t}", "ˣ": "^{x}", "ⁿ": "^{n}", "²": "^{2}", "³": "^{3}",
    "⁻¹": "^{-1}", "ℯ": "e", "%": r"\%", "#": r"\#", "&": r"\&",
}
_WORDS = ("diag", "det", "ln", "log", "lim", "sin", "cos", "tan", "cot", "sec", "csc", "exp")
_PLAIN_TOKEN = re.compile("|".join(
    [r"_\(([^()]*)\)", r"_([A-Za-z0-9]+)", r"\^\(([^()]*)\)", r"\^([A-Za-z0-9]+)",
     r"\b(" + "|".join(_WORDS) + r")\b"]
    + [re.escape(k) for k in sorted(_SYMBOLS, key=len, reverse=True)] + ["([α-ωΑ-Ω])"]))


def plain_to_latex(text: str) -> str:
    """The LaTeX of notation spelled in plain text: ``σ_i(1 − σ_i)`` → ``\\sigma_{i}(1 - \\sigma_{i})``."""

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
