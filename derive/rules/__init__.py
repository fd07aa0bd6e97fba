"""The differentiation rules, as an ordered table of matchers: the first match wins.

A matcher is ``match(expr, var, ctx) -> Step | None``.  The order matters where rules overlap:
constants first (so nothing below sees an x-free expression), then the variable, sums, named
forms that sympy hides inside products (``log(x)/log(b)``), constant multiples (so the product
and quotient rules only see factors that depend on x), and so on.  Whatever no matcher takes
falls to :func:`~derive.rules.functions.fallback`, a visible :class:`~derive.steps.UnknownStep`.

To add a rule: a Step class in ``derive/steps.py``, a matcher in the module of its family (or a
new module), its place in :data:`MATCHERS`, a phrase in every catalogue, and a test.
"""

from .basic import match_constant, match_constant_multiple, match_power, match_sum, match_variable
from .context import Matcher, TraceContext
from .fractions import match_log_base, match_product, match_quotient
from .functions import (fallback, match_abs, match_exp, match_function_of_inner, match_log,
                        match_powers, match_relu, match_table)

MATCHERS: tuple[Matcher, ...] = (
    match_constant,
    match_variable,
    match_sum,
    match_log_base,
    match_constant_multiple,
    match_power,
    match_quotient,
    match_product,
    match_powers,
    match_exp,
    match_log,
    match_table,
    match_abs,
    match_relu,
    match_function_of_inner,
    fallback,
)

__all__ = ["MATCHERS", "TraceContext"]
