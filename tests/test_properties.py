"""Property tests: random expressions, every step checked against sympy.diff."""

import sympy
from hypothesis import HealthCheck, given, settings

from derive import explain
from derive.steps import walk

from strategies import smooth_expressions, x

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(smooth_expressions)
def test_every_node_of_a_random_derivation_is_verified(expr):
    """Each node's result equals the derivative of its expression; the whole equals sympy.diff."""
    derivation = explain(expr, wrt=x, allow_absent=True)
    failed = [(step.rule, step.expr) for step, verdict in
              zip(walk(derivation.steps), derivation.verification.verdicts) if not verdict.ok]
    assert not failed
    assert derivation.verification.oracle.ok
    assert derivation.verified


@SETTINGS
@given(smooth_expressions)
def test_the_result_is_equal_to_sympy_diff_at_sample_points(expr):
    """Independently of the verifier: compare with sympy.diff at two fixed points."""
    result = explain(expr, wrt=x, allow_absent=True).result
    expected = sympy.diff(expr, x)
    for point in ({x: sympy.Rational(7, 10), sympy.Symbol("y"): sympy.Rational(13, 10)},
                  {x: sympy.Rational(-6, 5), sympy.Symbol("y"): sympy.Rational(1, 3)}):
        a = complex(result.evalf(30, subs=point))
        b = complex(expected.evalf(30, subs=point))
        assert abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@SETTINGS
@given(smooth_expressions)
def test_every_detail_level_ends_with_the_derivative_of_sympy(expr):
    """At brief, standard and full the result the prose ends with equals sympy.diff at two
    points, and every named rewrite of the algebra was verified."""
    from derive.narrate.document import Result
    from derive.steps import RewriteStep

    derivation = explain(expr, wrt=x, allow_absent=True)
    expected = sympy.diff(expr, x)
    for level in ("brief", "standard", "full"):
        result = next(b for b in derivation.document(detail=level).blocks if isinstance(b, Result))
        shown = result.chain[-1]
        for point in ({x: sympy.Rational(7, 10), sympy.Symbol("y"): sympy.Rational(13, 10)},
                      {x: sympy.Rational(-6, 5), sympy.Symbol("y"): sympy.Rational(1, 3)}):
            a = complex(shown.evalf(30, subs=point))
            b = complex(expected.evalf(30, subs=point))
            assert abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)), level
    for step, verdict in zip(walk(derivation.steps), derivation.verification.verdicts):
        if isinstance(step, RewriteStep):
            assert verdict.ok, step.rewrite
