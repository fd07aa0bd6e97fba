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

from ..narrate.document import (Cases, Document, Equation, Formula, Graph, Heading, Math, Note,
                                Paragraph, Parts, Result, RuleStep, Table, Tree)
from ..notation import distinct
from ..notation.letters import GREEK, greek_command
from .base import Renderer, gap
from .graphs import tikz
from .mathlatex import tex
from .mathtext import inline
from . import texwidth
from .latexbreak import COLUMN_EM, LatexLines
from .outline import Outline

# the width of the text, in em of the body font: a default article (10 pt; 10.5 pt with ctex)
# for a fragment, derive's own preamble (11 pt, 2.5 cm margins) for a standalone document
TEXT_WIDTH_PT = {False: 345.0, True: 472.0}
FONT_PT = {(False, "en"): 10.0, (False, "zh"): 10.54, (True, "en"): 10.95, (True, "zh"): 10.95}
SAFETY = 0.92           # the estimates of texwidth are up to 8% short of TeX's widths
BREAKABLE = 15.0        # inline mathematics wider than this (em) may break inside brackets


def line_width(lang: str, standalone: bool) -> float:
    """The width (em) that a displayed formula may take."""
    font = FONT_PT.get((standalone, lang), FONT_PT[(standalone, "en")])
    return SAFETY * TEXT_WIDTH_PT[standalone] / font


INDENT_EM = 2          # whole Chinese characters: a paragraph stays on the character grid
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
    "→": r"$\to$", "′": r"$'$", "…": r"\ldots{}", "——": "——", "—": "---", "–": "--", "✓": r"$\checkmark$",
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


# paragraphs without indentation (steps are indented by depth), a little space between them,
# and room for TeX to stretch a line of prose rather than let a formula stick out
_LAYOUT = r"""\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6\baselineskip}
\setlength{\emergencystretch}{3em}"""

_COMMON = r"""\usepackage{amsmath,amssymb}
\usepackage[margin=2.5cm]{geometry}
\allowdisplaybreaks
""" + _LAYOUT + "\n"

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
# a document with a graph draws it with TikZ (Debian: texlive-pictures); a fragment with a graph
# needs the same line in the document it is pasted into
PICTURES = "\\usepackage{tikz}\n"
# how a note is set apart: Chinese has no italics (and italic digits in upright Chinese read
# badly), so its notes are in the sans-serif face
EMPHASIS = {"zh": r"\textsf"}


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
    if texwidth.width(latex, display=False) <= BREAKABLE:
        return latex
    return (latex.replace(r"\left(", r"\bigl(").replace(r"\right)", r"\bigr)")
            .replace(r"\left[", r"\bigl[").replace(r"\right]", r"\bigr]"))


_FRAC = r"\frac{"


def _group_end(latex: str, start: int) -> int:
    """The index just after the brace group that opens at ``start``."""
    depth = 0
    for k in range(start, len(latex)):
        depth += {"{": 1, "}": -1}.get(latex[k], 0) if latex[k - 1:k] != "\\" or k == 0 else 0
        if depth == 0:
            return k + 1
    return len(latex)


def _top_level(latex: str) -> str:
    """``latex`` with every brace group emptied: what is left is at the top level."""
    out, depth = [], 0
    for c in latex:
        depth += c == "{"
        if depth == 0:
            out.append(c)
        depth -= c == "}"
    return "".join(out)


def _slashed(part: str, numerator: bool) -> str:
    """A numerator or denominator beside a slash, bracketed unless it is a single atom (a
    denominator) or has no sum at its top level (a numerator); ``d x``, ``\\partial x`` stay."""
    top = _top_level(part.replace(r"\left(", "{").replace(r"\right)", "}")).strip()
    if re.fullmatch(r"(d|\\partial) ?[A-Za-z0-9_{}\\]+", part.strip()):
        return part
    compound = re.search(r"(?<!^)[+\-]|\\cdot", top) if numerator else re.search(r"[\s+\-]|\\cdot", top)
    return f"({part})" if compound else part


def inline_friendly(latex: str) -> str:
    r"""Mathematics for a heading: ``\frac{a}{b}`` as ``a/b`` (bracketed where needed) and plain
    brackets instead of ``\left(…\right)``, so that a heading keeps the height of its text and
    TeX can break a long formula inside brackets."""
    while _FRAC in latex:
        start = latex.rindex(_FRAC)
        top_end = _group_end(latex, start + len(_FRAC) - 1)
        bottom_end = _group_end(latex, top_end)
        top = latex[start + len(_FRAC):top_end - 1]
        bottom = latex[top_end + 1:bottom_end - 1]
        latex = (latex[:start] + _slashed(top, True) + "/" + _slashed(bottom, False)
                 + latex[bottom_end:])
    for sized, plain in ((r"\left(", "("), (r"\right)", ")"), (r"\left[", "["), (r"\right]", "]")):
        latex = latex.replace(sized, plain)
    return latex


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


def _pad(depth: int) -> str:
    depth = min(depth, MAX_INDENT)
    return rf"\hspace*{{{depth * INDENT_EM:g}em}}" if depth else ""


