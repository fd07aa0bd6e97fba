"""JSON output, schema ``derive/1`` (documented in the README, pinned by a test).

JSON is the data contract rather than a narration: it serialises the Step tree and the verdicts,
not the Document.  Every expression is written as a string that ``sympy.sympify`` reads back to
the same expression (derive's own named functions are rewritten into plain sympy first; an entry
``z_j`` of a vector is written ``Indexed(z, j)``) together with its LaTeX.

A step's own fields are found from its dataclass: expressions become strings, child steps go to
``substeps`` in the order of ``children()``, the named rewrites to their field (``algebra``;
``simplification`` of a function simplified first), each with its form before and after.
Every step has ``raw``, the rule's formula filled in with its children's results (a sum, product
or fraction written in the formula's order; a leaf's is its result), and ``result``, the form
after the algebra.  A new Step class needs nothing here.
"""

from __future__ import annotations

import dataclasses
import json
import keyword
from functools import cache
from typing import Callable

from sympy import Basic, Indexed
from sympy.core.function import AppliedUndef
from sympy.printing.str import StrPrinter

from ..functions import to_plain_sympy
from ..notation import Shown, ShownFraction, ShownSum, as_value
from ..steps import Step, rule_key
from ..verify import Verification
from .mathlatex import tex

SCHEMA = "derive/1"
_BASE_FIELDS = {"expr", "var", "result", "raw", "algebra"}


CHUNK_DIGITS = 4000   # below Python's limit (4300) on writing and reading integers as text


def _exact_digits(n: int) -> str:
    """``n`` exactly: its digits, or, past :data:`CHUNK_DIGITS`, a sum of chunks
    ``(d₁*10**8000 + d₂*10**4000 + d₃)`` that ``sympify`` reads back without Python's limit on
    integers written as text."""
    if abs(n) < 10 ** CHUNK_DIGITS:
        return str(n)
    sign, rest, chunks = ("-" if n < 0 else ""), abs(n), []
    while rest:
        rest, chunk = divmod(rest, 10 ** CHUNK_DIGITS)
        chunks.append(chunk)
    terms = [f"{chunk}*10**{CHUNK_DIGITS * k}" if k else str(chunk)
             for k, chunk in reversed(list(enumerate(chunks))) if chunk]
    return f"{sign}({' + '.join(terms)})"


@cache
def _sympy_names() -> frozenset[str]:
    """The names ``sympify`` gives a meaning of its own (``from sympy import *``)."""
    namespace: dict = {}
    exec("from sympy import *", namespace)   # a fixed statement: no user text
    return frozenset(namespace)


def readable_name(name: str) -> bool:
    """Whether ``sympify`` reads ``name`` as a plain symbol of that name: an identifier that is
    neither a Python keyword (``lambda``) nor one of sympy's names (``beta``, ``S``, ``I``)."""
    return (name.isidentifier() and not keyword.iskeyword(name)
            and name not in _sympy_names())


class _StringPrinter(StrPrinter):
    """``sstr``, except that an entry of a vector, whatever its own printing, is written
    ``Indexed(z, j)`` (``sympify`` cannot read ``z[j]`` or ``z_j`` back), and a symbol or an
    undefined function whose name ``sympify`` would read as something else (``beta`` the Beta
    function, ``lambda`` a keyword, ``I`` the imaginary unit) is written ``Symbol('beta')``,
    ``Function('beta')(x)``."""

    def _print(self, expr, **kwargs):
        if isinstance(expr, Indexed):
            indices = ", ".join(self._print(index) for index in expr.indices)
            return f"Indexed({self._print(expr.base.label)}, {indices})"
        if isinstance(expr, Shown):        # a formula filled in: its order kept, in brackets
            operator = " + " if isinstance(expr, ShownSum) else "*"
            return operator.join(f"({self._print(arg)})" for arg in expr.args)
        if isinstance(expr, ShownFraction):
            numerator, denominator = (self._print(arg) for arg in expr.args)
            return f"({numerator})/({denominator})"
        return super()._print(expr, **kwargs)

    def _print_Integer(self, expr):
        return _exact_digits(int(expr))

    def _print_Rational(self, expr):
        if max(abs(expr.p), expr.q) < 10 ** CHUNK_DIGITS:
            return super()._print_Rational(expr)
        return f"{_exact_digits(int(expr.p))}/{_exact_digits(int(expr.q))}"

    def _print_Symbol(self, expr):
        name = expr.name
        return name if readable_name(name) else f"Symbol({name!r})"

    def _print_Function(self, expr):
        name = expr.func.__name__
        if isinstance(expr, AppliedUndef) and not readable_name(name):
            return f"Function({name!r})({self.stringify(expr.args, ', ')})"
        return super()._print_Function(expr)


