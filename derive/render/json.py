"""JSON output, schema ``derive/1`` (documented in the README, pinned by a test).

JSON is the data contract rather than a narration: it serialises the Step tree and the verdicts,
not the Document.  Every expression is written as a string that ``sympy.sympify`` reads back to
the same expression (derive's own named functions are rewritten into plain sympy first) together
with its LaTeX.

A step's own fields are found from its dataclass: expressions become strings, child steps go to
``substeps`` in the order of ``children()``.  A new Step class needs nothing here.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Callable

from sympy import Basic, sstr

from ..functions import to_plain_sympy
from ..notation import as_value, json_form
from ..steps import Step, rule_key
from ..verify import Verification
from .mathlatex import tex

SCHEMA = "derive/1"
_BASE_FIELDS = {"expr", "var", "result", "raw"}


def expression_string(expr: Basic) -> str:
    """A string ``sympy.sympify`` reads back to ``expr`` (named functions rewritten)."""
    return sstr(to_plain_sympy(expr), order=None)


def indexed_string(expr: Basic) -> str:
    """A string ``sympy.sympify`` reads back to ``expr``, entries written ``Indexed(z, j)`` and
    display objects (Σ_{j≠i}, sums shown in order) as plain sympy."""
    return json_form(to_plain_sympy(as_value(expr)))


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
    data: dict = {
        "rule": rule_key(step),
        "expr": expression_string(step.expr),
        "var": str(step.var),
        "result": expression_string(step.result),
        "latex": {"expr": latex_string(step.expr), "result": latex_string(step.result)},
    }
    for field in dataclasses.fields(step):
        if field.name in _BASE_FIELDS:
            continue
        value = getattr(step, field.name)
        if isinstance(value, Step) or (isinstance(value, tuple) and value
                                       and isinstance(value[0], Step)):
            continue
        data[field.name] = _json_value(value)
    if verification is not None:
        verdict = verification.of(step)
        data["check"] = verdict.status
        if verdict.detail:
            data["check_detail"] = verdict.detail
    data["substeps"] = [step_data(child, verification) for child in step.children()]
    return data


def verification_data(verification: Verification) -> dict:
    return {
        "verified": verification.verified,
        "steps": verification.counts,
        "oracle": verification.oracle.status,
        **({"oracle_detail": verification.oracle.detail} if verification.oracle.detail else {}),
    }


def _json_value(value):
    if isinstance(value, Basic):
        return expression_string(value)
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
