r"""Reading the user's expression: plain text, textbook notation or LaTeX -> a sympy expression.

Nothing the user types is ever executed: no ``eval``, ``exec``, ``sympify`` or ``parse_expr``.
A tokenizer (:mod:`.tokens`) and a precedence-climbing parser (:mod:`.pratt`) build sympy
objects directly; only plain ``Symbol(name)``s without assumptions are created.

Syntax in brief (the full list, with the deliberately unsupported notations, is docs/syntax.md):

* operators ``+ - * / ^ **``, unicode ``− – · × ÷``, LaTeX ``\cdot \times \div``; ``^`` is
  right-associative (``x^2^3`` = ``x^(2^3)``) and binds tighter than a sign (``-x^2`` = ``-(x^2)``);
* implicit multiplication ``2x``, ``3x(x+1)``, ``(x+1)(x-1)``, ``2xe^x``, ``x^2 y``, at the same
  precedence as ``*`` and ``/``, left to right: ``1/2x`` = ``(1/2)·x``;
* names: a run of letters is a product of single-letter variables unless it contains a known name
  (``xy`` = ``x·y``, ``xsin x`` = ``x·sin(x)``, ``theta`` = θ); a letter followed by digits is one
  variable (``w1``, ``x12``); ``x_1``, ``x_{12}``, ``z_i``, ``x₁`` are the variables ``x_1``,
  ``x_12``, ``z_i``, ``x_1``; Greek letters (``θ``, ``\theta``, ``theta``) are variables named in
  ASCII; ``e``/``E`` are Euler's number and ``pi``/``π`` are π — always;
* ``f``, ``g``, ``h`` and the names passed as ``functions=`` followed by ``(`` are undefined
  functions (``f(x^2)``); any other variable followed by ``(`` multiplies (``x(x+1)``);
* functions sin cos tan cot sec csc, their inverses (asin… and arcsin…), the hyperbolic ones and
  their inverses, exp, ln, log (natural; ``log(x, b)``, ``log_2 x``, ``log_{10}``, ``log10``,
  ``lg`` for other bases), sqrt, cbrt, root(x, n), abs/Abs, sign, erf, erfc, gamma, exp2
  (2^x), gelu, silu/swish, mish, LambertW, sigmoid (also
  ``σ(z)``), softplus, relu/ReLU, Max, Min; ``sin x`` and ``sin 2x`` without parentheses,
  ``sin^2 x`` (a power of the value), ``sin^-1 x`` (the inverse function);
* ``√x``, ``√(…)``, ``∛x``, ``|x|``, superscripts ``x²``, ``x⁻¹``; decimals are exact
  (``0.5`` = 1/2);
* LaTeX (auto-detected by a backslash): ``\frac{a}{b}``, ``\frac12``, ``\sqrt{…}``,
  ``\sqrt[n]{…}``, ``\sin``…, ``\ln``, ``\log_{b}``, ``\left( \right)``, ``\left| \right|``,
  ``\big``, ``\operatorname{…}``, Greek letters, spacing commands;
* a leading definition ``f(x)=`` or ``y=`` is dropped (see :func:`parse_equation` for equations);
* square brackets group like parentheses (``[\sin x + 2]^{\arcsec x}``);
* with the option ``operators`` (:mod:`.operators`), a derivative operator written first
  (``d/dx x^2``, ``\frac{d^2}{dx^2}(…)``, ``∂/∂y …``), or ``dy/dx`` next to ``y = …``;
* with the option ``indices`` (:mod:`.indices`), entries of vectors ``z_j``, sums over an index
  ``sum(expr, k)`` and the length ``n`` (the input of ``derive jacobian``).

Every decision worth showing is returned as a :class:`Reading` (kinds in ``READING_KINDS``).
To extend the syntax, start from the docstring of the module concerned: names.py (function names,
Greek letters, letter runs), tokens.py (characters), latex.py (LaTeX commands), pratt.py
(grammar), indices.py (the index syntax), limits.py (size limits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import sympy
from sympy import S

from derive.deep import run_deep  # the project's one place that raises the recursion limit
from derive.errors import ParseError
from derive.parse.indices import CALLS, IndexSyntax
from derive.parse.limits import MAX_DEPTH, MAX_LENGTH
from derive.parse.names import DEFAULT_UNDEFINED_FUNCTIONS, GREEK_CHARS
from derive.parse.operators import Operator, find_operator, match_operator
from derive.parse.pratt import CLOSERS, OPENERS, Parser
from derive.parse.readings import READING_KINDS, Reading
from derive.parse.tokens import COMMA, CONST, END, EQUALS, FUNC, LPAREN, NAME, RPAREN, \
    SEMICOLON, Token, tokenize

__all__ = [
    "MAX_DEPTH", "MAX_LENGTH", "READING_KINDS", "IndexSyntax", "Operator", "Parsed",
    "ParseError", "Reading", "parse", "parse_equation", "parse_variable",
]

MAX_VARIABLE_LENGTH = 100


@dataclass(frozen=True)
class Parsed:
    """The result of reading one input."""

    text: str                      # the input as given
    expr: sympy.Expr
    readings: tuple[Reading, ...]  # decisions the user should see, in order of appearance
    functions: tuple[str, ...]     # names of the undefined functions used (f, g, declared ones)
    operator: Operator | None = None  # a derivative operator written first (d/dx …)
    sides: tuple | None = None     # an equation's (lhs, rhs), each as read


def parse(text: str, *, functions: Iterable[str] = (), latex: bool | None = None,
          indices: IndexSyntax | None = None, operators: bool = False) -> Parsed:
    """Read one expression.  A leading ``f(x)=`` / ``y=`` definition is dropped (a Reading
    says so); any other ``=`` is an error — use :func:`parse_equation` for equations.

    ``functions`` names extra undefined functions (``phi`` makes ``phi(x)`` a function);
    ``latex=None`` reads LaTeX when the text contains a backslash; ``indices`` turns on the
    index syntax (entries ``z_j``, ``sum(expr, k)``, the length ``n``: :mod:`.indices`).
    With ``operators``, a derivative operator may come first (``d/dx x^2``,
    ``\\frac{d^2}{dx^2}(…)``, ``∂/∂y …``, ``y = x^3; dy/dx``): the result's ``operator`` holds
    it and ``expr`` is what it applies to; without, an operator is an error.
    """
    return _run(_parse, text, functions, latex, (indices, operators))


def parse_equation(text: str, *, functions: Iterable[str] = (), latex: bool | None = None
                   ) -> Parsed:
    """Read an equation ``lhs = rhs`` as the expression ``lhs - rhs`` (for implicit
    differentiation: ``e^(xy)+ye^y=1`` gives ``exp(x*y) + y*exp(y) - 1``); ``sides`` keeps
    ``(lhs, rhs)``."""
    return _run(_parse_equation, text, functions, latex, None)


def parse_variable(text: str, *, indices: IndexSyntax | None = None) -> sympy.Expr:
    """Read one variable name: ``x``, ``x1``, ``x_1``, ``z_i``, ``θ``, ``theta``, ``\\theta``;
    with ``indices``, ``z_i`` is the entry i of the vector z."""
    if not isinstance(text, str):
        raise ParseError("variable.not_text")
    if not text.strip():
        raise ParseError("variable.empty", text, 0, "hint.variable_name")
    if len(text) > MAX_VARIABLE_LENGTH:
        raise ParseError("variable.too_long", text, MAX_VARIABLE_LENGTH)
    tokens, _ = tokenize(text, "\\" in text)
    first = tokens[0]
    if first.kind == NAME and tokens[1].kind == END:
        if indices is not None:
            return Parser(text, tokens, False, indices).indexed_name(first)
        return sympy.Symbol(first.value)
    if first.kind == CONST:
        shown = text[first.pos:first.end]
        raise ParseError("variable.constant", text, first.pos, name=shown)
    if first.kind == FUNC and tokens[1].kind == END:
        raise ParseError("variable.function", text, first.pos, name=text.strip())
    bad = tokens[1] if first.kind == NAME else first
    hint = "hint.did_you_mean" if first.kind == NAME else "hint.variable_forms"
    raise ParseError("variable.not_single", text, bad.pos, hint, name=text.strip(),
                     guess=first.value)


# -- implementation ----------------------------------------------------------------------

def _run(work, text, functions, latex, indices) -> Parsed:
    if not isinstance(text, str):
        raise ParseError("parse.not_text")
    if len(text) > MAX_LENGTH:
        raise ParseError("parse.too_long", text, MAX_LENGTH, length=len(text), limit=MAX_LENGTH)
    undefined = frozenset(DEFAULT_UNDEFINED_FUNCTIONS) | _function_names(functions, text)
    use_latex = "\\" in text if latex is None else bool(latex)
    return run_deep(work, text, undefined, use_latex, indices)


def _function_names(functions: Iterable[str], text: str) -> frozenset[str]:
    names = set()
    for name in functions:
        name = GREEK_CHARS.get(name, name) if isinstance(name, str) else name
        if not isinstance(name, str) or not (name.isascii() and name.isidentifier()) \
                or name.startswith("_"):
            raise ParseError("parse.function_name", text, 0, "hint.function_name", name=repr(name))
        names.add(name)
    return frozenset(names)


def _parse(text: str, undefined: frozenset[str], latex: bool,
           options: tuple[IndexSyntax | None, bool]) -> Parsed:
    indices, operators = options
    tokens, readings = tokenize(text, latex, undefined, CALLS if indices is not None else None)
    found = find_operator(text, tokens)
    if found is None:
        return _parse_tokens(text, tokens, readings, latex, indices)
    k, operator, after = found
    shown = text[operator.start:operator.end]
    if not operators:
        raise ParseError("operator.not_here", text, operator.start, "hint.operator_commands",
                         operator=shown)
    parts = _parts(tokens)
    if len(parts) == 2 and operator.function is not None:
        return _defined_operand(text, parts, readings, latex, indices)
    if k != 0:
        raise ParseError("operator.not_first", text, operator.start, "hint.operator_first",
                         operator=shown)
    if operator.function is not None:
        raise ParseError("operator.needs_function", text, operator.start,
                         "hint.operator_define", operator=shown, function=operator.function,
                         plain=operator.plain(),
                         bare=operator.plain().replace(operator.function, ''))
    operand = tokens[after:]
    if operand[0].kind == END:
        raise ParseError("operator.nothing", text, operator.end, "hint.operator_operand",
                         operator=shown)
    again = find_operator(text, operand)
    if again is not None:
        raise ParseError("operator.twice", text, again[1].start, "hint.operator_single")
    return _operated(text, operator, _parse_tokens(text, operand, _outside(readings, operator),
                                                   latex, indices))


def _outside(readings, operator: Operator) -> list:
    """The tokenizer's readings but those inside the operator (its ``dx`` is no product)."""
    return [(pos, r) for pos, r in readings if not operator.start <= pos < operator.end]


