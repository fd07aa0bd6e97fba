"""Arguments that start with a minus sign, through the real entry point (``derive.cli.main``
reads ``sys.argv`` as the console script does); options keep working in any position; a
``--wrt`` the expression does not contain is refused with a hint."""

from __future__ import annotations

import json

import pytest
from entry_point import run_main

from derive.cli.arguments import MissingValue, arguments_last


#: every command that reads an expression, with a first argument that starts with "-"
NEGATIVE_FIRST = [
    (["diff", "-x^2", "-f", "json"], "-2*x"),
    (["diff", "-f", "json", "-sin(x)", "--wrt", "x"], "-cos(x)"),
    (["grad", "-x^2 - y^2", "--format", "json"], "-2*x"),
    (["critical", "-x^2 - y^2", "-f", "json"], "maximum"),
    (["chain", "-u^2", "--let", "u=x+y", "-f", "json"], "-2*(x + y)"),
    (["compose", "-x", "x^2", "-f", "json"], "-x**2"),
    (["compose", "x^3", "-x", "-f", "json", "--at", "x=2"], "-8"),
    (["limit", "-x^2", "-f", "json"], "-2*x"),
    (["implicit", "-x^2 - y^2 = -1", "-f", "json"], "-x/y"),
    (["check", "x/(x+1)", "-1/(x+1)^2", "-f", "json"], '"correct": false'),
    (["check", "-x^2", "-2x", "-f", "json"], '"correct": true'),
    (["jacobian", "-sum(y_j*log(sigmoid(z_j)), j)", "--wrt", "z_i", "-f", "json"], "sigma"),
]


@pytest.mark.parametrize("args, needle", NEGATIVE_FIRST, ids=[" ".join(a) for a, _ in NEGATIVE_FIRST])
def test_an_argument_may_start_with_a_minus_sign(monkeypatch, capsys, args, needle):
    code, out, err = run_main(monkeypatch, capsys, *args)
    assert err == ""
    assert code in (0, 1)
    json.loads(out)
    assert needle in out


def test_a_double_dash_still_works(monkeypatch, capsys):
    code, out, _ = run_main(monkeypatch, capsys, "diff", "-f", "json", "--", "-x^3")
    assert code == 0 and json.loads(out)["result"] == "-3*x**2"


@pytest.mark.parametrize("args, message", [
    (["diff", "-x^2", "--bogus"], "no such option: --bogus"),
    (["diff", "-x^2", "-w"], "option -w needs a value"),
    (["diff", "x^2", "-w", "--format", "text"], "option -w needs a value"),
    (["diff", "-x^2", "extra"], "unexpected extra argument"),
])
def test_options_are_still_options(monkeypatch, capsys, args, message):
    code, _, err = run_main(monkeypatch, capsys, *args)
    assert code == 2 and message in err


def test_arguments_go_last_in_their_order():
    arities = {"--wrt": True, "-w": True, "-f": True, "--format": True, "--latex": False}
    assert arguments_last(["x/(x+1)", "-w", "x", "-1/(x+1)^2", "--latex", "--format=json"],
                          arities) \
        == ["-w", "x", "--latex", "--format=json", "--", "x/(x+1)", "-1/(x+1)^2"]
    with pytest.raises(MissingValue):
        arguments_last(["-x", "-w"], arities)
    assert arguments_last(["--wrt=x", "-x"], arities) == ["--wrt=x", "--", "-x"]
    assert arguments_last(["-f", "text", "--", "-f"], arities) == ["-f", "text", "--", "-f"]
    assert arguments_last(["--help"], {"--help": False}) == ["--help"]


@pytest.mark.parametrize("command", ["diff", "check"])
def test_help_shows_a_minus_sign_example(monkeypatch, capsys, command):
    code, out, _ = run_main(monkeypatch, capsys, command, "--help")
    assert code == 0 and "minus sign" in out and '"-' in out


@pytest.mark.parametrize("args, hint", [
    (["diff", "w_0*x + b", "--wrt", "w0"], "did you mean w_0?"),
    (["diff", "x^2 + X", "--wrt", "y"], "its variables: X, x"),
    (["grad", "theta^2 + x_1", "--wrt", "x1"], "did you mean x_1?"),
    (["critical", "x^2 + y^2", "--wrt", "z"], "does not occur"),
    (["limit", "x^2", "--wrt", "t"], "does not occur"),
    (["check", "w_1^2", "2w_1", "--wrt", "w1"], "did you mean w_1?"),
])
def test_a_variable_that_does_not_occur_is_refused_with_a_hint(monkeypatch, capsys, args, hint):
    code, out, err = run_main(monkeypatch, capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and hint in err and "Traceback" not in err


def test_allow_absent_differentiates_by_a_variable_that_does_not_occur(monkeypatch, capsys):
    code, out, _ = run_main(monkeypatch, capsys, "diff", "x^2", "--wrt", "y", "--allow-absent",
                            "-f", "json")
    assert code == 0 and json.loads(out)["result"] == "0"
    code, out, _ = run_main(monkeypatch, capsys, "grad", "x^2", "--wrt", "x", "--wrt", "y",
                            "--allow-absent", "-f", "json")
    assert code == 0 and json.loads(out)["result"] == {"x": "2*x", "y": "0"}


@pytest.mark.parametrize("args", [["diff", "-w"], ["diff", "-w", "-f", "text"],
                                  ["diff", "-w", "--format", "json"], ["check", "x", "-w"],
                                  ["grad", "-f"]])
def test_a_lone_short_option_is_the_option_and_the_error_shows_the_expression(
        monkeypatch, capsys, args):
    """``derive diff -w`` is the option ``-w`` without its value (an option's value is never
    another option); the message shows how to write the expression −w instead."""
    code, out, err = run_main(monkeypatch, capsys, *args)
    option = next(a for a in args[1:] if a in ("-w", "-f"))
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"option {option} needs a value" in err
    assert f"write '({option})' or put -- before it (derive {args[0]} -- {option})" in err


def test_the_hint_is_left_out_when_the_expression_was_given(monkeypatch, capsys):
    code, _, err = run_main(monkeypatch, capsys, "diff", "x^2", "-w")
    assert code == 2 and "option -w needs a value" in err and "put --" not in err


@pytest.mark.parametrize("args", [["diff", "--", "-w"], ["diff", "(-w)"]])
def test_the_expression_minus_w_as_the_hint_writes_it(monkeypatch, capsys, args):
    code, out, err = run_main(monkeypatch, capsys, *args, "-f", "json") if args[1] != "--" \
        else run_main(monkeypatch, capsys, "diff", "-f", "json", "--", "-w")
    assert code == 0 and json.loads(out)["result"] == "-1"
