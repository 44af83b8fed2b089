"""Readers see only what the annotator is confident of, or what an editor accepted: a
suggestion stays in its file, `build.py review` lists it, and no public page, index, export or
feed shows it until `review --accept` (or a lower confidence_threshold) lets it through."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from newsroom.content.frontmatter import dump_document, split
from newsroom.content.loader import load_archive
from newsroom.content.visibility import Visibility
from newsroom.site.pages import SiteRenderer

from .conftest import ROOT, build_site, copy_project, run

SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"


@dataclass
class Case:
    project: Path
    site: Path
    suggested: dict    # an event below the threshold
    sure: dict         # an event above it, which an editor rejects
    actor: str         # an actor only this article names, below the threshold
    events: list       # every event of the article
    review_out: str


def _only_here(project: Path, ids: list[str]) -> str:
    others = [p.read_text(encoding="utf-8") for p in (project / "content" / "articles").glob("*.md")
              if p.stem != SLUG]
    return next(i for i in ids if not any(f"id: {i}\n" in text for text in others))


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Case:
    project = copy_project(tmp_path_factory.mktemp("suggestions"))
    article = project / "content" / "articles" / f"{SLUG}.md"
    front, body, _ = split("a", article.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    events = [e for e in meta["events"] if e["type"] == "Battles"]
    suggested, sure = events[0], events[1]
    for event in meta["events"]:
        event.pop("review", None)
        event["confidence"] = 0.95
    suggested["confidence"] = 0.42
    in_events = {a for e in meta["events"] for a in [*e.get("actors", []), e.get("according_to")]}
    actor = _only_here(project, [a["id"] for a in meta["actors"] if a["id"] not in in_events])
    next(a for a in meta["actors"] if a["id"] == actor)["confidence"] = 0.2
    article.write_text(dump_document(meta, body), encoding="utf-8")
    reject = run(sys.executable, "build.py", "review", "--reject", sure["id"], cwd=project)
    assert reject.stdout == (f"content/articles/{SLUG}.md: event {sure['id']} rejected; readers will not see it "
                             f"after the next build\n")
    review = run(sys.executable, "build.py", "review", cwd=project)
    site = project / "site"
    build_site(project, site)
    return Case(project, site, suggested, sure, actor, meta["events"], review.stdout)


def test_a_suggestion_is_on_no_public_page(case: Case) -> None:
    page = _html(case.site, f"articles/{SLUG}")
    assert f"<blockquote>{case.suggested['evidence']}</blockquote>" not in page.replace("&#39;", "'")
    assert not (case.site / "events" / case.suggested["id"]).exists()
    assert f'href="../../actors/{case.actor}/"' not in page
    # Only a suggestion names that actor: it has no page at all, nor a feed.
    assert not (case.site / "actors" / case.actor).exists()
    # The events readers do see are listed with their sentence, as before.
    public = [e for e in case.events if e["id"] not in (case.suggested["id"], case.sure["id"])]
    assert public and all(f"<blockquote>{e['evidence']}</blockquote>" in page.replace("&#39;", "'") for e in public)


def test_a_rejected_event_is_gone_whatever_its_confidence(case: Case) -> None:
    assert not (case.site / "events" / case.sure["id"]).exists()
    assert case.sure["id"] not in (case.site / "exports" / "events.csv").read_text(encoding="utf-8")


def test_suggestions_stay_out_of_exports_indexes_and_search_filters(case: Case) -> None:
    with (case.site / "exports" / "events.csv").open(encoding="utf-8", newline="") as handle:
        ids = {row["event_id_cnty"] for row in csv.DictReader(handle)}
    assert case.suggested["id"] not in ids and case.sure["id"] not in ids
    everything = "".join(p.read_text(encoding="utf-8") for p in (case.site / "exports").glob("*.json"))
    assert f'"{case.suggested["id"]}"' not in everything and f'"{case.sure["id"]}"' not in everything
    actors = json.loads((case.site / "exports" / "actors.json").read_text(encoding="utf-8"))
    assert case.actor not in json.dumps(actors) and len(actors) > 10
    assert f"/actors/{case.actor}/" not in _html(case.site, "actors")
    assert f'href="{case.suggested["id"]}/"' not in _html(case.site, "events")
    public = next(e["id"] for e in case.events if e["id"] not in (case.suggested["id"], case.sure["id"]))
    assert f'href="{public}/"' in _html(case.site, "events") and public in ids


def test_review_lists_the_suggestions_with_the_command_to_publish_each(case: Case) -> None:
    out = case.review_out
    assert out.startswith("Suggestions: below confidence 0.6, on no public page until accepted\n")
    assert (f"event {case.suggested['id']}: Battles · {case.suggested['sub_type']} (confidence 0.42)\n"
            f"    “{case.suggested['evidence']}”\n"
            f"    to publish: python build.py review --accept {case.suggested['id']}\n") in out
    assert (f"actor {case.actor} (confidence 0.20)\n    named: "
            in out) and f"    to publish: python build.py review --accept {SLUG}/actors/{case.actor}\n" in out
    assert case.sure["id"] not in out  # decided: not a suggestion any more


def test_accepting_publishes_it_and_keeps_the_rest_of_the_file(case: Case, tmp_path: Path) -> None:
    article = case.project / "content" / "articles" / f"{SLUG}.md"
    before = article.read_text(encoding="utf-8")
    out = run(sys.executable, "build.py", "review", "--accept", case.suggested["id"], cwd=case.project).stdout
    assert out == (f"content/articles/{SLUG}.md: event {case.suggested['id']} accepted; readers now see it after "
                   f"the next build\n")
    after = article.read_text(encoding="utf-8")
    assert f"  confidence: 0.42\n  review: accepted\n  evidence: {case.suggested['evidence']}" in after
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # one line, nothing else touched
    site = tmp_path / "site"
    build_site(case.project, site)
    assert (site / "events" / case.suggested["id"]).is_dir()
    assert not (site / "events" / case.sure["id"]).exists()  # rejected stays rejected


def test_an_unknown_event_id_is_refused_with_a_hint(case: Case) -> None:
    typo = case.suggested["id"] + "x"
    proc = run(sys.executable, "build.py", "review", "--accept", typo, cwd=case.project, check=False)
    assert proc.returncode == 1
    assert proc.stderr == (f"review: error N219: there is no event '{typo}'; did you mean '{case.suggested['id']}'? "
                           f"(`python build.py review` lists the suggestions with their ids)\n")


def test_the_preview_shows_suggestions_marked_and_never_a_rejected_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    article = project / "content" / "articles" / f"{SLUG}.md"
    front, body, _ = split("a", article.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    for event in meta["events"]:
        event["confidence"] = 0.95
        event.pop("review", None)
    for entry in meta["actors"] + meta["places"]:  # sure of every name: only the event is in doubt
        entry.pop("confidence", None)
        entry.pop("review", None)
    low, rejected = meta["events"][0], meta["events"][1]
    low["confidence"], rejected["review"] = 0.42, "rejected"
    article.write_text(dump_document(meta, body), encoding="utf-8")

    def shown(visibility: Visibility) -> dict[str, bool]:
        events = load_archive(project / "content", visibility=visibility).articles[SLUG].events
        return {e.id: e.suggested for e in events}

    preview, public, lenient = shown(Visibility(0.7, True)), shown(Visibility(0.7)), shown(Visibility(0.3))
    assert preview[low["id"]] is True and not any(v for k, v in preview.items() if k != low["id"])
    assert low["id"] not in public and low["id"] in lenient and lenient[low["id"]] is False
    assert rejected["id"] not in preview and rejected["id"] not in lenient
    assert len(public) == len(meta["events"]) - 2
    # The preview's article page marks it, with its confidence.
    archive = load_archive(project / "content", visibility=Visibility(0.7, True))
    page = SiteRenderer(archive, ROOT / "templates").plan()[f"articles/{SLUG}.md"].render()
    assert page.count('class="nr-suggestion"') == 1 and "suggestion · confidence 0.42" in page


def test_a_threshold_that_is_no_confidence_is_refused_naming_the_option(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      confidence_threshold: 0.6\n" in text
    config.write_text(text.replace("      confidence_threshold: 0.6\n", "      confidence_threshold: 7\n"),
                      encoding="utf-8")
    proc = run(sys.executable, "build.py", "review", cwd=project, check=False)
    assert proc.returncode == 1
    assert "confidence_threshold" in proc.stderr and "7 is not a confidence: write a number from 0 to 1" in proc.stderr
    assert "Traceback" not in proc.stderr
    built = build_site(project, project / "site", check=False)
    assert built.returncode != 0 and "7 is not a confidence" in built.stdout + built.stderr
