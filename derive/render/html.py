"""One self-contained web page: HTML with the mathematics as MathML, no script, no network.

The page carries its own style sheet (light and dark colour schemes, from the reader's
preference), asks for a math font the reader's system has (Latin Modern Math, STIX Two Math, the
browser's ``math``) and, for Chinese, the Noto CJK fonts with strict line breaking.  Formulas are
printed by :mod:`derive.render.mathml`.  A displayed chain ``lhs = a = b`` wider than its column
is broken by :mod:`derive.render.linebreak` (widths from :mod:`derive.render.mathwidth`) and laid
out as a grid: the left side in the first column, each line of right-hand sides in the second,
continued sums and products further in.  Inline formulas too wide for a line are cut at their
top-level operators into several ``<math>`` elements, between which the browser may wrap.

To support a new block type, add ``_render_<Block>`` returning an HTML fragment.  To change the
look, edit :data:`STYLE` (the page has no other styling).
"""

from __future__ import annotations

import html
from xml.dom.minidom import Element

from sympy import Basic, Derivative, Expr, Symbol, fraction

from ..narrate.document import (Cases, Document, Equation, Formula, Graph, Heading, Math, Note,
                                Paragraph, Parts, Result, RuleStep, Table, Tree, TreeNode)
from ..notation import ShownFraction, distinct
from .base import Renderer, gap
from .graphs import svg
from .linebreak import EQUALS_MINUS, MINUS, TIMES, Layout, Piece, break_chain, break_expression
from .mathml import DOT, INVISIBLE_TIMES, MathMLPrinter, math_element, plain_mathml
from .mathtext import inline
from .mathwidth import Metrics
from .outline import Outline

# the column of the page, in em of the text: 46 rem less its padding, and a margin for the
# estimates (they err wide, but a browser's math font may be wider than Latin Modern)
COLUMN_EM = 42.0
SAFETY = 0.9
INDENT_EM = 1.5         # each level of a derivation's nesting
MAX_INDENT = 6
INLINE_EM = 16.0        # inline mathematics wider than this is cut into pieces the browser wraps
LANG_TAGS = {"en": "en", "zh": "zh-Hans"}
HEADING_SCALE = {1: 2.0, 2: 1.5, 3: 1.17}     # the browsers' sizes of h1, h2, h3

STYLE = """\
:root { color-scheme: light dark; --text: #1d1d1f; --page: #ffffff; --muted: #5f6368;
  --rule: #d0d7de; --box: #f6f8fa; --accent: #0b57d0; --ok: #1a7f37; --bad: #c5221f; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --page: #16181c; --muted: #a0a6ad; --rule: #3b4048;
    --box: #1f2329; --accent: #8ab4f8; --ok: #7ee2a8; --bad: #f28b82; } }
* { box-sizing: border-box; }
html { background: var(--page); color: var(--text); }
body { margin: 0; font: 16px/1.6 "Latin Modern Roman", "STIX Two Text", Georgia, serif; }
body:lang(zh) { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun",
  serif; line-break: strict; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.3; }
:lang(zh) h1, :lang(zh) h2, :lang(zh) h3, :lang(zh) h4, :lang(zh) b {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif; }
math { font-family: "Latin Modern Math", "STIX Two Math", "TeX Gyre Pagella Math", math; }
.display { margin: 0.4em 0 0.8em; padding: 0.15em 0; overflow-x: auto; overflow-y: hidden;
  text-align: center; }
.chain { display: inline-grid; grid-template-columns: max-content max-content;
  column-gap: 0.3em; row-gap: 0.2em; text-align: left; }
.chain .alone { grid-column: 1 / span 2; }
mtable.rows > mtr > mtd { text-align: left; }
.chain .go1 { padding-left: 1.5em; } .chain .go2 { padding-left: 3em; }
.chain .go3 { padding-left: 4.5em; } .chain .go4 { padding-left: 6em; }
.step-head { margin-bottom: 0.2em; }
.number { font-weight: bold; margin-right: 0.4em; }
.note { color: var(--muted); font-style: italic; }
:lang(zh) .note { font-style: normal; }
.note.stands-out { color: var(--bad); font-style: normal; font-weight: bold; }
.tree ul { margin: 0.2em 0; padding-left: 1.4em; }
.result { border: 1px solid var(--rule); background: var(--box); border-radius: 6px;
  padding: 0.2em 1em; margin: 1em 0; }
.verdict.ok { color: var(--ok); } .verdict.bad { color: var(--bad); }
nav ol { padding-left: 1.6em; }
.table { overflow-x: auto; margin: 0.5em 0 1em; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.2em 0.8em; text-align: left; }
.figure { margin: 0.5em 0 1em; text-align: center; }
svg.graph { max-width: 100%; height: auto; color: var(--text); }
svg.graph .node { fill: var(--box); stroke: currentColor; }
svg.graph text { fill: currentColor; }
svg.graph .edge { font-style: italic; paint-order: stroke; stroke: var(--page); stroke-width: 4px; }
a { color: var(--accent); }
""" + "\n".join(f".d{k} {{ margin-left: {k * INDENT_EM:g}em; }}" for k in range(1, MAX_INDENT + 1)) \
    + "\n"

