"""derive.check: right answers in any equivalent form pass, wrong ones get the slip that made them."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import (E, Abs, Rational, Symbol, cos, cot, exp, log, sec, sin, sqrt, tan)
from sympy.parsing.sympy_parser import parse_expr, standard_transformations
from typer.testing import CliRunner

import derive
from derive import check
from derive.checking import equivalence
from derive.checking.diagnose import candidates
from derive.checking.mistakes import MISTAKES
from derive.cli import app
from derive.functions import sigmoid
from derive.narrate.phrases import CATALOGUES
from derive.trace import trace

x, t = Symbol("x"), Symbol("t")
DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "samples"


# --- each typical mistake, in an answer typed by hand --------------------------------------

SLIPS = [
    # (expression, wrong answer, mistake, node where it was made)
    (sin(x**2), cos(x**2), "chain_inner_dropped", sin(x**2)),
    (x * sin(x**2), sin(x**2) + x * cos(x**2), "chain_inner_dropped", sin(x**2)),
    (exp(3 * x**2), exp(3 * x**2), "chain_inner_dropped", exp(3 * x**2)),
    ((x**2 + 1) / (x - 1), ((x**2 + 1) - 2 * x * (x - 1)) / (x - 1)**2, "quotient_reversed",
     (x**2 + 1) / (x - 1)),
    (sin(x) / x, (sin(x) - x * cos(x)) / x**2, "quotient_reversed", sin(x) / x),
    (sin(x) / x, (x * cos(x) - sin(x)) / x, "quotient_not_squared", sin(x) / x),
    ((x + 2) / (x**2 + 1), ((x**2 + 1) - 2 * x * (x + 2)) / (x**2 + 1), "quotient_not_squared",
     (x + 2) / (x**2 + 1)),
    (x**2 * sin(x), 2 * x * cos(x), "product_of_derivatives", x**2 * sin(x)),
    (exp(x) * log(x), exp(x) / x, "product_of_derivatives", exp(x) * log(x)),
    (x**3 + x, 3 * x**3 + 1, "power_not_reduced", x**3),
    (sin(x**2), 2 * x**2 * cos(x**2), "power_not_reduced", x**2),
    ((x**2 + 1)**5, 5 * (x**2 + 1)**5 * 2 * x, "power_not_reduced", (x**2 + 1)**5),
    (cos(x) + x**2, sin(x) + 2 * x, "trig_sign", cos(x)),
    (cos(3 * x), 3 * sin(3 * x), "trig_sign", cos(3 * x)),
    (sin(x) * x, -x * cos(x) + sin(x), "trig_sign", sin(x)),
    (5 * x**3, 3 * x**2, "constant_dropped", 5 * x**3),
    (x**2 + 7 * sin(x), 2 * x + cos(x), "constant_dropped", 7 * sin(x)),
    (log(x**2 + 1), 1 / (x**2 + 1), "log_inner_dropped", log(x**2 + 1)),
    (log(sin(x)), 1 / sin(x), "log_inner_dropped", log(sin(x))),
]


@pytest.mark.parametrize("expr, answer, mistake, node", SLIPS,
                         ids=[f"{m}:{e}" for e, _, m, _ in SLIPS])
def test_a_wrong_answer_made_with_one_slip_is_diagnosed_at_its_node(expr, answer, mistake, node):
    """The answer is wrong, and the reported slip is the one it was made with, at its node."""
    result = check(expr, answer, wrt=x)
    assert not result.correct
    assert result.diagnosis is not None
    slip = result.diagnosis.slip
    assert (slip.mistake, slip.node) == (mistake, node)
    data = result.data()["diagnosis"]
    assert data["mistake"] == mistake
    assert parse_expr(data["node"], local_dict={"x": x}) == node


def test_every_listed_mistake_has_a_test_and_a_phrase_in_each_language():
    """No mistake without a test above, nor without its sentence in both catalogues."""
    assert {m.key for m in MISTAKES} == {s[2] for s in SLIPS}
    for catalogue in CATALOGUES.values():
        assert all(f"mistake.{m.key}" in catalogue for m in MISTAKES)


def test_the_slip_is_reported_in_words_in_both_languages():
    """The slip is named in English and Chinese, in text and in the JSON message."""
    result = check(sin(x**2), cos(x**2), wrt=x)
    english = result.render("text", "en", width=1000)     # one line a sentence
    chinese = result.render("text", "zh", width=1000)
    assert "inner derivative 2·x was left out of the chain rule at sin(x²)" in english
    assert "在 sin(x²) 处用链式法则时漏乘了内层函数 x² 的导数 2·x" in chinese
    message = result.data()["diagnosis"]["message"]
    assert message["en"].startswith("the inner derivative") and "链式法则" in message["zh"]


def test_a_slip_inside_an_outer_derivative_names_the_node_in_x_and_the_substitution():
    """cos(3x) differentiated with the wrong sign: the node is cos(3x), the step is d/du cos u."""
    result = check(cos(3 * x), 3 * sin(3 * x), wrt=x)
    slip = result.diagnosis.slip
    assert slip.node == cos(3 * x) and slip.step.var == Symbol("u")
    assert slip.where == ((Symbol("u"), 3 * x),)
    assert "Here u = 3·x." in result.render("text", "en")


def test_an_answer_no_single_slip_explains_says_so_and_shows_the_derivation():
    """A wrong answer no slip explains is said to be so, and the derivation follows."""
    result = check(sin(x**2), x * cos(x) + 7, wrt=x)
    assert not result.correct and result.diagnosis is None
    text = result.render("text", "en")
    assert "No single typical slip explains this answer" in text
    assert "The correct derivation" in text and "Chain rule" in text
    assert result.data()["diagnosis"] is None
    assert "没有哪一个常见错误" in result.render("text", "zh")


def test_a_wrong_answer_comes_with_a_point_where_the_values_differ():
    """A wrong answer comes with a point and both values there."""
    result = check(x**3, 3 * x, wrt=x)
    witness = result.data()["witness"]
    point = float(witness["point"]["x"])
    assert abs(float(witness["answer"]) - 3 * point) < 1e-6
    assert abs(float(witness["derivative"]) - 3 * point**2) < 1e-6


# --- equivalent forms pass ----------------------------------------------------------------

EQUIVALENT = [
    # (expression, a correct answer in another form)
    ((x + 1)**3, 3 * x**2 + 6 * x + 3),                       # expanded
    (x**3 + 3 * x**2 + 3 * x, 3 * (x + 1)**2),                # factored
    (x / (x + 1), 1 / (x + 1) - x / (x + 1)**2),              # not over a common denominator
    (sigmoid(x), exp(-x) / (1 + exp(-x))**2),                 # σ(1−σ) ↔ e^{-x}/(1+e^{-x})²
    (1 / (1 + exp(-x)), sigmoid(x) * (1 - sigmoid(x))),       # and the other way round
    (tan(x), 1 / cos(x)**2),                                  # sec² ↔ 1/cos²
    (tan(x), 1 + tan(x)**2),
    (sin(x)**2, sin(2 * x)),                                  # 2 sin x cos x ↔ sin 2x
    (cot(x), -1 - cot(x)**2),
    (sec(x), sin(x) / cos(x)**2),
    (log(x**2), 2 / x),
    (sqrt(x), 1 / (2 * sqrt(x))),
]


@pytest.mark.parametrize("expr, answer", EQUIVALENT, ids=[str(a) for _, a in EQUIVALENT])
def test_an_equivalent_form_is_accepted_with_a_symbolic_proof(expr, answer):
    """An answer in another form is right, proved symbolically."""
    result = check(expr, answer, wrt=x)
    assert result.correct and result.method == "symbolic"
    chain = result.equivalence.chain
    assert chain[0] == answer
    data = result.data()
    assert data["correct"] is True and data["diagnosis"] is None and data["method"] == "symbolic"


def test_the_way_the_forms_are_equal_is_shown():
    """The rewriting that makes the answer equal the derivative is named and shown."""
    result = check((x + 1)**3, 3 * x**2 + 6 * x + 3, wrt=x)
    assert result.equivalence.rewriting == "expanded"
    assert result.equivalence.chain == (3 * x**2 + 6 * x + 3, 3 * (x + 1)**2)
    text = result.render("text", "en")
    assert "Correct: your answer equals the derivative." in text
    assert "How your answer equals the derivative (both sides expanded)" in text
    assert "Proved symbolically." in text
    sigma = check(sigmoid(x), exp(-x) / (1 + exp(-x))**2, wrt=x)
    assert sigma.equivalence.rewriting == "exponential"


def test_without_a_symbolic_proof_the_check_is_numeric_and_says_so():
    """x/√(x²) is |x|' = sign x, but no bounded rewrite proves it: a numeric check, named."""
    result = check(Abs(x), x / sqrt(x**2), wrt=x)
    assert result.correct and result.method == "numeric"
    assert result.equivalence.points >= equivalence.POINTS_NEEDED
    assert "Checked numerically only" in result.render("text", "en")
    assert result.data()["method"] == "numeric"


