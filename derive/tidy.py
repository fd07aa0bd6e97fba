"""The algebra from a rule's raw result to the form a textbook prints, one named rewrite at a time.

A rule's formula produces a correct but raw expression (``cos(x²)·2x``,
``(eˣ(1+eˣ) − eˣeˣ)/(1+eˣ)²``).  :func:`tidy_steps` rewrites it in small named moves, each a
rewrite a teacher names at the board: take out a common factor, expand and collect like terms,
expand a bracket inside a factored form, combine over a common denominator, cancel a common
factor, split off the polynomial part of a fraction, write in sin and cos, use
``sin² + cos² = 1``, use ``sin/cos = tan`` (``cos/sin = cot``, ``1/cos = sec``, ``1/sin = csc``),
a log law (``ln a − ln b = ln(a/b)``), an exponent law (``aⁿ/bⁿ = (a/b)ⁿ``), and step functions
that differ only at their jump written as one (``H(x) − H(x) = 0``, almost everywhere).

The moves are chosen greedily: in each round every move is tried on the current form and the
one that shortens it most (sympy's ``count_ops``, plus a small :func:`_cost` for a move a
teacher makes only when it pays; ties go to the earlier move, so the result is deterministic)
is kept, until no move shortens it or :data:`ROUNDS` rounds are done.  A move may
be a short chain of rewrites whose middle forms are longer (the trigonometric identities: write
in sin and cos, combine, use ``sin² + cos² = 1``, back to tan and sec); each rewrite of the chain
that changes the form is a named step of its own.  Expressions with more than :data:`MAX_NODES`
nodes are left as they are, and every move guards itself against what it cannot afford:
tidying is never the slow part.

Expressions over vector entries with sums over an index (``Σ_k e^{z_k}``, the indexed
derivations) are tidied with ``sums=True``: each sum is kept whole, as an opaque symbol, so that
no rewrite takes it apart, and the numerator is expanded and collected even where there is no
denominator (:data:`SUM_MOVES`), which gathers the terms of each Kronecker delta.

:func:`tidy` is the final form alone.  The names are the keys ``algebra.<name>`` of the phrase
catalogues.  To add a rewrite: a function ``expr -> expr`` (or ``expr -> [(name, expr), …]`` for
a chain), its entry in :data:`MOVES` (or :data:`SUM_MOVES`), and its phrase in every catalogue;
it must be cheap and must not change the value.
"""

from __future__ import annotations

from typing import Callable, Sequence

from sympy import (Add, Expr, Function, Heaviside, Mul, Pow, Sum, Symbol, apart, cancel,
                   collect, cos, cot, count_ops, csc, exp, expand, factor_terms, fraction, log,
                   logcombine, powsimp, sec, sin, tan, together)

from .sizes import size_at_most

MAX_NODES = 80
ROUNDS = 4
MAX_POWER = 12         # no expansion of a bracket raised to a higher power

Named = tuple[str, Expr]


def _has_denominator(expr: Expr) -> bool:
    return any(power.exp.is_negative for power in expr.atoms(Pow))


def _small_powers(expr: Expr) -> bool:
    return all(not (p.exp.is_Integer and abs(p.exp) > MAX_POWER and p.base.is_Add)
               for p in expr.atoms(Pow))


# --- the moves ------------------------------------------------------------------------------

def _factor_out(expr: Expr) -> Expr:
    return factor_terms(expr)


def _expand(expr: Expr) -> Expr:
    return expand(expr) if _small_powers(expr) else expr


def _expand_brackets(expr: Expr) -> Expr:
    """Each bracket inside a product expanded and its like terms collected (``3x(2x − 1) − x²``
    inside ``2(x²+1)²(…)`` becomes ``5x² − 3x``); the product itself is kept."""
    if not expr.is_Mul:
        return expr
    return Mul(*(expand(f) if f.is_Add and _small_powers(f) else f for f in expr.args))


