"""Running one function over many items in worker processes, with the results in item order.

``in_order(work, items, jobs, watch)`` returns ``[work(item) for item in items]``: with
``jobs`` 1 in this process, otherwise in a pool of ``jobs`` processes, all started before
``watch`` is entered (a progress display runs a thread, and a process must not fork while
threads run).  Results come back in the order of the items whatever order they finish in, so
the output does not depend on ``jobs``.  ``watch`` (optional) is told when an item starts and
when it is done, for a progress display.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Callable, Protocol, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Watch(Protocol):
    """A context manager told how the work goes."""

    def __enter__(self): ...

    def __exit__(self, *exc) -> None: ...

    def started(self, index: int) -> None:
        """Item ``index`` is being worked on (the lowest unfinished one, with several jobs)."""

    def done(self, index: int) -> None:
        """Item ``index`` is finished."""


def _context():
    """Workers forked from this process on Linux (it has loaded everything already, and no
    thread runs while the pool starts); started afresh elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def in_order(work: Callable[[Item], Result], items: Sequence[Item], jobs: int = 1,
             watch: Watch | None = None) -> list[Result]:
    """``[work(item) for item in items]``, computed by ``jobs`` processes."""
    watch = watch or _Unwatched()
    if jobs <= 1 or len(items) <= 1:
        results = []
        with watch:
            for index, item in enumerate(items):
                watch.started(index)
                results.append(work(item))
                watch.done(index)
        return results
    found: dict[int, Result] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=_context()) as pool:
        pending = {pool.submit(work, item): index for index, item in enumerate(items)}
        with watch:
            watch.started(0)
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=pending.__getitem__):
                    index = pending.pop(future)
                    found[index] = future.result()
                    watch.done(index)
                if pending:
                    watch.started(min(pending.values()))
    return [found[index] for index in range(len(items))]


class _Unwatched:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def started(self, index: int) -> None:
        return None

    def done(self, index: int) -> None:
        return None
