"""Every sample in every format and language is pinned: the files in ``samples/<name>/`` are the
snapshots, compared with what the command line prints now."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import sample_file

from notes_samples import GENERATOR_PATH, ROOT, generator

CASES = generator.outputs()


@pytest.mark.parametrize(("name", "ext", "lang"), CASES,
                         ids=[f"{n}-{lang}-{ext}" for n, ext, lang in CASES])
def test_sample(name, ext, lang, snapshot):
    """The rendered sample is unchanged (``pytest --snapshot-update`` after reading the diff)."""
    pinned = sample_file(generator.output_path(name, ext, lang))
    assert generator.render(name, ext, lang) == snapshot(extension_class=pinned)


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
    assert outputs[0].count(b"==> ") == len(generator.outputs(names))
    for path, content in generator.expected(names).items():
        assert content.encode() in outputs[0], path
