"""A run that finds a file an interrupted run damaged says so and repairs it, or stops and
names it; and the exit status says whether an error was reported."""

from __future__ import annotations

import errno
import json
import re
import shutil
import sys
from pathlib import Path

from newsroom.content.manifest import annotator_version

from .cli_run import cli, snapshot
from .conftest import ROOT, copy_project, run
from .test_merge import _archive

SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"


def example(tmp_path: Path) -> Path:
    """The example archive, its manifest saying this annotator read every seed: a run then has
    nothing to annotate, whatever changed in the code since the manifest was committed."""
    project = copy_project(tmp_path)
    path = project / "content" / ".machine" / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["seeds"].values():
        entry["annotator"] = annotator_version()
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return project


def test_an_empty_entity_file_is_blamed_itself_and_written_again_by_the_next_annotation(tmp_path, annotator):
    project = example(tmp_path)
    content = project / "content"
    (content / "actors" / "hezbollah.yml").write_bytes(b"")
    ran = cli(project, "check")
    assert ran.status == 1
    assert ran.stderr == ("content/actors/hezbollah.yml:1:1: error N201: the file is empty (a run was interrupted "
                          "while writing it?); restore it with `git checkout -- content/actors/hezbollah.yml`, or "
                          "delete it, then run again\n")  # and no word against the articles that name it
    before = snapshot(content)
    ran = cli(project, "annotate", "--refresh", SLUG, "--jobs", "1", annotator=annotator)
    assert ran.status == 0, ran.stderr
    assert "content/actors/hezbollah.yml:1:1: warning N204: the file was empty (a run was interrupted while " \
           "writing it); written again from this run's annotation\n" in ran.stderr
    assert (content / "actors" / "hezbollah.yml").read_text(encoding="utf-8").startswith("name: Hezbollah\n")
    after = snapshot(content)
    changed = {name for name in after.keys() | before.keys() if after.get(name) != before.get(name)}
    assert changed <= {"actors/hezbollah.yml", ".machine/manifest.json", f".machine/articles/{SLUG}.md"}
    assert cli(project, "check").status == 0


def test_an_empty_article_is_restored_from_the_machine_copy(tmp_path):
    project = example(tmp_path)
    article = project / "content" / "articles" / f"{SLUG}.md"
    article.write_bytes(b"")
    before = snapshot(project)
    ran = cli(project, "annotate")
    assert ran.status == 0, ran.stderr
    assert ran.stderr == (f"content/articles/{SLUG}.md:1:1: warning N202: the file was empty (a run was interrupted "
                          f"while writing it); restored the annotator's last version from "
                          f"content/.machine/articles/{SLUG}.md: `git diff content/articles/{SLUG}.md` shows any hand "
                          f"edits to put back\n")
    machine = (project / "content" / ".machine" / "articles" / f"{SLUG}.md").read_bytes()
    assert article.read_bytes() == machine
    assert {k for k, v in snapshot(project).items() if before.get(k) != v} == {f"content/articles/{SLUG}.md"}


def test_an_empty_article_without_a_machine_copy_stops_the_run_before_its_seed_is_annotated_again(tmp_path):
    project = example(tmp_path)
    (project / "content" / "articles" / f"{SLUG}.md").write_bytes(b"")
    (project / "content" / ".machine" / "articles" / f"{SLUG}.md").unlink()
    (project / "content" / ".machine" / "manifest.json").unlink()  # the seed would look new
    before = snapshot(project)
    ran = cli(project, "annotate")
    assert ran.status == 1
    assert ran.stderr == (f"content/articles/{SLUG}.md:1:1: error N201: the file is empty (a run was interrupted "
                          f"while writing it?); restore it with `git checkout -- content/articles/{SLUG}.md`, or "
                          f"delete it, then run again\n")
    assert snapshot(project) == before


