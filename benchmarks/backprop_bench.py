"""Timing of backpropagation explanations: the forward and backward pass, every check and the
text rendering, for a 20-node scalar network and a size-8 softmax layer.

Run ``python benchmarks/backprop_bench.py``; :func:`bench_backprop` returns the rows for the
combined table of ``benchmarks/run.py``.  Target: each under 2 s, both in a fresh process
(``derive backprop … --format text``, start-up included) and in-process after a warm-up.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = 2.0


def chain_network(nodes: int = 20) -> tuple[str, str]:
    """``nodes`` assignments: tanh and sigmoid layers in turn, then a squared error."""
    lines, previous = [], "x"
    for k in range(1, nodes):
        activation = "tanh" if k % 2 else "sigmoid"
        lines.append(f"h{k} = {activation}(w{k}*{previous} + b{k})")
        previous = f"h{k}"
    lines.append(f"L = ({previous} - t)^2")
    at = ["x=0.5", "t=1"] + [f"w{k}={0.1 * ((k * 7) % 11) - 0.5:.2f},b{k}="
                             f"{0.05 * ((k * 5) % 7) - 0.15:.2f}" for k in range(1, nodes)]
    return "\n".join(lines), ",".join(at)


def softmax_layer(size: int = 8) -> tuple[str, str]:
    """``z = W h + b; p = softmax(z); L = cross_entropy(p, y)`` with W of size × size."""
    W = [[round(((r * 3 + c * 5) % 7) / 10 - 0.3, 2) for c in range(size)] for r in range(size)]
    h = [round((k % 4) / 4 - 0.25, 2) for k in range(size)]
    b = [round((k % 3) / 10, 2) for k in range(size)]
    y = [1 if k == 2 else 0 for k in range(size)]
    at = f"W={W},h={h},b={b},y={y}".replace(" ", "")
    return "z = W h + b; p = softmax(z); L = cross_entropy(p, y)", at


CASES = {"backprop: 20-node scalar network": chain_network,
         "backprop: softmax layer, n = 8": softmax_layer}


def _in_process(program: str, at: str) -> tuple[float, float]:
    """(wall, CPU) seconds of the API and the text rendering, after a warm-up run."""
    from derive import backprop

    backprop(program, at=at).render("text")
    wall, cpu = time.perf_counter(), time.process_time()
    backprop(program, at=at).render("text")
    return time.perf_counter() - wall, time.process_time() - cpu


def _fresh(program: str, at: str) -> tuple[float, float]:
    """(wall, CPU) seconds of ``derive backprop FILE --at … --format text`` in a new process
    (CPU: user + system time of the child, what a busy machine does not inflate)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "network.txt"
        path.write_text(program.replace("; ", "\n"), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "derive", "backprop", str(path), "--at", at,
                        "--format", "text"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_backprop() -> list[tuple[str, float, str]]:
    rows = []
    for name, build in CASES.items():
        program, at = build()
        fresh, fresh_cpu = _fresh(program, at)
        wall, cpu = _in_process(program, at)
        rows.append((f"{name}, fresh process", fresh,
                     f"CPU {fresh_cpu:.2f} s; target < {TARGET:g} s"))
        rows.append((f"{name}, in-process", wall, f"CPU {cpu:.2f} s; target < {TARGET:g} s"))
    return rows


if __name__ == "__main__":
    table = bench_backprop()
    width = max(len(name) for name, _, _ in table)
    for name, seconds, note in table:
        print(f"{name:<{width}}  {seconds:7.3f} s  {note}")
