"""Notation: the display objects every later stage prints, and the one table of Greek letters.

This is the bottom layer of derive: it imports nothing of derive, so parse, trace, the topics,
narrate and render may all use it.  Its objects are sympy expressions that print themselves
(``_sympystr``, ``_pretty``, ``_latex``, as sympy's printing guide asks: "let the object print
itself") using nothing but the printer they are given:

* :mod:`.derivatives` — ``∂/∂x f`` forced to ``∂`` (:class:`PartialDerivative`); whether a
  derivative is written with ``∂`` and as a fraction ``∂L/∂z_i``;
* :mod:`.display` — :class:`Parens` and the sign guards, :class:`Elided` (``…``), forms that
  print alike shown once (:func:`distinct`);
* :mod:`.shown` — fixed notation (∂z/∂u, ∇f) and sums, products, fractions kept in the order a
  teacher writes them; :func:`as_value` turns any of them back into plain sympy;
* :mod:`.indexed` — vectors, entries ``z_j``, indices, ``Σ_{j≠i}``;
* :mod:`.letters` — Greek letters (for the parser and the LaTeX writer) and plain-text notation
  in LaTeX;
* :mod:`.spelling` — how the user wrote the input (function names, the order of terms and
  factors), which the parser records and every printer follows while it is current.

To add a display object: a sympy class in the module of its kind with ``_sympystr``, ``_pretty``
and ``_latex`` methods that use only the printer they receive.  When its drawing needs derive's
own printers (as a derivative does), give it no method and add ``_print_<Class>`` to the
printers in :mod:`derive.render.mathtext` and :mod:`derive.render.mathlatex` instead (sympy finds
them along the class's MRO).
"""

from .derivatives import PartialDerivative, derivative_of, is_named, is_partial
from .display import Elided, Parens, distinct, guard_add, guard_mul
from .indexed import INDEX_NAMES, Entry, SumExcept, Vector, entries, vector
from .letters import GREEK, READ_BY_NAME, greek_command, plain_to_latex
from .shown import (Notation, Shown, ShownFraction, ShownProduct, ShownSum, as_value,
                    derivative_notation, fraction_shown, nabla, named, product, total,
                    Written)

__all__ = [
    "Elided", "Entry", "GREEK", "INDEX_NAMES", "Notation", "Parens",
    "PartialDerivative", "READ_BY_NAME", "Shown", "ShownFraction", "ShownProduct", "ShownSum",
    "SumExcept", "Vector", "Written", "as_value", "derivative_notation", "derivative_of", "distinct", "entries",
    "fraction_shown", "greek_command", "guard_add", "guard_mul", "is_named", "is_partial",
    "nabla", "named", "plain_to_latex", "product", "total", "vector",
]
