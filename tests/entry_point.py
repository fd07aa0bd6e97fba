"""Running ``derive ARGS`` through the console script's entry point, as a shell would."""

from __future__ import annotations

import sys

import pytest

from derive.cli import main


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``derive ARGS`` through :func:`derive.cli.main`: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["derive", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    out = capsys.readouterr()
    return stopped.value.code or 0, out.out, out.err
