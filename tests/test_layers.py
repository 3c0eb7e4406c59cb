"""The package's dependencies run one way: no import cycle, and the layers keep to their side.

The import graph is read from the source with ``ast``: every ``import`` and ``from ... import``
counts, at module level or inside a function, except those under ``if TYPE_CHECKING:`` (they
never run). ``from PACKAGE import NAME`` is an import of the module ``PACKAGE.NAME`` when there
is one, of ``PACKAGE`` otherwise. Importing a module is not counted as importing its parent
packages (a package's ``__init__`` may re-export what is below it).

The allowed direction (docs/architecture.md): the core (``model``, ``errors``, ``text``,
``names``, ``orgnames``, ``gcpause``, ``terminal``) at the bottom; ``files/`` (reading and
writing the data) and ``analyses/`` (the answers) side by side above it, never importing each
other, except that an analysis may read ``files/format.py``, the declarative description of
the format (which fields are private), which imports only the model; ``map/``, ``io/`` and
``cli/`` above them.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graphnet"


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The graphnet modules ``name`` imports (at any depth of its code, TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "graphnet")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] == "graphnet":
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if sub in modules else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(name)
    return {m for m in found if m in modules}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (as a path that comes back to its start), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state:
                found = walk(other)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = walk(start)
            if found:
                return found
    return None


def test_the_reader_sees_imports_at_every_depth_and_skips_type_checking(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from ..model import ME\n"
        "from . import ties\n"
        "if TYPE_CHECKING:\n"
        "    from ..map import html\n"
        "def f():\n"
        "    from ..files.loader import load\n"
        "    import graphnet.errors\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    modules = _modules()
    found = _imports("graphnet.analyses.probe", path, modules)
    assert found == {"graphnet.model", "graphnet.analyses.ties", "graphnet.files.loader", "graphnet.errors"}
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_package_has_no_import_cycle() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_files_and_analyses_do_not_import_each_other() -> None:
    graph = _graph()
    crossing = []
    for name, imported in graph.items():
        for other in imported:
            if name.startswith("graphnet.files.") and other.startswith("graphnet.analyses."):
                crossing.append(f"{name} -> {other}")
            reading = name.startswith("graphnet.analyses.") and other.startswith("graphnet.files.")
            if reading and other != "graphnet.files.format":
                crossing.append(f"{name} -> {other}")
    assert crossing == []


def test_the_core_and_the_analyses_stay_below_the_interfaces() -> None:
    graph = _graph()
    upper = ("graphnet.cli", "graphnet.map", "graphnet.io")
    modules = _modules()
    core = {
        name for name, path in modules.items() if path.parent == PACKAGE and path.stem not in ("__init__", "__main__")
    }
    wrong = [
        f"{name} -> {other}"
        for name, imported in graph.items()
        if name.startswith(("graphnet.analyses.", "graphnet.files.")) or name in core
        for other in imported
        if other.startswith(upper)
    ]
    assert wrong == []
    # The core imports nothing above it.
    above = [
        f"{name} -> {other}"
        for name in core
        for other in graph[name]
        if other.startswith(("graphnet.files", "graphnet.analyses", *upper))
    ]
    assert above == []
