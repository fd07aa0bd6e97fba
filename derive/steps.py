"""The Step tree: one small frozen class per differentiation rule.

A ``Step`` records ``expr`` (what is differentiated), ``var`` (with respect to what) and
``result`` (the derivative, computed by the tracer from the children's results and tidied).
Children live in named fields, so a reader of the tree (verify, narrate, the JSON writer) can
say *which* part a sub-derivation belongs to.  ``raw`` is the result as the rule's formula
produces it before tidying; it is ``None`` when tidying changed nothing.

Steps are data only: no maths happens here.  Equality includes the class, so two different
rules that happen to share fields are never equal.

To add a rule: write a class here (one-line docstring with its formula, a ``rule`` name, its
children listed by ``children()``), a matcher in ``derive/rules/``, a phrase for the ``rule`` name
in every catalogue of ``derive/narrate/``, and tests against ``sympy.diff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterator

from sympy import Expr, Symbol


@dataclass(frozen=True, kw_only=True)
class Step:
    """A derivative d/d(var) expr = result."""

    rule: ClassVar[str] = "step"
    expr: Expr
    var: Symbol
    result: Expr
    raw: Expr | None = None

    def children(self) -> tuple[Step, ...]:
        """The sub-derivations this step combines, in the order a teacher would show them."""
        return ()


# --- leaves ---------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class ConstantStep(Step):
    """d/dx c = 0 for a number or named constant c."""

    rule: ClassVar[str] = "constant"


@dataclass(frozen=True, kw_only=True)
class HeldConstantStep(Step):
    """d/dx g(y, …) = 0 when x does not occur: the other variables are held constant."""

    rule: ClassVar[str] = "held_constant"
    held_constant: tuple[Symbol, ...]


@dataclass(frozen=True, kw_only=True)
class VariableStep(Step):
    """d/dx x = 1."""

    rule: ClassVar[str] = "variable"


@dataclass(frozen=True, kw_only=True)
class PowerStep(Step):
    """d/dx xⁿ = n·xⁿ⁻¹ for a constant exponent n."""

    rule: ClassVar[str] = "power"
    exponent: Expr


@dataclass(frozen=True, kw_only=True)
class ExpStep(Step):
    """d/dx eˣ = eˣ."""

    rule: ClassVar[str] = "exp"


@dataclass(frozen=True, kw_only=True)
class ExponentialStep(Step):
    """d/dx aˣ = aˣ·ln a for a constant base a > 0."""

    rule: ClassVar[str] = "exponential"
    base: Expr


@dataclass(frozen=True, kw_only=True)
class LogStep(Step):
    """d/dx ln x = 1/x."""

    rule: ClassVar[str] = "log"


@dataclass(frozen=True, kw_only=True)
class LogBaseStep(Step):
    """d/dx log_b x = 1/(x·ln b)."""

    rule: ClassVar[str] = "log_base"
    base: Expr


@dataclass(frozen=True, kw_only=True)
class FunctionStep(Step):
    """d/dx f(x) = f'(x) from a table: trig, inverse trig, hyperbolic, inverse hyperbolic, σ, …

    ``family`` names the table (``trig``, ``inverse_trig``, ``hyperbolic``,
    ``inverse_hyperbolic``, ``sigmoid``, ``softplus``), ``function`` the function's name.
    """

    rule: ClassVar[str] = "function"
    family: str
    function: str


@dataclass(frozen=True, kw_only=True)
class AbsStep(Step):
    """d/dx |x| = sign(x), for real x ≠ 0."""

    rule: ClassVar[str] = "abs"


@dataclass(frozen=True, kw_only=True)
class ReluStep(Step):
    """d/dx ReLU(x) = H(x) (1 for x > 0, 0 for x < 0; the value 0 is chosen at x = 0)."""

    rule: ClassVar[str] = "relu"


@dataclass(frozen=True, kw_only=True)
class UnknownStep(Step):
    """d/dx f = sympy.diff(f, x): a rule derive does not explain, taken from sympy and marked."""

    rule: ClassVar[str] = "unknown"
    reason: str          # undefined_function | no_rule | several_arguments
    name: str            # the function (or expression type) derive has no rule for


# --- combinations ---------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class SumStep(Step):
    """d/dx (f₁ + f₂ + …) = f₁' + f₂' + …"""

    rule: ClassVar[str] = "sum"
    terms: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.terms


@dataclass(frozen=True, kw_only=True)
class ConstantMultipleStep(Step):
    """d/dx (c·f) = c·f' when c does not depend on x."""

    rule: ClassVar[str] = "constant_multiple"
    constant: Expr
    factor: Expr
    factor_step: Step

    def children(self) -> tuple[Step, ...]:
        return (self.factor_step,)


@dataclass(frozen=True, kw_only=True)
class ProductStep(Step):
    """d/dx (f₁·f₂·…·fₙ) = Σᵢ fᵢ'·Πⱼ≠ᵢ fⱼ."""

    rule: ClassVar[str] = "product"
    factors: tuple[Expr, ...]
    factor_steps: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.factor_steps


@dataclass(frozen=True, kw_only=True)
class QuotientStep(Step):
    """d/dx (f/g) = (f'·g − f·g')/g²."""

    rule: ClassVar[str] = "quotient"
    numerator: Expr
    denominator: Expr
    numerator_step: Step
    denominator_step: Step

    def children(self) -> tuple[Step, ...]:
        return (self.numerator_step, self.denominator_step)


@dataclass(frozen=True, kw_only=True)
class ChainStep(Step):
    """d/dx f(g(x)) = f'(g(x))·g'(x), with u = g(x)."""

    rule: ClassVar[str] = "chain"
    outer: Expr          # f(u)
    inner: Expr          # g(x)
    u: Symbol
    outer_step: Step     # d/du f(u)
    inner_step: Step     # d/dx g(x)

    def children(self) -> tuple[Step, ...]:
        return (self.outer_step, self.inner_step)


@dataclass(frozen=True, kw_only=True)
class LogDiffStep(Step):
    """d/dx f^g = f^g·(g'·ln f + g·f'/f), from f^g = e^{g·ln f}."""

    rule: ClassVar[str] = "log_diff"
    base: Expr
    exponent: Expr
    log_form: Expr       # g·ln f, the logarithm of the expression
    log_step: Step       # d/dx (g·ln f)

    def children(self) -> tuple[Step, ...]:
        return (self.log_step,)


@dataclass(frozen=True, kw_only=True)
class RepeatedStep(Step):
    """d/dx_n … d/dx_1 f: each derivative taken from the result of the one before."""

    rule: ClassVar[str] = "repeated"
    variables: tuple[Symbol, ...]
    derivatives: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.derivatives


def walk(step: Step) -> Iterator[Step]:
    """Every step of the tree in pre-order, without recursion (trees can be thousands deep)."""
    stack = [step]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children()))


def rule_key(step: Step) -> str:
    """The phrase-catalogue key of a step: its rule, or its function family."""
    return step.family if isinstance(step, FunctionStep) else step.rule
