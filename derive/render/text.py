"""Plain unicode text: for pipes, logs and terminals without colour."""

from __future__ import annotations

import unicodedata

from ..narrate.document import (Cases, Document, Equation, Heading, Note, Paragraph, Result,
                                RuleStep, Tree, TreeNode)
from .base import Renderer
from .mathtext import display, inline

INDENT = "  "
MAX_INDENT = 12   # deeper steps are drawn at this indentation


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def indent(depth: int) -> str:
    return INDENT * min(depth, MAX_INDENT)


class TextRenderer(Renderer):
    name = "text"

    def math(self, expr) -> str:
        return inline(expr)

    def render_title(self, document: Document) -> str:
        title = self.parts(document.title)
        return f"{title}\n{'═' * min(width(title), 78)}"

    def join(self, pieces, document) -> str:
        return "\n".join(pieces).rstrip() + "\n"

    def _render_Heading(self, block: Heading) -> str:
        text = self.parts(block.parts)
        return f"\n{text}\n{'─' * min(width(text), 78)}" if block.level <= 2 else f"\n{text}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return indent(block.depth) + self.parts(block.parts)

    def _render_Note(self, block: Note) -> str:
        return f"{indent(block.depth)}[{self.parts(block.mark)}] {self.parts(block.parts)}"

    def _render_RuleStep(self, block: RuleStep) -> str:
        pad = indent(block.depth)
        lines = [f"{pad}• {self.parts(block.title)}{self.parts(block.colon)}{self.parts(block.parts)}"]
        if block.equation:
            lines.append(display(block.equation, pad + "    "))
        return "\n".join(lines)

    def _render_Equation(self, block: Equation) -> str:
        pad = indent(block.depth)
        lines = [f"{pad}  {self.parts(block.label)}"] if block.label else []
        lines.append(display(block.chain, pad + "    "))
        return "\n".join(lines)

    def _render_Tree(self, block: Tree) -> str:
        lines = [self.parts(block.title)]
        self._tree_lines(block.root, "", "", lines)
        return "\n".join(lines)

    def _tree_lines(self, node: TreeNode, lead: str, child_lead: str, lines: list[str]) -> None:
        stack = [(node, lead, child_lead)]
        while stack:
            node, lead, child_lead = stack.pop()
            lines.append(lead + self.parts(node.parts))
            children = node.children
            for i in reversed(range(len(children))):
                last = i == len(children) - 1
                stack.append((children[i], child_lead + ("└─ " if last else "├─ "),
                              child_lead + ("   " if last else "│  ")))

    def _render_Cases(self, block: Cases) -> str:
        pad = indent(block.depth)
        lines = [display((block.lhs,), pad)]
        for case in block.cases:
            lines.append(f"{pad}  • {self.parts(case.condition)}{self.parts(block.colon).rstrip()}")
            lines.append(display(case.chain, pad + "      "))
        return "\n".join(lines)

    def _render_Result(self, block: Result) -> str:
        lines = ["", display(block.chain, "  ")]
        if block.verdict:
            lines.append(f"  {'✓' if block.verified else '✗'} {self.parts(block.verdict)}")
        return "\n".join(lines)
