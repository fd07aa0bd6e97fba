"""Renderers: Document → text, rich, LaTeX, Markdown; and the JSON writer.

``render_document(document, format)`` picks the renderer from :data:`FORMATS`.  JSON is written
from the data itself (see :mod:`derive.render.json`), so it is not in :data:`FORMATS`.
"""

from __future__ import annotations

from importlib import import_module

from ..narrate.document import Document

# format → (module, class); modules are imported on first use so the CLI stays fast
FORMATS = {
    "text": ("text", "TextRenderer"),
    "rich": ("terminal", "TerminalRenderer"),
    "latex": ("latex", "LatexRenderer"),
    "markdown": ("markdown", "MarkdownRenderer"),
}
ALL_FORMATS = (*FORMATS, "json")


def renderer_for(format: str, **options):
    """A renderer for ``format``; ``options`` (e.g. ``standalone=True`` for LaTeX) go to it."""
    module, name = FORMATS[format]
    return getattr(import_module(f"{__name__}.{module}"), name)(**options)


def render_document(document: Document, format: str, **options):
    """A str (or, for ``rich``, a renderable) for ``document``."""
    return renderer_for(format, **options).render(document)


def rich_to_text(renderable, width: int = 100, color: bool = True) -> str:
    """Render a rich renderable to a string (ANSI colours when ``color``)."""
    from io import StringIO

    from rich.console import Console

    from .terminal import THEME

    buffer = StringIO()
    console = Console(file=buffer, width=width, theme=THEME, force_terminal=color,
                      color_system="standard" if color else None, legacy_windows=False,
                      highlight=False)
    console.print(renderable)
    return buffer.getvalue()


def render_output(subject, format: str, lang: str = "en", **options) -> str:
    """``subject`` (anything with ``document(lang)`` and ``data()``) rendered as a string."""
    from ..deep import run_deep

    if format not in ALL_FORMATS:
        from ..errors import UsageError

        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(ALL_FORMATS)}")
    if options.pop("standalone", False):
        if format != "latex":
            from ..errors import UsageError

            raise UsageError(f"--standalone needs the latex format (not {format})")
        options["standalone"] = True
    if format == "json":
        from .json import dumps

        return run_deep(dumps, subject.data())
    document = subject.document(lang)
    if format == "rich":
        return run_deep(lambda: rich_to_text(render_document(document, "rich"), **options))
    return run_deep(render_document, document, format, **options)
