"""An annotation -> the article's content file: front matter an editor can read and fix, and
the story as the body (one sentence a line, blank lines between paragraphs, '## ' subheadings).

Pure: the store decides where the text goes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..model import SUGGESTION_FLOOR, Actor, Annotation, Event, Place, Span
from ..resolve.registry import Assignment
from .frontmatter import dump_document
from .visibility import surer


def story_body(ann: Annotation) -> str:
    """The story blocks as text: sentences on their own lines, so evidence anchors stay stable."""
    parts = []
    for kind, block in ann.layout.blocks:
        if kind == "h":
            parts.append(f"## {block.text}")
            continue
        sentences = [s.text for s in ann.sentences if block.start <= s.start and s.end <= block.end]
        parts.append("\n".join(" ".join(s.split()) for s in sentences) or " ".join(block.text.split()))
    return "\n\n".join(parts) + "\n"


def _event_entry(event: Event, event_id: str, actor_ids: dict[str, str], place_ids: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": event_id, "type": event.type, "sub_type": event.sub_type}
    entry["actors"] = [actor_ids[name] for name in event.actors if name in actor_ids]
    if event.place and event.place in place_ids:
        entry["place"] = place_ids[event.place]
    if event.when:
        entry["when"] = event.when
    if event.date:
        entry["date"] = _date(event.date)
        entry["precision"] = event.precision
    if event.fatalities is not None:
        entry["fatalities"] = {"count": event.fatalities, "qualifier": event.fatalities_qualifier,
                               "text": event.fatalities_text}
    if event.according_to and event.according_to in actor_ids:
        entry["according_to"] = actor_ids[event.according_to]
    if event.status != "reported":
        entry["status"] = event.status
    entry["confidence"] = round(event.confidence, 2)
    entry["evidence"] = " ".join(event.evidence.text.split())
    return entry


HEADLINE_CHARACTERS = 90


def headline(ann: Annotation) -> str:
    """The article's title line; for a text without one (a one-paragraph report), its first
    sentence, cut at a word before HEADLINE_CHARACTERS with an ellipsis."""
    if ann.layout.title:
        return ann.layout.title
    story = [span for kind, span in ann.layout.blocks if kind == "p"]
    first = next((" ".join(s.text.split()) for s in ann.sentences
                  if any(b.start <= s.start and s.end <= b.end for b in story)), "")
    if len(first) <= HEADLINE_CHARACTERS:
        return first or "Untitled"
    return first[:HEADLINE_CHARACTERS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def above_floor(ann: Annotation) -> Annotation:
    """What is written to content/ at all: an annotation the annotator is barely sure of is not
    even a suggestion (an editor would spend more time rejecting such annotations than the few
    real ones among them are worth). An actor or place a kept event names stays whatever its
    confidence: the event's entry refers to it by id. Ingest drops the rest before ids are
    assigned, so no entity file is made for what no article keeps."""
    events = [e for e in ann.events if e.confidence >= SUGGESTION_FLOOR]
    actors = {name for e in events for name in [*e.actors, e.according_to] if name}
    places = {e.place for e in events if e.place}
    return dataclasses.replace(
        ann, events=events,
        actors=[a for a in ann.actors if a.confidence >= SUGGESTION_FLOOR or a.name in actors],
        places=[p for p in ann.places if p.confidence >= SUGGESTION_FLOOR or p.name in places])


def _entity_entry(entity: Actor | Place, slug: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": slug, "mentions": _mention_texts(entity.mentions)}
    if isinstance(entity, Actor) and entity.role:
        entry["role"] = entity.role
    # Written only when it is a doubt: 1.0 (no model for the kind, or no doubt) says nothing an
    # editor needs, and leaving it out keeps entries of archives written before it unchanged.
    if entity.confidence < 1:
        entry["confidence"] = round(entity.confidence, 2)
    return entry


def article_meta(ann: Annotation, slug: str, seed: str, ids: Assignment) -> dict[str, Any]:
    """The front matter of a newly annotated article (key order is the order editors see).
    `ids` are for `ann`'s actors and places; what is below the floor is left out (`above_floor`)."""
    layout = ann.layout
    meta: dict[str, Any] = {"title": headline(ann), "seed": seed, "date": _date(ann.date)}
    for key in ("dek", "dateline", "filed_from", "agency", "byline", "credit"):
        value = getattr(layout, key)
        if value:
            meta[key] = value
    if layout.images:
        meta["images"] = [{k: v for k, v in (("caption", i.caption), ("credit", i.credit)) if v} for i in layout.images]
    if layout.related:
        meta["related"] = list(layout.related)
    # `assign` gives one id per actor and per place, in order: lists of one length.
    actor_ids = dict(zip([a.name for a in ann.actors], ids.actor_ids, strict=True))
    place_ids = dict(zip([p.name for p in ann.places], ids.place_ids, strict=True))
    kept = above_floor(ann)
    meta["actors"] = _one_entry_each([_entity_entry(actor, actor_ids[actor.name]) for actor in kept.actors])
    meta["places"] = _one_entry_each([_entity_entry(place, place_ids[place.name]) for place in kept.places])
    meta["events"] = [_event_entry(e, f"{slug}-{n}", actor_ids, place_ids) for n, e in enumerate(kept.events, 1)]
    return meta


def _one_entry_each(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry an entity: two drafts the registry files under one page (a spelling it finds
    by name, another by its gazetteer id; a name an earlier version of the article filed there)
    are one entity of the article, and two entries with one id would make its page list the
    article twice and leave an editor's 'accept ARTICLE/places/ID' ambiguous. The first keeps
    its place in the list and takes the other's mentions; it is as sure as its surer draft (`surer`)."""
    out: dict[str, dict[str, Any]] = {}
    for entry in entries:
        kept = out.setdefault(entry["id"], entry)
        if kept is entry:
            continue
        joined: dict[str, Any] = {"id": kept["id"], "mentions": [*kept["mentions"], *(
            text for text in entry["mentions"] if text not in kept["mentions"])]}
        if kept.get("role") or entry.get("role"):
            joined["role"] = kept.get("role") or entry["role"]
        if (sure := surer(kept.get("confidence"), entry.get("confidence"))) is not None:  # none written: sure
            joined["confidence"] = sure
        out[entry["id"]] = joined
    return list(out.values())


def _date(value: str | None) -> dt.date | None:
    """ISO dates as YAML dates (written unquoted, as an editor types them)."""
    return dt.date.fromisoformat(value) if value else None


def _mention_texts(mentions: list[Span]) -> list[str]:
    seen: list[str] = []
    for mention in mentions:
        text = " ".join(mention.text.split())
        if text not in seen:
            seen.append(text)
    return seen


def article_file(meta: dict[str, Any], body: str) -> str:
    return dump_document(meta, body)
