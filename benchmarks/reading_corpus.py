"""How much of the textbook corpus the parser reads as meant: prints N/M for each collection.

* tricky inputs (tests/data/tricky_inputs.jsonl): a record counts when every form it lists is
  read as its meaning (the prose meanings are made concrete as in tests/test_parse_corpus.py;
  the notations documented as unsupported count as not read);
* textbook questions (tests/data/textbook_questions.jsonl): the definition in
  ``question_original`` parses to the record's ``expr``.

Run ``python benchmarks/reading_corpus.py``; ``-v`` lists what is not read.  To add a
collection: a function returning ``(name, passed, total, failures)``, called from :func:`main`.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from derive.errors import ParseError  # noqa: E402
from test_parse_corpus import (  # noqa: E402
    UNSUPPORTED, expected, parse, parse_equation, records, same, textbook_outcomes, tricky_cases)


def read_as_meant(category: str, text: str, meaning: str) -> bool:
    try:
        if category == "equation form for implicit differentiation":
            return same(parse_equation(text).expr, expected(meaning))
        if category == "function-call notation that is not multiplication":
            return str(parse(text, functions=["x"]).expr) == meaning
        return same(parse(text).expr, expected(meaning))
    except (ParseError, ValueError, TypeError):
        return False


def tricky():
    outcomes: dict[str, list[bool]] = defaultdict(list)
    for record in records("tricky_inputs.jsonl"):
        if record["category"] in UNSUPPORTED:
            outcomes[record["category"]].append(False)
    for case in tricky_cases():
        category, text, meaning = case.values
        outcomes[category].append(read_as_meant(category, text, meaning))
    failures = sorted(category for category, results in outcomes.items() if not all(results))
    return "tricky inputs (categories)", len(outcomes) - len(failures), len(outcomes), failures


def textbook():
    outcomes = textbook_outcomes()
    failures = sorted(key for key, outcome in outcomes.items() if outcome is not None)
    return "textbook question_original", len(outcomes) - len(failures), len(outcomes), failures


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    for name, passed, total, failures in (tricky(), textbook()):
        print(f"{name:32} {passed:3}/{total}")
        if verbose:
            for failure in failures:
                print(f"    not read: {failure}")


if __name__ == "__main__":
    main()
