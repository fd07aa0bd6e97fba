"""Sums a derivation makes keep the order their terms came in: the log laws write the factors
of ln(…) in the order typed, the numerator's then the denominator's, and the derivatives that
follow keep each term in its place; checked against sympy.diff."""

from __future__ import annotations

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from derive import explain
from derive.notation.spelling import printed_terms, spelled
from derive.render.mathtext import inline
from derive.steps import LogLawsStep, ProductStep, SumStep, walk
from derive.term_order import ordered_like

x = sympy.Symbol("x")

#: (typed, the factor as sympy reads it): factors that depend on x, none a multiple of another
FACTORS = [("x^2", x**2), ("sin(x)", sympy.sin(x)), ("(2x+1)", 2 * x + 1), ("e^x", sympy.exp(x)),
           ("(x^2+1)^3", (x**2 + 1) ** 3), ("sqrt(x+2)", sympy.sqrt(x + 2)), ("cos(x)", sympy.cos(x)),
           ("(x+3)", x + 3), ("atan(x)", sympy.atan(x))]


def _step(derivation, kind):
    return next(node for node in walk(derivation.steps) if isinstance(node, kind))


def _log_term(factor, sign):
    """sign·ln(factor) by the log laws: ln fⁿ = n·ln f."""
    if factor.is_Pow:
        return sign * factor.exp * sympy.log(factor.base)
    return sign * sympy.log(factor)


def test_the_log_laws_follow_the_factors_as_typed():
    d = explain("ln(x^2*sin(x)/(2x+1))")
    laws = _step(d, LogLawsStep)
    with spelled(d.spelling):
        assert inline(laws.expanded) == "2·ln(x) + ln(sin(x)) − ln(2·x + 1)"
        assert inline(d.result) == "2/x + cot(x) − 2/(2·x + 1)"
    assert sympy.simplify(d.result - sympy.diff(d.expression, x)) == 0 and d.verified
    text = d.render("text", width=400)
    assert "Write ln(x²·sin(x)/(2·x + 1)) = 2·ln(x) + ln(sin(x)) − ln(2·x + 1)" in text
    assert "term 2 — Chain rule" in text.split("term 3")[0]
    assert "2/x + cot(x) − 2/(2·x + 1)" in explain("ln(x^2*sin(x)/(2x+1))").render(
        "text", "zh", "brief", width=400)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(range(len(FACTORS))), min_size=2, max_size=4, unique=True),
       st.integers(min_value=0, max_value=2))
def test_the_expanded_logarithm_and_its_derivative_keep_the_typed_order(chosen, below):
    """ln(f₁·f₂/(g₁·g₂)): the terms ln f₁, ln f₂, −ln g₁, −ln g₂ in this order, and each
    term's derivative in its term's place in the sum rule's result."""
    below = min(below, len(chosen) - 1)
    top, bottom = chosen[:len(chosen) - below], chosen[len(chosen) - below:]
    text = "*".join(FACTORS[k][0] for k in top)
    if bottom:
        text = f"{text}/({'*'.join(FACTORS[k][0] for k in bottom)})"
    d = explain(f"ln({text})")
    assert not any(v.status == "failed" for v in (*d.verification.verdicts, d.verification.oracle))
    assert sympy.simplify(d.result - sympy.diff(d.expression, x)) == 0
    expected = ([_log_term(FACTORS[k][1], 1) for k in top]
                + [_log_term(FACTORS[k][1], -1) for k in bottom])
    laws = _step(d, LogLawsStep)
    adding = next(node for node in walk(laws) if isinstance(node, SumStep))
    with spelled(d.spelling):
        written = list(printed_terms(laws.expanded))
        assert [sympy.expand_log(t, force=True) for t in written] == \
            [sympy.expand_log(t, force=True) for t in expected]
        value = adding.value
        if value.is_Add and len(value.args) == len(expected):
            derivatives = list(printed_terms(value))
            for term, derivative in zip(expected, derivatives):
                assert sympy.simplify(sympy.diff(term, x) - derivative) == 0


def test_a_term_rewritten_in_place_keeps_its_place():
    """cos/sin = cot in the middle term: cot x takes the place of cos x/sin x."""
    a, b, c = 2 / x, sympy.cos(x) / sympy.sin(x), -2 / (2 * x + 1)
    assert ordered_like(a + sympy.cot(x) + c, [a, b, c]) == (a, sympy.cot(x), c)
    assert ordered_like(a + c, [c, a]) == (c, a)
    assert ordered_like(a + c, [sympy.sin(x)]) is None


def test_a_sums_derivative_keeps_the_typed_order_in_the_topics_too():
    """d/dx (x³ + sin(x)·y + x²) = 3x² + y·cos x + 2x, in diff and in the gradient."""
    from derive import gradient
    from derive.render.mathtext import inline

    text = "x^3 + sin(x)*y + x^2"
    d, g = explain(text, wrt="x"), gradient(text)
    for result, spelling in ((d.result, d.spelling), (g.partials[0].result, g.spelling)):
        with spelled(spelling):
            assert inline(result) == "3·x² + y·cos(x) + 2·x"
    assert sympy.diff(d.expression, x) == d.result
    assert "3⋅x  + y⋅cos(x) + 2⋅x" in g.render("text", width=400)


def test_the_product_and_quotient_rules_keep_the_formulas_order():
    """f'·g + f·g' and f'·g − f·g' as a book writes them, filled in and simplified: the terms
    stay in the formula's order (sympy's would be x²·cos x + 2x·sin x)."""
    for text, result in [("x^2*sin(x)", "2·x·sin(x) + x²·cos(x)"), ("x*e^x", "e^x + x·e^x"),
                         ("x*ln(sin(x))", "ln(sin(x)) + x·cot(x)"),
                         ("x^3*ln(x)", "3·x²·ln(x) + x²"),
                         ("sin(x)/x", "(x·cos(x) − sin(x))/x²")]:
        d = explain(text)
        with spelled(d.spelling):
            assert inline(d.result) == result, text
        assert sympy.simplify(d.result - sympy.diff(d.expression, x)) == 0 and d.verified
        assert result in d.render("text", "zh", "brief", width=400)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(range(len(FACTORS))), min_size=2, max_size=3, unique=True))
def test_a_product_rules_terms_follow_its_factors(chosen):
    """d/dx (f₁·f₂·f₃): the i-th term of the result (when nothing merged) holds fᵢ' — each
    term in its factor's place — and the result is sympy's derivative."""
    factors = [FACTORS[k][1] for k in chosen]
    d = explain("*".join(f"({FACTORS[k][0]})" for k in chosen))
    assert sympy.simplify(d.result - sympy.diff(d.expression, x)) == 0
    rule = d.steps
    if not isinstance(rule, ProductStep) or rule.algebra or not d.result.is_Add \
            or len(d.result.args) != len(factors):
        return                                   # terms merged or rewritten: no places to keep
    with spelled(d.spelling):
        terms = list(printed_terms(d.result))
    for i, term in enumerate(terms):
        others = sympy.Mul(*(f for j, f in enumerate(factors) if j != i))
        assert sympy.simplify(term / others - sympy.diff(factors[i], x)) == 0, (terms, i)
