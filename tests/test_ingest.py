"""Seeds -> content: new articles only, entity files created once, hand edits never touched."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

import newsroom
from newsroom.content.frontmatter import read_document
from newsroom.content.ingest import ingest

from .conftest import ROOT, SEED, copy_project, run


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_seed_becomes_an_article_with_entity_files(tmp_path, annotator):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy2(SEED, seeds / SEED.name)
    report = ingest(seeds, content, lambda: annotator)
    assert report.written == ["syrian-army-captures-key-supply-route-in-deir-az-zor"]
    doc = read_document("a", (content / "articles" / f"{report.written[0]}.md").read_text(encoding="utf-8"))
    assert doc.meta["seed"] == SEED.name
    assert doc.meta["title"] == "Syrian army captures key supply route in Deir Az Zor"
    for item in doc.meta["actors"]:
        assert (content / "actors" / f"{item['id']}.yml").exists()
    for item in doc.meta["places"]:
        assert (content / "places" / f"{item['id']}.yml").exists()
    assert "hezbollah" in {a["id"] for a in doc.meta["actors"]}
    assert (content / ".machine" / "articles" / f"{report.written[0]}.md").exists()
    # The body is the story, one sentence a line; credits are not in it.
    assert "The Syrian army and its allies have repelled" in doc.body and "Sanadiki" not in doc.body


def test_rerun_changes_nothing_and_keeps_hand_edits(tmp_path, annotator):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy2(SEED, seeds / SEED.name)
    slug = ingest(seeds, content, lambda: annotator).written[0]
    article = content / "articles" / f"{slug}.md"
    article.write_text(article.read_text(encoding="utf-8").replace("date:\n", "date: 2017-09-29\n", 1),
                       encoding="utf-8")
    actor = content / "actors" / "hezbollah.yml"
    actor.write_text(actor.read_text(encoding="utf-8") + "# checked by the desk\n", encoding="utf-8")
    before = _snapshot(content)
    report = ingest(seeds, content, lambda: annotator)
    assert report.written == [] and report.skipped == [SEED.name]
    assert _snapshot(content) == before


def test_committed_manifest_names_this_annotator():
    """Any change under the annotator (a comment too) gives it a new version, and `make site` on a
    fresh clone then reads every example seed again: the committed manifest must name this one."""
    from newsroom.content.manifest import annotator_version

    manifest = json.loads((ROOT / "content" / ".machine" / "manifest.json").read_text(encoding="utf-8"))
    stale = sorted(seed for seed, entry in manifest["seeds"].items() if entry["annotator"] != annotator_version())
    assert not stale, (f"{len(stale)} example seed(s) were annotated by another version of the annotator: run "
                       "`.venv/bin/python build.py annotate` and commit content/ (the manifest above all)")


def test_committed_example_keeps_its_hand_added_date(tmp_path):
    """`make site` runs annotate on the example archive: the editor's date must survive."""
    project = copy_project(tmp_path)
    before = _snapshot(project / "content")
    proc = run(sys.executable, str(ROOT / "build.py"), "annotate", "--seeds", str(project / "seeds"),
               "--content", str(project / "content"))
    assert "annotated 0 new article(s)" in proc.stdout
    assert _snapshot(project / "content") == before
    seed_article = project / "content" / "articles" / "syrian-army-captures-key-supply-route-in-deir-az-zor.md"
    assert "\ndate: 2017-09-29\n" in seed_article.read_text(encoding="utf-8")


def test_a_second_article_reuses_the_entity_files_of_the_first(tmp_path, annotator):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy2(SEED, seeds / SEED.name)
    (seeds / "b.txt").write_text(
        "Hezbollah fighters advance near Deir al-Zor\n\n"
        "Hezbollah fighters advanced near Deir al-Zor on Monday, the group said.\n", encoding="utf-8")
    ingest(seeds, content, lambda: annotator)
    places = sorted(p.stem for p in (content / "places").glob("*.yml"))
    assert places.count("deir-ez-zor") == 1 and not any(p.startswith("deir-al-zor") for p in places)
    second = read_document("b", (content / "articles" / "hezbollah-fighters-advance-near-deir-al-zor.md")
                           .read_text(encoding="utf-8"))
    assert "deir-ez-zor" in {p["id"] for p in second.meta["places"]}
    assert "hezbollah" in {a["id"] for a in second.meta["actors"]}


