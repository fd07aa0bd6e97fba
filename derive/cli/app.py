"""The typer application every command registers on, and the console-script entry point."""

from __future__ import annotations

import sys

import typer

from ..errors import printable

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
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    except Exception as error:  # noqa: BLE001 - the last line of defence
        detail = " ".join(str(error).split())       # one line, whatever the message holds
        sys.stderr.write(printable(f"internal error ({type(error).__name__}: {detail}); "
                                   f"please report it with the command that caused it") + "\n")
        raise SystemExit(INTERNAL_ERROR) from None
