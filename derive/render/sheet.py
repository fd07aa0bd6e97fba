r"""Worked-solution sheets: every problem's solution in one document, and the answer key.

A sheet is rendered in two stages so that problems can be rendered in parallel processes:
:meth:`SheetLayout.piece` turns one :class:`~derive.narrate.sheet.Entry` into a :class:`Piece`
(strings only: its heading, its section, its line of the key), and :meth:`SheetLayout.assemble`
puts the pieces, in problem order, into the document.  Each piece depends on its entry alone,
so the sheet is the same bytes however many processes rendered it.

* LaTeX: a standalone document (``pdflatex``; ``xelatex`` with ``ctexart`` for Chinese) with a
  contents list, a numbered ``\section`` per problem, its own headings one level down, and the
  key at the end, each answer ``lhs = answer`` broken to the width as every formula is;
* Markdown: the same outline with ``#`` headings and a numbered contents list;
* HTML: one page, its contents list linking to each problem's section (MathML, no script);
* JSON lines: one object per problem (``problem``, ``title``, ``status``, the result's own JSON
  in ``result`` and the check of an answer given in ``check``, or ``error``).

To lay sheets out in another format: a :class:`SheetLayout` subclass registered in
:data:`LAYOUTS`, whose renderer draws a problem's Document without its title.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import ClassVar

from ..errors import UsageError
from ..narrate.document import Document, Heading, Parts
from ..narrate.sheet import Entry, Frame, failed_in_key, failure_note, unanswered
from .html import HtmlRenderer, escape, page, plain_title
from .latex import ENGINES, PREAMBLES, LatexRenderer
from .markdown import MarkdownRenderer, display
from .text import TextRenderer


@dataclass(frozen=True)
class Piece:
    """One problem, rendered: its ``heading`` as the format writes it (for the contents),
    its ``section`` (the solution), and its ``key`` (the final answers)."""

    number: int
    heading: str
    section: str
    key: str
    failed: bool = False


class SheetLayout:
    """How one format lays out a sheet; ``renderer`` draws a problem's blocks."""

    format: ClassVar[str] = ""
    body: ClassVar[type]                     # the renderer of a problem's blocks

    def __init__(self, lang: str = "en", answers_only: bool = False) -> None:
        self.lang = lang
        self.answers_only = answers_only

    def renderer(self):
        """A renderer of this format, ready for a problem in the sheet's language."""
        renderer = self.body()
        renderer.begin(Document((), (), self.lang))
        return renderer

    def piece(self, entry: Entry) -> Piece:
        renderer = self.renderer()
        heading = self.title(renderer, entry)
        if entry.failed:
            body = renderer.render(Document((), (failure_note(entry),), self.lang))
            key = self.key_line(renderer, entry, [renderer.parts(failed_in_key(self.lang))])
        else:
            body = renderer.render(entry.document)
            answers = [self.answer(renderer, (chain[0], chain[-1])) for chain in entry.answers]
            key = self.key_line(renderer, entry, answers or [renderer.parts(unanswered(self.lang))])
        section = "" if self.answers_only else self.section(entry, heading, body)
        return Piece(entry.number, heading, section, key, failed=entry.failed)

    def section(self, entry: Entry, heading: str, body: str) -> str:
        """A problem's section around its rendered ``body``."""
        return body

    def title(self, renderer, entry: Entry) -> str:
        """A problem's title as its heading shows it."""
        return renderer.heading(entry.title)

    def answer(self, renderer, chain) -> str:
        raise NotImplementedError

    def key_line(self, renderer, entry: Entry, answers: list[str]) -> str:
        raise NotImplementedError

    def assemble(self, frame: Frame, pieces: list[Piece]) -> str:
        raise NotImplementedError


# --- LaTeX --------------------------------------------------------------------------------------

class _InSheet:
    """A renderer of a problem's blocks: no title (the sheet heads the problem's section), and
    its headings one level below that section's (the highest at level ``least``)."""

    least = 1

    def render_title(self, document: Document) -> None:
        return None

    def _render_Heading(self, block: Heading) -> str:
        return super()._render_Heading(Heading(block.parts, max(block.level, self.least) + 1))


class _LatexBody(_InSheet, LatexRenderer):
    def __init__(self) -> None:
        super().__init__(standalone=True)

    def join(self, pieces, document: Document) -> str:
        return "\n\n".join(p for p in pieces if p) + "\n"


class LatexSheet(SheetLayout):
    format = "latex"

    body = _LatexBody

    def section(self, entry: Entry, heading: str, body: str) -> str:
        return f"\\section{{{heading}}}\n\n{body}"

    def answer(self, renderer: _LatexBody, chain) -> str:
        return "\\begin{align*}\n" + renderer._lines(chain) + "\n\\end{align*}"

    def key_line(self, renderer, entry: Entry, answers: list[str]) -> str:
        lead = f"\\textbf{{{entry.number}}}\\quad {renderer.heading(entry.title)}"
        text = [a for a in answers if not a.startswith("\\begin")]
        lead += "\\quad " + " ".join(text) if text else ""
        return "\n".join([lead, *(a for a in answers if a.startswith("\\begin"))])

    def assemble(self, frame: Frame, pieces: list[Piece]) -> str:
        renderer = self.renderer()
        title, key = renderer.heading(frame.title), renderer.heading(frame.key)
        preamble = PREAMBLES.get(self.lang, PREAMBLES["en"])
        # Chinese headings keep the Arabic numbers the answer key refers to
        numbers = "\\ctexset{section/name={,.},section/number=\\arabic{section}}\n" \
            if self.lang == "zh" else ""
        head = [f"% {ENGINES.get(self.lang, 'pdflatex')}: worked solutions by derive",
                preamble + numbers + f"\\renewcommand{{\\contentsname}}{{{renderer.heading(frame.contents)}}}",
                "\\begin{document}", "",
                f"\\begin{{center}}\\LARGE\\bfseries {title}\\end{{center}}", ""]
        if not self.answers_only:
            head += ["\\tableofcontents", ""]
        body = [p.section for p in pieces if p.section]
        keys = [f"\\section*{{{key}}}"
                + ("" if self.answers_only else f"\n\\addcontentsline{{toc}}{{section}}{{{key}}}"),
                *(p.key for p in pieces)]
        return "\n".join(head) + "\n".join(body) + "\n" + "\n\n".join(keys) + "\n\n\\end{document}\n"