_TEXT_OPS = {"=": "=", "+": "+", MINUS: MINUS, TIMES: DOT, EQUALS_MINUS: "=" + MINUS, "": ""}


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def _depth(depth: int) -> str:
    return f' class="d{min(depth, MAX_INDENT)}"' if depth else ""


def _signature(node: Element) -> str:
    """What ``node`` shows, without the grouping of ``mrow`` (and with ``⁢`` and ``·`` alike):
    two printings with the same signature look the same."""
    if node.nodeType == node.TEXT_NODE:
        return node.data.replace(INVISIBLE_TIMES, DOT)
    inner = "".join(_signature(c) for c in node.childNodes)
    if node.tagName == "mrow":
        return inner
    return f"<{node.tagName}>{inner}</{node.tagName}>"


class MathMLLines:
    """Where a chain breaks, for a column ``width`` em wide, and each line as MathML."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.printer = MathMLPrinter()
        self.metrics = Metrics(self.printer)
        self.order_terms = self.printer._as_ordered_terms

    def element(self, expr: Basic) -> Element:
        return self.printer.element(expr)

    def accept(self, expr: Basic, parts: list[Piece]) -> bool:
        """Whether ``parts``, printed and joined, show what ``expr`` printed whole shows."""
        return _signature(self.joined(parts)) == _signature(self.element(expr))

    def joined(self, pieces, start: bool = False) -> Element:
        """The pieces in one ``mrow`` with their operators (and the brackets a piece opens or
        closes); a product's factors are joined by invisible times except at a line's start."""
        printer = self.printer
        row = printer.node("mrow")
        for k, piece in enumerate(pieces):
            op = piece.op
            if op == TIMES and not (start and k == 0):
                row.appendChild(printer.times(row, self.element(piece.expr)))
            elif op:
                # an operator that starts a line or a piece keeps its spacing as a binary one
                spacing = {"form": "infix"} if start and k == 0 else {}
                for character in _TEXT_OPS[op]:
                    row.appendChild(printer.mo(character, **spacing))
            for _ in range(piece.before.count("(")):
                row.appendChild(printer.mo("("))
            row.appendChild(self.element(piece.expr))
            for _ in range(piece.after.count(")")):
                row.appendChild(printer.mo(")"))
        return row

    def layout(self, chain, width: float | None = None) -> Layout:
        return break_chain(tuple(chain), self.width if width is None else width, self.metrics,
                           self.order_terms, accept=self.accept)

    def fitted(self, expr: Basic, room: float) -> Element:
        """``expr``; a fraction wider than ``room`` (or ``d/dx`` of one, or its negative) keeps
        its bar and has its numerator broken into left-aligned rows."""
        whole = self.element(expr)
        if self.metrics.width(expr) <= room:
            return whole
        body, prefix = expr, []
        if isinstance(expr, Derivative):
            body = expr.expr
            prefix = [self.element(Derivative(Symbol("f"), *expr.variable_count))
                      .getElementsByTagName("mfrac")[0]]
        elif isinstance(expr, Expr) and expr.could_extract_minus_sign():
            body, prefix = -expr, [self.printer.mo(MINUS)]
        if isinstance(body, ShownFraction):          # a fraction kept as the rule wrote it
            numerator, denominator = body.args
        else:
            numerator, denominator = fraction(body)
        if denominator == 1:
            return whole
        printer = self.printer
        rebuilt = printer.node("mrow", *prefix, printer.node(
            "mfrac", self.element(numerator), self.element(denominator)))
        if _signature(rebuilt) != _signature(whole):
            return whole
        layout = break_expression(numerator, room - self.metrics.width(denominator) * 0,
                                  self.metrics, self.order_terms, accept=self.accept)
        if not layout.broken:
            return whole
        rows = printer.node("mtable", **{"class": "rows"})
        for k, line in enumerate(layout.lines):
            indent = [printer.node("mspace", width=f"{line.indent + (k > 0)}em")] if k else []
            rows.appendChild(printer.node("mtr", printer.node(
                "mtd", printer.node("mrow", *indent, self.joined(line.pieces, start=True)))))
        return printer.node("mrow", *(p.cloneNode(True) for p in prefix),
                            printer.node("mfrac", rows, self.element(denominator)))

    def pieces(self, expr: Basic, width: float) -> list[Element]:
        """An inline formula cut into pieces of about ``width`` em (one piece when it fits)."""
        layout = break_expression(expr, width, self.metrics, self.order_terms, accept=self.accept)
        if not layout.broken:
            return [self.element(expr)]
        return [self.joined(line.pieces, start=True) for line in layout.lines]


class HtmlRenderer(Renderer):
    """A whole page; ``fragment=True``: only what goes inside ``<main>`` (for a sheet)."""

    name = "html"
    options = {"fragment": False}

    lang = "en"

    def begin(self, document: Document) -> None:
        self.lang = document.lang
        self.outline = Outline()
        self.lines = MathMLLines(COLUMN_EM * SAFETY)

    def render(self, document: Document) -> str:
        self.begin(document)
        return super().render(document)

    # --- inline ---------------------------------------------------------------------------

    def text(self, text: str) -> str:
        return escape(text)

    def typed(self, text: str) -> str:
        return f"<code>{escape(text)}</code>"

    scale = 1.0              # the size of the text around inline maths (a heading's is larger)

    def math(self, expr) -> str:
        """Inline maths; wider than :data:`INLINE_EM` it is cut between terms (the browser
        wraps between the pieces), and a fraction wider than the column is broken."""
        size = self.lines.metrics.width(expr) * self.scale
        if size <= INLINE_EM:
            pieces = [self.lines.element(expr)]
        else:
            pieces = self.lines.pieces(expr, INLINE_EM / self.scale)
            if len(pieces) == 1 and size > self.lines.width:
                pieces = [self.lines.fitted(expr, self.lines.width / self.scale)]
        return " ".join(math_element(self.lines.printer, piece) for piece in pieces)

    def formula(self, formula: Formula) -> str:
        return math_element(self.lines.printer, plain_mathml(self.lines.printer, formula.text))

    def heading(self, parts: Parts, scale: float = 1.0) -> str:
        """``parts`` for a heading whose text is ``scale`` times the body's."""
        self.scale = scale
        try:
            return self.parts(parts)
        finally:
            self.scale = 1.0

    # --- the page ---------------------------------------------------------------------------

    def render_title(self, document: Document) -> str:
        return f"<h1>{self.heading(document.title, HEADING_SCALE[1])}</h1>"

    def join(self, pieces, document: Document) -> str:
        body = "\n".join(p for p in pieces if p) + "\n"
        if self.fragment:
            return body
        title = escape(plain_title(document.title))
        return page(title, body, document.lang)

    # --- blocks -----------------------------------------------------------------------------

    def _render_Heading(self, block: Heading) -> str:
        self.outline = Outline()
        level = min(block.level + 1, 6)
        return f"<h{level}>{self.heading(block.parts, HEADING_SCALE.get(level, 1.0))}</h{level}>"

    def _render_Paragraph(self, block: Paragraph) -> str:
        return f"<p{_depth(block.depth)}>{self.parts(block.parts)}</p>"

    def _render_Note(self, block: Note) -> str:
        kind = " stands-out" if block.kind.stands_out else ""
        mark = self.parts(block.mark)
        text = mark + gap(mark) + self.parts(block.parts) if mark else self.parts(block.parts)
        depth = f" d{min(block.depth, MAX_INDENT)}" if block.depth else ""
        return f'<p class="note {block.kind.value}{kind}{depth}">{text}</p>'

    def _render_Tree(self, block: Tree) -> str:
        return (f'<div class="tree"><p><b>{self.parts(block.title)}</b></p>\n'
                f"{self._tree(block.root)}\n</div>")

    def _tree(self, root: TreeNode) -> str:
        """Nested lists, built without recursion (trees follow an expression's nesting)."""
        out: list[str] = []
        previous = -1
        for node, depth in root.walk():
            if depth > previous:
                out.append("<ul>" * (depth - previous))
            else:
                out.append("</li>" + "</ul></li>" * (previous - depth))
            out.append(f"<li>{self.parts(node.parts)}")
            previous = depth
        out.append("</li>" + "</ul></li>" * previous + "</ul>")
        return "".join(out)

    def _render_RuleStep(self, block: RuleStep) -> str:
        number = self.outline.next(block.depth)
        heading = self.parts(block.heading)
        text = (f'<p class="step-head"><span class="number">{number}</span><b>{heading}</b>'
                f"{gap(heading)}{self.parts(block.parts)}</p>")
        equation = self.display(block.equation, block.depth) if block.equation else ""
        return f"<div{_depth(block.depth)}>\n{text}\n{equation}</div>"

    def _render_Equation(self, block: Equation) -> str:
        label = f"<p>{self.parts(block.label)}</p>\n" if block.label else ""
        return f"<div{_depth(block.depth)}>\n{label}{self.display(block.chain, block.depth)}</div>"

    def _render_Cases(self, block: Cases) -> str:
        printer = self.lines.printer
        chunks = []
        for case in block.cases:
            condition = self.parts(case.condition) + self.parts(block.colon)
            chunks.append(f"<p><b>{condition.strip()}</b></p>\n"
                          + self.display(case.chain, block.depth))
        rows = printer.node("mtable")
        for case in block.cases:
            rows.appendChild(printer.node(
                "mtr", printer.node("mtd", self.lines.element(case.chain[-1]), columnalign="left"),
                printer.node("mtd", self.math_parts(case.condition), columnalign="left")))
        summary = printer.node("mrow", self.lines.element(block.lhs), printer.mo("="),
                               printer.mo("{", stretchy="true"), rows)
        chunks.append(f'<div class="display">{math_element(printer, summary, display=True)}</div>')
        return f"<div{_depth(block.depth)}>\n" + "\n".join(chunks) + "\n</div>"

    def _render_Result(self, block: Result) -> str:
        lines = [f'<div class="result">', f"<p><b>{self.parts(block.title)}</b></p>",
                 self.display(block.chain, 0).rstrip()]
        if block.verdict:
            ok = "ok" if block.verified else "bad"
            mark = "✓" if block.verified else "✗"
            lines.append(f'<p class="verdict {ok}">{mark} {self.parts(block.verdict)}</p>')
        lines.append("</div>")
        return "\n".join(lines)

    def _render_Table(self, block: Table) -> str:
        title = f"<p><b>{self.parts(block.title)}</b></p>\n" if block.title else ""
        head = "".join(f"<th>{self.parts(cell)}</th>" for cell in block.header)
        rows = "\n".join("<tr>" + "".join(f"<td>{self.parts(cell)}</td>" for cell in row)
                         + "</tr>" for row in block.rows)
        return (f'{title}<div class="table"><table>\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{rows}\n</tbody>\n</table></div>")

    def _render_Graph(self, block: Graph) -> str:
        """An SVG drawing (labels in plain unicode, as a diagram's are in every format)."""
        title = f"<p><b>{self.parts(block.title)}</b></p>\n" if block.title else ""
        return f'{title}<div class="figure">{svg(block, plain_title)}</div>'

    # --- displayed formulas ---------------------------------------------------------------

    def math_parts(self, parts: Parts) -> Element:
        """Inline parts inside MathML: formulas as they are, words in ``mtext``."""
        printer = self.lines.printer
        row = printer.node("mrow")
        for part in parts:
            if isinstance(part, Math):
                row.appendChild(self.lines.element(part.expr))
            elif isinstance(part, Formula):
                row.appendChild(plain_mathml(printer, part.text))
            elif part.strip():
                row.appendChild(printer.node("mtext", text=part.strip()))
        return row

    def display(self, chain, depth: int) -> str:
        """``lhs = a = b`` on one line, or broken into a grid of lines, for the column left at
        ``depth``."""
        printer = self.lines.printer
        kept = distinct(list(chain), key=lambda e: self.lines.element(e).toxml())
        room = self.lines.width - INDENT_EM * min(depth, MAX_INDENT)
        if len(kept) == 1:
            return (f'<div class="display">'
                    f"{math_element(printer, self.lines.element(kept[0]), display=True)}</div>\n")
        layout = self.lines.layout(kept, room)
        if not layout.broken:
            whole = self.lines.joined([Piece("", layout.lhs), *layout.lines[0].pieces])
            return f'<div class="display">{math_element(printer, whole, display=True)}</div>\n'
        cells = []
        if layout.lhs_alone:
            cells.append(f'<div class="alone">{self._cell(self.lines.fitted(layout.lhs, room))}</div>')
            for line in layout.lines:
                inner = room - INDENT_EM * (line.indent + 1)
                cells.append(f'<div class="alone go{min(line.indent + 1, 4)}">'
                             f"{self._cell(self._line(line, inner))}</div>")
        else:
            lhs = self._cell(self.lines.element(layout.lhs))
            beside = room - self.lines.metrics.width(layout.lhs)
            first, *rest = layout.lines
            cells.append(f"<div>{lhs}</div><div>{self._cell(self._line(first, beside))}</div>")
            for line in rest:
                go = f' class="go{min(line.indent, 4)}"' if line.indent else ""
                cells.append(f"<div></div><div{go}>"
                             f"{self._cell(self._line(line, beside - INDENT_EM * line.indent))}</div>")
        return '<div class="display"><div class="chain">\n' + "\n".join(cells) + "\n</div></div>\n"

    def _line(self, line, room: float) -> Element:
        """One line of a broken chain; a lone fraction still too wide has its numerator broken."""
        if len(line.pieces) == 1 and not (line.pieces[0].before or line.pieces[0].after):
            piece = line.pieces[0]
            printer = self.lines.printer
            row = printer.node("mrow")
            for character in _TEXT_OPS[piece.op]:
                row.appendChild(printer.mo(character, form="infix"))
            row.appendChild(self.lines.fitted(piece.expr, room - self.lines.metrics.operator(piece.op)))
            return row
        return self.lines.joined(line.pieces, start=True)

    def _cell(self, content: Element) -> str:
        printer = self.lines.printer
        return math_element(printer, printer.node("mstyle", content, displaystyle="true"))


def plain_title(parts: Parts) -> str:
    """A title as plain text, for the page's ``<title>``."""
    return "".join(inline(p.expr) if isinstance(p, Math) else p.text if isinstance(p, Formula)
                   else p for p in parts)


def page(title: str, body: str, lang: str) -> str:
    """A whole HTML page around ``body`` (which goes inside ``<main>``)."""
    return (f'<!DOCTYPE html>\n<html lang="{LANG_TAGS.get(lang, lang)}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="color-scheme" content="light dark">\n'
            f"<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"{body}</main>\n</body>\n</html>\n")

