"""The phrase catalogues: same keys and slots in every language, a phrase for every rule."""

from __future__ import annotations

import re

import pytest

import derive.indexed  # noqa: F401 - its Step classes are rules too
from derive.functions import TABLE
from derive.narrate.phrases import CATALOGUES
from derive.steps import CombiningStep, FunctionStep, RepeatedStep, rule_classes

FUNCTION_FAMILIES = sorted({entry.family for entry in TABLE})
_SLOT = re.compile(r"\{(\w+)\}")


def rule_keys() -> list[str]:
    """Every key ``rule_key`` can return: each Step class's rule, each FunctionStep family."""
    keys = set(FUNCTION_FAMILIES)
    keys.update(cls.rule for cls in rule_classes() if cls is not FunctionStep)
    return sorted(keys)


def test_rule_keys_found():
    """The Step classes are discovered (the list below is not empty by accident)."""
    assert {"chain", "quotient", "product", "power", "held_constant"} <= set(rule_keys())


def test_same_keys_in_every_catalogue():
    """Every catalogue has exactly the English keys."""
    english = set(CATALOGUES["en"])
    for lang, catalogue in CATALOGUES.items():
        assert set(catalogue) == english, f"{lang}: {sorted(set(catalogue) ^ english)}"


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
@pytest.mark.parametrize("key", rule_keys())
def test_every_rule_has_a_name_and_a_sentence(lang, key):
    """Each rule has ``rule.<key>`` and ``says.<key>``, not empty."""
    catalogue = CATALOGUES[lang]
    assert catalogue.get(f"rule.{key}", "").strip()
    assert catalogue.get(f"says.{key}", "").strip()


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
@pytest.mark.parametrize("rule", [c.rule for c in rule_classes()
                                  if issubclass(c, CombiningStep) and c is not RepeatedStep])
def test_every_combining_rule_says_how_its_pieces_combine(lang, rule):
    """A combining rule ends with ``combine.<rule>`` (a repeated derivative has none: each order
    is a derivation of its own)."""
    assert CATALOGUES[lang].get(f"combine.{rule}", "").strip()


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_slots_match_between_languages(key):
    """A phrase uses the same slots in every language."""
    slots = {lang: sorted(set(_SLOT.findall(catalogue[key])))
             for lang, catalogue in CATALOGUES.items()}
    assert len({tuple(s) for s in slots.values()}) == 1, slots


def test_chinese_terminology():
    """The Chinese catalogue uses the agreed terms for the main rules and parts."""
    zh = CATALOGUES["zh"]
    assert zh["rule.chain"] == "链式法则"
    assert zh["rule.product"] == "乘积法则"
    assert zh["rule.quotient"] == "商的求导法则"
    assert zh["tree.outer"] == "外层函数" and zh["tree.inner"] == "内层函数"
    assert "偏导数" in zh["title.partial"] and "常数" in zh["says.held_constant"]


def test_chinese_sentences_use_chinese_punctuation():
    """Chinese prose ends with full-width punctuation, not an ASCII full stop."""
    for key, text in CATALOGUES["zh"].items():
        assert not text.rstrip().endswith("."), key
