"""Issue 14, the field checks: each defect as content, reported by `check` and by the build with
its file, line and column, never a traceback; the build still publishes every other page and
the search index, exits non-zero, and changes no file."""

from __future__ import annotations

import contextlib
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsroom.cli.main import main

from .cli_run import no_constant
from .conftest import build_site
from .hostile_archive import BAD_FILES, hostile_project


@dataclass
class Run:
    project: Path
    site: Path
    check_out: str
    check_status: int
    build_err: str
    build_status: int
    before: dict[str, bytes]
    after: dict[str, bytes]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root)
    before = _snapshot(root)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", "--content", str(project / "content")], root=project)
    proc = build_site(project, root / "site", check=False)
    after = _snapshot(root)
    for gone in [name for name in after if name.startswith("site/")]:
        del after[gone]
    return Run(project, root / "site", out.getvalue() + err.getvalue(), status, proc.stderr, proc.returncode,
               before, after)


DEFECTS = {
    "impossible date": "content/articles/impossible-date.md:4:7: error N120: 'date' is '2017-02-30', which is not "
                       "a day of the calendar; write a real date as YYYY-MM-DD, e.g. 2017-09-29",
    "date out of range": "content/articles/date-out-of-range.md:4:7: error N120: 'date' is '2099-99-99', which is "
                         "not a day of the calendar; write a real date as YYYY-MM-DD, e.g. 2017-09-29",
    "NaN": "content/places/nan-town.yml:3:6: error N121: 'lat' is .nan, which is not a number; write a number such "
           "as 35.33, or delete it",
    "latitude out of range": "content/places/far-away.yml:3:6: error N103: 'lat' is 100; it must be at most 90",
    "longitude out of range": "content/places/far-away.yml:4:6: error N103: 'lon' is -200.5; it must be at least -180",
    "control character": "content/articles/control-title.md:2:8: error N122: 'title' holds the control character "
                         "U+0007 at character 5; delete it (the site leaves it out)",
    "event actor": "content/articles/event-typos.md:12:18: error N105: actor 'acm' is not in content/actors/; "
                   "did you mean 'acme'?",
    "event place": "content/articles/event-typos.md:13:10: error N105: place 'pariss' is not in content/places/; "
                   "did you mean 'paris'?",
    "sub-type": "content/articles/event-typos.md:11:13: error N123: sub-type 'Armed clsh' is not a sub-type of "
                "'Battles', which has: Armed clash, Government regains territory, Non-state actor overtakes "
                "territory; did you mean 'Armed clash'?",
    "according_to": "content/articles/event-typos.md:14:17: error N105: actor 'betta' is not in content/actors/; "
                    "did you mean 'beta'?",
    "edited evidence": "content/articles/edited-evidence.md:11:13: warning N124: the evidence is not a sentence of "
                       "the story, so the event links to the nearest one, line 16: 'Acme fought Beta in Paris on "
                       "Monday.'; copy that sentence exactly, or fix the story",
    "evidence in no sentence": "content/articles/edited-evidence.md:14:13: error N125: the evidence is not a "
                               "sentence of the story, and no sentence is close to it; copy the sentence the "
                               "event rests on",
    "event id claimed twice": "content/articles/second-claim.md:9:7: error N126: the event id 'good-1' is taken "
                              "by content/articles/good-article.md; give this event another id (its page is "
                              "/events/<id>/)",
    "unsafe redirect_from": "content/actors/unsafe-redirect.yml:3:17: error N103: 'redirect_from.0' is "
                            "'../../mkdocs'; it must be a slug: lower-case letters, digits and '-'",
    "unsafe event id": "content/articles/unsafe-ids.md:10:7: error N103: 'events.0.id' is '../escape'; it must be "
                       "a slug: lower-case letters, digits and '-'",
    "symlink out of the archive": "content/actors/outside-link.yml:1:1: error N127: this file is a link to "
                                  "{outside}/secret.yml, outside the archive; the build leaves it out: copy the "
                                  "file into content/ instead",
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_is_named_by_check_and_the_build_with_its_line(hostile: Run, defect: str) -> None:
    message = DEFECTS[defect].format(outside=hostile.project / "outside")
    assert message in hostile.check_out
    assert f"WARNING -  {message}" in hostile.build_err  # MkDocs's log
    assert f"\n  {message}\n" in hostile.build_err  # the list at the end
    assert "Traceback" not in hostile.check_out + hostile.build_err


def test_check_and_the_build_exit_non_zero_and_change_no_file(hostile: Run) -> None:
    assert hostile.check_status == 1 and hostile.build_status == 1
    assert hostile.after == hostile.before
    assert "build: 17 problem(s), listed below;" in hostile.build_err


def test_the_build_publishes_every_page_and_the_search_index(hostile: Run) -> None:
    site = hostile.site
    for name in ["good-article", "emoji-title", "formula-cells", *(Path(f).stem for f in BAD_FILES
                                                                   if f.startswith("articles/"))]:
        assert (site / "articles" / name / "index.html").exists(), name
    for page in ("actors/acme", "actors/unsafe-redirect", "places/paris", "places/nan-town", "places/far-away",
                 "events/good-1", "events/typos-1"):
        assert (site / page / "index.html").exists(), page
    assert (site / "pagefind" / "pagefind.js").exists()


def test_a_link_out_of_the_archive_is_not_published(hostile: Run) -> None:
    assert not (hostile.site / "actors" / "outside-link").exists()
    assert "Secret" not in (hostile.site / "exports" / "actors.json").read_text(encoding="utf-8")


def test_refused_values_are_left_out_of_pages_and_exports(hostile: Run) -> None:
    site = hostile.site
    places = json.loads((site / "exports" / "places.geojson").read_text(encoding="utf-8"),
                        parse_constant=no_constant)
    assert [f["properties"]["id"] for f in places["features"]] == ["paris"]
    assert "data-lat" not in (site / "places" / "nan-town" / "index.html").read_text(encoding="utf-8")
    article = (site / "articles" / "impossible-date" / "index.html").read_text(encoding="utf-8")
    assert "2017-02-30" not in article
    event = (site / "events" / "typos-1" / "index.html").read_text(encoding="utf-8")
    assert "Armed clsh" not in event and "acm" not in event.replace("acme", "")
    assert "<title>Bell rings - Newsroom archive</title>" in (
        site / "articles" / "control-title" / "index.html").read_text(encoding="utf-8")
    ET.parse(site / "feeds" / "articles.xml")


def test_an_edited_evidence_keeps_its_link_to_the_nearest_sentence(hostile: Run) -> None:
    page = (hostile.site / "events" / "edited-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../articles/edited-evidence/#s1">Acme fought Beta in Paris on a Monday.</a>' in page


def test_an_emoji_in_a_title_keeps_the_page_title(hostile: Run) -> None:
    page = (hostile.site / "articles" / "emoji-title" / "index.html").read_text(encoding="utf-8")
    assert "<title>Fire 🔥 at the depot - Newsroom archive</title>" in page
    feed = ET.parse(hostile.site / "feeds" / "articles.xml").getroot()
    assert "Fire 🔥 at the depot" in [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]


def test_an_orphan_is_reported_by_check_and_left_out_of_the_indexes(hostile: Run) -> None:
    assert ("content/actors/lonely.yml:1:1: warning N128: no article names this actor, so it is left out of the "
            "indexes, the search filters and the exports; delete the file, or merge it into another "
            "(docs/handbook/entities.md)") in hostile.check_out
    assert "N128" not in hostile.build_err  # a warning for editors, not a reason to stop publishing
    site = hostile.site
    assert 'href="lonely/"' not in (site / "actors" / "index.html").read_text(encoding="utf-8")
    assert '"lonely"' not in (site / "exports" / "actors.json").read_text(encoding="utf-8")
    assert "Lonely" not in (site / "exports" / "facets.json").read_text(encoding="utf-8")
    # Its own page stays, so links to it from elsewhere keep working.
    assert (site / "actors" / "lonely" / "index.html").exists()


def test_the_exports_are_strict_csv_json_and_xml(hostile: Run) -> None:
    import csv

    pandas = pytest.importorskip("pandas")
    site = hostile.site
    with (site / "exports" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["event_id_cnty"]: r for r in csv.DictReader(handle)}
    # OWASP: a cell starting with = + - @ tab or CR is text to a spreadsheet, not a formula.
    assert (rows["formula-1"]["actor1"], rows["formula-1"]["source"], rows["formula-1"]["notes"]) == \
        ("'@SUM(1+1)", "'-2+3", "'=1+2")
    assert rows["good-1"]["latitude"] == "48.85"  # numbers stay numbers
    frame = pandas.read_csv(site / "exports" / "events.csv")
    assert frame.loc[frame["event_id_cnty"] == "good-1", "latitude"].iloc[0] == 48.85
    for path in [*site.glob("exports/*.json"), *site.glob("exports/*.geojson")]:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=no_constant)
    feeds = [*site.glob("feeds/*.xml"), *site.glob("actors/*/feed.xml"), *site.glob("places/*/feed.xml")]
    assert len(feeds) > 5
    for feed in feeds:
        ET.parse(feed)


def test_the_schema_holds_every_event_type_with_its_sub_types() -> None:
    """The type/sub-type pairs of article.schema.json are model.EVENT_TYPES, both ways."""
    from newsroom.content.schema_check import schema
    from newsroom.model import EVENT_TYPES

    pairs = {rule["if"]["properties"]["type"]["const"]: tuple(rule["then"]["properties"]["sub_type"]["enum"])
             for rule in schema("article")["properties"]["events"]["items"]["allOf"]}
    assert pairs == EVENT_TYPES


def test_a_merge_stops_at_an_article_with_an_impossible_date_and_changes_nothing(tmp_path: Path) -> None:
    """Once a traceback from the YAML reader, half-way through the articles."""
    content = tmp_path / "content"
    for folder in ("articles", "actors", "places"):
        (content / folder).mkdir(parents=True)
    (content / "actors" / "acme.yml").write_text("name: Acme\nkind: company\n", encoding="utf-8")
    (content / "actors" / "acme-corp.yml").write_text("name: Acme Corp\nkind: company\n", encoding="utf-8")
    (content / "articles" / "dated.md").write_text(
        "---\ntitle: Dated\nseed: d.txt\ndate: 2017-02-30\nactors:\n- id: acme-corp\n  mentions: [Acme]\n---\n"
        "Acme opened a shop.\n", encoding="utf-8")
    before = _snapshot(content)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["merge", "acme-corp", "acme", "--content", str(content)], root=tmp_path)
    assert status == 1
    assert err.getvalue() == (
        "merge: error N216: content/articles/dated.md:4:7 cannot be read ('date' is '2017-02-30', which is not a "
        "day of the calendar; write a real date as YYYY-MM-DD, e.g. 2017-09-29); fix that file, then run the merge "
        "again; nothing was changed\n")
    assert _snapshot(content) == before


