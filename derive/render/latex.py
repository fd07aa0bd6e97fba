r"""LaTeX notes: a fragment to paste into a document, or (``standalone=True``) a whole document.

The steps of a derivation become one ``align*`` environment: each step is a line
``lhs &= … && \text{rule}``, aligned on its first ``=``, with the rule's name as a ``\text{}``
annotation; what the step says sits above its line in ``\intertext{}``, numbered ``1.2.1`` to
show the nesting.  Case splits use ``cases``; the final answer is boxed.  Mathematics is printed
by ``sympy.latex``, fixed notation by :attr:`Formula.latex`; all other text is escaped.

The fragment needs ``amsmath`` and ``amssymb`` (and ``\allowdisplaybreaks`` for long
derivations).  A standalone English document compiles with ``pdflatex``; a Chinese one with
``xelatex`` (``ctexart`` with the Noto CJK fonts of Debian's ``fonts-noto-cjk``).

To support a new block type, add ``_render_<Block>`` (a paragraph of its own) and, if it
belongs inside the steps' ``align*``, a case in :meth:`LatexRenderer._rows`.  To support a new
language, add its preamble to :data:`PREAMBLES` (the English one is the default).
"""

from __future__ import annotations

import re

from sympy import latex

from ..narrate.document import (Cases, Document, Equation, Formula, Heading, Note, Paragraph,
                                Parts, Result, RuleStep, Tree, TreeNode)
from ..narrate.phrases import say
from .base import Renderer
from .outline import Outline

INDENT_EM = 1.5
MAX_INDENT = 6          # deeper steps are drawn at this indentation

_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\~{}", "<": r"\textless{}",
    ">": r"\textgreater{}", "|": r"$|$",
    # unicode that the phrase catalogues use, spelled so that pdflatex knows it
    "eˣ": r"$e^{x}$", "aˣ": r"$a^{x}$", "xⁿ": r"$x^{n}$", "ˣ": r"$^{x}$", "ⁿ": r"$^{n}$",
    "⁻": r"$^{-}$", "¹": r"$^{1}$", "²": r"$^{2}$", "³": r"$^{3}$",
    "σ": r"$\sigma$", "Σ": r"$\Sigma$", "π": r"$\pi$", "∂": r"$\partial$", "≠": r"$\neq$",
    "≤": r"$\leq$", "≥": r"$\geq$", "·": r"$\cdot$", "×": r"$\times$", "−": r"$-$",
    "→": r"$\to$", "′": r"$'$", "…": r"\ldots{}", "—": "---", "–": "--", "✓": r"$\checkmark$",
    "✗": r"$\times$", "ℯ": r"$e$",
}
_ESCAPE = re.compile("|".join(re.escape(k) for k in sorted(_ESCAPES, key=len, reverse=True)))


