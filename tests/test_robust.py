"""Hostile and odd inputs at the command line: an answer or one clear message, never a crash,
never a wrong "verified"."""

import json

import pytest
import sympy
from typer.testing import CliRunner

from derive import critical_points, explain
from derive.cli import app

x, y = sympy.symbols("x y")


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


# --- crashes ----------------------------------------------------------------------------------

def test_deep_brackets_in_the_indexed_reader():
    """195 brackets around z_j in a Jacobian: read like any other nesting, no RecursionError."""
    text = "(" * 195 + "z_j" + ")" * 195
    result = run("jacobian", text, "--wrt", "z_i", "-f", "json")
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("error:") and len(result.stderr.splitlines()) <= 4


@pytest.mark.parametrize("outer, inner", [("f(x)", "x^2"), ("g(x)", "x+1")])
def test_compose_with_an_undefined_outer_function(outer, inner):
    """f(g(x)) with f undefined: f'(u) is evaluated at u = g(x), as sympy.diff does."""
    result = run("compose", outer, inner, "--at", "x=2", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verified"]
    composite = sympy.sympify(data["expression"])
    assert sympy.simplify(sympy.sympify(data["result"]) - sympy.diff(composite, x)) == 0
    assert "Put u" in run("compose", outer, inner, "-f", "text").stdout


@pytest.mark.parametrize("text, argument", [("relu(asin(3))", "asin(3)"),
                                            ("relu(acos(2))", "acos(2)"),
                                            ("x*relu(sqrt(-1))", "I")])
@pytest.mark.parametrize("format", ["json", "text"])
def test_a_real_function_of_a_number_that_is_not_real_is_refused(text, argument, format):
    """ReLU is a real function: relu(asin 3) has no value, said in one line, exit code 2."""
    result = run("diff", text, "-f", format)
    assert result.exit_code == 2 and result.stdout == ""
    message = f"{text} is undefined: relu needs a real argument and {argument} is not a real number"
    if format == "json":
        assert json.loads(result.stderr)["error"] == {"code": "undefined.expression", "message": message}
    else:
        assert result.stderr == f"error: {message}\n"


@pytest.mark.parametrize("text, number", [("x + ln(-1)", "ln(-1)"), ("sqrt(-4)*x", "I"),
                                          ("asin(2) + x", "arcsin(2)"),
                                          ("(-8)^(1/3)*x", "(-1)**(1/3)"),
                                          ("abs(sqrt(-4))*x", "2*I"),
                                          ("x*LambertW(-1)", "LambertW(-1)")])
@pytest.mark.parametrize("command", [("diff",), ("grad",), ("check", "1")])
def test_a_number_that_is_not_real_is_refused(text, number, command):
    """derive differentiates real functions: x + ln(−1) is refused (not differentiated to 1),
    with the number named and a hint, in every command that reads an expression."""
    result = run(command[0], text, *command[1:])
    assert result.exit_code == 2 and result.stdout == ""
    first, hint = result.stderr.splitlines()
    assert first == (f"error: {text} is undefined: {number} is not a real number, and derive "
                     "differentiates real functions of a real variable")
    assert hint.startswith("hint: ln needs a positive argument")
    chinese = run(command[0], text, *command[1:], "--lang", "zh").stderr
    assert chinese.startswith(f"错误：{text} 没有定义：{number} 不是实数") and "提示：" in chinese


@pytest.mark.parametrize("text", ["x + ln(2)", "asin(1/2)*x", "sqrt(2)*x", "-8^(1/3)*x",
                                  "abs(-3)*x", "x^(1/3)", "ln(x)", "asin(x)", "(-x)^(1/3)"])
def test_real_numbers_and_functions_of_the_variable_are_explained(text):
    """Only numbers are judged: ln(x), x^(1/3) have real values where they are defined."""
    result = explain(text)
    assert result.verified
    assert sympy.simplify(result.result - sympy.diff(result.steps.expr, result.var)) == 0


# --- wrong or broken contracts ----------------------------------------------------------------

def test_critical_points_along_whole_lines():
    """(y² − x²)²: ∇f = 0 on the whole lines y = ±x; never "no critical points, verified"."""
    result = critical_points("(y^2 - x^2)^2")
    assert result.status == "infinite" and result.verified
    f = (y**2 - x**2) ** 2
    families = {p.as_dict()[x] for p in result.points}
    assert families == {y, -y} and all(p.free == (y,) for p in result.points)
    for point in result.points:                      # ∇f = 0 along every reported set
        for var in (x, y):
            assert sympy.simplify(sympy.diff(f, var).xreplace(point.as_dict())) == 0
    assert {p.classification for p in result.points} == {"inconclusive"}
    out = run("critical", "(y^2 - x^2)^2", "-f", "text").stdout
    assert "no critical point" not in out and "infinite" in out


def test_critical_points_of_a_circle_of_minima_and_an_isolated_maximum():
    """(x² + y² − 1)²: the unit circle (a family) and the isolated maximum (0, 0)."""
    result = critical_points("(x^2 + y^2 - 1)^2")
    assert result.status == "infinite" and result.verified
    isolated = [p for p in result.points if not p.free]
    assert [p.as_dict() for p in isolated] == [{x: 0, y: 0}]
    assert isolated[0].classification == "maximum"
    assert {p.as_dict()[x] for p in result.points if p.free} == {sympy.sqrt(1 - y**2),
                                                                  -sympy.sqrt(1 - y**2)}


def test_critical_points_sympy_may_have_missed_are_not_verified():
    """sin x has infinitely many critical points; sympy.solve returns two: not verified, and
    the output says solutions may be missing."""
    result = critical_points("sin(x)")
    assert result.status == "partial" and not result.verified
    out = run("critical", "sin(x)", "-f", "text").stdout
    assert "solutions may be missing" in out and "✓" not in out
    assert json.loads(run("critical", "sin(x)", "-f", "json").stdout)["verified"] is False


def test_acosh_is_checked_only_where_it_is_real():
    """acosh is real for x ≥ 1 only: points below are not samples, and the answer is verified."""
    assert explain("acosh(x)").verified
    assert "✓ verified" in run("diff", "acosh(x)", "-f", "text").stdout


@pytest.mark.parametrize("text", ["10^x*0^x", "0^x", "log(0^x)"])
def test_an_undefined_derivative_is_said_to_be_undefined(text):
    """The derivative of 0^x involves ln 0: said to be undefined, not shown with zoo."""
    result = run("diff", text, "-f", "text")
    assert result.exit_code == 2 and "zoo" not in result.stdout + result.stderr
    assert result.stderr.startswith(f"error: the derivative of {text} is undefined")


NAMES = {"β": "beta", "γ": "gamma", "ζ": "zeta", "Λ": "Lambda", "λ": "lambda", "S": "S",
         "N": "N", "O": "O", "Q": "Q", "I": "I", "C": "C"}


@pytest.mark.parametrize("typed, name", NAMES.items())
def test_json_strings_read_back_with_any_variable_name(typed, name):
    """A variable named like a sympy object or a Python keyword reads back as that variable."""
    data = json.loads(run("diff", f"{typed}*x^2 + sin({typed})", "--wrt", "x", "-f", "json").stdout)
    k = sympy.Symbol(name)
    assert sympy.sympify(data["expression"]) == k * x**2 + sympy.sin(k)
    assert sympy.sympify(data["result"]) == 2 * k * x


def test_json_reads_back_an_undefined_function_named_like_a_sympy_function():
    """--function beta: an undefined function, written so that sympify does not read Beta."""
    data = json.loads(run("diff", "beta(x^2)", "--function", "beta", "-f", "json").stdout)
    beta = sympy.Function("beta")
    assert sympy.sympify(data["expression"]) == beta(x**2)


# --- smaller ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["x+\x1b]0;title\x07", "\x1b[31mx", "x\r+", "sin(x\x07"])
def test_control_characters_in_error_messages_are_escaped(text):
    """A pasted control character is shown as an escape: it cannot retitle or recolour the
    terminal, and the caret still points at the right character."""
    result = run("diff", text, "-f", "text")
    assert result.exit_code == 2
    assert not any(c in result.stderr for c in "\x1b\x07\r")
    lines = result.stderr.splitlines()
    if len(lines) >= 3 and lines[2].strip() == "^":
        column = lines[2].index("^")
        assert column == len(lines[1]) or lines[1][column] in "\\+(sx)"


# --- budgets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["gamma(10^9)", "gamma(10^100)x+", "x*gamma(10^9+1/2)"])
def test_a_function_of_a_huge_number_is_refused_before_it_is_computed(text):
    """gamma(10^9) is a factorial of billions of digits: refused while reading, exit code 2."""
    result = run("diff", text, "-f", "text")
    assert result.exit_code == 2
    assert "is too large to compute: its exact value has more than 4000 digits" in result.stderr


@pytest.mark.parametrize("text", ["sin" * 2999 + "x", "^".join(["x"] * 2000),
                                  "exp(" * 1999 + "x" + ")" * 1999],
                         ids=["letter-run-2999", "tower-2000", "exp-nested-1999"])
def test_a_derivative_over_the_size_budget_is_refused_at_once(text):
    """Towers, letter runs and nesting whose derivative is too large to write out: refused by
    the size budget before any work, with what was too large."""
    result = run("diff", text, "-f", "text")
    assert result.exit_code == 2, result.stdout[:200]
    assert result.stderr.startswith("error: the derivative is too large to explain step by step")


def test_nested_quotients_are_answered_and_verified():
    """1/(x + 1/(x + …)) seven levels deep: the verification does not expand the nested
    denominators (exponential in sympy), it checks numerically."""
    text = "x"
    for _ in range(7):
        text = f"x+1/({text})"
    data = json.loads(run("diff", f"1/({text})", "-f", "json").stdout)
    assert data["verified"]


def test_the_time_budget_stops_a_command(tmp_path):
    """With DERIVE_TIME_LIMIT=1 a long product is stopped after a second of computing: exit
    code 2 and a message naming the budget (in a process of its own: the work is abandoned)."""
    import os
    import subprocess
    import sys

    product = "*".join(f"(x+{k})" for k in range(1, 301))
    env = {**os.environ, "DERIVE_TIME_LIMIT": "1"}
    done = subprocess.run([sys.executable, "-m", "derive", "diff", product, "-f", "text"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: the computation took more than 1 s (the time budget")


def test_numbers_too_long_to_show_are_shortened_and_json_keeps_them_exact():
    """x^5/3000!: text and LaTeX show the first digits and the length; JSON writes the number
    exactly, in a form sympify reads back (past Python's 4300-digit limit)."""
    big = sympy.factorial(3000)
    derivation = explain(x**5 / big + big * x)
    text = derivation.render("text")
    assert "…(9131 digits)" in text and len(text) < 20_000
    assert r"\ldots\,(9131\ \text{digits})" in derivation.render("latex")
    data = json.loads(derivation.render("json"))
    assert sympy.sympify(data["result"]) == 5 * x**4 / big + big


# --- output files -----------------------------------------------------------------------------

@pytest.fixture
def umask_022():
    import os
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_output_file_has_the_usual_mode(tmp_path, umask_022):
    """-o writes a file readable like any other (0666 less the umask), not the 0600 of a
    temporary file."""
    target = tmp_path / "d.txt"
    assert run("diff", "x^2", "-o", str(target)).exit_code == 0
    assert (target.stat().st_mode & 0o777) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "d.txt"
    target.write_text("old")
    target.chmod(0o640)
    assert run("diff", "x^2", "-o", str(target)).exit_code == 0
    assert (target.stat().st_mode & 0o777) == 0o640 and "2⋅x" in target.read_text()


def test_output_through_a_symbolic_link_writes_its_target(tmp_path):
    """The link stays a link; the file it points to gets the output."""
    real, link = tmp_path / "real.md", tmp_path / "link.md"
    real.write_text("old")
    link.symlink_to(real.name)
    assert run("diff", "x^2", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text().startswith("#")


@pytest.mark.parametrize("name", ["", "."])
def test_output_to_a_directory_is_refused_clearly(name):
    result = run("diff", "x^2", "-o", name)
    assert result.exit_code == 2
    assert "--output needs a file name, not a directory" in result.stderr


def test_a_temporary_file_left_by_a_killed_run_is_removed(tmp_path):
    """A run killed while writing leaves .NAME.PID.XXXX.tmp; the next write of NAME removes it
    once its process is gone (and leaves a running one's alone)."""
    import os
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    leftover = tmp_path / f".d.txt.{gone}.k3j2.tmp"
    running = tmp_path / f".d.txt.{os.getpid()}.a1b2.tmp"
    leftover.write_text("partial")
    running.write_text("partial")
    assert run("diff", "x^2", "-o", str(tmp_path / "d.txt")).exit_code == 0
    assert not leftover.exists() and running.exists()
