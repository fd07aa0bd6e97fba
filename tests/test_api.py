"""The public API: names pinned, Derivation attributes, every Step class documented."""


import sympy

import derive
from derive import steps

PUBLIC = ["CheckResult", "Derivation", "DeriveError", "ParseError", "UsageError", "chain", "check", "compose",
          "critical_points", "explain", "gradient", "implicit", "jacobian", "limit_definition",
          "softmax"]


def test_public_names_are_pinned():
    assert sorted(derive.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert hasattr(derive, name)


def test_explain_returns_a_derivation():
    d = derive.explain("sin(x^2)", wrt="x", order=1)
    x = sympy.Symbol("x")
    assert d.expression == sympy.sin(x**2)
    assert d.wrt == (x,)
    assert d.result == 2 * x * sympy.cos(x**2)
    assert d.steps.rule == "chain" and d.verified
    assert "Chain rule" in d.render("text")


def test_every_step_class_has_a_formula_docstring_and_a_rule_name():
    classes = steps.rule_classes()
    assert len(classes) >= 19
    for cls in classes:
        assert cls.__doc__ and cls.__doc__.strip(), cls
        assert cls.rule != "step", cls
    assert len({c.rule for c in classes}) == len(classes)
