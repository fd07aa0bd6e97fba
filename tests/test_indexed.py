"""Indexed derivatives: softmax cases, cross-entropy σ − y, relatives, checks, CLI and JSON."""

from __future__ import annotations

import json

import pytest
from sympy import Integer, KroneckerDelta, Sum, exp, expand, sympify
from typer.testing import CliRunner

from derive import UsageError, jacobian, softmax
from derive.cli import app
from derive.errors import ParseError
from derive.indexed.jacobian import INDEX_SYNTAX
from derive.indexed.recognise import softmax_definition
from derive.indexed.verify import Claim, verify_claim
from derive.notation.indexed import SumExcept, i, j, k, n, vector
from derive.parse import parse

z, y, sigma, s, p, x = (vector(name) for name in ("z", "y", "sigma", "s", "p", "x"))
SOFTMAX = exp(z[j]) / Sum(exp(z[k]), (k, 1, n))
DEFINITIONS = (softmax_definition(z, k, n),)


@pytest.fixture(scope="module")
def cross_entropy():
    return softmax(loss="cross-entropy")


def same(a, b) -> bool:
    return expand(a - b) == 0


def test_softmax_cases_and_combined_form(cross_entropy):
    """The i = j case is σ_i(1 − σ_i), the i ≠ j case −σ_iσ_j, together σ_j(δ_ij − σ_i)."""
    assert same(cross_entropy.stage("case", "i = j").result, sigma[i] * (1 - sigma[i]))
    assert same(cross_entropy.stage("case", "i ≠ j").result, -sigma[i] * sigma[j])
    assert same(cross_entropy.stage("combine").result, sigma[j] * (KroneckerDelta(i, j) - sigma[i]))


def test_denominator_derivative_keeps_only_k_equal_i(cross_entropy):
    """∂/∂z_i Σ_k e^{z_k} = e^{z_i}: the index-sum step collapses the Kronecker delta."""
    quotient = cross_entropy.stage("quotient").step
    assert quotient.denominator_step.rule == "index_sum"
    assert quotient.denominator_step.result == exp(z[i])
    assert quotient.numerator_step.result == exp(z[j]) * KroneckerDelta(i, j)


def test_cross_entropy_route(cross_entropy):
    """∂L/∂σ_j = −y_j/σ_j; without Σy = 1 the gradient is σ_iΣ_j y_j − y_i, with it σ_i − y_i."""
    assert same(cross_entropy.stage("loss_outer").result, -y[j] / sigma[j])
    assert same(cross_entropy.stage("collect").result, sigma[i] * Sum(y[j], (j, 1, n)) - y[i])
    assert same(cross_entropy.results["gradient"], sigma[i] - y[i])
    split = cross_entropy.stage("split").chain[0]
    assert split.has(SumExcept)             # the j ≠ i terms keep their sum over j


def test_every_stage_verified_at_n_2_3_4(cross_entropy):
    """Every stage passes the numeric check at n = 2, 3, 4 and the result says so."""
    assert cross_entropy.verified
    assert cross_entropy.sizes == [2, 3, 4]
    assert all(s.verdict.ok and s.verdict.points > 0 for s in cross_entropy.stages)


@pytest.mark.parametrize("wrong", [sigma[j] * (1 - sigma[i]), sigma[i] * sigma[j],
                                   sigma[j] * (KroneckerDelta(i, j) + sigma[i])])
def test_wrong_jacobian_fails(wrong):
    """A deliberately wrong Jacobian formula fails the check and says where."""
    verdict = verify_claim(Claim(SOFTMAX, (wrong,), z[i], None, (i, j), DEFINITIONS))
    assert verdict.status == "failed" and "differs at n =" in verdict.detail


def test_sigma_minus_y_needs_the_assumption():
    """σ_i − y_i is right only when Σ_j y_j = 1: without the assumption the check fails."""
    from derive.indexed.softmax import LOSS

    claim = dict(function=LOSS, forms=(sigma[i] - y[i],), wrt=z[i], indices=(i,),
                 definitions=DEFINITIONS, positive=("y",))
    assert verify_claim(Claim(**claim)).status == "failed"
    assert verify_claim(Claim(**claim, probability="y")).status == "numeric"


