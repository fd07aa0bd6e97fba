"""The stress set: long derivations that must still fit the page, the column and the terminal.

Each entry is the command line of one derivation (the words after ``derive``).  :func:`render`
prints one in a format and language, in-process, as ``samples/generate.py`` does.
"""

from __future__ import annotations

from notes_samples import generator

POLYNOMIAL = "+".join(f"{12 - k}*x^{k}" if k else "12" for k in range(11, -1, -1))   # 12 terms

STRESS = {
    "product6": ("diff", "x*sin(x)*exp(x)*ln(x)*cos(x)*(x^2+1)"),
    "exp_sin_ln": ("diff", "exp(sin(x^2))*ln(1+x^2)/(x^3+1)"),
    "nested_sqrt": ("diff", "sqrt(1+sqrt(1+sqrt(x)))"),
    "softmax_n5": ("softmax", "--n", "5"),
    "softmax_ce": ("softmax", "--loss", "cross-entropy"),
    "chain_seed": ("chain", "u^2 + v", "--let", "u=x^2+y", "--let", "v=x+y^2"),
    "polynomial12": ("diff", f"({POLYNOMIAL})/(x^2+x+1)"),
}
LANGS = ("en", "zh")


def render(name: str, format: str, lang: str, *options: str) -> str:
    """The output of stress derivation ``name`` in ``format`` and ``lang``."""
    return generator.run((*STRESS[name], "--format", format, "--lang", lang, *options))
