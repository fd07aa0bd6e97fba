"""Renderers: Document → text, rich, LaTeX, Markdown, HTML (MathML); and the JSON writer.

``render_output(result, format, lang, **options)`` is how a result becomes a string: JSON is
written from the result's data (see :mod:`derive.render.json`), every other format from its
Document by the renderer that :data:`FORMATS` names.  Each renderer declares the options it
takes (``options`` on its class); any other option is a usage error.  Renderers know only the
Document: every word comes from the narrator.
"""

from __future__ import annotations

from importlib import import_module

from ..deep import run_deep
from ..errors import UsageError
from ..narrate.document import Document
from ..notation.spelling import spelled
from .json import dumps
from .mathtext import remembered

# format → (module, class); modules are imported on first use so the CLI stays fast
FORMATS = {
    "text": ("text", "TextRenderer"),
    "rich": ("terminal", "TerminalRenderer"),
    "latex": ("latex", "LatexRenderer"),
    "markdown": ("markdown", "MarkdownRenderer"),
    "html": ("html", "HtmlRenderer"),
}
ALL_FORMATS = (*FORMATS, "json")


def renderer_for(format: str, **options):
    """A renderer for ``format`` with ``options`` (e.g. ``standalone=True`` for LaTeX)."""
    if format not in FORMATS:
        raise UsageError("api.format", format=repr(format), formats=tuple(ALL_FORMATS))
    module, name = FORMATS[format]
    return getattr(import_module(f"{__name__}.{module}"), name)(**options)


def render_document(document: Document, format: str, **options):
    """A str (or, for ``rich``, a renderable) for ``document``, its formulas printed with the
    document's spelling."""
    renderer = renderer_for(format, **options)
    with spelled(document.spelling), remembered():
        return renderer.render(document)


def render_output(subject, format: str, lang: str = "en", **options) -> str:
    """``subject`` (anything with ``document(lang)`` and ``data()``) rendered as a string."""
    if format == "json":
        if options:
            raise UsageError("api.json_options", got=tuple(sorted(options)))
        return run_deep(dumps, subject.data())
    renderer = renderer_for(format, **options)
    document = subject.document(lang)
    with spelled(document.spelling), remembered():
        return run_deep(renderer.render_string, document)
