"""The width of MathML as a browser draws it, estimated from the glyphs (in em of the text).

Used only to decide where a displayed formula is broken (:mod:`derive.render.linebreak`), so it
errs on the wide side.  The figures are those of Latin Modern Math, the math font the HTML page
asks for first, with MathML Core's spacing: ``+``/``−`` take 2/9 em on each side, relations 5/18
em, scripts are drawn at 71% (50% from the second level down), and a fraction inside a fraction
(or any fraction in inline maths) is drawn at script size.  The browser tests
(``tests/test_html_browser.py``) draw the long formulas of the stress set and the textbook sheet
in Chromium and check that no element is wider than the page.

To account for a new element or glyph: a branch in :func:`_width` or an entry in
:data:`GLYPHS`.
"""

from __future__ import annotations

import unicodedata
from xml.dom.minidom import Element

GLYPHS = {
    # narrow and wide letters (italic); every other letter is LETTER wide
    **dict.fromkeys("ijlt", 0.36), **dict.fromkeys("frs", 0.45), **dict.fromkeys("mw", 0.85),
    **dict.fromkeys("MW", 1.0), **dict.fromkeys("ABCDEGHKNOPQRSUVXYZ", 0.78), "f": 0.5,
    "(": 0.39, ")": 0.39, "[": 0.28, "]": 0.28, "{": 0.5, "}": 0.5, "|": 0.28, ",": 0.28,
    ".": 0.28, "′": 0.3, "∂": 0.58, "∇": 0.83, "⋯": 1.2, "…": 1.0, "∑": 1.06, "∞": 1.0,
    "σ": 0.58, "δ": 0.46, "π": 0.58, "θ": 0.5, "λ": 0.6, "α": 0.65, "β": 0.58,
}
LETTER = 0.53          # an italic letter
UPRIGHT = 0.47         # a letter of a function name (sin, log)
DIGIT = 0.5
BINARY = 0.78 + 2 * 4 / 18          # + − with their spacing
RELATION = 0.78 + 2 * 5 / 18        # = ≠ ≤ → with theirs
DOT = 0.28 + 2 * 4 / 18             # ·
SCRIPT = 0.71
SCRIPT_MIN = 0.5
RADICAL = 0.85
FRACTION_PAD = 0.3
DISPLAY_SUM = 1.44

_BINARY = set("+−-±∓×÷")
_RELATION = set("=≠<>≤≥≈→⇒∈")


def text_width(text: str) -> float:
    """The width of text in the page's font, in em: Chinese characters 1 em, Latin about 0.5."""
    width = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            width += 1.0
        elif c == " ":
            width += 0.3
        else:
            width += GLYPHS.get(c, 0.55 if c.isupper() else 0.5)
    return width


def _glyphs(text: str, upright: bool) -> float:
    if len(text) > 1 and upright:
        return sum(GLYPHS.get(c, UPRIGHT) if not c.isalpha() else UPRIGHT for c in text)
    return sum(GLYPHS.get(c, DIGIT if c.isdigit() else LETTER) for c in text)


def _operator(text: str, first: bool) -> float:
    if text in ("\u2062", "\u2061", ""):
        return 0.0
    if text in _RELATION:
        return RELATION
    if text in _BINARY:
        return 0.85 if first else BINARY      # a prefix sign has no space before it
    if text == "·":
        return DOT
    if text == ",":
        return 0.28 + 3 / 18
    if text == "∑":
        return GLYPHS["∑"]
    return _glyphs(text, upright=True)


def _text(node: Element) -> str:
    return "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)


def _children(node: Element) -> list[Element]:
    return [c for c in node.childNodes if isinstance(c, Element)]


_TALL = {"mfrac", "msqrt", "mroot", "munderover", "munder", "mover", "mtable"}


def _height(node: Element) -> int:
    """How many levels taller than a line ``node`` is (brackets around it are stretched)."""
    inner = max((_height(c) for c in _children(node)), default=0)
    return inner + 1 if node.tagName in _TALL else inner


def width(node: Element, scale: float = 1.0, compact: bool = False) -> float:
    """The estimated width of MathML ``node`` in em (``compact``: inline or inside a fraction)."""
    return _width(node, scale, compact)


def _width(node: Element, scale: float, compact: bool) -> float:
    tag = node.tagName
    children = _children(node)
    if tag in ("mi", "mn"):
        text = _text(node)
        upright = tag == "mi" and (len(text) > 1 or node.getAttribute("mathvariant") == "normal")
        return scale * _glyphs(text, upright)
    if tag == "mo":
        return scale * _operator(_text(node), first=node.previousSibling is None)
    if tag == "mtext":
        return scale * text_width(_text(node))
    if tag == "mspace":
        return scale * float(node.getAttribute("width").rstrip("em") or 0)
    if tag in ("msup", "msub"):
        base, script = children
        return _width(base, scale, compact) + _width(script, _smaller(scale), True) + 0.05 * scale
    if tag == "msubsup":
        base, sub, sup = children
        small = _smaller(scale)
        return _width(base, scale, compact) + max(_width(sub, small, True),
                                                  _width(sup, small, True)) + 0.05 * scale
    if tag == "mfrac":
        inner = _smaller(scale) if compact else scale
        return max(_width(c, inner, True) for c in children) + FRACTION_PAD * scale
    if tag == "msqrt":
        return scale * RADICAL + sum(_width(c, scale, compact) for c in children) + 0.1 * scale
    if tag == "mroot":
        base, index = children
        return scale * RADICAL + _width(base, scale, compact) + 0.5 * _width(index, _smaller(scale), True)
    if tag in ("munderover", "munder", "mover"):
        base, *scripts = children
        if not compact and _text(base) == "∑":
            return max([scale * DISPLAY_SUM] + [_width(s, _smaller(scale), True) for s in scripts]) \
                + 0.17 * scale
        return _width(base, scale, compact) + max(_width(s, _smaller(scale), True) for s in scripts)
    if tag == "mtable":
        return max((_width(row, scale, compact) for row in children), default=0.0)
    if tag == "mtr":
        return sum(_width(cell, scale, compact) for cell in children)
    return _row(children, scale, compact)


def _row(children: list[Element], scale: float, compact: bool) -> float:
    tall = max((_height(c) for c in children), default=0)
    total = 0.0
    for child in children:
        total += _width(child, scale, compact)
        if tall and child.tagName == "mo" and _text(child) in "()[]{}|":
            total += (0.2 + 0.1 * tall) * scale    # stretched brackets have wide side bearings
    return total


def _smaller(scale: float) -> float:
    return max(scale * SCRIPT, SCRIPT_MIN) if scale > SCRIPT_MIN else scale


class Metrics:
    """:class:`derive.render.linebreak.Metrics` for displayed MathML printed by ``printer``."""

    def __init__(self, printer, compact: bool = False) -> None:
        self.printer = printer
        self.compact = compact
        self._known: dict = {}

    def width(self, expr) -> float:
        key = (type(expr), expr)
        try:
            known = key in self._known
        except TypeError:              # a mutable matrix: measured every time
            return _width(self.printer._print(expr), 1.0, self.compact)
        if not known:
            self._known[key] = _width(self.printer._print(expr), 1.0, self.compact)
        return self._known[key]

    def operator(self, op: str) -> float:
        if op in ("", "\u2062"):
            return 0.0
        return _operator(op, first=False)
