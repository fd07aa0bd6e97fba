"""The tracer: each rule gives its own Step class, and every result equals sympy.diff."""

import pytest
import sympy
from sympy import Abs, E, Function, Rational, cos, erf, exp, gamma, log, pi, sin, sqrt, symbols, tan

from derive.functions import TABLE, relu
from derive.steps import (AbsStep, ChainStep, ConstantMultipleStep, ConstantStep, ExponentialStep,
                          ExpStep, FunctionStep, HeldConstantStep, LogBaseStep, LogDiffStep, LogLawsStep,
                          LogProductStep, LogStep, PowerStep, ProductStep, QuotientStep, ReluStep, SumStep,
                          UnknownStep, VariableStep, walk)
from derive.trace import trace, trace_repeated
from derive.verify import sympy_derivative

x, y, u, v, w = symbols("x y u v w")
f = Function("f")


def same(a, b) -> bool:
    """Equal as simplify proves it, also where the named algebra wrote tan, cot, sec or csc."""
    difference = a - b
    return sympy.simplify(difference) == 0 or sympy.simplify(difference.rewrite(sympy.cos)) == 0


CASES = [
    (sympy.Integer(7), ConstantStep),
    (pi, ConstantStep),
    (y**2, HeldConstantStep),
    (x, VariableStep),
    (x**5, PowerStep),
    (x**-3, PowerStep),
    (sqrt(x), PowerStep),
    (x**Rational(2, 3), PowerStep),
    (x**2 + sin(x), SumStep),
    (3 * x**2, ConstantMultipleStep),
    (x * sin(x), ProductStep),
    (x * sin(x) * exp(x), ProductStep),
    (sin(x) / x, QuotientStep),
    (exp(x) / (1 + exp(x)), QuotientStep),
    (1 / (1 + exp(-x)), QuotientStep),
    (sin(x**2), ChainStep),
    ((x**2 + 1) ** 3, ChainStep),
    (exp(x), ExpStep),
    (2**x, ExponentialStep),
    (log(x), LogStep),
    (log(x, 2), LogBaseStep),
    (x**x, LogDiffStep),
    (sin(x) ** x, LogDiffStep),
    (sympy.log(x**2 * sin(x) / (2 * x + 1)), LogLawsStep),
    (sympy.log(sympy.sqrt(x**2 + 1)), LogLawsStep),
    ((x + 1)**2 * (x - 2)**3 / (x**2 + 1)**4, LogProductStep),
    (Abs(x), AbsStep),
    (relu(x), ReluStep),
    (erf(x), FunctionStep),
    (gamma(x), UnknownStep),
    (f(x), UnknownStep),
]
TABLE_FUNCTIONS = [entry.function for entry in TABLE]


@pytest.mark.parametrize(("expr", "step_class"), CASES, ids=[str(c[0]) for c in CASES])
def test_each_rule_has_its_step_and_matches_sympy(expr, step_class):
    """The root step has the rule's class and its result equals sympy.diff (for |x| and the
    other functions of a real variable, taken with x real, as verification does)."""
    step = trace(expr, x)
    assert type(step) is step_class
    assert same(step.result, sympy_derivative(expr, (x,)).doit())


@pytest.mark.parametrize("fn", TABLE_FUNCTIONS, ids=lambda fn: fn.__name__)
def test_table_functions(fn):
    """Every function of the table: a FunctionStep at x, a chain rule at x²."""
    at_x = trace(fn(x), x)
    assert type(at_x) is FunctionStep and at_x.function == fn.__name__
    applied = fn(x**2 + 1, evaluate=False)      # floor(x² + 1) would become floor(x²) + 1
    nested = trace(applied, x)
    assert type(nested) is ChainStep
    expected = sympy_derivative(applied, (x,))
    for point in (Rational(3, 2), Rational(5, 2)):
        a, b = nested.result.subs(x, point).evalf(30), expected.subs(x, point).evalf(30)
        assert abs(complex(a) - complex(b)) < 1e-20


def test_abs_derivative_is_sign():
    assert trace(Abs(x), x).result == sympy.sign(x)


def test_chain_names_outer_and_inner():
    """sin(x²): outer sin(u), inner u = x², result 2x·cos(x²)."""
    step = trace(sin(x**2), x)
    assert step.outer == sin(u) and step.inner == x**2 and step.u == u
    assert step.result == 2 * x * cos(x**2)
    assert type(step.outer_step) is FunctionStep and type(step.inner_step) is PowerStep


def test_substitution_names_are_deterministic_and_avoid_the_input():
    """Nested chains take u, v, w, then u_1 …, skipping names the input uses."""
    step = trace(sin(cos(tan(exp(x**2)))), x)
    names = [s.u.name for s in walk(step) if isinstance(s, ChainStep)]
    assert names == ["u", "v", "w", "u_1"]
    clashing = trace(sin(u * cos(v * x**2)), x)
    names = [s.u.name for s in walk(clashing) if isinstance(s, ChainStep)]
    assert names and not {"u", "v"} & set(names)


def test_partial_derivative_holds_other_variables_constant():
    """∂/∂x1 (w1 x1 + w2 x2 + b1) = w1; the x1-free terms are held constant."""
    w1, x1, w2, x2, b1 = symbols("w1 x1 w2 x2 b1")
    step = trace(w1 * x1 + w2 * x2 + b1, x1)
    assert step.result == w1
    held = [s for s in walk(step) if isinstance(s, HeldConstantStep)]
    assert {sym for s in held for sym in s.held_constant} == {w2, x2, b1}
    assert trace(w1 * x1 + w2 * x2 + b1, b1).result == 1


def test_an_absent_variable_gives_zero():
    assert trace(sin(x), y).result == 0


def test_undefined_function_of_an_inner_function():
    """f(x²): chain rule, the outer derivative is sympy's (marked unknown), result 2x f'(x²)."""
    step = trace(f(x**2), x)
    assert type(step) is ChainStep and type(step.outer_step) is UnknownStep
    assert step.outer_step.reason == "undefined_function"
    assert step.result == sympy.diff(f(x**2), x)


def test_x_to_the_x():
    assert same(trace(x**x, x).result, x**x * (log(x) + 1))


def test_repeated_derivatives_take_each_order_from_the_previous():
    step = trace_repeated(sin(x**2), (x, x, x))
    assert len(step.derivatives) == 3
    assert step.derivatives[1].expr == step.derivatives[0].result
    assert same(step.result, sympy.diff(sin(x**2), x, 3))
    mixed = trace_repeated(x**2 * y**3, (x, y))
    assert mixed.result == 6 * x * y**2


def test_steps_are_frozen_and_equal_only_within_a_rule():
    a = trace(x**2, x)
    with pytest.raises(AttributeError):
        a.result = 0  # type: ignore[misc]
    assert a == trace(x**2, x)
    assert ConstantStep(expr=E, var=x, result=0) != HeldConstantStep(
        expr=E, var=x, result=0, held_constant=())
