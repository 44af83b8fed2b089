"""A run killed at any write leaves every content file whole, and the next run finishes the job.

Each command runs in a forked child (the model is loaded once, in the test process) whose
`os` functions that write (write, replace, link, unlink), when called by the content
store, count their calls and end the process with `os._exit` at the Nth: no clean-up runs,
as with `kill -9`. The test first counts the calls of an uninterrupted run, then kills a
fresh copy of the archive at each one in turn.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Imported here, once: each forked child then starts at once.
import newsroom.cli.loading
import newsroom.content.identity_edits
import newsroom.content.ingest
import newsroom.content.journal
import newsroom.content.lock
import newsroom.content.recovery
from newsroom.cli.main import main
from newsroom.content.store import temp_files

from .test_merge import _archive as merge_archive

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")

# What the store calls to write. fsync is left out: a kill there leaves what a kill at the
# next replace or link does (a complete temporary file, the old file in place).
WRITES = ("write", "replace", "link", "unlink")
KILLED = 137


def snapshot(content: Path) -> dict[str, bytes]:
    """Every file under content/, but the lock and the temporary files of a killed write."""
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and p.name != "lock" and p not in temp_files(p.parent)}


def run_child(argv: list[str], root: Path, kill_at: int, annotator: object = None) -> tuple[int, int]:
    """main(argv) in a forked child killed at its `kill_at`-th write (its output in
    root/run.log); -> (exit status, writes made)."""
    count_file = root / "writes.count"
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 70
        try:
            _arm(kill_at, count_file)
            log = os.open(root / "run.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            os.dup2(log, 1)
            os.dup2(log, 2)
            if annotator is not None:
                newsroom.cli.loading.load_annotator = lambda knowledge=None: annotator
                # The knowledge it has, whose phrase matchers the parent built: with the
                # archive's entities added, every child would spend a second building them.
                annotator.use_knowledge = lambda knowledge: None  # type: ignore[attr-defined]

            status = main(argv, root=root)
        finally:
            os._exit(status)
    _, wait_status = os.waitpid(pid, 0)
    writes = int(count_file.read_text()) if count_file.exists() else 0
    count_file.unlink(missing_ok=True)
    return os.waitstatus_to_exitcode(wait_status), writes


def log(root: Path) -> str:
    return (root / "run.log").read_text(encoding="utf-8", errors="replace")


def _arm(kill_at: int, count_file: Path) -> None:
    calls = [0]

    def wrap(name: str) -> Callable[..., object]:
        real = getattr(os, name)

        def counted(*args: object, **kwargs: object) -> object:
            if sys._getframe(1).f_globals.get("__name__") == "newsroom.content.store":
                calls[0] += 1
                if calls[0] == kill_at:
                    count_file.write_text(str(calls[0]))
                    os._exit(KILLED)
            result = real(*args, **kwargs)
            count_file.write_text(str(calls[0]))
            return result

        return counted

    for name in WRITES:
        setattr(os, name, wrap(name))


def check_kills(make: Callable[[Path], Path], argv: Callable[[Path], list[str]], annotator: object,
                tmp_path: Path, again: tuple[int, ...] = (0,)) -> int:
    """Kill `argv` at each of its writes on a fresh archive from `make`, then run it again
    (which may exit with a status in `again`); -> how many kills."""
    if annotator is not None:
        annotator(SEED)  # build the model's matchers once, here, for every child to share
    clean = make(tmp_path / "clean")
    old = snapshot(clean / "content")
    status, total = run_child(argv(clean), clean, 0, annotator)
    assert status == 0 and total > 0, log(clean)
    new = snapshot(clean / "content")
    assert new != old
    for n in range(1, total + 1):
        project = make(tmp_path / f"kill-{n}")
        status, _ = run_child(argv(project), project, n, annotator)
        assert status == KILLED, f"write {n} of {total} was never reached"
        now = snapshot(project / "content")
        for name in sorted(set(old) | set(new) | set(now)):
            if name.endswith(".json"):  # the tool's manifest and journal: whole, if not final
                if name in now:
                    json.loads(now[name])  # raises unless whole
                continue
            assert now.get(name) in (old.get(name), new.get(name)), f"killed at write {n}: {name} is neither"
        status, _ = run_child(argv(project), project, 0, annotator)
        assert status in again, f"the run after a kill at write {n} failed: {log(project)}"
        assert snapshot(project / "content") == new, f"the run after a kill at write {n} ended elsewhere"
        assert not any(temp_files(p) for p in (project / "content").rglob("*") if p.is_dir())
        shutil.rmtree(project)
    return total


SEED = "Acme opens shop in Paris\n\nAcme opened a shop in Paris on Monday, the company said.\n"


def _seeded(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "seeds").mkdir()
    (folder / "seeds" / "acme.txt").write_text(SEED, encoding="utf-8")
    return folder


def _annotated(annotator: object) -> Callable[[Path], Path]:
    """An archive with the seed annotated, then the seed re-delivered with one more sentence."""
    template: list[Path] = []

    def make(folder: Path) -> Path:
        if not template:
            base = _seeded(folder.parent / "template")
            assert run_child(["annotate", "--jobs", "1"], base, 0, annotator)[0] == 0, log(base)
            seed = base / "seeds" / "acme.txt"
            seed.write_text(SEED + "\nProtesters marched in Lyon on Tuesday, police said.\n", encoding="utf-8")
            template.append(base)
        shutil.copytree(template[0], folder)
        return folder

    return make


def test_annotate_killed_at_each_write(tmp_path, annotator):
    assert check_kills(_seeded, lambda p: ["annotate", "--jobs", "1"], annotator, tmp_path) >= 9


def test_refresh_killed_at_each_write(tmp_path, annotator):
    slug = "acme-opens-shop-in-paris"
    kills = check_kills(_annotated(annotator), lambda p: ["annotate", "--refresh", slug, "--jobs", "1"],
                        annotator, tmp_path)
    assert kills > 5


def _merge_archive(folder: Path) -> Path:
    """test_merge's two entities and two articles (content/ only: nothing else is read)."""
    template = folder.parent / "template"
    if not template.exists():
        template.mkdir()
        merge_archive(template)
    shutil.copytree(template / "content", folder / "content")
    return folder


def test_merge_killed_at_each_write(tmp_path):
    assert check_kills(_merge_archive, lambda p: ["merge", "isis", "islamic-state"], None, tmp_path) >= 9


def test_rename_killed_at_each_write(tmp_path):
    assert check_kills(_merge_archive, lambda p: ["rename", "islamic-state", "Islamic State of Iraq"], None,
                       tmp_path) >= 9


def test_undo_killed_at_each_write(tmp_path):
    def merged(folder: Path) -> Path:
        project = _merge_archive(folder)
        assert run_child(["merge", "isis", "islamic-state"], project, 0)[0] == 0
        return project

    # Killed once the undo is under way, the next run finishes it first: there is then nothing
    # left to undo (exit 1, N211), and the files are as an uninterrupted undo left them.
    assert check_kills(merged, lambda p: ["undo"], None, tmp_path, again=(0, 1)) >= 9
