"""derive: derivatives explained step by step, every step verified.

>>> from derive import explain
>>> explain("sin(x^2)").result
2*x*cos(x**2)

The pipeline is parse → trace → verify → narrate → render; each stage is a module (or package)
of its own, and they talk only through their data types (see the README).
"""

from .api import Derivation, explain
from .errors import DeriveError, ParseError, UsageError

# The topics load on first use, so that ``derive diff`` does not pay for them at start-up.
_LAZY = {
    "CheckResult": "checking", "check": "checking",
    "jacobian": "indexed", "softmax": "indexed",
    "chain": "topics", "compose": "topics", "critical_points": "topics", "gradient": "topics",
    "implicit": "topics", "limit_definition": "topics",
}

__all__ = [
    "CheckResult", "Derivation", "DeriveError", "ParseError", "UsageError",
    "chain", "check", "compose", "critical_points", "explain", "gradient", "implicit",
    "jacobian", "limit_definition", "softmax",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