def _expand_numerator(expr: Expr) -> Expr:
    """The numerator multiplied out, the denominator kept as it is."""
    if not _has_denominator(expr):
        return expr
    numerator, denominator = fraction(expr)
    if denominator == 1 or not _small_powers(numerator):
        return expr
    return expand(numerator) / denominator


def _common_denominator(expr: Expr) -> list[Named]:
    """Over a common denominator with the numerator expanded and common factors taken out:
    like terms collect (only where there is a denominator).  Named by what changed
    (:func:`_over_one_denominator`)."""
    if not _has_denominator(expr):
        return []
    return _over_one_denominator(expr)


def _collected(expr: Expr) -> list[Named]:
    """Over a common denominator with the numerator expanded, where there is no denominator too
    (sums over an index: the terms of each Kronecker delta gather)."""
    return _over_one_denominator(expr)


def _holds_fraction(expr: Expr) -> bool:
    """Whether a numerator or denominator still holds a fraction (1/x, e^(−x)) to combine."""
    return _has_denominator(expr) or any(e.args[0].could_extract_minus_sign()
                                         for e in expr.atoms(exp))


def _over_one_denominator(expr: Expr) -> list[Named]:
    """One fraction with the numerator multiplied out and its common factor taken out, as one
    step named by the parts that changed something: ``common_denominator`` when fractions were
    combined (``common_denominator_numerator`` when the numerator then changed too); for a
    single fraction, ``cancel`` or ``expand_cancel`` when a factor of the denominator went,
    else ``expand_numerator``, ``factor_numerator`` or ``expand_factor_numerator`` for a
    numerator multiplied out, factored, or both."""
    combined = together(expr)
    numerator, denominator = fraction(combined)
    if not _small_powers(numerator):
        return []
    expanded = expand(numerator)
    factored = factor_terms(expanded)
    form = factored / denominator
    if form == expr:
        return []
    before, below = fraction(expr)
    if any(_holds_fraction(part) for part in (before, below)):
        name = "common_denominator_numerator" if factored != numerator else "common_denominator"
    elif fraction(form)[1] != below:
        name = "expand_cancel" if expand(before) != before else "cancel"
    elif expand(before) != before:
        name = "expand_factor_numerator" if factored != expanded else "expand_numerator"
    else:
        name = "factor_numerator"
    return [(name, form)]


def _cancel(expr: Expr) -> Expr:
    """Common factors of numerator and denominator cancelled (``cancel`` is the most expensive
    move: only where there is a denominator)."""
    return cancel(expr) if _has_denominator(expr) and _small_powers(expr) else expr


def _split(expr: Expr) -> Expr:
    """A rational function of one variable as its polynomial part plus proper fractions
    (``270x⁴ + 39/(x+1)²``).  Only a sum, or a fraction whose numerator holds one, can split
    into something shorter (a monomial over a product only grows into more fractions), and
    ``apart`` is too costly to try on the others."""
    symbols = expr.free_symbols
    if len(symbols) != 1 or not _has_denominator(expr) or not _small_powers(expr):
        return expr
    if not expr.is_Add and not fraction(expr)[0].atoms(Add):
        return expr
    var = next(iter(symbols))
    if not expr.is_rational_function(var):
        return expr
    return apart(expr, var)


def _log_law(expr: Expr) -> Expr:
    """``ln a − ln b = ln(a/b)`` for logarithms of positive numbers."""
    def numeric_logs(e):
        return e.is_Add and sum(1 for t in e.args if t.has(log)) > 1 and all(
            all(a.args[0].is_positive and a.args[0].is_number for a in t.atoms(log))
            and t.free_symbols == set() for t in e.args)
    return expr.replace(numeric_logs, logcombine) if expr.has(log) else expr


def _exponent_law(expr: Expr) -> Expr:
    """``aⁿ·bⁿ = (ab)ⁿ`` and ``aⁿ/bⁿ = (a/b)ⁿ`` for numbers a, b and a symbolic n."""
    if not any(p.base.is_number and not p.exp.is_number for p in expr.atoms(Pow)):
        return expr
    return powsimp(expr, combine="base")


