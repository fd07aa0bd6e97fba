"""Reading the acceptance corpus (trusted test data, never user text).

The corpus README says its ``expr``/``answer`` strings are read by ``parse_expr`` with every
single ASCII letter a plain Symbol and ``E`` Euler's number.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

DATA = Path(__file__).parent / "data"
LOCAL = {c: sympy.Symbol(c) for c in string.ascii_letters}
LOCAL["E"] = sympy.E


def read(text: str) -> sympy.Expr:
    return parse_expr(text, local_dict=dict(LOCAL), transformations=standard_transformations)


def records(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def answer(record: dict) -> sympy.Expr:
    return read(record["answer_corrected"] if not record["verified"] else record["answer"])