def expression_string(expr: Basic) -> str:
    """A string ``sympy.sympify`` reads back to ``expr`` (named functions rewritten)."""
    return _StringPrinter({"order": None}).doprint(to_plain_sympy(expr))


def indexed_string(expr: Basic) -> str:
    """:func:`expression_string` of a formula with display objects (Σ_{j≠i}, sums shown in a
    teacher's order): their plain sympy value is written."""
    return expression_string(as_value(expr))


def latex_string(expr: Basic) -> str:
    return tex(expr)


def header(kind: str, input, expression: Basic, wrt: list[str], *,
           string: Callable[[Basic], str] = expression_string, **parts) -> dict:
    """The fields every ``derive/1`` document starts with, in this order: ``schema``, ``kind``,
    ``input``, ``expression`` (written by ``string``), the parts of the expression a topic names
    (``parts``: compose's outer and inner functions, the chain rule's intermediates), ``wrt``."""
    return {"schema": SCHEMA, "kind": kind, "input": input, "expression": string(expression),
            **parts, "wrt": wrt}


def step_data(step: Step, verification: Verification | None = None) -> dict:
    """The JSON object of ``step`` and its sub-steps."""
    raw = step.raw if step.raw is not None else step.result
    data: dict = {
        "rule": rule_key(step),
        "expr": expression_string(step.expr),
        "var": expression_string(step.var),
        "raw": expression_string(raw),
        "result": expression_string(step.result),
        "latex": {"expr": latex_string(step.expr), "raw": latex_string(raw),
                  "result": latex_string(step.result)},
    }
    for field in dataclasses.fields(step):
        if field.name in _BASE_FIELDS:
            continue
        value = getattr(step, field.name)
        if isinstance(value, Step) or (isinstance(value, tuple) and value
                                       and isinstance(value[0], Step)):
            continue
        data[field.name] = json_value(value)
    if verification is not None:
        data.update(verification.of(step).data())
    data["substeps"] = [step_data(child, verification) for child in step.children()]
    named = set(map(id, step.rewrites()))
    for field in dataclasses.fields(step):       # the named rewrites, under their field's name
        value = getattr(step, field.name)
        if isinstance(value, tuple) and value and id(value[0]) in named:
            data[field.name] = [step_data(rewrite, verification) for rewrite in value]
    return data


def verification_data(verification: Verification) -> dict:
    """How the derivation was checked; ``almost_everywhere`` lists, for a result with
    piecewise-constant functions, where it holds (each ``condition`` readable by sympify)."""
    data = {
        "verified": verification.verified,
        "steps": verification.counts,
        **verification.oracle.data("oracle"),
    }
    if verification.jumps:
        data["almost_everywhere"] = jumps_data(verification.jumps)
    return data


def jumps_data(jumps) -> list[dict]:
    """Where a result with piecewise-constant functions holds (:class:`derive.jumps.Jump`)."""
    return [{"function": j.function, "argument": expression_string(j.argument),
             "jumps_at": j.kind, "condition": expression_string(j.condition)} for j in jumps]


def json_value(value):
    """A field's value in JSON: expressions as strings, tuples as lists."""
    if isinstance(value, Basic):
        return expression_string(value)
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    return value


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
