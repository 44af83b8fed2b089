"""The stable JSON contract of `build.py annotate --json`: one object per file.

Scripts and the evaluation read this; add fields, never rename or remove them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..model import DEFAULT_CONFIDENCE_THRESHOLD, Annotation, Event


def state_places(ann: Annotation, countries: dict[str, Any],
                 territories: Mapping[str, tuple[float, float]] | None = None) -> list[dict[str, Any]]:
    """A state that acts is still a place: its mentions are also listed, as the country, in
    `places` (the same entity seen as territory), so every toponym of the text is there. So is a
    union of states that governs its members' territory as one (`territories`: actor name ->
    point, from the knowledge base: the EU), as a 'union'."""
    out = []
    named = {p.name for p in ann.places}
    for actor in ann.actors:
        mentions = [m.as_json() for m in actor.mentions]
        if (point := (territories or {}).get(actor.name)) is not None and actor.name not in named:
            out.append({"name": actor.name, "kind": "union", "country": None, "lat": point[0], "lon": point[1],
                        "geonames": None, "within": None, "confidence": actor.confidence, "mentions": mentions})
        country = countries.get(actor.country) if actor.kind == "state" and actor.country else None
        if country is None or country.name in named:
            continue
        out.append({"name": country.name, "kind": "country", "country": country.name, "lat": country.lat,
                    "lon": country.lon, "geonames": country.geonames, "within": None, "confidence": actor.confidence,
                    "mentions": mentions})
    return out


def annotation_json(path: str, ann: Annotation, countries: dict[str, Any] | None = None,
                    threshold: float = DEFAULT_CONFIDENCE_THRESHOLD,
                    territories: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """`countries`, `territories`: the knowledge base's, for the place facet of state actors and
    of unions of states.
    Events below `threshold` are listed under `suggestions`, not `events`: what a reader of
    the site would not see. Actors and places carry their `confidence` and are all listed,
    whatever it is: the entity scorers read every one, and moving them would change what
    `actors` and `places` meant to every script that reads them."""
    layout = ann.layout
    events = [_event(e) for e in ann.events if e.confidence >= threshold]
    return {
        "file": path,
        "title": layout.title,
        "date": ann.date,
        "layout": {
            "dek": layout.dek, "dateline": layout.dateline, "filed_from": layout.filed_from, "agency": layout.agency,
            "byline": layout.byline, "credit": layout.credit,
            "images": [{"caption": i.caption, "credit": i.credit} for i in layout.images],
            "related": layout.related, "sections": layout.sections,
        },
        "actors": [
            {"name": a.name, "kind": a.kind, "country": a.country, "role": a.role, "aliases": a.aliases,
             "confidence": a.confidence, "mentions": [m.as_json() for m in a.mentions]}
            for a in ann.actors
        ],
        "places": [
            {"name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat, "lon": p.lon,
             "geonames": p.geonames, "within": p.within, "confidence": p.confidence,
             "mentions": [m.as_json() for m in p.mentions]}
            for p in ann.places
        ] + state_places(ann, countries or {}, territories),
        "events": events,
        "suggestions": {"events": [_event(e) for e in ann.events if e.confidence < threshold]},
    }


def _event(e: Event) -> dict[str, Any]:
    return {"type": e.type, "sub_type": e.sub_type, "actors": e.actors, "place": e.place, "when": e.when,
            "date": e.date, "precision": e.precision, "fatalities": e.fatalities,
            "fatalities_qualifier": e.fatalities_qualifier, "fatalities_text": e.fatalities_text,
            "according_to": e.according_to, "status": e.status, "confidence": e.confidence,
            "evidence": e.evidence.as_json()}


# Characters str.splitlines() breaks a line at that JSON leaves unescaped (json.dumps escapes
# the ASCII ones): a reader splitting the output into lines would cut a record in two.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(record: dict[str, Any]) -> str:
    """One record as one line of JSON, whatever line separators the article holds."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS)
