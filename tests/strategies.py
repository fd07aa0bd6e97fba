"""Hypothesis strategies: random expressions over the functions derive knows."""

from __future__ import annotations

import sympy
from hypothesis import strategies as st

from derive.functions import sigmoid, softplus

x, y = sympy.symbols("x y")

# functions defined (and smooth) on the whole real line
SMOOTH = (sympy.sin, sympy.cos, sympy.exp, sympy.atan, sympy.sinh, sympy.cosh, sympy.tanh,
          sympy.acot, sigmoid, softplus, sympy.asinh)
# functions that need a positive argument: applied to 1 + u² or e^u
POSITIVE = (sympy.log, sympy.sqrt, lambda u: sympy.log(u, 2), lambda u: u ** sympy.Rational(1, 3))

leaves = st.one_of(
    st.just(x), st.just(x), st.just(y),
    st.integers(min_value=-4, max_value=5).map(sympy.Integer),
    st.sampled_from([sympy.Rational(1, 2), sympy.pi, sympy.E]),
)


def _extend(children):
    unary = st.tuples(st.sampled_from(SMOOTH), children).map(lambda t: t[0](t[1]))
    positive = st.tuples(st.sampled_from(POSITIVE), children).map(lambda t: t[0](1 + t[1] ** 2))
    add = st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Add(*a))
    mul = st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Mul(*a))
    quotient = st.tuples(children, children).map(lambda t: t[0] / (2 + sympy.cos(t[1])))
    power = st.tuples(children, st.sampled_from([2, 3, -1, -2, sympy.Rational(1, 2)])).map(
        lambda t: (1 + t[0] ** 2) ** t[1])
    tower = children.map(lambda c: (2 + sympy.sin(c)) ** sympy.cos(c))
    return st.one_of(unary, positive, add, mul, quotient, power, tower)


smooth_expressions = st.recursive(leaves, _extend, max_leaves=12)


def _monomial(draw_coefficient, a, b):
    return draw_coefficient * x ** a * y ** b


monomials = st.builds(_monomial, st.integers(-5, 5).filter(bool), st.integers(0, 3),
                      st.integers(-1, 3))
#: equations lhs = rhs of sums of monomials c·xᵃ·yᵇ (b may be −1: a term c·xᵃ/y) in both x
#: and y: curves whose dy/dx is a rational function of x and y
rational_equations = st.tuples(
    st.lists(monomials, min_size=2, max_size=4).map(lambda terms: sympy.Add(*terms)),
    st.one_of(st.integers(-6, 6).map(sympy.Integer), monomials),
).filter(lambda sides: (sides[0] - sides[1]).free_symbols == {x, y}
         and sympy.diff(sides[0] - sides[1], y) != 0)
