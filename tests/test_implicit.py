"""Implicit differentiation as a textbook does it: both sides differentiated with y = y(x), the
dy/dx terms collected and solved; checked against ``sympy.idiff`` and −F_x/F_y over textbook
exercises (tests/data/implicit_exercises.jsonl), in every format, language and detail level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy
from hypothesis import HealthCheck, given, settings

from derive import implicit
from strategies import rational_equations

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "implicit_exercises.jsonl").read_text().splitlines()]
x, y = sympy.symbols("x y")


def _equal(a, b) -> bool:
    difference = a - b
    if sympy.simplify(difference) == 0:
        return True
    points = [(0.3, 0.7), (1.1, 0.4), (-0.6, 1.3)]
    return all(abs(complex(difference.subs({x: p, y: q}).evalf())) < 1e-9 for p, q in points)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_both_sides_agree_with_idiff_and_the_book(case):
    r = implicit(case["equation"])
    lhs, rhs = (sympy.sympify(side) for side in _sides(case["equation"]))
    F = lhs - rhs
    assert _equal(r.result, sympy.idiff(F, y, x))
    assert _equal(r.result, sympy.sympify(case["answer"]))
    assert r.verified and r.check.ok and r.formula_check.ok


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_side_is_differentiated_and_the_terms_are_collected(case):
    """d/dx lhs = d/dx rhs (y = y(x)) split into dy/dx terms and others: B·dy/dx = −A."""
    r = implicit(case["equation"])
    Y, s = sympy.Function("y")(x), sympy.Symbol("s")

    def linear(side):
        d = sympy.diff(sympy.sympify(side).subs(y, Y), x)
        return d.subs(sympy.Derivative(Y, x), s).subs(Y, y)

    lhs, rhs = _sides(case["equation"])
    (left_slope, right_slope), (left_other, right_other) = r.slope_terms, r.other_terms
    assert _equal(sympy.Add(*left_slope) * s + sympy.Add(*left_other), linear(lhs))
    assert _equal(sympy.Add(*right_slope) * s + sympy.Add(*right_other), linear(rhs))
    assert _equal(r.coefficient * s + r.without, linear(lhs) - linear(rhs))
    assert r.left.verified and r.right.verified


def test_the_direct_route_gives_the_same_answer_and_says_so():
    book, direct = implicit("x^3 + y^3 = 6xy"), implicit("x^3 + y^3 = 6xy", route="direct")
    assert direct.result == book.result and direct.verified
    assert json.loads(direct.render("json"))["route"] == "direct"
    assert json.loads(book.render("json"))["route"] == "book"
    text = direct.render("text", width=400)
    assert text.index("By the formula") < text.index("Check: differentiate both sides")
    assert "--route book" in text


def test_a_book_writes_the_coefficient_before_dy_dx():
    from derive.narrate.document import Equation
    from derive.render.mathtext import inline

    document = implicit("x^2 + xy + y^2 = 7").document("en", "brief")
    lines = [" = ".join(inline(e) for e in block.chain) for block in document.blocks
             if isinstance(block, Equation)]
    assert not any("dy/dx·x" in line for line in lines)
    assert "x·dy/dx + 2·y·dy/dx = −2·x − y" in [line.replace("-", "−") for line in lines]
    assert "(x + 2·y)·dy/dx = −2·x − y" in [line.replace("-", "−") for line in lines]


def test_the_title_shows_the_equation_as_typed():
    r = implicit("x^2 + y^2 = 25")
    assert r.render("text").splitlines()[0] == "Implicit derivative dy/dx for x² + y² = 25"
    data = json.loads(r.render("json"))
    assert data["equation"] == {"lhs": "x**2 + y**2", "rhs": "25"}


@pytest.mark.parametrize("fmt", ["text", "latex", "markdown", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("detail", ["brief", "standard", "full"])
@pytest.mark.parametrize("route", ["book", "direct"])
def test_every_format_language_level_and_route(fmt, lang, detail, route):
    out = implicit("sin(x+y) = y^2 cos x", route=route).render(fmt, lang, detail)
    assert out and "dy/dx·" not in out and "y(x)·" not in out


def _sides(equation: str) -> tuple[str, str]:
    """The two sides of a case, in sympy's syntax (the cases are written so that this reads them)."""
    from derive.parse import parse_equation

    return tuple(str(side) for side in parse_equation(equation).sides)


