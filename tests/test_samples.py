"""The samples folder: up to date, runnable, and JSON independent of the language."""

from __future__ import annotations

import json

from notes_samples import ROOT, generator


def test_samples_exist():
    """The seed examples are samples."""
    names = generator.sample_names()
    assert {"partial_linear_x1", "chain_sin_square", "quotient_exp_ratio",
            "quotient_sigmoid"} <= set(names)
    for name in names:
        sample = generator.load(name)
        assert sample["args"] and sample["args"][0] and sample["title"]


def test_samples_are_up_to_date():
    """Every rendered sample matches the current code (run ``python samples/generate.py``)."""
    stale = generator.stale()
    assert not stale, "stale samples: " + ", ".join(str(p.relative_to(ROOT)) for p in stale)


def test_json_is_the_same_in_every_language():
    """JSON has no narration, so one ``data.json`` per sample is enough."""
    for name in generator.sample_names():
        assert generator.render(name, "json", "zh") == generator.render(name, "json", "en")
        assert json.loads(generator.render(name, "json"))["verified"] is True
