"""Error messages in the user's language: every error is a message key with parameters, every key
has an English and a Chinese sentence, and the command line prints them in the language of
``--lang`` (text with the position caret, or JSON with a stable code), with exit code 2 and never a
traceback, the same bytes on every run."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from entry_point import run_main
from test_chinese_typography import faults

from derive.errors import ParseError, UsageError
from derive.messages import CATALOGUES, Message, known

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile("[\u4e00-\u9fff]")
SLOT = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")

#: what raises an error or builds a message: the key is its first argument (and, for a parse
#: error, the hint)
BUILDERS = {"UsageError", "DeriveError", "ParseError", "BudgetExceeded", "Message", "error",
            "fail", "_shape_error"}
#: where a builder takes the key of its hint as a positional argument
HINT_POSITIONS = {"UsageError": 1, "DeriveError": 1, "BudgetExceeded": 1, "ParseError": 3,
                  "error": 2}
#: the names whose values are hint keys
HINT_TABLES = {"REJECTED", "UNSUPPORTED"}


def _strings(node: ast.AST):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)


def _keys_in_source() -> dict[str, list[str]]:
    """Every key given to an error or a message in derive's source, with where it is; and the
    calls whose message is not a key (an f-string, a sentence)."""
    keys: dict[str, list[str]] = {}
    sentences: list[str] = []
    for path in sorted((ROOT / "derive").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else \
                    func.attr if isinstance(func, ast.Attribute) else None
                if name not in BUILDERS or not node.args:
                    continue
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) or isinstance(first, ast.Constant) and \
                        isinstance(first.value, str) and " " in first.value:
                    sentences.append(where)
                at = HINT_POSITIONS.get(name)
                hints = [node.args[at]] if at is not None and len(node.args) > at else []
                hints += [k.value for k in node.keywords if k.arg == "hint"]
                for argument in (first, *hints):
                    for constant in _strings(argument):
                        keys.setdefault(constant.value, []).append(where)
            elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id in HINT_TABLES for t in node.targets):
                for value in node.value.values:
                    for constant in _strings(value):
                        keys.setdefault(constant.value, []).append(where)
    return keys, sentences


KEYS, SENTENCES = _keys_in_source()


# --- the catalogues ---------------------------------------------------------------------------

def test_every_key_has_every_language():
    """Each catalogue has exactly the keys of the English one (a key without Chinese fails)."""
    english = set(CATALOGUES["en"])
    for lang, catalogue in CATALOGUES.items():
        assert set(catalogue) == english, (lang, sorted(set(catalogue) ^ english))


def test_the_check_finds_a_missing_translation(monkeypatch):
    """The test above can fail: a key without its Chinese sentence is found."""
    monkeypatch.setitem(CATALOGUES["en"], "test.only_in_english", "only here")
    assert set(CATALOGUES["zh"]) != set(CATALOGUES["en"])


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_each_translation_fills_the_same_slots(key):
    """A translation names the same parameters as the English sentence."""
    slots = {lang: set(SLOT.findall(catalogue[key])) for lang, catalogue in CATALOGUES.items()}
    assert all(found == slots["en"] for found in slots.values()), slots


def test_every_key_raised_is_in_the_catalogues():
    """Every message key the source gives to an error exists, and no error is raised with a
    sentence already written in one language."""
    assert len(KEYS) > 150
    missing = {key: places for key, places in KEYS.items() if not known(key)}
    assert not missing, f"add these keys to derive/messages/en.py and zh.py: {missing}"
    assert not SENTENCES, f"raise these with a message key (derive/messages): {SENTENCES}"


def test_the_source_scan_finds_a_sentence(tmp_path):
    """The scan sees both a key and an f-string given to an error (it can fail)."""
    tree = ast.parse('raise UsageError(f"{x} is wrong")\nraise UsageError("wrt.none")')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert isinstance(calls[0].args[0], ast.JoinedStr)
    assert [c.value for c in _strings(calls[1].args[0])] == ["wrt.none"]


def _sample(template: str) -> str:
    return SLOT.sub("x", template).replace("{{", "{").replace("}}", "}")


@pytest.mark.parametrize("key", sorted(CATALOGUES["zh"]))
def test_chinese_messages_are_chinese_and_typeset_as_chinese(key):
    """Every Chinese sentence is written in Chinese (not left in English), with full-width
    punctuation and the project's spacing (the lint of the Chinese outputs)."""
    text = _sample(CATALOGUES["zh"][key])
    assert not faults(text), faults(text)
    if _sample(CATALOGUES["en"][key]) != "x" and not key.startswith(("backprop.in_line",
                                                                     "at.value_error",
                                                                     "at.name_error")):
        assert HAN.search(text), text
    assert not re.search(r"[\u4e00-\u9fff][A-Za-z0-9`(]|[A-Za-z0-9`)][\u4e00-\u9fff]", text), \
        f"no space between Chinese and Latin: {text}"


