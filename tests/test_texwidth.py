"""The width estimates that decide line breaks, against TeX's own widths, and the breaker that
uses them: a broken chain keeps every term and its sign."""

from __future__ import annotations

import re
import subprocess

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Derivative, Symbol, cos, exp, log, sin, sqrt, symbols
from test_latex_compile import engine

from derive.render.latexbreak import LatexLines
from derive.notation import distinct
from derive.render.mathlatex import tex
from derive.render.texwidth import width

x, y = symbols("x y")
FORMULAS = [
    x ** 2 + 1, sin(x ** 2), exp(sin(x ** 2)) * log(1 + x ** 2) / (x ** 3 + 1),
    (exp(sin(x ** 2)) * log(1 + x ** 2) / (x ** 3 + 1)).diff(x),
    sqrt(1 + sqrt(1 + sqrt(x))).diff(x), x * sin(x) * exp(x) * log(x) * cos(x) * (x ** 2 + 1),
    sympy.atan((1 - x) / (1 + x)).diff(x), sum(x ** k for k in range(12)) / (x ** 2 + 1),
    (x ** x).diff(x), 4 * x * (x ** 2 + y) + 1, Derivative(sin(x ** 2), x),
    sympy.Sum(exp(Symbol("z_k")), (Symbol("k"), 1, Symbol("n"))),
]


def test_estimates_agree_with_tex(tmp_path):
    """Each formula typeset by TeX in display and text style (one run): the estimate is within
    12% of the real width."""
    program = engine("en")
    sources = [tex(f) for f in FORMULAS]
    boxes = [rf"\setbox0\hbox{{${style}{s}$}}\typeout{{WD \the\wd0}}"
             for s in sources for style in (r"\displaystyle ", "")]
    (tmp_path / "w.tex").write_text("\\documentclass{article}\\usepackage{amsmath,amssymb}"
                                    "\\begin{document}\n" + "\n".join(boxes)
                                    + "\n\\end{document}\n")
    done = subprocess.run([program, "-interaction=nonstopmode", "w.tex"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    real = [float(v) / 10 for v in re.findall(r"WD ([\d.]+)pt", done.stdout)]   # em at 10 pt
    assert len(real) == 2 * len(sources), done.stdout[-2000:]
    estimates = [width(s, display) for s in sources for display in (True, False)]
    ratios = [e / r for e, r in zip(estimates, real)]
    assert all(0.88 <= q <= 1.12 for q in ratios), list(zip(sources * 2, ratios))


def _right_sides(rows: list[str]) -> list[str]:
    text = " ".join(rows).replace("&", " ").replace(r"\quad", " ")
    return [re.sub(r"\s+", "", side) for side in text.split(" = ")[1:]]


factors = st.sampled_from([x, x + 1, x - 2, sin(x), cos(x) + 2, exp(x), Symbol("a"), 3, -2])
products = st.lists(factors, min_size=1, max_size=4).map(lambda f: sympy.Mul(*f))
long_sums = st.lists(products, min_size=2, max_size=9).map(lambda terms: sympy.Add(*terms))


@settings(max_examples=40, deadline=None)
@given(long_sums, st.integers(min_value=8, max_value=40))
def test_breaking_keeps_every_term_and_its_sign(expr, room):
    """A chain broken into rows reads, once the rows are joined, exactly as the unbroken chain
    printed on one line: the same terms, signs, brackets and order."""
    chain = (Derivative(expr, x), expr.diff(x), sympy.expand(expr.diff(x)))
    rows = LatexLines(room).rows(chain)
    joined = re.sub(r"\\(left|right)\.|\s+", "", " ".join(rows).replace("&", "")
                    .replace(r"\quad", "").replace(r"\cdot", ""))
    whole = re.sub(r"\s+", "", " = ".join(distinct([tex(e) for e in chain]))
                   .replace(r"\cdot", ""))
    assert joined == whole


def test_long_formula_breaks_at_relations_then_terms():
    """A chain that fits stays one row; a long one breaks at = and its sum continues on rows
    that start with + or −."""
    lines = LatexLines(40)
    assert len(lines.rows((Derivative(x ** 2, x), 2 * x))) == 1
    terms = sympy.Add(*(Symbol(f"a{k}") * sin(x) ** k for k in range(1, 13)))
    rows = lines.rows((Derivative(terms, x), terms.diff(x)))
    assert len(rows) > 2
    relation = next(k for k, row in enumerate(rows) if re.match(r"&(\\quad)* = ", row))
    assert rows[relation + 1:] and all(re.match(r"&(\\quad)+ [+-] ", row)
                                       for row in rows[relation + 1:])
