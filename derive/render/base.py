"""The renderer protocol: one ``_render_<Block>`` method per block type, found by class name.

``Renderer.render(document)`` renders every block in order and joins the pieces; a block type
without a method raises ``NotImplementedError`` naming the renderer and the block, so a new
block type cannot be silently dropped.  Renderers print; they never compute (no ``diff``,
``simplify`` or ``subs``), and they never say anything the Document does not hold.

A renderer's options are the class attribute ``options`` (name → default, as sympy's printers
declare ``_default_settings``); ``Renderer(**options)`` rejects any other name.

To add a format: subclass :class:`Renderer`, implement ``_render_<Block>`` for every class in
:data:`derive.narrate.document.BLOCK_TYPES`, ``inline`` for a single inline part, and ``join``;
declare its ``options``; register it in :data:`derive.render.FORMATS`.
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from ..errors import UsageError
from ..narrate.document import Block, Document, Formula, Math, Parts, Typed


def gap(first: str) -> str:
    """The space after ``first`` before more text: none after full-width punctuation
    (``注：``, ``链式法则：``), which carries its own space."""
    if first and unicodedata.east_asian_width(first[-1]) in "WF" and \
            unicodedata.category(first[-1]).startswith("P"):
        return ""
    return " "


def spaced(first: str, second: str) -> str:
    """``first`` and ``second`` with :func:`gap` between them."""
    return first + gap(first) + second if first and second else first + second


class Renderer:
    name = "base"
    options: ClassVar[dict[str, Any]] = {}

    def __init__(self, **options: Any) -> None:
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            raise UsageError("api.format_option", format=self.name, unknown=tuple(unknown),
                             takes=tuple(self.options) or "-")
        for option, default in self.options.items():
            setattr(self, option, options.get(option, default))

    def render(self, document: Document) -> Any:
        pieces = [self.render_title(document)]
        pieces.extend(self.render_block(block) for block in document.blocks)
        return self.join([p for p in pieces if p is not None], document)

    def render_string(self, document: Document) -> str:
        """The document as a string (what :meth:`render` returns, for every format but rich)."""
        return self.render(document)

    def render_block(self, block: Block) -> Any:
        method = getattr(self, f"_render_{type(block).__name__}", None)
        if method is None:
            raise NotImplementedError(f"{type(self).__name__} cannot render {type(block).__name__}")
        return method(block)

    def render_title(self, document: Document) -> Any:
        return None

    def parts(self, parts: Parts) -> str:
        return "".join(self.inline(p) for p in parts)

    def inline(self, part) -> str:
        if isinstance(part, Math):
            return self.math(part.expr)
        if isinstance(part, Formula):
            return self.formula(part)
        if isinstance(part, Typed):
            return self.typed(part)
        return self.text(part)

    # hooks for subclasses
    def text(self, text: str) -> str:
        return text

    def typed(self, text: str) -> str:
        """The user's own text, verbatim (a code face in formats that have one)."""
        return self.text(text)

    def math(self, expr) -> str:
        raise NotImplementedError

    def formula(self, formula: Formula) -> str:
        return formula.text

    def join(self, pieces: list, document: Document) -> Any:
        return "\n".join(pieces)