@pytest.mark.parametrize("size", [1, 3])
def test_concrete_n(size):
    """--n writes out the Jacobian matrix and gradient vector, each entry checked at that n."""
    result = softmax(n=size, loss="cross-entropy")
    matrix = result.stage("concrete_jacobian").result
    assert matrix.shape == (size, size)
    assert same(matrix[0, 0], sigma[1] * (1 - sigma[1]))
    if size > 1:
        assert same(matrix[1, 0], -sigma[1] * sigma[2])
    gradient = result.stage("concrete_gradient").result
    assert [same(gradient[m], sigma[m + 1] - y[m + 1]) for m in range(size)] == [True] * size
    assert result.stage("concrete_jacobian").verdict.sizes == (size,)
    assert result.verified


@pytest.mark.parametrize("bad", [0, 9, -1, True, 2.5])
def test_bad_n(bad):
    """--n outside 1 to 8, or not a whole number, is a usage error."""
    with pytest.raises(UsageError):
        softmax(n=bad)


def test_bad_loss():
    """A loss softmax does not know is a usage error."""
    with pytest.raises(UsageError):
        softmax(loss="hinge")


RELATIVES = [
    ("log(exp(z_j)/sum(exp(z_k), k))", "z_i", KroneckerDelta(i, j) - sigma[i],
     Integer(1) - sigma[i], -sigma[i]),
    ("sigmoid(z_j)", "z_i", s[j] * (1 - s[j]) * KroneckerDelta(i, j), s[i] * (1 - s[i]), Integer(0)),
    ("x_j/sum(x_k, k)", "x_i", (KroneckerDelta(i, j) - p[j]) / Sum(x[k], (k, 1, n)),
     (1 - p[i]) / Sum(x[k], (k, 1, n)), -p[j] / Sum(x[k], (k, 1, n))),
]


@pytest.mark.parametrize("text, wrt, combined, equal, different", RELATIVES)
def test_relatives_split_into_cases(text, wrt, combined, equal, different):
    """Log-softmax, elementwise sigmoid and normalisation: the same engine and case split."""
    result = jacobian(text, wrt)
    assert result.verified
    assert same(result.stage("recognise").result, combined)
    assert same(result.stage("case", "i = j").result, equal)
    assert same(result.stage("case", "i ≠ j").result, different)


def test_binary_cross_entropy_of_sigmoid():
    """Σ_j BCE(sigmoid(z_j), y_j) differentiated by the logit z_i gives s_i − y_i."""
    result = jacobian("-sum(y_j*log(sigmoid(z_j)) + (1 - y_j)*log(1 - sigmoid(z_j)), j)", "z_i")
    assert result.verified and same(result.results["gradient"], s[i] - y[i])


def test_generic_cross_entropy_notes_sum_of_targets():
    """Cross-entropy typed out in full: σ_iΣ_j y_j − y_i, then σ_i − y_i under Σ_j y_j = 1."""
    result = jacobian("-sum(y_j*log(exp(z_j)/sum(exp(z_k), k)), j)", "z_i")
    assert same(result.stage("recognise").result, sigma[i] * Sum(y[j], (j, 1, n)) - y[i])
    assert same(result.stage("sum_one").result, sigma[i] - y[i])
    assert result.verified


def test_squared_error_of_linear_unit_by_each_weight():
    """(w1·x1 + w2·x2 + b1 − y)²/2 by w1 and w2 goes through the ordinary tracer."""
    result = jacobian("(w1*x1 + w2*x2 + b1 - y)^2/2", ["w1", "w2"])
    w1, w2, x1, x2, b1, target = sympify("w1 w2 x1 x2 b1 y".replace(" ", ","))
    assert result.verified
    assert same(result.derivations[0].result, x1 * (w1 * x1 + w2 * x2 + b1 - target))
    assert same(result.derivations[1].result, x2 * (w1 * x1 + w2 * x2 + b1 - target))


