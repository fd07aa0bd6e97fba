"""Plain unicode text: for pipes, logs and terminals without colour.

Every line fits ``width`` columns (the option; else ``$COLUMNS``; else 80): prose is wrapped with
its indentation kept (:func:`wrap`), formulas are broken by :mod:`derive.render.textbreak`.
"""

from __future__ import annotations

import os
import re

from ..narrate.document import (Cases, Document, Equation, Graph, Heading, Note, Paragraph,
                                Result, RuleStep, Table, Tree, TreeNode)
from .base import Renderer, spaced
from .graphs import grid, tree_leads, tree_text
from .mathtext import inline
from .textbreak import columns as width
from .textbreak import NO_BREAK, display_lines, keep_together

INDENT = "  "
MAX_INDENT = 12   # deeper steps are drawn at this indentation
DEFAULT_WIDTH = 80
NARROWEST = 30    # a formula gets at least this many columns, however deep its step

# a break is allowed after a space, and between two characters of which one is wide (Chinese),
# except before closing punctuation or after opening punctuation
_NO_BREAK_BEFORE = set("，。、：；！？）」』》,.:;!?)]}")
_NO_BREAK_AFTER = set("（「『《([{")
_TOKENS = re.compile(r"[ \t\n]+|[^ \t\n]")


def _space(token: str) -> bool:
    """A break opportunity: a plain space (never the no-break space of a formula)."""
    return token[:1] in " \t\n"


def indent(depth: int) -> str:
    return INDENT * min(depth, MAX_INDENT)


