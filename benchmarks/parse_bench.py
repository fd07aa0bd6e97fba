"""Parser benchmark: how long derive.parse takes on large inputs (target: < 0.5 s each).

``bench_parse()`` returns rows ``(name, seconds)``; each figure is the best of a few runs, each
run starting with sympy's cache cleared (so the figure is not a cache hit).
Run ``python benchmarks/parse_bench.py`` for a table.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sympy.core.cache import clear_cache  # noqa: E402

from derive.parse import MAX_LENGTH, parse  # noqa: E402

TARGET_SECONDS = 0.5
REPEAT = 3


def _fill(unit: str, joiner: str = "+") -> str:
    """``unit`` repeated and joined up to (just under) MAX_LENGTH characters."""
    count = (MAX_LENGTH + len(joiner)) // (len(unit) + len(joiner))
    return joiner.join([unit] * count)


def inputs() -> dict[str, str]:
    distinct = " + ".join(f"w{i}*x{i}" for i in range(1, 2000))
    return {
        "10k chars: textbook mix": _fill("3x^2sin(2x)e^x - ln√(x+1)/(1+x^2)"),
        "10k chars: distinct terms w_i*x_i": distinct[:distinct.rfind(" + ", 0, MAX_LENGTH)],
        "10k chars: LaTeX fractions": _fill(r"\frac{\sin^2 x}{1+e^{x}}"),
        "10k chars: one long product": _fill("x", joiner="*"),
        "depth 1000: sin(sin(...))": "sin(" * 1000 + "x" + ")" * 1000,
        "depth 2900: parentheses": "(" * 2900 + "x" + ")" * 2900,
    }


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        clear_cache()
        started = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - started)
    return best


def bench_parse() -> list[tuple[str, float]]:
    """Rows (name, seconds) for parsing each benchmark input."""
    return [(name, _best_time(text)) for name, text in inputs().items()]


def main() -> None:
    rows = bench_parse()
    width = max(len(name) for name, _ in rows)
    print(f"{'input':<{width}}  seconds  (target < {TARGET_SECONDS} s)")
    for name, seconds in rows:
        flag = "" if seconds < TARGET_SECONDS else "  SLOW"
        print(f"{name:<{width}}  {seconds:7.3f}{flag}")


if __name__ == "__main__":
    main()
