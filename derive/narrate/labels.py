"""The words every Document shares, filled in once for the whole document.

Narrators build blocks with their content only; :func:`labelled` adds, from the catalogue of the
document's language, the colon after a label (``label.colon``), a rule's run-in heading
(``label.title``), the title of the result (``result.title``) and the mark of each kind of note
(``mark.<kind>``).  Every Document of derive passes through it (:func:`derive.narrate.document_for`),
so renderers never look a phrase up.  To give a new block type such words: a field for them in
:mod:`.document` and an entry in the table of :func:`labelled`.
"""

from __future__ import annotations

from dataclasses import replace

from .document import Cases, Document, Note, NoteKind, Result, RuleStep
from .phrases import say


_TITLE = "\0title\0"       # stands for a rule's title in its run-in heading, filled per step


def labelled(document: Document) -> Document:
    """``document`` with the shared words of its language in every block."""
    lang = document.lang
    colon = say(lang, "label.colon")
    heading = say(lang, "label.title", title=_TITLE)
    at = heading.index(_TITLE)
    marks = {kind: say(lang, f"mark.{kind.value}") for kind in NoteKind}
    words = {
        RuleStep: lambda b: replace(b, colon=colon,
                                    heading=heading[:at] + b.title + heading[at + 1:]),
        Cases: lambda b: replace(b, colon=colon),
        Result: lambda b: replace(b, title=say(lang, "result.title")),
        Note: lambda b: replace(b, mark=marks[b.kind]),
    }
    blocks = tuple(words[type(b)](b) if type(b) in words else b for b in document.blocks)
    return replace(document, blocks=blocks)