def terminal_width() -> int:
    """``$COLUMNS`` when it is a number, else 80."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_WIDTH


def _wide(c: str) -> bool:
    return width(c) == 2


def wrap(text: str, columns: int, first: str = "", rest: str | None = None) -> str:
    """``text`` in lines of at most ``columns`` columns, the first starting with ``first``, the
    others with ``rest`` (as much space as ``first`` takes by default).  Breaks go at spaces and
    between Chinese characters; a word longer than a line is cut."""
    rest = " " * width(first) if rest is None else rest
    lines, line, words = [], first, _words(text)
    for word in words:
        if _space(word):
            if line.strip():
                line += " "
            continue
        if width(line) + width(word) > columns and line.strip() and line != rest:
            lines.append(line.rstrip())
            line = rest
        while width(line) + width(word) > columns and len(word) > 1:
            room = columns - width(line)
            cut = max(1, _fit(word, room))
            lines.append(line + word[:cut])
            line, word = rest, word[cut:]
        line += word
    lines.append(line.rstrip())
    return "\n".join(lines)


def line_starts(text: str, columns: int, rest: str = "") -> list[int] | None:
    """Where each line of ``wrap(text, columns, "", rest)`` starts in ``text`` (for a renderer
    that keeps its own styled text, the terminal's), or None when the lines are not plain
    slices of ``text`` (a run of several spaces, collapsed by wrapping)."""
    starts, position = [], 0
    for k, line in enumerate(wrap(text, columns, "", rest).split("\n")):
        line = line[len(rest):] if k else line
        while position < len(text) and text[position] == " ":
            position += 1
        if not text.startswith(line, position):
            return None
        starts.append(position)
        position += len(line)
    return starts


def _fit(word: str, room: int) -> int:
    used = 0
    for k, c in enumerate(word):
        used += width(c)
        if used > room:
            return k
    return len(word)


def _words(text: str) -> list[str]:
    """Units that are never broken: runs of narrow characters, single wide characters with the
    punctuation that must stay beside them, and the spaces between."""
    units: list[str] = []
    for token in _TOKENS.findall(text):
        glue = units and not _space(units[-1]) and not _space(token) and (
            token in _NO_BREAK_BEFORE or units[-1][-1] in _NO_BREAK_AFTER
            or not (_wide(token) or _wide(units[-1][-1])))
        if glue:
            units[-1] += token
        else:
            units.append(token)
    return units


class TextRenderer(Renderer):
    """``width``: the columns every line fits in (None: ``$COLUMNS``, else 80)."""

    name = "text"
    options = {"width": None}

    wrapping = False       # while a document is rendered: formulas kept together in prose

    def render(self, document: Document) -> str:
        self.columns = self.width or terminal_width()
        self.wrapping = True
        try:
            return super().render(document).replace(NO_BREAK, " ")
        finally:
            self.wrapping = False

    def math(self, expr) -> str:
        return self._together(inline(expr))

    def formula(self, formula) -> str:
        return self._together(formula.text)

    def _together(self, text: str) -> str:
        """Inside a document, a formula is broken across lines only at a top-level operator."""
        return keep_together(text) if self.wrapping else text

    def say(self, text: str, first: str = "", rest: str | None = None) -> str:
        return wrap(text, self.columns, first, rest)

    def equation(self, chain, pad: str) -> str:
        room = max(self.columns - width(pad), min(NARROWEST, self.columns))
        pad = pad if room + width(pad) <= self.columns else ""
        return "\n".join((pad + row).rstrip() for row in display_lines(chain, room))

    def render_title(self, document: Document) -> str:
        title = self.say(self.parts(document.title))
        return f"{title}\n{'═' * min(max(map(width, title.split(chr(10)))), self.columns - 2)}"

    def join(self, pieces, document) -> str:
        return "\n".join(pieces).rstrip() + "\n"

    def _render_Heading(self, block: Heading) -> str:
        text = self.say(self.parts(block.parts))
        rule = "─" * min(max(map(width, text.split("\n"))), self.columns - 2)
        return f"\n{text}\n{rule}" if block.level <= 2 else f"\n{text}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return self.say(self.parts(block.parts), indent(block.depth))

    def _render_Note(self, block: Note) -> str:
        mark = self.parts(block.mark)
        return self.say(spaced(mark, self.parts(block.parts)), indent(block.depth),
                        indent(block.depth) + "  ")

    def _render_RuleStep(self, block: RuleStep) -> str:
        pad = indent(block.depth)
        text = f"{self.parts(block.title)}{self.parts(block.colon)}{self.parts(block.parts)}"
        lines = [self.say(text, pad + "• ")]
        if block.equation:
            lines.append(self.equation(block.equation, pad + "    "))
        return "\n".join(lines)

    def _render_Equation(self, block: Equation) -> str:
        pad = indent(block.depth)
        lines = [self.say(self.parts(block.label), pad + "  ")] if block.label else []
        lines.append(self.equation(block.chain, pad + "    "))
        return "\n".join(lines)

    def _render_Tree(self, block: Tree) -> str:
        lines = [self.say(self.parts(block.title))]
        self._tree_lines(block.root, "", "", lines)
        return "\n".join(lines)

    def _tree_lines(self, node: TreeNode, lead: str, child_lead: str, lines: list[str]) -> None:
        stack = [(node, lead, child_lead)]
        while stack:
            node, lead, child_lead = stack.pop()
            lines.append(self.say(self.parts(node.parts), lead,
                                  child_lead + ("│  " if node.children else "   ")))
            children = node.children
            for i in reversed(range(len(children))):
                last = i == len(children) - 1
                stack.append((children[i], child_lead + ("└─ " if last else "├─ "),
                              child_lead + ("   " if last else "│  ")))

    def _render_Graph(self, block: Graph) -> str:
        """The graph as a tree from the loss: each node under the nodes it feeds."""
        lines = [self.say(self.parts(block.title))] if block.title else []
        drawn = tree_text(block, self.parts)
        for (lead, rest), (_, content) in zip(tree_leads([d for d, _ in drawn]), drawn):
            lines.append(self.say(content, lead, rest + "    "))
        return "\n".join(lines)

    def _render_Table(self, block: Table) -> str:
        """Aligned columns; a table wider than the line is written one row a paragraph."""
        header = [self.parts(cell) for cell in block.header]
        rows = [[self.parts(cell) for cell in row] for row in block.rows]
        lines = [self.say(self.parts(block.title))] if block.title else []
        table = grid(header, rows)
        if max(map(width, table)) <= self.columns:
            return "\n".join(lines + table)
        lines.append(self.say(" │ ".join(header)))
        lines.extend(self.say(" │ ".join(row), "• ") for row in rows)
        return "\n".join(lines)

    def _render_Cases(self, block: Cases) -> str:
        pad = indent(block.depth)
        lines = [self.equation((block.lhs,), pad)]
        for case in block.cases:
            condition = f"{self.parts(case.condition)}{self.parts(block.colon).rstrip()}"
            lines.append(self.say(condition, pad + "  • "))
            lines.append(self.equation(case.chain, pad + "      "))
        return "\n".join(lines)

    def _render_Result(self, block: Result) -> str:
        lines = ["", self.equation(block.chain, "  ")]
        if block.verdict:
            mark = "✓" if block.verified else "✗"
            lines.append(self.say(self.parts(block.verdict), f"  {mark} "))
        return "\n".join(lines)
