"""Plain-text mathematics: one-line forms for prose and sympy's 2-D pretty forms for display.

Both printers are sympy printers with a few textbook conventions added, so that every renderer
shows a formula the same way:

* a sum reads ``Σ_(k=1..n) e^(z_k)``, an entry of a vector ``z_k``, the Kronecker delta ``δ_ij``;
* a derivative is ``∂`` when it needs to be (several free symbols, or a
  :class:`~derive.notation.PartialDerivative`), ``d`` otherwise, as in ``sympy.latex``, and a
  fraction ``∂L/∂z_i`` when it differentiates a named quantity;
* an unevaluated step (``f'g − fg'``) never shows a double sign: a subtracted negative term and
  a negative factor after the first are put in parentheses (:func:`~derive.notation.guard_add`,
  :func:`~derive.notation.guard_mul`).

:func:`inline` is the one-line form used in sentences; :func:`display` the 2-D form of an equation
chain.  The LaTeX counterpart is :mod:`derive.render.mathlatex`.  To print a new kind of object,
give it ``_sympystr``/``_pretty``/``_latex`` methods (:mod:`derive.notation`), or add
``_print_<Class>`` to both printers here and to the LaTeX printer.

A renderer prints the same formula many times (a title, a chain, a sentence): inside
:func:`remembered` each form is printed once per spelling.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Hashable, Iterator

from sympy import Add, Basic, Expr, Function, Mul, Number, Pow, Rational, S, Sum, Symbol
from sympy.core.function import AppliedUndef
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.pretty.stringpict import prettyForm, stringPict
from sympy.printing.str import StrPrinter

from ..notation import distinct, guard_add, guard_mul, is_named, is_partial
from ..notation.spelling import (INVERSE_MARK, TEXTBOOK_NAMES, current, in_typed_order,
                                 positive_first, side_by_side, with_log_base)
from ..sizes import size_at_most

_SETTINGS = {"use_unicode": True, "wrap_line": False, "order": None}

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SMALL_POWER = re.compile(r"\^(\d)(?![\d.(])")


SHOWN_DIGITS = 30    # a longer number is shown as its first digits and its length


def digit_count(n: int) -> int:
    """The number of decimal digits of ``n`` (no conversion to text: Python refuses to write an
    integer of more than 4300 digits)."""
    n = abs(n)
    guess = max(1, int(n.bit_length() * 0.30102999566398))
    while guess > 1 and 10 ** (guess - 1) > n:
        guess -= 1
    while 10 ** guess <= n:
        guess += 1
    return guess


def shortened(n: int, template: str = "{sign}{head}…({digits} digits)") -> str | None:
    """``n`` as ``12345678901234567890…(2568 digits)`` (its first digits and its length, in
    ``template``) when it is too long to show, else None."""
    if abs(n) < 10 ** SHOWN_DIGITS:
        return None
    digits = digit_count(n)
    head = str(abs(n) // 10 ** (digits - SHOWN_DIGITS + 10))
    return template.format(sign="-" if n < 0 else "", head=head, digits=digits)


class ShortNumbers:
    """Printer mixin: an integer too long to show is shown shortened (:func:`shortened`), so
    output stays proportional to the input and Python's limit on writing integers is never met."""

    long_number = "{sign}{head}…({digits} digits)"

    def _print_Integer(self, expr):
        text = shortened(int(expr), self.long_number)
        if text is not None:
            return prettyForm(text) if isinstance(self, PrettyPrinter) else text
        plain = getattr(super(), "_print_Integer", None) or super()._print_Rational
        return plain(expr)

    def _print_Rational(self, expr):
        if shortened(int(expr.p)) is None and shortened(int(expr.q)) is None:
            return super()._print_Rational(expr)
        return self._print(Mul(expr.p, Pow(expr.q, -1, evaluate=False), evaluate=False))


def spelled_name(expr: Basic) -> str | None:
    """The name to print for the applied function ``expr`` when it is not sympy's: the name
    the user typed (``arctan``, ``tan^-1``, ``ln``), else the textbook's
    (:mod:`derive.notation.spelling`); None for a function with one name only and for
    undefined functions."""
    if isinstance(expr, AppliedUndef) or len(expr.args) != 1:
        return None
    own = expr.func.__name__
    name = current().name_of(expr)
    return None if name == own and own not in TEXTBOOK_NAMES else name


