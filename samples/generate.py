"""Render every worked example in ``samples/`` into every format and language.

A sample is ``samples/<name>.json`` = ``{"args": [...], "title": "..."}``, where ``args`` are the
command-line arguments after ``derive`` (e.g. ``["diff", "sin(x^2)"]``).  Its outputs go to
``samples/<name>/``: ``en.txt``, ``zh.txt``, ``en.md``, ``zh.md``, ``en.tex``, ``zh.tex`` (a
standalone document: ``pdflatex en.tex``, ``xelatex zh.tex``), ``en.html``, ``zh.html`` (a page
with MathML) and ``data.json`` (JSON carries no
narration, so it is the same in every language; a test checks that).

    python samples/generate.py            rewrite every output
    python samples/generate.py --check    exit 1, listing the stale files, if any output is out of date
    python samples/generate.py --print A  print the outputs of sample A (for comparing runs)

The command line runs in-process (typer's CliRunner), exactly as a user would call it.  To add a
sample, write its ``.json`` and run this script; to add a format, extend :data:`OUTPUTS`.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LANGS = ("en", "zh")
# file extension → (--format, extra options, one file per language?)
OUTPUTS = {
    "txt": ("text", (), True),
    "md": ("markdown", (), True),
    "tex": ("latex", ("--standalone",), True),
    "html": ("html", (), True),
    "json": ("json", (), False),
}


def sample_names() -> list[str]:
    return sorted(path.stem for path in HERE.glob("*.json"))


def load(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def run(args: tuple[str, ...]) -> str:
    """The standard output of ``derive ARGS``; a failing command raises with its message."""
    from typer.testing import CliRunner

    from derive.cli import app

    # text is laid out for $COLUMNS: the samples for a terminal of 80
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"}, catch_exceptions=False)
    answer_was_wrong = args[0] == "check" and result.exit_code == 1   # documented, not a failure
    if result.exit_code != 0 and not answer_was_wrong:
        raise RuntimeError(f"derive {' '.join(args)} exited with {result.exit_code}: "
                           f"{result.stderr.strip()}")
    return result.stdout


def command(name: str, ext: str, lang: str) -> tuple[str, ...]:
    format, extra, _ = OUTPUTS[ext]
    args = list(load(name)["args"])
    options = ["--format", format, "--lang", lang, *extra]
    # after "--" every word is an argument (an expression may start with "-"): options go before
    at = args.index("--") if "--" in args else len(args)
    return (*args[:at], *options, *args[at:])


def render(name: str, ext: str, lang: str = "en") -> str:
    """Output ``ext`` of sample ``name`` in ``lang``."""
    return run(command(name, ext, lang))


def output_path(name: str, ext: str, lang: str) -> Path:
    per_language = OUTPUTS[ext][2]
    return HERE / name / (f"{lang}.{ext}" if per_language else f"data.{ext}")


def outputs(names: list[str] | None = None) -> list[tuple[str, str, str]]:
    """``(sample, extension, language)`` of every output file."""
    return [(name, ext, lang) for name in names or sample_names()
            for ext, (_, _, per_language) in OUTPUTS.items()
            for lang in (LANGS if per_language else LANGS[:1])]


def expected(names: list[str] | None = None) -> dict[Path, str]:
    """Every output file and its content, as the current code renders it."""
    return {output_path(name, ext, lang): render(name, ext, lang)
            for name, ext, lang in outputs(names)}


def present() -> list[Path]:
    """The files in the samples' output folders."""
    return [path for folder in sorted(p for p in HERE.iterdir() if p.is_dir()
                                      and not p.name.startswith(("_", ".")))
            for path in sorted(folder.iterdir())]


def stale() -> list[Path]:
    """Output files that are missing, different, or left over from a removed sample/format."""
    files = expected()
    wrong = [path for path, content in files.items()
             if not path.exists() or path.read_text(encoding="utf-8") != content]
    extra = [path for path in present() if path not in files]
    return sorted(wrong + extra)


def write() -> list[Path]:
    files = expected()
    changed = []
    for path, content in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
            changed.append(path)
    for path in stale():          # what is left is not produced any more
        path.unlink()
        changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list stale files, exit 1 if any")
    parser.add_argument("--print", nargs="+", metavar="NAME", dest="show",
                        help="print the outputs of these samples")
    options = parser.parse_args(argv)
    if options.show:
        for path, content in expected(options.show).items():
            sys.stdout.write(f"==> {path.relative_to(HERE)} <==\n{content}")
        return 0
    if options.check:
        paths = stale()
        for path in paths:
            print(f"stale: {path.relative_to(ROOT)}")
        if paths:
            print("run: python samples/generate.py")
        return 1 if paths else 0
    for path in write():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