# --- Markdown -----------------------------------------------------------------------------------

class _MarkdownBody(_InSheet, MarkdownRenderer):
    least = 2           # ``###`` below the problem's ``##``


class MarkdownSheet(SheetLayout):
    format = "markdown"

    body = _MarkdownBody

    def answer(self, renderer: _MarkdownBody, chain) -> str:
        return display(renderer._chain(chain))

    def key_line(self, renderer, entry: Entry, answers: list[str]) -> str:
        lead = f"**{entry.number}.** {renderer.heading(entry.title)}"
        text = [a for a in answers if not a.startswith("$$")]
        if text:
            lead += " — " + " ".join(text)
        return "\n\n".join([lead, *(a for a in answers if a.startswith("$$"))])

    def assemble(self, frame: Frame, pieces: list[Piece]) -> str:
        renderer = self.renderer()
        chunks = [f"# {renderer.heading(frame.title)}"]
        if not self.answers_only:
            chunks.append(f"## {renderer.heading(frame.contents)}")
            chunks.append("\n".join(f"{p.number}. {p.heading}" for p in pieces))
            chunks += [f"## {p.number}. {p.heading}\n\n{p.section.rstrip()}" for p in pieces]
            chunks.append(f"## {renderer.heading(frame.key)}")
        chunks += [p.key for p in pieces]
        return "\n\n".join(chunks) + "\n"


# --- HTML ---------------------------------------------------------------------------------------

class _HtmlBody(_InSheet, HtmlRenderer):
    def __init__(self) -> None:
        super().__init__(fragment=True)


class HtmlSheet(SheetLayout):
    """One page: a contents list linking to each problem's section, the key at the end."""

    format = "html"
    body = _HtmlBody

    def section(self, entry: Entry, heading: str, body: str) -> str:
        return (f'<section id="problem-{entry.number}">\n<h2>{entry.number}. {heading}</h2>\n'
                f"{body}</section>\n")

    def title(self, renderer: _HtmlBody, entry: Entry) -> str:
        return renderer.heading(entry.title, 1.5)          # an h2

    def answer(self, renderer: _HtmlBody, chain) -> str:
        return renderer.display(chain, 1)

    def key_line(self, renderer, entry: Entry, answers: list[str]) -> str:
        lead = f"<b>{entry.number}.</b> {renderer.heading(entry.title)}"
        text = [a for a in answers if not a.startswith("<div")]
        if text:
            lead += " — " + " ".join(text)
        return "\n".join([f"<p>{lead}</p>", *(a for a in answers if a.startswith("<div"))])

    def assemble(self, frame: Frame, pieces: list[Piece]) -> str:
        renderer = self.renderer()
        chunks = [f"<h1>{renderer.heading(frame.title, 2.0)}</h1>"]
        if not self.answers_only:
            items = "\n".join(f'<li><a href="#problem-{p.number}">{p.heading}</a></li>'
                               for p in pieces)
            chunks.append(f"<nav>\n<h2>{renderer.heading(frame.contents)}</h2>\n<ol>\n{items}\n"
                          f'<li class="key"><a href="#key">{renderer.heading(frame.key)}</a></li>\n'
                          f"</ol>\n</nav>")
            chunks += [p.section for p in pieces]
        keys = "\n".join(p.key for p in pieces)
        chunks.append(f'<section id="key">\n<h2>{renderer.heading(frame.key)}</h2>\n{keys}\n</section>')
        return page(escape(plain_title(frame.title)), "\n".join(chunks) + "\n", self.lang)


# --- JSON lines ---------------------------------------------------------------------------------

class JsonLinesSheet(SheetLayout):
    format = "json"

    def piece(self, entry: Entry) -> Piece:
        title = plain(entry.title)
        line = {"problem": entry.number, "title": title,
                "status": "failed" if entry.failed else "solved"}
        line.update(entry.data or {})
        return Piece(entry.number, title, "", json.dumps(line, ensure_ascii=False), entry.failed)

    def assemble(self, frame: Frame, pieces: list[Piece]) -> str:
        return "".join(p.key + "\n" for p in pieces)


def plain(parts: Parts) -> str:
    """Inline parts as one line of plain text."""
    return TextRenderer(width=10_000).parts(parts)


LAYOUTS: dict[str, type[SheetLayout]] = {
    "latex": LatexSheet, "markdown": MarkdownSheet, "html": HtmlSheet, "json": JsonLinesSheet,
}


def layout_for(format: str, lang: str = "en", answers_only: bool = False) -> SheetLayout:
    """The sheet layout of ``format``."""
    if format not in LAYOUTS:
        raise UsageError("sheet.format", formats=tuple(LAYOUTS), format=format)
    return LAYOUTS[format](lang, answers_only)