def text_name(name: str) -> str:
    """``tan^-1`` as plain text writes it: ``tan⁻¹``."""
    return name[:-len(INVERSE_MARK)] + "⁻¹" if name.endswith(INVERSE_MARK) else name


#: how the Heaviside step function is printed: H(x)
STEP = Function("H")


class StepAsH:
    """Printer mixin: the Heaviside step function as H(x) (sympy writes θ(x)); its value at 0,
    a second argument, is said in prose, not printed."""

    def _print_Heaviside(self, expr, exp=None):
        step = STEP(expr.args[0])
        return self._print(step, exp=exp) if exp is not None else self._print(step)


def typed_product(product: Basic) -> Basic | None:
    """How the product ``product`` is shown when the user typed it: its fractions side by side
    (:func:`~derive.notation.spelling.side_by_side`), its ``log_b`` (:func:`with_log_base`), or
    its factors in the order typed (:func:`in_typed_order`); None: as sympy prints it."""
    for shown in (side_by_side, with_log_base, in_typed_order):
        form = shown(product)
        if form is not None:
            return form
    return None


class GuardedAdd:
    """Printer mixin: a sum is printed in the order the user typed it, when it was typed
    (:mod:`derive.notation.spelling`); otherwise, in sympy's order, it starts with a positive
    term where it has one (:func:`positive_first`; a sum printed in the order of its
    arguments, ``order="none"``, keeps it); a sum whose printed terms include a subtracted
    negative term prints it in parentheses (:func:`~derive.notation.guard_add`), ``a − (−b)``,
    never ``a − −b``.  The line breakers ask ``_as_ordered_terms`` too, so a broken sum keeps
    the printed order.  A product typed is printed as typed (:func:`typed_product`): its
    fractions side by side, ``log_b(a)`` for ``log(a)/log(b)``, its factors in the order typed."""

    def _as_ordered_terms(self, expr, order=None):
        key = ("terms", order or self._settings.get("order"))
        return list(_memo(key, expr, lambda: tuple(self._ordered_terms(expr, order))))

    def _ordered_terms(self, expr, order=None):
        terms = super()._as_ordered_terms(expr, order=order)
        if (order or self._settings.get("order")) == "none":
            return terms
        typed = current().typed_order(expr) if expr.is_Add else None
        if typed is not None:
            return list(typed)
        return positive_first(list(terms))

    def _print_Mul(self, expr, *args, **kwargs):
        shown = typed_product(expr)
        if shown is not None:
            return self._print(shown)
        return super()._print_Mul(expr, *args, **kwargs)

    def _print_Add(self, expr, order=None):
        terms, changed = guard_add(self._as_ordered_terms(expr, order=order))
        if changed:
            return super()._print_Add(Add(*terms, evaluate=False), order="none")
        return super()._print_Add(expr, order=order)


_ROOTS = {2: "√", 3: "∛", 4: "∜"}    # x^(1/n) written as a root sign


