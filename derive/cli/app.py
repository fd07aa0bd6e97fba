"""The typer application every command registers on, and the console-script entry point."""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from ..errors import printable
from ..messages import Message
from .errors import UsageReport, click, internal, language_of


class CommandGroup(TyperGroup):
    """derive's commands: an unknown command is reported like every usage error."""

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            raise UsageReport(error, list(args), ctx) from None


app = typer.Typer(
    name="derive",
    help="Derivatives explained step by step: every rule named, every step verified.\n\n"
         "Examples:\n\n"
         "  derive diff \"sin(x^2)\"\n\n"
         "  derive diff \"w1*x1 + w2*x2 + b1\" --wrt x1\n\n"
         "  derive diff \"x^x\" --format json\n\n"
         "  derive diff \"-x^2\"   (an expression may start with a minus sign)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=CommandGroup,
    rich_markup_mode=None,
)


@app.callback()
def _commands() -> None:
    """Derivatives explained step by step: every rule named, every step verified."""


INTERNAL_ERROR = 70  # sysexits' EX_SOFTWARE: a bug in derive, not in the input


def main() -> None:
    """Console-script entry point: a bug is reported in one line too, never as a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write(Message("frame.interrupted").text(language_of(sys.argv[1:])) + "\n")
        raise SystemExit(130) from None
    except Exception as error:  # noqa: BLE001 - the last line of defence
        sys.stderr.write(printable(internal(error).text(language_of(sys.argv[1:]))) + "\n")
        raise SystemExit(INTERNAL_ERROR) from None