_TRIG = (sin, cos, tan, cot, sec, csc)


def _in_sin_cos(expr: Expr) -> Expr:
    return expr.replace(lambda e: isinstance(e, (tan, cot, sec, csc)), lambda e: {
        tan: lambda a: sin(a) / cos(a), cot: lambda a: cos(a) / sin(a),
        sec: lambda a: 1 / cos(a), csc: lambda a: 1 / sin(a)}[type(e)](e.args[0]))


def _pythagoras(expr: Expr) -> Expr:
    """``sin² a + cos² a = 1`` in the (expanded) numerator: sin² written as 1 − cos² where that
    shortens it, or cos² as 1 − sin²."""
    numerator, denominator = fraction(expr)
    best = numerator
    squared = {p.base.args[0] for p in numerator.atoms(Pow)
               if isinstance(p.base, (sin, cos)) and p.exp.is_Integer and p.exp >= 2}
    for a in sorted(squared, key=str):
        for square, other in ((sin(a) ** 2, 1 - cos(a) ** 2), (cos(a) ** 2, 1 - sin(a) ** 2)):
            candidate = expand(best.subs(square, other))
            if count_ops(candidate) < count_ops(best):
                best = candidate
    return best / denominator


#: (identity name, the function it introduces, (numerator function, its power sign, …))
_RATIOS = (
    ("tan", tan, ((sin, 1), (cos, -1))),
    ("cot", cot, ((cos, 1), (sin, -1))),
    ("sec", sec, ((cos, -1),)),
    ("csc", csc, ((sin, -1),)),
)


def _ratio(expr: Expr, name: str) -> Expr:
    """One identity of :data:`_RATIOS` (``sin/cos = tan``, …) wherever a product holds it."""
    _, function, pattern = next(r for r in _RATIOS if r[0] == name)

    def rewrite(term: Expr) -> Expr:
        powers: dict = {}
        for factor in Mul.make_args(term):
            base, exponent = factor.as_base_exp()
            if isinstance(base, (sin, cos)) and exponent.is_Integer:
                powers[(type(base), base.args[0])] = exponent
        product = term
        for a in sorted({arg for _, arg in powers}, key=str):
            n = min(powers.get((f, a), 0) * sign for f, sign in pattern)
            if n <= 0:
                continue
            for f, sign in pattern:
                product = product * f(a) ** (-sign * n)
            product = product * function(a) ** n
        return product

    return expr.replace(lambda e: e.is_Mul or (e.is_Pow and isinstance(e.base, (sin, cos))),
                        rewrite)


def _ratios(expr: Expr) -> list[Named]:
    """Each of ``sin/cos = tan``, ``cos/sin = cot``, ``1/cos = sec``, ``1/sin = csc`` that
    applies, one step each."""
    steps, current = [], expr
    for name, _, _ in _RATIOS:
        rewritten = _ratio(current, name)
        if rewritten != current:
            steps.append((name, rewritten))
            current = rewritten
    return steps


def _trig_identities(expr: Expr) -> list[Named]:
    """Write in sin and cos, over one denominator, ``sin² + cos² = 1``, split the fraction
    again, and back to tan, cot, sec, csc: each rewrite that changes the form is one step."""
    if not expr.has(*_TRIG) or not _small_powers(expr):
        return []
    steps: list[Named] = []
    current = expr

    def step(name: str, form: Expr) -> None:
        nonlocal current
        if form != current:
            steps.append((name, form))
            current = form

    step("sin_cos", _in_sin_cos(current))
    for name, form in _common_denominator(current):
        step(name, form)
    step("pythagoras", _pythagoras(current))
    if _has_denominator(current) and current.is_Mul and any(f.is_Add for f in current.args):
        step("split_fraction", _split_fraction(current))
    for name, form in _ratios(current):
        step(name, form)
    return steps


def _split_fraction(expr: Expr) -> Expr:
    """(a + b)/d as a/d + b/d, the numerator expanded and the denominator kept."""
    numerator, denominator = fraction(expr)
    return Add(*(term / denominator for term in Add.make_args(expand(numerator))))