def _operated(text: str, operator: Operator, parsed: Parsed) -> Parsed:
    """``parsed`` with its operator, and the reading that says what the operator applies to."""
    shown = " ".join(text[operator.start:operator.end].split())
    reading = Reading("derivative_operator", f"{shown} -> {operator.plain(sympy.sstr(parsed.expr))}")
    return replace(parsed, operator=operator, readings=(reading, *parsed.readings))


def _parts(tokens: list[Token]) -> list[list[Token]]:
    """The token list split at each `,` or `;` outside brackets; each part ends with END."""
    parts, current, depth = [], [], 0
    for token in tokens:
        if token.kind in OPENERS:
            depth += 1
        elif token.kind in CLOSERS:
            depth -= 1
        if token.kind in (COMMA, SEMICOLON) and depth == 0 or token.kind == END:
            parts.append(current + [Token(END, None, token.pos, token.pos)])
            current = []
        else:
            current.append(token)
    return parts


def _defined_operand(text, parts, readings, latex, indices) -> Parsed:
    """``y = x^3; d^2y/dx^2`` or ``dy/dx, y = …``: the derivative of the function defined."""
    for first, other in (parts, parts[::-1]):
        found = match_operator(text, first, 0)
        if found is not None and found[0].function is not None:
            operator, after = found
            break
    else:
        raise ParseError("operator.twice", text, parts[1][0].pos)
    shown = text[operator.start:operator.end]
    if first[after].kind != END:
        raise ParseError("operator.followed", text, first[after].pos, "hint.operator_alone",
                         operator=shown, plain=operator.plain())
    equals = [token for token in other if token.kind == EQUALS]
    head = other[:other.index(equals[0])] if len(equals) == 1 else []
    if not _is_definition_head(head):
        if equals:
            equation = text[other[0].pos:other[-1].pos].strip()
            raise ParseError("operator.equation", text, other[0].pos, "hint.use_implicit",
                             operator=shown, equation=equation)
        raise ParseError("operator.needs_function", text, other[0].pos,
                         "hint.define_function", operator=shown, function=operator.function)
    if head[0].value != operator.function:
        raise ParseError("operator.other_function", text, head[0].pos,
                         "hint.define_function", operator=shown, function=operator.function,
                         other=head[0].value)
    return _operated(text, operator, _parse_tokens(text, other, _outside(readings, operator),
                                                   latex, indices))


