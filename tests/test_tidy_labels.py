"""The step that puts a derivative over one denominator is named by what it did: combining
fractions, or, for a single fraction, expanding its numerator, taking out a factor, cancelling."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings

from derive import explain
from derive.tidy import tidy_steps
from strategies import smooth_expressions

x, t = sympy.symbols("x t")

ONE_DENOMINATOR = {"common_denominator", "common_denominator_numerator", "expand_numerator",
                   "factor_numerator", "expand_factor_numerator", "expand_cancel"}


@pytest.mark.parametrize("before, name", [
    ("-4/x**3 - 15/x**4", "common_denominator_numerator"),
    ("1/x - 1/x**2", "common_denominator"),
    ("(t**5*(4*t + sin(t)) + 5*t**4*(-2*t**2 + cos(t)))/(-2*t**2 + cos(t))**2",
     "expand_factor_numerator"),
    ("(-t**2*cot(t)*csc(t) - 2*t*(csc(t) - 4))/t**4", "expand_cancel"),
])
def test_named_by_what_changed(before, name):
    steps = tidy_steps(sympy.sympify(before))
    assert steps[0][0] == name
    assert sympy.simplify(steps[0][1] - sympy.sympify(before)) == 0


def test_the_sigmoid_keeps_its_short_form():
    """σ(x)′ = e^(−x)/(1 + e^(−x))² is shown over one denominator, eˣ/(eˣ + 1)²."""
    d = explain("1/(1+e^(-x))")
    assert sympy.count_ops(d.result) <= sympy.count_ops(sympy.exp(x) / (sympy.exp(x) + 1) ** 2)
    assert sympy.simplify(d.result - sympy.diff(1 / (1 + sympy.exp(-x)), x)) == 0


def _has_inner_fraction(expr) -> bool:
    return any(p.exp.is_negative for p in expr.atoms(sympy.Pow)) or any(
        e.args[0].could_extract_minus_sign() for e in expr.atoms(sympy.exp))


@settings(max_examples=60, deadline=None)
@given(smooth_expressions)
def test_a_single_fraction_is_never_said_to_be_combined(expr):
    d = explain(expr, wrt="x", allow_absent=True)
    stack = [d.steps]
    while stack:
        node = stack.pop()
        stack.extend(node.children())
        for rewrite in getattr(node, "algebra", ()):
            if rewrite.rewrite not in ONE_DENOMINATOR:
                continue
            numerator, denominator = sympy.fraction(rewrite.expr)
            combined = _has_inner_fraction(numerator) or _has_inner_fraction(denominator)
            assert rewrite.rewrite.startswith("common_denominator") == combined
            if rewrite.rewrite in ("expand_numerator", "factor_numerator", "expand_factor_numerator"):
                assert sympy.fraction(rewrite.result)[1] == denominator
