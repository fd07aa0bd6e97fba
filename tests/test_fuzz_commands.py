"""Every command under random expressions: an answer or one clear message (exit 0, 1 or 2, never
a crash), and JSON whose expression strings ``sympify`` reads back.

The expressions come from :mod:`strategies` (functions derive knows, over x and y), with the
variable y renamed to a name sympy or Python gives another meaning (``beta`` the Beta function,
``lambda`` a keyword, ``S``, ``I``, ``N``, ``Q``).  For each command's JSON, ``expression`` must
read back to the expression derive understood, a string ``result`` to derive's result, and every
``expr``/``result`` of every step to some expression (the fields the README documents as
sympy-readable).
"""

from __future__ import annotations

import json

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from derive.cli import app
from derive.functions import to_plain_sympy
from strategies import smooth_expressions, x, y

pytestmark = pytest.mark.slow

NAMES = ("beta", "lambda", "S", "I", "N", "Q", "gamma", "zeta", "y")
TYPED = {"beta": "β", "lambda": "λ", "gamma": "γ", "zeta": "ζ"}
FUZZ = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text(expr: sympy.Expr, name: str) -> str:
    """``expr`` as text derive reads, with y written as ``name`` (a Greek letter where it has
    one: the parser reads ``β``; plain ``beta(…)`` would be the Beta function)."""
    text = sympy.sstr(to_plain_sympy(expr.xreplace({y: sympy.Symbol("Y")})))
    return text.replace("Y", TYPED.get(name, name))


def _invoke(*args: str) -> dict | None:
    result = CliRunner().invoke(app, [*args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.stderr
    if result.exit_code == 2:          # with --format json, the error is one JSON object too
        error = json.loads(result.stderr)
        assert error["kind"] == "error" and error["error"]["code"] != "error", error
        return None
    return json.loads(result.stdout)


def _readable(value) -> None:
    """Every string in ``value`` (a string, list or object) reads back to an expression."""
    if isinstance(value, str):
        assert isinstance(sympy.sympify(value), (sympy.Basic, sympy.MatrixBase)), value
    elif isinstance(value, list):
        for item in value:
            _readable(item)
    elif isinstance(value, dict):
        for item in value.values():
            _readable(item)


def _steps_readable(step) -> None:
    if isinstance(step, list):
        for item in step:
            _steps_readable(item)
        return
    if not isinstance(step, dict):
        return
    for key in ("expr", "result"):
        if isinstance(step.get(key), str):
            _readable(step[key])
    for key in ("substeps", "algebra", "steps"):
        if key in step:
            _steps_readable(step[key])


def _check(data: dict | None) -> None:
    if data is None:
        return
    _readable(data["expression"])
    if isinstance(data.get("result"), str):
        _readable(data["result"])
    _steps_readable(data.get("steps"))


expressions = st.tuples(smooth_expressions, st.sampled_from(NAMES))


@FUZZ
@given(expressions)
def test_diff_and_grad(case):
    expr, name = case
    text = _text(expr, name)
    data = _invoke("diff", text, "--wrt", "x")
    if data is not None:
        plain = to_plain_sympy(expr.xreplace({y: sympy.Symbol(name)}))
        assert sympy.simplify(sympy.sympify(data["expression"]) - plain) == 0
        assert sympy.simplify(sympy.sympify(data["result"]) - sympy.diff(plain, x)) == 0
        _steps_readable(data["steps"])
    _check(_invoke("grad", text))


@FUZZ
@given(expressions)
def test_check_and_limit(case):
    expr, name = case
    text = _text(expr, name)
    answer = sympy.sstr(sympy.diff(to_plain_sympy(expr), x).xreplace({y: sympy.Symbol("Y")}))
    _check(_invoke("check", text, answer.replace("Y", TYPED.get(name, name)), "--wrt", "x"))
    if len(text) < 40:
        _check(_invoke("limit", text, "--wrt", "x"))


@FUZZ
@given(expressions, expressions)
def test_compose_chain_and_implicit(outer, inner):
    (f, name), (g, _) = outer, inner
    f_text, g_text = _text(f.xreplace({y: x}), name), _text(g.xreplace({y: x}), name)
    _check(_invoke("compose", f_text, g_text, "--at", "x=1"))
    u, v = sympy.symbols("u v")
    z = sympy.sstr(to_plain_sympy(f.xreplace({x: u, y: v})))
    _check(_invoke("chain", z, "--let", f"u={_text(g, 'y')}", "--let", "v=x*y"))
    _check(_invoke("implicit", f"{_text(f, 'y')} = 1"))


@FUZZ
@given(st.sampled_from(["x^2 + y^2", "x^3 - 3*x + y^2", "(y^2 - x^2)^2", "x*y", "exp(x)*y",
                        "sin(x) + y^2", "x^4 - 2*x^2 + y^2", "(x^2 + y^2 - 1)^2"]),
       st.sampled_from(NAMES))
def test_critical(text, name):
    _check(_invoke("critical", text.replace("y", TYPED.get(name, name))))


@pytest.mark.parametrize("args", [
    ("softmax", "--n", "3"), ("softmax", "--loss", "cross-entropy"),
    ("jacobian", "exp(z_j)/sum(exp(z_k), k)", "--wrt", "z_i"),
    ("jacobian", "sigmoid(z_j)", "--wrt", "z_i"),
    ("backprop", "h = tanh(w*x + b); L = (h - t)^2", "--at", "x=0.5,t=1,w=0.3,b=0.1"),
])
def test_indexed_and_backprop(args):
    data = _invoke(*args)
    assert data is not None
    if "expression" in data:
        _readable(data["expression"])
    _steps_readable(data.get("steps"))