def test_the_numeric_fallback_is_only_a_fallback(monkeypatch):
    """With the symbolic rewrites switched off, the same equal forms are still judged equal."""
    monkeypatch.setattr(equivalence, "CHEAP", ())
    monkeypatch.setattr(equivalence, "COSTLY", ())
    result = check((x + 1)**3, 3 * x**2 + 6 * x + 3, wrt=x)
    assert result.correct and result.method == "numeric"


def test_points_outside_the_real_domain_of_the_expression_do_not_count():
    """√x·√(x+1) is real for x < −1 (two imaginary factors); a learner's domain is x ≥ 0."""
    result = check(sqrt(x) * sqrt(x + 1), (2 * x + 1) / (2 * sqrt(x**2 + x)), wrt=x)
    assert result.correct


def test_a_value_at_a_point_is_compared_with_the_derivative_there():
    """With a point, the answer is a value compared with the derivative's value there."""
    assert check(t**2 / (t**2 + 2), Rational(12, 121), wrt=t, at={t: 3}).correct
    wrong = check(t**2 / (t**2 + 2), Rational(12, 11), wrt=t, at={t: 3})
    assert not wrong.correct
    assert wrong.data()["at"] == {"t": "3"}


def test_a_higher_derivative_is_checked():
    """A second derivative is checked like a first."""
    assert check(x * sin(x), 2 * cos(x) - x * sin(x), wrt=x, order=2).correct
    assert not check(x * sin(x), 2 * cos(x) + x * sin(x), wrt=x, order=2).correct