def test_an_archive_read_before_in_the_same_process_lends_it_no_entities(tmp_path, annotator):
    # One process (a preview server, a script) reads archive A, whose editor added an alias,
    # then archive B, which has no such entity: B is read as a fresh process reads it.
    story = "Clashes in Zamfara\n\nYan Sakai clashed with bandits near Gusau on Monday, police said.\n"
    for name in ("a", "b", "fresh"):
        (tmp_path / name / "seeds").mkdir(parents=True)
        (tmp_path / name / "seeds" / "story.txt").write_text(story, encoding="utf-8")
    (tmp_path / "a" / "content" / "actors").mkdir(parents=True)
    (tmp_path / "a" / "content" / "actors" / "zamfara-vigilantes.yml").write_text(
        "name: Zamfara Vigilantes\nkind: armed-group\naliases: [Yan Sakai]\n", encoding="utf-8")
    ingest(tmp_path / "fresh" / "seeds", tmp_path / "fresh" / "content", lambda: annotator)
    ingest(tmp_path / "a" / "seeds", tmp_path / "a" / "content", lambda: annotator)
    ingest(tmp_path / "b" / "seeds", tmp_path / "b" / "content", lambda: annotator)
    a, b = (read_document(n, (tmp_path / n / "content" / "articles" / "clashes-in-zamfara.md").read_text(
        encoding="utf-8")) for n in ("a", "b"))
    assert "zamfara-vigilantes" in {x["id"] for x in a.meta["actors"]}  # the editor's alias is used
    assert "zamfara-vigilantes" not in {x["id"] for x in b.meta["actors"]}
    assert _snapshot(tmp_path / "b" / "content") == _snapshot(tmp_path / "fresh" / "content")


def test_an_entity_file_for_a_cut_name_does_not_cut_the_name_again(tmp_path, annotator):
    # A file an earlier reading wrote for a name cut short ('... at Port' of '... at Port Royal'):
    # its name crosses the place the model reads, and gives way to it.
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    (seeds / "grants.txt").write_text(
        "Grants awarded\n\nThe grants went to Duke University and to the University of Weston at Port Royal, "
        "which also received books, officials said on Monday.\n", encoding="utf-8")
    (content / "actors").mkdir(parents=True)
    (content / "actors" / "university-of-weston-at-port.yml").write_text(
        "name: University of Weston at Port\nkind: university\n", encoding="utf-8")
    slug = ingest(seeds, content, lambda: annotator).written[0]
    doc = read_document("a", (content / "articles" / f"{slug}.md").read_text(encoding="utf-8"))
    assert "university-of-weston-at-port" not in {a["id"] for a in doc.meta["actors"]}
    assert "University of Weston" in {m for a in doc.meta["actors"] for m in a["mentions"]}
    assert ["Port Royal"] in [p["mentions"] for p in doc.meta["places"]]


def test_a_bad_seed_is_reported_and_the_others_are_annotated(tmp_path, annotator):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy2(SEED, seeds / SEED.name)
    (seeds / "latin1.txt").write_bytes("Caf\xe9 bombing\n\nA caf\xe9 was hit.\n".encode("latin-1"))
    (seeds / "empty.txt").write_bytes(b"")
    report = ingest(seeds, content, lambda: annotator)
    assert len(report.written) == 1
    messages = sorted(str(p) for p in report.problems)
    assert messages == [
        "seeds/empty.txt:1:1: error N002: the file is empty; add the article text or delete the file",
        "seeds/latin1.txt:1:4: error N001: the file is not UTF-8 text (byte 3); save it as UTF-8 and run again",
    ]


def test_two_processes_write_exactly_what_one_writes(tmp_path, annotator):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:6]:
        shutil.copy2(path, seeds / path.name)
    one = ingest(seeds, tmp_path / "one", lambda: annotator, processes=1)
    two = ingest(seeds, tmp_path / "two", lambda: annotator, processes=2)
    assert one.written == two.written and len(one.written) == 6
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")


