"""The samples folder: complete, runnable, and JSON independent of the language."""

from __future__ import annotations

import json

from notes_samples import generator


def test_samples_exist():
    """The seed examples are samples."""
    names = generator.sample_names()
    assert {"partial_linear_x1", "chain_sin_square", "quotient_exp_ratio",
            "quotient_sigmoid"} <= set(names)
    for name in names:
        sample = generator.load(name)
        assert sample["args"] and sample["args"][0] and sample["title"]


def test_every_file_in_the_samples_is_pinned():
    """The outputs in ``samples/<name>/`` are exactly those the snapshot test compares: none is
    left over from a removed sample, format or language (their content: tests/test_snapshots.py)."""
    pinned = {generator.output_path(name, ext, lang) for name, ext, lang in generator.outputs()}
    assert set(generator.present()) == pinned


def test_json_is_the_same_in_every_language():
    """JSON has no narration, so one ``data.json`` per sample is enough."""
    for name in generator.sample_names():
        assert generator.render(name, "json", "zh") == generator.render(name, "json", "en")
        assert json.loads(generator.render(name, "json"))["verified"] is True
