"""The public API: names pinned, Derivation attributes, every Step class documented."""


import sympy

import derive
from derive import steps

PUBLIC = ["Backpropagation", "CheckResult", "Composition", "CriticalPoints", "Derivation", "DeriveError", "Explained",
          "Gradient", "ImplicitDerivative", "IndexedJacobian", "IndexedResult", "LimitDefinition",
          "MultivariableChain", "ParseError", "PlainJacobian", "SoftmaxResult", "Step", "UsageError",
          "Verification", "backprop", "chain", "check", "compose", "critical_points", "explain", "gradient",
          "implicit", "jacobian", "limit_definition", "softmax"]
RESULTS = ["Backpropagation", "CheckResult", "Composition", "CriticalPoints", "Derivation", "Gradient",
           "ImplicitDerivative", "IndexedJacobian", "IndexedResult", "LimitDefinition",
           "MultivariableChain", "PlainJacobian", "SoftmaxResult"]


def test_public_names_are_pinned():
    """``derive.__all__`` is exactly the documented API, and every name in it exists."""
    assert sorted(derive.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert hasattr(derive, name)


def test_every_result_type_is_exported_and_explained_the_same_way():
    """Every result offers the one protocol: document, data, render, rich and Jupyter displays."""
    for name in RESULTS:
        result_type = getattr(derive, name)
        assert issubclass(result_type, derive.Explained), name
        for method in ("document", "data", "render", "__rich__", "_repr_markdown_", "_repr_latex_"):
            assert getattr(result_type, method) is getattr(derive.Explained, method), (name, method)


def test_every_result_type_has_a_narration():
    """A result class without a narration would fail only when first rendered: none lacks one."""
    from derive.narrate import NARRATIONS

    for name in RESULTS:
        if name != "IndexedResult":       # the base of the indexed results, never returned itself
            assert name in NARRATIONS, name
    assert set(NARRATIONS) <= set(RESULTS)


def test_the_api_module_has_explicit_exports():
    """``derive.api`` says what it offers; reading input is a module of its own."""
    from derive import api, inputs

    assert api.__all__ == ["Derivation", "explain"]
    assert {"read_expression", "read_variable", "read_variables", "choose_variables"} <= set(vars(inputs))


def test_explain_returns_a_derivation():
    """``explain`` gives the expression, the variables, the result and the verified steps."""
    d = derive.explain("sin(x^2)", wrt="x", order=1)
    x = sympy.Symbol("x")
    assert d.expression == sympy.sin(x**2)
    assert d.wrt == (x,)
    assert d.result == 2 * x * sympy.cos(x**2)
    assert d.steps.rule == "chain" and d.verified
    assert "Chain rule" in d.render("text")


def test_every_step_class_has_a_formula_docstring_and_a_rule_name():
    """Each Step class documents its formula and has a rule name of its own."""
    classes = steps.rule_classes()
    assert len(classes) >= 19
    for cls in classes:
        assert cls.__doc__ and cls.__doc__.strip(), cls
        assert cls.rule != "step", cls
    assert len({c.rule for c in classes}) == len(classes)
