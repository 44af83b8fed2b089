"""Identity edits lose nothing: a merge keeps both entities' hand edits or stops, a rename can
go back, and `undo` reverses the last merge or rename, redirects included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from .cli_run import cli, snapshot
from .test_crash import run_child
from .test_merge import _archive


def _write(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_merge_keeps_fields_comments_and_roles_of_both(tmp_path):
    project = _archive(tmp_path)
    content = project / "content"
    _write(content / "actors" / "isis.yml", "wikidata: Q2429253\n", "wikidata: Q2429253  # checked 2017-10\n"
           "affiliation: al-Qaeda until 2014\n")
    # story-2 names both: its isis entry has a role and a comment, its islamic-state entry none.
    _write(content / "articles" / "story-2.md", "  role: fighters  # checked by the desk\n",
           "- id: isis\n  mentions: [Daesh]\n  role: militants  # the wire's word\n")
    assert "- id: islamic-state\n  mentions: [ISIL]\n- id: isis\n" in (content / "articles" / "story-2.md").read_text()
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 0, ran.stderr
    record = (content / "actors" / "islamic-state.yml").read_text(encoding="utf-8")
    assert record.startswith("# Added by hand after the Raqqa story.\nname: Islamic State\n")
    assert re.search(r"^wikidata: Q2429253 +# checked 2017-10$", record, re.M)
    data = yaml.safe_load(record)
    assert data["kind"] == "armed-group" and data["affiliation"] == "al-Qaeda until 2014"
    assert data["description"] == "Jihadist group; see the desk's style guide."
    story = (content / "articles" / "story-2.md").read_text(encoding="utf-8")
    assert "- id: islamic-state\n  mentions: [ISIL, Daesh]\n  role: militants  # the wire's word\n" in story
    assert "- id: isis" not in story


def test_a_merge_stops_at_a_field_both_set_differently_and_names_it(tmp_path):
    project = _archive(tmp_path)
    _write(project / "content" / "actors" / "islamic-state.yml", "description: ''", "description: The group.")
    _write(project / "content" / "actors" / "islamic-state.yml", "kind: armed-group", "kind: organisation")
    before = snapshot(project)
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 1
    assert ran.stderr == (
        "merge: error N210: 'isis' and 'islamic-state' disagree: content/actors/isis.yml:3 and "
        "content/actors/islamic-state.yml:2 set 'kind' differently; content/actors/isis.yml:5 and "
        "content/actors/islamic-state.yml:4 set 'description' differently; make the values agree (or delete the "
        "one you do not want), then run the merge again; nothing was changed\n")
    assert snapshot(project) == before


def test_a_merge_stops_at_an_article_giving_the_two_different_roles(tmp_path):
    project = _archive(tmp_path)
    _write(project / "content" / "articles" / "story-1.md", "places: []",
           "- id: islamic-state\n  mentions: [IS]\n  role: leaders\nplaces: []")
    before = snapshot(project)
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 1
    assert ran.stderr == (
        "merge: error N210: 'isis' and 'islamic-state' disagree: content/articles/story-1.md:8 and line 11 set "
        "'role' differently; make the values agree (or delete the one you do not want), then run the merge "
        "again; nothing was changed\n")
    assert snapshot(project) == before


def test_rename_there_and_back_leaves_no_self_redirect(tmp_path):
    project = _archive(tmp_path)
    assert cli(project, "rename", "islamic-state", "Islamic State of Iraq").status == 0
    ran = cli(project, "rename", "islamic-state-of-iraq", "Islamic State")
    assert ran.status == 0, ran.stderr
    record = yaml.safe_load((project / "content" / "actors" / "islamic-state.yml").read_text(encoding="utf-8"))
    assert record["name"] == "Islamic State" and "Islamic State" not in record["aliases"]
    assert record["redirect_from"] == ["islamic-state-of-iraq"]
    assert not (project / "content" / "actors" / "islamic-state-of-iraq.yml").exists()
    check = cli(project, "check")
    assert check.status == 0 and check.stderr == "", check.stderr


def test_undo_reverses_merges_and_renames_newest_first(tmp_path):
    project = _archive(tmp_path)
    content = project / "content"
    before = snapshot(content)
    assert cli(project, "merge", "isis", "islamic-state").status == 0
    merged = snapshot(content)
    assert cli(project, "rename", "islamic-state", "Islamic State of Iraq").status == 0
    ran = cli(project, "undo")
    assert (ran.status, ran.stdout) == (0, "undid `rename islamic-state 'Islamic State of Iraq'`: 4 file(s) put back\n")
    assert _without_journal(content) == _without_journal(content, merged)
    ran = cli(project, "undo")
    assert (ran.status, ran.stdout) == (0, "undid `merge isis islamic-state`: 3 file(s) put back\n")
    assert _without_journal(content) == before  # the redirect is gone, isis.yml is back byte for byte
    ran = cli(project, "undo")
    assert (ran.status, ran.stderr) == (1, "undo: error N211: nothing to undo: content/.machine/journal.json "
                                           "records no merge or rename still in force\n")
    edits = json.loads((content / ".machine" / "journal.json").read_text(encoding="utf-8"))["edits"]
    assert [(e["command"], e["state"]) for e in edits] == [
        ("merge isis islamic-state", "undone"), ("rename islamic-state 'Islamic State of Iraq'", "undone")]


def _without_journal(content: Path, files: dict[str, bytes] | None = None) -> dict[str, bytes]:
    return {k: v for k, v in (files or snapshot(content)).items() if k != ".machine/journal.json"}


def test_undo_keeps_later_edits_that_touch_other_places(tmp_path):
    project = _archive(tmp_path)
    content = project / "content"
    assert cli(project, "merge", "isis", "islamic-state").status == 0
    _write(content / "actors" / "islamic-state.yml", "kind: armed-group\n", "kind: armed-group\ncountry: SY\n")
    _write(content / "articles" / "story-1.md", "title: Story 1", "title: Story one")
    ran = cli(project, "undo")
    assert ran.stdout == ("undid `merge isis islamic-state`: 3 file(s) put back; your later edits to 2 of them "
                          "were kept\n")
    record = yaml.safe_load((content / "actors" / "islamic-state.yml").read_text(encoding="utf-8"))
    assert record == {"name": "Islamic State", "kind": "armed-group", "country": "SY", "aliases": ["ISIL"],
                      "description": ""}
    story = (content / "articles" / "story-1.md").read_text(encoding="utf-8")
    assert "title: Story one" in story and "- id: isis\n" in story and (content / "actors" / "isis.yml").exists()


def test_undo_refuses_when_a_later_edit_changed_what_it_would_put_back(tmp_path):
    project = _archive(tmp_path)
    content = project / "content"
    assert cli(project, "rename", "islamic-state", "Islamic State of Iraq").status == 0
    (content / "actors" / "islamic-state.yml").write_text("name: Islamic State\nkind: organisation\n",
                                                          encoding="utf-8")  # a new entity took the old slug
    _write(content / "actors" / "islamic-state-of-iraq.yml", "aliases: [ISIL, Islamic State]",
           "aliases: [ISIL, IS]")
    before = snapshot(project)
    ran = cli(project, "undo")
    assert ran.status == 1
    assert ran.stderr == ("undo: error N212: cannot undo `rename islamic-state 'Islamic State of Iraq'`: "
                          "content/actors/islamic-state.yml, content/actors/islamic-state-of-iraq.yml have changed "
                          "since in the same places; undo those edits first (`git diff`), or reverse it by hand; "
                          "nothing was changed\n")
    assert snapshot(project) == before


def test_a_merge_refuses_an_article_it_cannot_read_and_ignores_one_that_cannot_name_it(tmp_path):
    project = _archive(tmp_path)
    articles = project / "content" / "articles"
    (articles / "unrelated.md").write_text("---\ntitle: Other\ntitle: Twice\n---\nText.\n", encoding="utf-8")
    _write(articles / "story-1.md", "seed: s1.txt\n", "seed: s1.txt\nseed: again.txt\n")
    before = snapshot(project)
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 1
    assert ran.stderr == ("merge: error N216: content/articles/story-1.md:4:1 cannot be read (the front matter is "
                          "not valid YAML: the key 'seed' appears twice; keep one); fix that file, then run the "
                          "merge again; nothing was changed\n")
    assert snapshot(project) == before
    _write(articles / "story-1.md", "seed: again.txt\n", "")
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 0, ran.stderr  # unrelated.md never names 'isis': it is not even parsed
    assert (articles / "unrelated.md").read_text(encoding="utf-8") == "---\ntitle: Other\ntitle: Twice\n---\nText.\n"


def test_an_impossible_date_stops_a_merge_with_a_message_not_a_traceback(tmp_path):
    project = _archive(tmp_path)
    _write(project / "content" / "articles" / "story-1.md", "date: 2017-09-21", "date: 2017-02-30")
    before = snapshot(project)
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 1 and "Traceback" not in ran.stderr
    assert ran.stderr.startswith("merge: error N216: content/articles/story-1.md")
    assert ran.stderr.endswith("; fix that file, then run the merge again; nothing was changed\n")
    assert snapshot(project) == before


def test_an_interrupted_merge_is_finished_by_the_next_run_or_named(tmp_path):
    project = _archive(tmp_path)
    content = project / "content"
    # Killed at its 5th write: the journal and the entity written, the article's not yet.
    status, _ = run_child(["merge", "isis", "islamic-state"], project, 5)
    assert status == 137
    _write(content / "articles" / "story-1.md", "title: Story 1", "title: Story one")
    ran = cli(project, "rename", "islamic-state", "IS")
    assert ran.status == 1
    temp, blocked = ran.stderr.splitlines(keepends=True)
    assert re.fullmatch(r"content/articles/\.story-1\.md\.[0-9a-f]{8}\.tmp:1:1: warning N217: removed a temporary "
                        r"file left by an interrupted run\n", temp)
    assert blocked == ("content/.machine/journal.json:1:1: error N214: `merge isis islamic-state` was interrupted "
                          "and content/articles/story-1.md changed since, so it cannot be finished: put back either "
                          "version of content/articles/story-1.md (`git diff`), then run again\n")
    _write(content / "articles" / "story-1.md", "title: Story one", "title: Story 1")
    ran = cli(project, "merge", "isis", "islamic-state")
    assert ran.status == 0
    assert ran.stderr == ("content/.machine/journal.json:1:1: warning N213: `merge isis islamic-state` was "
                          "interrupted; finished it now (2 file(s) written)\n")
    assert ran.stdout == "nothing to do: 'isis' was already merged into 'islamic-state'\n"


def test_a_merged_place_says_whose_point_it_has_only_if_it_takes_that_point():
    from ruamel.yaml import YAML

    from newsroom.resolve.identity import merged_record

    def record(text: str):
        return YAML().load(text)

    village = "name: Balnacoil\nkind: village\nlat: 56.25\nlon: -3.15\nwithin: Fife\n"
    # Into a record with a point of its own: that point stays, and says it is no one else's.
    kept = merged_record(record(village), record("name: Balnacoil\nkind: village\nlat: 56.22\nlon: -2.69\n"),
                         "balnacoil-fife", "balnacoil")
    assert (kept["lat"], kept["lon"]) == (56.22, -2.69) and "within" not in kept
    # Into one with none: the borrowed point comes with the name of its place.
    taken = merged_record(record(village), record("name: Balnacoil\nkind: village\n"), "balnacoil-fife", "balnacoil")
    assert (taken["lat"], taken["lon"], taken["within"]) == (56.25, -3.15, "Fife")
