"""The multivariable and critical-points corpora: every record is reproduced."""

from __future__ import annotations

import pytest
import sympy

from derive import chain, critical_points, explain, gradient, implicit
from derive.topics.common import compare

from corpus_reader import answer, read, records

MULTI = records("multivariable.jsonl")
CRITICAL = records("critical_points.jsonl")


def _equal(result, expected, exact_number=False) -> bool:
    if not result.free_symbols and not expected.free_symbols:
        if exact_number:
            return sympy.simplify(result - expected) == 0
        return abs(complex(sympy.N(result - expected, 30))) <= 0.01
    return compare(result, expected, "published answer").ok


def _at(expr, point):
    return expr.xreplace({sympy.Symbol(k): read(v) for k, v in point.items()})


def _by_kind(*kinds):
    return [pytest.param(r, id=r["id"]) for r in MULTI if r["kind"] in kinds]


@pytest.mark.parametrize("record", _by_kind("partial", "partial_at_point"))
def test_partial(record):
    """∂f/∂x from the gradient equals the published answer (at the point, when given)."""
    expr, var = read(record["expr"]), sympy.Symbol(record["wrt"])
    g = gradient(expr, wrt=[var])
    assert g.verified
    result, expected = g.partial(var).result, answer(record)
    if "at" in record:
        rounded = isinstance(expected, sympy.Float)
        assert _equal(sympy.nsimplify(_at(result, record["at"])) if not rounded
                      else _at(result, record["at"]), expected, exact_number=not rounded)
    else:
        assert _equal(result, expected)


@pytest.mark.parametrize("record", _by_kind("mixed_partial", "higher_partial"))
def test_mixed_and_higher(record):
    """Repeated partials, applied in the listed order, equal the published answer."""
    expr = read(record["expr"])
    derivation = explain(expr, wrt=[sympy.Symbol(v) for v in record["wrt"]])
    assert derivation.verified
    assert _equal(derivation.result, answer(record))


@pytest.mark.parametrize("record", _by_kind("chain_rule", "chain_rule_at_point"))
def test_chain_rule(record):
    """The chain rule through the substitutions equals the published answer after substitution."""
    expr = read(record["expr"])
    lets = {sympy.Symbol(k): read(v) for k, v in record["substitutions"].items()}
    wrt = sympy.Symbol(record["wrt"])
    r = chain(expr, lets, wrt=[wrt])
    assert r.verified
    result = r.derivative(wrt).result
    expected = answer(record).xreplace(lets)
    if "at" in record:
        assert _equal(_at(result, record["at"]), _at(expected, record["at"]), exact_number=True)
    else:
        assert _equal(result, expected)


@pytest.mark.parametrize("record", _by_kind("implicit_dydx"))
def test_implicit(record):
    """dy/dx = −F_x/F_y equals the published answer."""
    r = implicit(read(record["expr"]), y=sympy.Symbol("y"), x=sympy.Symbol(record["wrt"]))
    assert r.verified
    assert _equal(r.result, answer(record))


def test_every_multivariable_record_is_covered():
    """No kind of record is left out."""
    kinds = {"partial", "partial_at_point", "mixed_partial", "higher_partial", "chain_rule",
             "chain_rule_at_point", "implicit_dydx"}
    assert {r["kind"] for r in MULTI} <= kinds


def _points(result, variables):
    return {tuple(p.as_dict()[v] for v in variables) for p in result.points if not p.free}


@pytest.mark.parametrize("record", [pytest.param(r, id=r["id"]) for r in CRITICAL])
def test_critical_points(record):
    """The real critical points equal the published set; the Hessian class agrees."""
    variables = [sympy.Symbol(v) for v in record["variables"]]
    result = critical_points(read(record["expr"]), wrt=variables)
    assert result.verified
    published = [tuple(read(p[v.name]) for v in variables) for p in record["critical_points"]]
    if result.status == "infinite":
        # x²y²: every point of the axes is critical; the books list only (0, 0)
        for point in published:
            assert any(all(sympy.simplify(value - p.as_dict().get(v, value)
                                          .xreplace(dict(zip(variables, point)))) == 0
                           for v, value in zip(variables, point)) for p in result.points)
        classes = {p.classification for p in result.points}
        assert classes == {"inconclusive"}
        return
    assert _points(result, variables) == set(published)
    for point, published_class in zip(published, record["classification_by_second_derivative_test"]):
        found = next(p for p in result.points if tuple(p.as_dict()[v] for v in variables) == point)
        assert found.classification == published_class
    undefined = {tuple(dict(u)[v] for v in variables) for u in result.undefined}
    expected_undefined = {tuple(read(p[v.name]) for v in variables)
                          for p in record.get("derivative_undefined_at", [])}
    assert expected_undefined <= undefined