@pytest.mark.parametrize("text, position", [
    ("z_q", 2), ("sum(z_j, q)", 9), ("sum(z_j)", 7), ("2j", 1), ("x_1 + z_j", 2), ("", 0),
    ("exp(z_j", 7)])
def test_parser_errors(text, position):
    """The index syntax is part of the one parser: its errors say what and where."""
    with pytest.raises(ParseError) as error:
        parse(text, indices=INDEX_SYNTAX)
    assert error.value.position == position


def test_index_syntax_is_the_one_grammar():
    """Entries, sums to n and implicit products, as the parser reads everything else."""
    assert parse("z_j z_k", indices=INDEX_SYNTAX).expr == z[j] * z[k]
    assert parse("sum(exp(z_k), k)/n", indices=INDEX_SYNTAX).expr == \
        Sum(exp(z[k]), (k, 1, n)) / n
    assert parse("σ_j(1 − σ_i)", indices=INDEX_SYNTAX).expr == sigma[j] * (1 - sigma[i])


def test_jacobian_usage_errors():
    """The Jacobian refuses a clash of indices, a missing vector and a variable not in the expression."""
    with pytest.raises(UsageError):
        jacobian("exp(z_i)", "z_i")                 # wrt index used as the output index
    with pytest.raises(UsageError):
        jacobian("exp(z_j)", "x_i")                 # vector not in the expression
    with pytest.raises(UsageError):
        jacobian("w1*x1", ["w3"])


def test_json_fields(cross_entropy):
    """JSON: kind softmax, case fields, verified, the n values used, sympify-readable strings."""
    data = json.loads(cross_entropy.render("json"))
    assert data["kind"] == "softmax" and data["verified"] is True
    assert data["verification"]["n"] == [2, 3, 4]
    cases = [st["case"] for st in data["steps"] if st["rule"] == "case"]
    assert cases == ["i = j", "i ≠ j"]
    assert all(st["check"] == "numeric" and st["n"] == [2, 3, 4] for st in data["steps"])
    gradient = sympify(data["result"]["gradient"])
    assert str(gradient) in ("-y[i] + sigma[i]", "sigma[i] - y[i]")
    data = json.loads(jacobian("sigmoid(z_j)", "z_i").render("json"))
    assert data["kind"] == "jacobian" and data["verified"] is True


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_has_cases_in_both_languages(cross_entropy, lang):
    """Both languages show the cases i = j and i ≠ j with σ and δ."""
    text = cross_entropy.render("text", lang)
    assert "i = j" in text and "i ≠ j" in text and "σ" in text
    assert ("δ" in text)


def test_deterministic(cross_entropy):
    """Two runs print the same text."""
    assert softmax(loss="cross-entropy").render("text") == cross_entropy.render("text")


runner = CliRunner()


@pytest.mark.parametrize("args", [["softmax"], ["softmax", "--loss", "cross-entropy"],
                                  ["softmax", "--n", "3", "--format", "json"],
                                  ["jacobian", "log(exp(z_j)/sum(exp(z_k), k))", "--wrt", "z_i"],
                                  ["softmax", "--lang", "zh", "--format", "rich"]])
def test_cli_runs(args):
    """The indexed commands run in every format and language."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [["softmax", "--n", "0"], ["softmax", "--loss", "mse"],
                                  ["jacobian", "z_q", "--wrt", "z_i"]])
def test_cli_bad_input_exits_2(args):
    """Bad indexed input on the command line exits with code 2."""
    assert runner.invoke(app, args).exit_code == 2


SAMPLES = sorted((__import__("pathlib").Path(__file__).parents[1] / "samples").glob("*.json"))
INDEXED_SAMPLES = [p for p in SAMPLES if json.loads(p.read_text("utf-8"))["args"][0]
                   in ("softmax", "jacobian")]


@pytest.mark.parametrize("path", INDEXED_SAMPLES, ids=lambda p: p.stem)
def test_samples_run_and_verify(path):
    """Every softmax/jacobian sample runs from the command line and reports verified: true."""
    args = json.loads(path.read_text("utf-8"))["args"]
    result = runner.invoke(app, [args[0], "--format", "json", *args[1:]])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["verified"] is True
