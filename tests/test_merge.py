"""Merging and renaming entities by hand: every reference follows, hand edits survive, old URLs work."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from newsroom.content.frontmatter import read_document

from .conftest import ROOT, build_site, copy_project, run

ARTICLE = """---
title: {title}
seed: {seed}
date: 2017-09-2{n}
actors:
- id: {actor}
  mentions: [{mention}]
  role: fighters  # checked by the desk
places: []
events:
- id: {slug}-1
  type: Battles
  sub_type: Armed clash
  actors: [{actor}]
  according_to: {actor}
  evidence: {mention} fighters attacked the town.
---
{mention} fighters attacked the town.
"""


def _archive(tmp_path: Path) -> Path:
    project = copy_project(tmp_path, with_content=False)
    content = project / "content"
    (content / "actors" / "isis.yml").write_text(
        "# Added by hand after the Raqqa story.\nname: ISIS\nkind: armed-group\naliases: [Daesh]\n"
        "description: Jihadist group; see the desk's style guide.\nwikidata: Q2429253\n", encoding="utf-8")
    (content / "actors" / "islamic-state.yml").write_text(
        "name: Islamic State\nkind: armed-group\naliases: [ISIL]  # AP style\ndescription: ''\n", encoding="utf-8")
    for n, (actor, mention) in enumerate((("isis", "ISIS"), ("islamic-state", "ISIL")), 1):
        slug = f"story-{n}"
        (content / "articles" / f"{slug}.md").write_text(ARTICLE.format(
            title=f"Story {n}", seed=f"s{n}.txt", n=n, actor=actor, mention=mention, slug=slug), encoding="utf-8")
    return project


def _build(*args: str, cwd: Path) -> object:
    return run(sys.executable, str(ROOT / "build.py"), *args, "--content", str(cwd / "content"), cwd=cwd, check=False)


def test_merge_moves_references_keeps_hand_edits_and_redirects(tmp_path):
    project = _archive(tmp_path)
    proc = _build("merge", "isis", "islamic-state", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (
        "merged actor 'isis' into 'islamic-state'; /actors/isis/ now redirects to /actors/islamic-state/; "
        "1 article(s) updated\nnew alias(es): 'ISIS', 'Daesh'; every article that writes one is read as "
        "'Islamic State' from now on: remove any that also names something else from "
        "content/actors/islamic-state.yml\n")
    content = project / "content"
    assert not (content / "actors" / "isis.yml").exists()
    record = (content / "actors" / "islamic-state.yml").read_text(encoding="utf-8")
    assert re.search(r"^aliases: \[ISIL, ISIS, Daesh\] +# AP style$", record, re.M)
    data = yaml.safe_load(record)
    assert data["description"] == "Jihadist group; see the desk's style guide."
    assert data["wikidata"] == "Q2429253" and data["redirect_from"] == ["isis"]
    story = (content / "articles" / "story-1.md").read_text(encoding="utf-8")
    assert "- id: islamic-state\n  mentions: [ISIS]\n  role: fighters  # checked by the desk" in story
    meta = read_document("story-1", story).meta
    assert meta["events"][0]["actors"] == ["islamic-state"] and meta["events"][0]["according_to"] == "islamic-state"
    site = tmp_path / "site"
    build_site(project, site)
    stub = (site / "actors" / "isis" / "index.html").read_text(encoding="utf-8")
    assert 'url=../islamic-state/' in stub
    page = (site / "actors" / "islamic-state" / "index.html").read_text(encoding="utf-8")
    assert page.count('<li><a href="../../articles/story-') == 2


def test_merge_twice_is_safe_and_a_missing_slug_is_refused(tmp_path):
    project = _archive(tmp_path)
    assert _build("merge", "isis", "islamic-state", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.*") if p.is_file()}
    again = _build("merge", "isis", "islamic-state", cwd=project)
    assert again.returncode == 0
    assert again.stdout.strip() == "nothing to do: 'isis' was already merged into 'islamic-state'"
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.*") if p.is_file()} == before
    missing = _build("merge", "islamic-stat", "isis", cwd=project)
    assert missing.returncode == 1
    assert missing.stderr.strip() == ("merge: 'isis' is not in content/actors/ or content/places/")
    typo = _build("merge", "islamic-stat", "islamic-state", cwd=project)
    assert typo.stderr.strip() == ("merge: 'islamic-stat' is not in content/actors/; did you mean 'islamic-state'?")


def test_rename_moves_the_page_and_keeps_the_old_url(tmp_path):
    project = _archive(tmp_path)
    proc = _build("rename", "islamic-state", "Islamic State of Iraq and the Levant", cwd=project)
    assert proc.returncode == 0, proc.stderr
    content = project / "content"
    record = (content / "actors" / "islamic-state-of-iraq-and-the-levant.yml").read_text(encoding="utf-8")
    assert "name: Islamic State of Iraq and the Levant" in record
    assert re.search(r"^aliases: \[ISIL, Islamic State\] +# AP style$", record, re.M)
    assert "redirect_from: [islamic-state]" in record
    story = (content / "articles" / "story-2.md").read_text(encoding="utf-8")
    assert "- id: islamic-state-of-iraq-and-the-levant" in story
    again = _build("rename", "islamic-state", "Islamic State of Iraq and the Levant", cwd=project)
    assert again.returncode == 0 and again.stdout.startswith("nothing to do")
    site = tmp_path / "site"
    build_site(project, site)
    stub = (site / "actors" / "islamic-state" / "index.html").read_text(encoding="utf-8")
    assert "url=../islamic-state-of-iraq-and-the-levant/" in stub


def test_review_lists_near_duplicates_with_the_merge_command(tmp_path):
    project = _archive(tmp_path)
    (project / "content" / "actors" / "bashar-assad.yml").write_text("name: Bashar Assad\nkind: person\n",
                                                                     encoding="utf-8")
    (project / "content" / "actors" / "bashar-al-assad.yml").write_text("name: Bashar al-Assad\nkind: person\n",
                                                                        encoding="utf-8")
    proc = _build("review", cwd=project)
    assert "actors: bashar-assad ~ bashar-al-assad (same name: 'bashar assad' ~ 'bashar assad')" in proc.stdout
    assert "to merge: python build.py merge bashar-assad bashar-al-assad" in proc.stdout
    assert "isis" not in proc.stdout  # ISIS and Islamic State share no close name: nothing claimed
    site = tmp_path / "site"
    build_site(project, site)
    page = (site / "review" / "index.html").read_text(encoding="utf-8")
    assert "python build.py merge bashar-assad bashar-al-assad" in page


def test_merging_two_entries_of_one_article_keeps_the_surer_confidence_not_a_conflict(tmp_path):
    # The annotator was surer of one spelling than the other: no editor's word is at stake.
    project = _archive(tmp_path)
    story = project / "content" / "articles" / "story-1.md"
    story.write_text(story.read_text(encoding="utf-8").replace(
        "  role: fighters  # checked by the desk\n",
        "  role: fighters  # checked by the desk\n  confidence: 0.55\n- id: islamic-state\n  mentions: [IS]\n"
        "  confidence: 0.81\n"), encoding="utf-8")
    proc = _build("merge", "isis", "islamic-state", cwd=project)
    assert proc.returncode == 0, proc.stderr
    actors = read_document("story-1", story.read_text(encoding="utf-8")).meta["actors"]
    assert [(a["id"], a["mentions"], a.get("confidence"), a.get("role")) for a in actors] == [
        ("islamic-state", ["IS", "ISIS"], 0.81, "fighters")]
