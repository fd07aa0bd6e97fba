"""derive's performance table, every figure measured in this one run.

Run ``python benchmarks/run.py`` (``--quick`` skips the largest sizes).  Machines here are noisy,
so the targets are ratios between figures taken in the same run:

* CLI start-up: ``derive diff "sin(x^2)" --format text`` against ``python -c "import sympy"``
  (target ≤ 1.5×);
* explain + verify + render (text) over the textbook corpus against bare ``sympy.diff`` on the
  same expressions (aim ≤ 5×);
* nesting depth 250/500/1000 and sums of 1,250/2,500/5,000 terms: each doubling ≤ 2.3× time;
* the parser on 10,000-character inputs (< 0.5 s) and the indexed softmax derivation (< 1 s);
* the forty-problem textbook sheet with ``--jobs 1`` and ``--jobs 2`` (faster, same bytes);
* backpropagation through a 20-node scalar network and a size-8 softmax layer (each < 2 s).

To add a row: a function returning ``(name, seconds, note)`` rows, called from :func:`main`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sympy  # noqa: E402
from sympy.parsing.sympy_parser import parse_expr, standard_transformations  # noqa: E402

from derive import explain  # noqa: E402
from derive.deep import run_deep  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "textbook_derivatives.jsonl"


def wall(command: list[str], repeat: int = 5) -> float:
    """Median wall time of a command (a fresh process each time)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_rows():
    # An installed package has its bytecode compiled at install time; the source tree may not
    # (PYTHONDONTWRITEBYTECODE), so compile it first to measure what a user runs.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "derive"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    sympy_import = wall([sys.executable, "-c", "import sympy"])
    cli = wall([sys.executable, "-m", "derive", "diff", "sin(x^2)", "--format", "text"])
    return [("python -c 'import sympy'", sympy_import, ""),
            ("derive diff 'sin(x^2)' --format text", cli, f"{cli / sympy_import:.2f}× (target ≤ 1.5×)")]


def corpus_expressions():
    local = {c: sympy.Symbol(c) for c in "abcdefghijklmnopqrstuvwxyzABCDFGHIJKLMNOPQRSTUVWXYZ"}
    local["E"] = sympy.E
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        # trusted test data, not user text
        expr = parse_expr(record["expr"], local_dict=dict(local), transformations=standard_transformations)
        yield expr, sympy.Symbol(record["wrt"]), int(record.get("order", 1))


def corpus_rows():
    items = list(corpus_expressions())
    start = time.perf_counter()
    for expr, var, order in items:
        sympy.diff(expr, var, order)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for expr, var, order in items:
        explain(expr, wrt=var, order=order).render("text")
    ours = time.perf_counter() - start
    return [(f"sympy.diff over the corpus ({len(items)} records)", bare, ""),
            ("explain + verify + render text, same records", ours, f"{ours / bare:.1f}× (aim ≤ 5×)")]


def doubling_rows(label: str, sizes, build):
    """Time explain + render text for each size; note the ratio to the previous size."""
    rows, previous = [], None
    for size in sizes:
        subject = build(size)
        start = time.perf_counter()
        explain(subject).render("text")
        took = time.perf_counter() - start
        note = f"{took / previous:.2f}× the previous (target ≤ 2.3×)" if previous else ""
        rows.append((label.format(size), took, note))
        previous = took
    return rows


def scaling_rows(sizes_depth, sizes_sum):
    x = sympy.Symbol("x")
    return (doubling_rows("depth {}: sin(sin(…x…)), explain + render text", sizes_depth,
                          lambda depth: "sin(" * depth + "x" + ")" * depth)
            + doubling_rows("sum of {} terms x^k, explain + render text", sizes_sum,
                            lambda terms: run_deep(lambda: sympy.Add(*(x**k for k in range(1, terms + 1))))))


def extra_rows():
    from backprop_bench import bench_backprop
    from indexed_bench import bench_indexed
    from parse_bench import bench_parse
    from sheet_bench import bench_sheet

    rows = [(f"parse: {name}", seconds, "target < 0.5 s") for name, seconds in bench_parse()]
    rows += [(f"indexed: {name}", seconds, "") for name, seconds in bench_indexed()]
    rows += bench_sheet()
    rows += bench_backprop()
    return rows


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    rows = startup_rows() + corpus_rows()
    rows += scaling_rows((125, 250, 500) if quick else (250, 500, 1000),
                         (625, 1250, 2500) if quick else (1250, 2500, 5000))
    rows += extra_rows()
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measurement':<{width}}  {'seconds':>8}  note")
    print(f"{'-' * width}  {'-' * 8}  ----")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:8.3f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