def test_y_itself_is_a_function_of_x_not_a_missing_rule():
    for lang in ("en", "zh"):
        text = implicit("x y = 25").render("text", lang, "full", width=400)
        assert "[fallback]" not in text and "No rule" not in text and "sympy's derivative" not in text
    text = implicit("x y = 25").render("text", "en", "full", width=400)
    assert "y is a function of x; its derivative is written dy/dx." in text


def _polynomial_fraction(expr) -> bool:
    """One fraction whose numerator and denominator are polynomials in x and y."""
    numerator, denominator = sympy.fraction(expr)
    return numerator.is_polynomial(x, y) and denominator.is_polynomial(x, y)


def _all_negative(part) -> bool:
    return part.is_Add and all(term.could_extract_minus_sign() for term in part.args)


def _signs_as_written(expr) -> tuple:
    """The numerator and denominator after the number in front (−1 of −(3x² + y²)/(2xy))."""
    return sympy.fraction(expr.as_coeff_Mul()[1])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_answer_is_one_fraction_as_the_book_writes_it(case):
    """One fraction without fractions inside, no longer than the book's answer when that is one
    fraction too, and the rewrites to it named and checked."""
    from derive.tidy import one_fraction

    r = implicit(case["equation"])
    book = sympy.sympify(case["answer"])
    assert one_fraction(r.result)
    if one_fraction(book):
        assert r.result == book or sympy.count_ops(r.result) <= sympy.count_ops(book)
    numerator, denominator = _signs_as_written(r.result)
    assert not _all_negative(numerator) and not _all_negative(denominator)
    assert len(r.algebra) == len(r.algebra_checks) and all(v.ok for v in r.algebra_checks)
    forms = [r.raw] + [step.result for step in r.algebra]
    assert all(step.expr == before for step, before in zip(r.algebra, forms))


def test_the_book_form_of_x3_plus_xy2():
    """−(3x² + y²)/(2xy), not −(3x/y + y/x)/2, with the minus sign taken out as a named step."""
    from derive.render.mathtext import inline

    r = implicit("x^3 + y^2*x = 3")
    assert inline(r.result).replace("-", "−") == "−(3·x² + y²)/(2·x·y)"
    assert [step.rewrite for step in r.algebra] == ["minus_front"]
    for lang, phrase in (("en", "Take the minus sign out in front"), ("zh", "把负号提到前面")):
        assert phrase in r.render("text", lang, "standard", width=400)
    data = json.loads(r.render("json"))
    assert data["algebra"][0]["rewrite"] == "minus_front" and data["algebra"][0]["check"] == "symbolic"
    assert sympy.sympify(data["raw"]) == r.raw


def test_fractions_inside_are_combined_over_a_common_denominator():
    r = implicit("arctan(x^2 y) = x + x y^2")
    assert r.algebra[0].rewrite.startswith("common_denominator")
    assert _polynomial_fraction(r.result) and r.verified


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rational_equations)
def test_random_rational_curves_end_in_one_fraction_equal_to_idiff(sides):
    """For a curve of monomials (and c·xᵃ/y), dy/dx is sympy.idiff's, one fraction of
    polynomials in lowest terms, with no all-negative numerator or denominator."""
    lhs, rhs = sides
    r = implicit(sympy.Eq(lhs, rhs, evaluate=False))
    assert sympy.cancel(r.result - sympy.idiff(lhs - rhs, y, x)) == 0
    assert _polynomial_fraction(r.result)
    numerator, denominator = sympy.fraction(r.result)
    assert sympy.gcd(numerator, denominator).is_number
    numerator, denominator = _signs_as_written(r.result)
    assert not _all_negative(numerator) and not _all_negative(denominator)
    assert r.verified and all(v.ok for v in r.algebra_checks)
