"""The seed tutorial's multivariable examples, and unit tests of each topic."""

from __future__ import annotations

import json

import pytest
import sympy
from sympy import Symbol, cos, exp, sin, sqrt, symbols

from derive import chain, compose, critical_points, explain, gradient, implicit, limit_definition
from derive.narrate.phrases import say
from derive.render import ALL_FORMATS

x, y, u, v, h = symbols("x y u v h")
w1, x1, w2, x2, b1 = symbols("w1 x1 w2 x2 b1")


def test_seed_partials_of_a_neuron():
    """∂z/∂x1 = w1, ∂z/∂x2 = w2, ∂z/∂b1 = 1, every other variable held constant."""
    g = gradient(w1 * x1 + w2 * x2 + b1, wrt=[x1, x2, b1])
    assert list(g.result) == [w1, w2, 1]
    assert g.verified
    assert g.data()["result"] == {"x1": "w1", "x2": "w2", "b1": "1"}


def test_seed_minimum_of_x2_plus_y2():
    """x² + y² has one critical point, (0, 0), a minimum."""
    c = critical_points(x**2 + y**2)
    assert [p.as_dict() for p in c.points] == [{x: 0, y: 0}]
    assert c.points[0].classification == "minimum"
    assert c.verified and c.status == "solved"


def test_seed_composition():
    """f = 2x + 3, g = x²: f(g(x)) = 2x² + 3, 11 at x = 2, derivative 4x."""
    c = compose(2 * x + 3, x**2, at=2)
    assert c.composite == 2 * x**2 + 3
    assert (c.inner_value, c.value) == (4, 11)
    assert c.result == 4 * x and c.derivative_value == 8
    assert c.verified


def test_seed_chain_rule():
    """z = u² + v, u = x² + y, v = x + y²: ∂z/∂x = 4x(x² + y) + 1, ∂z/∂y = 2x² + 4y."""
    r = chain(u**2 + v, {u: x**2 + y, v: x + y**2})
    assert r.derivative(x).result == 4 * x * (x**2 + y) + 1
    assert sympy.expand(r.derivative(y).result - (2 * x**2 + 4 * y)) == 0
    assert r.verified and not r.leibniz


def test_seed_mixed_partial_order():
    """--wrt x --wrt y is ∂/∂y(∂f/∂x), and the narration says so in that order."""
    d = explain(x**2 * y**3 + sin(x) * y, wrt=[x, y])
    assert d.result == 6 * x * y**2 + cos(x)
    text = d.render("text")
    assert "∂/∂y(∂f/∂x)" in text
    assert text.index("with respect to x") < text.index("with respect to y")


def test_single_intermediate_is_leibniz():
    """One intermediate and one parameter: dy/dx = dy/du · du/dx."""
    r = chain(sin(u), {u: x**2})
    assert r.leibniz and r.name == Symbol("y")
    assert r.derivative(x).result == 2 * x * cos(x**2)
    assert "Leibniz" in r.render("text")
    assert str(r.data()["name"]) == "y"


def test_chain_direct_dependence():
    """A parameter that also occurs directly in z adds its own term."""
    r = chain(u * x, {u: x**2})
    assert sympy.expand(r.derivative(x).result - 3 * x**2) == 0
    assert any(t.intermediate is None for t in r.derivative(x).terms)


def test_critical_infinite_set_is_reported():
    """x²y² is critical along both axes: the set is infinite and the test inconclusive."""
    c = critical_points(x**2 * y**2)
    assert c.status == "infinite"
    assert all(p.free for p in c.points)
    assert {p.classification for p in c.points} == {"inconclusive"}
    assert "infinite" in c.render("text")


def test_critical_one_variable_and_undefined_points():
    """4√x − x²: f' = 0 at x = 1 (maximum); f' undefined at x = 0, listed separately."""
    c = critical_points(4 * sqrt(x) - x**2)
    assert [p.as_dict() for p in c.points] == [{x: 1}]
    assert c.points[0].classification == "maximum"
    assert c.undefined == (((x, 0),),)


