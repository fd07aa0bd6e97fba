"""Snapshots of `derive check` output: a right answer and a chain-rule slip, each format × language.

The inputs are those of samples/check-correct.json and samples/check-chain-slip.json, given as
sympy objects so the snapshots do not depend on the parser.  Update with --snapshot-update and
read the diff before committing.
"""

from __future__ import annotations

import pytest
from sympy import Symbol, cos, sin
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from derive import check

x = Symbol("x")
CASES = {
    "check-correct": (sin(x**2), 2 * x * cos(x**2)),
    "check-chain-slip": (sin(x**2), cos(x**2)),
}


class TextSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class JsonSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "json"


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text(snapshot, name, lang):
    expr, answer = CASES[name]
    assert check(expr, answer, wrt=x).render("text", lang) == snapshot(extension_class=TextSnapshot)


@pytest.mark.parametrize("name", sorted(CASES))
def test_json(snapshot, name):
    expr, answer = CASES[name]
    assert check(expr, answer, wrt=x).render("json") == snapshot(extension_class=JsonSnapshot)
