"""Every command that reads an expression says how it read it ("xy read as x·y"), in every
format and both languages, and writes the readings in its JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from derive.cli import app

COMMANDS = [
    ["diff", "xy", "--wrt", "x"],
    ["grad", "xy"],
    ["critical", "xy - x^2 - y^2"],
    ["chain", "u^2 + v", "--let", "u=xy", "--let", "v=x+y"],
    ["compose", "2x + 3", "xy", "--var", "x"],
    ["limit", "xy", "--wrt", "x"],
    ["implicit", "xy + y^2 = 1"],
    ["check", "xy", "y", "--wrt", "x"],
    ["check", "x^2 y", "2xy", "--wrt", "x"],
    ["jacobian", "xy z_j", "--wrt", "z_i"],
    ["jacobian", "xy^2", "--wrt", "y"],
]


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("format", ["text", "markdown", "latex"])
@pytest.mark.parametrize("lang, mark", [("en", "{0} is read as {1}."), ("zh", "{0} 读作 {1}。")])
def test_the_reading_is_echoed(args, format, lang, mark):
    """What was typed and how it was read are shown verbatim, in a code face where there is one."""
    out = run(*args, "-f", format, "--lang", lang)
    code = {"text": "{}", "markdown": "`{}`", "latex": r"\texttt{{{}}}"}[format]
    typed = [code.format(t) for t in ("xy", "x·y")]
    if format == "latex":
        typed[1] = typed[1].replace("·", r"$\cdot$")
    assert mark.format(*typed) in out


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_the_readings_are_in_the_json(args):
    data = json.loads(run(*args, "-f", "json"))
    readings = data["readings"] + data.get("answer_readings", [])
    assert {"kind": "implicit_multiplication", "detail": "xy -> x*y"} in readings


@pytest.mark.parametrize("text, en, zh", [
    ("2e x", "e is Euler's number e ≈ 2.718.", "e 是自然常数 e ≈ 2.718。"),
    ("log x", "log is the natural logarithm ln (base e).", "log 是自然对数 ln（以 e 为底）。"),
    ("y = x^2", "y = only names the function", "y = 只是给函数命名"),
    ("f(x^2)", "f is an unspecified function", "f 是未给出具体形式的函数"),
    ("3x(x+1)", "x(…) is read as x·(…).", "x(…) 读作 x·(…)。"),
])
def test_a_reading_without_an_arrow_is_a_sentence(text, en, zh):
    """A reading recorded as a bare name (``e``, ``log``) is said as a sentence of its kind,
    never as ``Reading: e.``; a bracket read as a product shows what it encloses."""
    for lang, sentence in (("en", en), ("zh", zh)):
        out = run("diff", text, "--wrt", "x", "-f", "text", "--lang", lang)
        assert sentence in out and "Reading:" not in out


def test_e_as_the_base_of_a_power_needs_no_reading():
    """``e^(2 ln x)``: the base e of a power is not worth a note; a lone ``e`` is."""
    assert "Euler" not in run("diff", "e^(2 ln x)", "-f", "text")
    assert "Euler" in run("diff", "e*x", "-f", "text")


@pytest.mark.parametrize("text, detail", [
    ("ln x", "ln x -> ln(x)"), (r"\ln x", r"\ln x -> ln(x)"), ("sgn x", "sgn x -> sgn(x)"),
    ("sin 2x", "sin 2x -> sin(2*x)"), ("ln sin x", "ln sin x -> ln(sin(x))"),
])
def test_an_unbracketed_argument_keeps_the_name_typed(text, detail):
    """``ln x`` is read as ln(x): sympy's name log would suggest another base."""
    from derive.parse import parse
    assert parse(text).readings[0].detail == detail
    reading = next(line for line in run("diff", text, "-f", "text").splitlines()
                   if "is read as" in line)
    assert "log" not in reading
