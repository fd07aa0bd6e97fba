"""Fuzzing derive.parse: any text gives a Parsed or a ParseError, and nothing is ever executed.

Sentinels: while the parser runs, ``eval``/``exec``/``compile`` of a string, ``sympify`` of a
string and ``parse_expr`` raise and record; payloads that would touch a file if executed are
parsed and the file must not appear.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import os
import tempfile

import pytest
import sympy
import sympy.parsing.sympy_parser as sympy_parser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.deep import run_deep
from derive.errors import ParseError
from derive.functions import sigmoid, softplus
from derive.parse import Parsed, parse, parse_equation, parse_variable

sympify_module = importlib.import_module("sympy.core.sympify")  # the attribute is the function

FRAGMENTS = [
    "x", "y", "2", "0.5", "10", "+", "-", "*", "/", "^", "**", "(", ")", "{", "}", "|", ",",
    "=", "_", " ", "e", "pi", "sin", "cos", "ln", "log", "log_2", "sqrt", "f", "g", "sigma",
    "theta", "xy", "w1", "x_1", "−", "–", "·", "×", "÷", "√", "∛", "²", "³", "⁻¹", "₁", "π",
    "θ", "σ", "α", "\\frac", "\\sqrt", "\\sin", "\\cdot", "\\left(", "\\right)", "\\left|",
    "\\right|", "\\big(", "\\big)", "\\,", "\\theta", "\\sigma", "\\pi", "\\ln", "\\log_",
    "\\operatorname{softplus}", "\\tan^{-1}", "[", "]", ";", "'", '"', ".", "`", "@", "\\",
    "__import__", "lambda", ":", "os", "system", "sin^2", "^-1", "!", "é", "\t", "\n",
]

text_strategy = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join),
    st.text(max_size=30),
    st.text(alphabet="xy12+-*/^()e ", max_size=30),
)

PAYLOADS = [
    "__import__('os').system('touch {path}')",
    "exec(\"open('{path}','w')\")",
    "eval(\"open('{path}','w')\")",
    "open('{path}', 'w')",
    "x.__class__.__mro__[1].__subclasses__()",
    "lambda: open('{path}','w')",
    "`touch {path}`",
    "$(touch {path})",
    "x; import os; os.system('touch {path}')",
    "\\input{{{path}}}",
    "\\write18{{touch {path}}}",
]


class Executed(Exception):
    """Raised by a sentinel: something tried to run user text."""


@contextlib.contextmanager
def sentinels(calls: list[str]):
    """Make every way of executing text raise (and record) while the parser runs."""
    real_sympify = sympify_module.sympify
    saved = {name: getattr(builtins, name) for name in ("eval", "exec", "compile")}

    def refuse(name, real=None):
        # Imports run module code objects through exec/compile; only text is refused.
        def sentinel(*args, **kwargs):
            if real is not None and not (args and isinstance(args[0], str)):
                return real(*args, **kwargs)
            calls.append(name)
            raise Executed(name)
        return sentinel

    def guarded_sympify(value, *args, **kwargs):
        if isinstance(value, str):
            calls.append("sympify")
            raise Executed("sympify")
        return real_sympify(value, *args, **kwargs)

    patches = [(builtins, name, refuse(name, real)) for name, real in saved.items()]
    patches += [(sympy, "sympify", guarded_sympify), (sympify_module, "sympify", guarded_sympify),
                (sympy_parser, "parse_expr", refuse("parse_expr")),
                (sympy, "parse_expr", refuse("parse_expr"))]
    originals = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    try:
        for obj, name, value in patches:
            setattr(obj, name, value)
        yield
    finally:
        for obj, name, value in originals:
            setattr(obj, name, value)


def check(text: str, **options) -> None:
    """``parse(text)`` returns a Parsed or raises a ParseError with a position in range."""
    try:
        parsed = parse(text, **options)
    except ParseError as error:
        assert error.position is not None and 0 <= error.position <= len(text), error.report()
        assert error.message
        error.report()
    else:
        assert isinstance(parsed, Parsed)
        assert isinstance(parsed.expr, sympy.Basic)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, latex=st.sampled_from([None, True, False]))
def test_any_text_parses_or_fails_cleanly(text, latex):
    calls: list[str] = []
    with sentinels(calls):
        check(text, latex=latex)
    assert calls == []


@settings(max_examples=60, deadline=None)
@given(text=text_strategy)
def test_equations_and_variables_fail_cleanly(text):
    calls: list[str] = []
    with sentinels(calls):
        for reader in (parse_equation, parse_variable):
            try:
                reader(text)
            except ParseError as error:
                assert error.position is None or 0 <= error.position <= len(text)
    assert calls == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_never_executed(payload):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "executed")
        text = payload.format(path=path)
        calls: list[str] = []
        with sentinels(calls):
            for latex in (None, True, False):
                with pytest.raises(ParseError) as caught:
                    parse(text, latex=latex)
                assert 0 <= caught.value.position <= len(text)
        assert calls == []
        assert not os.path.exists(path)


def test_sentinels_work():
    calls: list[str] = []
    with sentinels(calls):
        with pytest.raises(Executed):
            sympy.sympify("1+1")
        with pytest.raises(Executed):
            builtins.eval("1")
    assert calls == ["sympify", "eval"]
    assert sympy.sympify("1+1") == 2


# -- round trip: sympy's own printing reads back ---------------------------------------------

x, y = sympy.symbols("x y")
leaves = st.sampled_from([x, y, sympy.Integer(2), sympy.Integer(-3), sympy.Rational(1, 2),
                          sympy.pi, sympy.E])
unary = [sympy.sin, sympy.cos, sympy.exp, sympy.log, sympy.sqrt, sympy.atan, sympy.tanh,
         sympy.asin, sigmoid, softplus, sympy.Abs]


def _grow(children):
    return st.one_of(
        st.tuples(st.sampled_from(unary), children).map(lambda a: a[0](a[1])),
        st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Add(*a)),
        st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Mul(*a)),
        st.tuples(children, st.sampled_from([2, 3, -1, sympy.Rational(1, 3)])).map(
            lambda a: a[0] ** a[1]),
        st.tuples(children, children).map(lambda a: a[0] / (2 + a[1] ** 2)),
    )


# I is read as a variable by design (i is common as an index), so complex values are left out.
# re, im and arg (which sympy makes of |exp(x)|, say) are not part of derive's syntax either.
expressions = st.recursive(leaves, _grow, max_leaves=8).filter(
    lambda e: not e.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I, sympy.re, sympy.im,
                        sympy.arg))


@settings(max_examples=120, deadline=None)
@given(expr=expressions)
def test_printed_expressions_read_back(expr):
    for printed in (sympy.sstr(expr), sympy.latex(expr)):
        assert sympy.simplify(parse(printed).expr - expr) == 0 or \
            parse(printed).expr.equals(expr), printed


def test_deep_round_trip():
    text = "sin(" * 1000 + "x" + ")" * 1000
    assert run_deep(lambda: sympy.sstr(parse(text).expr)) == text.replace(" ", "")
