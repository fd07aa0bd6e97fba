"""Plain-text mathematics: one-line forms for prose and sympy's 2-D pretty forms for display."""

from __future__ import annotations

import re

from sympy import Basic, sstr
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.pretty.stringpict import prettyForm

from ..sizes import size_at_most

_SETTINGS = {"use_unicode": True, "wrap_line": False, "order": None}


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SMALL_POWER = re.compile(r"\^(\d)(?![\d.(])")


def inline(expr: Basic) -> str:
    """``x²·sin(x)/(x + 1)``: sympy's linear form with ``^``, ``·`` and small superscripts."""
    text = sstr(expr).replace("**", "^").replace("*", "·")
    text = re.sub(r"\bpi\b", "π", text)
    return _SMALL_POWER.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), text)


PRETTY_NODES = 400   # larger expressions are shown in one line: 2-D layout is quadratic


def display(chain: tuple[Basic, ...], indent: str = "") -> str:
    """``a = b = c`` as a 2-D pretty form, every line indented by ``indent``."""
    printer = PrettyPrinter(_SETTINGS)

    def form_of(expr: Basic) -> prettyForm:
        if size_at_most(expr, PRETTY_NODES):
            return printer._print(expr)
        return prettyForm(inline(expr))

    form = form_of(chain[0])
    for expr in chain[1:]:
        form = prettyForm(*form.right(" = ", form_of(expr)))
    text = form.render(wrap_line=False)
    return "\n".join((indent + line).rstrip() for line in text.split("\n"))
