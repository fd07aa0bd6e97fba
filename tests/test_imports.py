"""The import graph of derive: no cycle between modules or between packages, and imports inside
functions only where start-up needs them (listed in ``derive._LAZY_IMPORTS``).

The graph is read from the source (``ast``), so it holds every import, those inside functions
included.  Importing ``a.b.c`` also runs the packages ``a`` and ``a.b``: those are edges too,
except to a package that contains the importing module (Python has started it already).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import derive

PACKAGE = Path(derive.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(module: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The derive modules an import statement in ``module`` loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            package = module if _is_package(module) else module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module or ""
        # ``from package import submodule`` loads the submodule
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                 for alias in node.names]
    return sorted({name for name in names if name in MODULES})


def _loaded(module: str, target: str) -> list[str]:
    """``target`` and the packages above it that importing it runs, seen from ``module``."""
    parts = target.split(".")
    chain = [".".join(parts[:k]) for k in range(1, len(parts) + 1)]
    return [name for name in chain if name != module and not module.startswith(name + ".")]


def _imports() -> list[tuple[str, str, bool]]:
    """(importing module, imported module, inside a function) for every import statement."""
    found = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local = {id(node) for function in ast.walk(tree)
                 if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for node in ast.walk(function)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.extend((module, target, id(node) in local)
                             for target in _resolve(module, node))
    return found


def _cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan, without recursion)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


def _package(module: str) -> str:
    """``derive.narrate.narrator`` → ``derive.narrate``; a top-level module is its own package."""
    return ".".join(module.split(".")[:2])


IMPORTS = _imports()
#: (module, module it runs): every imported module and the packages above it
EDGES = {(module, loaded) for module, target, _ in IMPORTS for loaded in _loaded(module, target)}


def test_the_graph_is_read():
    """The scan finds the package's modules and their imports (including a known one)."""
    assert "derive.narrate.narrator" in MODULES and len(MODULES) > 50
    assert ("derive.narrate.narrator", "derive.narrate.document", False) in IMPORTS
    assert ("derive.derivation", "derive.render") in EDGES   # importing render.json runs render


def test_no_cycle_between_modules():
    """No module imports, directly or through others, a module that imports it."""
    assert _cycles(EDGES) == []


def test_no_cycle_between_packages():
    """The packages form layers: no package imports one that imports it back."""
    edges = {(_package(a), _package(b)) for a, b in EDGES if _package(a) != _package(b)}
    assert _cycles(edges) == []


def test_imports_inside_functions_are_the_listed_lazy_ones():
    """An import inside a function is there only to keep start-up small, and is listed."""
    local = {(a, b) for a, b, inside in IMPORTS if inside}
    listed = {(a, b) for a, targets in derive._LAZY_IMPORTS.items() for b in targets}
    assert sorted(local - listed) == [], "import inside a function, not listed as lazy"
    assert sorted(listed - local) == [], "listed as lazy, but not imported inside a function"


def test_the_cycle_finder_finds_cycles():
    """A check that cannot fail proves nothing: a made-up cycle is found."""
    assert _cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]


def test_derive_diff_starts_without_the_topics():
    """``derive diff`` loads neither the topics, nor the indexed engine, nor answer checking."""
    code = ("import sys; from typer.testing import CliRunner; from derive.cli import app; "
            "CliRunner().invoke(app, ['diff', 'sin(x^2)', '-f', 'text']); "
            "print(sorted(m for m in sys.modules if m.split('.')[:2] in "
            "(['derive', 'topics'], ['derive', 'indexed'], ['derive', 'checking'])))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=PACKAGE.parent, check=True)
    assert done.stdout.strip() == "[]"
