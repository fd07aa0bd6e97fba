r"""How the user wrote the input: the function names typed and the order of terms, for printing.

sympy keeps no trace of the name a function was typed with (``ln`` and ``log`` are one class,
``arctan`` and ``tan^-1`` are ``atan``) nor of the order of a sum's terms (``w1*x1 + w2*x2 + b1``
is stored as ``b1 + w1*x1 + w2*x2``).  The parser records both in a :class:`Spelling`:

* ``calls`` and ``names``: for each function applied, the name typed (``atan(x²)`` →
  ``tan^-1``), and for each sympy function the first name typed (``atan`` → ``arctan``, ``log`` →
  ``ln``), which the function's other applications (those a derivation makes) are printed with;
  a function the user did not name is printed by its textbook name (:data:`TEXTBOOK_NAMES`:
  ``ln``, ``arcsin``, ``arsinh`` …; ISO 80000-2), the name a calculus course writes;
* ``log_bases``: the bases of logarithms written ``log_b`` (``log_2 x`` is sympy's
  ``log(x)/log(2)``; a printer shows such a quotient as ``log₂(x)`` again, :func:`log_base_parts`);
* ``orders``: for each sum and product typed, its arguments in the order typed (a product is
  printed with its numbers first all the same: ``2x``, never ``x·2``; :func:`printed_factors`);
* ``groups``: for each product typed with a fraction among its factors (``\frac{1}{x}\cdot
  \frac{x}{x+1}``, ``x·\frac{1}{x+1}``, ``x/2·sin(x)``), its factors as typed, each fraction
  whole: it is printed as those factors side by side, joined by a dot (:func:`side_by_side`),
  not as sympy's one fraction gathering every denominator (``(x/(x + 1))/x``).

The spelling travels with the data (``Parsed.spelling`` → the result → its ``Document``) and is
made *current* (:func:`spelled`) while a result is traced, narrated, written as JSON or rendered;
every printer asks :func:`current`.  A context variable, rather than a parameter, because formulas
are printed from dozens of places (inline text, LaTeX, MathML, the line breakers, the widths of
drawings): the spelling is a setting of the printers for one run, as sympy's printer settings are.

To print a new spelling: add the name to :data:`TEXTBOOK_NAMES` (when the textbook name differs
from sympy's) and make sure the parser reads it back (an alias in :mod:`derive.functions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property

from sympy import Basic, Expr, Function, Mul, Pow, S, Symbol, log
from sympy.core.function import AppliedUndef
from sympy.printing.str import StrPrinter

from .shown import ShownFraction, SideBySide

#: sympy's name → the name a calculus textbook writes (sympy's name when not listed).
TEXTBOOK_NAMES: dict[str, str] = {
    "log": "ln",
    **{f"a{name}": f"arc{name}" for name in ("sin", "cos", "tan", "cot", "sec", "csc")},
    **{f"a{name}h": f"ar{name}h" for name in ("sin", "cos", "tan", "cot", "sec", "csc")},
}

INVERSE_MARK = "^-1"   # ``tan^-1``: a name typed as the inverse of another


@dataclass(frozen=True)
class Spelling:
    """The names and orders the user typed (see the module docstring); empty: textbook names."""

    names: tuple[tuple[str, str], ...] = ()
    log_bases: tuple[Expr, ...] = ()
    orders: tuple[tuple[Basic, tuple[Basic, ...]], ...] = field(default=(), compare=False,
                                                                repr=False)
    calls: tuple[tuple[Basic, str], ...] = field(default=(), compare=False, repr=False)
    groups: tuple[tuple[Basic, tuple[Basic, ...]], ...] = field(default=(), compare=False,
                                                                repr=False)

    @cached_property
    def _names(self) -> dict[str, str]:
        return dict(self.names)

    @cached_property
    def _calls(self) -> dict[Basic, str]:
        return dict(reversed(self.calls))         # the first one recorded counts

    @cached_property
    def _orders(self) -> dict[Basic, tuple[Basic, ...]]:
        return dict(reversed(self.orders))       # the first one recorded counts

    @cached_property
    def _groups(self) -> dict[Basic, tuple[Basic, ...]]:
        return dict(reversed(self.groups))

    def name(self, sympy_name: str) -> str:
        """The name to print for the sympy function ``sympy_name``: as typed, else the
        textbook's (``tan^-1``, ``arctan``, ``ln``, ``sinh``)."""
        return self._names.get(sympy_name) or TEXTBOOK_NAMES.get(sympy_name, sympy_name)

    def name_of(self, call: Basic) -> str:
        """The name to print for the applied function ``call``: the one it was typed with, else
        :meth:`name` of its function."""
        return (self.calls and self._calls.get(call)) or self.name(call.func.__name__)

    def typed_order(self, expr: Basic) -> tuple[Basic, ...] | None:
        """The arguments of the sum or product ``expr`` in the order typed, if it was typed."""
        return self._orders.get(expr) if self.orders else None

    def typed_groups(self, product: Basic) -> tuple[Basic, ...] | None:
        """The factors of ``product`` as typed, each fraction whole (``1/x``, ``x/(x + 1)``),
        if it was typed with a fraction among its factors."""
        return self._groups.get(product) if self.groups else None

    def merged(self, other: Spelling) -> Spelling:
        """Both spellings (for a result read from several inputs); this one's names first."""
        known = {name for name, _ in self.names}
        return Spelling(
            self.names + tuple(pair for pair in other.names if pair[0] not in known),
            self.log_bases + tuple(b for b in other.log_bases if b not in self.log_bases),
            self.orders + other.orders, self.calls + other.calls, self.groups + other.groups)


