r"""LaTeX notes: a fragment to paste into a document, or (``standalone=True``) a whole document.

Each step is a short paragraph (numbered ``1.2.1`` to show the nesting) followed by its equation
in an ``align*`` display: ``lhs &= a`` with the rule's name as a tag at the right margin
(``\tag*{}``, which amsmath moves to the next line when the equation is long).  A chain too long
for the line is broken before each ``=`` (``&= b`` on the next line); a left side too long to share
a line with the first form gets a line of its own.  Widths are estimated from the LaTeX source
(:func:`estimate_width`).  Case splits show each case, then a ``cases`` summary; the final answer
is boxed.  Mathematics is printed by :func:`derive.render.mathlatex.tex`, fixed notation by
:attr:`Formula.latex`; all other text is escaped (:func:`escape`, including Greek letters and the
unicode notation of the phrase catalogues).

The fragment needs ``amsmath`` and ``amssymb``.  A standalone English document compiles with
``pdflatex``; a Chinese one with ``xelatex`` (``ctexart`` with the Noto CJK fonts of Debian's
``fonts-noto-cjk``).

To support a new block type, add ``_render_<Block>`` (a paragraph of its own) and, if it
shows an equation, a case in :meth:`LatexRenderer._rows`.  To support a new language, add its
preamble to :data:`PREAMBLES` (the English one is the default).
"""

from __future__ import annotations

import re

from ..narrate.document import (Cases, Document, Equation, Formula, Heading, Math, Note,
                                Paragraph, Parts, Result, RuleStep, Tree)
from ..notation import distinct
from ..notation.letters import GREEK, greek_command
from .base import Renderer
from .mathlatex import tex
from .mathtext import inline
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

# more notation the catalogues (and user text) may hold, and every Greek letter
_ESCAPES.update({
    "∇": r"$\nabla$", "″": r"$''$", "ᵗ": r"$^{t}$", "ᵀ": r"$^{\top}$", "∞": r"$\infty$",
    "∈": r"$\in$", "≈": r"$\approx$", "±": r"$\pm$", "⇒": r"$\Rightarrow$", "∑": r"$\sum$",
    "√": r"$\surd$", "⋅": r"$\cdot$", "•": r"\textbullet{}", "⚠": r"\textbf{!}",
    **{chr(0x2080 + d): f"$_{{{d}}}$" for d in range(10)},
    **{sup: f"$^{{{d}}}$" for d, sup in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
})


def _math_letter(letter: str) -> str:
    command = greek_command(letter)
    return f"${command}$" if command.startswith("\\") else command     # Α is the Latin A


_ESCAPES.update({letter: _math_letter(letter) for letter in GREEK.values() if letter not in _ESCAPES})
_ESCAPE = re.compile("|".join(re.escape(k) for k in sorted(_ESCAPES, key=len, reverse=True)))


def escape(text: str) -> str:
    """``text`` safe in LaTeX text mode (special characters and known unicode math)."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)


_COMMON = r"""\usepackage{amsmath,amssymb}
\usepackage[margin=2.5cm]{geometry}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6\baselineskip}
\setlength{\emergencystretch}{3em}
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


def math_parts(parts: Parts) -> str:
    r"""Inline parts inside math mode: formulas as they are, text in ``\text{}``."""
    out = []
    for part in parts:
        if isinstance(part, Math):
            out.append(tex(part.expr))
        elif isinstance(part, Formula):
            out.append(part.latex)
        elif part.strip():
            out.append(rf"\text{{{escape(part)}}}")
        elif part:
            out.append(r"\ ")
    return " ".join(out)


def breakable(latex: str) -> str:
    r"""Inline math that TeX may break across lines when it is long: ``\left(…\right)`` is an
    unbreakable group, ``\bigl(…\bigr)`` is not (TeX breaks after a ``+`` or ``=`` inside)."""
    if estimate_width(latex) <= LINE_WIDTH / 2:
        return latex
    return (latex.replace(r"\left(", r"\bigl(").replace(r"\right)", r"\bigr)")
            .replace(r"\left[", r"\bigl[").replace(r"\right]", r"\bigr]"))


def merge_math(parts: Parts) -> list:
    """``[Math(u), " = ", Math(x²)]`` as one formula ``u = x^{2}``, so a relation is typeset as
    one piece of mathematics rather than two formulas around a text ``=``."""
    out: list = []
    for part in parts:
        joinable = isinstance(part, (Math, Formula))
        if joinable and len(out) >= 2 and out[-1] in (" = ", " ≠ ") and \
                isinstance(out[-2], (Math, Formula)):
            relation = out.pop()
            left = out.pop()
            out.append(Formula(_text_of(left) + relation + _text_of(part),
                               _latex_of(left) + (r" \neq " if "≠" in relation else " = ")
                               + _latex_of(part)))
        else:
            out.append(part)
    return out


def _text_of(part) -> str:
    return inline(part.expr) if isinstance(part, Math) else part.text


def _latex_of(part) -> str:
    return tex(part.expr) if isinstance(part, Math) else part.latex


