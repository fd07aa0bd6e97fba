"""Narration: results → Documents, in English or Chinese.  Every word a reader sees is said here.

``document_for(result, lang, detail)`` is how a result is narrated: it finds the narration of
the result's class in :data:`NARRATIONS` (by class name, along the class's MRO, as the renderers
find a block's method) and gives the Document every renderer in :mod:`derive.render` draws.  The
detail level (:mod:`.detail`) is in force for the whole narration.

* :mod:`.narrator` — a Step tree, dispatched by Step class; one derivative (``derive diff``);
* :mod:`.topics` — gradient, critical points, chain rule, composition, limit, implicit;
* :mod:`.indexed` — softmax, cross-entropy, general indexed Jacobians;
* :mod:`.checking` — a learner's answer checked;
* :mod:`.backprop` — a forward and backward pass through a small network;
* :mod:`.document` (the blocks), :mod:`.phrases` with ``phrases_en``/``phrases_zh`` (the
  catalogues), :mod:`.formulas` (each rule's general formula), :mod:`.labels` (the words every
  document shares), :mod:`.abbreviate` (deep expressions shortened for display).

The narrations take the results as they are (their attributes), without importing their
classes, so that the maths packages may build on this one.  To narrate a new kind of result:
a function ``narrate_<kind>(result, lang) -> Document`` in the module of its family, and its
class name in :data:`NARRATIONS`.
"""

from __future__ import annotations

from typing import Callable

from .backprop import narrate_backprop
from .checking import narrate_check
from .detail import LEVELS, narrating_at
from .document import Document
from .indexed import narrate_jacobian, narrate_plain_jacobian, narrate_softmax
from .labels import labelled
from .narrator import Narrator, narrate, narrate_derivation
from .phrases import LANGUAGES, say
from .topics import (narrate_chain, narrate_compose, narrate_critical, narrate_gradient,
                     narrate_implicit, narrate_limit)

#: result class name → its narration
NARRATIONS: dict[str, Callable[[object, str], Document]] = {
    "Derivation": narrate_derivation,
    "Gradient": narrate_gradient,
    "CriticalPoints": narrate_critical,
    "MultivariableChain": narrate_chain,
    "Composition": narrate_compose,
    "LimitDefinition": narrate_limit,
    "ImplicitDerivative": narrate_implicit,
    "SoftmaxResult": narrate_softmax,
    "IndexedJacobian": narrate_jacobian,
    "PlainJacobian": narrate_plain_jacobian,
    "CheckResult": narrate_check,
    "Backpropagation": narrate_backprop,
}


def document_for(result, lang: str = "en", detail: str | None = None) -> Document:
    """The Document of ``result`` in ``lang`` at ``detail``: its class's narration, labelled."""
    for cls in type(result).__mro__:
        narration = NARRATIONS.get(cls.__name__)
        if narration is not None:
            with narrating_at(detail):
                return labelled(narration(result, lang))
    raise TypeError(f"no narration for {type(result).__name__}: add one to NARRATIONS")


__all__ = ["Document", "LANGUAGES", "LEVELS", "NARRATIONS", "Narrator", "document_for", "narrate", "say"]
