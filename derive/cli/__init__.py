"""The command line: argv → exit code.  Options, files and errors only; the maths is the API's.

Exit codes: 0 done, 1 ``check`` found an answer wrong, 2 bad input or usage (one message on
stderr, with a caret under the position for parse errors; never a traceback).

Layout: :mod:`.app` (the typer app and ``main``), :mod:`.output` (shared options, ``emit``,
``run``), and one module per family of commands.  To add a command: a function decorated with
``@app.command()`` in the module of its family that builds its result with the API and calls
:func:`~derive.cli.output.run`; import a new module below so its commands register.
"""

from . import diff, topics, indexed, check  # noqa: F401,I001 - importing registers the commands, in this order
from .app import app, main
from .output import emit, write_atomically

__all__ = ["app", "emit", "main", "write_atomically"]