def test_critical_saddle_and_no_solution():
    """x² − y² has a saddle at the origin; x + y has no critical point."""
    assert critical_points(x**2 - y**2).points[0].classification == "saddle"
    none = critical_points(x + y)
    assert none.status == "none" and none.points == ()


@pytest.mark.parametrize("expr, moves", [
    (x**2, {"rational"}), (1 / x, {"rational"}), (sqrt(x), {"root"}),
    (sin(x), {"sine"}), (cos(2 * x), {"cosine"}), (exp(3 * x), {"exp"}),
    (x**3 + sin(x), {"rational", "sine"}), (sympy.log(x), {"fallback"}),
])
def test_limit_definition(expr, moves):
    """The limit of the difference quotient equals the derivative, by the expected moves."""
    r = limit_definition(expr)
    assert {p.move for p in r.pieces} == moves
    assert sympy.simplify(r.result - sympy.diff(expr, x)) == 0
    assert r.verified
    assert r.fallback == ("fallback" in moves)


def test_limit_partial_only_the_chosen_variable_moves():
    """∂/∂x (x²y) by the limit definition: y stays fixed."""
    r = limit_definition(x**2 * y, wrt=x)
    assert r.result == 2 * x * y and r.held == (y,)
    assert "x + h, y" in r.render("text")


def test_limit_names_standard_limits():
    """The sine move names sin t/t → 1 and (cos t − 1)/t → 0."""
    text = limit_definition(sin(x)).render("text")
    assert "sin t / t → 1" in text and "(cos t − 1)/t → 0" in text


def test_implicit_circle():
    """x² + y² − 1 = 0 gives dy/dx = −x/y."""
    r = implicit(x**2 + y**2 - 1)
    assert r.result == -x / y and r.verified


def test_verification_catches_a_wrong_answer():
    """The comparison helper fails on a wrong answer (so the checks can fail)."""
    from derive.topics.common import compare

    assert compare(2 * x + 1, 2 * x, "a wrong reference").status == "failed"


SUBJECTS = {
    "gradient": lambda: gradient(w1 * x1 + b1, wrt=[x1, b1]),
    "critical": lambda: critical_points(x**2 + y**2),
    "chain": lambda: chain(u**2 + v, {u: x**2 + y, v: x + y**2}),
    "compose": lambda: compose(2 * x + 3, x**2, at=2),
    "limit": lambda: limit_definition(x**2),
    "implicit": lambda: implicit(x**3 + y**2 * x - 3),
}


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_json_follows_the_schema(kind):
    """Each topic's JSON is derive/1 with its own kind, and says it is verified."""
    data = json.loads(SUBJECTS[kind]().render("json"))
    assert data["schema"] == "derive/1" and data["kind"] == kind
    for key in ("input", "expression", "wrt", "result", "latex", "verified", "steps"):
        assert key in data
    assert data["verified"] is True


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_and_language_renders(kind, lang):
    """Text and rich in both languages, deterministic."""
    subject = SUBJECTS[kind]()
    for format in ALL_FORMATS:
        first = subject.render(format, lang)
        assert first and first == subject.render(format, lang)


@pytest.mark.parametrize("topic", [lambda: gradient("xy"), lambda: critical_points("xy"),
                                   lambda: limit_definition("xy", wrt="x"),
                                   lambda: chain("uv", ["u=x", "v=x^2"])])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_topic_says_how_ambiguous_input_was_read(topic, lang):
    """``xy`` is read as x·y, and each topic says so, as ``derive diff`` does."""
    text = topic().render("text", lang)
    assert "".join(map(str, say(lang, "mark.reading"))) in text
    sentence = "".join(map(str, say(lang, "reading_as", written="xy", read="x·y")))
    assert sentence in text.replace("uv", "xy").replace("u·v", "x·y")
    assert text == topic().render("text", lang)
