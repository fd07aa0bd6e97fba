"""The Python API: ``explain`` and the :class:`Derivation` it returns.

``explain("sin(x^2)")`` parses, traces, verifies, and keeps everything a renderer needs;
``Derivation.render(format, lang)`` narrates and renders it.  All work on the expression runs
through :func:`derive.deep.run_deep`, so deep nesting never meets Python's recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from sympy import Basic, Expr, Symbol

from .deep import run_deep
from .errors import UsageError
from .steps import Step
from .trace import trace_repeated
from .verify import Verification, verify

MAX_ORDER = 20


@dataclass(frozen=True)
class Derivation:
    """One derivative, traced step by step and verified.

    ``wrt`` is the tuple of variables differentiated by, in order (``(x,)`` for d/dx, ``(x, x)``
    for d²/dx², ``(x, y)`` for ∂²/∂y∂x).
    """

    input: str
    expression: Expr
    wrt: tuple[Symbol, ...]
    steps: Step
    verification: Verification
    readings: tuple = ()
    held_constant: tuple[Symbol, ...] = ()

    @property
    def result(self) -> Expr:
        return self.steps.result

    @property
    def verified(self) -> bool:
        return self.verification.verified

    def document(self, lang: str = "en"):
        from .narrate import narrate

        return run_deep(narrate, self.steps, lang, self.verification, source=self.input,
                        readings=self.readings, held=self.held_constant)

    def data(self) -> dict:
        """The JSON object (schema ``derive/1``)."""
        from .render.json import expression_string, latex_string, step_data, verification_data, header

        return run_deep(lambda: {
            **header("derivative", self.input, self.expression, [str(v) for v in self.wrt]),
            "held_constant": [str(s) for s in self.held_constant],
            "readings": [{"kind": r.kind, "detail": r.detail} for r in self.readings],
            "result": expression_string(self.result),
            "latex": {"expression": latex_string(self.expression), "result": latex_string(self.result)},
            "verified": self.verified,
            "verification": verification_data(self.verification),
            "steps": step_data(self.steps, self.verification),
        })

    def render(self, format: str = "text", lang: str = "en", **options) -> str:
        """The derivation as ``text``, ``rich`` (ANSI), ``json``, … in ``lang``."""
        from .render import render_output

        return render_output(self, format, lang, **options)

    def _repr_markdown_(self) -> str:
        """Jupyter: the derivation as Markdown notes."""
        return self.render("markdown")

    def _repr_latex_(self) -> str:
        """Jupyter: the steps as one ``aligned`` display (MathJax has no ``\\intertext``)."""
        from .render.latex import math_only

        return run_deep(math_only, self.document())

    def __rich__(self):
        from .render import render_document

        return render_document(self.document(), "rich")


def explain(expression: str | Basic, wrt: str | Symbol | Sequence[str | Symbol] | None = None,
            order: int = 1, *, functions: Iterable[str] = (), latex: bool | None = None) -> Derivation:
    """Differentiate ``expression`` step by step and verify every step.

    ``wrt`` is a variable, or several for a mixed partial derivative (applied in order);
    by default the expression's only variable.  ``order`` repeats a single variable.
    """
    return run_deep(_explain, expression, wrt, order, functions, latex)


def _explain(expression, wrt, order, functions, latex) -> Derivation:
    text, expr, readings = read_expression(expression, functions, latex)
    return derive_expression(text, expr, choose_variables(expr, wrt, order), readings)


def derive_expression(text: str, expr: Expr, variables: tuple[Symbol, ...], readings=()) -> Derivation:
    """Trace and verify an expression already read (for topics that build on one derivative)."""
    step = trace_repeated(expr, variables)
    verification = verify(step)
    moving = set(variables)
    held = tuple(sorted((s for s in expr.free_symbols if s not in moving), key=lambda s: s.name))
    return Derivation(input=text, expression=expr, wrt=variables, steps=step,
                      verification=verification, readings=readings, held_constant=held)


def read_expression(expression, functions=(), latex=None):
    """``(text, expr, readings)`` from user text (parsed) or a sympy object (taken as is)."""
    if isinstance(expression, Basic):
        return str(expression), expression, ()
    if not isinstance(expression, str):
        raise UsageError(f"expected an expression as text or a sympy object, got {type(expression).__name__}")
    from .parse import parse

    parsed = parse(expression, functions=tuple(functions), latex=latex)
    return parsed.text, parsed.expr, parsed.readings


def read_variable(value: str | Symbol) -> Symbol:
    """A variable given as text (``x1``, ``z_i``, ``θ``) or as a Symbol."""
    if isinstance(value, Symbol):
        return value
    from .parse import parse_variable

    return parse_variable(value)


def choose_variables(expr: Expr, wrt, order: int) -> tuple[Symbol, ...]:
    """The variables to differentiate by, in order; by default the only free symbol."""
    if not isinstance(order, int) or order < 1:
        raise UsageError(f"the order must be a whole number of at least 1 (got {order!r})")
    if order > MAX_ORDER:
        raise UsageError(f"the order must be at most {MAX_ORDER} (got {order})")
    if wrt is None:
        candidates = sorted(expr.free_symbols, key=lambda s: s.name)
        if len(candidates) > 1:
            names = ", ".join(s.name for s in candidates)
            raise UsageError(f"the expression has several variables ({names}): "
                             f"choose one with --wrt (e.g. --wrt {candidates[0].name})")
        chosen = (candidates[0] if candidates else Symbol("x"),)
    elif isinstance(wrt, (str, Symbol)):
        chosen = (read_variable(wrt),)
    else:
        chosen = tuple(read_variable(v) for v in wrt)
        if not chosen:
            raise UsageError("no variable given to differentiate by")
    if len(chosen) > 1 and order != 1:
        raise UsageError("give either several variables or an order, not both")
    return chosen * order if len(chosen) == 1 else chosen
