"""How much a narration says: the detail levels ``brief``, ``standard`` (the default) and ``full``.

* ``full`` — every node of the Step tree, each with its rule and its equation;
* ``standard`` — what a learner at this point already knows (:func:`is_known`: constants, the
  variable, constant multiples, powers and table functions of the variable, sums of such) is
  written inline in the equation that uses it; a rule's general formula is stated the first time
  the rule is used in a derivation;
* ``brief`` — what a textbook's worked example shows: one line per rule application, the
  sub-derivatives given directly, then the named algebra to the final form.

The level only changes the prose: JSON always holds the full tree (and records the level).
:func:`narrating_at` sets the level for one narration (every narrator made inside it, in every
topic, reads it from :func:`current_detail`), so a topic's narration needs no parameter for it.
To add a level: its name in :data:`LEVELS` and its behaviour in
:class:`derive.narrate.narrator.Narrator`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from ..errors import UsageError
from ..steps import (AbsStep, ConstantMultipleStep, ConstantStep, ExponentialStep, ExpStep,
                     FunctionStep, HeldConstantStep, LogBaseStep, LogStep, PowerStep, Step, SumStep,
                     UnknownStep, VariableStep)

LEVELS = ("brief", "standard", "full")
DEFAULT = "standard"

_LEVEL: ContextVar[str] = ContextVar("detail", default=DEFAULT)

#: derivatives of the table a learner knows by heart when applied to the variable itself
_TABLE = (ConstantStep, HeldConstantStep, VariableStep, PowerStep, ExpStep, ExponentialStep,
          LogStep, LogBaseStep, FunctionStep, AbsStep)


def checked(level: str | None) -> str:
    """``level`` if it is a detail level (``None``: the one in force), else a usage error."""
    if level is None:
        return current_detail()
    if level not in LEVELS:
        raise UsageError("api.detail", level=repr(level), levels=tuple(LEVELS))
    return level


def current_detail() -> str:
    return _LEVEL.get()


@contextmanager
def narrating_at(level: str | None) -> Iterator[str]:
    """Narrate at ``level`` inside the ``with`` block."""
    token = _LEVEL.set(checked(level))
    try:
        yield _LEVEL.get()
    finally:
        _LEVEL.reset(token)


def _function_of_the_variable(step: Step) -> bool:
    """y(x) differentiated by x: its derivative is written dy/dx, nothing to explain."""
    return (isinstance(step, UnknownStep) and step.reason == "undefined_function"
            and step.expr.args == (step.var,))


def is_known(step: Step) -> bool:
    """Whether a learner writes this derivative down at once: a table derivative of the variable
    itself, a constant multiple of one, or a sum of such (without recursion: trees are deep)."""
    stack = [step]
    while stack:
        node = stack.pop()
        if isinstance(node, _TABLE) or _function_of_the_variable(node):
            continue
        if isinstance(node, (SumStep, ConstantMultipleStep)):
            stack.extend(node.children())
            continue
        return False
    return True
