"""derive: derivatives explained step by step, every step verified.

>>> from derive import explain
>>> explain("sin(x^2)").result
2*x*cos(x**2)

The pipeline is parse → trace → verify → narrate → render, with :mod:`derive.notation` (the
display objects) below all of it; each stage is a module (or package) of its own and imports only
the stages before it (``tests/test_imports.py`` holds the code to that).  Every result
(:class:`Derivation`, the topics' results, :class:`CheckResult`) derives from
:class:`~derive.result.Explained`: ``document(lang)``, ``data()``, ``render(format, lang)`` and
the rich and Jupyter displays.
"""

from importlib import import_module as _import_module

from .api import Derivation, explain
from .errors import DeriveError, ParseError, UsageError
from .result import Explained
from .steps import Step
from .verify import Verification

# The topics load on first use, so that ``derive diff`` does not pay for them at start-up.
_LAZY = {
    "CheckResult": "checking", "check": "checking",
    "IndexedJacobian": "indexed", "IndexedResult": "indexed", "PlainJacobian": "indexed",
    "SoftmaxResult": "indexed", "jacobian": "indexed", "softmax": "indexed",
    "Composition": "topics", "CriticalPoints": "topics", "Gradient": "topics",
    "ImplicitDerivative": "topics", "LimitDefinition": "topics", "MultivariableChain": "topics",
    "chain": "topics", "compose": "topics", "critical_points": "topics", "gradient": "topics",
    "implicit": "topics", "limit_definition": "topics",
    "Backpropagation": "topics", "backprop": "topics",
}

#: Every import inside a function, and why; any other import is at the top of its module.  The
#: command line loads a command's topic when the command runs, so that ``derive diff`` starts
#: without the topics, the indexed engine and answer checking; rich draws only for a terminal.
_LAZY_IMPORTS = {
    "derive.cli.topics": ("derive.topics",),
    "derive.cli.indexed": ("derive.indexed",),
    "derive.cli.check": ("derive.checking",),
    "derive.cli.backprop": ("derive.topics",),
    "derive.cli.output": ("derive.render.terminal",),
}

__all__ = [
    "Backpropagation", "CheckResult", "Composition", "CriticalPoints", "Derivation", "DeriveError", "Explained",
    "Gradient", "ImplicitDerivative", "IndexedJacobian", "IndexedResult", "LimitDefinition",
    "MultivariableChain", "ParseError", "PlainJacobian", "SoftmaxResult", "Step", "UsageError",
    "Verification", "backprop", "chain", "check", "compose", "critical_points", "explain", "gradient",
    "implicit", "jacobian", "limit_definition", "softmax",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(_import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
