"""Arguments that start with ``-``: an expression such as ``-x^2`` is an argument, not an option.

Click treats every word that starts with ``-`` as an option, so ``derive diff -x^2`` would fail
with "No such option: -x".  :class:`ExpressionCommand` sorts the words first: a word that is
exactly one of the command's options (``-w``, ``--wrt``, ``--wrt=x``, ``--help``…) is an option,
with its value when it takes one; any other word is an argument (``-x^2``, ``-1/(x+1)^2``,
``-sin x``); everything after ``--`` is an argument, as usual.  The arguments then go after a
``--`` in their order, so options still work in any position.  An unknown ``--name`` stays an
option, so that a misspelt option is still reported as one.

To use it for a new command, register it with ``cls=ExpressionCommand`` (the ``command``
decorator of :mod:`.output` does).
"""

from __future__ import annotations

from .errors import ReportingCommand


def option_arities(params: list) -> dict[str, bool]:
    """Every spelling of every option → whether it takes a value."""
    arities = {}
    for param in params:
        if param.param_type_name == "option":
            takes_value = not (param.is_flag or param.count)
            for name in (*param.opts, *param.secondary_opts):
                arities[name] = takes_value
    return arities


def arguments_last(args: list[str], arities: dict[str, bool]) -> list[str]:
    """``args`` with the options (and their values) first, then ``--`` and the arguments."""
    options: list[str] = []
    arguments: list[str] = []
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
                if i + 1 == len(args):
                    return [word]  # its value is missing: click says so
                i += 1
                options.append(args[i])
        elif word.startswith("--") and word[2:3].isalpha():
            options.append(word)  # an unknown option: click names it in its error
        else:
            arguments.append(word)
        i += 1
    return options + ["--", *arguments] if arguments else options


class ExpressionCommand(ReportingCommand):
    """A command whose arguments may start with ``-`` (see the module docstring); its usage
    errors are reported in the language of ``--lang`` (:class:`~.errors.ReportingCommand`)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        return super().parse_args(ctx, arguments_last(list(args), option_arities(self.get_params(ctx))))
