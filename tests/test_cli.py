"""The diff command end to end: what it prints, its errors and exit codes, its files."""

import json
from io import StringIO
from pathlib import Path

import pytest
import sympy
from rich.console import Console
from typer.testing import CliRunner

from derive import explain
from derive.cli import app, emit
from derive.cli.output import Format, Lang


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_chain_rule_example():
    """sin(x²) is explained by the chain rule, with its parts, its result and the check mark."""
    result = run("diff", "sin(x^2)", "--format", "text")
    assert result.exit_code == 0
    out = result.stdout
    assert "Chain rule" in out and "sin(u)" in out and "u = x²" in out
    assert "2⋅x⋅cos" in out and "✓" in out


def test_partial_derivative_names_what_is_held_constant():
    """A partial derivative names the variables held constant, in text and in JSON."""
    out = run("diff", "w1*x1 + w2*x2 + b1", "--wrt", "x1", "-f", "text").stdout
    assert "b1, w1, w2, x2" in out
    data = json.loads(run("diff", "w1*x1 + w2*x2 + b1", "--wrt", "x1", "-f", "json").stdout)
    assert data["result"] == "w1" and data["held_constant"] == ["b1", "w1", "w2", "x2"]
    data = json.loads(run("diff", "w1*x1 + w2*x2 + b1", "--wrt", "b1", "-f", "json").stdout)
    assert data["result"] == "1"


def test_quotient_rule_json_has_numerator_and_denominator():
    """The quotient rule's JSON step names its numerator and denominator and their steps."""
    data = json.loads(run("diff", "exp(x)/(1+exp(x))", "--format", "json").stdout)
    step = data["steps"]
    assert step["rule"] == "quotient"
    assert step["numerator"] == "exp(x)" and step["denominator"] == "exp(x) + 1"
    assert [s["rule"] for s in step["substeps"]] == ["exp", "sum"]


@pytest.mark.parametrize(("text", "expected"), [
    ("x^x", "x**x*(log(x) + 1)"),
    ("asin(x)", "1/sqrt(1 - x**2)"),
    ("tanh(x)", "1 - tanh(x)**2"),
    ("|x|", "sign(x)"),
    ("erf(x)", "2*exp(-x**2)/sqrt(pi)"),
])
def test_results_the_peers_get_wrong(text, expected):
    """Derivatives other step-by-step tools get wrong come out right and verified."""
    data = json.loads(run("diff", text, "-f", "json").stdout)
    x = sympy.Symbol("x")
    got = sympy.sympify(data["result"], locals={"x": x})
    assert sympy.simplify(got - sympy.sympify(expected, locals={"x": x})) == 0
    assert data["verified"] is True


def test_fallback_is_marked_in_every_output():
    """A step taken from sympy is marked, as a rule in JSON and as [fallback] in text."""
    data = json.loads(run("diff", "f(x^2)", "-f", "json").stdout)
    assert data["steps"]["rule"] == "chain"
    assert data["steps"]["substeps"][0]["rule"] == "unknown"
    text = run("diff", "gamma(x)", "-f", "text").stdout
    assert "[fallback]" in text and "sympy" in text


def test_higher_order_shows_each_order():
    """A second derivative shows the first and then the second."""
    out = run("diff", "sin(x^2)", "--order", "2", "-f", "text").stdout
    assert "Derivative 1" in out and "Derivative 2" in out


@pytest.mark.parametrize(("args", "needle"), [
    (("diff", "sni(x)"), "did you mean `sin`"),
    (("diff", "sin(x"), "^"),
    (("diff", "(x+1))"), "^"),
    (("diff", ""), "empty"),
    (("diff", "x^2", "--order", "0"), "at least 1"),
    (("diff", "x*y"), "several variables (x, y)"),
    (("diff", "x", "--wrt", "2x"), "error"),
    (("diff", "__import__('os')"), "error"),
])
def test_bad_input_gets_one_message_and_exit_code_2(args, needle):
    """Bad input: one message on standard error, exit code 2, nothing on standard output."""
    result = run(*args)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_output_file_is_written_atomically_and_format_follows_the_suffix(tmp_path: Path):
    """-o d.json writes JSON, and no temporary file is left behind."""
    target = tmp_path / "d.json"
    assert run("diff", "x^3", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["result"] == "3*x**2"
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]


def test_a_failed_run_leaves_an_existing_file_alone(tmp_path: Path):
    """A run that fails does not touch the file it would have written."""
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    assert run("diff", "sin(", "-o", str(target)).exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_rich_output_without_a_terminal_is_plain():
    """--format rich into a pipe: boxes and styles, but no ANSI escape codes."""
    out = run("diff", "sin(x^2)", "--format", "rich").stdout
    assert "Chain rule" in out and "\x1b[" not in out


def test_rich_output_goes_to_the_console_given():
    """A console given to the command line receives the drawing, at its own width."""
    buffer = StringIO()
    console = Console(file=buffer, width=60, color_system=None, legacy_windows=False)
    result = CliRunner().invoke(app, ["diff", "sin(x^2)", "--format", "rich"],
                                obj={"console": console}, catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout == ""
    drawn = buffer.getvalue()
    assert "Chain rule" in drawn and max(len(line) for line in drawn.splitlines()) <= 60


def test_emit_draws_on_the_console_it_is_given():
    """``emit`` takes the console: the result in Chinese, drawn without colours."""
    buffer = StringIO()
    emit(explain("x^2"), Format.rich, Lang.zh, None, console=Console(file=buffer, width=80))
    assert "幂函数的求导公式" in buffer.getvalue() and "\x1b[" not in buffer.getvalue()


def test_input_options_reach_every_command_that_reads_an_expression():
    """--latex and --function, declared once, are read by diff and by the topics alike."""
    for command in (["diff"], ["grad"], ["limit"]):
        result = run(*command, "\\frac{1}{x}", "--latex", "-f", "json")
        assert result.exit_code == 0, result.stderr
    data = json.loads(run("diff", "phi(x^2)", "--function", "phi", "-f", "json").stdout)
    assert data["steps"]["rule"] == "chain"


def test_help_teaches():
    """The command's help names its options and shows an example."""
    out = run("diff", "--help").stdout
    assert "--wrt" in out and "--order" in out and "sin(x^2)" in out


def test_the_readmes_example_is_what_derive_prints():
    """The README shows ``derive diff "sin(x^2)" --format text`` with its output: kept true."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    command = '$ derive diff "sin(x^2)" --format text\n'
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    result = CliRunner().invoke(app, ["diff", "sin(x^2)", "--format", "text"])
    assert result.exit_code == 0 and result.stdout == shown