LINE_WIDTH = 70.0       # the width of a display line, in units of estimate_width

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|[^\\{}]")
_WIDE = {r"\sum": 2.0, r"\prod": 2.0, r"\int": 1.5, r"\cdot": 1.0, r"\cdots": 2.0,
         r"\ldots": 2.0, r"\dots": 2.0, r"\quad": 1.5, r"\qquad": 3.0, r"\partial": 1.0}
_FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "log", "ln",
              "exp", "det", "lim", "max", "min", "arcsin", "arccos", "arctan", "operatorname"}
_ZERO = {r"\left", r"\right", r"\limits", r"\displaystyle", r"\,", r"\;", r"\!", r"\ "}


def estimate_width(latex: str) -> float:
    """A rough width of typeset math (about one unit per letter): fractions count their wider
    part, scripts count small, ``\\left``/``\\right`` nothing.  Only used to decide line breaks."""
    tokens = _TOKEN.findall(latex)
    width, _ = _width(tokens, 0)
    return width


def _group(tokens: list[str], i: int) -> tuple[float, int]:
    """The width of the group or single token at ``i``, and the index after it."""
    if i >= len(tokens):
        return 0.0, i
    if tokens[i] == "{":
        return _width(tokens, i + 1)
    return _width(tokens[i:i + 1], 0)[0], i + 1


def _width(tokens: list[str], i: int) -> tuple[float, int]:
    width = 0.0
    while i < len(tokens):
        token = tokens[i]
        if token == "}":
            return width, i + 1
        if token == "{":
            inner, i = _width(tokens, i + 1)
            width += inner
            continue
        i += 1
        if token == r"\frac":
            top, i = _group(tokens, i)
            bottom, i = _group(tokens, i)
            width += max(top, bottom) + 0.5
        elif token in ("^", "_"):
            script, i = _group(tokens, i)
            width += 0.6 * script
        elif token in (r"\text", r"\operatorname", r"\mathrm", r"\textbf"):
            inner, i = _group(tokens, i)
            width += inner
        elif token in _ZERO or token.isspace():
            continue
        elif token in "+-=<>" or token in (r"\neq", r"\leq", r"\geq", r"\to"):
            width += 1.8
        elif token[1:] in _FUNCTIONS:
            width += 0.8 * (len(token) - 1)
        elif token.startswith("\\") and len(token) > 2:
            width += _WIDE.get(token, 1.0)
        else:
            width += 1.0
    return width, i


def _pad(depth: int) -> str:
    depth = min(depth, MAX_INDENT)
    return rf"\hspace*{{{depth * INDENT_EM:g}em}}" if depth else ""


