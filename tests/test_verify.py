"""The verifier: right steps pass, wrong steps fail and say where, the unknowable is unchecked."""

import dataclasses

from sympy import Function, cos, exp, log, sin, symbols

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
    """Σ ln(−k − x²)·sin(kx) is nowhere real: too large for the symbolic check, its sum node and
    the oracle comparison find no usable point, say so, and the derivation is not verified."""
    step = trace(sum(log(-k - x**2) * sin(k * x) for k in range(1, 8)), x)
    verification = verify(step)
    assert verification.of(step).status == "unchecked"
    assert verification.oracle.status == "unchecked"
    assert "failed" not in verification.counts
    assert not verification.verified


def test_a_domain_outside_the_usual_points_is_looked_for_farther_out():
    """ln(sin x·(x − 3)) is real only where x > 3 and sin x > 0 (3 < x < π, 2π < x < 3π …):
    a check that finds no usable point near 0 looks farther out, and every step is checked
    there; the wide points are seeded and boxed like the others."""
    from derive.verify.sampling import WIDE_BOXES, Sampler

    for expr in (log(sin(x) * (x - 3)), log(x - 3) * log(sin(x)), log(cos(x) * (x - 4))):
        verification = verify(trace(expr, x))
        assert "unchecked" not in verification.counts, expr
        assert verification.verified, expr
    wide = Sampler([x]).wide()
    assert wide.points == Sampler([x]).wide().points
    for i, point in enumerate(wide.points):
        low, high = WIDE_BOXES[i % len(WIDE_BOXES)]
        assert low <= point[x] <= high


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


def test_every_numeric_check_draws_from_the_one_sampler():
    """No module of derive but the sampler seeds a random generator of its own."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "derive"
    seeding = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                     if "random.Random(" in p.read_text("utf-8"))
    assert seeding == ["verify/sampling.py"]


def test_sampler_points_are_seeded_boxed_and_constrained():
    """Same symbols, same points; point i lies in box i; positive and simplex symbols hold."""
    from derive.verify.sampling import BOXES, Sampler

    a, b, p, q = symbols("a b p q")
    first, again = Sampler([b, a], 12), Sampler([a, b], 12)
    assert first.points == again.points and len(first.points) == 12
    for i, point in enumerate(first.points):
        low, high = BOXES[i % len(BOXES)]
        assert all(low <= v <= high for v in point.values())
    constrained = Sampler([a, p, q], 12, positive=[a], simplex=[p, q])
    for point in constrained.points:
        assert point[a] >= 0 and point[p] >= 0 and point[q] >= 0
        assert abs(point[p] + point[q] - 1) < 1e-30


def test_one_verdict_json_form():
    """Status under ``check`` (or the key asked for), then what it was compared with, the
    sizes n and comparisons of an indexed claim, and the detail."""
    from derive.verify import Verdict, all_of

    assert Verdict("symbolic").data() == {"check": "symbolic"}
    assert Verdict("failed", 2, "at x=1: 2 ≠ 3", "sympy.diff").data() == {
        "check": "failed", "against": "sympy.diff", "check_detail": "at x=1: 2 ≠ 3"}
    assert Verdict("numeric", 9, sizes=(2, 3)).data() == {"check": "numeric", "n": [2, 3],
                                                           "comparisons": 9}
    assert Verdict("skipped", detail="deep").data("oracle") == {"oracle": "skipped",
                                                                 "oracle_detail": "deep"}
    combined = all_of([Verdict("numeric", 3, sizes=(2,)), Verdict("unchecked", 0, "none", sizes=(3,)),
                       Verdict("numeric", 4, sizes=(4,))])
    assert combined == Verdict("unchecked", 7, "none", sizes=(2, 3, 4))
