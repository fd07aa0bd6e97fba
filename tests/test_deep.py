"""Deep nesting and long sums: no RecursionError, every step still checked."""

import pytest
import sympy

from derive import explain

x = sympy.Symbol("x")


def test_sin_nested_a_thousand_times():
    text = "sin(" * 1000 + "x" + ")" * 1000
    derivation = explain(text)
    assert derivation.verified
    assert derivation.verification.oracle.status == "skipped"
    assert derivation.render("text").count("Chain rule") >= 999


def test_a_sum_of_five_thousand_terms():
    expr = sympy.Add(*(x**k for k in range(1, 5001)))
    derivation = explain(expr)
    assert derivation.verified
    assert len(derivation.steps.terms) == 5000
    assert derivation.result.subs(x, 1) == sum(range(1, 5001))


@pytest.mark.parametrize("depth", [250])
def test_deep_chains_keep_deterministic_names(depth):
    text = "exp(" * depth + "x" + ")" * depth
    names = []
    step = explain(text).steps
    while step.rule == "chain":
        names.append(step.u.name)
        step = step.inner_step
    assert names[:4] == ["u", "v", "w", "u_1"] and len(set(names)) == len(names)
