"""Checking every node of a Step tree, and the whole derivation against ``sympy.diff``.

A node is checked in the cheapest way that can prove it:

* **symbolic** — for small nodes, the result and ``sympy.diff(expr, var)`` are proved equal by
  the one symbolic comparison (:func:`~.comparison.symbolically_equal`);
* **numeric** — otherwise at the seeded points of one :class:`~.sampling.Sampler` (mpmath,
  40 digits) the result must equal an independent central difference of ``expr`` (and
  ``sympy.diff`` where that is cheap); only points where every side is usable count;
* **unchecked** — no point in the sample was usable; said so, never silently passed.

A named rewrite of the algebra (:class:`~derive.steps.RewriteStep`) is checked the same ways,
for equality of its two forms instead of a derivative.  The root is always compared with
``sympy.diff`` (the oracle).  A derivation is verified only when
every node and the oracle comparison passed.  Undefined functions (``f(x)``) are replaced by a
fixed stand-in before numeric checks, so ``f'(x²)·2x`` is checked too.

With a piecewise-constant function (sign, H, floor, ceiling: :mod:`derive.jumps`) the claim is
that the derivative holds *almost everywhere*: the oracle is sympy's derivative without its
terms at the jumps (its Dirac deltas), points near a jump are not sampled, and
:attr:`Verification.jumps` says where the result holds.

Cost is linear in the size of the tree: values are memoised per point (:mod:`derive.numeric`),
and ``sympy.diff`` is only called on small nodes and the root.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import mpmath
import sympy
from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..deep import run_deep
from ..functions import relu
from ..jumps import PIECEWISE_CONSTANT, Jump, jumps, regular_part
from ..numeric import DPS, is_real
from ..sizes import Dependence, depth_at_most, size_at_most
from ..steps import ChainStep, RepeatedStep, RewriteStep, Step, walk
from .comparison import numeric_check, symbolically_equal, values
from .sampling import Sampler
from .verdict import Verdict

JUMP_MARGIN = mpmath.mpf("1e-9")  # a point this close to a jump is not sampled
SMALL = 40            # nodes up to this size also get a symbolic check against sympy.diff
SYMBOLIC_BUDGET = 300 # symbolic checks per tree; the rest of a huge tree is checked numerically
ORACLE_DEPTH = 150    # deeper roots are too costly for sympy.diff (see check_oracle)
ORACLE_NODES = 3000   # so are larger ones: sympy.diff of a 5,000-term sum takes tens of seconds


@dataclass(frozen=True)
class Verification:
    """The verdict of every node (in ``walk`` order) and of the root against ``sympy.diff``."""

    root: Step
    verdicts: tuple[Verdict, ...]
    oracle: Verdict
    jumps: tuple[Jump, ...] = ()    # the result holds where no argument of these is at a jump

    @property
    def verified(self) -> bool:
        oracle_ok = self.oracle.ok or self.oracle.status == "skipped"
        return oracle_ok and all(v.ok for v in self.verdicts)

    @cached_property
    def _by_id(self) -> dict[int, Verdict]:
        return {id(step): verdict for step, verdict in zip(walk(self.root), self.verdicts)}

    def of(self, step: Step) -> Verdict:
        """The verdict of ``step``, a node of this tree."""
        return self._by_id[id(step)]

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for verdict in self.verdicts:
            counts[verdict.status] = counts.get(verdict.status, 0) + 1
        return dict(sorted(counts.items()))


def verify(root: Step) -> Verification:
    """Check every node of ``root`` and the final result against ``sympy.diff``."""
    return run_deep(lambda: _Checker(root).run())


NOT_HOLOMORPHIC = (sympy.Abs, sympy.sign, sympy.re, sympy.im, sympy.arg, sympy.Heaviside,
                   sympy.Max, sympy.Min)


def sympy_derivative(expr: Expr, variables: tuple[Symbol, ...]) -> Expr:
    """The oracle: ``sympy.diff``; where the expression has |x|, sign, max … the symbols are
    taken as real (so d|x|/dx = sign x).  Real symbols make sympy's assumption queries slow, so
    they are used only there.  With a piecewise-constant function, its value almost everywhere
    (:func:`~derive.jumps.regular_part`: the Dirac deltas at the jumps dropped)."""
    if not expr.has(*NOT_HOLOMORPHIC, *PIECEWISE_CONSTANT, relu):
        return sympy.diff(expr, *variables)
    real = {s: Symbol(s.name, real=True) for s in expr.free_symbols | set(variables)}
    back = {r: s for s, r in real.items()}
    derivative = sympy.diff(expr.xreplace(real), *(real[v] for v in variables)).xreplace(back)
    return regular_part(derivative) if expr.has(*PIECEWISE_CONSTANT) else derivative


class _Checker:
    def __init__(self, root: Step) -> None:
        self.root = root
        symbols = set(root.expr.free_symbols)
        symbols.update(step.u for step in walk(root) if isinstance(step, ChainStep))
        self.sampler = Sampler(symbols, concrete=bool(root.expr.atoms(AppliedUndef)))
        self.symbolic_budget = SYMBOLIC_BUDGET
        self.depends = Dependence()
        self._references: dict[tuple, Expr] = {}
        self._equalities: dict[tuple, bool] = {}
        self._oracle: Verdict | None = None
        self._jumps: dict[Expr, tuple[Jump, ...]] = {}
        self._any_jumps = root.expr.has(*PIECEWISE_CONSTANT)
        self._wide: Sampler | None = None     # points farther out, made when needed

    def run(self) -> Verification:
        with mpmath.workdps(DPS):
            verdicts = tuple(self.check(step) for step in walk(self.root))
            oracle = self.check_oracle()
        root = self.root
        variables = root.variables if isinstance(root, RepeatedStep) else (root.var,)
        return Verification(root=root, verdicts=verdicts, oracle=oracle,
                            jumps=jumps(root.expr, variables))

    def near_a_jump(self, expr: Expr, index: int, sampler: Sampler) -> bool:
        """Whether at point ``index`` an argument of a piecewise-constant function in ``expr``
        is at (or within :data:`JUMP_MARGIN` of) a jump, where no derivative exists."""
        if not self._any_jumps:
            return False
        if expr not in self._jumps:
            self._jumps[expr] = jumps(expr, expr.free_symbols)
        for jump in self._jumps[expr]:
            value = sampler.value(jump.argument, index)
            if value is None or not is_real(value) or jump.distance(value) < JUMP_MARGIN:
                return True
        return False

    def check(self, step: Step) -> Verdict:
        if isinstance(step, RepeatedStep):
            return self.check_oracle()
        if isinstance(step, RewriteStep):
            return self.check_rewrite(step)
        reference = None
        if not self.depends(step.expr, step.var):
            return Verdict("symbolic" if step.result == 0 else "failed")
        if self.symbolic_budget > 0 and size_at_most(step.expr, SMALL):
            self.symbolic_budget -= 1
            reference = self._reference(step.expr, (step.var,))
            if self._equal(step.result, reference):
                return Verdict("symbolic")
        return self._numeric(step.expr, step.var, step.result, reference, finite_difference=True)

    def check_rewrite(self, step: RewriteStep) -> Verdict:
        """The form before and the form after are equal: symbolically when cheap, else at the
        sample points."""
        if self.symbolic_budget > 0 and size_at_most(step.expr, SMALL):
            self.symbolic_budget -= 1
            if self._equal(step.result, step.expr):
                return Verdict("symbolic")
        return self._widened(lambda sampler: numeric_check(
            sampler, values(sampler, step.expr, step.result)))

    def _widened(self, check: Callable[[Sampler], Verdict]) -> Verdict:
        """``check`` at the sample points, and again farther out when none was usable there."""
        verdict = check(self.sampler)
        if verdict.status != "unchecked":
            return verdict
        if self._wide is None:
            self._wide = self.sampler.wide()
        return check(self._wide)

    def _reference(self, expr: Expr, variables: tuple[Symbol, ...]) -> Expr:
        """sympy's derivative, computed once per (expression, variables) in this tree."""
        key = (expr, variables)
        if key not in self._references:
            self._references[key] = sympy_derivative(expr, variables)
        return self._references[key]

    def _equal(self, result: Expr, reference: Expr) -> bool:
        key = (result, reference)
        if key not in self._equalities:
            self._equalities[key] = symbolically_equal(result, reference) is not None
        return self._equalities[key]

    def check_oracle(self) -> Verdict:
        if self._oracle is None:
            self._oracle = self._check_oracle()
        return self._oracle

    def _check_oracle(self) -> Verdict:
        root = self.root
        if not depth_at_most(root.expr, ORACLE_DEPTH):
            # sympy.diff flattens the product of a deep chain at every level, sorting it with a
            # comparison as deep as the nesting: cubic time.  The root's own check (central
            # differences, independent of both derive and sympy) stands in for the oracle.
            return Verdict("skipped", detail=f"nesting deeper than {ORACLE_DEPTH}")
        if not size_at_most(root.expr, ORACLE_NODES):
            return Verdict("skipped", detail=f"more than {ORACLE_NODES} nodes")
        variables = root.variables if isinstance(root, RepeatedStep) else (root.var,)
        reference = self._reference(root.expr, variables)
        if size_at_most(root.expr, SMALL) and self._equal(root.result, reference):
            return Verdict("symbolic")
        return self._numeric(root.expr, root.var, root.result, reference, finite_difference=False)

    def _numeric(self, expr: Expr, var: Symbol, result: Expr, reference: Expr | None,
                 finite_difference: bool) -> Verdict:
        return self._widened(lambda sampler: self._numeric_with(
            sampler, expr, var, result, reference, finite_difference))

    def _numeric_with(self, sampler: Sampler, expr: Expr, var: Symbol, result: Expr,
                      reference: Expr | None, finite_difference: bool) -> Verdict:
        expr, result = sampler.prepare(expr), sampler.prepare(result)
        reference = sampler.prepare(reference) if reference is not None else None

        def sides(index: int):
            if not (sampler.usable(result, index) and sampler.usable(expr, index)):
                return None   # outside the real domain of the expression
            if self.near_a_jump(expr, index, sampler):
                return None   # no derivative at a jump
            expected = []
            if reference is not None:
                expected.append(sampler.value(reference, index))
            if finite_difference:
                expected.append(sampler.derivative(expr, index, var))
            if not expected or not all(is_real(e) for e in expected):
                return None
            value = sampler.value(result, index)
            return [(value, e) for e in expected]

        return numeric_check(sampler, sides)