class NotesRenderer(Renderer):
    """What the two note formats share: steps numbered ``1.2.1`` by an :class:`Outline` (from 1
    in each document), a relation ``u = x²`` merged into one formula, mathematics in dollars
    (:meth:`dollars`), long formulas broken into rows for the width of :meth:`line_width`."""

    in_heading = False

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.outline = Outline()
        self.lines = LatexLines(self.line_width("en"))

    def line_width(self, lang: str) -> float:
        """The width (em) a displayed formula may take in a document in ``lang``."""
        raise NotImplementedError

    lang = "en"

    def begin(self, document: Document) -> None:
        """Get ready for ``document``: step numbers from 1, its line width."""
        self.lang = document.lang
        self.outline = Outline()
        self.lines = LatexLines(self.line_width(document.lang))

    def render(self, document: Document) -> str:
        self.begin(document)
        return super().render(document)

    def chain_tex(self, chain, width: float | None = None) -> str:
        """``lhs = a = b`` on one line, or as the rows of an ``aligned`` when it is too wide."""
        rows = self.lines.rows(chain, width=width, align=False)
        if len(rows) == 1:
            return rows[0]
        return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"

    def parts(self, parts: Parts) -> str:
        return "".join(self.inline(p) for p in merge_math(parts))

    def math(self, expr) -> str:
        return self.dollars(tex(expr))

    def formula(self, formula: Formula) -> str:
        return self.dollars(formula.latex)

    def dollars(self, latex: str) -> str:
        return f"${inline_friendly(latex) if self.in_heading else latex}$"

    def heading(self, parts: Parts) -> str:
        """``parts`` for a heading: its mathematics :func:`inline_friendly`."""
        self.in_heading = True
        try:
            return self.parts(parts)
        finally:
            self.in_heading = False


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

    def typed(self, text: str) -> str:
        return rf"\texttt{{{escape(text)}}}"

    def dollars(self, latex: str) -> str:
        return f"${inline_friendly(latex) if self.in_heading else breakable(latex)}$"

    # --- the document ---------------------------------------------------------------------

    def line_width(self, lang: str) -> float:
        if self.math_only:                 # in a notebook: as wide as Markdown's column
            return COLUMN_EM
        return line_width(lang, self.standalone)

    def render(self, document: Document) -> str:
        """Blocks in order; the steps are numbered through the whole document."""
        self.begin(document)
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
        return rf"\section*{{{self.heading(document.title)}}}"

    def join(self, pieces, document: Document) -> str:
        body = "\n\n".join(p for p in pieces if p) + "\n"
        if not self.standalone:
            # the layout the notes are made for, kept to the fragment by a group
            return f"\\begingroup\n{_LAYOUT}\n{body}\\endgroup\n"
        preamble = PREAMBLES.get(document.lang, PREAMBLES["en"])
        if any(isinstance(block, Graph) for block in document.blocks):
            preamble += PICTURES
        engine = ENGINES.get(document.lang, "pdflatex")
        return (f"% {engine}: a derivation explained by derive\n{preamble}"
                f"\\begin{{document}}\n\n{body}\n\\end{{document}}\n")

    # --- blocks that stand alone ----------------------------------------------------------

    def _render_Heading(self, block: Heading) -> str:
        self.outline = Outline()          # each section numbers its steps from 1
        command = {1: "section", 2: "subsection"}.get(block.level, "subsubsection")
        return rf"\{command}*{{{self.heading(block.parts)}}}"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return _pad(block.depth) + self.parts(block.parts)

    def _render_Note(self, block: Note) -> str:
        return _pad(block.depth) + self._note(block)

    def _note(self, block: Note) -> str:
        style = r"\textbf" if block.kind.stands_out else EMPHASIS.get(self.lang, r"\emph")
        return rf"{style}{{{self.parts(block.parts)}}}"

    def _render_Tree(self, block: Tree) -> str:
        lines = [rf"\textbf{{{self.parts(block.title)}}}"]
        for node, depth in block.root.walk():
            mark = r"$\bullet$" if depth == 0 else r"$\triangleright$"
            lines.append(rf"{_pad(depth + 1)}{mark}~{self.parts(node.parts)}")
        return "\\\\\n".join(lines)

    def _render_Graph(self, block: Graph) -> str:
        """A TikZ picture (``\\usepackage{tikz}``), centred, scaled down to the line."""
        title = rf"\textbf{{{self.parts(block.title)}}}" + "\n\n" if block.title else ""
        return title + "\\begin{center}\n" + tikz(block, self.parts) + "\n\\end{center}"

    def _render_Table(self, block: Table) -> str:
        columns = len(block.header)
        lines = [rf"\textbf{{{self.parts(block.title)}}}", ""] if block.title else []
        lines += [r"\begin{center}", rf"\begin{{tabular}}{{{'l' * columns}}}", r"\hline",
                  " & ".join(self.parts(cell) for cell in block.header) + r" \\", r"\hline"]
        lines += [" & ".join(self.parts(cell) for cell in row) + r" \\" for row in block.rows]
        lines += [r"\hline", r"\end{tabular}", r"\end{center}"]
        return "\n".join(lines)

    def _render_RuleStep(self, block: RuleStep) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Equation(self, block: Equation) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Cases(self, block: Cases) -> str:
        return self._display(self._rows(block, self.outline))

    def _render_Result(self, block: Result) -> str:
        lines = [rf"\textbf{{{self.parts(block.title)}}}", rf"\[ \boxed{{{self.chain_tex(block.chain, self.lines.width - texwidth.BOX)}}} \]"]
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
            return [("text", rf"{pad}\textbf{{{number}\quad {heading}}}{gap(heading)}"
                             + self.parts(block.parts))]
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
        """``lhs &= a = b`` as ``align*`` rows, broken where the line is full
        (:class:`~derive.render.latexbreak.LatexLines`)."""
        return " \\\\\n".join(self.lines.rows(chain, tag))
