r"""The width of LaTeX mathematics as TeX (or KaTeX) sets it, estimated from the glyphs, in em.

Used only to decide where a displayed formula is broken (:mod:`derive.render.linebreak`), so it
errs on the wide side.  The LaTeX is read as TeX reads it — atoms of a class (ordinary,
operator, binary, relation, opening, closing, punctuation, inner) with TeX's spacing between
them (thin, medium and thick spaces of 3, 4 and 5 mu, the last two dropped in scripts) — and
each glyph has its Computer Modern width (KaTeX's fonts have the same metrics): italic letters
from ``cmmi10``, digits and upright letters from ``cmr10``.  Scripts are set at 70% (50% from
the second level down), a fraction in display style sets its parts at full size and in text
style at 70%, ``\left``/``\right`` grow with what they enclose.  ``tests/test_texwidth.py``
typesets a set of formulas with TeX, reads their real widths and checks that the estimates
stay close and are never short by much.

:class:`TexMetrics` is the :class:`derive.render.linebreak.Metrics` of LaTeX printed by
:func:`derive.render.mathlatex.tex`.  To account for a new command: an entry in
:data:`SYMBOLS` (a glyph), a branch in :meth:`_Reader.atom` (a construction).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ORD, OP, BIN, REL, OPEN, CLOSE, PUNCT, INNER = range(8)

# TeX's spacing table (The TeXbook, chapter 18): 1 thin, 2 medium, 3 thick; negative: only in
# display and text style; "*" (a binary after a binary) cannot happen once binaries are fixed
_SPACING = [
    # Ord Op  Bin Rel Open Close Punct Inner
    [0, 1, -2, -3, 0, 0, 0, -1],          # Ord
    [1, 1, 0, -3, 0, 0, 0, -1],           # Op
    [-2, -2, 0, 0, -2, 0, 0, -2],         # Bin
    [-3, -3, 0, 0, -3, 0, 0, -3],         # Rel
    [0, 0, 0, 0, 0, 0, 0, 0],             # Open
    [0, 1, -2, -3, 0, 0, 0, -1],          # Close
    [-1, -1, 0, -1, -1, -1, -1, -1],      # Punct
    [-1, 1, -2, -3, -1, 0, -1, -1],       # Inner
]
_MU = {1: 3 / 18, 2: 4 / 18, 3: 5 / 18}

# cmmi10 italic letters (em); capitals not listed are 0.75
ITALIC = {
    "a": .529, "b": .429, "c": .433, "d": .520, "e": .466, "f": .490, "g": .477, "h": .576,
    "i": .345, "j": .412, "k": .521, "l": .298, "m": .878, "n": .600, "o": .485, "p": .503,
    "q": .446, "r": .451, "s": .469, "t": .361, "u": .572, "v": .485, "w": .716, "x": .572,
    "y": .490, "z": .465, "A": .750, "B": .759, "C": .715, "D": .828, "E": .738, "F": .643,
    "G": .786, "H": .831, "I": .440, "J": .555, "K": .849, "L": .681, "M": .970, "N": .803,
    "O": .763, "P": .642, "Q": .791, "R": .759, "S": .613, "T": .584, "U": .683, "V": .583,
    "W": .944, "X": .828, "Y": .581, "Z": .683,
}
# cmr10 upright letters (function names, \text, \mathrm); others 0.5
UPRIGHT = {
    "a": .5, "b": .556, "c": .444, "d": .556, "e": .444, "f": .306, "g": .5, "h": .556,
    "i": .278, "j": .306, "k": .528, "l": .278, "m": .833, "n": .556, "o": .5, "p": .556,
    "q": .528, "r": .392, "s": .394, "t": .389, "u": .556, "v": .528, "w": .722, "x": .528,
    "y": .528, "z": .444, " ": .333, ".": .278, ",": .278, ":": .278, ";": .278, "-": .333,
    "(": .389, ")": .389, "'": .278, "/": .5, "=": .778, "+": .778,
}

# command → (class, width in em)
SYMBOLS = {
    **{g: (ORD, w) for g, w in {
        r"\alpha": .640, r"\beta": .566, r"\gamma": .518, r"\delta": .444, r"\epsilon": .406,
        r"\varepsilon": .466, r"\zeta": .438, r"\eta": .497, r"\theta": .469, r"\iota": .354,
        r"\kappa": .576, r"\lambda": .583, r"\mu": .603, r"\nu": .494, r"\xi": .438,
        r"\pi": .570, r"\rho": .517, r"\sigma": .571, r"\tau": .437, r"\upsilon": .540,
        r"\phi": .596, r"\varphi": .654, r"\chi": .626, r"\psi": .651, r"\omega": .622,
        r"\Gamma": .625, r"\Delta": .833, r"\Theta": .778, r"\Lambda": .694, r"\Xi": .667,
        r"\Pi": .750, r"\Sigma": .722, r"\Phi": .722, r"\Psi": .778, r"\Omega": .722,
        r"\partial": .566, r"\nabla": .833, r"\infty": 1.0, r"\top": .778, r"\prime": .275,
        r"\ell": .417, r"\hbar": .540, r"\emptyset": .5, r"\checkmark": .833,
        r"\surd": .833, r"\triangleright": .778, r"\bullet": .5, r"\mid": .278,
        "|": .278, r"\|": .5, "/": .5, "'": .275, "!": .278, "?": .472, ".": .278,
    }.items()},
    **{r: (REL, w) for r, w in {
        "=": .778, "<": .778, ">": .778, r"\neq": .778, r"\ne": .778, r"\leq": .778,
        r"\le": .778, r"\geq": .778, r"\ge": .778, r"\approx": .778, r"\equiv": .778,
        r"\sim": .778, r"\to": 1.0, r"\rightarrow": 1.0, r"\Rightarrow": 1.0, r"\in": .667,
        r"\mapsto": 1.0, ":": .278,
    }.items()},
    **{b: (BIN, w) for b, w in {
        "+": .778, "-": .778, r"\cdot": .278, r"\times": .778, r"\pm": .778, r"\mp": .778,
        r"\circ": .5, r"\setminus": .5,
    }.items()},
    "(": (OPEN, .389), ")": (CLOSE, .389), "[": (OPEN, .278), "]": (CLOSE, .278),
    r"\{": (OPEN, .5), r"\}": (CLOSE, .5), r"\lbrace": (OPEN, .5), r"\rbrace": (CLOSE, .5),
    ",": (PUNCT, .278), ";": (PUNCT, .278),
    r"\ldots": (INNER, 1.172), r"\dots": (INNER, 1.172), r"\cdots": (INNER, 1.172),
    r"\vdots": (ORD, .278), r"\ddots": (INNER, 1.172),
}
SPACES = {r"\,": 3 / 18, r"\:": 4 / 18, r"\>": 4 / 18, r"\;": 5 / 18, r"\!": -3 / 18,
          r"\ ": .333, "~": .333, r"\quad": 1.0, r"\qquad": 2.0, r"\enspace": .5}
# operators named in upright letters (\sin x): class Op
FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "sech",
             "csch", "arcsin", "arccos", "arctan", "log", "ln", "exp", "det", "lim", "max",
             "min", "sup", "inf", "arg", "deg", "dim", "gcd", "ker", "lg", "Pr"}
LARGE = {r"\sum": (1.444, 1.056), r"\prod": (1.278, .944), r"\int": (.556, .417)}
IGNORED = {r"\displaystyle", r"\textstyle", r"\limits", r"\nolimits", r"\nonumber",
           r"\notag", r"\allowbreak", r"\left", r"\right", r"\mathrlap", r"\phantom"}
TEXT_COMMANDS = {r"\text", r"\textrm", r"\textbf", r"\textit", r"\mathrm", r"\operatorname",
                 r"\mathbf", r"\mbox", r"\textup"}
DELIMITERS = (.389, .458, .597, .736, .875)     # ( at normal size, \big, \Big, \bigg, \Bigg
NULL_DELIMITER = .12                            # \nulldelimiterspace on each side of a fraction
SCRIPT_SPACE = .05
RADICAL = .833
BOX = .68                                       # \boxed: \fboxsep and \fboxrule on both sides
CASES_GAP = 1.0                                 # the \quad between a value and its condition
SCRIPT, SCRIPTSCRIPT = .8, .65      # 7 pt and 5 pt glyphs are wider than scaled 10 pt ones

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|[{}^_&]|\s+|[^\\{}^_&\s]")


@dataclass
class _Box:
    """What a formula or part of it adds up to: its width, its class, how tall it is (0 a line
    of text, 1 with scripts or a small fraction, 2 a displayed fraction, …)."""

    width: float
    kind: int = ORD
    height: int = 0


class _Reader:
    def __init__(self, latex: str) -> None:
        self.tokens = [t for t in _TOKEN.findall(latex)]
        self.i = 0

    def peek(self) -> str | None:
        while self.i < len(self.tokens) and self.tokens[self.i].isspace():
            self.i += 1
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str | None:
        token = self.peek()
        self.i += token is not None
        return token

    def argument(self) -> str:
        """The raw text of the next group (or token)."""
        token = self.take()
        if token != "{":
            return token or ""
        depth, start = 1, self.i
        while self.i < len(self.tokens) and depth:
            depth += {"{": 1, "}": -1}.get(self.tokens[self.i], 0)
            self.i += 1
        return "".join(self.tokens[start:self.i - 1])

    # --- a list of atoms -------------------------------------------------------------------

    def row(self, scale: float, display: bool, stop: tuple[str, ...] = ()) -> _Box:
        atoms: list[_Box] = []
        while (token := self.peek()) is not None and token not in stop:
            if token in ("^", "_"):
                self.scripts(atoms, scale)
                continue
            atom = self.atom(scale, display)
            if atom is not None:
                atoms.append(atom)
        return _spaced(atoms, scale, display or scale == 1.0)

    def scripts(self, atoms: list[_Box], scale: float) -> None:
        base = atoms.pop() if atoms else _Box(0.0)
        widths = []
        while self.peek() in ("^", "_"):
            self.take()
            small = SCRIPTSCRIPT if scale <= SCRIPT else SCRIPT
            widths.append(_Reader(self.argument()).row(small, False).width + SCRIPT_SPACE * scale)
        limits = base.kind == OP and base.height >= 2        # \sum with limits in display style
        if limits:
            atoms.append(_Box(max([base.width, *widths]), OP, 3))
        else:
            atoms.append(_Box(base.width + max(widths), base.kind, max(base.height, 1)))

    def atom(self, scale: float, display: bool) -> _Box | None:
        token = self.take()
        if token == "{":
            self.i -= 1
            inner = _Reader(self.argument()).row(scale, display)
            return _Box(inner.width, ORD, inner.height)
        if token in SPACES:
            return _Box(SPACES[token] * scale, -1)
        if token in IGNORED or token in ("&", "}"):
            return None
        if token == r"\\":
            return None
        if token in SYMBOLS:
            kind, width = SYMBOLS[token]
            return _Box(width * scale, kind)
        if token == r"\frac" or token == r"\dfrac" or token == r"\tfrac":
            inner = scale if (display or token == r"\dfrac") and token != r"\tfrac" else \
                (SCRIPTSCRIPT if scale <= SCRIPT else SCRIPT)
            top = _Reader(self.argument()).row(inner, False)
            bottom = _Reader(self.argument()).row(inner, False)
            tall = 2 if inner == scale else 1
            return _Box(max(top.width, bottom.width) + 2 * NULL_DELIMITER * scale, INNER,
                        tall + max(top.height, bottom.height))
        if token == r"\sqrt":
            index = 0.0
            if self.peek() == "[":
                self.take()
                text = []
                while (t := self.take()) not in ("]", None):
                    text.append(t)
                index = _Reader("".join(text)).row(SCRIPTSCRIPT, False).width
            body = _Reader(self.argument()).row(scale, display)
            return _Box(RADICAL * scale + body.width + max(0.0, index - .3 * scale), ORD,
                        body.height + 1)
        if token in LARGE:
            shown, inline = LARGE[token]
            return _Box((shown if display else inline) * scale, OP, 2 if display else 1)
        if token in TEXT_COMMANDS:
            text = self.argument()
            upright = token in (r"\operatorname", r"\mathrm")
            width = (_Reader(text).upright(scale) if upright else text_width(_plain(text)) * scale)
            return _Box(width, OP if token == r"\operatorname" else ORD)
        if token == r"\boxed":
            inner = _Reader(self.argument()).row(scale, display)
            return _Box(inner.width + BOX * scale, ORD, inner.height + 1)
        if token in (r"\left", r"\right") or token.startswith((r"\big", r"\Big")):
            return self.delimiter(token, scale)
        if token == r"\begin":
            return self.environment(self.argument(), scale)
        if token in (r"\hat", r"\bar", r"\tilde", r"\vec", r"\dot", r"\ddot", r"\overline",
                     r"\mathit", r"\boldsymbol", r"\mathcal", r"\mathbb"):
            inner = _Reader(self.argument()).row(scale, display)
            return _Box(inner.width, ORD, inner.height)
        if token in (r"\hspace", r"\hspace*"):
            return _Box(_length(self.argument()) * scale, -1)
        if token.startswith("\\") and token[1:] in FUNCTIONS:
            return _Box(sum(UPRIGHT.get(c, .5) for c in token[1:]) * scale, OP)
        if token.startswith("\\"):
            return _Box(.8 * scale)                  # an unknown command: a wide glyph
        if token.isdigit():
            return _Box(.5 * scale)
        if token in ITALIC:
            return _Box(ITALIC[token] * scale)
        return _Box(text_width(token) * scale)

    def upright(self, scale: float) -> float:
        return sum(UPRIGHT.get(c, .5) for c in _plain("".join(self.tokens))) * scale

    def delimiter(self, token: str, scale: float) -> _Box:
        """``\\left( … \\right)`` as one inner atom; ``\\bigl(`` as an opening of \\big size."""
        if token.startswith(("\\big", "\\Big")):
            size = 2 if token.startswith("\\Big") else 1
            size += token.startswith(("\\bigg", "\\Bigg")) * 2
            glyph = self.take()
            kind = OPEN if token.endswith("l") else CLOSE if token.endswith("r") else ORD
            return _Box(DELIMITERS[min(size, 4)] * scale if glyph != "." else 0.0, kind)
        if token == r"\right":          # an unmatched \right: its delimiter
            self.take()
            return _Box(DELIMITERS[0] * scale, CLOSE)
        opening = self.take()
        depth, start = 1, self.i
        while self.i < len(self.tokens):
            t = self.tokens[self.i]
            depth += (t == r"\left") - (t == r"\right")
            if depth == 0:
                break
            self.i += 1
        inside = _Reader("".join(self.tokens[start:self.i])).row(scale, scale == 1.0)
        self.i += 1
        closing = self.take()
        size = DELIMITERS[min(inside.height, 4)] * scale
        sides = sum(NULL_DELIMITER * scale if d == "." else size for d in (opening, closing))
        return _Box(inside.width + sides, INNER, inside.height)

    def environment(self, name: str, scale: float) -> _Box:
        """``cases`` (a brace, values, a quad, conditions), ``aligned``/``matrix`` (rows)."""
        body_start = self.i
        depth = 1
        while self.i < len(self.tokens):
            t = self.tokens[self.i]
            if t in (r"\begin", r"\end"):
                depth += 1 if t == r"\begin" else -1
                if depth == 0:
                    break
            self.i += 1
        body = "".join(self.tokens[body_start:self.i])
        self.i += 1
        self.argument()
        rows = [[cell for cell in row.split("&")] for row in re.split(r"\\\\", body)]
        columns = max(len(r) for r in rows)
        widths = [max((_Reader(r[c]).row(scale, name != "cases").width if c < len(r) else 0.0)
                      for r in rows) for c in range(columns)]
        if name == "cases":
            return _Box(.889 * scale + sum(widths) + CASES_GAP * scale * (columns - 1), INNER,
                        len(rows))
        if name.endswith("matrix"):
            return _Box(sum(widths) + scale * (columns - 1) + 2 * DELIMITERS[3] * scale, INNER,
                        len(rows))
        return _Box(sum(widths), ORD, 2 * len(rows))


def _plain(text: str) -> str:
    """The characters of text-mode LaTeX (commands and braces dropped, ``\\ `` a space)."""
    text = re.sub(r"\$[^$]*\$", lambda m: "x" * max(1, len(m.group(0)) // 2), text)
    text = re.sub(r"\\[A-Za-z]+\s?|[{}]", "", text)
    return text.replace("\\", "")


def _length(text: str) -> float:
    match = re.match(r"([\d.]+)\s*(em|pt)", text)
    if not match:
        return 0.0
    value = float(match.group(1))
    return value if match.group(2) == "em" else value / 10


def text_width(text: str) -> float:
    """The width of text in em: Chinese characters 1 em, Latin letters their ``cmr10`` width."""
    width = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            width += 1.0
        elif c.isdigit():
            width += .5
        else:
            width += UPRIGHT.get(c.lower(), .5) * (1.25 if c.isupper() else 1.0)
    return width


def _spaced(atoms: list[_Box], scale: float, wide: bool) -> _Box:
    """The atoms set side by side with TeX's spaces between them."""
    kinds = _fix_binaries([a.kind for a in atoms])
    width, previous, height = 0.0, None, 0
    for atom, kind in zip(atoms, kinds):
        width += atom.width
        height = max(height, atom.height)
        if kind < 0:                       # explicit space: no atom
            continue
        if previous is not None:
            space = _SPACING[previous][kind]
            if space > 0 or (space < 0 and wide):
                width += _MU[abs(space)] * scale
        previous = kind
    first = next((k for k in kinds if k >= 0), ORD)
    return _Box(width, first if len(atoms) == 1 else ORD, height)


def _fix_binaries(kinds: list[int]) -> list[int]:
    """A binary operator with nothing to combine on either side is an ordinary atom (``-x``)."""
    fixed = list(kinds)
    real = [k for k, kind in enumerate(fixed) if kind >= 0]
    for n, k in enumerate(real):
        if fixed[k] != BIN:
            continue
        before = fixed[real[n - 1]] if n else None
        after = fixed[real[n + 1]] if n + 1 < len(real) else None
        if before in (None, BIN, OP, REL, OPEN, PUNCT) or after in (None, REL, CLOSE, PUNCT):
            fixed[k] = ORD
    return fixed


def width(latex: str, display: bool = True) -> float:
    """The estimated width of the LaTeX mathematics ``latex`` in em (``display``: display
    style, as in ``align*``; else text style, as in ``$…$``)."""
    return _Reader(latex).row(1.0, display).width


# the width of an operator between two pieces of a broken formula, with its spaces
OPERATORS = {"=": .778 + 2 * 5 / 18, "+": .778 + 2 * 4 / 18, "−": .778 + 2 * 4 / 18,
             "·": 3 / 18, "": 0.0, "=−": .778 + 2 * 5 / 18 + .778,
             "(": DELIMITERS[1], ")": DELIMITERS[1], "((": 2 * DELIMITERS[1],
             "))": 2 * DELIMITERS[1]}


class TexMetrics:
    """:class:`derive.render.linebreak.Metrics` for LaTeX printed by ``printer`` (a function
    from a sympy object to LaTeX), in em, in display style unless ``display`` is false."""

    def __init__(self, printer, display: bool = True) -> None:
        self.printer = printer
        self.display = display
        self._known: dict = {}

    def width(self, expr) -> float:
        try:
            return self._known[expr]
        except KeyError:
            pass
        except TypeError:                   # unhashable (a mutable matrix)
            return width(self.printer(expr), self.display)
        self._known[expr] = width(self.printer(expr), self.display)
        return self._known[expr]

    def operator(self, op: str) -> float:
        return OPERATORS.get(op, OPERATORS["="])
