"""The index syntax: an option of :func:`derive.parse.parse` for expressions over vector entries.

With ``indices=IndexSyntax(…)`` the grammar gains three things, and keeps everything else
(implicit multiplication, functions, LaTeX, the size limits, error positions):

* an *entry* ``name_index`` whose index is one of the index letters (``z_j``, ``y_k``,
  ``σ_i``) is built by ``entry(name, index)``; another subscript (``x_1``) is an error, and so
  is an index letter on its own (``j``);
* ``sum(expr, k)`` is Σ_{k=1}^{n} expr, for an index letter ``k``;
* ``n`` is the length of the vectors (``length``).

The option carries the builder of entries, so that the parser needs nothing of the package that
prints them (:mod:`derive.indexed` passes its vectors).  To add a construct: a call name in
:data:`CALLS` and its method in :class:`derive.parse.pratt.Parser`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sympy import Expr, Symbol

#: name followed by ``(`` → the parser method that reads it, in the index syntax
CALLS = {"sum": "index_sum"}


@dataclass(frozen=True)
class IndexSyntax:
    """How entries, indices and the length of the vectors are read and built."""

    entry: Callable[[str, Symbol], Expr]           # (vector name, index) → the entry
    names: tuple[str, ...] = ("i", "j", "k", "l", "m")
    length: Symbol = Symbol("n")

    def split(self, name: str) -> tuple[str, str] | None:
        """``("z", "j")`` for the name ``z_j``; ``None`` for a name without a subscript."""
        base, underscore, index = name.partition("_")
        return (base, index) if underscore else None
