"""The resource suite: every adversarial input of at most 10,000 characters gets an answer or a
clear refusal, within 10 s and 1 GB, never a crash.

Each input runs as ``derive diff TEXT --format text`` in a process of its own, with limits on
its memory and processor time so that a regression cannot take the machine down; its processor
time, wall time and peak memory are measured.  The 10 s bound is on processor time (the budget
derive enforces, :mod:`derive.budget`) and on wall time when the machine is not busy with other
work (a load average above its number of cores stretches wall time for everyone).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from adversarial import inputs

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 10.0
MEMORY = 1 << 30            # bytes of peak resident memory
HARD_MEMORY = 4 << 30       # address space a run may reserve (the deep thread's stack is 512 MB)

pytestmark = pytest.mark.slow

INPUTS = inputs()


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (HARD_MEMORY, HARD_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (int(3 * SECONDS), int(3 * SECONDS)))


def measure(text: str) -> dict:
    """Run ``derive diff text`` in a limited process: exit code, outputs, times, peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "derive", "diff", text, "--format", "text"], cwd=ROOT,
            stdout=out, stderr=err, preexec_fn=_limits, env={**os.environ, "PYTHONHASHSEED": "0"})
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"code": process.returncode, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace"), "wall": wall,
                "cpu": usage.ru_utime + usage.ru_stime, "memory": usage.ru_maxrss * 1024}


def _busy() -> bool:
    return os.getloadavg()[0] > (os.cpu_count() or 1)


@pytest.mark.parametrize("text", list(INPUTS.values()), ids=list(INPUTS))
def test_an_answer_or_a_clear_refusal_in_seconds(text):
    """Exit 0 with a derivation, or exit 2 with one message; never a crash (70), a traceback
    or a signal; within the time and memory bounds."""
    run = measure(text)
    assert run["code"] in (0, 2), (run["code"], run["stderr"][-500:])
    if run["code"] == 0:
        assert "verified" in run["stdout"] and run["stderr"] == ""
    else:
        assert run["stderr"].startswith("error: ") and "Traceback" not in run["stderr"]
        assert len(run["stderr"].splitlines()) <= 4
    assert run["memory"] <= MEMORY, f"{run['memory'] / 2**20:.0f} MB"
    assert run["cpu"] <= SECONDS, f"{run['cpu']:.1f} s of processor time"
    if not _busy():
        assert run["wall"] <= SECONDS, f"{run['wall']:.1f} s"
