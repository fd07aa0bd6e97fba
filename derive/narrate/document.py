"""The Document: what a derivation says, as a list of blocks, before any format is chosen.

Blocks hold text and sympy objects; renderers decide how both look.  Inline content is a tuple
of parts, each a ``str`` or a :class:`Math` (or a :class:`Formula`, a fixed piece of notation
with a plain and a LaTeX spelling, or :class:`Typed`, the user's own text shown verbatim).  ``depth`` places a block in the derivation's nesting, for
renderers that indent.  A Document holds every word the reader sees, down to the colon after a
label: a renderer adds layout only.  The words every document shares (a rule's run-in heading,
the colon after a label, the result's title, the mark of a note's kind) are filled in by
:func:`derive.narrate.labels.labelled`, so a narrator builds blocks without them.

To add a block type: a frozen dataclass here, listed in :data:`BLOCK_TYPES`, and a
``_render_<Name>`` method in every renderer (the base renderer fails loudly when one is missing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator, Union

from sympy import Basic

from ..notation.spelling import TEXTBOOK, Spelling


@dataclass(frozen=True)
class Math:
    """A formula shown inline, kept as a sympy object."""

    expr: Basic


@dataclass(frozen=True)
class Formula:
    """Fixed notation that is not a sympy object, e.g. the chain rule's f'(g(x))·g'(x)."""

    text: str
    latex: str


class Typed(str):
    """Text as the user typed it (``\\ln x``, ``xy``), shown verbatim: in a code face where the
    format has one.  A ``str``, so a renderer without a code face shows it as plain text."""

    __slots__ = ()


Inline = Union[str, Math, Formula, Typed]
Parts = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    parts: Parts
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    parts: Parts
    depth: int = 0


@dataclass(frozen=True)
class Equation:
    """A chain of equal expressions ``lhs = a = b = …``, optionally labelled with a rule name."""

    chain: tuple[Basic, ...]
    depth: int = 0
    label: Parts = ()


@dataclass(frozen=True)
class RuleStep:
    """One step of a derivation: the rule's name, what it says here, and (maybe) its equation.

    ``colon`` follows the title when both share a line (``Chain rule: …``); ``heading`` is the
    title as a run-in heading (``Chain rule.`` in English, ``链式法则：`` in Chinese).
    """

    title: Parts
    parts: Parts
    depth: int = 0
    equation: tuple[Basic, ...] = ()
    colon: Parts = ()
    heading: Parts = ()


class NoteKind(str, Enum):
    """What a note tells the reader; renderers style each kind (a warning stands out)."""

    ASSUMPTION = "assumption"     # what a rule or a step takes for granted (x ≠ 0, Σ_j y_j = 1)
    FALLBACK = "fallback"         # not explained step by step: the result came from sympy
    WARNING = "warning"           # something failed or is not exact
    READING = "reading"           # how ambiguous input was read (xy as x·y)
    CHECK = "check"               # how a claim was checked (numerically at n = 2, 3, 4)

    @property
    def stands_out(self) -> bool:
        """Whether the reader must not miss it (shown in bold, or in red)."""
        return self in (NoteKind.FALLBACK, NoteKind.WARNING)


@dataclass(frozen=True)
class Note:
    """An assumption, a caveat or a fallback the reader must know about; ``mark`` names its
    kind in formats without styles (``[note]``)."""

    parts: Parts
    kind: NoteKind = NoteKind.ASSUMPTION
    depth: int = 0
    mark: Parts = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", NoteKind(self.kind))      # "warning" is taken too


@dataclass(frozen=True)
class TreeNode:
    parts: Parts
    children: tuple[TreeNode, ...] = ()

    def walk(self) -> Iterator[tuple[TreeNode, int]]:
        """This node and every node below it in reading order, each with its depth (this one
        0); without recursion, as trees follow the nesting of an expression."""
        stack: list[tuple[TreeNode, int]] = [(self, 0)]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((child, depth + 1) for child in reversed(node.children))


@dataclass(frozen=True)
class Tree:
    """A decomposition of the expression (outer and inner functions)."""

    title: Parts
    root: TreeNode


@dataclass(frozen=True)
class Case:
    condition: Parts
    chain: tuple[Basic, ...]


@dataclass(frozen=True)
class Cases:
    """A split into cases, e.g. i = j and i ≠ j; ``colon`` follows each condition."""

    lhs: Basic
    cases: tuple[Case, ...]
    depth: int = 0
    colon: Parts = ()


@dataclass(frozen=True)
class Result:
    """The final answer, highlighted, with how it was checked."""

    chain: tuple[Basic, ...]
    verdict: Parts
    verified: bool | None = None     # None: not checked
    title: Parts = ()


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header row; each cell is inline parts."""

    header: tuple[Parts, ...]
    rows: tuple[tuple[Parts, ...], ...]
    title: Parts = ()


@dataclass(frozen=True)
class GraphNode:
    """A node of a computation graph: its ``name`` (an identifier, unique in the graph), what it
    shows (``parts``, e.g. ``h = 0.2449``), what it carries back (``adjoint``) and its
    ``layer``, the column of a drawing from left to right (one more than the nodes it uses)."""

    name: str
    parts: Parts
    adjoint: Parts = ()
    layer: int = 0


@dataclass(frozen=True)
class GraphEdge:
    """``source`` feeds ``target``; ``parts`` labels the edge (its local derivative)."""

    source: str
    target: str
    parts: Parts = ()


@dataclass(frozen=True)
class Graph:
    """A computation graph from its inputs to ``root`` (the loss).  A terminal draws it as a
    tree from the root, where a node that feeds several others is met again and marked
    ``again``; notes draw the graph itself."""

    title: Parts
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    root: str
    again: Parts = ()

    def node(self, name: str) -> GraphNode:
        return next(n for n in self.nodes if n.name == name)

    def inputs_of(self, name: str) -> tuple[GraphEdge, ...]:
        """The edges into ``name``, in the order they were given."""
        return tuple(e for e in self.edges if e.target == name)


Block = Union[Heading, Paragraph, Equation, RuleStep, Note, Tree, Cases, Result, Table, Graph]
BLOCK_TYPES = (Heading, Paragraph, Equation, RuleStep, Note, Tree, Cases, Result, Table, Graph)


@dataclass(frozen=True)
class Document:
    """Everything a result says; ``spelling`` is how the user wrote the input (function names,
    the order of terms), which the renderers print formulas with."""

    title: Parts
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    lang: str = "en"
    spelling: Spelling = TEXTBOOK
