"""How much of the textbook corpus the parser reads as meant: prints N/M for each collection.

* tricky inputs (tests/data/tricky_inputs.jsonl): a record counts when every form it lists is
  read as its meaning (the prose meanings are made concrete as in tests/test_parse_corpus.py;
  the notations documented as unsupported count as not read);
* textbook questions (tests/data/textbook_questions.jsonl): the definition in
  ``question_original`` parses to the record's ``expr``;
* the questions asked with a Leibniz operator (``(d^3y)/(dx^3) ; y=3 cos x``), read whole, give
  the record's expression, variable and order.

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
    UNSUPPORTED, leibniz_questions, question_as_asked, read_as_meant, records, textbook_outcomes,
    tricky_cases)


def reads(category: str, text: str, meaning: str) -> bool:
    try:
        return read_as_meant(category, text, meaning)[0]
    except (ParseError, ValueError, TypeError):
        return False


def tricky():
    outcomes: dict[str, list[bool]] = defaultdict(list)
    for record in records("tricky_inputs.jsonl"):
        if record["category"] in UNSUPPORTED:
            outcomes[record["category"]].append(False)
    for case in tricky_cases():
        category, text, meaning = case.values
        outcomes[category].append(reads(category, text, meaning))
    failures = sorted(category for category, results in outcomes.items() if not all(results))
    return "tricky inputs (categories)", len(outcomes) - len(failures), len(outcomes), failures


def textbook():
    outcomes = textbook_outcomes()
    failures = sorted(key for key, outcome in outcomes.items() if outcome is not None)
    return "textbook question_original", len(outcomes) - len(failures), len(outcomes), failures


def whole_questions():
    failures = []
    for record in leibniz_questions():
        try:
            if not question_as_asked(record):
                failures.append(record["id"])
        except ParseError:
            failures.append(record["id"])
    total = len(leibniz_questions())
    return "questions with d^n y/dx^n (whole)", total - len(failures), total, failures


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    for name, passed, total, failures in (tricky(), textbook(), whole_questions()):
        print(f"{name:32} {passed:3}/{total}")
        if verbose:
            for failure in failures:
                print(f"    not read: {failure}")


if __name__ == "__main__":
    main()