TEXTBOOK = Spelling()

_CURRENT: ContextVar[Spelling] = ContextVar("spelling", default=TEXTBOOK)


def current() -> Spelling:
    """The spelling the printers use now (:data:`TEXTBOOK` outside :func:`spelled`)."""
    return _CURRENT.get()


@contextmanager
def spelled(spelling: Spelling | None) -> Iterator[Spelling]:
    """Print with ``spelling`` inside the block (``None``: keep the current one)."""
    if spelling is None:
        yield current()
        return
    token = _CURRENT.set(spelling)
    try:
        yield spelling
    finally:
        _CURRENT.reset(token)


def _negative(term: Basic) -> bool:
    return term.could_extract_minus_sign() if isinstance(term, Expr) else False


def positive_first(terms: list[Basic]) -> list[Basic]:
    """A sum as a person writes it: when sympy's order starts with a negative term, the first
    positive term moves to the front (``σ_i − y_i``, not ``−y_i + σ_i``)."""
    if not terms or not _negative(terms[0]):
        return terms
    first = next((t for t in terms if not _negative(t)), None)
    if first is None:
        return terms
    return [first, *(t for t in terms if t is not first)]


def printed_terms(expr: Expr) -> tuple[Basic, ...]:
    """The terms of the sum ``expr`` in the order the printers show them: as typed, else
    sympy's order with a positive term first (:func:`positive_first`).  The tracer
    differentiates a sum in this order, so that "term 2" is the second term the reader sees."""
    typed = current().typed_order(expr)
    if typed is not None:
        return typed
    return tuple(positive_first(list(expr.as_ordered_terms())))


def printed_factors(expr: Expr) -> tuple[Basic, ...]:
    """The factors of the product ``expr`` in the order the printers show them: as typed with
    its numbers first (``sin(x)·x²``, ``2x``), else sympy's printing order.  The product rule
    takes them in this order, so that f in f'·g + f·g' is the first factor the reader sees."""
    typed = current().typed_order(expr) if expr.is_Mul else None
    if typed is None:
        coefficient, rest = expr.as_coeff_Mul()       # −2x²: (−2, x²), not (−1, 2, x²)
        others = tuple(rest.as_ordered_factors()) if rest.is_Mul else (rest,)
        return ((coefficient,) if coefficient != 1 else ()) + others
    return tuple(sorted(typed, key=lambda factor: not factor.is_Number))


class TypedMul(Mul):
    """A product printed in the order of its arguments (display only: the order typed)."""

    def as_ordered_factors(self, order=None):
        return list(self.args)


def in_typed_order(product: Basic) -> Basic | None:
    """``product`` as a :class:`TypedMul` in the order typed (:func:`printed_factors`), or
    None when it was not typed or sympy's order is the same."""
    if type(product) is not Mul or current().typed_order(product) is None:
        return None          # sympy's order, without sorting (its keys may print numbers)
    factors = printed_factors(product)
    if factors == tuple(product.as_ordered_factors()):
        return None
    return TypedMul._from_args(factors)