def test_a_nested_message_and_a_list_follow_the_language():
    """Parameters that are messages are rendered in the same language; lists are joined the
    language's way."""
    error = UsageError("undefined.expression", text="relu(asin(3))",
                       reason=Message("undefined.not_real", function="relu", arg="asin(3)"))
    assert error.text("zh") == "relu(asin(3)) 没有定义：relu 需要实数自变量，而 asin(3) 不是实数"
    assert error.message.startswith("relu(asin(3)) is undefined: relu needs a real argument")
    listed = UsageError("wrt.several", names=("x", "y"), first="x")
    assert "（x、y）" in listed.text("zh") and "(x, y)" in listed.text("en")


def test_the_caret_counts_wide_characters_twice():
    """Under a wide (Chinese, full-width) character the terminal uses two columns."""
    error = ParseError("parse.unexpected_character", "数数x@", 3, char="@")
    assert error.caret() == "  数数x@\n       ^"


def test_a_full_width_character_gets_a_hint(monkeypatch, capsys):
    """A student's full-width bracket is named, with the character to type instead."""
    status, _, err = run_main(monkeypatch, capsys, "diff", "sin（x）", "--lang", "zh")
    assert status == 2 and err.splitlines()[-1] == "提示：`（` 是全角字符，请改用半角的 `(`"


def test_any_error_may_carry_a_hint():
    """A hint is a key too, filled from the error's parameters, on its own line."""
    error = UsageError("wrt.absent", "hint.absent_guess", var="w0", names=("w_0", "x"),
                       guess="w_0")
    assert error.report("en") == ("error: w0 does not occur in the expression (its variables: "
                                  "w_0, x)\nhint: did you mean w_0? To differentiate by w0 "
                                  "anyway (the derivative is 0), add --allow-absent")
    assert error.report("zh").splitlines() == [
        "错误：表达式中没有 w0（它的变量：w_0、x）",
        "提示：你是不是想写 w_0？如果确实要对 w0 求导（导数为 0），请加上 --allow-absent"]
    assert error.data("zh")["hint"].startswith("你是不是想写 w_0？")


def test_a_parse_error_keeps_its_position_and_hint_in_both_languages():
    error = ParseError("parse.ends_with_operator", "x+", 2, "hint.ends_with_operator",
                       operator="+")
    assert error.report("en") == ("error: expected an expression after `+` at position 3\n"
                                  "  x+\n    ^\nhint: the expression ends with an operator")
    assert error.report("zh") == ("错误：`+` 后面缺少表达式（第 3 个字符处）\n"
                                  "  x+\n    ^\n提示：表达式以运算符结尾")
    assert error.data("zh") == {"code": "parse.ends_with_operator",
                                "message": "`+` 后面缺少表达式", "position": 2, "input": "x+",
                                "hint": "表达式以运算符结尾"}


# --- through the command line -----------------------------------------------------------------

#: bad input of every kind → its code and the 0-based position of the caret (None: no caret)
BAD_INPUTS = [
    (["diff", "x+"], "parse.ends_with_operator", 2),
    (["diff", "sin(x"], "parse.missing_closing", 5),
    (["diff", "x @ y"], "parse.unexpected_character", 2),
    (["diff", "qwerty(x)"], "parse.unknown_function", 0),
    (["diff", "sin（x）"], "parse.unexpected_character", 3),
    (["diff", r"\sinn x"], "parse.latex_unknown", 0),
    (["diff", "x_"], "parse.subscript_missing", 2),
    (["diff", "()"], "parse.empty_parentheses", 0),
    (["diff", "sin"], "parse.needs_argument", 3),
    (["diff", "1/0"], "parse.division_by_zero", 1),
    (["diff", "d/dx"], "operator.nothing", 4),
    (["diff", "gamma(10^9)"], "budget.value_too_large", 0),
    (["diff", "w_0^2 + x", "--wrt", "w0"], "wrt.absent", None),
    (["diff", "x*y"], "wrt.several", None),
    (["diff", "d/dx x^2", "--wrt", "y"], "operator.wrt_conflict", None),
    (["diff", "relu(asin(3))"], "undefined.expression", None),
    (["diff", "x", "--order", "0"], "order.not_whole", None),
    (["diff", "x", "--bogus"], "usage.no_such_option", None),
    (["diff", "x", "--detail", "huge"], "usage.choice", None),
    (["dif", "x"], "usage.no_such_command_guess", None),
    (["diff"], "usage.missing_argument", None),
    (["check", "x^2", "2z"], "check.answer_variables", None),
    (["chain", "u^2", "--let", "u"], "chain.form", None),
    (["implicit", "x^2 + 3 = 1"], "implicit.no_y", None),
    (["softmax", "--n", "0"], "softmax.n", None),
    (["backprop", "y = w*x; L = (y - t)^2", "--at", "x=1,w=2"], "backprop.at_missing", None),
    (["diff", "x", "--output", "/nonexistent/folder/out.txt"], "file.cannot_write", None),
]
IDS = [" ".join(args) for args, _, _ in BAD_INPUTS]


