"""The words every Document shares, filled in once for the whole document.

Narrators build blocks with their content only; :func:`labelled` adds, from the catalogue of the
document's language, the colon after a label (``label.colon``), a rule's run-in heading
(``label.title``), the title of the result (``result.title``) and the mark of each kind of note
(``mark.<kind>``), and it takes the notes of each check out of the flow of the steps
(:func:`checks_gathered`).  Every Document of derive passes through it (:func:`derive.narrate.document_for`),
so renderers never look a phrase up.  To give a new block type such words: a field for them in
:mod:`.document` and an entry in the table of :func:`labelled`.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from .document import Cases, Document, Note, NoteKind, Result, RuleStep
from .phrases import say


_TITLE = "\0title\0"       # stands for a rule's title in its run-in heading, filled per step
# separators a narrator puts between parts, filled from the catalogue (``list.separator``:
# ``x, y`` or ``x、y``; ``list.clause``: ``u = 1, v = 2`` or ``u = 1，v = 2``; ``label.dash``:
# ``term 1 — Power rule`` or ``第 1 项——幂法则``)
LIST = "\0list\0"
CLAUSES = "\0clause\0"
DASH = "\0dash\0"
_SEPARATORS = {LIST: "list.separator", CLAUSES: "list.clause", DASH: "label.dash"}


def _separated(value, words: dict):
    """``value`` (a block, parts, or anything inside a block) with every separator filled."""
    if isinstance(value, str):
        return words.get(value, value)
    if isinstance(value, tuple):
        return tuple(_separated(v, words) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _separated(getattr(value, f.name), words) for f in fields(value)
                   if isinstance(getattr(value, f.name), (str, tuple)) or
                   is_dataclass(getattr(value, f.name))}
        return replace(value, **changed)
    return value


def checks_gathered(document: Document, full: bool = False) -> Document:
    """``document`` with the notes that say how a claim was checked (``NoteKind.CHECK``) out of
    the flow of the steps: the verdict under the result says it once for the derivation.  In
    ``full`` detail the notes follow the result, one line each, as a record of the checks."""
    checks = tuple(replace(b, depth=0) for b in document.blocks
                   if isinstance(b, Note) and b.kind is NoteKind.CHECK)
    kept = tuple(b for b in document.blocks
                 if not (isinstance(b, Note) and b.kind is NoteKind.CHECK))
    return replace(document, blocks=kept + (checks if full else ()))


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
    separators = {mark: "".join(map(str, say(lang, key))) for mark, key in _SEPARATORS.items()}
    blocks = tuple(words[type(b)](b) if type(b) in words else b
                   for b in checks_gathered(document).blocks)
    return _separated(replace(document, blocks=blocks), separators)
