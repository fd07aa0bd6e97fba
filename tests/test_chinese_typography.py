"""Chinese typesetting in every zh output (every sample, and the stress set, in text, Markdown
and LaTeX): full-width punctuation, ``——`` for a dash, ``、``/``，`` between list items, no space
between a Chinese character and Chinese punctuation or between two Chinese characters, every
mark translated, and no italic emphasis (its digits would lean inside upright Chinese)."""

from __future__ import annotations

import re

import pytest
from stress import STRESS, render

from notes_samples import generator

HAN = "\u4e00-\u9fff"
PUNCT = "，。、：；（）！？"
RULES = {
    "a single em dash (Chinese writes ——)": re.compile(r"(?<!—)—(?!—)|---"),
    "a space between Chinese and Chinese punctuation":
        re.compile(f"[{HAN}{PUNCT}] [{PUNCT}]|[{PUNCT}] [{HAN}]"),
    "a space between two Chinese characters": re.compile(f"[{HAN}] [{HAN}]"),
    "no space between Chinese and a Latin letter or digit":
        re.compile(f"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]"),
    "ASCII punctuation after a Chinese character": re.compile(f"[{HAN}][,:;!?]"),
    "an ASCII comma between two formulas": re.compile(r"\$, \$"),
    "an English mark": re.compile(r"\[(note|check|read|fallback|WARNING)\]"),
    "italic emphasis": re.compile(r"\\emph\{|\\textit\{"),
}

SAMPLES = [(name, ext) for name in generator.sample_names() for ext in ("txt", "md", "tex")]
FORMATS = {"txt": ("text",), "md": ("markdown",), "tex": ("latex", "--standalone")}


def faults(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.split("\n"):
        for what, rule in RULES.items():
            if rule.search(line):
                out.append((what, line.strip()[:120]))
    return out


@pytest.mark.parametrize(("name", "ext"), SAMPLES, ids=[f"{n}-{e}" for n, e in SAMPLES])
def test_chinese_samples_are_typeset_as_chinese(name, ext):
    """Each zh sample output follows the rules."""
    found = faults(generator.render(name, ext, "zh"))
    assert not found, found[:5]


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_chinese_stress_set_is_typeset_as_chinese(ext):
    """The long zh derivations follow the rules too."""
    found = [f for name in STRESS for f in faults(render(name, *FORMATS[ext][:1], "zh",
                                                         *FORMATS[ext][1:]))]
    assert not found, found[:5]


def test_the_lint_finds_each_fault():
    """Every rule reports a line that breaks it (the lint can fail)."""
    bad = ["第 2 项 — 常数倍法则", "与 代入后", "其余变量（$b_1$, $w_1$）", "注 ：x", "[note] 求导",
           r"\emph{共 58 次}", "变量,", "结果与sympy.diff一致"]
    assert {what for line in bad for what, _ in faults(line)} == set(RULES)
