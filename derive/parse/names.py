"""Names the parser knows: functions, Greek letters, constants, and how letter runs split.

A *letter run* is a maximal stretch of ASCII letters such as ``xsin`` or ``theta``.  It is read
as a product of names by :func:`split_letter_run`, greedily from the left: at each position the
longest known name that starts there (a function name, a Greek name, ``pi``, a declared function)
is taken whole; otherwise the single letter is a variable.  So ``xy`` is ``x·y``, ``xsin`` is
``x·sin``, ``theta`` stays whole.  The two-letter Greek names ``mu nu xi`` and ``eta`` are only
recognised as a whole run (``xi`` alone is ξ, but ``xiy`` is ``x·i·y``); ``pi`` is recognised
anywhere (``2pix`` is ``2·π·x``).  Digits directly after a variable extend it (``w1``, ``x12``)
and after a function they start its argument (``sin2x`` is ``sin(2x)``).

A function with a tabled derivative is read from the registry :data:`derive.functions.TABLE`
(its name, aliases and inverse): add it there.  To add a name that has no tabled derivative: add
a :class:`FunctionSpec` to ``FUNCTIONS`` (and an alias to ``ALIASES`` if it has several
spellings; give ``inverse`` if ``name^-1`` means its inverse).  Names listed in ``FUNCTIONS`` and
``ALIASES`` are recognised inside letter runs, in LaTeX as ``\\name``/``\\operatorname{name}``,
and in error hints ("did you mean …").  Greek letters come from
:data:`derive.notation.letters.GREEK`.  To add a constant: add it to ``CONSTANTS``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Callable

import sympy

from derive.functions import TABLE, relu
from derive.notation.letters import READ_BY_NAME


@dataclass(frozen=True)
class FunctionSpec:
    """How to build one named function: ``build(*args, evaluate=True)`` with
    ``min_args..max_args`` arguments (``build`` must accept ``evaluate``, as sympy's do)."""

    build: Callable[..., sympy.Expr]
    min_args: int = 1
    max_args: int | None = 1  # None: any number
    inverse: str | None = None  # the function that ``name^-1`` denotes


def _log(x, base=None, evaluate=True):
    """log(x) or log(x, base); unevaluated (for deep arguments) when ``evaluate`` is False."""
    if base is None:
        return sympy.log(x, evaluate=evaluate)
    if evaluate:
        return sympy.log(x, base)
    return sympy.Mul(sympy.log(x, evaluate=False), sympy.Pow(sympy.log(base), -1))


def _s(fn, inverse=None):
    return FunctionSpec(fn, inverse=inverse)


FUNCTIONS: dict[str, FunctionSpec] = {
    **{entry.name: _s(entry.function, entry.inverse) for entry in TABLE},
    "exp": _s(sympy.exp, "ln"), "ln": _s(sympy.log, "exp"),
    "log": FunctionSpec(_log, 1, 2, "exp"),  # natural log; log(x, b) is base b
    "log10": _s(lambda x, evaluate=True: _log(x, 10, evaluate)),
    "log2": _s(lambda x, evaluate=True: _log(x, 2, evaluate)),
    "sqrt": _s(sympy.sqrt), "cbrt": _s(sympy.cbrt),
    "root": FunctionSpec(sympy.root, 2, 2),
    "abs": _s(sympy.Abs),
    "gamma": _s(sympy.gamma), "relu": _s(relu),
    "exp2": _s(lambda x, evaluate=True: sympy.Pow(2, x, evaluate=evaluate)),  # 2^x, as in C
    "Max": FunctionSpec(sympy.Max, 1, None), "Min": FunctionSpec(sympy.Min, 1, None),
}

ALIASES: dict[str, str] = {
    **{alias: entry.name for entry in TABLE for alias in entry.aliases},
    "lg": "log10", "Abs": "abs", "ReLU": "relu", "max": "Max", "min": "Min",
}

#: ASCII name -> unicode letter.  A Greek letter is a plain ``Symbol`` named in ASCII.
GREEK: dict[str, str] = READ_BY_NAME
#: unicode letter -> ASCII name (variants included: ϵ ϑ ϕ ς).
GREEK_CHARS: dict[str, str] = {ch: name for name, ch in GREEK.items()}
GREEK_CHARS.update({"ϵ": "epsilon", "ϑ": "theta", "ϕ": "phi", "ς": "sigma", "π": "pi"})

#: Greek names recognised only when they are the whole letter run.
WHOLE_WORD_ONLY = frozenset({"eta", "mu", "nu", "xi"})

CONSTANTS: dict[str, sympy.Expr] = {"e": sympy.E, "E": sympy.E, "pi": sympy.pi}

#: A variable name that is also a function when directly followed by ``(`` (``σ(z)``, ``gamma(x)``).
CALLABLE_VARIABLES: dict[str, str] = {"sigma": "sigmoid", "gamma": "gamma", "H": "Heaviside"}

#: Single letters that name an undefined function when followed by ``(``: ``f(x^2)``.
DEFAULT_UNDEFINED_FUNCTIONS = ("f", "g", "h")


def canonical_function(name: str) -> str | None:
    """The key in ``FUNCTIONS`` for a function name or alias, else None."""
    if name in FUNCTIONS:
        return name
    return ALIASES.get(name)


def all_function_names() -> list[str]:
    return sorted({*FUNCTIONS, *ALIASES})


def suggest_function(word: str) -> str | None:
    """The known function name closest to ``word`` (a likely typo), or None."""
    matches = difflib.get_close_matches(word, all_function_names(), n=1, cutoff=0.6)
    return matches[0] if matches else None


@dataclass(frozen=True)
class Piece:
    """One name found in a letter run: ``kind`` is ``function``, ``variable`` or ``constant``."""

    text: str
    kind: str
    start: int  # offset within the run


def _run_names(declared: frozenset[str]) -> dict[str, str]:
    names = {name: "function" for name in all_function_names()}
    for name in GREEK:
        names[name] = "variable"
    names["pi"] = "constant"
    for name in declared:
        names.setdefault(name, "variable")
    return names


_CACHE: dict[frozenset[str], tuple[dict[str, str], int]] = {}


def split_letter_run(run: str, declared: frozenset[str] = frozenset()) -> list[Piece]:
    """Split a run of ASCII letters into names, greedily taking the longest known name."""
    if declared not in _CACHE:
        names = _run_names(declared)
        _CACHE[declared] = (names, max(map(len, names)))
    names, longest = _CACHE[declared]
    whole = names.get(run)
    if whole is not None:
        return [Piece(run, whole, 0)]
    pieces: list[Piece] = []
    i = 0
    while i < len(run):
        for size in range(min(longest, len(run) - i), 1, -1):
            word = run[i:i + size]
            if word in names and word not in WHOLE_WORD_ONLY:
                pieces.append(Piece(word, names[word], i))
                i += size
                break
        else:
            letter = run[i]
            pieces.append(Piece(letter, "constant" if letter in CONSTANTS else "variable", i))
            i += 1
    return pieces
