"""Actors and places have a confidence too: below the threshold an entry is a suggestion that
readers do not see until an editor accepts it (`build.py review --accept ARTICLE/actors/ID`),
below the floor the annotator does not write it, and the fitted model puts a name that is no
actor of its kind below one that is."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Span as DocSpan

from newsroom.annotate.candidate import Candidate
from newsroom.annotate.confidence import confidence, load_models
from newsroom.annotate.entity_drafts import EntityDraft
from newsroom.annotate.entity_evidence import ArticleView, actor_evidence
from newsroom.cli.annotation_json import annotation_json
from newsroom.content.article_file import article_meta
from newsroom.content.frontmatter import dump_document, split
from newsroom.content.loader import load_archive
from newsroom.content.visibility import Visibility
from newsroom.model import (
    ACTOR_KINDS,
    DEFAULT_CONFIDENCE_THRESHOLD,
    PLACE_KINDS,
    Actor,
    Annotation,
    Event,
    Layout,
    Place,
    Span,
)
from newsroom.resolve.registry import Assignment

from .conftest import copy_project, run

SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"


def _meta(project: Path) -> tuple[Path, dict, str]:
    article = project / "content" / "articles" / f"{SLUG}.md"
    front, body, _ = split("a", article.read_text(encoding="utf-8"))
    return article, yaml.safe_load(front), body


def _only_here(project: Path, meta: dict) -> list[str]:
    """Actors of the article that no event and no other article names."""
    in_events = {a for e in meta["events"] for a in [*e.get("actors", []), e.get("according_to")]}
    others = [p.read_text(encoding="utf-8") for p in (project / "content" / "articles").glob("*.md")
              if p.stem != SLUG]
    return [a["id"] for a in meta["actors"] if a["id"] not in in_events
            and not any(f"id: {a['id']}\n" in text for text in others)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("entity-confidence"))


def test_a_doubtful_actor_is_held_listed_and_published_once_accepted(project: Path) -> None:
    article, meta, body = _meta(project)
    junk, sure = _only_here(project, meta)[:2]
    for entry in meta["actors"]:
        entry.pop("review", None)
        entry["confidence"] = {junk: 0.45, sure: 0.9}.get(entry["id"], 1.0)
    article.write_text(dump_document(meta, body), encoding="utf-8")

    shown = load_archive(project / "content", visibility=Visibility(DEFAULT_CONFIDENCE_THRESHOLD))
    actors = {m.entity for m in shown.articles[SLUG].actors}
    assert sure in actors and sure in shown.actors          # confident: public, with its page
    assert junk not in actors and junk not in shown.actors  # held: no link, no page
    assert junk in {getattr(m, "entity", None) for m in shown.articles[SLUG].held}

    listed = run(sys.executable, "build.py", "review", cwd=project).stdout
    assert f": actor {junk} (confidence 0.45)\n    named: " in listed
    assert f"    to publish: python build.py review --accept {SLUG}/actors/{junk}\n" in listed
    assert f"actor {sure} " not in listed

    before = article.read_text(encoding="utf-8")
    out = run(sys.executable, "build.py", "review", "--accept", f"{SLUG}/actors/{junk}", cwd=project).stdout
    assert out == (f"content/articles/{SLUG}.md: actor {junk} accepted; readers now see it after the next "
                   f"build\n")
    after = article.read_text(encoding="utf-8")
    assert "  confidence: 0.45\n  review: accepted\n" in after
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # one line, nothing else touched
    shown = load_archive(project / "content", visibility=Visibility(DEFAULT_CONFIDENCE_THRESHOLD))
    assert junk in {m.entity for m in shown.articles[SLUG].actors} and junk in shown.actors
    assert f"actor {junk} " not in run(sys.executable, "build.py", "review", cwd=project).stdout


def test_an_unknown_entry_is_refused_with_a_hint(project: Path) -> None:
    _, meta, _ = _meta(project)
    place = meta["places"][0]["id"]
    typo = f"{SLUG}/places/{place}x"
    proc = run(sys.executable, "build.py", "review", "--reject", typo, cwd=project, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"review: error N220: there is no entry '{typo}'; did you mean "
                                  f"'{SLUG}/places/{place}'?")


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_below_the_floor_an_entity_is_not_written_unless_a_kept_event_names_it() -> None:
    text = "Title\n\nAlpha met Beta and Gamma in Delta, near Epsilon.\n"
    actors = [Actor(name, "person", [_span(text, name)], confidence=c)
              for name, c in (("Alpha", 1.0), ("Beta", 0.45), ("Gamma", 0.2))]
    places = [Place("Delta", "town", [_span(text, "Delta")], confidence=0.1),
              Place("Epsilon", "town", [_span(text, "Epsilon")], confidence=0.25)]
    event = Event("Diplomacy", "Meeting", _span(text, "Alpha met Beta"), actors=["Alpha", "Beta"], place="Delta",
                  confidence=0.9)
    ann = Annotation(Layout("Title"), [], actors, places, [event])
    ids = Assignment(["alpha", "beta", "gamma"], ["delta", "epsilon"], {}, {})
    meta = article_meta(ann, "a", "a.txt", ids)
    assert meta["actors"] == [{"id": "alpha", "mentions": ["Alpha"]},          # sure: no confidence written
                              {"id": "beta", "mentions": ["Beta"], "confidence": 0.45}]  # a suggestion
    assert meta["places"] == [{"id": "delta", "mentions": ["Delta"], "confidence": 0.1}]  # the event's place
    assert meta["events"][0]["actors"] == ["alpha", "beta"] and meta["events"][0]["place"] == "delta"


# Evidence is named by what it is, never by a word of an article: 'ner:PERSON', 'kind:city',
# 'after_placing_word'.
EVIDENCE_NAME = re.compile(r"^(?:[a-z_]+|ner:[A-Z_]+|kind:[a-z-]+|article:[a-z]+)$")


def test_evidence_names_are_general(annotator) -> None:
    text = ("Floods in Lisbon\n\nHeavy rain flooded Lisbon, Portugal, on Monday, and the Tagus River burst its "
            "banks near Santarem. Mayor Carlos Moedas said the Red Cross had opened shelters. The army was sent "
            "to Coimbra.\n")
    ann = annotator(text, "2020-01-06")
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)} - {"in", "on", "the", "and", "near", "had", "to"}
    signals = [name for e in [*ann.actors, *ann.places] for name in e.signals]
    assert ann.actors and ann.places and signals
    for name in signals:
        assert EVIDENCE_NAME.match(name), name
        if name.startswith("kind:"):
            assert name[5:] in ACTOR_KINDS + PLACE_KINDS + ("country",), name
        assert not set(re.split(r"[:_]", name.lower())) & words, name
    # Each confidence is the fitted model's reading of the entity's named evidence, and nothing
    # else, so an editor can trace it; and the evidence moves it (a river named once in passing is
    # less sure than a capital named twice beside its country).
    models = annotator.knowledge.confidence
    for entity in ann.actors:
        assert entity.confidence == confidence(models.get("actor"), entity.signals), entity.name
    for entity in ann.places:
        assert entity.confidence == confidence(models.get("place"), entity.signals), entity.name
    assert len({p.confidence for p in ann.places}) > 1
    # The JSON contract carries it, on every actor and place whatever its confidence.
    record = annotation_json("x", ann, annotator.knowledge.countries)
    assert [a["confidence"] for a in record["actors"]] == [a.confidence for a in ann.actors]
    assert all(isinstance(p["confidence"], float) for p in record["places"])


def test_a_kind_with_no_fitted_model_is_not_judged(tmp_path: Path) -> None:
    path = tmp_path / "confidence.yaml"
    path.write_text("event:\n  bias: -1.0\n  weights: {armed: 2.0}\n", encoding="utf-8")
    models = load_models(path)
    assert set(models) == {"event"} and confidence(models.get("actor"), {"ner:PERSON": 1.0}) == 1.0
    assert confidence(models["event"], {"armed": 1.0}) == 0.73


def _person(annotator, text: str, names: list[str]) -> dict[str, float]:
    """The fitted actor model's confidence in each of `names` read as a person, every mention
    labelled PERSON (as the model wrongly labels a city or a common noun now and then)."""
    doc = annotator.nlp(text)
    drafts = {}
    spans = []
    for name in names:
        mentions = []
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = doc.char_span(match.start(), match.end())
            spans.append(DocSpan(doc, span.start, span.end, "PERSON"))
            mentions.append(Candidate(match.start(), match.end(), "PERSON", None, "ner", (span.start, span.end)))
        drafts[name] = EntityDraft(("actor", name.lower()), "actor", "person", mentions=mentions)
    doc.set_ents(spans, default="unmodified")
    view = ArticleView.read(doc, drafts.values(), annotator.knowledge, annotator.gazetteer, [], None)
    model = annotator.knowledge.confidence.get("actor")
    return {name: confidence(model, actor_evidence(view, draft, "person", name)) for name, draft in drafts.items()}


def test_the_fitted_model_puts_junk_persons_below_one_who_speaks(annotator) -> None:
    city = _person(annotator, "New subway line\n\nThe city of Beijing opened a subway line on Monday. Traffic in "
                              "Beijing is heavy, and Beijing keeps growing. Wang Lei, a transport official, said "
                              "the line would carry a million riders a day.\n", ["Beijing", "Wang Lei"])
    assert city["Beijing"] < city["Wang Lei"]
    drought = _person(annotator, "Dry summer\n\nWater was scarce across the region this summer, and the price of "
                                 "water doubled. Anna Berg, a farmer, said her wells were dry.\n",
                      ["Water", "Anna Berg"])
    assert drought["Water"] < drought["Anna Berg"] and drought["Water"] < DEFAULT_CONFIDENCE_THRESHOLD
