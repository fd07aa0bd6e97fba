"""What the parser tells the user it decided ("read as …").

A :class:`Reading` is one decision about an ambiguous or unusual notation.  ``kind`` is one of
``READING_KINDS`` (the user interface turns it into a phrase in the user's language) and
``detail`` is a short, language-neutral snippet such as ``"sin^-1 x -> asin(x)"``.

To add a kind: add it to ``READING_KINDS`` with a one-line comment, record it in the parser with
``Parser.note(kind, detail, position)``, and give it a phrase in each message catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

READING_KINDS: tuple[str, ...] = (
    "definition",                 # a leading "f(x)=" or "y=" was dropped: detail "f(x)="
    "undefined_function",         # f(...) is an unknown function f: detail "f"
    "implicit_multiplication",    # a letter run or "x(" read as a product: "xy -> x*y", "x( -> x*("
    "unparenthesized_argument",   # a function without parentheses: "sin 2x -> sin(2*x)"
    "function_power",             # a power written on the function name: "sin^2 x -> sin(x)**2"
    "inverse_function_notation",  # name^-1 is the inverse function: "sin^-1 x -> asin(x)"
    "fraction_then_product",      # a/b c is (a/b)*c, not a/(b*c): "1/2x -> (1/2)*x"
    "natural_log",                # log means ln (base e): detail "log"
    "log_base",                   # a logarithm to another base: "log_2 x -> log(x, 2)", "lg"
    "euler_number",               # e (or E), not as a power's base, is Euler's number: "e"
    "sigma_as_sigmoid",           # σ(z) is the logistic function: "σ(z) -> sigmoid(z)"
    "step_function",              # H(x) is the Heaviside step function: "H(…) -> Heaviside(…)"
    "exact_decimal",              # a decimal read as an exact fraction: "0.7 -> 7/10"
    "derivative_operator",        # a Leibniz operator applied to what follows: "\\frac{d}{dx} -> d/dx"
)


@dataclass(frozen=True)
class Reading:
    """One decision the parser took that the user should see ("read as")."""

    kind: str
    detail: str

    def __post_init__(self) -> None:
        if self.kind not in READING_KINDS:
            raise ValueError(f"unknown reading kind {self.kind!r}")
