"""The two common routes of a derivation, chosen by ``--route`` (``route=`` in the API).

* ``book`` (the default) — the route a textbook takes first: the function simplified first
  where that makes the derivation clearly shorter (:mod:`derive.simplify`); the log laws before
  differentiating ln of a product, quotient or power; logarithmic differentiation for a product
  or quotient of several powered factors; implicit differentiation by differentiating both sides
  with y = y(x) and solving for dy/dx;
* ``direct`` — the other common route: the rules applied to the function as typed; ln of a
  product by the chain rule with the product and quotient rules; a product of powered factors
  by the product and quotient rules; implicit differentiation by the formula dy/dx = −F_x/F_y.

Both routes give the same derivative, and both are verified.  ``fᵍ`` (a variable base and
exponent) has no direct route: it is always done by logarithmic differentiation.  To add a
route: its name in :data:`ROUTES`, the matchers it drops in :data:`DROPPED`, and its effect
on a topic where the topic computes (e.g. :mod:`derive.topics.implicit`).
"""

from __future__ import annotations

from .errors import UsageError
from .rules import MATCHERS

ROUTES = ("book", "direct")
DEFAULT = "book"

#: the matchers of :data:`derive.rules.MATCHERS` a route leaves out, by name
DROPPED = {"book": (), "direct": ("match_log_laws", "match_log_product")}
#: the routes that simplify the function first when that pays
SIMPLIFY_FIRST = ("book",)


def checked_route(route: str | None) -> str:
    """``route`` if it is a route (``None``: the default), else a usage error."""
    if route is None:
        return DEFAULT
    if route not in ROUTES:
        raise UsageError("api.route", route=repr(route), routes=tuple(ROUTES))
    return route


def matchers_for(route: str):
    """The matcher table a derivation by ``route`` asks."""
    dropped = DROPPED[checked_route(route)]
    return tuple(m for m in MATCHERS if m.__name__ not in dropped)
