"""Deterministic names for substitutions: u, v, w, then u_1, u_2, …

A derivation draws every name it introduces from one :class:`NameSupply`, which skips any name
the input already uses, so the same input always gets the same names whatever the hash seed.
To change the naming scheme, change :data:`FIRST_NAMES` or :meth:`NameSupply._candidates`.
"""

from __future__ import annotations

from itertools import count
from typing import Iterable, Iterator

from sympy import Basic, Symbol

FIRST_NAMES = ("u", "v", "w")


class NameSupply:
    """Hands out fresh symbols that clash with nothing in ``taken``."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)
        self._names = self._candidates()

    @classmethod
    def for_expression(cls, *exprs: Basic) -> NameSupply:
        """A supply that avoids every symbol and function name used in ``exprs``."""
        taken: set[str] = set()
        for expr in exprs:
            taken.update(str(s) for s in expr.free_symbols)
            taken.update(str(f.func) for f in expr.atoms() if getattr(f, "is_Function", False))
        return cls(taken)

    @staticmethod
    def _candidates() -> Iterator[str]:
        yield from FIRST_NAMES
        for n in count(1):
            yield f"u_{n}"

    def fresh(self) -> Symbol:
        for name in self._names:
            if name not in self._taken:
                self._taken.add(name)
                return Symbol(name)
        raise AssertionError("unreachable: the candidate names are endless")
