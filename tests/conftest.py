"""Test-wide settings: hypothesis runs derandomized, so every run (and CI) tests the same cases;
no colour setting of the environment reaches a test; the syrupy extension that pins a rendered
sample as a readable file."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

settings.register_profile("derive", derandomize=True, print_blob=True)
settings.load_profile("derive")

#: what rich reads from the environment to decide on colours and width
TERMINAL_SETTINGS = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch):
    """Each test sees a terminal without colour settings, whatever the shell that runs it set."""
    for name in TERMINAL_SETTINGS:
        monkeypatch.delenv(name, raising=False)


def sample_file(path: Path) -> type[SingleFileSnapshotExtension]:
    """A syrupy extension whose snapshot is the file ``path``: the rendered samples in
    ``samples/<name>/`` are the snapshots (``pytest --snapshot-update`` rewrites them, as
    ``python samples/generate.py`` does)."""

    class SampleFile(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        file_extension = path.suffix.lstrip(".")

        @classmethod
        def dirname(cls, *, test_location) -> str:
            return str(path.parent)

        @classmethod
        def get_snapshot_name(cls, *, test_location, index=0) -> str:
            return path.stem

        def serialize(self, data, **kwargs):
            return data

        @classmethod
        def write_snapshot(cls, **kwargs) -> None:
            with warnings.catch_warnings():     # a sample is named for its language, not its test
                warnings.filterwarnings("ignore", r"\s*Can not relate snapshot")
                super().write_snapshot(**kwargs)

    return SampleFile
