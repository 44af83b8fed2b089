"""Shared fixtures: the real annotator (loaded once), and the example archive built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_41a19ee89e8c43ed.txt"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Subprocesses (build.py run from a copied project, mkdocs) import this checkout's newsroom, not
# the one the venv's editable install points at: a git worktree shares another checkout's venv.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def run(*argv: str, cwd: Path = ROOT, check: bool = True,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command the way a user would; return its output."""
    proc = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def copy_project(dest: Path, with_content: bool = True) -> Path:
    """A copy of the project's archive files (not .venv, not site/) to build in tmp_path."""
    for name in ("mkdocs.yml", "build.py"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "templates", "seeds"):
        shutil.copytree(ROOT / name, dest / name)
    if with_content:
        shutil.copytree(ROOT / "content", dest / "content")
    else:
        for folder in ("articles", "actors", "places"):
            (dest / "content" / folder).mkdir(parents=True)
    return dest


def build_site(project: Path, site: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`build.py build` as a user runs it: mkdocs build --strict, then the Pagefind index."""
    return run(sys.executable, str(project / "build.py"), "build", "--site-dir", str(site), cwd=project, check=check)


_LOADED: list = []  # the session's annotator, once a test asked for it


@pytest.fixture(scope="session")
def annotator():
    from newsroom.cli.loading import load_annotator

    _LOADED.append(load_annotator())
    return _LOADED[0]


def _as_shipped() -> None:
    for loaded in _LOADED:
        loaded.use_knowledge(loaded.shipped)


@pytest.fixture(autouse=True, scope="module")
def _shipped_knowledge_per_module():
    """Each module and each test reads with the knowledge the annotator shipped with, as a fresh
    process does: an archive another test ingested added its entities to the shared annotator."""
    _as_shipped()


@pytest.fixture(autouse=True)
def _shipped_knowledge_per_test():
    _as_shipped()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed example archive, built with `mkdocs build --strict` into a temp folder."""
    project = copy_project(tmp_path_factory.mktemp("example"))
    site = project / "site"
    build_site(project, site)
    return site
