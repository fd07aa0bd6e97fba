"""The rich terminal renderer: a panel per derivation, the decomposition as a tree, each step with
its rule name in colour, the final answer highlighted.

It returns a rich renderable (never prints) and builds every line as ``rich.text.Text`` from
plain strings, so user text is never interpreted as markup.  Colours are named styles resolved
by :data:`THEME`.  A formula is a :class:`Drawing`: it is broken for the width rich gives it when
it is drawn (:mod:`derive.render.textbreak`), so rich never wraps a 2-D drawing row by row.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console, ConsoleOptions, Group
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text
from rich.theme import Theme
from rich.tree import Tree as RichTree

from rich.table import Table as RichTable

from ..narrate.document import (Cases, Document, Equation, Graph, Heading, Note, NoteKind,
                                Paragraph, Result, RuleStep, Table, Tree)
from .base import Renderer
from .graphs import tree_text
from .mathtext import inline
from .text import NARROWEST, indent, line_starts
from .textbreak import NO_BREAK, columns, display_lines, keep_together

THEME = Theme({
    "derive.title": "bold",
    "derive.heading": "bold underline",
    "derive.rule": "bold cyan",
    "derive.math": "",
    "derive.note": "yellow",
    "derive.fallback": "bold magenta",
    "derive.warning": "bold red",
    "derive.result": "bold green",
    "derive.verdict.ok": "green",
    "derive.verdict.bad": "bold red",
    "derive.tree": "dim",
})


def console(file=None, **settings) -> Console:
    """A console that knows derive's styles; ``file`` defaults to standard output."""
    return Console(file=file, theme=THEME, highlight=False, **settings)


def draw(renderable, on: Console) -> None:
    """Print ``renderable`` on the console ``on``, with derive's styles whatever its theme."""
    with on.use_theme(THEME):
        on.print(renderable)


def rich_to_text(renderable, width: int = 100, color: bool = True) -> str:
    """Render a rich renderable to a string (ANSI colours when ``color``)."""
    buffer = StringIO()
    draw(renderable, console(buffer, width=width, force_terminal=color,
                             color_system="standard" if color else None, legacy_windows=False))
    return buffer.getvalue()


class Drawing:
    """An equation chain drawn for the width it is given, ``pad`` columns in."""

    def __init__(self, chain, style: str = "derive.math", pad: int = 0) -> None:
        self.chain = tuple(chain)
        self.style = style
        self.pad = pad

    def _rows(self, width: int) -> list[str]:
        room = max(width - self.pad, min(NARROWEST, width))
        pad = " " * self.pad if room + self.pad <= width else ""
        return [(pad + row).rstrip() for row in display_lines(self.chain, room)]

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        yield Text("\n".join(self._rows(options.max_width)), style=self.style, no_wrap=True,
                   overflow="crop")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max(map(columns, self._rows(10 ** 6)))
        return Measurement(min(widest, NARROWEST + self.pad), widest)


class Prose:
    """A styled sentence wrapped as the text format wraps it (:func:`derive.render.text.wrap`):
    a formula inside it is broken only at a top-level operator, never inside brackets."""

    def __init__(self, text: Text, hang: int = 0) -> None:
        self.text = text
        self.hang = hang          # continuation lines this many columns further in

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        text, rest = self.text, " " * self.hang
        starts = line_starts(text.plain, options.max_width, rest)
        if starts is None:
            yield self._spaced(text)
            return
        lines = text.divide(starts[1:])
        for k, line in enumerate(lines):
            line.rstrip()
            if k:
                line.pad_left(self.hang)
        yield self._spaced(Text("\n").join(lines), no_wrap=True)

    @staticmethod
    def _spaced(text: Text, no_wrap: bool = False) -> Text:
        spaced = text.copy()
        spaced.plain = text.plain.replace(NO_BREAK, " ")
        spaced.no_wrap = no_wrap
        return spaced

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