def _parse_tokens(text, tokens, readings, latex, indices) -> Parsed:
    equals = [token for token in tokens if token.kind == EQUALS]
    if len(equals) > 1:
        raise ParseError("parse.several_equals", text, equals[1].pos, "hint.one_expression")
    if equals:
        split = tokens.index(equals[0])
        if not _is_definition_head(tokens[:split]):
            raise ParseError("parse.unexpected_equals", text, equals[0].pos,
                             "hint.equation_needs_implicit")
        readings.append((tokens[0].pos, Reading("definition",
                                                text[tokens[0].pos:equals[0].end])))
        tokens = tokens[split + 1:]
        if tokens[0].kind == END:
            raise ParseError("parse.nothing_after_equals", text, len(text))
    parser = Parser(text, tokens, latex, indices)
    expr = _checked(parser.parse(), text)
    return _result(text, expr, readings + parser.readings, parser.functions)


def _parse_equation(text: str, undefined: frozenset[str], latex: bool, indices: None) -> Parsed:
    tokens, readings = tokenize(text, latex, undefined)
    equals = [token for token in tokens if token.kind == EQUALS]
    if len(equals) != 1:
        where = equals[1].pos if equals else len(text)
        raise ParseError("equation.one_equals", text, where)
    split = tokens.index(equals[0])
    if split == 0:
        raise ParseError("equation.nothing_before", text, equals[0].pos)
    left = Parser(text, tokens[:split] + [Token(END, None, equals[0].pos, equals[0].pos)],
                  latex)
    lhs = left.parse()
    right = Parser(text, tokens[split + 1:], latex)
    if right.at(END):
        raise ParseError("parse.nothing_after_equals", text, len(text))
    rhs = right.parse()
    expr = _checked(sympy.Add(lhs, -rhs), text)
    functions = left.functions + [f for f in right.functions if f not in left.functions]
    parsed = _result(text, expr, readings + left.readings + right.readings, functions)
    return replace(parsed, sides=(lhs, rhs))


def _is_definition_head(tokens: list[Token]) -> bool:
    """``y``, ``f(x)``, ``F(x,y,θ)``: a name, optionally with a parenthesised list of names."""
    kinds = [token.kind for token in tokens]
    if kinds == [NAME]:
        return True
    if len(kinds) < 4 or kinds[:2] != [NAME, LPAREN] or kinds[-1] != RPAREN:
        return False
    inside = kinds[2:-1]
    return all(kind == (NAME if i % 2 == 0 else COMMA) for i, kind in enumerate(inside)) \
        and len(inside) % 2 == 1


def _checked(expr: sympy.Expr, text: str) -> sympy.Expr:
    if expr.has(S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity):
        raise ParseError("parse.undefined", text, 0)
    return expr


def _result(text, expr, readings, functions) -> Parsed:
    ordered = sorted(readings, key=lambda item: item[0])
    unique = tuple(dict.fromkeys(reading for _, reading in ordered))
    return Parsed(text=text, expr=expr, readings=unique, functions=tuple(functions))
