"""Imports run one way: no cycles between tipcli's modules, and each layer imports only below it.

The same check as ../shared/tools/import_graph.py (read with ast, imports inside
functions count too), kept here so that CI runs it on a clean clone.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

from tests.conftest import ROOT


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "tipcli").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The tipcli modules and the top-level outside packages that a module imports."""
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join(base[:len(base) - node.level + 1] + ([module] if module else []))
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            while parts and ".".join(parts) not in known:
                parts.pop()
            if parts:
                if ".".join(parts) != name:
                    found.add(".".join(parts))
            elif not target.startswith("tipcli"):
                found.add("ext:" + target.split(".")[0])
    return found


KNOWN = modules()
GRAPH = {name: imports_of(name, path, KNOWN) for name, path in KNOWN.items()}


def is_registry_edge(a: str, b: str) -> bool:
    """A package's __init__ importing its own modules (a registry) is not a cycle of concern."""
    return a == b.rsplit(".", 1)[0] or b == a.rsplit(".", 1)[0]


def test_no_import_cycles() -> None:
    graph = {a: {b for b in deps if b in KNOWN and not is_registry_edge(a, b)}
             for a, deps in GRAPH.items()}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        pytest.fail("import cycle: " + " <-> ".join(exc.args[1]))


@pytest.mark.parametrize("package, allowed", [
    ("typer", ("tipcli.cli",)),  # the core never knows it runs under a CLI
    ("rich", ("tipcli.cli", "tipcli.render")),
])
def test_only_the_outer_layers_import_the_terminal_libraries(package: str,
                                                             allowed: tuple[str, ...]) -> None:
    users = sorted(n for n, deps in GRAPH.items() if f"ext:{package}" in deps)
    assert users, f"nothing imports {package}: the test would pass vacuously"
    assert [n for n in users if not n.startswith(allowed)] == []


def test_extractors_and_the_lexicon_touch_no_store() -> None:
    lower = [n for n in GRAPH if n.startswith(("tipcli.extract", "tipcli.lexicon"))]
    assert len(lower) > 5
    for name in lower:
        assert "ext:sqlite3" not in GRAPH[name], name
        assert not GRAPH[name] & {"tipcli.store", "tipcli.build", "tipcli.db", "tipcli.upkeep"}


def test_renderers_never_reach_back_into_queries() -> None:
    """The printer depends on results, never on the searcher (ripgrep's rule)."""
    for name in (n for n in GRAPH if n.startswith("tipcli.render")):
        assert not GRAPH[name] & {"tipcli.store", "tipcli.upkeep", "tipcli.facts",
                                  "tipcli.queries", "tipcli.search", "tipcli.library"}, name


@pytest.mark.parametrize("args", [["rating", "2022", "--json"], ["rating", "2022"],
                                  ["sources", "--json"], ["search", "domestic helpers"],
                                  ["index"], ["remove", "no-such.txt"]])
def test_lookups_import_no_ingestion_library(args: list[str], tmp_path: Path) -> None:
    """Only `add` pays for trafilatura, PDFium and the HTTP client: lookups, `index` and
    `remove` stay fast."""
    import json
    import os
    import subprocess
    import sys

    probe = ("import sys, json\nfrom tipcli.cli.app import main\n"
             f"main({args!r})\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('trafilatura', 'pypdfium2', 'lxml', 'htmldate', 'justext', 'urllib3', 'http', "
             "'tipcli') and (m.startswith(('trafilatura', 'pypdfium2', 'lxml', 'htmldate', "
             "'justext', 'urllib3', 'http.client', 'tipcli.ingest.fetch', 'tipcli.ingest.pdf', "
             "'tipcli.ingest.html'))))), file=sys.stderr)\n")
    env = {**os.environ, "TIPCLI_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                         timeout=120, check=False)
    loaded = json.loads(run.stderr.strip().splitlines()[-1])
    assert loaded == [], loaded
