"""What derive agrees to compute: the budgets, and the refusal when one is exceeded.

Every input of at most 10,000 characters gets an answer or a clear refusal in seconds.  Three
budgets, each checked before the work it bounds, each refusal a :class:`BudgetExceeded` (one
message saying what was too large, exit code 2):

* **digits** — no number of more than :data:`MAX_DIGITS` digits is computed:
  :func:`value_too_large` is asked by the parser before it builds a function of a number, since
  sympy evaluates ``gamma(10^9)`` (a factorial of a billion digits) as soon as it is built;
* **size** — :func:`check_derivative_size` estimates, in one pass over the expression, how many
  nodes the derivative has when written out (a product of n factors: about n² nodes; a
  quotient nested n levels: about 3ⁿ), and refuses above :data:`MAX_DERIVATIVE_NODES`;
* **time** — the command line stops a command after :data:`TIME_LIMIT` seconds of computing
  (processor time; the environment variable ``DERIVE_TIME_LIMIT`` changes it, ``0`` turns it
  off): :func:`time_limit`.  It is the last line of defence for shapes the estimates miss.

Running out of memory is refused the same way by the command line.  To add a budget: a
constant here, a check raising :class:`BudgetExceeded` that names what was too large, called
before the work it bounds, and a row in ``benchmarks/resources.py``.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import threading
from typing import Iterator

import sympy
from sympy import Basic, Expr, Symbol

from .errors import DeriveError
from .messages import Message

MAX_DIGITS = 4_000                 # the parser's limit for numbers (derive.parse.limits)
MAX_DERIVATIVE_NODES = 1_000_000    # the derivative, written out, in sympy nodes
TIME_LIMIT = 6.0                   # seconds of processor time for one command
TIME_VARIABLE = "DERIVE_TIME_LIMIT"


class BudgetExceeded(DeriveError):
    """A request larger than a documented budget: refused with what was too large."""


# --- digits -----------------------------------------------------------------------------------

#: Functions sympy evaluates exactly at an integer, growing like a factorial (or slower):
#: the number of digits of f(n) is at most about log10(n!).
FACTORIAL_LIKE = (sympy.gamma, sympy.factorial, sympy.factorial2, sympy.subfactorial,
                  sympy.RisingFactorial, sympy.FallingFactorial, sympy.binomial,
                  sympy.fibonacci, sympy.lucas, sympy.bell, sympy.catalan, sympy.harmonic,
                  sympy.bernoulli, sympy.euler, sympy.polygamma, sympy.zeta)


def _factorial_digits(n: sympy.Rational) -> float:
    magnitude = abs(n.p) / n.q if abs(n.p) < 10**300 else math.inf
    if magnitude < 2:
        return 1.0
    return math.lgamma(magnitude + 1) / math.log(10)


def value_too_large(function, args) -> Message | None:
    """Why ``function(*args)`` must not be built (its exact value would have too many digits),
    or ``None``."""
    if not (isinstance(function, type) and issubclass(function, FACTORIAL_LIKE)):
        return None
    for arg in args:
        if isinstance(arg, sympy.Rational) and _factorial_digits(arg) > MAX_DIGITS:
            return Message("budget.value_too_large", function=function.__name__,
                           value=_shortened(arg), digits=MAX_DIGITS)
    return None


def _shortened(n: sympy.Rational) -> str | Message:
    text = str(n.p) if n.q == 1 else f"{n.p}/{n.q}"
    return text if len(text) <= 20 else Message("value.shortened", head=text[:12],
                                                 digits=len(text))


# --- size -------------------------------------------------------------------------------------

def derivative_size(expr: Basic, var: Symbol, cap: int = MAX_DERIVATIVE_NODES + 1) -> int:
    """About how many nodes d expr/d var has written out (shared parts counted each time they
    appear), capped at ``cap``.  One pass over the distinct sub-expressions, explicit stack."""
    size: dict[Basic, int] = {}       # nodes of the expression itself, written out
    grown: dict[Basic, int] = {}      # nodes of its derivative, written out
    varies: dict[Basic, bool] = {}    # whether it depends on var
    stack: list[tuple[Basic, bool]] = [(expr, False)]
    while stack:
        node, ready = stack.pop()
        if node in grown:
            continue
        args = node.args
        if not ready and args:
            stack.append((node, True))
            stack.extend((a, False) for a in args if a not in grown)
            continue
        own = min(cap, 1 + sum(size[a] for a in args))
        size[node] = own
        varies[node] = node == var or any(varies[a] for a in args)
        if not varies[node]:
            grown[node] = 1
            continue
        inner = [grown[a] for a in args]
        if node.is_Add:
            total = 1 + sum(inner)
        elif node.is_Mul:
            # Σᵢ fᵢ'·Πⱼ≠ᵢ fⱼ: each factor's derivative next to a copy of all the others
            total = 1 + sum(g + own for g in inner)
        elif node.is_Pow:
            base, exponent = args
            if varies[exponent]:                      # f^g: f^g·(g'·ln f + g·f'/f)
                total = 2 * own + size[base] + sum(inner) + 8
            else:                                     # n·f^(n−1)·f'
                total = own + inner[0] + 4
        else:                                         # f'(u)·u': f' is about as large as f
            total = own + sum(inner) + 2
        grown[node] = min(cap, total)
    return grown[expr]


def check_derivative_size(expr: Expr, variables: tuple[Symbol, ...]) -> None:
    """Refuse a derivative too large to explain (see :data:`MAX_DERIVATIVE_NODES`)."""
    estimate = derivative_size(expr, variables[0])
    if estimate > MAX_DERIVATIVE_NODES:
        raise BudgetExceeded("budget.size", nodes=f"{MAX_DERIVATIVE_NODES:,}")


# --- time -------------------------------------------------------------------------------------

def time_budget() -> float:
    """Seconds of processor time a command may use (``DERIVE_TIME_LIMIT``; 0: no limit)."""
    text = os.environ.get(TIME_VARIABLE, "")
    try:
        value = float(text) if text.strip() else TIME_LIMIT
    except ValueError:
        raise DeriveError("budget.time_variable", variable=TIME_VARIABLE, got=repr(text)) from None
    return value if value > 0 and math.isfinite(value) else 0.0


@contextlib.contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Stop the work inside after ``seconds`` of processor time with :class:`BudgetExceeded`.

    Only on the main thread of a system with ``setitimer`` (the command line); elsewhere, and
    with a budget of 0, it does nothing.  The work itself may run on derive's deep thread
    (:mod:`derive.deep`): the main thread, waiting for it, receives the signal.
    """
    seconds = time_budget() if seconds is None else seconds
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def stop(signum, frame):
        raise BudgetExceeded("budget.time", seconds=f"{seconds:g}", variable=TIME_VARIABLE)

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
