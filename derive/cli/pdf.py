"""Compiling LaTeX to a PDF with the engine of the language (``pdflatex``; ``xelatex`` for
Chinese), twice so that the contents list is filled in, in a temporary folder; the PDF is moved
into place atomically.  Without the engine: one message saying how to install it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DeriveError
from ..messages import Message, os_reason
from ..render.latex import ENGINES

PACKAGES = ("texlive-latex-base texlive-latex-recommended texlive-xetex texlive-lang-chinese "
            "fonts-noto-cjk")        # what to install on Debian or Ubuntu (the message says how)
RUNS = 2                   # the second run writes the contents list the first one collected
TIMEOUT = 600


def _first_error(log: str) -> str | Message:
    found = re.search(r"^! (.*)$", log, re.MULTILINE)
    return found.group(1) if found else Message("pdf.see_log")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def compile_pdf(source: str, lang: str, target: Path) -> None:
    """Compile the LaTeX ``source`` and write the PDF to ``target``."""
    engine = ENGINES.get(lang, "pdflatex")
    program = shutil.which(engine)
    if program is None:
        raise DeriveError("pdf.no_engine", engine=engine, packages=PACKAGES)
    with tempfile.TemporaryDirectory(prefix="derive-pdf-") as folder:
        tex = Path(folder) / "sheet.tex"
        tex.write_text(source, encoding="utf-8")
        for _ in range(RUNS):
            done = subprocess.run([program, "-interaction=nonstopmode", "-halt-on-error",
                                   tex.name], cwd=folder, capture_output=True, timeout=TIMEOUT)
            if done.returncode:
                log = (Path(folder) / "sheet.log").read_text(encoding="utf-8", errors="replace")
                raise DeriveError("pdf.failed", engine=engine, reason=_first_error(log))
        directory = target.resolve().parent
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.",
                                             suffix=".tmp")
        os.close(handle)
        try:
            shutil.copyfile(Path(folder) / "sheet.pdf", temporary)
            os.chmod(temporary, 0o666 & ~_umask())          # as a file the user creates
            os.replace(temporary, target)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise DeriveError("file.cannot_write", path=target,
                              reason=os_reason(error)) from None