class InlinePrinter(ShortNumbers, StepAsH, GuardedAdd, StrPrinter):
    """One-line textbook notation: ``Σ_(k=1..n) e^(z_k)``, ``δ_ij``, ``∂L/∂z_i``, ``e^x``."""

    _default_settings = {**StrPrinter._default_settings, "order": None}

    def _print_Sum(self, expr):
        text = self._print(expr.function)
        if expr.function.is_Add or text.startswith("-"):
            text = f"({text})"
        for limit in reversed(expr.limits):
            if len(limit) == 3:
                index, lower, upper = limit
                text = f"Σ_({index}={self._print(lower)}..{self._print(upper)}) {text}"
            else:
                text = f"Σ_{limit[0]} {text}"
        return text

    def parenthesize(self, item, level, strict=False):
        # sympy ranks a sum like an atom: without brackets (Σ_k e^(z_k))² would print as
        # Σ_k e^(z_k)², the square of one term.
        if isinstance(item, Sum) and level >= PRECEDENCE["Pow"]:
            return f"({self._print(item)})"
        return super().parenthesize(item, level, strict)

    def _print_KroneckerDelta(self, expr):
        a, b = (self._print(x) for x in expr.args)
        return f"δ_{a}{b}" if len(a) == len(b) == 1 else f"δ_({a},{b})"

    def _print_Function(self, expr):
        name = spelled_name(expr)
        if name is None:
            return super()._print_Function(expr)
        return f"{text_name(name)}({self.stringify(expr.args, ', ')})"

    def _print_Pow(self, expr, rational=False):
        """``√x``, ``∛(x²)`` as a textbook writes a root (sympy: ``sqrt(x)``, ``(x**2)**(1/3)``),
        and a negative power as a fraction, ``1/x²``, ``1/(x² + 1)^(3/2)``: as the 2-D and
        LaTeX printers draw them."""
        exponent = expr.exp
        if (not rational and exponent.is_Rational and abs(exponent.p) == 1
                and exponent.q in _ROOTS):
            inner = self._print(expr.base)
            simple = isinstance(expr.base, Symbol) or expr.base.is_Integer and expr.base > 0
            root = _ROOTS[exponent.q] + (inner if simple else f"({inner})")
            return root if exponent.p == 1 else f"1/{root}"
        if (not rational and expr.exp.is_Rational and expr.exp.is_negative
                and expr.exp != -1 and expr.is_commutative):
            return f"1/{self._print(Pow(expr.base, -expr.exp, evaluate=False))}"
        return super()._print_Pow(expr, rational=rational)

    def _print_exp(self, expr):
        arg = self._print(expr.args[0])
        return f"e^{arg}" if isinstance(expr.args[0], Symbol) and len(arg) == 1 else f"e^({arg})"

    def _print_Exp1(self, expr):
        return "e"

    def _print_Pi(self, expr):
        return "π"

    def _print_Derivative(self, expr):
        d = "∂" if is_partial(expr) else "d"
        variables = "".join(f"{d}{self._print(v)}" + (f"^{n}" if n != 1 else "")
                            for v, n in reversed(expr.variable_count))     # as sympy.latex
        order = sum(n for _, n in expr.variable_count)
        top = d if order == 1 else f"{d}^{order}"
        body = expr.expr
        if is_named(body):
            return f"{top}{self._print(body)}/{variables}"
        shown = self._print(body)
        return f"{top}/{variables} [{shown}]" if shown.startswith("(") else \
            f"{top}/{variables} ({shown})"

    def _print_Equality(self, expr):
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"


_MEMO: ContextVar[dict | None] = ContextVar("printed forms", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Inside the block, :func:`inline` and :func:`display_form` print each formula once, and a
    sum's terms are ordered once (for the spelling current when they print it)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _memo(kind: Hashable, expr: Basic, printed: Callable[[], object]):
    memo = _MEMO.get()
    if memo is None:
        return printed()
    spelling = current()
    # the spelling is kept with its forms, so that its id is not reused while they are
    forms = memo.setdefault(id(spelling), (spelling, {}))[1]
    try:
        return forms[kind, expr]
    except KeyError:
        value = forms[kind, expr] = printed()
        return value
    except TypeError:                   # an unhashable object: printed as it comes
        return printed()


def inline(expr: Basic) -> str:
    """``x²·sin(x)/(x + 1)``: a linear form with ``^``, ``·``, small superscripts and one minus
    sign, ``−`` (never the hyphen)."""
    return _memo(inline, expr, lambda: _inline(expr))


def _inline(expr: Basic) -> str:
    text = InlinePrinter().doprint(expr).replace("**", "^").replace("*", "·").replace("-", "−")
    return _SMALL_POWER.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), text)


