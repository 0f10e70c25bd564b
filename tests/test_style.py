"""The house style is checked like behaviour: ruff and mypy --strict, as configured in pyproject.toml."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Set

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_tool(module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed")
def test_ruff_is_clean():
    done = run_tool("ruff", "check", "src", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean():
    pytest.importorskip("mypy")
    done = run_tool("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


SOURCE = REPO / "src"


def _modules() -> Dict[str, Path]:
    found = {}
    for path in sorted((SOURCE / "polylint").rglob("*.py")):
        name = ".".join(path.relative_to(SOURCE).with_suffix("").parts)
        found[name[: -len(".__init__")] if name.endswith(".__init__") else name] = path
    return found


def _run_time_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`: an import that only names a type never runs."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))


def import_graph() -> Dict[str, Set[str]]:
    """Each polylint module -> the polylint modules it imports when it runs: at the top or in a function.
    `from package import name` counts as importing the submodule when name is one."""
    modules = _modules()
    graph: Dict[str, Set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: Set[str] = set()
        for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names if alias.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    if f"{base}.{alias.name}" in modules:
                        imported.add(f"{base}.{alias.name}")
                    elif base in modules:
                        imported.add(base)
        imported.discard(name)
        graph[name] = imported
    return graph


def import_cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    cycles: List[List[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            following = next(edges, None)
            if following is not None:
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(sorted(graph[following]))))
                elif following in on_stack:
                    low[node] = min(low[node], index[following])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_an_import_under_type_checking_is_not_an_arrow():
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\nelse:\n    import b\n"
                     "def f():\n    import c\n")
    names = {alias.name for node in _run_time_nodes(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert names == {"b", "c"}


def test_the_import_cycle_finder_finds_a_cycle():
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_polylint_modules_import_each_other_in_a_circle():
    graph = import_graph()
    cycles = import_cycles(graph)
    shown = [f"{' <-> '.join(group)}: " + "; ".join(
        f"{module} -> {', '.join(sorted(graph[module] & set(group)))}" for module in group) for group in cycles]
    assert not cycles, "\n".join(shown)


# Imports that would run back up the house: (importer, imported) packages or modules.
UPWARD = [
    ("polylint.hosts", "polylint.checks"),
    ("polylint.hosts", "polylint.codemods"),
    ("polylint.surfaces", "polylint.checks"),
    ("polylint.surfaces", "polylint.codemods"),
    ("polylint.codemods", "polylint.checking"),
    ("polylint.checks", "polylint.checking"),
    ("polylint.results", "polylint.runner"),
    ("polylint.cache", "polylint.runner"),
    ("polylint.checking", "polylint.runner"),
    ("polylint.discovery", "polylint.runner"),
]


def test_no_import_runs_back_up_the_house():
    graph = import_graph()
    upward = [f"{module} -> {imported}" for module in sorted(graph) for imported in sorted(graph[module])
              for low, high in UPWARD if _within(module, low) and _within(imported, high)]
    assert not upward, "\n".join(upward)
