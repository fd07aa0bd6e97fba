"""Snapshots of every sample in every format and language, as readable files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from notes_samples import GENERATOR_PATH, ROOT, generator


def _text_extension(ext: str) -> type[SingleFileSnapshotExtension]:
    class TextSnapshot(SingleFileSnapshotExtension):
        file_extension = ext
        _write_mode = WriteMode.TEXT

        def serialize(self, data, **kwargs):
            return data

    TextSnapshot.__name__ = f"{ext.capitalize()}Snapshot"
    return TextSnapshot


EXTENSIONS = {ext: _text_extension(ext) for ext in generator.OUTPUTS}
CASES = [(name, ext, lang) for name in generator.sample_names() for ext in generator.OUTPUTS
         for lang in (generator.LANGS if generator.OUTPUTS[ext][2] else generator.LANGS[:1])]


@pytest.mark.parametrize(("name", "ext", "lang"), CASES,
                         ids=[f"{n}-{lang}-{ext}" for n, ext, lang in CASES])
def test_sample(name, ext, lang, snapshot):
    """The rendered sample is unchanged (``pytest --snapshot-update`` after reading the diff)."""
    assert generator.render(name, ext, lang) == snapshot(extension_class=EXTENSIONS[ext])


def test_output_does_not_depend_on_hash_seed():
    """The command line prints the same bytes whatever ``PYTHONHASHSEED`` is."""
    names = ["partial_linear_x2", "quotient_sigmoid"]
    outputs = []
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run([sys.executable, str(GENERATOR_PATH), "--print", *names],
                              capture_output=True, env=env, cwd=ROOT, timeout=120, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"==> ") == 7 * len(names)
    for path, content in generator.expected(names).items():
        assert content.encode() in outputs[0], path
