"""One writer at a time: two runs never write beside each other, and a waiting run says why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from newsroom.content.frontmatter import read_document
from newsroom.content.lock import LockBusy, archive_lock

from .cli_run import cli, snapshot
from .conftest import ROOT
from .test_merge import _archive as merge_archive


def test_two_annotate_runs_started_together_create_each_article_once(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    names = sorted(p.name for p in (ROOT / "seeds").glob("wikinews-*.txt"))[:3]
    for name in names:
        shutil.copy2(ROOT / "seeds" / name, seeds / name)
    argv = [sys.executable, str(ROOT / "build.py"), "annotate", "--seeds", str(seeds), "--content", str(content),
            "--jobs", "1", "--wait", "600"]
    runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    claimed = sorted(read_document(p.name, p.read_text(encoding="utf-8")).meta["seed"]
                     for p in (content / "articles").glob("*.md"))
    assert claimed == names  # each seed has one article: no -2, no -3
    said = sorted(out.split(";")[0] for out, _ in outputs)
    assert said == ["annotated 0 new article(s), re-annotated 0 whose seed or annotator changed, 3 unchanged",
                    "annotated 3 new article(s), re-annotated 0 whose seed or annotator changed, 0 unchanged"]
    assert not (content / ".machine" / "lock").exists()


def test_a_run_that_cannot_get_the_lock_stops_and_says_who_holds_it(tmp_path):
    project = merge_archive(tmp_path)
    before = snapshot(project)
    with archive_lock(project / "content"):
        ran = cli(project, "merge", "isis", "islamic-state", "--wait", "0")
    assert ran.status == 1
    assert ran.stderr == (f"merge: error N209: another run (pid {os.getpid()}) still holds content/.machine/lock "
                          "after 0 s; let it finish and run again, or wait longer with --wait SECONDS\n")
    assert snapshot(project) == before


def test_a_waiting_run_says_what_it_waits_for(tmp_path):
    said: list[str] = []
    with archive_lock(tmp_path), pytest.raises(LockBusy), archive_lock(tmp_path, wait=0.3, say=said.append):
        pass
    assert said == [f"waiting for the run that holds content/.machine/lock (pid {os.getpid()}) to finish; up to 0.3 s"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_killed_holder_leaves_no_lock_behind(tmp_path):
    pid = os.fork()
    if pid == 0:
        try:
            with archive_lock(tmp_path):
                os._exit(137)  # as kill -9: no clean-up
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    assert (tmp_path / ".machine" / "lock").exists()  # left behind, but not held by anyone
    with archive_lock(tmp_path, wait=0):
        pass
    assert not (tmp_path / ".machine" / "lock").exists()


def test_every_writing_command_takes_the_lock(tmp_path):
    project = merge_archive(tmp_path)
    with archive_lock(project / "content"):
        for argv in (["annotate"], ["annotate", "--refresh"], ["merge", "isis", "islamic-state"],
                     ["rename", "isis", "Daesh"], ["undo"]):
            ran = cli(project, *argv, "--wait", "0")
            assert ran.status == 1 and "error N209" in ran.stderr, argv
