"""Typesetting Markdown notes as note apps do: markdown-it, dollar maths, KaTeX (``tests/katex``).

:func:`katex_report` runs ``tests/katex/render.mjs`` on Markdown files and returns, per file, the
number of maths spans, the spans KaTeX refused (``errors``) and the display-maths lines that a
Markdown pipeline would read as list items (``listLines``).  Without node or the packages
(``npm ci`` in ``tests/katex``) the calling test is skipped, except in CI (``CI`` set), where it
fails: CI installs them (``.ci/run``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from external import require

HERE = Path(__file__).resolve().parent / "katex"


def _require() -> str:
    node = shutil.which("node")
    missing = "node" if node is None else None
    if missing is None and not (HERE / "node_modules" / "katex").is_dir():
        missing = "the KaTeX packages (run: cd tests/katex && npm ci)"
    require(missing)
    return node


def katex_report(paths: list[Path]) -> list[dict]:
    """One report per Markdown file: ``spans``, ``errors`` [{tex, message}], ``listLines``."""
    node = _require()
    done = subprocess.run([node, str(HERE / "render.mjs")], input="\n".join(map(str, paths)),
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)
