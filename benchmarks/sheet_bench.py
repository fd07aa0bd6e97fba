"""The textbook sheet (forty problems) made with one and with two processes, as a user runs it:
``derive sheet tests/data/sheet_textbook.jsonl -f latex --jobs N``, each a fresh process.  The
bytes must be the same; the row notes the speed-up (target: ``--jobs 2`` faster than 1).

Run alone with ``python benchmarks/sheet_bench.py``; :mod:`run` includes its rows.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = ROOT / "tests" / "data" / "sheet_textbook.jsonl"


def _sheet(jobs: int) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "derive", "sheet", str(PROBLEMS), "-f", "latex",
                           "--jobs", str(jobs)], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start, done.stdout


def bench_sheet(repeat: int = 3) -> list[tuple[str, float, str]]:
    """Median wall times with --jobs 1 and --jobs 2, runs interleaved so that both see the same
    load; the note says whether the outputs are the same bytes."""
    times: dict[int, list[float]] = {1: [], 2: []}
    outputs: dict[int, set[bytes]] = {1: set(), 2: set()}
    for _ in range(repeat):
        for jobs in (1, 2):
            seconds, out = _sheet(jobs)
            times[jobs].append(seconds)
            outputs[jobs].add(out)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    same = len(outputs[1] | outputs[2]) == 1
    return [("sheet of 40 problems, latex, --jobs 1", one, ""),
            ("sheet of 40 problems, latex, --jobs 2", two,
             f"{one / two:.2f}× faster (target > 1); same bytes: {'yes' if same else 'NO'}")]


if __name__ == "__main__":
    for name, seconds, note in bench_sheet():
        print(f"{name:<40}  {seconds:8.3f}  {note}")
