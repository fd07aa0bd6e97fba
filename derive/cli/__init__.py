"""The command line: argv → exit code.  Options, files and errors only; the maths is the API's.

Exit codes: 0 done, 1 ``check`` found an answer wrong, 2 bad input or usage (one message on
stderr, with a caret under the position for parse errors; never a traceback).

Exit code 70 is a bug in derive (also reported in one line).

Layout: :mod:`.app` (the typer app and ``main``), :mod:`.output` (the shared input and output
options, ``emit``, the :func:`~derive.cli.output.command` decorator), and one module per family
of commands.  To add a command: a function decorated with ``@command()`` in the module of its
family, taking the command's own arguments (and, if it reads expressions, the API's
``functions`` and ``latex``, which the decorator fills from ``--function`` and ``--latex``) and
returning the result the API built; import a new module below so its commands register.  A
command module imports its topic inside the command (listed in ``derive._LAZY_IMPORTS``), so
that ``derive diff`` starts without the other topics.
"""

from . import diff, topics, indexed, check, sheet, backprop  # noqa: F401,I001 - importing registers the commands, in this order
from .app import app, main
from .output import emit, write_atomically

__all__ = ["app", "emit", "main", "write_atomically"]
