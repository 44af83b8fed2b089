"""The nevers of the house: what each stage may import (docs/handbook/architecture.md).

Imports are read from the source (every `import` statement, at the top or inside a function),
so a lazy import counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsroom"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The newsroom modules a file imports, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # 'from . import text'
    return {m for m in found if m == "newsroom" or m.startswith("newsroom.")}


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {m for m in _imports(path) if m in MODULES} for name, path in MODULES.items()}


def closure(*starts: str) -> set[str]:
    """Every newsroom module reachable from the `starts` (package names take all their modules)."""
    todo = [m for m in MODULES if any(m == s or m.startswith(s + ".") for s in starts)]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(GRAPH[module])
    return seen


def _in(modules: set[str], *stages: str) -> set[str]:
    return {m for m in modules if any(m == f"newsroom.{s}" or m.startswith(f"newsroom.{s}.") for s in stages)}


def test_the_graph_is_read():
    # A guard for the guard: the parser must see the imports it is meant to police.
    assert "newsroom.annotate.knowledge" in GRAPH["newsroom.annotate.annotator"]
    assert "newsroom.text" in GRAPH["newsroom.annotate.gazetteer"]  # 'from ..text import'
    assert "newsroom.content.loader" in closure("newsroom.site")


def test_the_site_imports_nothing_from_reading_or_annotating():
    # The site reads content/ alone: `mkdocs serve` must never load the model or the gazetteer.
    assert _in(closure("newsroom.site"), "read", "annotate", "cli") == set()


@pytest.mark.parametrize("stage", ["newsroom.content.loader", "newsroom.content.identity_edits",
                                   "newsroom.resolve.review", "newsroom.cli"])
def test_check_review_and_merge_read_the_archive_through_content_never_the_site(stage):
    assert _in(closure(stage), "site") == set()


def test_the_annotating_stage_writes_nothing():
    # Annotating is pure: it may use the reading stage and the shared modules, and nothing that
    # writes (the content store, the manifest, the GeoNames cache of cli/loading).
    reach = closure("newsroom.annotate", "newsroom.read")
    assert _in(reach, "content", "resolve", "site", "cli") == set()
    assert reach - _in(reach, "annotate", "read") <= {"newsroom", "newsroom.model", "newsroom.text",
                                                         "newsroom.errors"}


@pytest.mark.parametrize("folder", ["newsroom", "tests", "benchmarks"])
def test_nothing_imports_build_py(folder):
    # build.py is a shim for people; code calls newsroom.cli.main.
    for path in (ROOT / folder).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert "build" not in names, path


def test_stages_do_not_import_downstream():
    # The flow runs read -> annotate -> resolve -> content -> site; cli sits on top of all.
    order = ["read", "annotate", "resolve", "content", "site", "cli"]
    for n, stage in enumerate(order[:2]):
        assert _in(closure(f"newsroom.{stage}"), *order[n + 1:]) == set(), stage
    # resolve and content lean on each other's records (one page per event needs the event
    # records; the loader groups them), but neither reaches the site or the command line.
    for stage in ("resolve", "content"):
        assert _in(closure(f"newsroom.{stage}"), "site", "cli") == set(), stage


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
