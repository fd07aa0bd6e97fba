"""The JSON contract, schema derive/1: keys pinned, strings readable by sympy."""

import json

import sympy

from derive import explain
from derive.steps import walk

TOP_LEVEL = {"schema", "kind", "detail", "input", "expression", "wrt", "held_constant", "route",
             "readings", "result", "latex", "verified", "verification", "steps"}
STEP = {"rule", "expr", "var", "result", "latex", "check", "substeps"}


def load(text: str, **kwargs) -> dict:
    return json.loads(explain(text, **kwargs).render("json"))


def test_top_level_keys_are_pinned():
    data = load("sin(x^2)")
    assert set(data) == TOP_LEVEL
    assert data["schema"] == "derive/1" and data["kind"] == "derivative"
    assert data["detail"] == "standard"
    assert data["input"] == "sin(x^2)" and data["wrt"] == ["x"]


def test_every_step_has_the_common_keys_and_its_rule_fields():
    data = load("x^2*sin(x)/(1+exp(x^2))")
    stack = [data["steps"]]
    while stack:
        step = stack.pop()
        assert STEP <= set(step)
        if step["rule"] == "chain":
            assert {"outer", "inner", "u"} <= set(step)
        if step["rule"] == "quotient":
            assert {"numerator", "denominator"} <= set(step)
        stack.extend(step["substeps"])


def test_strings_read_back_to_the_same_expressions():
    derivation = explain("sigmoid(x^2) + relu(x) + log(x, 2) + f(x)")
    data = json.loads(derivation.render("json"))
    names = {"x": sympy.Symbol("x"), "f": sympy.Function("f")}
    from derive.functions import to_plain_sympy

    assert sympy.sympify(data["expression"], locals=names) == to_plain_sympy(derivation.expression)
    result = sympy.sympify(data["result"], locals=names)
    assert sympy.simplify(result - to_plain_sympy(derivation.result)) == 0


def test_held_constant_and_checks():
    data = load("w1*x1 + w2*x2 + b1", wrt="x1")
    assert data["held_constant"] == ["b1", "w1", "w2", "x2"]
    assert data["verified"] is True
    assert data["verification"]["oracle"] in ("symbolic", "numeric")
    assert sum(data["verification"]["steps"].values()) == sum(1 for _ in walk(explain(
        "w1*x1 + w2*x2 + b1", wrt="x1").steps))