class TerminalRenderer(Renderer):
    """As a string (:meth:`render_string`), the drawing is ``width`` columns wide, with ANSI
    colours when ``color``."""

    name = "rich"
    options = {"width": 100, "color": True}

    def render_string(self, document: Document) -> str:
        return rich_to_text(self.render(document), self.width, self.color)

    keeping = False        # while prose for a :class:`Prose` is built: formulas kept together

    def math(self, expr) -> str:
        return keep_together(inline(expr)) if self.keeping else inline(expr)

    def formula(self, formula) -> str:
        return keep_together(formula.text) if self.keeping else formula.text

    def prose(self, *parts) -> str:
        """``parts`` joined for a :class:`Prose`, each formula kept together."""
        self.keeping = True
        try:
            return "".join(self.parts(p) for p in parts)
        finally:
            self.keeping = False

    def join(self, pieces, document: Document):
        title = Text(self.parts(document.title), style="derive.title")
        return Panel(Group(*pieces), title=title, title_align="left", expand=False)

    def _render_Heading(self, block: Heading):
        return Text("\n" + self.parts(block.parts), style="derive.heading")

    @staticmethod
    def _at(depth: int, renderable, extra: int = 0) -> Padding:
        """``renderable`` indented for ``depth``; wrapped lines keep the indentation."""
        return Padding(renderable, (0, 0, 0, len(indent(depth)) + extra))

    def _render_Paragraph(self, block: Paragraph):
        return self._at(block.depth, Prose(Text(self.prose(block.parts))))

    def _render_Note(self, block: Note):
        style = {NoteKind.FALLBACK: "derive.fallback",
                 NoteKind.WARNING: "derive.warning"}.get(block.kind, "derive.note")
        return self._at(block.depth, Prose(Text("⚑ " + self.prose(block.parts), style=style)), 2)

    def _render_RuleStep(self, block: RuleStep):
        line = Text("• ")
        line.append(self.prose(block.title), style="derive.rule")
        line.append(self.prose(block.colon, block.parts))
        if not block.equation:
            return self._at(block.depth, Prose(line, hang=2))
        return self._at(block.depth, Group(Prose(line, hang=2), Drawing(block.equation, pad=4)))

    def _render_Equation(self, block: Equation):
        equation = Drawing(block.chain, pad=4)
        if not block.label:
            return self._at(block.depth, equation)
        return self._at(block.depth, Group(self._at(0, Prose(Text(self.prose(block.label))), 2),
                                           equation))

    def _render_Tree(self, block: Tree):
        tree = RichTree(Text(self.parts(block.title), style="derive.heading"), guide_style="derive.tree")
        stack = [(block.root, tree)]
        while stack:
            node, parent = stack.pop()
            branch = parent.add(Text(self.parts(node.parts)))
            stack.extend((child, branch) for child in reversed(node.children))
        return tree

    def _render_Graph(self, block: Graph):
        """The graph as a tree from the loss: each node under the nodes it feeds."""
        drawn = tree_text(block, self.parts)
        tree = RichTree(Text(drawn[0][1]), guide_style="derive.tree")
        branches = [tree]
        for depth, content in drawn[1:]:
            del branches[depth:]
            branches.append(branches[depth - 1].add(Text(content)))
        if not block.title:
            return tree
        return Group(Text(self.parts(block.title), style="derive.heading"), tree)

    def _render_Table(self, block: Table):
        table = RichTable(title=Text(self.parts(block.title), style="derive.heading")
                          if block.title else None, title_justify="left",
                          header_style="derive.rule")
        for cell in block.header:
            table.add_column(Text(self.parts(cell)))
        for row in block.rows:
            table.add_row(*(Text(self.parts(cell)) for cell in row))
        return table

    def _render_Cases(self, block: Cases):
        pieces = [Drawing((block.lhs,))]
        for case in block.cases:
            condition = self.parts(case.condition) + self.parts(block.colon).rstrip()
            pieces.append(self._at(0, Text("• " + condition, style="derive.rule"), 2))
            pieces.append(Drawing(case.chain, pad=6))
        return self._at(block.depth, Group(*pieces))

    def _render_Result(self, block: Result):
        ok = bool(block.verified)
        body = [Drawing(block.chain, style="derive.result")]
        if block.verdict:
            body.append(Text(("✓ " if ok else "✗ ") + self.parts(block.verdict),
                             style="derive.verdict.ok" if ok else "derive.verdict.bad"))
        return Panel(Group(*body), expand=False, border_style="derive.result")
