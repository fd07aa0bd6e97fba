"""What every topic shares: reading input, tracing one derivative with its verification,
comparing a topic's answer with an independent sympy computation, notation symbols for
formulas such as ∂z/∂u, and the ``render``/``__rich__`` plumbing of a topic result.

A topic module computes; it never narrates.  To add a topic: a module in this package that
returns a frozen dataclass deriving from :class:`TopicResult` (``document(lang)`` narrates it
through :mod:`derive.narrate.topics`, ``data()`` gives its ``derive/1`` JSON), an export in
``derive/__init__.py``, a command in ``derive/cli/topics.py``, phrases in both catalogues and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import sympy
from sympy import Basic, Expr, Symbol

from ..api import read_expression, read_variable  # noqa: F401 - re-exported for the topics
from ..steps import Step
from ..trace import trace
from ..verify import Verdict, Verification, verify
from ..verify import compare as verify_compare
from ..verify.comparison import as_expr


def by_name(symbols: Iterable[Symbol]) -> tuple[Symbol, ...]:
    """Symbols sorted by name: the one deterministic order used everywhere."""
    return tuple(sorted(set(symbols), key=lambda s: s.name))


def read_variables(values) -> tuple[Symbol, ...] | None:
    if values is None:
        return None
    if isinstance(values, (str, Symbol)):
        values = [values]
    chosen = tuple(read_variable(v) for v in values)
    return chosen or None


# --- one traced derivative --------------------------------------------------------------------

@dataclass(frozen=True)
class Traced:
    """One derivative traced by :func:`derive.trace.trace` and checked by :func:`verify`."""

    step: Step
    verification: Verification

    @property
    def expr(self) -> Expr:
        return self.step.expr

    @property
    def var(self) -> Symbol:
        return self.step.var

    @property
    def result(self) -> Expr:
        return self.step.result

    @property
    def verified(self) -> bool:
        return self.verification.verified


def traced(expr: Expr, var: Symbol) -> Traced:
    step = trace(expr, var)
    return Traced(step, verify(step))


def traced_data(item: Traced) -> dict:
    """The JSON of one traced derivative (the same fields as a ``derivative`` document)."""
    from ..render.json import expression_string, latex_string, step_data, verification_data

    held = by_name(s for s in item.expr.free_symbols if s != item.var)
    return {
        "expression": expression_string(item.expr),
        "wrt": [str(item.var)],
        "held_constant": [str(s) for s in held],
        "result": expression_string(item.result),
        "latex": {"expression": latex_string(item.expr), "result": latex_string(item.result)},
        "verified": item.verified,
        "verification": verification_data(item.verification),
        "steps": step_data(item.step, item.verification),
    }


# --- independent comparison -------------------------------------------------------------------

def compare(result: Expr, reference: Expr, against: str) -> Verdict:
    """``result`` (shown sums and products evaluated) against ``reference`` by the one
    verification service (:func:`derive.verify.compare`)."""
    return verify_compare(plain(as_expr(result)), plain(as_expr(reference)), against)


# --- notation ---------------------------------------------------------------------------------

class Notation(Symbol):
    """A fixed piece of notation inside a formula (∂z/∂u, ∇f, f'(u)), printed as given.

    ``top``/``bottom`` make the pretty form a small fraction; ``latex`` is its LaTeX spelling.
    """

    def __new__(cls, text: str, latex: str, top: str | None = None, bottom: str | None = None):
        obj = super().__new__(cls, text)
        obj._notation = (latex, top, bottom)
        return obj

    def _latex(self, printer):
        return self._notation[0]

    def _sympystr(self, printer):
        return self.name

    def _pretty(self, printer):
        from sympy.printing.pretty.stringpict import prettyForm, stringPict

        _, top, bottom = self._notation
        if top is None:
            return prettyForm(self.name)
        width = max(len(top), len(bottom))
        lines = [top.center(width), "─" * width, bottom.center(width)]
        return prettyForm(*stringPict("\n".join(lines), baseline=1).parens("", ""))


def _latex_name(symbol: Basic) -> str:
    return sympy.latex(symbol)


def derivative_notation(top: Basic, bottom: Basic, partial: bool = True) -> Notation:
    """∂top/∂bottom (or d top/d bottom) as a notation symbol."""
    d, dl = ("∂", r"\partial ") if partial else ("d", "d")
    t, b = str(top), str(bottom)
    latex = rf"\frac{{{dl}{_latex_name(top)}}}{{{dl}{_latex_name(bottom)}}}"
    return Notation(f"{d}{t}/{d}{b}", latex, f"{d}{t}", f"{d}{b}")


def nabla(name: str = "f") -> Notation:
    return Notation(f"∇{name}", rf"\nabla {name}")


def named(text: str, latex: str) -> Notation:
    return Notation(text, latex)


class Shown(sympy.Expr):
    """An unevaluated sum or product printed with its arguments in the given order.

    sympy sorts the arguments of ``Add``/``Mul`` when printing even with ``evaluate=False``;
    a formula such as ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x must keep the teacher's order.  ``doit()``
    gives the ordinary sympy value (used by :func:`compare`).
    """

    operator = "+"
    latex_operator = " + "
    combine = staticmethod(sympy.Add)

    def __new__(cls, *args):
        return super().__new__(cls, *(sympy.sympify(a) for a in args))

    def doit(self, **hints):
        return self.combine(*(a.doit(**hints) if isinstance(a, Basic) else a for a in self.args))

    def _pieces(self):
        """(operator before the piece, piece) pairs; a sum shows a negative term as ``− t``."""
        out = []
        for i, arg in enumerate(self.args):
            op = "" if i == 0 else self.operator
            if i and isinstance(self, ShownSum):
                negated = _negated(arg)
                if negated is not None:
                    op, arg = "−", negated
            out.append((op, arg))
        return out

    def _sympystr(self, printer):
        text = ""
        for op, arg in self._pieces():
            piece = printer._print(arg)
            piece = f"({piece})" if self._parens(op, arg) else piece
            text += f" {op} {piece}" if op else piece
        return text

    def _latex(self, printer):
        text = ""
        for op, arg in self._pieces():
            piece = printer._print(arg)
            piece = f"\\left({piece}\\right)" if self._parens(op, arg) else piece
            if op:
                text += self.latex_operator if op == self.operator else " - "
            text += piece
        return text

    def _pretty(self, printer):
        from sympy.printing.pretty.stringpict import prettyForm

        form = None
        for op, arg in self._pieces():
            piece = printer._print(arg)
            if self._parens(op, arg):
                piece = prettyForm(*piece.parens())
            form = piece if form is None else prettyForm(*form.right(f" {op} ", piece))
        return form

    def _parens(self, op, arg) -> bool:
        return self._needs_parens(arg) or (op == "−" and (arg.is_Add or isinstance(arg, ShownSum)))

    def _needs_parens(self, arg) -> bool:
        return False


class ShownSum(Shown):
    operator = "+"
    latex_operator = " + "
    combine = staticmethod(sympy.Add)


class ShownProduct(Shown):
    operator = "·"
    latex_operator = r" \cdot "
    combine = staticmethod(sympy.Mul)

    def _needs_parens(self, arg) -> bool:
        return arg.is_Add or isinstance(arg, ShownSum) or (arg.is_Number and arg.is_negative)

    def _parens(self, op, arg) -> bool:
        # a negative factor after the first: a·(−b), never a·−b
        negative = isinstance(arg, Expr) and not arg.is_Add and arg.could_extract_minus_sign()
        return super()._parens(op, arg) or bool(op and negative)


class ShownFraction(sympy.Expr):
    """numerator/denominator shown as written (no cancelling, no reordering)."""

    def __new__(cls, numerator, denominator):
        return super().__new__(cls, sympy.sympify(numerator), sympy.sympify(denominator))

    def doit(self, **hints):
        numerator, denominator = (a.doit(**hints) for a in self.args)
        return numerator / denominator

    def _sympystr(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return f"({numerator})/({denominator})"

    def _latex(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return rf"\frac{{{numerator}}}{{{denominator}}}"

    def _pretty(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return numerator / denominator


def fraction_shown(numerator, denominator) -> Expr:
    return ShownFraction(numerator, denominator)


def _negated(arg):
    if isinstance(arg, ShownProduct) and arg.args[0].could_extract_minus_sign():
        return ShownProduct(-arg.args[0], *arg.args[1:])
    if not isinstance(arg, Shown) and arg.could_extract_minus_sign():
        return -arg
    return None


def plain(expr: Basic) -> Basic:
    """``expr`` with every shown-in-order sum or product evaluated."""
    if not expr.has(Shown, ShownFraction):
        return expr
    return expr.replace(lambda e: isinstance(e, (Shown, ShownFraction)), lambda e: e.doit())


def product(*factors: Basic) -> Expr:
    """A product shown in the given order (a single factor stays itself)."""
    return factors[0] if len(factors) == 1 else ShownProduct(*factors)


def total(*terms: Basic) -> Expr:
    """A sum shown in the given order (a single term stays itself)."""
    return terms[0] if len(terms) == 1 else ShownSum(*terms)


class TopicResult:
    """``render`` and ``__rich__`` for a result that has ``document(lang)`` and ``data()``."""

    def render(self, format: str = "text", lang: str = "en", **options) -> str:
        from ..render import render_output

        return render_output(self, format, lang, **options)

    def __rich__(self):
        from ..render import render_document

        return render_document(self.document(), "rich")
