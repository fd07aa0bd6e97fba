"""Formulas shown as a teacher writes them: fixed notation symbols (∂z/∂u, ∇f, f'(u)) and sums,
products and fractions kept in the order given.

sympy sorts the arguments of ``Add``/``Mul`` when printing, even with ``evaluate=False``; a
formula such as ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x must keep the teacher's order.  :func:`total`,
:func:`product` and :func:`fraction_shown` build such formulas; :func:`as_value` turns any
display object back into the ordinary sympy value (for comparisons and JSON).
"""

from __future__ import annotations

import sympy
from sympy import Basic, Expr, Symbol
from sympy.printing.pretty.stringpict import prettyForm, stringPict

from .indexed import SumExcept


class Notation(Symbol):
    """A fixed piece of notation inside a formula (∂z/∂u, ∇f, f'(u)), printed as given.

    ``top``/``bottom`` make the pretty form a small fraction; ``latex`` is its LaTeX spelling.
    """

    def __new__(cls, text: str, latex: str, top: str | None = None, bottom: str | None = None):
        obj = super().__new__(cls, text)
        obj.latex, obj.top, obj.bottom = latex, top, bottom
        return obj

    def _latex(self, printer):
        return self.latex

    def _sympystr(self, printer):
        return self.name

    def _pretty(self, printer):
        if self.top is None:
            return prettyForm(self.name)
        width = max(len(self.top), len(self.bottom))
        lines = [self.top.center(width), "─" * width, self.bottom.center(width)]
        return prettyForm(*stringPict("\n".join(lines), baseline=1).parens("", ""))


class Written(sympy.Expr):
    """A quantity written by its name that is not a free symbol of the formula: ``y`` for
    y(x) in implicit differentiation, so that d/dx of a formula in x and y stays d/dx."""

    is_commutative = True      # ordered among the other factors: x·y·dy/dx, not x·dy/dx·y

    def sort_key(self, order=None):
        return Symbol(self.text).sort_key(order)     # placed where the symbol would be

    def __new__(cls, text: str, latex: str):
        obj = super().__new__(cls)
        obj.text, obj.latex = text, latex
        return obj

    def _hashable_content(self):
        return (self.text, self.latex)

    def _sympystr(self, printer):
        return self.text

    def _latex(self, printer):
        return self.latex

    def _pretty(self, printer):
        return prettyForm(self.text)


def derivative_notation(top: Basic, bottom: Basic, partial: bool = True) -> Notation:
    """∂top/∂bottom (or d top/d bottom) as a notation symbol."""
    d, dl = ("∂", r"\partial ") if partial else ("d", "d")
    t, b = str(top), str(bottom)
    latex = rf"\frac{{{dl}{sympy.latex(top)}}}{{{dl}{sympy.latex(bottom)}}}"
    return Notation(f"{d}{t}/{d}{b}", latex, f"{d}{t}", f"{d}{b}")


def nabla(name: str = "f") -> Notation:
    return Notation(f"∇{name}", rf"\nabla {name}")


def named(text: str, latex: str) -> Notation:
    return Notation(text, latex)


class Shown(sympy.Expr):
    """An unevaluated sum or product printed with its arguments in the given order;
    ``doit()`` gives the ordinary sympy value."""

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

    def _joined(self, printer, bracket: str, operator) -> str:
        """The pieces printed by ``printer`` and joined by ``operator(op)``; ``bracket`` is a
        format with ``{}`` for a piece in parentheses."""
        text = ""
        for op, arg in self._pieces():
            piece = printer._print(arg)
            text += (operator(op) if op else "") + (bracket.format(piece) if self._parens(op, arg)
                                                    else piece)
        return text

    def _sympystr(self, printer):
        return self._joined(printer, "({})", lambda op: f" {op} ")

    def _latex(self, printer):
        return self._joined(printer, r"\left({}\right)",
                            lambda op: self.latex_operator if op == self.operator else " - ")

    def _pretty(self, printer):
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