def escape(text: str) -> str:
    """``text`` safe in LaTeX text mode (special characters and known unicode math)."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)


_COMMON = r"""\usepackage{amsmath,amssymb}
\usepackage[margin=2.5cm]{geometry}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6\baselineskip}
"""

PREAMBLES = {
    # pdflatex (or xelatex/lualatex)
    "en": "\\documentclass[11pt]{article}\n" + _COMMON,
    # xelatex: ctex with the Noto CJK fonts (Debian: fonts-noto-cjk)
    "zh": "\\documentclass[11pt,fontset=none]{ctexart}\n"
          "\\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Sans CJK SC Bold}]\n"
          "\\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}]\n"
          "\\setCJKmonofont{Noto Sans Mono CJK SC}\n" + _COMMON,
}
ENGINES = {"en": "pdflatex", "zh": "xelatex"}


def _pad(depth: int) -> str:
    depth = min(depth, MAX_INDENT)
    return rf"\hspace*{{{depth * INDENT_EM:g}em}}" if depth else ""


class LatexRenderer(Renderer):
    name = "latex"

    def __init__(self, standalone: bool = False) -> None:
        self.standalone = standalone
        self.lang = "en"

    # --- inline ---------------------------------------------------------------------------

    def text(self, text: str) -> str:
        return escape(text)

    def math(self, expr) -> str:
        return f"${latex(expr)}$"

    def formula(self, formula: Formula) -> str:
        return f"${formula.latex}$"

    # --- the document ---------------------------------------------------------------------

    def render(self, document: Document) -> str:
        """Blocks in order; each run of steps (and the notes inside it) is one ``align*``."""
        self.lang = document.lang
        pieces = [self.render_title(document)]
        run: list = []
        for block in document.blocks:
            if isinstance(block, (RuleStep, Equation, Cases)) or (run and isinstance(block, Note)):
                run.append(block)
                continue
            pieces.extend(self._align(run))
            run = []
            pieces.append(self.render_block(block))
        pieces.extend(self._align(run))
        return self.join(pieces, document)

    def render_title(self, document: Document) -> str:
        return rf"\section*{{{self.parts(document.title)}}}"

    def join(self, pieces, document: Document) -> str:
        body = "\n\n".join(p for p in pieces if p) + "\n"
        if not self.standalone:
            return body
        preamble = PREAMBLES.get(document.lang, PREAMBLES["en"])
        engine = ENGINES.get(document.lang, "pdflatex")
        return (f"% {engine}: a derivation explained by derive\n{preamble}"
                f"\\begin{{document}}\n\n{body}\n\\end{{document}}\n")

    # --- blocks that stand alone ----------------------------------------------------------

    def _render_Heading(self, block: Heading) -> str:
        command = {1: "section", 2: "subsection"}.get(block.level, "subsubsection")
        return rf"\{command}*{{{self.parts(block.parts)}}}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return _pad(block.depth) + self.parts(block.parts)

    def _render_Note(self, block: Note) -> str:
        return _pad(block.depth) + self._note(block)

    def _note(self, block: Note) -> str:
        text = self.parts(block.parts)
        if block.kind in ("fallback", "warning"):
            return rf"\textbf{{{text}}}"
        return rf"\emph{{{text}}}"

    def _render_Tree(self, block: Tree) -> str:
        lines = [rf"\textbf{{{self.parts(block.title)}}}"]
        stack: list[tuple[TreeNode, int]] = [(block.root, 0)]
        while stack:
            node, depth = stack.pop()
            mark = r"$\bullet$" if depth == 0 else r"$\triangleright$"
            lines.append(rf"{_pad(depth + 1)}{mark}~{self.parts(node.parts)}")
            stack.extend((child, depth + 1) for child in reversed(node.children))
        return "\\\\\n".join(lines)

    def _render_RuleStep(self, block: RuleStep) -> str:
        return "\n".join(self._align([block]))

    def _render_Equation(self, block: Equation) -> str:
        return "\n".join(self._align([block]))

    def _render_Cases(self, block: Cases) -> str:
        return "\n".join(self._align([block]))

    def _render_Result(self, block: Result) -> str:
        title = self.parts(say(self.lang, "result.title"))
        chain = " = ".join(latex(e) for e in block.chain)
        lines = [rf"\textbf{{{title}}}", rf"\[ \boxed{{{chain}}} \]"]
        if block.verdict:
            mark = r"$\checkmark$" if block.verified else r"$\times$"
            lines.append(f"{mark}~{self.parts(block.verdict)}")
        return "\n".join(lines)

    # --- the steps: one align* --------------------------------------------------------------

    def _align(self, run: list) -> list[str]:
        """``run`` as ``[align*, trailing notes…]`` (an ``align*`` cannot end with text)."""
        if not run:
            return []
        trailing: list[Note] = []
        while run and isinstance(run[-1], Note):
            trailing.insert(0, run.pop())
        outline = Outline()
        rows: list[tuple[str, str]] = []          # ("text", …) or ("math", …)
        for block in run:
            rows.extend(self._rows(block, outline))
        before: list[str] = []         # text before the first line: paragraphs, not \intertext
        while rows and rows[0][0] == "text":
            before.append(rows.pop(0)[1])
        if not rows:
            return [*before, *(self._render_Note(note) for note in trailing)]
        lines = [r"\begin{align*}"]
        for i, (kind, content) in enumerate(rows):
            follows = i + 1 < len(rows)
            if kind == "text":
                lines.append(rf"\intertext{{{content}}}")
            else:
                lines.append(content + (r" \\" if follows else ""))
        lines.append(r"\end{align*}")
        return [*before, "\n".join(lines), *(self._render_Note(note) for note in trailing)]

    def _rows(self, block, outline: Outline) -> list[tuple[str, str]]:
        if isinstance(block, RuleStep):
            number = outline.next(block.depth)
            pad = _pad(block.depth)
            title = self.parts(block.title)
            if block.equation:
                return [("text", rf"{pad}\textbf{{{number}}}\quad {self.parts(block.parts)}"),
                        ("math", self._chain(block.equation, title))]
            outline.remember(block.depth, title)
            title = self.parts(say(self.lang, "label.title", title=block.title))
            return [("text", rf"{pad}\textbf{{{number}\quad {title}}} {self.parts(block.parts)}")]
        if isinstance(block, Equation):
            rows = [("text", _pad(block.depth) + self.parts(block.label))] if block.label else []
            rows.append(("math", self._chain(block.chain, outline.title_at(block.depth) or "")))
            return rows
        if isinstance(block, Cases):
            cases = r" \\ ".join(
                " = ".join(latex(e) for e in case.chain) + rf" & \text{{{self.parts(case.condition)}}}"
                for case in block.cases)
            return [("math", rf"{latex(block.lhs)} &= \begin{{cases}} {cases} \end{{cases}}")]
        if isinstance(block, Note):
            return [("text", _pad(block.depth) + self._note(block))]
        raise NotImplementedError(f"LatexRenderer cannot place {type(block).__name__} in a step")

    def _chain(self, chain, annotation: str) -> str:
        first, *rest = (latex(e) for e in chain)
        line = f"{first} &= {' = '.join(rest)}" if rest else f"{first} &"
        return line + (rf" && \text{{{annotation}}}" if annotation else "")


def math_only(document: Document) -> str:
    r"""Only the mathematics of ``document``: one ``$$\begin{aligned}…\end{aligned}$$`` with a
    line per step (and the result), each annotated with its rule; for Jupyter's MathJax."""
    renderer = LatexRenderer()
    renderer.lang = document.lang
    outline = Outline()
    rows = []
    for block in document.blocks:
        if isinstance(block, (RuleStep, Equation, Cases)):
            rows.extend(content for kind, content in renderer._rows(block, outline)
                        if kind == "math")
        elif isinstance(block, Result):
            rows.append(renderer._chain(block.chain, renderer.parts(say(document.lang,
                                                                        "result.title"))))
    return "$$\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}$$"
