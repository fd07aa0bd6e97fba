"""derive: derivatives explained step by step, every step verified.

>>> from derive import explain
>>> explain("sin(x^2)").result
2*x*cos(x**2)

The pipeline is parse → trace → verify → narrate → render; each stage is a module (or package)
of its own, and they talk only through their data types (see the README).
"""

from .api import Derivation, explain
from .checking import CheckResult, check
from .errors import DeriveError, ParseError, UsageError
from .indexed import jacobian, softmax
from .topics import chain, compose, critical_points, gradient, implicit, limit_definition

__all__ = [
    "CheckResult", "Derivation", "DeriveError", "ParseError", "UsageError",
    "chain", "check", "compose", "critical_points", "explain", "gradient", "implicit",
    "jacobian", "limit_definition", "softmax",
]
__version__ = "0.1.0"
