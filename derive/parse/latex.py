r"""The LaTeX commands the tokenizer understands, and what each one becomes.

LaTeX input goes through the same tokenizer and parser as plain text; a command such as
``\sin`` or ``\cdot`` simply becomes the token its plain spelling would give.  The few LaTeX
constructs with their own grammar (``\frac``, ``\sqrt[n]{}``, ``^``/``_`` taking one character
or a ``{…}`` group) are handled in :mod:`derive.parse.pratt`.

To add a command: put it in the table that says what it means — ``IGNORED`` (spacing and sizing,
dropped), ``OPERATORS`` (becomes ``+ - * /``), ``FRACTIONS``, ``NAMED`` (``\operatorname``-like:
its braced argument is a name), ``DELIMITERS`` and ``BRACKET_FUNCTIONS`` (``\lfloor``…``\rfloor``
is floor(…)), ``UNSUPPORTED`` (a clear error instead of "unknown command").
Function names (``\sin``, ``\arctan``, …) come from :data:`derive.parse.names.FUNCTIONS` and
Greek letters from :data:`derive.parse.names.GREEK`, so they need no entry here.
"""

from __future__ import annotations

from derive.parse.names import GREEK, all_function_names

#: Dropped without trace (the delimiter after \left, \right, \big… is read normally).
IGNORED = frozenset({
    ",", ";", ":", "!", " ", "quad", "qquad", "ds", "displaystyle", "textstyle",
    "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
    "biggl", "biggr", "Biggl", "Biggr", "limits", "nolimits",
})

#: Commands that are operators.
OPERATORS = {"cdot": "*", "times": "*", "ast": "*", "div": "/"}

#: Commands for a fraction \frac{num}{den}.
FRACTIONS = frozenset({"frac", "dfrac", "tfrac", "cfrac"})

#: Commands whose braced argument is a name: \operatorname{softplus}.
NAMED = frozenset({"operatorname", "mathrm", "text", "textrm", "mathit"})

#: Delimiter commands.
DELIMITERS = {"{": "(", "}": ")", "lvert": "|", "rvert": "|", "vert": "|",
              "lbrace": "(", "rbrace": ")", "lparen": "(", "rparen": ")"}

#: Brackets that apply a function: \lfloor x \rfloor is floor(x).
BRACKET_FUNCTIONS = {"lfloor": "floor", "lceil": "ceiling"}
BRACKET_CLOSERS = {"rfloor": "floor", "rceil": "ceiling"}

#: Commands that mean something we deliberately do not read, with the key of the reason shown
#: to the user (its sentence is in :mod:`derive.messages`).
UNSUPPORTED = {
    "prime": "hint.latex.prime", "infty": "hint.latex.infty", "int": "hint.latex.int",
    "sum": "hint.latex.sum", "prod": "hint.latex.prod", "lim": "hint.latex.lim",
}

#: Extra spellings of Greek letters.
GREEK_VARIANTS = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi",
                  "varsigma": "sigma", "varrho": "rho"}


def known_commands() -> list[str]:
    """Every command name the tokenizer accepts (for "did you mean" hints)."""
    return sorted({*IGNORED, *OPERATORS, *FRACTIONS, *NAMED, *DELIMITERS, *BRACKET_FUNCTIONS,
                   *BRACKET_CLOSERS, *GREEK,
                   *GREEK_VARIANTS, *all_function_names(), "sqrt", "pi", "partial"} - {" "})
