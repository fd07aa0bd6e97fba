"""The one verdict type: how a claim (a step, a topic's answer, an indexed formula) was checked.

Its JSON form is :meth:`Verdict.data`, merged into the object the verdict belongs to: ``check``
(the status), ``against`` (what the claim was compared with, when the object does not say),
``n`` and ``comparisons`` (for claims checked at concrete sizes n) and ``check_detail`` (why it
failed or could not be checked).  The oracle comparison of a derivation uses the same form under
the key ``oracle``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sympy import Symbol

STATUSES = ("symbolic", "numeric", "unchecked", "failed", "skipped")


@dataclass(frozen=True)
class Witness:
    """A point where a claimed value (``answer``) and the ``reference`` value differ."""

    point: tuple[tuple[Symbol, object], ...]   # (symbol, mpmath value), sorted by name
    answer: object                              # mpmath values
    reference: object


@dataclass(frozen=True)
class Verdict:
    """``status`` is symbolic | numeric (passed), unchecked (no usable point), failed, or
    skipped (a comparison too costly to make; only the oracle is ever skipped)."""

    status: str
    points: int = 0                 # numeric comparisons that agreed
    detail: str = ""                # where it failed, or why it was not checked
    against: str = ""               # what it was compared with
    sizes: tuple[int, ...] = ()     # the concrete n at which an indexed claim was expanded
    witness: Witness | None = field(default=None, compare=False)   # a failure's point

    @property
    def ok(self) -> bool:
        return self.status in ("symbolic", "numeric")

    def data(self, key: str = "check") -> dict:
        """The verdict's JSON fields (see the module docstring)."""
        out: dict = {key: self.status}
        if self.against:
            out["against"] = self.against
        if self.sizes:
            out["n"] = list(self.sizes)
            out["comparisons"] = self.points
        if self.detail:
            out[f"{key}_detail"] = self.detail
        return out


def all_of(verdicts: Iterable[Verdict]) -> Verdict:
    """One verdict for several claims: the first failure, else the first unchecked, else passed
    (numeric unless every claim was proved symbolically); points add up, sizes join."""
    verdicts = list(verdicts)
    sizes = tuple(sorted({n for v in verdicts for n in v.sizes}))
    points = sum(v.points for v in verdicts)
    for status in ("failed", "unchecked"):
        for v in verdicts:
            if v.status == status:
                return Verdict(status, points, v.detail, sizes=sizes)
    status = "symbolic" if verdicts and all(v.status == "symbolic" for v in verdicts) else "numeric"
    return Verdict(status, points, sizes=sizes)
