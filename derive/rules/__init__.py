"""The differentiation rules, as an ordered table of matchers: the first match wins.

A matcher is ``match(expr, var, ctx) -> Step | None``.  The order matters where rules overlap:
constants first (so nothing below sees an x-free expression), then the variable, sums, named
forms that sympy hides inside products (``log(x)/log(b)``), constant multiples (so the product
and quotient rules only see factors that depend on x), logarithmic differentiation before the
quotient and product rules (a product of several powered factors), the log laws before the
chain rule for ln (ln of a product, quotient or power), and so on.  Whatever no matcher takes
falls to :func:`~derive.rules.functions.fallback`, the last entry: a visible
:class:`~derive.steps.UnknownStep`.  A topic may put matchers of its own in front of the table
(:class:`TraceContext`; the indexed rules of :mod:`derive.indexed` do).

How to add a rule
-----------------
**A function whose derivative is a table entry** (``LambertW``, ``erfc``, …): 3 source files.

1. ``derive/functions.py``: an entry in ``TABLE``: the sympy class, its family, its derivative at
   the bare variable, and, where they apply, its inverse (for ``name^-1``), other spellings, and
   its mpmath evaluator (by default mpmath's function of the same name).  The parser, the tracer
   (with the chain rule), verification and the JSON output read it from there.
2. ``derive/narrate/phrases_en.py`` and ``phrases_zh.py``: ``rule.<family>`` and
   ``says.<family>`` (slots ``{name}``, ``{expr}``, ``{var}``), unless the family exists already.
   A general formula for the family (``{formula}``) may go in ``derive/narrate/formulas.py``.
3. Tests: none to write for the table itself; ``tests/test_rules.py`` reads the registry and
   checks that the function parses by name, has both phrases, a numeric evaluator, LaTeX that
   typesets, and a derivative equal to ``sympy.diff`` (alone and inside a chain rule).
   Document the name in ``docs/syntax.md``.

**A combining rule** (a Step whose result comes from its children's): at most 5 source files.

1. ``derive/steps.py``: a frozen class deriving from :class:`~derive.steps.CombiningStep` with a
   one-line formula docstring (``d/dx … = …``), a ``rule`` name, its parts in named fields, its
   children in ``children()`` (in the order a teacher shows them), and the formula as
   ``formula(results)`` (unevaluated, in the order it is stated) and ``evaluate(results)``.  The
   tracer, the JSON writer and answer checking need nothing more.
2. A matcher ``match_<rule>(expr, var, ctx)`` in the module of its family here (asking
   ``ctx.depends``, never ``expr.has(var)``; building the step with
   ``<Class>.build(..., tidy=ctx.tidy)``), and
3. its place in :data:`MATCHERS` below.
4. ``derive/narrate/phrases_en.py`` and 5. ``phrases_zh.py``: ``rule.<rule>``, ``says.<rule>``
   and ``combine.<rule>``.  The narrator fills ``{expr}``, ``{var}`` and ``{formula}``; a phrase
   that needs other slots, or labels for the children, also needs the narrator's hook for the
   class (``_slots_<Class>``, ``_labels_<Class>`` in ``derive/narrate/narrator.py``: a sixth
   file).
A leaf rule is the same without ``formula``/``evaluate`` (its matcher fills in ``result``), and
without ``combine.<rule>``.  ``tests/test_rules.py`` finds every Step class by itself and checks
its formula docstring, its phrases, its JSON fields and (for a combining rule) that its
``evaluate`` reproduces the traced results; add an example expression for the new rule there and
a test against ``sympy.diff`` in ``tests/test_trace.py``.
"""

from .basic import match_constant, match_constant_multiple, match_power, match_sum, match_variable
from .context import Matcher, TraceContext
from .fractions import match_log_base, match_product, match_quotient
from .functions import (fallback, match_abs, match_exp, match_function_of_inner, match_log,
                        match_log_laws, match_log_product, match_powers, match_relu, match_table)

MATCHERS: tuple[Matcher, ...] = (
    match_constant,
    match_variable,
    match_sum,
    match_log_base,
    match_constant_multiple,
    match_power,
    match_log_product,
    match_quotient,
    match_product,
    match_powers,
    match_exp,
    match_log_laws,
    match_log,
    match_table,
    match_abs,
    match_relu,
    match_function_of_inner,
    fallback,
)

__all__ = ["MATCHERS", "TraceContext"]
