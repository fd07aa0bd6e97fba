"""Adversarial shapes at doubling sizes: explain + render text, with the ratio to the previous size.

The shapes are those of the resource suite (``tests/adversarial.py``); a ratio near 2 per
doubling is linear, near 4 quadratic.  A regression shows as a ratio that grows.  The budgets of
:mod:`derive.budget` do not apply here (they belong to the command line), so the figures are the
cost of the work itself.  ``bench_resources()`` returns rows ``(name, seconds, note)``; run
``python benchmarks/resources_bench.py`` (``--quick`` for the smaller sizes) for a table.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sympy.core.cache import clear_cache  # noqa: E402

from adversarial import (letter_run, long_product, long_sum, nested, nested_quotient,  # noqa: E402
                         taylor, tower)
from derive import explain  # noqa: E402
from derive.deep import run_deep  # noqa: E402
from derive.parse import parse  # noqa: E402

SHAPES = (
    ("nested quotients 1/(x+1/(x+…)), {} levels", nested_quotient, (4, 8, 16)),
    ("product (x+1)(x+2)…, {} factors", long_product, (12, 25, 50)),
    ("tower x^x^…^x, {} levels", tower, (25, 50, 100)),
    ("tan(tan(…x…)), {} levels", nested("tan"), (5, 10, 20)),
    ("sum k·x^k, {} terms", long_sum, (125, 250, 500)),
    ("x^k/k! written out, {} terms", taylor, (25, 50, 100)),
)
PARSED = (("parse sinsin…x, {} levels", letter_run, (700, 1400, 2800)),)


def _explained(text: str) -> None:
    explain(text).render("text")


def _parsed(text: str) -> None:
    run_deep(lambda: parse(text))


def _rows(label, shape, sizes, work):
    rows, previous = [], None
    for size in sizes:
        text = shape(size)
        clear_cache()
        start = time.perf_counter()
        work(text)
        took = time.perf_counter() - start
        note = f"{took / previous:.2f}× the previous (linear ≈ 2×)" if previous else ""
        rows.append((label.format(size), took, note))
        previous = took
    return rows


def bench_resources(quick: bool = False) -> list[tuple[str, float, str]]:
    rows = []
    for label, shape, sizes in SHAPES:
        rows += _rows(label, shape, sizes[:2] if quick else sizes, _explained)
    for label, shape, sizes in PARSED:
        rows += _rows(label, shape, sizes, _parsed)
    return rows


if __name__ == "__main__":
    found = bench_resources("--quick" in sys.argv)
    width = max(len(name) for name, _, _ in found)
    for name, seconds, note in found:
        print(f"{name:<{width}}  {seconds:8.3f}  {note}")
