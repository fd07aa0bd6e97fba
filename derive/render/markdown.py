r"""Markdown study notes: headings, short prose, ``$…$`` inline and ``$$…$$`` display math.

The dialect is the common ground of Typora, Obsidian, Jupyter and GitHub: ATX headings, ``-``
lists indented by two spaces, ``$$`` on lines of their own (also inside the blockquote that holds
the final answer), no HTML.  Steps are numbered ``1``, ``1.2``, ``1.2.1`` so the nesting shows
without indentation (indented display math is not portable).  Mathematics is printed by
``sympy.latex``; text is escaped so that ``*``, ``_``, ``$`` … stay literal.

To support a new block type, add ``_render_<Block>`` returning one Markdown chunk (chunks are
separated by a blank line).
"""

from __future__ import annotations

import re

from ..narrate.document import (Cases, Document, Equation, Graph, Heading, Math, Note,
                                Paragraph, Result, RuleStep, Table, Tree)
from ..notation import distinct
from .base import gap
from .graphs import mermaid
from .mathtext import inline
from .latex import NotesRenderer, math_parts
from .latexbreak import COLUMN_EM
from .mathlatex import tex
from .outline import Outline

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~])")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


_LIST_START = re.compile(r"^(\s*[-+*]) ", re.MULTILINE)


def display(lines: str) -> str:
    """``$$`` on lines of their own around ``lines``; no line starts with ``- ``, ``+ `` or
    ``* ``, which a Markdown pipeline that reads the text before the maths makes a list item."""
    return "$$\n" + _LIST_START.sub(r"\1", lines) + "\n$$"


def _plain(parts) -> str:
    """Inline parts as plain unicode text (for a diagram's labels)."""
    return "".join(inline(p.expr) if isinstance(p, Math) else getattr(p, "text", p)
                   for p in parts)


class MarkdownRenderer(NotesRenderer):
    name = "markdown"

    def text(self, text: str) -> str:
        return escape(text)

    def typed(self, text: str) -> str:
        fence = "``" if "`" in text else "`"
        return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"

    def render_title(self, document: Document) -> str:
        return f"# {self.heading(document.title)}"

    def join(self, pieces, document: Document) -> str:
        return "\n\n".join(p for p in pieces if p) + "\n"

    def _render_Heading(self, block: Heading) -> str:
        self.outline = Outline()          # each section numbers its steps from 1
        return f"{'#' * min(max(block.level, 2), 6)} {self.heading(block.parts)}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return self.parts(block.parts)

    def _render_Note(self, block: Note) -> str:
        text = self.parts(block.parts)
        return f"**⚠ {text}**" if block.kind.stands_out else f"*{text}*"

    def _render_Tree(self, block: Tree) -> str:
        lines = [f"**{self.parts(block.title)}**", ""]
        lines += [f"{'  ' * depth}- {self.parts(node.parts)}" for node, depth in block.root.walk()]
        return "\n".join(lines)

    def _render_Graph(self, block: Graph) -> str:
        """A Mermaid flowchart (its labels in plain unicode: Mermaid typesets no TeX)."""
        title = f"**{self.parts(block.title)}**\n\n" if block.title else ""
        return f"{title}```mermaid\n{mermaid(block, _plain)}\n```"

    def _render_Table(self, block: Table) -> str:
        def row(cells) -> str:
            return "| " + " | ".join(self.parts(c).replace("|", "\\|") for c in cells) + " |"

        lines = [f"**{self.parts(block.title)}**", ""] if block.title else []
        lines += [row(block.header), "|" + " :-- |" * len(block.header)]
        lines += [row(r) for r in block.rows]
        return "\n".join(lines)

    def _render_RuleStep(self, block: RuleStep) -> str:
        number = self.outline.next(block.depth)
        heading = self.parts(block.heading)
        # full-width punctuation after the bold run: ``**链式法则**：`` closes in CommonMark,
        # ``**链式法则：**外`` does not
        stripped = heading.rstrip("：。，；")
        text = f"**{number} {stripped}**{heading[len(stripped):]}{gap(heading)}{self.parts(block.parts)}"
        if block.equation:
            text += "\n\n" + display(self._chain(block.equation))
        return text

    def _render_Equation(self, block: Equation) -> str:
        label = self.parts(block.label) + "\n\n" if block.label else ""
        return label + display(self._chain(block.chain))

    def _render_Cases(self, block: Cases) -> str:
        """Each case (its condition in bold, its working as display math), then the summary
        ``lhs = \\begin{cases} … \\end{cases}``."""
        chunks = []
        for case in block.cases:
            condition = self.parts(case.condition) + self.parts(block.colon)
            chunks.append(f"**{condition.strip()}**\n\n" + display(self._chain(case.chain)))
        cases = " \\\\\n".join(f"{tex(case.chain[-1])} & {math_parts(case.condition)}"
                                  for case in block.cases)
        chunks.append(display(f"{tex(block.lhs)} = \\begin{{cases}}\n{cases}\n\\end{{cases}}"))
        return "\n\n".join(chunks)

    def _render_Result(self, block: Result) -> str:
        lines = [f"**{self.parts(block.title)}**", "", "$$", self._chain(block.chain), "$$"]
        if block.verdict:
            lines += ["", ("✓ " if block.verified else "✗ ") + self.parts(block.verdict)]
        return "\n".join(f"> {line}".rstrip() for line in lines)

    def line_width(self, lang: str) -> float:
        return COLUMN_EM

    def _chain(self, chain) -> str:
        return self.chain_tex(chain)
