"""Arguments that start with ``-``: an expression such as ``-x^2`` is an argument, not an option.

Click treats every word that starts with ``-`` as an option, so ``derive diff -x^2`` would fail
with "No such option: -x".  :class:`ExpressionCommand` sorts the words first: a word that is
exactly one of the command's options (``-w``, ``--wrt``, ``--wrt=x``, ``--help``…) is an option,
with its value when it takes one; any other word is an argument (``-x^2``, ``-1/(x+1)^2``,
``-sin x``); everything after ``--`` is an argument, as usual.  The arguments then go after a
``--`` in their order, so options still work in any position.  An unknown ``--name`` stays an
option, so that a misspelt option is still reported as one.

A word that is exactly an option is always that option, so ``derive diff -w`` is the option
``-w`` without its value, not the expression −w.  An option's value is never another option of
the command (``-w --format text`` lacks the variable, it does not differentiate by ``--format``).
A value that is missing is an error; when the option is a single letter that could be meant as
an expression, the error shows how to write that expression (``derive diff -- -w``).

To use it for a new command, register it with ``cls=ExpressionCommand`` (the ``command``
decorator of :mod:`.output` does).
"""

from __future__ import annotations

from ..errors import UsageError
from .errors import ReportingCommand, click


def option_arities(params: list) -> dict[str, bool]:
    """Every spelling of every option → whether it takes a value."""
    arities = {}
    for param in params:
        if param.param_type_name == "option":
            takes_value = not (param.is_flag or param.count)
            for name in (*param.opts, *param.secondary_opts):
                arities[name] = takes_value
    return arities


class MissingValue(click.UsageError):
    """An option that takes a value is the last word, or is followed by another option;
    ``expression``: the command to show for the expression the option's spelling looks like
    (``-w``), when it may have been meant as one.  ``derive_error`` is the error reported."""

    def __init__(self, option: str, command: str = "") -> None:
        super().__init__(f"option {option} needs a value")
        self.option = option
        self.derive_error = UsageError("usage.option_value_or_expression", option=option,
                                       command=command) if command else \
            UsageError("usage.option_needs_value", option=option)


def arguments_last(args: list[str], arities: dict[str, bool], wanted: int = 1,
                   command: str = "derive diff") -> list[str]:
    """``args`` with the options (and their values) first, then ``--`` and the arguments.

    An option whose value is missing raises :class:`MissingValue`; when it is a single letter
    and fewer than ``wanted`` arguments were given, it may have been meant as the expression
    −w, and the error says how to write that (``command`` names the command)."""
    options: list[str] = []
    arguments: list[str] = []
    missing = None
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            arguments.extend(args[i + 1:])
            break
        name = word.split("=", 1)[0] if word.startswith("--") else word
        if name in arities:
            options.append(word)
            if arities[name] and name == word:
                if i + 1 == len(args) or _is_option(args[i + 1], arities):
                    missing = missing or word
                else:
                    i += 1
                    options.append(args[i])
        elif word.startswith("--") and word[2:3].isalpha():
            options.append(word)  # an unknown option: click names it in its error
        else:
            arguments.append(word)
        i += 1
    if missing:
        looks_like_expression = len(missing) == 2 and missing[1].isalpha()
        raise MissingValue(missing, command if looks_like_expression and len(arguments) < wanted
                           else "")
    return options + ["--", *arguments] if arguments else options


def _is_option(word: str, arities: dict[str, bool]) -> bool:
    return word == "--" or word.split("=", 1)[0] in arities


class ExpressionCommand(ReportingCommand):
    """A command whose arguments may start with ``-`` (see the module docstring); its usage
    errors are reported in the language of ``--lang`` (:class:`~.errors.ReportingCommand`)."""

    def arrange(self, ctx, args: list[str]) -> list[str]:
        params = self.get_params(ctx)
        wanted = sum(1 for p in params if p.param_type_name == "argument")
        return arguments_last(list(args), option_arities(params), wanted, f"derive {ctx.info_name}")
