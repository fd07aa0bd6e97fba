"""The Step tree: one small frozen class per differentiation rule.

A ``Step`` records ``expr`` (what is differentiated), ``var`` (with respect to what) and
``result`` (the derivative).  Children live in named fields, so a reader of the tree (verify,
narrate, the JSON writer) can say *which* part a sub-derivation belongs to.  Equality includes
the class, so two different rules that happen to share fields are never equal.

A leaf's result is the rule's table entry, filled in by its matcher.  A combining rule
(:class:`CombiningStep`: sum, constant multiple, product, quotient, chain, logarithmic
differentiation, repeated derivatives) carries its formula here, once, as sympy's
``manualintegrate`` rules carry ``eval()``: :meth:`CombiningStep.formula` fills it in with the
children's results in the order it is stated (unevaluated, shown in that order: the ``raw`` form
a teacher writes first), :meth:`CombiningStep.stated` is the same formula with the children's
derivatives still to be taken (``−sin(5x²)·d/dx(5x²)``), :meth:`CombiningStep.evaluate` gives its
value, and :meth:`CombiningStep.build` makes the step.  From the value to the ``result`` every
rewrite is a :class:`RewriteStep` of its own in ``algebra`` (expand, factor out, cancel, an
identity, a law: :mod:`derive.tidy`), verified like every other node.  The tracer and answer
checking (which recombines a slipped child's result) both use it.

To add a rule: see the checklist in :mod:`derive.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, ClassVar, Iterator, Sequence, TypeVar

from sympy import Add, Derivative, Expr, Integer, Mul, Pow, Symbol
from sympy.core.parameters import evaluate as evaluation

from .notation import derivative_of, fraction_shown, product, total
from .sizes import LARGE, size_at_most
from .tidy import Named, tidy_steps

#: the named rewrites from a value to its tidy form (:func:`derive.tidy.tidy_steps`)
Tidy = Callable[[Expr], Sequence[Named]]
C = TypeVar("C", bound="CombiningStep")


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

    def rewrites(self) -> tuple[RewriteStep, ...]:
        """The named rewrites this step makes (of its function first, of its result after)."""
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
    """d/dx f(x) = f'(x) from the table of :data:`derive.functions.TABLE` (trig, σ, …).

    ``family`` names the function's family in that table (its phrases), ``function`` its name.
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


@dataclass(frozen=True, kw_only=True)
class RewriteStep(Step):
    """d/dx f = a = b: one named rewrite of a derivative's form (expand, factor out, cancel,
    sin/cos = tan, a log law …), or of the function before it is differentiated
    (:class:`SimplifyFirstStep`); ``expr`` is the form before, ``result`` the form after, and
    the two are equal (that is what verification checks)."""

    rule: ClassVar[str] = "algebra"
    rewrite: str         # the key of its name: algebra.<rewrite> in the phrase catalogues


def rewrites(value: Expr, var: Symbol, tidy: Tidy) -> tuple[RewriteStep, ...]:
    """The named rewrites ``tidy`` makes of ``value``, as steps."""
    steps, before = [], value
    for name, after in tidy(value):
        steps.append(RewriteStep(expr=before, var=var, result=after, rewrite=name))
        before = after
    return tuple(steps)


def tidied(value: Expr, tidy: Tidy) -> Expr:
    """The form ``tidy`` ends with (``value`` when it rewrites nothing)."""
    steps = tidy(value)
    return steps[-1][1] if steps else value


# --- combinations ---------------------------------------------------------------------------


def substitute_back(expr: Expr, u: Symbol, inner: Expr) -> Expr:
    """``expr`` with ``u`` replaced by ``inner`` (``subs`` only where a ``Derivative`` needs it).

    A large inner function is put back without evaluation: evaluating ``cos(inner)`` asks
    sympy's assumptions about ``inner``, which walk all of it, at every level of a deep chain.
    """
    if expr.has(Derivative):
        return expr.subs(u, inner)
    if size_at_most(inner, LARGE):
        return expr.xreplace({u: inner})
    with evaluation(False):
        return expr.xreplace({u: inner})