def _ratios_only(expr: Expr) -> list[Named]:
    return _ratios(expr) if expr.has(sin, cos) else []


def _one_step_function(expr: Expr) -> Expr:
    """Step functions of one argument that differ only in their value at the jump
    (``Heaviside(x, 0)`` from ReLU′, ``Heaviside(x)``) written as one: a derivative that holds
    almost everywhere does not see that value, and ``H(x) − H(x)`` is 0."""
    if not expr.has(Heaviside):
        return expr
    first: dict[Expr, Heaviside] = {}
    for step in sorted(expr.atoms(Heaviside), key=str):
        first.setdefault(step.args[0], step)
    return expr.xreplace({step: first[step.args[0]] for step in expr.atoms(Heaviside)})


Move = Callable[[Expr], "Expr | list[Named]"]


def evaluated(expr: Expr) -> Expr:
    """Every node rebuilt with sympy's evaluation: what the parser held to keep the problem as
    typed (``sin(π/2)``, ``e^{2 ln x}``, ``3·(x+1)``) is worked out in results."""
    if expr.is_Atom or not expr.args:
        return expr
    return expr.func(*(evaluated(arg) for arg in expr.args))


#: (name, move): a move returns the rewritten form, or a chain of named forms
MOVES: tuple[tuple[str, Move], ...] = (
    ("factor_out", _factor_out),
    ("expand_brackets", _expand_brackets),
    ("expand_numerator", _expand_numerator),
    ("common_denominator", _common_denominator),
    ("cancel", _cancel),
    ("expand", _expand),
    ("split", _split),
    ("log_law", _log_law),
    ("exponent_law", _exponent_law),
    ("ratios", _ratios_only),
    ("trig", _trig_identities),
    ("evaluate", evaluated),
    ("one_step_function", _one_step_function),
)
#: the moves for a derivative whose terms are sorted next (implicit differentiation collects the
#: dy/dx terms): no common factor taken out of a whole sum
UNFACTORED_MOVES = tuple(move for move in MOVES if move[0] != "factor_out")
SUM_MOVES: tuple[tuple[str, Move], ...] = (
    ("factor_out", _factor_out),
    ("common_denominator", _collected),
    ("cancel", _cancel),
)


def tidy_steps(expr: Expr, *, sums: bool = False,
               moves: Sequence[tuple[str, Move]] = MOVES) -> tuple[Named, ...]:
    """The named rewrites from ``expr`` to its shortest form found, in order (none when
    ``expr`` is already shortest or large); ``sums=True``: sums over an index kept whole;
    ``moves``: another table of moves (the rewrites of a function before it is differentiated,
    :mod:`derive.simplify`)."""
    if not isinstance(expr, Expr) or expr.is_Atom:
        return ()
    if not sums:
        return _greedy(expr, moves) if size_at_most(expr, MAX_NODES) else ()
    hidden = {s: Symbol(f"_S{p}") for p, s in enumerate(sorted(expr.atoms(Sum), key=str))}
    work = expr.xreplace(hidden)
    if not size_at_most(work, MAX_NODES):
        return ()
    shown = {symbol: s for s, symbol in hidden.items()}
    return tuple((name, form.xreplace(shown)) for name, form in _greedy(work, SUM_MOVES))


def tidy_steps_unfactored(expr: Expr) -> tuple[Named, ...]:
    """:func:`tidy_steps` without taking a common factor out of a whole sum
    (:data:`UNFACTORED_MOVES`)."""
    return tidy_steps(expr, moves=UNFACTORED_MOVES)


def tidy(expr: Expr, *, sums: bool = False) -> Expr:
    """The final form of :func:`tidy_steps` (``expr`` itself when nothing shortens it)."""
    steps = tidy_steps(expr, sums=sums)
    return steps[-1][1] if steps else expr


