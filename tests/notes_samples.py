"""Access to ``samples/generate.py`` for the tests (the samples folder is not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_PATH = ROOT / "samples" / "generate.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("samples_generate", GENERATOR_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = load_generator()
