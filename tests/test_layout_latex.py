"""Long formulas fit the page: the stress set compiles with no Overfull \\hbox over 1 pt, as a
standalone document and as a fragment pasted into a default ``article`` (with only ``amsmath``
and ``amssymb``, and ``ctex`` for Chinese).

Each language and kind is one TeX run: the fragments one after another in one article, the
standalone documents' bodies under their (shared) preamble.  Without TeX the tests skip, except
under CI.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from stress import STRESS, render
from test_latex_compile import engine

OVERFULL = re.compile(r"Overfull \\hbox \(([\d.]+)pt too wide\) [^\n]*?lines? (\d+)")
TOLERANCE_PT = 1.0

FRAGMENT_PREAMBLE = {
    "en": "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n",
    "zh": "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage{ctex}\n",
}


def _body(document: str) -> str:
    return document.split("\\begin{document}\n", 1)[1].rsplit("\\end{document}", 1)[0]


def _preamble(document: str) -> str:
    return document.split("\\begin{document}\n", 1)[0]


def compile_log(source: str, lang: str, tmp_path) -> str:
    """The log of one TeX run of ``source`` (which must compile)."""
    program = engine(lang)
    (tmp_path / "stress.tex").write_text(source, encoding="utf-8")
    done = subprocess.run([program, "-interaction=nonstopmode", "-halt-on-error", "stress.tex"],
                          cwd=tmp_path, capture_output=True, timeout=300)
    log = (tmp_path / "stress.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, log[-3000:]
    assert "Missing character" not in log
    return log


def overfull(log: str, source: str) -> list[tuple[float, str]]:
    """Every Overfull \\hbox wider than the tolerance, with the source line where it is."""
    lines = source.split("\n")
    return [(float(width), lines[int(line) - 1][:160]) for width, line in OVERFULL.findall(log)
            if float(width) > TOLERANCE_PT]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stress_set_fits_as_standalone_documents(lang, tmp_path):
    """The standalone documents of the stress set (one preamble, all bodies, one run)."""
    documents = [render(name, "latex", lang, "--standalone") for name in STRESS]
    preambles = {_preamble(d) for d in documents}
    assert len(preambles) == 1, "the stress documents should share their preamble"
    source = (preambles.pop() + "\\begin{document}\n"
              + "\n\\clearpage\n".join(_body(d) for d in documents) + "\\end{document}\n")
    log = compile_log(source, lang, tmp_path)
    assert not overfull(log, source), overfull(log, source)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stress_set_fits_as_fragments_in_a_default_article(lang, tmp_path):
    """The fragments pasted into a default ``article`` with only amsmath/amssymb (and ctex)."""
    fragments = [render(name, "latex", lang) for name in STRESS]
    source = (FRAGMENT_PREAMBLE[lang] + "\\begin{document}\n"
              + "\n\\clearpage\n".join(fragments) + "\\end{document}\n")
    log = compile_log(source, lang, tmp_path)
    assert not overfull(log, source), overfull(log, source)