@dataclass(frozen=True, kw_only=True)
class CombiningStep(Step):
    """A rule whose result its formula computes from the results of its children."""

    #: from the formula's value to ``result``, one named rewrite at a time
    algebra: tuple[RewriteStep, ...] = ()
    #: whether :meth:`stated` says more than the formula (the sum rule's f' + g' does not)
    states: ClassVar[bool] = False

    def formula(self, results: Sequence[Expr]) -> Expr:
        """The formula filled in with the children's ``results``, as stated (unevaluated, shown
        in that order)."""
        raise NotImplementedError(type(self).__name__)

    def stated(self, partial: bool = False) -> Expr | None:
        """The formula with the children's derivatives not yet taken (``f'·g + f·g'`` written
        ``d/dx(x²)·sin x + x²·d/dx(sin x)``); ``None`` where that says nothing new."""
        if not self.states:
            return None
        return self.formula([derivative_of(c.expr, c.var, partial) for c in self.children()])

    def rewrites(self) -> tuple[RewriteStep, ...]:
        return self.algebra

    @property
    def value(self) -> Expr:
        """The formula's value before any named rewrite."""
        return self.algebra[0].expr if self.algebra else self.result

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        """The value of the formula for the children's ``results`` (not tidied)."""
        raise NotImplementedError(type(self).__name__)

    @classmethod
    def build(cls: type[C], *, tidy: Tidy = tidy_steps, **fields) -> C:
        """The step whose ``result`` is its formula's tidied value from its children's results."""
        return cls(result=None, **fields).settled(tidy)

    def settled(self: C, tidy: Tidy) -> C:
        """This step with ``raw``, its ``algebra`` and ``result`` computed from its children's
        results."""
        results = tuple(child.result for child in self.children())
        value = self.evaluate(results)
        algebra = rewrites(value, self.var, tidy)
        result = algebra[-1].result if algebra else value
        return replace(self, result=result, raw=self.formula(results), algebra=algebra)


@dataclass(frozen=True, kw_only=True)
class SumStep(CombiningStep):
    """d/dx (f₁ + f₂ + …) = f₁' + f₂' + …"""

    rule: ClassVar[str] = "sum"
    terms: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.terms

    def formula(self, results: Sequence[Expr]) -> Expr:
        return total(*results)

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return Add(*results)


@dataclass(frozen=True, kw_only=True)
class ConstantMultipleStep(CombiningStep):
    """d/dx (c·f) = c·f' when c does not depend on x."""

    rule: ClassVar[str] = "constant_multiple"
    constant: Expr
    factor: Expr
    factor_step: Step

    def children(self) -> tuple[Step, ...]:
        return (self.factor_step,)

    def formula(self, results: Sequence[Expr]) -> Expr:
        return product(self.constant, results[0])

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return self.constant * results[0]


@dataclass(frozen=True, kw_only=True)
class ProductStep(CombiningStep):
    """d/dx (f₁·f₂·…·fₙ) = Σᵢ fᵢ'·Πⱼ≠ᵢ fⱼ."""

    rule: ClassVar[str] = "product"
    factors: tuple[Expr, ...]
    factor_steps: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.factor_steps

    def _others(self, i: int) -> list[Expr]:
        return [f for j, f in enumerate(self.factors) if j != i]

    states: ClassVar[bool] = True

    def formula(self, results: Sequence[Expr]) -> Expr:
        """f'·g·h + f·g'·h + f·g·h': each factor's derivative in the factor's place."""
        factors = self.factors
        return total(*(product(*factors[:i], d, *factors[i + 1:]) for i, d in enumerate(results)))

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return Add(*(Mul(d, *self._others(i)) for i, d in enumerate(results)))


@dataclass(frozen=True, kw_only=True)
class QuotientStep(CombiningStep):
    """d/dx (f/g) = (f'·g − f·g')/g²."""

    rule: ClassVar[str] = "quotient"
    numerator: Expr
    denominator: Expr
    numerator_step: Step
    denominator_step: Step

    def children(self) -> tuple[Step, ...]:
        return (self.numerator_step, self.denominator_step)

    states: ClassVar[bool] = True

    def formula(self, results: Sequence[Expr]) -> Expr:
        (df, dg), f, g = results, self.numerator, self.denominator
        subtracted = Mul(Integer(-1), product(f, dg), evaluate=False)
        return fraction_shown(total(product(df, g), subtracted), Pow(g, 2, evaluate=False))

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        (df, dg), f, g = results, self.numerator, self.denominator
        return (df * g - f * dg) / g**2


@dataclass(frozen=True, kw_only=True)
class ChainStep(CombiningStep):
    """d/dx f(g(x)) = f'(g(x))·g'(x), with u = g(x)."""

    rule: ClassVar[str] = "chain"
    outer: Expr          # f(u)
    inner: Expr          # g(x)
    u: Symbol
    outer_step: Step     # d/du f(u)
    inner_step: Step     # d/dx g(x)

    def children(self) -> tuple[Step, ...]:
        return (self.outer_step, self.inner_step)

    states: ClassVar[bool] = True

    def formula(self, results: Sequence[Expr]) -> Expr:
        outer_derivative, inner_derivative = results
        return product(substitute_back(outer_derivative, self.u, self.inner), inner_derivative)

    def stated(self, partial: bool = False) -> Expr:
        """The outer derivative at the inner function, times the inner derivative still to be
        taken: ``−sin(5x²)·d/dx(5x²)``."""
        return self.formula((self.outer_step.result,
                             derivative_of(self.inner, self.var, partial)))

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        outer_derivative, inner_derivative = results
        outer_at_inner = substitute_back(outer_derivative, self.u, self.inner)
        if not size_at_most(inner_derivative, LARGE):
            # Flattening sorts the factors by a comparison as deep as the nesting, which makes
            # deep chains cubic; a large product stays a product of two factors.
            return Mul(outer_at_inner, inner_derivative, evaluate=False)
        return outer_at_inner * inner_derivative

    def settled(self, tidy: Tidy) -> ChainStep:
        inner_derivative = self.inner_step.result
        if not size_at_most(inner_derivative, LARGE):   # a large product is left as it is
            return replace(self, result=self.evaluate((self.outer_step.result, inner_derivative)))
        return super().settled(tidy)


