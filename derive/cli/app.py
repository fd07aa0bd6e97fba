"""The typer application every command registers on, and the console-script entry point."""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="derive",
    help="Derivatives explained step by step: every rule named, every step verified.\n\n"
         "Examples:\n\n"
         "  derive diff \"sin(x^2)\"\n\n"
         "  derive diff \"w1*x1 + w2*x2 + b1\" --wrt x1\n\n"
         "  derive diff \"x^x\" --format json",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _commands() -> None:
    """Derivatives explained step by step: every rule named, every step verified."""


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