@pytest.mark.parametrize(("args", "code", "position"), BAD_INPUTS, ids=IDS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_input_is_one_message_in_the_chosen_language(monkeypatch, capsys, args, code,
                                                         position, lang):
    """Exit code 2, nothing on standard output, no traceback; the message in the language asked
    for, with the caret under the position where there is one."""
    status, out, err = run_main(monkeypatch, capsys, *args, "--lang", lang)
    assert status == 2 and out == "" and "Traceback" not in err, err
    lines = err.splitlines()
    first = lines[0]
    if lang == "zh":
        assert first.startswith("错误：") and HAN.search(first.removeprefix("错误：")), err
        assert not faults(err), faults(err)
    else:
        assert first.startswith("error: ") and not HAN.search(err), err
    if position is not None:
        assert (f"（第 {position + 1} 个字符处）" if lang == "zh"
                else f" at position {position + 1}") in first
        assert lines[2] == "  " + " " * position + "^", err
    else:
        assert not any(line.strip() == "^" or line.endswith(" ^") for line in lines), err


@pytest.mark.parametrize(("args", "code", "position"), BAD_INPUTS, ids=IDS)
def test_bad_input_in_json_has_a_stable_code(monkeypatch, capsys, args, code, position):
    """With --format json the error is one JSON object: the same code in every language, the
    message in the language asked for, the position as a 0-based index."""
    found = {}
    for lang in ("en", "zh"):
        status, out, err = run_main(monkeypatch, capsys, *args, "--format", "json",
                                    "--lang", lang)
        assert status == 2 and out == ""
        found[lang] = json.loads(err)
        assert found[lang]["kind"] == "error" and found[lang]["lang"] == lang
    assert found["en"]["error"]["code"] == found["zh"]["error"]["code"] == code
    assert found["en"]["error"].get("position") == position
    assert found["en"]["error"]["message"] != found["zh"]["error"]["message"]
    assert HAN.search(found["zh"]["error"]["message"])


def test_a_sheet_says_why_a_problem_failed_in_its_language(tmp_path, monkeypatch, capsys):
    """A problem that cannot be solved is explained in the sheet's language."""
    problems = tmp_path / "p.txt"
    problems.write_text('diff "x+"\ndiff "x^2"\n', encoding="utf-8")
    status, out, err = run_main(monkeypatch, capsys, "sheet", str(problems), "--lang", "zh",
                                "--format", "markdown")
    assert status == 1
    assert "后面缺少表达式（第 3 个字符处）" in out
    assert err == "2 道题中有 1 道未能解答：第 1 题\n"


def test_an_error_is_the_same_bytes_on_every_run():
    """The message does not depend on the hash seed or the run."""
    args = ["diff", "x*y + w_0", "--wrt", "w0", "--lang", "zh"]
    outputs = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run([sys.executable, "-m", "derive", *args], cwd=ROOT,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 2
        outputs.add(done.stderr)
    assert len(outputs) == 1, outputs
    assert "（它的变量：w_0、x、y）" in outputs.pop().decode()


def test_a_json_error_quoting_control_characters_cannot_drive_the_terminal(monkeypatch, capsys):
    """Control and format characters of the input are escaped in the JSON error, which stays
    valid JSON that reads back to the input."""
    text = "x\x1b]0;title\x07 + \u202e\x7f"
    status, out, err = run_main(monkeypatch, capsys, "diff", text, "--format", "json")
    assert status == 2 and out == ""
    assert not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or c == "\u202e" for c in err.rstrip("\n"))
    assert json.loads(err)["error"]["input"] == text


def test_a_bug_is_reported_in_one_line_in_the_chosen_language(monkeypatch, capsys):
    """An exception that is not a user error: exit code 70, one line, the user's language."""
    import derive.cli.output as output

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(output, "run", broken)
    status, out, err = run_main(monkeypatch, capsys, "diff", "x^2", "--lang", "zh")
    assert status == 70 and out == ""
    assert err == "derive 内部错误（RuntimeError: boom second line）；请连同引发它的命令一起报告\n"
