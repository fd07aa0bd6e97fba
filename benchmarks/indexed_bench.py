"""Timing of the indexed derivations (in-process, after a warm-up run).

Run ``python benchmarks/indexed_bench.py``; :func:`bench_indexed` returns the rows for a combined
performance table.  Target: the general-n softmax + cross-entropy derivation, verified at
n = 2, 3, 4, in under 1 s.
"""

from __future__ import annotations

import time


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench_indexed() -> list[tuple[str, float]]:
    """(name, best seconds of 3) for each indexed derivation, verification included."""
    from derive import jacobian, softmax

    softmax(loss="cross-entropy")        # warm-up: imports and sympy caches
    cases = [
        ("softmax Jacobian, general n", lambda: softmax()),
        ("softmax + cross-entropy, general n", lambda: softmax(loss="cross-entropy")),
        ("softmax + cross-entropy, n = 8", lambda: softmax(n=8, loss="cross-entropy")),
        ("jacobian log-softmax", lambda: jacobian("log(exp(z_j)/sum(exp(z_k), k))", "z_i")),
        ("jacobian BCE of sigmoid",
         lambda: jacobian("-sum(y_j*log(sigmoid(z_j)) + (1-y_j)*log(1-sigmoid(z_j)), j)", "z_i")),
    ]
    return [(name, _time(fn)) for name, fn in cases]


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    for name, seconds in bench_indexed():
        print(f"{name:<40} {seconds:8.3f} s")
