"""Textbook acceptance set (OpenStax, APEX): every derivative equals the published answer.

Records whose published answer is wrong (``verified: false``) are compared with
``answer_corrected``.  Records with a point ``at`` compare the value there.
"""

import random

import pytest
import sympy
from corpus_reader import answer, read, records

from derive import explain

RECORDS = records("textbook_derivatives.jsonl")


def equal(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Equal symbolically, or at 6 seeded points of the corpus's sampling box."""
    difference = a - b
    if sympy.simplify(difference) == 0:
        return True
    rng = random.Random(7)
    symbols = sorted(difference.free_symbols, key=lambda s: s.name)
    for _ in range(6):
        point = {s: sympy.Float(rng.uniform(0.3, 1.7), 30) for s in symbols}
        value = complex(difference.evalf(30, subs=point))
        if abs(value) > 1e-9 * max(1.0, abs(complex(a.evalf(30, subs=point)))):
            return False
    return True


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_textbook_derivative(record):
    expr = read(record["expr"])
    var = sympy.Symbol(record["wrt"])
    derivation = explain(expr, wrt=var, order=int(record.get("order", 1)))
    assert derivation.verified
    expected = answer(record)
    got = derivation.result
    if "at" in record:
        point = {sympy.Symbol(k): read(str(v)) for k, v in record["at"].items()}
        got = got.subs(point)
    assert equal(got, expected), (got, expected)


def test_the_corpus_is_complete():
    assert len(RECORDS) == 91
    assert sum(not r["verified"] for r in RECORDS) == 3