def is_fraction(value: Basic) -> bool:
    """Whether ``value`` is written as a fraction: a negative power or a non-integer number
    among its factors (``1/x``, ``x/(x + 1)``, ``2/3``, ``−1/x``, a held ``(1/x)·(x/(x + 1))``)."""
    if isinstance(value, ShownFraction):
        return True
    for factor in sympy.Mul.make_args(value):
        if factor.is_Mul and is_fraction(factor):
            return True
        if factor.is_Rational and not factor.is_Integer:
            return True
        if factor.is_Pow and factor.exp.is_number and factor.exp.is_negative:
            return True
    return False


class SideBySide(ShownProduct):
    """The factors of a product typed as fractions side by side, ``1/x · x/(x + 1)``.  In one
    line a fraction after a factor that is none is bracketed, ``x · (1/x)``: ``x · 1/x`` would
    read back as the one fraction (x·1)/x."""

    def _sympystr(self, printer):
        text, previous = "", None
        for op, arg in self._pieces():
            piece = printer._print(arg)
            if self._parens(op, arg) or (previous is not None and is_fraction(arg)
                                         and not is_fraction(previous)):
                piece = f"({piece})"
            text += f" {op} {piece}" if op else piece
            previous = arg
        return text


class ShownFraction(sympy.Expr):
    """numerator/denominator shown as written (no cancelling, no reordering)."""

    def __new__(cls, numerator, denominator):
        return super().__new__(cls, sympy.sympify(numerator), sympy.sympify(denominator))

    def doit(self, **hints):
        numerator, denominator = (a.doit(**hints) for a in self.args)
        return numerator / denominator

    def _sympystr(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return f"{_grouped(numerator, ' +-−/')}/{_grouped(denominator)}"

    def _latex(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return rf"\frac{{{numerator}}}{{{denominator}}}"

    def _pretty(self, printer):
        numerator, denominator = (printer._print(a) for a in self.args)
        return numerator / denominator


def _grouped(text: str, splits: str = " +-−·*/") -> str:
    """``text`` in brackets when one of ``splits`` stands outside its brackets (a denominator:
    unless it is one factor, ``x``, ``sin(x)``, ``(x + 1)²``; a numerator: unless it is a
    product): never ``((x + 1)²)``."""
    depth, k = 0, 0
    while k < len(text):
        c = text[k]
        depth += (c in "([{") - (c in ")]}")
        if text.startswith("**", k):            # a power binds tighter than the fraction
            k += 2
            continue
        if depth == 0 and c in splits and not (k == 0 and c in "-−"):
            return f"({text})"
        k += 1
    return text


def fraction_shown(numerator, denominator) -> Expr:
    return ShownFraction(numerator, denominator)


def _negated(arg):
    if isinstance(arg, ShownProduct) and arg.args[0].could_extract_minus_sign():
        return ShownProduct(-arg.args[0], *arg.args[1:])
    if not isinstance(arg, Shown) and arg.could_extract_minus_sign():
        return -arg
    return None


def product(*factors: Basic) -> Expr:
    """A product shown in the given order (a single factor stays itself)."""
    return factors[0] if len(factors) == 1 else ShownProduct(*factors)


def total(*terms: Basic) -> Expr:
    """A sum shown in the given order (a single term stays itself)."""
    return terms[0] if len(terms) == 1 else ShownSum(*terms)


def as_value(expr: Basic) -> Basic:
    """``expr`` as ordinary sympy: every sum, product or fraction shown in order evaluated, every
    :class:`~derive.notation.indexed.SumExcept` written as a plain ``Sum``."""
    if expr.has(Shown, ShownFraction):
        expr = expr.replace(lambda e: isinstance(e, (Shown, ShownFraction)), lambda e: e.doit())
    if expr.has(SumExcept):
        expr = expr.replace(lambda e: isinstance(e, SumExcept), lambda e: e.as_sum())
    return expr
