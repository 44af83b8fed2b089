"""One entity, one entry in an article: two drafts the registry files under one page are written
as one entry, and an article that lists one entity twice (by hand, or two ids a merge made one)
is reported with both lines and shown once, as visible as its more visible entry. An entry an
editor rejected is no side and no place of the article's events either."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsroom.content.article_file import article_meta
from newsroom.content.frontmatter import dump_document, split
from newsroom.content.loader import load_archive
from newsroom.model import Annotation, Event, Layout, Place, Span
from newsroom.resolve.registry import Assignment

from .conftest import copy_project

SLUG = "after-visa-snags-all-girl-afghan-team-honored-for-courageous-achievement-at"


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_two_drafts_filed_under_one_page_are_one_entry() -> None:
    text = "Title\n\nProtesters marched in Springfield, the state capital, and in Capital City on Monday.\n"
    places = [Place("Springfield", "city", [_span(text, "Springfield")], confidence=0.7),
              Place("Capital City", "city", [_span(text, "Capital City")], confidence=0.9),
              Place("Monday", "town", [_span(text, "Monday")], confidence=0.3)]
    event = Event("Protests", "Peaceful protest", _span(text, "Protesters marched"), place="Capital City",
                  confidence=0.9)
    ann = Annotation(Layout("Title"), [], [], places, [event])
    # The registry found the first by name and the second by its gazetteer id: one page.
    meta = article_meta(ann, "a", "a.txt", Assignment([], ["springfield", "springfield", "monday"], {}, {}))
    assert meta["places"] == [{"id": "springfield", "mentions": ["Springfield", "Capital City"], "confidence": 0.9},
                              {"id": "monday", "mentions": ["Monday"], "confidence": 0.3}]
    assert meta["events"][0]["place"] == "springfield"
    sure = [Place("Springfield", "city", [_span(text, "Springfield")], confidence=0.7),
            Place("Capital City", "city", [_span(text, "Capital City")])]
    meta = article_meta(Annotation(Layout("Title"), [], [], sure, []), "a", "a.txt",
                        Assignment([], ["springfield", "springfield"], {}, {}))
    assert meta["places"] == [{"id": "springfield", "mentions": ["Springfield", "Capital City"]}]  # none: sure


def test_an_entity_listed_twice_is_reported_and_shown_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "content" / "articles" / f"{SLUG}.md"
    front, body, _ = split("a", path.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    first = meta["places"][0]
    # A suggestion of the same place, below the threshold, and not decided: the accepted entry decides.
    meta["places"].append({"id": first["id"], "mentions": ["the capital"], "confidence": 0.3})
    path.write_text(dump_document(meta, body), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    at = [n for n, line in enumerate(lines, 1) if line == f"- id: {first['id']}" and n > 1]
    archive = load_archive(project / "content")
    messages = [str(p) for p in archive.problems if p.code == "N130"]
    assert messages == [f"content/articles/{SLUG}.md:{at[-1]}:7: warning N130: 'places' lists the place "
                        f"'{first['id']}' twice (also line {at[0]}); the site joins the two: keep one entry with "
                        f"the mentions of both"]
    article = archive.articles[SLUG]
    shown = [m for m in article.places if m.entity == first["id"]]
    assert len(shown) == 1 and shown[0].texts == [*first["mentions"], "the capital"] and not shown[0].suggested
    assert [a.slug for a, _ in archive.mentions_of()[("places", first["id"])]].count(SLUG) == 1


def test_an_entity_an_editor_rejected_is_no_side_or_place_of_the_article_s_events(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "content" / "articles" / f"{SLUG}.md"
    front, body, _ = split("a", path.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    meta["events"] = [{"id": f"{SLUG}-90", "type": "Protests", "sub_type": "Peaceful protest", "actors": [
        meta["actors"][0]["id"], meta["actors"][1]["id"]], "place": meta["places"][0]["id"], "confidence": 0.9,
        "evidence": body.strip().splitlines()[0]}]
    meta["places"][0]["review"] = meta["actors"][1]["review"] = "rejected"  # not a place, not an actor here
    path.write_text(dump_document(meta, body), encoding="utf-8")
    archive = load_archive(project / "content")
    (event,) = archive.articles[SLUG].events
    assert (event.place, event.actors) == (None, [meta["actors"][0]["id"]])
    assert not archive.problems
