"""Topics that go beyond one derivative, each built from traced and verified derivatives.

| module | API | result |
|---|---|---|
| :mod:`.gradient` | :func:`gradient` | every partial derivative, assembled as ∇f |
| :mod:`.critical` | :func:`critical_points` | ∇f = 0 solved, points classified by the Hessian |
| :mod:`.multichain` | :func:`chain` | the multivariable chain rule through named intermediates |
| :mod:`.compose` | :func:`compose` | f(g(x)) by substitution, its value and its derivative |
| :mod:`.limit` | :func:`limit_definition` | the derivative from the difference quotient |
| :mod:`.implicit` | :func:`implicit` | dy/dx = −F_x/F_y for F(x, y) = 0 |
| :mod:`.backprop` | :func:`backprop` | forward and backward pass of a small network, with the numbers |

Each returns a frozen result (:class:`derive.result.Explained`) with ``document(lang)``,
``data()`` (JSON ``derive/1`` with its own ``kind``) and ``render(format, lang)``.  Topic modules
do the maths only; their narration lives in :mod:`derive.narrate.topics`.  See :mod:`.common` for
how to add a topic.
"""

from .backprop import Backpropagation, backprop
from .compose import Composition, compose
from .critical import CriticalPoints, critical_points
from .gradient import Gradient, gradient
from .implicit import ImplicitDerivative, implicit
from .limit import LimitDefinition, limit_definition
from .multichain import MultivariableChain, chain

__all__ = ["Backpropagation", "Composition", "CriticalPoints", "Gradient", "ImplicitDerivative", "LimitDefinition",
           "MultivariableChain", "backprop", "chain", "compose", "critical_points", "gradient", "implicit",
           "limit_definition"]
