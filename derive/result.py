"""The protocol every result of derive offers, from one base class.

A result (:class:`~derive.derivation.Derivation`, each topic's result, the indexed results, an
answer check) is a frozen dataclass deriving from :class:`Explained`.  It writes its own JSON
(``_data``, schema ``derive/1``, started by :func:`derive.render.json.header`); everything else
comes from here:

* ``document(lang, detail)`` — its narration, found by :func:`derive.narrate.document_for`, at
  a detail level (``brief``, ``standard``, ``full``; by default the result's own ``detail``);
* ``data()`` — its JSON object (always the full tree; it records the detail level);
* ``render(format, lang, detail, **options)`` — ``text``, ``rich`` (ANSI), ``latex``,
  ``markdown`` or ``json`` as a string (the options each format accepts are declared by its
  renderer);
* ``__rich__`` — rich draws it in a terminal;
* ``_repr_markdown_``, ``_repr_latex_`` — Jupyter displays it.

To add a kind of result: derive from :class:`Explained` (or from :class:`ExpressionResult`, for a
result about one expression), implement ``_data``, and register its narration in
:data:`derive.narrate.NARRATIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sympy import Expr

from .deep import run_deep
from .narrate import Document, document_for
from .narrate.detail import DEFAULT, checked
from .notation.spelling import TEXTBOOK, Spelling, spelled
from .render import render_document, render_output


def reading_data(readings) -> list[dict]:
    """How the input was read, for JSON: ``[{"kind": …, "detail": …}, …]``."""
    return [{"kind": r.kind, "detail": r.detail} for r in readings]


@dataclass(frozen=True)
class Explained:
    """Base of every result: narrated, rendered and written as JSON the same way.

    ``detail`` is the level its prose uses unless another is asked for; ``spelling`` is how
    the user wrote the input (:mod:`derive.notation.spelling`), current while the result is
    narrated, written as JSON or rendered."""

    detail: str = field(default=DEFAULT, kw_only=True)
    spelling: Spelling = field(default=TEXTBOOK, kw_only=True, repr=False)

    def at_detail(self, detail: str | None):
        """This result narrated at ``detail`` by default (``None``: unchanged)."""
        return self if detail is None else replace(self, detail=checked(detail))

    def document(self, lang: str = "en", detail: str | None = None) -> Document:
        """What the result says, in ``lang`` at ``detail``, before any format is chosen."""
        with spelled(self.spelling):
            document = run_deep(document_for, self, lang, checked(detail or self.detail))
        return replace(document, spelling=self.spelling)

    def data(self) -> dict:
        """The JSON object (schema ``derive/1``): ``detail`` names the level of the prose."""
        with spelled(self.spelling):
            data = run_deep(self._data)
        schema, kind = data.pop("schema"), data.pop("kind")
        if "readings" not in data and hasattr(self, "readings"):
            data["readings"] = reading_data(self.readings)
        return {"schema": schema, "kind": kind, "detail": self.detail, **data}

    def _data(self) -> dict:
        raise NotImplementedError(f"{type(self).__name__} does not write its JSON")

    def render(self, format: str = "text", lang: str = "en", detail: str | None = None,
               **options) -> str:
        """The result as ``text``, ``rich`` (ANSI), ``latex``, ``markdown`` or ``json``."""
        return render_output(self.at_detail(detail), format, lang, **options)

    def __rich__(self):
        return render_document(self.document(), "rich")

    def _repr_markdown_(self) -> str:
        """Jupyter: Markdown notes."""
        return self.render("markdown")

    def _repr_latex_(self) -> str:
        """Jupyter: the mathematics as one ``aligned`` display (MathJax has no ``\\intertext``)."""
        return self.render("latex", math_only=True)


@dataclass(frozen=True)
class ExpressionResult(Explained):
    """A result about one expression: ``input`` is the text as given, ``expression`` the
    expression as understood (the first fields of its JSON, after ``schema`` and ``kind``)."""

    input: str
    expression: Expr
