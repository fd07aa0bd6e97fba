"""A worked-solution sheet: many problems, each a section with its solution, and an answer key.

A sheet is not one Document but a :class:`Frame` (its title and the words around the problems)
and one :class:`Entry` per problem: the problem's own Document (its solution, as ``derive
<command>`` narrates it), the chains of its final answers for the key, and, when an answer was
given to check, the verdict on it (the blocks of the check's Document before the correct
derivation, which the solution already shows).  A problem that could not be solved is an entry
with its error instead of a Document.  Renderers lay a sheet out with
:mod:`derive.render.sheet`.

To add a word to the frame of every sheet: a ``sheet.*`` key in each catalogue and a field of
:class:`Frame`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sympy import Basic

from .document import Document, Heading, Note, NoteKind, Parts, Result
from .phrases import say


@dataclass(frozen=True)
class Frame:
    """The words of a sheet around its problems."""

    title: Parts
    contents: Parts
    key: Parts
    lang: str


@dataclass(frozen=True)
class Entry:
    """One problem: its number (from 1, in file order), its title, and either its solution
    (``document``, ``answers``: the chains ``lhs = … = answer`` of its results) or ``error``."""

    number: int
    title: Parts
    document: Document | None = None
    answers: tuple[tuple[Basic, ...], ...] = ()
    error: Parts = ()
    data: dict | None = None          # the JSON of the result (and of the check)

    @property
    def failed(self) -> bool:
        return self.document is None


def frame(lang: str, answers_only: bool = False) -> Frame:
    """The words of a sheet in ``lang``."""
    title = say(lang, "sheet.answers_only" if answers_only else "sheet.title")
    return Frame(title=title, contents=say(lang, "sheet.contents"), key=say(lang, "sheet.key"),
                 lang=lang)


def problem_title(lang: str, number: int, title: str | None, document: Document | None) -> Parts:
    """A problem's title: the one given, else its Document's title, else ``Problem n``."""
    if title:
        return (title,)
    if document is not None:
        return document.title
    return say(lang, "sheet.problem", n=number)


def _given(check: Document, lang: str) -> tuple:
    """The verdict on an answer given: the check's blocks before its correct derivation (which
    the solution shows already), without its result."""
    reference = say(lang, "checking.reference.title")
    blocks = []
    for block in check.blocks:
        if isinstance(block, Heading) and block.parts == reference:
            break
        if not isinstance(block, Result):
            blocks.append(block)
    return (Heading(say(lang, "sheet.given.title"), level=2), *blocks)


def solved(number: int, title: str | None, document: Document, check: Document | None = None,
           data: dict | None = None) -> Entry:
    """The entry of a solved problem (with the verdict on the answer given, when ``check``)."""
    lang = document.lang
    answers = tuple(block.chain for block in document.blocks if isinstance(block, Result))
    blocks = document.blocks
    if title:                                  # the problem's own title leads; the derivation's follows
        blocks = (Heading(document.title, level=2), *blocks)
    if check is not None:
        blocks = (*blocks, *_given(check, lang))
    return Entry(number, problem_title(lang, number, title, document),
                 replace(document, blocks=blocks), answers, data=data)


def failed(number: int, title: str | None, error: str, lang: str, data: dict | None = None) -> Entry:
    """The entry of a problem that could not be solved, with what went wrong."""
    note = say(lang, "sheet.failed", error=error)
    return Entry(number, problem_title(lang, number, title, None), None, error=note,
                 data={"error": error, **(data or {})})


def failure_note(entry: Entry) -> Note:
    """The note that marks a failed entry, standing out in every format."""
    return Note(entry.error, kind=NoteKind.WARNING)


def unanswered(lang: str) -> Parts:
    """What the key says for a solved problem without a single final answer."""
    return say(lang, "sheet.no_answer")


def failed_in_key(lang: str) -> Parts:
    """What the key says for a problem that failed."""
    return say(lang, "sheet.failed.short")
