"""``derive sheet``: a problem file read, every problem solved in file order whatever the number
of processes, failures marked and counted, answers given judged, the key, JSON lines, ``--pdf``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sympy
from typer.testing import CliRunner

from derive.cli import app
from derive.cli.parallel import in_order
from derive.cli.problems import read_problems, solve
from test_latex_compile import engine

DATA = Path(__file__).resolve().parent / "data"
MIXED = DATA / "sheet_mixed.txt"          # seven problems, the fourth one a slip
TEXTBOOK = DATA / "sheet_textbook.jsonl"   # forty textbook problems, some with answers given


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_problem_lines_are_read_as_the_command_line_reads_them():
    """Comments and blank lines are skipped, quotes group words, JSON lines give options."""
    problems = read_problems('# a set\n\ndiff "sin(x^2)"  # chain rule\n'
                             'derive chain "u^2+v" --let u=x^2+y --let v=x+y^2\n'
                             '{"command": "diff", "arguments": ["-6*sin(x)"], '
                             '"options": {"wrt": "x", "order": 2}, "answer": "6 sin(x)"}\n'
                             '{"command": "diff", "colour": "red"}\n{"oops\n')
    assert [p.number for p in problems] == [1, 2, 3, 4, 5]
    assert [p.line for p in problems] == [3, 4, 5, 6, 7]
    assert (problems[0].command, problems[0].arguments) == ("diff", ("sin(x^2)",))
    assert problems[1].arguments == ("u^2+v", "--let", "u=x^2+y", "--let", "v=x+y^2")
    assert problems[2].arguments == ("--wrt", "x", "--order", "2", "--", "-6*sin(x)")
    assert problems[2].answer == "6 sin(x)"
    assert "unknown key colour" in problems[3].error.text("en")
    assert "not valid JSON" in problems[4].error.text("en") and "line 7" in problems[4].error.text("en")


@pytest.mark.parametrize(("line", "message"), [
    ('diff "sin(x^^2)"', "position 7"),
    ("diff", "missing argument EXPRESSION"),
    ('diff "x^2" --colour red', "no such option: --colour"),
    ('diff "x^2" --format json', "--format is an option of the sheet"),
    ('sheet other.txt', "unknown command 'sheet'"),
    ('integrate "x"', "unknown command 'integrate'"),
    ('{"command": "grad", "arguments": ["x*y"], "answer": "y"}', "checked for diff problems"),
])
def test_a_bad_problem_becomes_a_failed_entry_with_its_error(line, message):
    """Whatever is wrong with a problem, solving it does not raise: the entry says what."""
    entry = solve(read_problems(line)[0], "en")
    assert entry.failed and message in entry.data["error"]


def test_a_bad_problem_in_the_middle_keeps_every_other_solution():
    """The sheet has all seven sections, the fourth marked as not solved, its key line too,
    and the exit code says that something failed."""
    result = run("sheet", str(MIXED), "-f", "markdown")
    assert result.exit_code == 1
    assert "1 of 7 problems not solved: 4" in result.stderr
    out = result.stdout
    sections = re.findall(r"^## (\d+)\. ", out, re.MULTILINE)
    assert sections == [str(n) for n in range(1, 8)]
    fourth = out.split("\n## 4. ")[1].split("\n## 5. ")[0]
    assert "**⚠ Not solved: expected an expression" in fourth and "position 7" in fourth
    key = out.split("## Answer key")[1]
    assert "**4.** diff 'sin(x^^2)' — not solved" in key
    # every solved problem has its final answer in the key
    assert key.count("$$\n") == 2 * (1 + 1 + 2 + 1 + 1 + 1)


def test_every_problem_solved_exits_zero_and_says_nothing_on_stderr(tmp_path):
    """Without a terminal there is no progress bar: standard error stays empty."""
    problems = tmp_path / "p.txt"
    problems.write_text('diff "x^2"\ndiff "exp(2x)"\n', encoding="utf-8")
    result = run("sheet", str(problems), "-f", "latex")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.count("\\section{") == 2 and "\\tableofcontents" in result.stdout


def test_answers_given_are_judged_as_check_does():
    """A wrong answer given is called wrong with the point where it differs; a right one right."""
    out = run("sheet", str(MIXED), "-f", "markdown").stdout
    wrong = out.split("\n## 6. ")[1].split("\n## 7. ")[0]
    assert "### The answer given" in wrong and "Not correct" in wrong and "At $x$" in wrong
    right = out.split("\n## 7. ")[1].split("\n## Answer key")[0]
    assert "### The answer given" in right and "Correct: your answer equals" in right


def test_jobs_do_not_change_a_byte():
    """One process or three: the same sheet, byte for byte, in every format."""
    for format in ("markdown", "latex", "json"):
        one = run("sheet", str(MIXED), "-f", format, "--jobs", "1").stdout
        three = run("sheet", str(MIXED), "-f", format, "--jobs", "3").stdout
        assert one == three, format


def test_in_order_keeps_the_order_and_reports_progress():
    """Results in item order; every item is reported done once."""
    class Watch:
        def __init__(self):
            self.done_items, self.entered = [], False

        def __enter__(self):
            self.entered = True
            return self

        def __exit__(self, *exc):
            return None

        def started(self, index):
            assert 0 <= index < 5

        def done(self, index):
            self.done_items.append(index)

    watch = Watch()
    assert in_order(abs, [-3, 1, -4, 1, -5], jobs=2, watch=watch) == [3, 1, 4, 1, 5]
    assert watch.entered and sorted(watch.done_items) == [0, 1, 2, 3, 4]


def test_json_lines_hold_each_result_as_derive_writes_it():
    """One object a line, in order; a solved problem holds its result (and check), readable by
    sympy; a failed one its error."""
    lines = run("sheet", str(MIXED), "-f", "json").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["problem"] for r in records] == list(range(1, 8))
    assert [r["status"] for r in records].count("failed") == 1
    first = records[0]["result"]
    x = sympy.Symbol("x")
    assert sympy.sympify(first["result"]) == sympy.diff(sympy.sin(x ** 2), x)
    assert records[3]["error"].startswith("expected an expression")
    assert records[5]["check"]["kind"] == "check" and records[5]["check"]["correct"] is False


def test_answers_only_is_the_key_alone():
    """--answers-only: the title and one line per problem, no working."""
    out = run("sheet", str(MIXED), "-f", "markdown", "--answers-only").stdout
    assert out.startswith("# Answer key\n")
    assert "Step by step" not in out and "## Contents" not in out
    assert len(re.findall(r"^\*\*\d+\.\*\*", out, re.MULTILINE)) == 7


def test_chinese_sheet_has_its_words():
    out = run("sheet", str(MIXED), "-f", "markdown", "--lang", "zh").stdout
    assert out.startswith("# 习题解答\n") and "## 目录" in out and "## 答案" in out
    assert "未能解答：" in out and "### 给出的答案" in out


@pytest.mark.parametrize(("args", "message"), [
    (("missing.txt",), "cannot read the problem file missing.txt"),
    ((str(MIXED), "--pdf", "-f", "markdown"), "--pdf makes a PDF from LaTeX"),
    ((str(MIXED), "--pdf", "-o", "x.tex"), "with --pdf the output is a .pdf file"),
])
def test_usage_errors_exit_2(args, message):
    result = run("sheet", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_pdf_without_tex_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    problems = tmp_path / "p.txt"
    problems.write_text('diff "x^2"\n', encoding="utf-8")
    result = run("sheet", str(problems), "--pdf", "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 2
    assert "--pdf needs pdflatex" in result.stderr and "apt-get install" in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_pdf_is_compiled(tmp_path):
    engine("en")
    problems = tmp_path / "p.txt"
    problems.write_text('diff "sin(x^2)"\ndiff "x/(1+x^2)"\n', encoding="utf-8")
    result = run("sheet", str(problems), "--pdf", "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")


def test_detail_is_passed_to_every_problem_and_a_problem_may_set_its_own(tmp_path):
    """--detail brief says less than full; a problem's own --detail wins over the sheet's."""
    problems = tmp_path / "p.txt"
    problems.write_text('diff "x^2 sin(x)"\n', encoding="utf-8")
    brief = run("sheet", str(problems), "-f", "markdown", "--detail", "brief").stdout
    full = run("sheet", str(problems), "-f", "markdown", "--detail", "full").stdout
    assert len(brief) < len(full)
    problems.write_text('diff "x^2 sin(x)" --detail full\n', encoding="utf-8")
    assert run("sheet", str(problems), "-f", "markdown", "--detail", "brief").stdout == full
    lines = run("sheet", str(problems), "-f", "json").stdout.splitlines()
    assert json.loads(lines[0])["result"]["detail"] == "full"
