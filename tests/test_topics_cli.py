"""The topic commands and their samples, run through the command line (needs derive.parse)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("derive.parse", reason="the input parser has not landed yet")

from derive.cli import app  # noqa: E402

SAMPLES = Path(__file__).parent.parent / "samples"
TOPIC_SAMPLES = ["grad_neuron", "critical_x2_y2", "compose_2x3_x2", "chain_u2_v", "limit_x2",
                 "mixed_partial_xy"]
runner = CliRunner()


@pytest.mark.parametrize("name", TOPIC_SAMPLES)
def test_sample_runs_and_is_verified(name):
    """Each sample's command succeeds and its JSON says verified."""
    args = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["args"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verified"] is True


def test_chain_seed_result_from_the_command_line():
    """derive chain "u^2 + v" --let u=x^2+y --let v=x+y^2 gives the seed's answers."""
    result = runner.invoke(app, ["chain", "u^2 + v", "--let", "u=x^2+y", "--let", "v=x+y^2",
                                 "--format", "json"])
    data = json.loads(result.stdout)
    assert data["kind"] == "chain"
    assert data["result"] == {"x": "4*x*(x**2 + y) + 1", "y": "2*x**2 + 4*y"}


@pytest.mark.parametrize("args", [
    ["chain", "u^2", "--let", "u"],
    ["chain", "u^2", "--let", "w=x"],
    ["compose", "2*x", "x^2", "--at", "y=2"],
    ["limit", "x*y"],
])
def test_bad_input_is_one_line_exit_2(args):
    """Usage errors: exit code 2 and a message, never a traceback."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
