"""The textbook corpus as a teacher judges derive: length of the explanation, form of the answer,
and the time it takes, every figure measured in this one run.

Run ``python benchmarks/textbook.py`` (from the repository).  Over the first-derivative records
of ``tests/data/textbook_derivatives.jsonl`` it prints:

* the median number of text lines at each detail level (targets: ``standard`` ≤ 20,
  ``brief`` ≤ 10; ``full`` shows every node);
* how many final forms have no more operations (sympy's ``count_ops``) than the published answer
  (``answer_corrected`` where the published one is wrong; for a record asking for the value at a
  point, the value there), target ≥ 97 %, and every exception;
* over the implicit exercises of ``tests/data/implicit_exercises.jsonl``, how many final forms
  have the book's form: one fraction without fractions inside (where the book's answer is one),
  with no more operations than the book's answer or the same expression, and every exception;
* the time of explain + verify + render text over the whole corpus as a ratio to bare
  ``sympy.diff``, for this tree and for a baseline revision (``--baseline REV``, default
  ``BASELINE``) exported with ``git archive`` and timed in the same run (target: this tree's
  ratio ≤ 1.2 × the baseline's).  ``--no-baseline`` skips it.  Each pass starts from an empty
  sympy cache, as a command does; times are the process's CPU time (what other processes do
  weighs less on it than on the wall clock); the two trees are timed in turn, :data:`REPEATS`
  times each, and the medians compared, so that a load on the machine weighs on both alike.

To add a row: compute it in :func:`main` from the records :func:`records` gives.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "textbook_derivatives.jsonl"
IMPLICIT = ROOT / "tests" / "data" / "implicit_exercises.jsonl"
BASELINE = "0d8de02"          # main before the detail levels and the named algebra
LEVELS = ("brief", "standard", "full")
ROUNDS = 3                    # timings: the best of this many passes over the corpus
REPEATS = 3                   # … measured this many times in each tree, in turn


def records() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def first_derivatives() -> list[dict]:
    return [r for r in records() if int(r.get("order", 1)) == 1]


def _read(text: str):
    """A corpus string (trusted test data) as sympy reads it: every letter a symbol, E = e."""
    import string

    import sympy
    from sympy.parsing.sympy_parser import parse_expr, standard_transformations

    local = {c: sympy.Symbol(c) for c in string.ascii_letters}
    local["E"] = sympy.E
    return parse_expr(text, local_dict=local, transformations=standard_transformations)


def published(record: dict):
    return _read(record["answer_corrected"] if not record["verified"] else record["answer"])


def final_form(result, record: dict):
    """The result, or its value at the record's point when the book asks for one."""
    if "at" in record:
        import sympy

        return result.subs({sympy.Symbol(k): _read(v) for k, v in record["at"].items()})
    return result


def line_rows(items) -> list[str]:
    from derive import explain

    rows = []
    for level in LEVELS:
        counts = [len(explain(r["expr"], wrt=r["wrt"], detail=level).render("text", width=80)
                      .splitlines()) for r in items]
        target = {"brief": "target ≤ 10", "standard": "target ≤ 20", "full": "every node"}[level]
        rows.append(f"median text lines, {level:<8}  {statistics.median(counts):>6}  "
                    f"(max {max(counts)}; {target})")
    return rows


def form_rows(items) -> list[str]:
    from sympy import count_ops

    from derive import explain

    exceptions = []
    for r in items:
        ours = final_form(explain(r["expr"], wrt=r["wrt"]).result, r)
        book = published(r)
        if count_ops(ours) > count_ops(book):
            exceptions.append(f"  {r['id']}: {ours}  ({count_ops(ours)} ops; book: {book}, "
                              f"{count_ops(book)} ops)")
    good = len(items) - len(exceptions)
    share = 100 * good / len(items)
    return [f"final form no longer than the book's  {good}/{len(items)} ({share:.1f} %, "
            f"target ≥ 97 %)", *exceptions]


def _one_fraction(expr) -> bool:
    """Whether numerator and denominator hold no fraction outside a function's argument."""
    from sympy import fraction

    def inner(part) -> bool:
        return any((node.is_Pow and node.exp.is_negative) or (node.is_Rational and not node.is_Integer)
                   for node in _outside_functions(part))
    return not any(inner(part) for part in fraction(expr))


