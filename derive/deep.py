"""Running work on deeply nested expressions without hitting Python's recursion limit.

sympy walks expression trees recursively (``diff``, ``subs``, printing, hashing), and so do
derive's own stages.  Instead of rewriting all of them with explicit stacks, derive runs each
public entry point through :func:`run_deep`: a worker thread with a large stack and a raised
recursion limit, in the caller's context (:mod:`contextvars`).  This is the one place where the limit is changed; call ``run_deep`` (or
decorate with :func:`deep`) at an API boundary, never inside the maths.
"""

from __future__ import annotations

import contextvars
import functools
import sys
import threading
from typing import Callable, TypeVar

T = TypeVar("T")

RECURSION_LIMIT = 200_000
STACK_BYTES = 512 * 1024 * 1024

_local = threading.local()
_lock = threading.Lock()


def run_deep(fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)`` on a thread whose stack is big enough for deep recursion."""
    if getattr(_local, "deep", False):
        return fn(*args, **kwargs)
    outcome: dict[str, object] = {}
    context = contextvars.copy_context()   # the caller's settings (the spelling) go along

    def worker() -> None:
        _local.deep = True
        try:
            outcome["value"] = context.run(fn, *args, **kwargs)
        except BaseException as error:  # re-raised in the calling thread
            outcome["error"] = error

    with _lock:
        old_limit, old_stack = sys.getrecursionlimit(), threading.stack_size()
        sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
        threading.stack_size(STACK_BYTES)
        try:
            # a daemon: a command stopped by its time budget exits without waiting for it
            thread = threading.Thread(target=worker, name="derive-deep", daemon=True)
            thread.start()
        finally:
            threading.stack_size(old_stack)
        while thread.is_alive():      # in steps, so that a signal (the time budget) is handled
            thread.join(0.05)
        sys.setrecursionlimit(old_limit)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def deep(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorator form of :func:`run_deep`."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return run_deep(fn, *args, **kwargs)

    return wrapper