def _cost(name: str, before: Expr, after: Expr) -> int:
    """What a move costs beyond the operations it leaves: a teacher takes a factor other than a
    number out of a whole sum (``x(x cos x + 2 sin x)``) only when that saves more than one
    operation."""
    if name != "factor_out" or not before.is_Add:
        return 0
    taken = [f for f in Mul.make_args(after) if not f.is_Add]
    return 0 if all(f.is_number for f in taken) else 1


def _greedy(expr: Expr, moves: Sequence[tuple[str, Move]],
            keep: Callable[[Expr], bool] | None = None) -> tuple[Named, ...]:
    """The rounds of moves (see the module docstring); with ``keep``, only forms it accepts end
    a round."""
    steps: list[Named] = []
    current, size = expr, count_ops(expr)
    sizes: dict[Expr, int] = {}     # several moves often reach the same form
    for _ in range(ROUNDS):
        best: list[Named] | None = None
        best_score, best_size = size, size
        for name, move in moves:
            outcome = move(current)
            chain = outcome if isinstance(outcome, list) else [(name, outcome)]
            for end in range(len(chain), 0, -1):       # the longest best prefix of a chain
                form = chain[end - 1][1]
                if form == current or (keep is not None and not keep(form)):
                    continue
                ops = sizes[form] if form in sizes else sizes.setdefault(form, count_ops(form))
                score = ops + _cost(name, current, form)
                if score < best_score:
                    best, best_score, best_size = chain[:end], score, ops
        if best is None:
            break
        steps.extend(best)
        current, size = best[-1][1], best_size
    return tuple(steps)


# --- one fraction ---------------------------------------------------------------------------

def _holds_inner_fraction(part: Expr) -> bool:
    """Whether ``part`` (a numerator or a denominator) holds a fraction of its own: a negative
    power or a non-integer number outside a function's argument (``x/2``, ``1/√(x+y)``; not
    the ``x/y`` of ``e^(x/y)``, nor the exponent of ``√(x+y)``)."""
    pending = [part]
    while pending:
        node = pending.pop()
        if node.is_Rational and not node.is_Integer:
            return True
        if node.is_Pow:
            if node.exp.is_negative:
                return True
            pending.append(node.base)
        elif node.is_Add or node.is_Mul:
            pending.extend(node.args)
    return False


def one_fraction(expr: Expr) -> bool:
    """Whether ``expr`` is one fraction whose numerator and denominator hold no fraction:
    ``−(3x² + y²)/(2xy)``, not ``−(3x/y + y/x)/2``."""
    return not any(_holds_inner_fraction(part) for part in fraction(expr))


def _negated(part: Expr) -> Expr:
    """−part with the sign taken into its first bracket (``x(3y² − x)`` for ``−x(x − 3y²)``),
    or into its number when it has no bracket; terms are not multiplied out."""
    factors = list(Mul.make_args(part))
    for index, factor in enumerate(factors):
        if factor.is_Add:
            factors[index] = Add(*(-term for term in factor.args))
            return Mul(*factors)
    return -part


def _minus_signs(part: Expr) -> int:
    """How many minus signs ``part`` is written with: one for its number, one for each term of
    a bracket (``−6x² − 2xy + y³``: 2)."""
    count = int(part.could_extract_minus_sign() and not part.is_Add)
    for factor in Mul.make_args(part):
        if factor.is_Add:
            count += sum(1 for term in factor.args if term.could_extract_minus_sign())
    return count


def _all_negative(part: Expr) -> bool:
    return part.is_Add and all(term.could_extract_minus_sign() for term in part.args)