def _outside_functions(expr):
    """The nodes of ``expr`` reached through sums, products and the bases of powers."""
    pending = [expr]
    while pending:
        node = pending.pop()
        yield node
        if node.is_Pow:
            pending.append(node.base)
        elif node.is_Add or node.is_Mul:
            pending.extend(node.args)


def implicit_rows() -> list[str]:
    import sympy
    from sympy import count_ops

    from derive import implicit

    with open(IMPLICIT, encoding="utf-8") as stream:
        cases = [json.loads(line) for line in stream if line.strip()]
    shaped = short = same = 0
    exceptions = []
    for case in cases:
        ours, book = implicit(case["equation"]).result, sympy.sympify(case["answer"])
        form = _one_fraction(ours) or not _one_fraction(book)
        no_longer = ours == book or count_ops(ours) <= count_ops(book)
        shaped, short, same = shaped + form, short + no_longer, same + (ours == book)
        if not (form and no_longer):
            exceptions.append(f"  {case['id']}: {ours}  ({count_ops(ours)} ops"
                              f"{'' if _one_fraction(ours) else ', fractions inside'}; book: "
                              f"{book}, {count_ops(book)} ops"
                              f"{'' if _one_fraction(book) else ', fractions inside'})")
    n = len(cases)
    return [f"implicit: one fraction where the book's answer is one   {shaped}/{n}",
            f"implicit: no more operations than the book's, or the same   {short}/{n}",
            f"implicit: both (the book's form)   {n - len(exceptions)}/{n}   "
            f"(the book's expression itself: {same}/{n})", *exceptions]


def measure_time() -> float:
    """Ratio of explain + verify + render text to bare sympy.diff over every corpus record,
    each the best of :data:`ROUNDS` passes (run inside the tree being measured)."""
    import sympy

    from derive import explain

    from sympy.core.cache import clear_cache

    items = [(_read(r["expr"]), sympy.Symbol(r["wrt"]), int(r.get("order", 1))) for r in records()]
    bare = ours = float("inf")
    for _ in range(ROUNDS):
        clear_cache()
        start = time.process_time()
        for expr, var, order in items:
            sympy.diff(expr, var, order)
        bare = min(bare, time.process_time() - start)
        clear_cache()
        start = time.process_time()
        for expr, var, order in items:
            explain(expr, wrt=var, order=order).render("text")
        ours = min(ours, time.process_time() - start)
    return ours / bare


def _ratio_in(tree: Path) -> float:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure-time"],
                         cwd=tree, check=True, capture_output=True, text=True,
                         env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin",
                              "PYTHONPATH": str(tree)})
    return float(out.stdout.strip())


def time_rows(baseline: str | None) -> list[str]:
    if not baseline:
        ours = _ratio_in(ROOT)
        return [f"explain + verify + render text / sympy.diff, this tree   {ours:8.1f}×"]
    archive = subprocess.run(["git", "archive", baseline, "derive"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        tarfile.open(fileobj=BytesIO(archive)).extractall(folder)
        (Path(folder) / "tests" / "data").mkdir(parents=True)
        (Path(folder) / "tests" / "data" / CORPUS.name).write_bytes(CORPUS.read_bytes())
        runs = [(_ratio_in(ROOT), _ratio_in(Path(folder))) for _ in range(REPEATS)]
    ours = statistics.median(run[0] for run in runs)
    before = statistics.median(run[1] for run in runs)
    rows = [f"explain + verify + render text / sympy.diff, this tree   {ours:8.1f}×  "
            f"(median of {', '.join(f'{run[0]:.1f}' for run in runs)})",
            f"the same, baseline {baseline}                       {before:8.1f}×  "
            f"(median of {', '.join(f'{run[1]:.1f}' for run in runs)})"]
    rows.append(f"this tree / baseline                                    {ours / before:8.2f}  "
                f"(target ≤ 1.2)")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--measure-time", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_time:
        print(measure_time())
        return 0
    sys.path.insert(0, str(ROOT))
    items = first_derivatives()
    print(f"textbook corpus: {len(items)} first-derivative records")
    for row in [*line_rows(items), *form_rows(items), *implicit_rows(),
                *time_rows(None if args.no_baseline else args.baseline)]:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