def side_by_side(product: Basic) -> Basic | None:
    """``product`` as the factors typed side by side, joined by a dot (``1/x · x/(x + 1)``), when
    it was typed with a fraction among its factors (:meth:`Spelling.typed_groups`); else None.
    A product sympy made (a rule's result) was not typed: it is never shown so."""
    if not isinstance(product, Mul):
        return None
    spelling = current()
    groups = spelling.typed_groups(product)
    if groups is None and spelling.groups and product.could_extract_minus_sign():
        negated = spelling.typed_groups(-product)         # a − (1/x)·(x/(x+1))
        groups = (-negated[0], *negated[1:]) if negated is not None else None
    if groups is None or product in groups:
        return None
    first, *rest = groups
    if first.is_Number and first.is_negative:      # −1/2 · sin(x), not (−1/2) · sin(x)
        return Mul(S.NegativeOne, _side_by_side(-first, *rest), evaluate=False)
    return _side_by_side(first, *rest)


def _side_by_side(*groups: Basic) -> SideBySide:
    """The groups joined by dots; ``x^(−2)`` shown as the fraction it was typed as, ``1/x²``."""
    return SideBySide(*(ShownFraction(S.One, Pow(g.base, -g.exp)) if g.is_Pow and
                          g.exp.is_number and g.exp.is_negative else g for g in groups))


def log_base_parts(product: Basic) -> tuple[Basic, Basic] | None:
    """The factors ``(log(a), 1/log(b))`` when ``product`` is ``c·log(a)/log(b)`` and the
    current spelling has ``b`` as a logarithm's base typed ``log_b``; else None."""
    bases = current().log_bases
    if not bases or not isinstance(product, Mul):
        return None
    factors = product.args
    divisor = next((f for f in factors if isinstance(f, Pow) and f.exp == -1
                    and isinstance(f.base, log) and f.base.args[0] in bases), None)
    if divisor is None:
        return None
    base = divisor.base.args[0]
    logarithm = next((f for f in factors if isinstance(f, log) and f.args[0] != base), None)
    if logarithm is None:
        return None
    return logarithm, divisor


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class LogTo(Function):
    """``log_b(a)``, the logarithm to a base as typed (display only: its value is
    ``log(a)/log(b)``, what :func:`with_log_base` replaced)."""

    nargs = 2

    @property
    def argument(self) -> Expr:
        return self.args[0]

    @property
    def base(self) -> Expr:
        return self.args[1]

    def text_name(self, printer) -> str:
        """``log₂``, ``log_b``, ``log_(1/2)``."""
        base = self.base
        if base.is_Integer and base.is_positive:
            return "log" + str(base).translate(_SUBSCRIPT)
        shown = printer._print(base)
        return f"log_{shown}" if isinstance(base, Symbol) and len(shown) == 1 else \
            f"log_({shown})"

    def _sympystr(self, printer):
        return f"{self.text_name(printer)}({printer._print(self.argument)})"

    def _pretty(self, printer):
        return printer._helper_print_function(self.func, (self.argument,),
                                              func_name=self.text_name(printer))

    def _latex(self, printer, exp=None):
        tex = rf"\log_{{{printer._print(self.base)}}}{{\left({printer._print(self.argument)} \right)}}"
        return rf"{tex}^{{{exp}}}" if exp is not None else tex


def with_log_base(product: Basic) -> Basic | None:
    """``product`` with its ``log(a)/log(b)`` shown as ``log_b(a)`` where the logarithm
    stands (:func:`log_base_parts`, :func:`printed_factors`), or None when there is nothing to
    show so."""
    parts = log_base_parts(product)
    if parts is None:
        return None
    logarithm, divisor = parts
    shown = LogTo(logarithm.args[0], divisor.base.args[0])
    factors = [shown if f == logarithm else f for f in printed_factors(product)
               if f != divisor]
    return TypedMul._from_args(factors) if len(factors) > 1 else shown


class _TextbookString(StrPrinter):
    """sympy's string form with the textbook's function names (``ln``, ``arctan``)."""

    def _print_Function(self, expr):
        name = TEXTBOOK_NAMES.get(expr.func.__name__)
        if name is None or isinstance(expr, AppliedUndef):
            return super()._print_Function(expr)
        return f"{name}({self.stringify(expr.args, ', ')})"


def textbook_string(expr: Basic) -> str:
    """``expr`` as sympy writes it (``**``, ``*``), with the textbook's function names: the
    parser's records of how it read the input (``log_2 x -> ln(x)/ln(2)``)."""
    return _TextbookString().doprint(expr)
