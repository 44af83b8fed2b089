"""Gold labels for the annotator's actors and places, matched as ../shared/eval/score.py
matches them (its own functions are used, so the two cannot drift apart).

An entity is labelled by the share of its mentions the scorer would count right, over those it
counts at all:

- actors (GUM, CoNLL entities): a mention is right when its span, trimmed of a leading 'the'
  and a possessive, overlaps a gold PER span (persons) or ORG span (every other kind; a state
  is LOC or ORG as the gold has it, like score.py's state_label), as score.py's overlap
  precision counts it; a mention that only covers a nested name or the head of a non-named
  mention ('the team') is not counted, as the scorer leaves it out. Overlap, not the strict
  figures' same span: the confidence says whether the name is an actor of that kind, which a
  reader sees, not where the name starts and ends ('AFP' or 'AFP news agency'), which the
  strict figures also judge;
- places in GUM and CoNLL: the same, against the LOC spans;
- places in the geoparsing sets (GeoVirus, GeoWebNews, LGL): a mention is right when it overlaps
  a gold toponym and lies within 161 km of it (acc@161; a toponym without coordinates needs
  the overlap only); a mention that overlaps none is wrong. One place the annotator gave no
  point departs from score.py, which counts it wrong end to end: it is right when it overlaps
  a toponym. A reader sees a place's name and page with no map, nothing wrong; counting it
  wrong would teach the model that every road, river or unresolved town is no place.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from newsroom.model import Actor, Place

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
ENTITY_SETS = ("wikinews-gum", "conll-test")
GEO_SETS = ("wikinews-geovirus", "geowebnews", "lgl")
ACC_KM = 161


@functools.cache
def scorer() -> ModuleType:
    """score.py, imported from where dev_eval.py runs it (once: each kind's rows ask for it)."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot read the scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class EntityGold:
    """One document's gold entities (GUM, CoNLL) in score.py's terms."""

    def __init__(self, score: ModuleType, text: str, gold: dict[str, Any]) -> None:
        self.score, self.text = score, text
        types = score.GOLD_TYPE
        entities = [e for e in gold["entities"] if e["type"] in types]
        self.required = [((e["start"], e["end"]), types[e["type"]]) for e in entities if not e.get("nested")]
        self.nested = [((e["start"], e["end"]), types[e["type"]]) for e in entities if e.get("nested")]
        self.nominal = [((n["start"], n["end"]), tuple(n["head"])) for n in gold.get("nominal", [])]
        self.trimmed = [(score.trim(text, span), label) for span, label in self.required]

    def judge(self, spans: list[tuple[int, int]], label: str) -> tuple[int, int] | None:
        """(right, counted) over the mentions; None when the scorer counts none of them."""
        right = counted = 0
        for span in spans:
            typed = self.score.state_label(span, label, self.required)
            trimmed = self.score.trim(self.text, span)
            loose = any(lab == typed and self.score.overlaps(trimmed, x) for x, lab in self.trimmed)
            optional = (any(lab == typed and self.score.overlaps(trimmed, x) for x, lab in self.nested)
                        or any(whole[0] <= trimmed[0] and trimmed[1] <= whole[1]
                               and self.score.overlaps(trimmed, head) for whole, head in self.nominal))
            right += loose
            counted += loose or not optional
        return (right, counted) if counted else None


def actor_label(gold: EntityGold, actor: Actor) -> tuple[int, int] | None:
    label = "PER" if actor.kind == "person" else "STATE" if actor.kind == "state" else "ORG"
    return gold.judge([(m.start, m.end) for m in actor.mentions], label)


def place_label(score: ModuleType, set_name: str, text: str, gold: dict[str, Any], place: Place,
                entity_gold: EntityGold | None = None) -> tuple[int, int] | None:
    spans = [(m.start, m.end) for m in place.mentions]
    if set_name in ENTITY_SETS:
        return (entity_gold or EntityGold(score, text, gold)).judge(spans, "LOC")
    toponyms = [((t["start"], t["end"]), t) for t in gold["places"]]
    right = 0
    for span in spans:
        hits = [(score.overlap_len(span, g), top) for g, top in toponyms if score.overlaps(span, g)]
        if not hits:
            continue
        top = max(hits, key=lambda h: h[0])[1]
        if top.get("lat") is None or place.lat is None or place.lon is None:
            right += 1
        else:
            right += score.haversine_km(top["lat"], top["lon"], place.lat, place.lon) <= ACC_KM
    return (right, len(spans)) if spans else None


ACTOR_SETS = ENTITY_SETS
PLACE_SETS = GEO_SETS + ENTITY_SETS   # GUM's and CoNLL's LOC spans judge places too

Row = tuple[dict[str, float], float, str]   # (evidence, label, where), as fit_confidence.py fits them


def entity_rows(kind: str, sets: dict[str, list[tuple[Path, str, dict[str, Any], Any]]]) -> list[Row]:
    """(evidence, label, where) for every actor (kind 'actor') or place ('place') the annotator
    found in `sets` (set name -> (path, text, gold, annotation) per document) that the scorer
    counts: the label is the share of its counted mentions that are right."""
    score = scorer()
    rows: list[Row] = []
    for set_name, docs in sets.items():
        if set_name not in (ACTOR_SETS if kind == "actor" else PLACE_SETS):
            continue
        for path, text, gold, annotation in docs:
            entity_gold = EntityGold(score, text, gold) if set_name in ENTITY_SETS else None
            if kind == "actor":
                judged = [(a, actor_label(entity_gold, a)) for a in annotation.actors] if entity_gold else []
            else:
                judged = [(p, place_label(score, set_name, text, gold, p, entity_gold)) for p in annotation.places]
            for entity, label in judged:
                if label is not None:
                    rows.append((entity.signals, label[0] / label[1],
                                 f"{set_name}:{path.name}:{entity.mentions[0].start}:{entity.name}"))
    return rows