@pytest.mark.parametrize("text,expected", [
    ("date: 2017-02-30\n", {"date": "2017-02-30"}),                 # Python refuses the day
    ("date: 2099-99-99\n", {"date": "2099-99-99"}),
    ("n: " + "9" * 5000 + "\n", {"n": "9" * 5000}),                  # over Python's 4,300 digits
    ("d: 2017-09-29\n", {"d": __import__("datetime").date(2017, 9, 29)}),
])
def test_a_value_python_refuses_is_read_as_the_text_written(text: str, expected: dict) -> None:
    """Once a ValueError traceback from every command that reads the file; as text, the
    schema check reports it with its line."""
    from newsroom.content.frontmatter import dump_roundtrip, load_roundtrip, parse_yaml

    assert parse_yaml("f.yml", text) == expected
    assert dict(load_roundtrip(text)) == expected  # merge and refresh read the same
    assert str(next(iter(expected.values()))) in dump_roundtrip(load_roundtrip(text))


@pytest.mark.parametrize("text,message", [
    ("a: " + "[" * 600 + "]" * 600 + "\n", "f.yml:1:1: error N101: the front matter is not valid YAML: lists or "
                                           "mappings are nested too deeply; flatten them"),
    ("a: b\nc: d\x1fe\n", "f.yml:2:5: error N101: the front matter is not valid YAML: the character U+001F cannot "
                          "be written in YAML; delete it"),
])
def test_a_file_yaml_cannot_read_is_a_message_with_its_line(text: str, message: str) -> None:
    from newsroom.content.frontmatter import FrontMatterError, parse_yaml

    with pytest.raises(FrontMatterError) as caught:
        parse_yaml("f.yml", text)
    assert str(caught.value) == message