def test_only_a_changed_seed_or_annotator_is_read_again_and_hand_edits_survive(tmp_path, annotator, monkeypatch):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy2(SEED, seeds / SEED.name)
    other = seeds / "b.txt"
    other.write_text("Hezbollah fighters advance near Deir al-Zor\n\n"
                     "Hezbollah fighters advanced near Deir al-Zor on Monday, the group said.\n", encoding="utf-8")
    first = ingest(seeds, content, lambda: annotator)
    seed_slug, other_slug = first.written
    seed_article = content / "articles" / f"{seed_slug}.md"
    seed_article.write_text(seed_article.read_text(encoding="utf-8").replace("date:\n", "date: 2017-09-29\n", 1),
                            encoding="utf-8")
    edited = seed_article.read_bytes()

    # Nothing changed: the manifest answers, the model is never loaded.
    report = ingest(seeds, content, lambda: pytest.fail("the model was loaded for unchanged seeds"))
    assert report.skipped == sorted([SEED.name, "b.txt"]) and report.refreshed == []

    # A re-delivered seed: that article alone is read again and merged.
    other.write_text(other.read_text(encoding="utf-8")
                     + "\nThe fighters also shelled Palmyra on Tuesday, the group said.\n", encoding="utf-8")
    report = ingest(seeds, content, lambda: annotator)
    assert report.written == [] and report.refreshed == [other_slug] and report.skipped == [SEED.name]
    assert "shelled Palmyra" in (content / "articles" / f"{other_slug}.md").read_text(encoding="utf-8")
    assert seed_article.read_bytes() == edited

    # A new annotator version: every article is read again; the editor's date stays.
    monkeypatch.setattr("newsroom.content.ingest.annotator_version", lambda: "a-newer-annotator")
    report = ingest(seeds, content, lambda: annotator)
    assert sorted(report.refreshed) == sorted([seed_slug, other_slug])
    assert "\ndate: 2017-09-29\n" in seed_article.read_text(encoding="utf-8")
    assert ingest(seeds, content, lambda: annotator).refreshed == []


def test_the_annotator_version_covers_every_module_the_annotator_runs():
    # A module left out of the version would let its changes through without re-annotating.
    import subprocess

    from newsroom.content.manifest import annotator_files

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, newsroom.annotate.annotator, newsroom.content.article_file, "
         "newsroom.resolve.registry; print(' '.join(m.__file__ for n, m in sys.modules.items() "
         "if n.startswith('newsroom.') and getattr(m, '__file__', None)))"],
        capture_output=True, text=True, check=True).stdout.split()
    hashed = {path.resolve() for path in annotator_files()}
    assert len(loaded) > 20
    # Package __init__ files hold a docstring (and the version) only: nothing that annotates.
    packages = {Path(f).resolve() for f in loaded if Path(f).name == "__init__.py"}
    assert all("import" not in p.read_text(encoding="utf-8") for p in packages - hashed)
    assert {Path(f).resolve() for f in loaded} - hashed - packages == set()
    assert any(path.suffix == ".yaml" for path in hashed)  # the knowledge files too
    # ... and how the gazetteer's index is built, which the annotator is handed, not imports.
    assert (Path(newsroom.__file__).parent / "cli" / "loading.py").resolve() in hashed


def test_a_place_filed_at_the_point_of_its_area_names_that_area_in_its_file(tmp_path, annotator):
    # The village's file carries the county's point and says so (`within`); the county's own
    # file has a point of its own and no `within`, and both pass the place schema.
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    (seeds / "heron.txt").write_text("Heron tests positive for bird flu\n\n"
                                     "A heron found in the village of Balnacoil in Fife has tested positive for the "
                                     "H5N1 strain, officials said on Monday.\n", encoding="utf-8")
    ingest(seeds, content, lambda: annotator)
    village = yaml.safe_load((content / "places" / "balnacoil.yml").read_text(encoding="utf-8"))
    county = yaml.safe_load((content / "places" / "fife.yml").read_text(encoding="utf-8"))
    assert village["within"] == "Fife" and (village["lat"], village["lon"]) == (county["lat"], county["lon"])
    assert "within" not in county
    proc = run(sys.executable, str(ROOT / "build.py"), "check", "--content", str(content), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