class NotesRenderer(Renderer):
    """What the two note formats share: steps numbered ``1.2.1`` by an :class:`Outline` (from 1
    in each document), a relation ``u = x²`` merged into one formula, mathematics in dollars
    (:meth:`dollars`)."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.outline = Outline()

    def render(self, document: Document) -> str:
        self.outline = Outline()
        return super().render(document)

    def parts(self, parts: Parts) -> str:
        return "".join(self.inline(p) for p in merge_math(parts))

    def math(self, expr) -> str:
        return self.dollars(tex(expr))

    def formula(self, formula: Formula) -> str:
        return self.dollars(formula.latex)

    def dollars(self, latex: str) -> str:
        return f"${latex}$"


class LatexRenderer(NotesRenderer):
    """``standalone``: a whole document rather than a fragment.  ``math_only``: only the
    mathematics, as one ``$$\\begin{aligned}…\\end{aligned}$$`` with a line per step (and the
    result), each annotated with its rule in a column of its own: for Jupyter's MathJax, which
    has no ``\\tag*`` in ``aligned`` and no text paragraphs between rows."""

    name = "latex"
    options = {"standalone": False, "math_only": False}

    # --- inline ---------------------------------------------------------------------------

    def text(self, text: str) -> str:
        return escape(text)

    def dollars(self, latex: str) -> str:
        return f"${breakable(latex)}$"

    # --- the document ---------------------------------------------------------------------

    def render(self, document: Document) -> str:
        """Blocks in order; the steps are numbered through the whole document."""
        self.outline = Outline()
        if self.math_only:
            return self._math_only(document)
        pieces = [self.render_title(document)]
        group: list[Equation] = []          # consecutive equations share one align*
        for block in document.blocks:
            if isinstance(block, Equation) and (not group or not block.label):
                group.append(block)
                continue
            if group:
                pieces.append(self._display([r for e in group for r in self._rows(e, self.outline)]))
                group = []
            if isinstance(block, Equation):
                group.append(block)
            else:
                pieces.append(self.render_block(block))
        if group:
            pieces.append(self._display([r for e in group for r in self._rows(e, self.outline)]))
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
        self.outline = Outline()          # each section numbers its steps from 1
        command = {1: "section", 2: "subsection"}.get(block.level, "subsubsection")
        return rf"\{command}*{{{self.parts(block.parts)}}}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return _pad(block.depth) + self.parts(block.parts)

    def _render_Note(self, block: Note) -> str:
        return _pad(block.depth) + self._note(block)

    def _note(self, block: Note) -> str:
        style = r"\textbf" if block.kind.stands_out else r"\emph"
        return rf"{style}{{{self.parts(block.parts)}}}"

    def _render_Tree(self, block: Tree) -> str:
        lines = [rf"\textbf{{{self.parts(block.title)}}}"]
        for node, depth in block.root.walk():
            mark = r"$\bullet$" if depth == 0 else r"$\triangleright$"
            lines.append(rf"{_pad(depth + 1)}{mark}~{self.parts(node.parts)}")
        return "\\\\\n".join(lines)

    def _render_RuleStep(self, block: RuleStep) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Equation(self, block: Equation) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Cases(self, block: Cases) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Result(self, block: Result) -> str:
        chain = " = ".join(tex(e) for e in block.chain)
        lines = [rf"\textbf{{{self.parts(block.title)}}}", rf"\[ \boxed{{{chain}}} \]"]
        if block.verdict:
            mark = r"$\checkmark$" if block.verified else r"$\times$"
            lines.append(f"{mark}~{self.parts(block.verdict)}")
        return "\n".join(lines)

    # --- the steps: a paragraph and a display each ------------------------------------------

    def _display(self, rows: list[tuple[str, str]]) -> str:
        """Text rows as paragraphs, each run of math rows as one ``align*``."""
        pieces: list[str] = []
        math: list[str] = []
        for kind, content in rows + [("text", "")]:
            if kind == "math":
                math.append(content)
                continue
            if math:
                pieces.append("\\begin{align*}\n" + " \\\\\n".join(math) + "\n\\end{align*}")
                math = []
            if content:
                pieces.append(content)
        return "\n".join(pieces)

    def _rows(self, block, outline: Outline) -> list[tuple[str, str]]:
        if isinstance(block, RuleStep):
            number = outline.next(block.depth)
            pad = _pad(block.depth)
            title = self.parts(block.title)
            if block.equation:
                return [("text", rf"{pad}\textbf{{{number}}}\quad {self.parts(block.parts)}"),
                        ("math", self._lines(block.equation, self._tag(title)))]
            outline.remember(block.depth, title)
            heading = self.parts(block.heading)
            return [("text", rf"{pad}\textbf{{{number}\quad {heading}}} {self.parts(block.parts)}")]
        if isinstance(block, Equation):
            rows = [("text", _pad(block.depth) + self.parts(block.label))] if block.label else []
            rows.append(("math", self._lines(block.chain,
                                             self._tag(outline.title_at(block.depth) or ""))))
            return rows
        if isinstance(block, Cases):
            # each case's working on a line of its own, labelled by its condition, then the
            # summary: lhs = { result if condition, … }
            rows = [("math", self._lines(case.chain, self._tag(math_parts(case.condition), True)))
                    for case in block.cases]
            cases = r" \\ ".join(f"{tex(case.chain[-1])} & {math_parts(case.condition)}"
                                  for case in block.cases)
            rows.append(("math", rf"{tex(block.lhs)} &= \begin{{cases}} {cases} \end{{cases}}"))
            return rows
        if isinstance(block, Note):
            return [("text", _pad(block.depth) + self._note(block))]
        raise NotImplementedError(f"LatexRenderer cannot place {type(block).__name__} in a step")

    def _math_only(self, document: Document) -> str:
        rows = []
        for block in document.blocks:
            if isinstance(block, (RuleStep, Equation, Cases)):
                rows.extend(content for kind, content in self._rows(block, self.outline)
                            if kind == "math")
            elif isinstance(block, Result):
                rows.append(self._lines(block.chain, self._tag(self.parts(block.title))))
        return "$$\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}$$"

    def _tag(self, annotation: str, math: bool = False) -> str:
        """The rule's name at the right margin (``\\tag*``), or, in ``math_only`` mode
        (MathJax's ``aligned``), in a column of its own."""
        if not annotation:
            return ""
        if self.math_only:
            return f"&& {annotation}" if math else rf"&& \text{{{annotation}}}"
        return rf"\tag*{{${annotation}$}}" if math else rf"\tag*{{{annotation}}}"

    def _lines(self, chain, tag: str = "") -> str:
        """``lhs &= a = b`` as align rows, broken before an ``=`` where the line is full."""
        first, *rest = distinct([tex(e) for e in chain])
        if not rest:
            return f"{first} & {tag}".rstrip()
        widths = [estimate_width(f) for f in (first, *rest)]
        if widths[0] + widths[1] > LINE_WIDTH and widths[0] > LINE_WIDTH / 3:
            # the left side alone on the first line; the forms follow, indented
            lines = [rf"& {first} {tag}".rstrip()]
            lines += [rf"&\qquad = {form}" for form in rest]
            return " \\\\\n".join(lines)
        lines, used = [f"{first} &= {rest[0]}"], widths[0] + widths[1]
        for form, width in zip(rest[1:], widths[2:]):
            if used + width + 2 > LINE_WIDTH:
                lines.append(f"&= {form}")
                used = widths[0] + width
            else:
                lines[-1] += f" = {form}"
                used += width + 2
        lines[0] = f"{lines[0]} {tag}".rstrip()
        return " \\\\\n".join(lines)
