"""``--route book|direct`` (``route=`` in the API): the log laws and logarithmic
differentiation, or the chain, product and quotient rules directly; both against sympy.diff."""

from __future__ import annotations

import json

import pytest
import sympy
from hypothesis import given, settings
from typer.testing import CliRunner

from derive import explain
from derive.cli import app
from strategies import smooth_expressions, x

BOOK_ONLY = {"log_laws", "log_product"}


def _rules(step) -> set[str]:
    seen, stack = set(), [step]
    while stack:
        node = stack.pop()
        seen.add(node.rule)
        stack.extend(node.children())
    return seen


@pytest.mark.parametrize("text, book_rule", [
    ("ln(x^2*sin(x)/(2x+1))", "log_laws"),
    ("ln((x+1)^3)", "log_laws"),
    ("x^(-1/2)*(x^2+3)^(2/3)*(3x-4)^4", "log_product"),
    ("sin(ln(x*(x+1)))", "log_laws"),
])
def test_the_direct_route_takes_neither_log_law_nor_logarithmic_differentiation(text, book_rule):
    book, direct = explain(text), explain(text, route="direct")
    assert book_rule in _rules(book.steps)
    assert not _rules(direct.steps) & BOOK_ONLY
    oracle = sympy.diff(direct.expression, x)
    for d in (book, direct):
        assert d.verified and sympy.simplify(d.result - oracle) == 0
    assert json.loads(book.render("json"))["route"] == "book"
    assert json.loads(direct.render("json"))["route"] == "direct"
    assert "--route direct" in book.render("text") and "--route direct" not in direct.render("text")


@settings(max_examples=40, deadline=None)
@given(smooth_expressions)
def test_both_routes_agree_with_sympy(expr):
    for route in ("book", "direct"):
        d = explain(expr, wrt="x", route=route, allow_absent=True)
        assert d.verified


def test_the_command_line_takes_the_route_and_refuses_another():
    runner = CliRunner()
    out = runner.invoke(app, ["diff", "ln(x*sin(x))", "--route", "direct", "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)["route"] == "direct"
    out = runner.invoke(app, ["implicit", "x^2 + y^2 = 1", "-r", "direct", "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)["route"] == "direct"
    bad = runner.invoke(app, ["diff", "ln(x*sin(x))", "--route", "shortest"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    with pytest.raises(Exception, match="unknown route"):
        explain("x^2", route="shortest")
    assert "--route" in runner.invoke(app, ["diff", "--help"]).stdout
