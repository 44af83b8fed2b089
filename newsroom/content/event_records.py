"""An article's events, read from its checked front matter, with every reference inside them
checked against the archive: the actors, the place, the source (`according_to`) and the
sentence the event rests on. The type/sub-type pair is the schema's (article.schema.json).

The evidence rule: an event links to the sentence of the story its `evidence` is, or is part
of. Evidence an editor changed so that it is neither is a warning naming the nearest sentence,
which the event then links to; evidence no sentence comes close to is an error, and the event
has no link. Evidence that is the title or the standfirst is accepted, without a link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .. import errors
from ..errors import Problem, did_you_mean
from .records import Block, Entity, EventRecord, Sentence
from .visibility import confidence_of, review_of

Locate = Callable[..., tuple[int, int]]
NEAR = 0.6  # how alike (difflib's ratio) an edited evidence and its sentence must be to link them


def norm(text: str) -> str:
    return " ".join(text.split())


def resolve(ref: Any, folder: str, known: Mapping[str, Entity], redirects: Mapping[str, str]) -> str | None:
    """The entity id `ref` names (following merges and renames), or None when there is none."""
    if not isinstance(ref, str):
        return None
    slug = redirects.get(f"{folder}/{ref}", f"{folder}/{ref}").split("/", 1)[1]
    return slug if slug in known else None


def _missing(path: str, at: tuple[int, int], folder: str, ref: str, known: Mapping[str, Entity]) -> Problem:
    return errors.problem(path, *at, errors.REFERENCE_MISSING, kind=folder[:-1], ref=ref, folder=folder,
                          hint=did_you_mean(ref, known))


def _nearest(evidence: str, sentences: list[Sentence]) -> tuple[Sentence | None, float]:
    best: tuple[Sentence | None, float] = (None, 0.0)
    for sentence in sentences:
        matcher = SequenceMatcher(None, evidence, norm(sentence.text), autojunk=False)
        if matcher.real_quick_ratio() > best[1] and matcher.quick_ratio() > best[1]:
            ratio = matcher.ratio()
            if ratio > best[1]:
                best = (sentence, ratio)
    return best


def _line_of(text: str, body: str, body_line: int) -> int:
    """The file line that holds the sentence `text` (one sentence a line in the story)."""
    for n, line in enumerate(body.split("\n")):
        if text in norm(line):
            return body_line + n
    return body_line


def evidence_anchor(evidence: str, sentences: list[Sentence], elsewhere: list[str], path: str,
                    at: tuple[int, int], body: str, body_line: int) -> tuple[str | None, Problem | None]:
    """The anchor of the sentence an event links to, and the problem with its evidence, if any."""
    for sentence in sentences:
        if evidence == norm(sentence.text):
            return sentence.anchor, None
    for sentence in sentences:
        if evidence in norm(sentence.text):
            return sentence.anchor, None  # an editor kept only the clause that matters
    if any(evidence in norm(text) for text in elsewhere):
        return None, None  # the title or standfirst: no sentence of the story to link to
    nearest, ratio = _nearest(evidence, sentences)
    if nearest is None or ratio < NEAR:
        return None, errors.problem(path, *at, errors.EVIDENCE_NOT_FOUND)
    text = norm(nearest.text)
    shown = text if len(text) <= 80 else text[:77] + "..."
    return nearest.anchor, errors.problem(path, *at, errors.EVIDENCE_EDITED, severity="warning",
                                          sentence_line=_line_of(text, body, body_line), sentence=shown)


@dataclass
class _Context:
    """What one article's events are checked against."""

    slug: str
    path: str
    locate: Locate
    actors: Mapping[str, Entity]
    places: Mapping[str, Entity]
    redirects: Mapping[str, str]
    problems: list[Problem]
    unreadable: Set[str] = frozenset()  # "actors/slug" of files that exist but cannot be read

    def ref(self, folder: str, value: Any, *where: Any) -> str | None:
        """The entity id an event field names, or None; a name of no entity is an error (but
        not one whose file exists and cannot be read: that file's own problem names it)."""
        known = self.actors if folder == "actors" else self.places
        found = resolve(value, folder, known, self.redirects)
        if (found is None and isinstance(value, str)
                and self.redirects.get(f"{folder}/{value}", f"{folder}/{value}") not in self.unreadable):
            self.problems.append(_missing(self.path, self.locate(*where), folder, value, known))
        return found


def read_events(slug: str, path: str, meta: dict[str, Any], blocks: list[Block], body: str, body_line: int,
                locate: Locate, actors: Mapping[str, Entity], places: Mapping[str, Entity],
                redirects: Mapping[str, str], unreadable: Set[str] = frozenset()) -> tuple[list[EventRecord],
                                                                                            list[Problem]]:
    """The article's events and their problems. `meta` has passed the schema check: an event
    left without its id, type or evidence there has been reported, and is left out here."""
    out: list[EventRecord] = []
    context = _Context(slug, path, locate, actors, places, redirects, [], unreadable)
    sentences = [s for b in blocks for s in b.sentences]
    elsewhere = [str(meta.get(k)) for k in ("title", "dek") if isinstance(meta.get(k), str)]
    events = meta.get("events")
    for n, item in enumerate(events if isinstance(events, list) else []):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("id", "type", "evidence")):
            continue
        evidence = norm(item["evidence"])
        anchor, problem = evidence_anchor(evidence, sentences, elsewhere, path, locate("events", n, "evidence"),
                                          body, body_line)
        context.problems.extend([problem] if problem else [])
        out.append(_event(context, n, item, evidence, anchor))
    return out, context.problems


def _event(context: _Context, n: int, item: dict[str, Any], evidence: str, anchor: str | None) -> EventRecord:
    listed = item["actors"] if isinstance(item.get("actors"), list) else []
    actors = [a for i, v in enumerate(listed) if (a := context.ref("actors", v, "events", n, "actors", i))]
    fatalities = item.get("fatalities")
    return EventRecord(
        id=item["id"], article=context.slug, type=item["type"], sub_type=_text(item.get("sub_type")) or "",
        actors=actors, place=context.ref("places", item.get("place"), "events", n, "place"),
        when=_text(item.get("when")), date=date_text(item.get("date")), precision=_text(item.get("precision")),
        fatalities=fatalities if isinstance(fatalities, dict) else None,
        according_to=context.ref("actors", item.get("according_to"), "events", n, "according_to"),
        status=_text(item.get("status")) or "reported", evidence=evidence, anchor=anchor,
        confidence=confidence_of(item), review=review_of(item), at=context.locate("events", n, "id"))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def date_text(value: Any) -> str | None:
    """A date as ISO text: YAML gives an unquoted date as a date object."""
    return value.isoformat() if hasattr(value, "isoformat") else _text(value)