class DisplayPrinter(ShortNumbers, StepAsH, GuardedAdd, PrettyPrinter):
    """sympy's 2-D pretty printer with the sign guards (:func:`~derive.notation.guard_add`,
    :func:`~derive.notation.guard_mul`)."""

    def _print_Derivative(self, deriv):
        """``∂L`` over ``∂zᵢ`` for a named quantity, ``∂/∂x (…)`` otherwise."""
        symbol = "∂" if is_partial(deriv) else "d"
        total = sum(int(count) for _, count in deriv.variable_count)
        if total == 1 and is_named(deriv.expr):
            top = prettyForm(*self._print(deriv.expr).left(symbol))
            bottom = prettyForm(*self._print(deriv.variables[0]).left(symbol))
            return top / bottom
        below = None
        for var, count in reversed(deriv.variable_count):
            form = prettyForm(*self._print(var).left(symbol))
            if count != 1:
                form = form ** prettyForm(str(count))
            below = form if below is None else prettyForm(*prettyForm(*below.right(" ")).right(form))
        body = prettyForm(binding=prettyForm.FUNC, *self._print(deriv.expr).parens())
        top = prettyForm(symbol)
        if total > 1:
            top = top ** prettyForm(str(total))
        form = prettyForm(*top.below(stringPict.LINE, below))
        form.baseline = form.baseline + 1
        form = prettyForm(*stringPict.next(form, body))
        form.binding = prettyForm.MUL
        return form

    # as in the LaTeX printer: not sympy.tensor's PartialDerivative, but derive's
    _print_PartialDerivative = _print_Derivative

    def _print_Function(self, e, sort=False, func_name=None, left="(", right=")"):
        if func_name is None:
            name = spelled_name(e)
            func_name = text_name(name) if name is not None else None
        return super()._print_Function(e, sort=sort, func_name=func_name, left=left,
                                       right=right)

    def _print_Mul(self, product):
        shown = typed_product(product)
        if shown is not None:
            form = self._print(shown)
            form.binding = prettyForm.MUL           # bracketed under a power: (1/x · x/y)²
            return form
        ordered = (product.as_ordered_factors() if self.order not in ("old", "none")
                   else list(product.args))
        guarded, changed = guard_mul(list(ordered))
        if changed:
            return self._print_product(Mul(*guarded, evaluate=False))
        return self._print_product(product)

    def _print_product(self, product):
        """sympy's ``PrettyPrinter._print_Mul`` without its ordering of physical units: that
        imports ``sympy.physics.units``, which costs more than everything else ``derive diff``
        does, and derive never prints units."""
        args = product.args
        if args[0] is S.One or any(isinstance(arg, Number) for arg in args[1:]):
            forms = [self._print(arg) for arg in args]
            negative_one = forms[0] == "-1"
            if negative_one:
                forms[0] = prettyForm("1", 0, 0)
            joined = prettyForm.__mul__(*forms)
            if negative_one:
                joined = prettyForm("-" + joined.s, joined.baseline, joined.binding)
            return joined
        factors = (product.as_ordered_factors() if self.order not in ("old", "none")
                   else list(args))
        above, below = [], []
        for item in factors:
            if item.is_commutative and item.is_Pow and item.exp.is_Rational and item.exp.is_negative:
                below.append(Pow(item.base, -item.exp, evaluate=item.exp == -1))
            elif item.is_Rational and item is not S.Infinity:
                if item.p != 1:
                    above.append(Rational(item.p))
                if item.q != 1:
                    below.append(Rational(item.q))
            else:
                above.append(item)
        above_forms = [self._print(a) for a in above] or [self._print(S.One)]
        if not below:
            return prettyForm.__mul__(*above_forms)
        return prettyForm.__mul__(*above_forms) / prettyForm.__mul__(*[self._print(b) for b in below])


PRETTY_NODES = 400   # larger expressions are shown in one line: 2-D layout is quadratic


def display_form(expr: Basic) -> prettyForm:
    """The 2-D form of ``expr`` (its one-line form when it is too large to lay out in 2-D)."""
    return _memo(display_form, expr, lambda: _display_form(expr))


def _display_form(expr: Basic) -> prettyForm:
    if size_at_most(expr, PRETTY_NODES):
        return DisplayPrinter(_SETTINGS)._print(expr)
    return prettyForm(inline(expr))


def display(chain: tuple[Basic, ...], indent: str = "") -> str:
    """``a = b = c`` as a 2-D pretty form, every line indented by ``indent``."""
    forms = distinct([display_form(expr) for expr in chain], key=lambda f: f.render(wrap_line=False))
    form = forms[0]
    for other in forms[1:]:
        form = prettyForm(*form.right(" = ", other))
    text = form.render(wrap_line=False)
    return "\n".join((indent + line).rstrip() for line in text.split("\n"))
