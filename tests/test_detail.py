"""Detail levels: brief, standard (the default) and full say more or less, never something else."""

import json

import pytest
from typer.testing import CliRunner

from derive import explain, gradient
from derive.cli import app
from derive.errors import UsageError
from derive.narrate.document import Equation, RuleStep, Tree

EXAMPLES = ["(x^2+1)^3/(2x-1)", "x^2*sin(x) + cos(3x)", "5x^3 - x + 1", "sqrt(1+sqrt(x))"]


def _rule_steps(document):
    return [b for b in document.blocks if isinstance(b, RuleStep)]


@pytest.mark.parametrize("text", EXAMPLES)
def test_levels_say_less_and_less(text):
    """full ≥ standard ≥ brief in lines, for every example, in both languages."""
    d = explain(text)
    for lang in ("en", "zh"):
        lines = {level: len(d.render("text", lang, detail=level).splitlines())
                 for level in ("brief", "standard", "full")}
        assert lines["full"] > lines["standard"] >= lines["brief"], (text, lang, lines)


def test_standard_is_the_default_and_json_records_the_level():
    d = explain("x^2*sin(x)")
    assert d.render("text") == d.render("text", detail="standard")
    assert json.loads(d.render("json"))["detail"] == "standard"
    assert json.loads(explain("x^2*sin(x)", detail="brief").render("json"))["detail"] == "brief"


def test_json_keeps_the_full_tree_at_every_level():
    full = json.loads(explain("(x^2+1)^3/(2x-1)", detail="full").render("json"))
    brief = json.loads(explain("(x^2+1)^3/(2x-1)", detail="brief").render("json"))
    del full["detail"], brief["detail"]
    assert full == brief


def test_standard_writes_known_derivatives_inline():
    """No block for the derivative of a constant, of x, of 2x or of x²; one for the chain."""
    document = explain("(x^2+1)^3/(2x-1)").document()
    titles = ["".join(p for p in b.title if isinstance(p, str)) for b in _rule_steps(document)]
    assert titles[0].startswith("Quotient rule")
    assert any("Chain rule" in t for t in titles)
    assert not any(word in t for t in titles for word in ("Constant", "Power", "variable", "Sum"))


def test_standard_states_a_rules_formula_once():
    document = explain("x*sin(x) + x^2*cos(x)").document()
    products = [b for b in _rule_steps(document) if "Product rule" in str(b.title)]
    assert len(products) == 2
    assert "f'·g + f·g'" in str(products[0].parts) and products[1].parts == ()


def test_brief_is_one_line_per_rule_application():
    """Brief: every combining step that is not known by heart is one RuleStep holding its
    equation inline; no tree, no separate equations."""
    document = explain("(x^2+1)^3/(2x-1)", detail="brief").document()
    assert not any(isinstance(b, (Tree, Equation)) for b in document.blocks)
    assert [str(b.title[0]) for b in _rule_steps(document)] == [
        "Chain rule", "Quotient rule", "Take out the common factor",
        "Expand the brackets and collect like terms"]


def test_full_keeps_every_node():
    d = explain("(x^2+1)^3/(2x-1)")
    from derive.steps import walk

    document = d.document(detail="full")
    rewrites = [s for s in walk(d.steps) if s.rule == "algebra"]
    named = [b for b in document.blocks if isinstance(b, Equation) and str(b.chain[0]) == ""]
    assert len(_rule_steps(document)) == sum(1 for _ in walk(d.steps)) - len(rewrites)
    assert len(named) == len(rewrites) == 2


def test_topics_take_the_level_too():
    g = gradient("x^2*y + sin(x*y)")
    assert len(g.render("text", detail="brief")) < len(g.render("text", detail="full"))


def test_an_unknown_level_is_a_usage_error():
    with pytest.raises(UsageError):
        explain("x^2", detail="short")
    with pytest.raises(UsageError):
        explain("x^2").render("text", detail="short")


@pytest.mark.parametrize("command", [["diff", "x^2*sin(x)"], ["grad", "x*y^2"],
                                     ["softmax"], ["chain", "u^2 + v", "--let", "u=x^2+y",
                                                   "--let", "v=x+y^2"]])
def test_every_command_takes_detail(command):
    runner = CliRunner()
    outputs = {}
    for level in ("brief", "standard", "full"):
        result = runner.invoke(app, [*command, "--detail", level, "--format", "text"])
        assert result.exit_code == 0, result.output
        outputs[level] = result.stdout
    assert len(outputs["brief"]) <= len(outputs["standard"]) <= len(outputs["full"])
    bad = runner.invoke(app, [*command, "--detail", "short"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("text, first, last", [
    ("x^x", "Take logarithms", "Logarithmic differentiation"),
    ("(x+1)^2*(x-3)^5/(x^2+1)^3", "Take logarithms", "Logarithmic differentiation"),
    ("ln(x^2*sin(x)/(2x+1))", "Log laws first", "Sum rule")])
def test_brief_states_a_rewrite_before_differentiating_it(text, first, last):
    """A book takes logarithms (or uses the log laws) first and then differentiates: the
    rewrite is the first line, ``ln(x^x) = x·ln(x)``, and the log laws' derivative is not
    written twice."""
    derivation = explain(text, detail="brief")
    titles = [str(b.title[0]) for b in _rule_steps(derivation.document())]
    assert titles[0] == first and titles[-1] == last and titles.count(first) == 1
    opening = derivation.render("text").splitlines()[2]
    assert opening.startswith(f"• {first}: ln(") and "d/dx" not in opening
    chinese = derivation.render("text", "zh").splitlines()[2]
    assert chinese.startswith("• 两边取对数：ln(" if first == "Take logarithms"
                              else "• 先用对数运算法则：ln(")
