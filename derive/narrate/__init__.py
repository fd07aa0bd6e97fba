"""Narration: Step trees → Documents, in English or Chinese.

``narrate(step, lang, verification)`` returns a :class:`~derive.narrate.document.Document`;
renderers in :mod:`derive.render` turn it into text, rich, LaTeX or Markdown.
"""

from .document import Document
from .narrator import Narrator, narrate
from .phrases import LANGUAGES, say

__all__ = ["Document", "LANGUAGES", "Narrator", "narrate", "say"]