def test_a_damaged_machine_copy_is_not_used_as_the_merge_base(tmp_path, annotator):
    project = example(tmp_path)
    machine = project / "content" / ".machine" / "articles" / f"{SLUG}.md"
    machine.write_text(machine.read_text(encoding="utf-8")[:300], encoding="utf-8")  # cut short
    article = project / "content" / "articles" / f"{SLUG}.md"
    edited = article.read_text(encoding="utf-8")
    ran = cli(project, "annotate", "--refresh", SLUG, "--jobs", "1", annotator=annotator)
    assert ran.status == 0, ran.stderr
    assert (f"content/.machine/articles/{SLUG}.md:1:1: warning N203: the annotator's copy of this article is "
            f"damaged (no front matter: the file must start with a line '---', then YAML, then '---'); it was not "
            f"used: your file was the merge's base, and the copy is written again\n") in ran.stderr
    assert "\ndate: 2017-09-29\n" in article.read_text(encoding="utf-8") and "date: 2017-09-29" in edited
    assert machine.read_text(encoding="utf-8").endswith("\n") and len(machine.read_text(encoding="utf-8")) > 300


def test_temporary_files_of_a_killed_write_are_removed(tmp_path):
    project = _archive(tmp_path)
    temp = project / "content" / "actors" / ".isis.yml.0123abcd.tmp"
    temp.write_text("name: IS", encoding="utf-8")
    editor = project / "content" / "actors" / ".isis.yml.swp.tmp"  # not ours: left alone
    editor.write_text("x", encoding="utf-8")
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 0
    assert ran.stderr == ("content/actors/.isis.yml.0123abcd.tmp:1:1: warning N217: removed a temporary file left "
                          "by an interrupted run\n")
    assert not temp.exists() and editor.exists()


def test_annotate_exits_1_after_reporting_a_content_error(tmp_path, annotator):
    project = example(tmp_path)
    (project / "content" / "actors" / "acme.yml").write_text("name: [Acme\n", encoding="utf-8")
    ran = cli(project, "annotate", "--refresh", SLUG, "--jobs", "1", annotator=annotator)
    assert ran.status == 1
    assert "\ncontent/actors/acme.yml:2:1: error N101: the front matter is not valid YAML: expected ',' or ']', " \
           "but got '<stream end>' (while parsing a flow sequence that starts at line 1, column 7)\n" in ran.stderr


def test_a_folder_or_file_that_does_not_exist_is_an_error(tmp_path):
    for argv, message in (
            (["check", "--content", "/nonexistent"], "check: error N208: the content folder /nonexistent does not "
                                                     "exist; run from the archive's folder or give --content PATH\n"),
            (["undo", "--content", "/nonexistent"], "undo: error N208: the content folder /nonexistent does not "
                                                    "exist; run from the archive's folder or give --content PATH\n"),
            (["merge", "a", "b", "--content", "/nonexistent"], "merge: error N208: the content folder /nonexistent "
                                                               "does not exist; run from the archive's folder or give "
                                                               "--content PATH\n"),
            (["annotate", "--seeds", "/nonexistent"], "annotate: error N208: the seeds folder /nonexistent does not "
                                                      "exist; run from the archive's folder or give --seeds PATH\n"),
            (["check", "content/articles/nope.md"], "check: error N218: content/articles/nope.md does not exist; "
                                                    "name files of the archive, e.g. content/articles/<slug>.md\n")):
        proc = run(sys.executable, str(ROOT / "build.py"), *argv, check=False)
        assert (proc.returncode, proc.stderr) == (2, message), argv
    assert not Path("/nonexistent").exists()  # no command made the folder it was told is missing


def test_a_full_disk_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    project = _archive(tmp_path)
    before = snapshot(project)

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("newsroom.content.journal.write_atomic", full)
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 1
    assert re.fullmatch(r"merge: error N215: .*/content/\.machine/journal\.json: No space left on device; no file "
                        r"was left half-written: fix the cause and run again\n", ran.stderr)
    assert snapshot(project) == before
    shutil.rmtree(project / "content" / ".machine", ignore_errors=True)