def test_an_answer_in_a_variable_the_expression_does_not_have_is_bad_input():
    """An answer in a variable the expression lacks is a usage error naming it."""
    with pytest.raises(derive.UsageError, match="the answer uses u"):
        check(sin(x**2), 2 * x * cos(Symbol("u")), wrt=x)


def test_the_json_says_kind_check_and_carries_the_reference_steps():
    """The JSON of a check has its kind, the slip found and the reference steps."""
    data = check(sin(x**2), cos(x**2), wrt=x).data()
    assert data["kind"] == "check" and data["schema"] == "derive/1"
    assert data["correct"] is False and data["method"] == "numeric"
    assert data["diagnosis"]["mistake"] == "chain_inner_dropped"
    assert data["diagnosis"]["node"] == "sin(x**2)"
    assert data["diagnosis"]["predicted"] == "cos(x**2)"
    assert data["steps"]["rule"] == "chain" and data["verified"] is True
    assert data["result"] == "2*x*cos(x**2)"
    json.loads(check(sin(x**2), cos(x**2), wrt=x).render("json"))


@pytest.mark.parametrize("format", ["text", "rich", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_and_language_renders(format, lang):
    """Right, slipped and unexplained answers render in every format and language."""
    for answer in (cos(x**2), 2 * x * cos(x**2), x + 1):
        assert check(sin(x**2), answer, wrt=x).render(format, lang)


def test_output_is_the_same_on_every_run():
    """Two checks of the same answer give the same JSON."""
    first = check(x**2 * sin(x), 2 * x * cos(x), wrt=x).render("json")
    assert first == check(x**2 * sin(x), 2 * x * cos(x), wrt=x).render("json")


# --- a slip injected anywhere is found (property) -------------------------------------------

_leaves = st.sampled_from([x, x**2, x**3, 2 * x, x + 1, 3 * x**2 + 1])
_functions = st.sampled_from([sin, cos, exp, lambda e: log(e**2 + 1), tan])


@st.composite
def expressions(draw):
    """Small expressions that combine the chain, product, quotient and constant rules."""
    a = draw(_functions)(draw(_leaves))
    b = draw(_leaves)
    shape = draw(st.sampled_from(["product", "quotient", "sum", "multiple"]))
    if shape == "product":
        return a * b
    if shape == "quotient":
        return a / (b + 2)
    if shape == "sum":
        return a + b
    return 4 * a


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(expressions())
def test_an_answer_with_any_one_slip_is_explained_by_that_slip(expr):
    """An answer made with any one slip is explained by that slip (or an equal one)."""
    root = trace(expr, x)
    for slip in list(candidates(root))[:6]:
        result = check(expr, slip.predicted, wrt=x)
        if result.correct:      # a slip that happens not to change the answer
            continue
        found = [result.diagnosis.slip, *result.diagnosis.alternatives]
        assert (slip.mistake, slip.node) in {(s.mistake, s.node) for s in found}


# --- the textbook corpus ------------------------------------------------------------------

def _corpus():
    local = {c: Symbol(c) for c in string.ascii_letters}
    local["E"] = E

    def read(text):   # trusted test data, never user input
        return parse_expr(text, local_dict=local, transformations=standard_transformations)

    path = DATA / "textbook_derivatives.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return records, read


def _check_record(record, read, answer_key):
    at = {Symbol(k): read(v) for k, v in record["at"].items()} if "at" in record else None
    return check(read(record["expr"]), read(record[answer_key]), wrt=Symbol(record["wrt"]),
                 order=record["order"], at=at)


def test_every_verified_textbook_answer_is_judged_correct():
    """Every right textbook answer is judged right."""
    records, read = _corpus()
    assert len(records) == 91
    wrong = []
    for record in records:
        key = "answer" if record["verified"] else "answer_corrected"
        if not _check_record(record, read, key).correct:
            wrong.append(record["id"])
    assert wrong == []


def test_the_three_wrong_published_answers_are_judged_wrong():
    """The three wrong published answers are judged wrong, each with a point."""
    records, read = _corpus()
    failing = [r for r in records if not r["verified"]]
    assert sorted(r["id"] for r in failing) == ["tb-068", "tb-086", "tb-091"]
    for record in failing:
        result = _check_record(record, read, "answer")
        assert not result.correct, record["id"]
        assert result.equivalence.witness is not None


# --- the command line ---------------------------------------------------------------------

@pytest.fixture
def cli():
    return CliRunner()


def test_cli_exit_code_0_for_a_right_answer(cli):
    """derive check exits with 0 for a right answer."""
    outcome = cli.invoke(app, ["check", "sin(x^2)", "2*x*cos(x^2)", "--format", "text"])
    assert outcome.exit_code == 0, outcome.output
    assert "Correct" in outcome.output


def test_cli_exit_code_1_for_a_wrong_answer_after_the_explanation(cli):
    """derive check exits with 1 for a wrong answer, after printing why."""
    outcome = cli.invoke(app, ["check", "sin(x^2)", "cos(x^2)", "--format", "json"])
    assert outcome.exit_code == 1
    data = json.loads(outcome.output)
    assert data["kind"] == "check" and data["correct"] is False
    assert data["diagnosis"]["mistake"] == "chain_inner_dropped"


def test_cli_exit_code_2_for_bad_input(cli):
    """derive check exits with 2 for bad input, with one message."""
    outcome = cli.invoke(app, ["check", "sin(x^2)", "cos(x^2)", "--at", "x"])
    assert outcome.exit_code == 2
    assert "--at expects VAR=VALUE" in outcome.output
    outcome = cli.invoke(app, ["check", "x*t", "t"])
    assert outcome.exit_code == 2
    assert "several variables" in outcome.output


def test_the_samples_exist_and_run(cli):
    """The check samples run with the exit codes they document."""
    for name, code in (("check-correct", 0), ("check-chain-slip", 1)):
        sample = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        assert sample["args"][0] == "check" and sample["title"]
        outcome = cli.invoke(app, [*sample["args"], "--format", "text"])
        assert outcome.exit_code == code, outcome.output


def test_a_search_cut_short_by_its_budget_says_so(monkeypatch):
    """On a tree too large to try every slip, the answer is not called unexplainable outright."""
    from derive.checking import diagnose

    monkeypatch.setattr(diagnose, "MAX_WORK", 3)
    result = check(sin(cos(x**2)) * x, 7 * x, wrt=x)
    assert result.diagnosis is None and not result.search.complete
    assert result.data()["search_complete"] is False
    assert "too large to try them all" in result.render("text", "en")
    monkeypatch.undo()
    complete = check(sin(cos(x**2)) * x, 7 * x, wrt=x)
    assert complete.search.complete and complete.search.tried > result.search.tried


def test_cli_compares_a_value_at_a_point(cli):
    """--at compares values at the point, and names the slip of a wrong one."""
    right = cli.invoke(app, ["check", "t^2/(t^2+2)", "12/121", "--at", "t=3", "--format", "json"])
    assert right.exit_code == 0 and json.loads(right.output)["correct"] is True
    wrong = cli.invoke(app, ["check", "t^2/(t^2+2)", "12/11", "--at", "t=3", "--format", "text"])
    assert wrong.exit_code == 1
    assert "Your answer is 1.0909091, but the derivative there is 0.099173554." in wrong.output
    assert "the denominator was not squared" in wrong.output
