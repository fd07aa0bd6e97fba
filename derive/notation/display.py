"""Display-only stand-ins: parentheses that sympy would not print, and an elided sub-expression.

An unevaluated step (``f'g − fg'``) must never show a double sign: :func:`guard_add` puts a
subtracted negative term in :class:`Parens`, :func:`guard_mul` a negative factor after the
first.  Every printer of derive (one-line, 2-D, LaTeX) calls them on the terms or factors in
printed order.  :class:`Elided` stands for the levels of a deep expression that are not shown;
:func:`distinct` drops a form of an equation chain that repeats the one before it.
"""

from __future__ import annotations

from sympy import Basic, Expr, Mul, Symbol, sympify
from sympy.printing.pretty.stringpict import prettyForm


class Parens(Expr):
    """A display-only pair of parentheses around an expression."""

    def __new__(cls, arg):
        return Expr.__new__(cls, sympify(arg))

    def _sympystr(self, printer):
        return f"({printer._print(self.args[0])})"

    def _pretty(self, printer):
        return prettyForm(*printer._print(self.args[0]).parens())

    def _latex(self, printer):
        return rf"\left({printer._print(self.args[0])}\right)"


def _negative(term: Basic) -> bool:
    return isinstance(term, Expr) and not term.is_Add and term.could_extract_minus_sign()


def guard_add(terms: list[Basic]) -> tuple[list[Basic], bool]:
    """Terms (in printed order) with every subtracted negative term ``− (−t)`` parenthesised."""
    out, changed = [terms[0]], False
    for term in terms[1:]:
        if _negative(term) and _negative(-term):
            out.append(Mul(-1, Parens(-term), evaluate=False))
            changed = True
        else:
            out.append(term)
    return out, changed


def guard_mul(factors: list[Basic]) -> tuple[list[Basic], bool]:
    """Factors (in printed order) with every negative factor after the first parenthesised."""
    out, changed = [factors[0]], False
    for factor in factors[1:]:
        if _negative(factor) and not factor.is_Number:
            out.append(Parens(factor))
            changed = True
        else:
            out.append(factor)
    return out, changed


def _printed(form):
    """``str(form)``, or the form itself when it holds a number too long for Python to write
    (more than 4300 digits): then the objects are compared."""
    try:
        return str(form)
    except ValueError:
        return form


def distinct(forms, key=_printed) -> list:
    """``forms`` without a form whose ``key`` equals the one before it: an unevaluated step that
    prints like the tidied result (``2x y³ = 2x y³``) is shown once.  The default key compares
    the printed forms; ``key=None`` the expressions themselves."""
    key = key or (lambda form: form)
    out: list = []
    for form in forms:
        if not out or key(form) != key(out[-1]):
            out.append(form)
    return out


class Elided(Symbol):
    """Stands for a sub-expression that is not shown (``…``, ``\\cdots``)."""

    def __new__(cls):
        return super().__new__(cls, "…")

    def _latex(self, printer):
        return r"\cdots"

    def _sympystr(self, printer):
        return "…"

    def _pretty(self, printer):
        return prettyForm("…")
