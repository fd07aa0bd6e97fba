r"""Drawing a :class:`~derive.narrate.document.Graph` and laying out a
:class:`~derive.narrate.document.Table`, for every renderer.

* :func:`tree_lines` — the graph as a tree from its root (the loss): each node under the nodes it
  feeds, its edge's label first; a node met a second time is marked and not expanded again;
* :func:`mermaid` — a Mermaid ``flowchart LR`` (GitHub, Obsidian, Typora, JupyterLab draw it);
* :func:`tikz` — a TikZ picture, inputs on the left, one column per layer (:func:`places`);
* :func:`svg` — an SVG picture for a web page, laid out as the TikZ one;
* :func:`grid` — a table's rows as lines of aligned columns (plain text).

Each takes the function that turns inline parts into the format's text, so the renderers keep
their own escaping and mathematics.  To draw graphs in another format, add a function here.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Iterator

from ..narrate.document import Graph, GraphEdge, GraphNode, Parts
from .mathwidth import text_width
from .textbreak import columns

Text = Callable[[Parts], str]


def tree_lines(graph: Graph) -> Iterator[tuple[int, GraphNode, GraphEdge | None, bool]]:
    """``(depth, node, edge into its parent, met before)`` in reading order, without
    recursion."""
    seen: set[str] = set()
    stack: list[tuple[int, str, GraphEdge | None]] = [(0, graph.root, None)]
    while stack:
        depth, name, edge = stack.pop()
        again = name in seen
        seen.add(name)
        yield depth, graph.node(name), edge, again
        if not again:
            stack.extend((depth + 1, e.source, e) for e in reversed(graph.inputs_of(name)))


def tree_text(graph: Graph, text: Text) -> list[tuple[int, str]]:
    """Each line of the tree as ``(depth, content)``: ``[edge] node  adjoint``."""
    out = []
    for depth, node, edge, again in tree_lines(graph):
        pieces = [f"[{text(edge.parts)}]"] if edge is not None and edge.parts else []
        pieces.append(text(node.parts))
        if node.adjoint:
            pieces.append(text(node.adjoint))
        if again and graph.again:
            pieces.append(text(graph.again))
        out.append((depth, "  ".join(pieces)))
    return out


def _mermaid_label(label: str) -> str:
    return label.replace('"', "#quot;")


def mermaid(graph: Graph, text: Text) -> str:
    """A Mermaid flowchart from the inputs (left) to the loss (right)."""
    lines = ["flowchart LR"]
    for node in graph.nodes:
        label = text(node.parts) + ("<br/>" + text(node.adjoint) if node.adjoint else "")
        lines.append(f'  {node.name}["{_mermaid_label(label)}"]')
    for edge in graph.edges:
        arrow = f'-->|"{_mermaid_label(text(edge.parts))}"|' if edge.parts else "-->"
        lines.append(f"  {edge.source} {arrow} {edge.target}")
    return "\n".join(lines)


COLUMN_SEP_CM = 2.8     # between layers, room for an edge's label
ROW_SEP_CM = 0.6        # between the nodes of a layer


def places(graph: Graph) -> dict[str, tuple[int, int]]:
    """Each node's ``(column, row)``: its layer, and its place among the nodes of that layer
    (the nodes computed from others first, then the inputs)."""
    rows: dict[int, int] = {}
    place: dict[str, tuple[int, int]] = {}
    feeds = {edge.source for edge in graph.edges}
    for node in sorted(graph.nodes, key=lambda n: not graph.inputs_of(n.name) and n.name in feeds):
        row = rows.get(node.layer, 0)
        rows[node.layer] = row + 1
        place[node.name] = (node.layer, row)
    return place


def tikz(graph: Graph, text: Text) -> str:
    """A TikZ picture: a ``matrix`` with one column per layer (so each column is as wide as its
    widest node), the nodes computed from others first in each column, then the inputs; the
    edges labelled midway.  It is scaled down to the line width when it is wider."""
    place = places(graph)
    columns: dict[int, list] = {}
    for node in sorted(graph.nodes, key=lambda n: place[n.name][1]):
        columns.setdefault(node.layer, []).append(node)
    layers = range(min(columns), max(columns) + 1)
    height = max(len(c) for c in columns.values())
    rows = []
    for row in range(height):
        cells = []
        for layer in layers:
            column = columns.get(layer, [])
            if row < len(column):
                node = column[row]
                label = text(node.parts) + (r"\\ " + text(node.adjoint) if node.adjoint else "")
                cells.append(rf"\node[value] ({node.name}) {{{label}}};")
            else:
                cells.append("")
        rows.append(" \\& ".join(cells) + r" \\")
    lines = [r"\begin{tikzpicture}[every node/.style={font=\small},",
             r"  value/.style={draw, rounded corners, align=center, inner sep=3pt},",
             r"  local/.style={font=\scriptsize, fill=white, inner sep=1pt}]",
             rf"\matrix[column sep={COLUMN_SEP_CM:g}cm, row sep={ROW_SEP_CM:g}cm, "
             r"ampersand replacement=\&] {", *rows, "};"]
    for edge in graph.edges:
        label = f" node[local, midway] {{{text(edge.parts)}}}" if edge.parts else ""
        lines.append(rf"\draw[->] ({edge.source}) --{label} ({edge.target});")
    lines.append(r"\end{tikzpicture}")
    picture = "\n".join(lines)
    return ("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n"
            f"{picture}%\n}}")


SVG_FONT_PX = 14
SVG_ROW_PX = 64          # between the centres of two nodes of a layer
SVG_GAP_PX = 110         # between two columns of nodes, for the edges and their labels
SVG_PAD_PX = 8
SVG_LABEL_AT = 0.4       # where along an edge its label stands


def svg(graph: Graph, text: Text) -> str:
    """An SVG picture (HTML): one column per layer, as :func:`tikz`; ``text`` gives a label as
    plain unicode.  It scales down to the page's width (``max-width: 100%``) and takes its
    colours from the page's (``currentColor``)."""
    place = places(graph)
    labels = {n.name: [text(n.parts)] + ([text(n.adjoint)] if n.adjoint else [])
              for n in graph.nodes}
    box_w = {name: max(map(text_width, lines)) * SVG_FONT_PX + 2 * SVG_PAD_PX
             for name, lines in labels.items()}
    box_h = {name: len(lines) * SVG_FONT_PX * 1.3 + SVG_PAD_PX for name, lines in labels.items()}
    column_w = max(box_w.values())
    centre = {name: (column * (column_w + SVG_GAP_PX) + column_w / 2,
                     row * SVG_ROW_PX + SVG_ROW_PX / 2)
              for name, (column, row) in place.items()}
    width = (max(c for c, _ in place.values()) + 1) * (column_w + SVG_GAP_PX) - SVG_GAP_PX
    height = (max(r for _, r in place.values()) + 1) * SVG_ROW_PX
    out = [f'<svg class="graph" viewBox="0 0 {width:.0f} '
           f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
           f'font-size="{SVG_FONT_PX}">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
           'fill="currentColor"/></marker></defs>']
    for edge in graph.edges:
        (x1, y1), (x2, y2) = centre[edge.source], centre[edge.target]
        x1 += box_w[edge.source] / 2
        x2 -= box_w[edge.target] / 2
        out.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                   f'stroke="currentColor" marker-end="url(#arrow)"/>')
        if edge.parts:
            # nearer the source, where the edges of a node with many inputs are still apart
            x, y = x1 + SVG_LABEL_AT * (x2 - x1), y1 + SVG_LABEL_AT * (y2 - y1)
            out.append(f'<text class="edge" x="{x:.0f}" y="{y - 4:.0f}" '
                       f'text-anchor="middle">{escape(text(edge.parts))}</text>')
    for node in graph.nodes:
        x, y = centre[node.name]
        w, h = box_w[node.name], box_h[node.name]
        out.append(f'<rect x="{x - w / 2:.0f}" y="{y - h / 2:.0f}" width="{w:.0f}" '
                   f'height="{h:.0f}" rx="5" class="node"/>')
        lines = labels[node.name]
        for k, line in enumerate(lines):
            dy = (k - (len(lines) - 1) / 2) * SVG_FONT_PX * 1.3 + SVG_FONT_PX * 0.35
            out.append(f'<text x="{x:.0f}" y="{y + dy:.0f}" text-anchor="middle">'
                       f"{escape(line)}</text>")
    out.append("</svg>")
    return "\n".join(out)


def grid(header: list[str], rows: list[list[str]], rule: str = "─") -> list[str]:
    """A table as aligned lines: the header, a rule under it, the rows."""
    widths = [max(columns(cell) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell + " " * (w - columns(cell)) for cell, w in zip(cells, widths)).rstrip()

    return [line(header), "  ".join(rule * w for w in widths), *(line(r) for r in rows)]


def tree_leads(depths: list[int]) -> list[tuple[str, str]]:
    """For lines at ``depths`` (a tree in reading order), the lead of each line (``├─ ``,
    ``└─ `` after the guides of its ancestors) and the lead of its wrapped continuation."""
    last = []
    for k, depth in enumerate(depths):
        following = next((d for d in depths[k + 1:] if d <= depth), None)
        last.append(following is None or following < depth)
    out, open_levels = [], []          # open_levels[k]: the ancestor at depth k+1 has siblings below
    for depth, is_last in zip(depths, last):
        del open_levels[max(depth - 1, 0):]
        guides = "".join("│  " if more else "   " for more in open_levels)
        if depth == 0:
            out.append(("", ""))
        else:
            out.append((guides + ("└─ " if is_last else "├─ "), guides + ("   " if is_last else "│  ")))
            open_levels.append(not is_last)
    return out
