"""Step numbers for notes: ``1``, ``1.2``, ``1.2.1`` from the depth of each step.

Formats without indentation (Markdown, the LaTeX ``align*``) show the nesting of a derivation
through these numbers.  :class:`Outline` is fed the depth of every step in document order;
a step at depth ``d`` increments the counter at ``d`` and resets the deeper ones.  A number
has at most :data:`SHOWN_LEVELS` components (``1``, ``1.2``): a deeper step is marked with
:data:`DEEPER` and shows its place by its indentation and by its role in its title (``term 1``,
``outer derivative``), as a page a student keeps does.
"""

from __future__ import annotations

SHOWN_LEVELS = 2
DEEPER = "–"


class Outline:
    def __init__(self) -> None:
        self.counters: list[int] = []
        self.titles: dict[int, object] = {}

    def next(self, depth: int) -> str:
        """The number of the next step at ``depth``."""
        del self.counters[depth + 1:]
        while len(self.counters) <= depth:
            self.counters.append(0)
        self.counters[depth] += 1
        first = next(k for k, n in enumerate(self.counters) if n)   # a derivation may start deeper
        numbers = [str(n) for n in self.counters[first:]]
        if len(numbers) > SHOWN_LEVELS:
            return DEEPER
        return ".".join(numbers)

    def remember(self, depth: int, title) -> None:
        """Keep the title of the combining step at ``depth`` for its closing equation."""
        self.titles[depth] = title

    def title_at(self, depth: int):
        """The title kept for ``depth``, once: it belongs to the equation that closes that step."""
        return self.titles.pop(depth, None)
