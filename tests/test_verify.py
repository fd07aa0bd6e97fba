"""The verifier: right steps pass, wrong steps fail and say where, the unknowable is unchecked."""

import dataclasses

from sympy import Function, cos, exp, log, sin, sqrt, symbols

from derive.steps import ChainStep, walk
from derive.trace import trace
from derive.verify import verify

x, y = symbols("x y")


def test_a_correct_derivation_is_verified_node_by_node():
    verification = verify(trace(sin(x**2) * exp(x) / (1 + x**2), x))
    assert verification.verified
    assert all(v.ok for v in verification.verdicts)
    assert verification.oracle.ok


def test_a_wrong_leaf_fails_and_the_failure_is_located():
    """Replace the inner derivative of sin(x²) by x (instead of 2x): that node fails."""
    good = trace(sin(x**2), x)
    bad_inner = dataclasses.replace(good.inner_step, result=x)
    bad = dataclasses.replace(good, inner_step=bad_inner, result=x * cos(x**2))
    verification = verify(bad)
    assert not verification.verified
    assert verification.of(bad_inner).status == "failed"
    assert "≠" in verification.of(bad_inner).detail
    assert verification.oracle.status == "failed"


def test_a_wrong_tidying_fails_even_if_the_children_are_right():
    good = trace(x * sin(x), x)
    bad = dataclasses.replace(good, result=good.result + 1)
    verification = verify(bad)
    assert verification.of(bad).status == "failed"
    assert all(verification.of(child).ok for child in bad.children())


def test_large_nodes_are_checked_numerically():
    expr = sum((sin(k * x) + cos(x**k)) for k in range(1, 12))
    step = trace(expr, x)
    verification = verify(step)
    assert verification.verified
    assert verification.of(step).status == "numeric"


def test_undefined_functions_are_checked_through_a_stand_in():
    f = Function("f")
    verification = verify(trace(f(x**2) * sin(x), x))
    assert verification.verified


def test_nothing_defined_means_unchecked_not_passed():
    """log(−1 − x²) is nowhere real: the nodes cannot be checked numerically, and say so."""
    step = trace(sqrt(-1 - x**2) * log(-2 - x**4) * x**x, x)
    verification = verify(step)
    statuses = {v.status for v in verification.verdicts}
    assert "failed" not in statuses
    assert "unchecked" in statuses or all(v.status == "symbolic" for v in verification.verdicts)
    if "unchecked" in statuses:
        assert not verification.verified


def test_the_same_tree_gets_the_same_verdicts():
    step = trace(exp(sin(x)) * y, x)
    assert verify(step).verdicts == verify(step).verdicts


def test_chain_steps_of_deep_trees_are_each_checked():
    expr = x
    for _ in range(60):
        expr = sin(expr)
    step = trace(expr, x)
    verification = verify(step)
    assert verification.verified
    assert len(verification.verdicts) == sum(1 for _ in walk(step))
    assert sum(isinstance(s, ChainStep) for s in walk(step)) == 59