@dataclass(frozen=True, kw_only=True)
class ByItsLogarithm(CombiningStep):
    """d/dx y = y·d/dx ln y: the base of the two kinds of logarithmic differentiation."""

    log_form: Expr       # ln y, written out
    log_step: Step       # d/dx ln y

    def children(self) -> tuple[Step, ...]:
        return (self.log_step,)

    def formula(self, results: Sequence[Expr]) -> Expr:
        return product(self.expr, results[0])

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return self.expr * results[0]


@dataclass(frozen=True, kw_only=True)
class LogDiffStep(ByItsLogarithm):
    """d/dx f^g = f^g·(g'·ln f + g·f'/f), from f^g = e^{g·ln f}."""

    rule: ClassVar[str] = "log_diff"
    base: Expr
    exponent: Expr


@dataclass(frozen=True, kw_only=True)
class LogLawsStep(CombiningStep):
    """d/dx ln(f·g/h) = d/dx (ln f + ln g − ln h), and ln fⁿ = n·ln f: the log laws first."""

    rule: ClassVar[str] = "log_laws"
    expanded: Expr       # the logarithm written by the log laws
    expanded_step: Step  # d/dx of it, term by term

    def children(self) -> tuple[Step, ...]:
        return (self.expanded_step,)

    def formula(self, results: Sequence[Expr]) -> Expr:
        return results[0]

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return results[0]


@dataclass(frozen=True, kw_only=True)
class LogProductStep(ByItsLogarithm):
    """d/dx y = y·d/dx ln y for a product of powers y, ln y = Σ kᵢ·ln fᵢ by the log laws."""

    rule: ClassVar[str] = "log_product"


@dataclass(frozen=True, kw_only=True)
class SimplifyFirstStep(CombiningStep):
    """d/dx f = d/dx g where f = g is a shorter form: the function simplified first (a held
    value worked out, e^{ln a} = a, a common factor cancelled, an exponent law …)."""

    rule: ClassVar[str] = "simplify_first"
    simplified: Expr                          # g, the form differentiated
    simplification: tuple[RewriteStep, ...]   # f = … = g, one named rewrite at a time
    simplified_step: Step                     # d/dx g

    def children(self) -> tuple[Step, ...]:
        return (self.simplified_step,)

    def rewrites(self) -> tuple[RewriteStep, ...]:
        return self.simplification + self.algebra

    def formula(self, results: Sequence[Expr]) -> Expr:
        return results[0]

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return results[0]

    def settled(self, tidy: Tidy) -> SimplifyFirstStep:
        """The simplified function's derivative, as it is: it was tidied when it was taken."""
        result = self.simplified_step.result
        return replace(self, result=result, raw=result)


@dataclass(frozen=True, kw_only=True)
class RepeatedStep(CombiningStep):
    """d/dx_n … d/dx_1 f = d/dx_n (… (d/dx_1 f)): each derivative taken from the one before."""

    rule: ClassVar[str] = "repeated"
    variables: tuple[Symbol, ...]
    derivatives: tuple[Step, ...]

    def children(self) -> tuple[Step, ...]:
        return self.derivatives

    def formula(self, results: Sequence[Expr]) -> Expr:
        return results[-1]

    def evaluate(self, results: Sequence[Expr]) -> Expr:
        return results[-1]

    def settled(self, tidy: Tidy) -> RepeatedStep:
        """The last derivative's result, as it is: it was tidied when it was taken."""
        return replace(self, result=self.derivatives[-1].result)


def rule_classes() -> list[type[Step]]:
    """Every Step class that is a rule (it names its ``rule``), sorted by module and name; the
    rules of a package such as :mod:`derive.indexed` are there once it is imported."""
    found, stack = [], [Step]
    while stack:
        cls = stack.pop()
        if "rule" in vars(cls) and cls is not Step:
            found.append(cls)
        stack.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


def walk(step: Step) -> Iterator[Step]:
    """Every step of the tree in pre-order, a step's children then its named rewrites, without
    recursion (trees can be thousands deep)."""
    stack = [step]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children() + node.rewrites()))


def rule_key(step: Step) -> str:
    """The phrase-catalogue key of a step: its rule, or its function family."""
    return step.family if isinstance(step, FunctionStep) else step.rule
