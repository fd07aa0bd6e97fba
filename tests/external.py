"""Tests that need a program or package from outside Python (node, a browser, npm packages):
skipped when it is missing, except in CI (``CI`` set), where ``.ci/run`` installs it and a
missing one is a failure."""

from __future__ import annotations

import os

import pytest


def require(missing: str | None) -> None:
    """Skip (or, in CI, fail) the calling test when ``missing`` names what is not installed."""
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} missing, and CI is set: .ci/run installs it")
        pytest.skip(f"{missing} missing")
