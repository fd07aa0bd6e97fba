"""Adversarial input shapes for the resource suite and the benchmarks.

Each shape is a function of a size ``n`` returning the input text; :data:`SHAPES` names them and
:func:`largest` gives the largest size whose text is at most 10,000 characters (derive's limit).
To add a shape: a function here and an entry in :data:`SHAPES`.
"""

from __future__ import annotations

import math

LIMIT = 10_000
FUNCTIONS = ("sin", "cos", "tan", "exp", "ln", "sqrt", "atan", "asin", "sinh", "tanh",
             "sigmoid", "relu", "softplus", "abs")


def nested(function: str):
    def shape(n: int) -> str:
        return f"{function}(" * n + "x" + ")" * n
    return shape


def letter_run(n: int) -> str:
    return "sin" * n + "x"


def tower(n: int) -> str:
    return "^".join(["x"] * n)


def nested_quotient(n: int) -> str:
    text = "x"
    for _ in range(n):
        text = f"x+1/({text})"
    return f"1/({text})"


def long_product(n: int) -> str:
    return "*".join(f"(x+{k})" for k in range(1, n + 1))


def long_sum(n: int) -> str:
    return "+".join(f"{k}*x^{k}" for k in range(1, n + 1))


def taylor(n: int) -> str:
    """x^k/k! written out with its digits."""
    return "+".join(f"x^{k}/{math.factorial(k)}" for k in range(n))


def huge_powers(n: int) -> str:
    return f"(x+1)^{n}*(x+2)^{n}"


def bars(n: int) -> str:
    return "|" * n + "x" + "|" * n


SHAPES = {
    **{f"nested {f}": nested(f) for f in FUNCTIONS},
    "letter run sinsin…x": letter_run,
    "tower x^x^…^x": tower,
    "nested quotients": nested_quotient,
    "long product (x+1)(x+2)…": long_product,
    "long sum": long_sum,
    "taylor x^k/k!": taylor,
    "huge powers (x+1)^n(x+2)^n": huge_powers,
}

#: Fixed inputs: huge numbers inside functions and powers, and unfinished text after them.
FIXED = {
    "gamma(10^9)": "gamma(10^9)",
    "gamma(10^100)x+": "gamma(10^100)x+",
    "x^(10^100)": "x^(10^100)",
    "(x+1)^(10^9)": "(x+1)^(10^9)",
    "2^(10^100)*x": "2^(10^100)*x",
    "(10^3000)^2*x": "(10^3000)^2*x",
    "exp(10^100)*x": "exp(10^100)*x",
    "sin(10^999*x)": "sin(" + "9" * 999 + "*x)",
    "sqrt(10^1000)*x": "sqrt(10^1000)*x",
    "gamma(x)*gamma(1000)": "gamma(x)*gamma(1000)",
    "unclosed sin( ×1000": "sin(" * 1000 + "x",
}


def largest(shape) -> int:
    """The largest n whose text is at most :data:`LIMIT` characters."""
    low, high = 1, 2
    while len(shape(high)) <= LIMIT and high < 1 << 20:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if len(shape(middle)) <= LIMIT:
            low = middle
        else:
            high = middle
    return low


#: Sizes the issue that asked for this suite measured, besides each shape's largest.
NAMED_SIZES = {"nested sin": (1000,), "letter run sinsin…x": (2999,), "tower x^x^…^x": (2000,),
               "nested quotients": (7,), "long product (x+1)(x+2)…": (200,),
               "huge powers (x+1)^n(x+2)^n": (100,)}


def inputs() -> dict[str, str]:
    """Every shape at its largest size (and the sizes in :data:`NAMED_SIZES`), and the fixed
    inputs."""
    found = {}
    for name, shape in SHAPES.items():
        for n in sorted({largest(shape), *NAMED_SIZES.get(name, ())}):
            found[f"{name} n={n}"] = shape(n)
    found.update(FIXED)
    return found
