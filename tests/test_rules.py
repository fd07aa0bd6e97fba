"""The checklist of "how to add a rule" (derive/rules/__init__.py), enforced.

The lists come from the registry of tabled functions and from the Step subclasses themselves,
so a function or a rule added without one of its pieces fails here instead of going untested.
"""

from __future__ import annotations

import dataclasses

import mpmath
import pytest
import sympy
from derive import explain
from derive.functions import TABLE, relu
from derive.indexed.rules import differentiate
from derive.notation.indexed import i, j, k, n, vector
from derive.numeric import FUNCTIONS, DPS, Evaluator, close, is_real
from derive.parse import parse
from derive.render.json import expression_string, step_data
from derive.steps import CombiningStep, Step, rule_classes, walk
from derive.trace import trace, trace_repeated

x, y = sympy.symbols("x y")
z = vector("z")
NAMES = [entry.name for entry in TABLE]


# --- tabled functions --------------------------------------------------------------------------

@pytest.mark.parametrize("entry", TABLE, ids=NAMES)
def test_every_tabled_function_parses_by_its_names(entry):
    """``name(x)``, each alias, and ``name^-1`` when the entry names an inverse."""
    assert parse(f"{entry.name}(x)").expr == entry.function(x)
    for alias in entry.aliases:
        assert parse(f"{alias}(x)").expr == entry.function(x)
    if entry.inverse:
        inverse = parse(f"{entry.inverse}(x)").expr.func
        assert parse(f"{entry.name}^-1(x)").expr == inverse(x)


@pytest.mark.parametrize("entry", TABLE, ids=NAMES)
def test_every_tabled_function_has_a_numeric_evaluator(entry):
    """The evaluator verification uses agrees with sympy wherever sympy's value is real."""
    assert FUNCTIONS[entry.function] is entry.numeric
    compared = 0
    for value in ("-2.5", "-0.7", "0.3", "0.8", "1.6", "3.1"):
        point = {x: mpmath.mpf(value)}
        ours = Evaluator(point)(entry.function(x))
        theirs = entry.function(sympy.Float(value, DPS)).evalf(DPS)
        if theirs.is_real and theirs.is_finite:
            assert is_real(ours) and close(ours, mpmath.mpf(str(theirs))), value
            compared += 1
    assert compared >= 2


@pytest.mark.parametrize("entry", TABLE, ids=NAMES)
def test_every_tabled_function_is_its_own_rule_and_matches_sympy(entry):
    """At x: a function step of the entry's family, equal to ``sympy.diff``, and verified."""
    derivation = explain(f"{entry.name}(x)", wrt="x")
    assert derivation.steps.rule == "function" and derivation.steps.family == entry.family
    assert derivation.steps.function == entry.name
    assert derivation.verified and derivation.verification.oracle.ok   # against sympy.diff


def test_every_tabled_function_typesets(tmp_path):
    """The Markdown of each tabled function's derivation (names in LaTeX) typesets in KaTeX."""
    from katex_check import katex_report

    paths = []
    for entry in TABLE:
        path = tmp_path / f"{entry.name}.md"
        path.write_text(explain(f"{entry.name}(x^2)", wrt="x").render("markdown"), "utf-8")
        paths.append(path)
    reports = katex_report(paths)
    assert len(reports) == len(TABLE) and all(r["spans"] for r in reports)
    errors = [(r["file"], e["tex"], e["message"]) for r in reports for e in r["errors"]]
    assert not errors, errors[:5]


# --- Step classes ------------------------------------------------------------------------------

def _examples() -> list[Step]:
    """Derivations that use every rule between them."""
    f = sympy.Function("f")
    ordinary = [trace(e, x) for e in (
        sympy.Integer(3), y**2 + sympy.sin(x), 3 * x**2, x * sympy.exp(x) * sympy.sin(x),
        sympy.sin(x) / x, sympy.log(x, 2), sympy.log(x**2 + 1), 2**x, x**x, sympy.Abs(x),
        sympy.Abs(x**2 - 1), relu(x), sympy.erf(x), f(x**2), sympy.tan(x),
        sympy.log(x**2 * sympy.sin(x) / (2 * x + 1)),
        sympy.sqrt(x) * (x**2 + 3)**sympy.Rational(2, 3) * (3 * x - 4)**4)]
    repeated = trace_repeated(x**2 * y, (x, y))
    simplified = trace_repeated(sympy.exp(2 * sympy.log(x), evaluate=False), (x,))
    indexed = differentiate(sympy.exp(z[j]) / sympy.Sum(sympy.exp(z[k]), (k, 1, n)), z[i])
    return [*ordinary, repeated, simplified, indexed]


EXAMPLES = _examples()
STEPS = [step for root in EXAMPLES for step in walk(root)]


def test_the_examples_use_every_rule():
    """A new Step class needs an example above; the check below then covers it."""
    used = {type(step) for step in STEPS}
    assert set(rule_classes()) <= used, sorted(c.__name__ for c in set(rule_classes()) - used)


@pytest.mark.parametrize("cls", rule_classes(), ids=lambda c: c.__name__)
def test_every_step_class_states_its_formula(cls):
    """The docstring's first line is the rule's formula: a derivative equal to something."""
    first = (cls.__doc__ or "").strip().splitlines()[0]
    assert "=" in first and ("d/d" in first or "∂" in first), first


@pytest.mark.parametrize("cls", rule_classes(), ids=lambda c: c.__name__)
def test_every_step_class_writes_its_fields_to_json(cls):
    """JSON has the common keys, every field of the class that is not a child, the children
    as ``substeps`` and the named rewrites under their field's name (``algebra``,
    ``simplification``), each with its forms before and after."""
    step = next(s for s in STEPS if type(s) is cls)
    data = step_data(step)
    assert {"rule", "expr", "var", "raw", "result", "latex", "substeps"} <= set(data)
    assert len(data.get("algebra", [])) == len(getattr(step, "algebra", ()))
    named = step.rewrites()
    children = 0
    for field in dataclasses.fields(cls):
        value = getattr(step, field.name)
        if field.name == "algebra" or (isinstance(value, tuple) and value
                                       and all(any(v is r for r in named) for v in value)):
            written = data.get(field.name, [])
            assert [(w["expr"], w["result"]) for w in written] == [
                (expression_string(v.expr), expression_string(v.result)) for v in value]
            continue
        if isinstance(value, Step) or (isinstance(value, tuple) and value
                                       and isinstance(value[0], Step)):
            children += 1 if isinstance(value, Step) else len(value)
        elif field.name not in ("expr", "var", "result", "raw"):
            assert field.name in data, field.name
    assert len(data["substeps"]) == len(step.children()) == children


@pytest.mark.parametrize("cls", [c for c in rule_classes() if issubclass(c, CombiningStep)],
                         ids=lambda c: c.__name__)
def test_every_combining_step_recomputes_its_result(cls):
    """``evaluate`` of the children's results equals the traced result, and so does the raw
    ``formula`` (the value answer checking recombines a slip with is the tracer's own); a sum
    over an index k = 1 … n is evaluated for an index i within 1 … n."""
    def value(expr):
        done = expr.doit()
        return done.replace(lambda e: isinstance(e, sympy.Piecewise), lambda e: e.args[0][0])

    for step in (s for s in STEPS if type(s) is cls):
        results = [c.result for c in step.children()]
        for computed in (step.evaluate(results), step.formula(results)):
            assert sympy.simplify(value(computed) - value(step.result)) == 0
