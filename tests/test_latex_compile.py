"""Every standalone LaTeX sample compiles: English with pdflatex, Chinese with xelatex (ctex).

Without the TeX binaries the test is skipped, but only outside CI: when the environment
variable ``CI`` is set, a missing binary is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from derive.render.latex import ENGINES
from notes_samples import generator

CASES = [(name, lang) for name in generator.sample_names() for lang in generator.LANGS]


def engine(lang: str) -> str:
    program = ENGINES[lang]
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed, and CI is set: install TeX Live "
                        "(texlive-latex-base texlive-latex-recommended texlive-xetex "
                        "texlive-lang-chinese fonts-noto-cjk)")
        pytest.skip(f"{program} is not installed (Debian: texlive-latex-base "
                    "texlive-latex-recommended texlive-xetex texlive-lang-chinese fonts-noto-cjk)")
    return program


@pytest.mark.parametrize(("name", "lang"), CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_standalone_sample_compiles(name, lang, tmp_path):
    """``samples/<name>/<lang>.tex`` compiles to a PDF without errors."""
    program = engine(lang)
    source = tmp_path / "notes.tex"
    source.write_text(generator.render(name, "tex", lang), encoding="utf-8")
    done = subprocess.run([program, "-interaction=nonstopmode", "-halt-on-error", source.name],
                          cwd=tmp_path, capture_output=True, timeout=120)
    log = (tmp_path / "notes.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, log[-3000:]
    assert (tmp_path / "notes.pdf").stat().st_size > 1000
    assert "Missing character" not in log, "a character is missing from the fonts"