def _signs(expr: Expr) -> list[Named]:
    """The signs as a book writes them: numerator and denominator both negated when every term
    of the denominator is negative, or when the numerator's are not all negative and negating
    writes fewer minus signs (``negate_both``: ``(6x² + 2xy − y³)/(x(3y² − x))``,
    ``2x/(3y² − 1)``); then a numerator whose terms are all negative written with its minus
    sign in front of the fraction (``minus_front``: ``−(3x² + y²)/(2xy)``)."""
    numerator, denominator = fraction(expr)
    if denominator == 1:
        return []
    steps: list[Named] = []
    negated = _negated(numerator), _negated(denominator)
    fewer = sum(map(_minus_signs, negated)) < _minus_signs(numerator) + _minus_signs(denominator)
    if _all_negative(denominator) or (fewer and not _all_negative(numerator)):
        numerator, denominator = negated
        steps.append(("negate_both", numerator / denominator))
    if _all_negative(numerator):
        # -1 before a sum and a divisor stays in front (with the sum alone sympy distributes it)
        steps.append(("minus_front", Mul(-1, _negated(numerator), 1 / denominator)))
    return [(name, form) for name, form in steps if form != expr]


def _brackets_expanded(part: Expr) -> Expr:
    """Each bracket of a product (or of a power in it) multiplied out: ``x(x − 2y(x⁴y² + 1))``
    becomes ``x(x − 2x⁴y³ − 2y)``; the factors are kept."""
    def expanded(factor: Expr) -> Expr:
        base, exponent = factor.as_base_exp()
        return Pow(expand(base), exponent) if base.is_Add else factor
    return Mul(*map(expanded, Mul.make_args(part))) if _small_powers(part) else part


def _combined(expr: Expr) -> list[Named]:
    """Over a common denominator (:func:`_over_one_denominator`), the brackets of the
    denominator's factors multiplied out as well: one fraction of polynomials."""
    combined = _over_one_denominator(expr)
    if not combined:
        return []
    name, form = combined[-1]
    numerator, denominator = fraction(form)
    return [(name, numerator / _brackets_expanded(denominator))]


def _collect(expr: Expr) -> Expr:
    """In a numerator and a denominator, the terms that share a function's value grouped
    (``x e^(xy) + y e^y + e^y = x e^(xy) + (y + 1) e^y``)."""
    def grouped(part: Expr) -> Expr:
        if not part.is_Add:
            return part
        shared = [f for f in sorted(part.atoms(Function), key=str)
                  if sum(1 for term in part.args if f in Mul.make_args(term)) > 1]
        return collect(part, shared) if shared else part
    numerator, denominator = fraction(expr)
    return grouped(numerator) / grouped(denominator)


#: the moves toward one fraction: tidy's, and the grouping of terms by a common function value
FRACTION_MOVES: tuple[tuple[str, Move], ...] = (*MOVES, ("collect", _collect))


def tidy_fraction_steps(expr: Expr) -> tuple[Named, ...]:
    """The named rewrites to the shortest form that is :func:`one_fraction`, the form a book
    gives for dy/dx by implicit differentiation: the fractions inside combined over a common
    denominator first, then the moves that keep one fraction (:data:`FRACTION_MOVES`), then the
    signs (:func:`_signs`).  When no one fraction is found, :func:`tidy_steps`."""
    if not isinstance(expr, Expr) or expr.is_Atom or not size_at_most(expr, MAX_NODES):
        return ()
    steps: list[Named] = []
    if not one_fraction(expr):
        combined = _combined(expr)
        if not combined or not one_fraction(combined[-1][1]):
            return tidy_steps(expr)
        steps.extend(combined)
    before = steps[-1][1] if steps else expr
    for name, form in _greedy(before, FRACTION_MOVES, keep=one_fraction):
        steps.append((_cancelling(name, before, form), form))
        before = form
    steps.extend(_signs(before))
    return tuple(steps)


def _cancelling(name: str, before: Expr, after: Expr) -> str:
    """``cancel`` for a common factor taken out of a fraction that also left its denominator
    (``(6y − 3x²)/(3y² − 6x) = (2y − x²)/(y² − 2x)``), else ``name``."""
    if name != "factor_out":
        return name
    changed = expand(fraction(before)[1]) != expand(fraction(after)[1])
    return "cancel" if changed else name


__all__ = ["FRACTION_MOVES", "MOVES", "Move", "Named", "SUM_MOVES", "UNFACTORED_MOVES", "evaluated", "one_fraction",
           "tidy", "tidy_fraction_steps", "tidy_steps", "tidy_steps_unfactored"]
