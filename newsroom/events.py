"""Events in ACLED's terms, read sentence by sentence: the type from trigger words (data in
``data/events.yaml``), the actors and place named in the sentence, the time as the text says it,
fatalities as stated, who says so, and the sentence itself as evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .nlp import text_of
from .dates import find_when
from .errors import KnowledgeError
from .model import EVENT_TYPES, Actor, Event, Place, Span

DATA = Path(__file__).parent / "data" / "events.yaml"
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "dozens": 24, "a dozen": 12,
    "hundreds": 200, "scores": 40,
}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_QUAL = r"(more than|at least|over|around|about|nearly|almost|some|up to|roughly|approximately|an estimated)?\s*"
_VICTIMS = r"((?:[\w-]+ ){0,3}?(?:people|persons|fighters|civilians|soldiers|troops|militants|rebels|police(?:men)?|officers|members|children|women|men|pilgrims|protesters|others|workers|migrants|passengers))"
FATALITIES = [
    re.compile(rf"\b(?:killed|killing|kill)\s+{_QUAL}{_NUM}\s+{_VICTIMS}", re.IGNORECASE),
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_VICTIMS}\s+(?:were |have been |had been |are |was )?(?:killed|dead|died)", re.IGNORECASE),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:deaths|dead|fatalities)", re.IGNORECASE),
    re.compile(rf"\b(?:death toll|toll)\s+(?:\w+\s+){{0,4}}?(?:to|at|of)\s+{_QUAL}{_NUM}", re.IGNORECASE),
]
PLANNED = re.compile(r"\b(will|plans? to|planned|hopes? to|intends? to|is to|are to|to convene|scheduled)\b", re.IGNORECASE)
CLAIMED = re.compile(r"\b(claimed|claims|said(?: \w+){0,3} (?:it|they) had)\b", re.IGNORECASE)
SPECIFIC = {"road": 0, "landmark": 0, "town": 1, "village": 1, "city": 1, "district": 2, "province": 3,
            "region": 4, "river": 4, "place": 4, "country": 5, "continent": 6}


@dataclass(frozen=True)
class Trigger:
    type: str
    sub_type: str
    pattern: re.Pattern[str]
    needs_actor: bool


@lru_cache(maxsize=1)
def load_triggers(path: Path = DATA) -> tuple[Trigger, ...]:
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = []
    for n, rule in enumerate(rules, 1):
        if rule["sub_type"] not in EVENT_TYPES.get(rule["type"], ()):
            raise KnowledgeError(f"{path}: rule {n}: {rule['type']!r} / {rule['sub_type']!r} is not an ACLED type")
        pattern = re.compile(r"\b(?:" + "|".join(rule["words"]) + r")\b", re.IGNORECASE)
        triggers.append(Trigger(rule["type"], rule["sub_type"], pattern, "actor" in (rule.get("needs") or ())))
    return tuple(triggers)


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def fatalities(sentence: str) -> tuple[int, str, str] | None:
    """'more than 58 fighters were killed' -> (59, 'at-least', 'more than 58 fighters')."""
    for pattern in FATALITIES:
        match = pattern.search(sentence)
        if not match:
            continue
        qualifier, number = (match.group(1) or "").lower(), match.group(2).lower()
        value = NUMBER_WORDS.get(number) or int(number.replace(",", "")) if number.replace(",", "").isdigit() or number in NUMBER_WORDS else None
        if value is None:
            continue
        text = match.group(0)
        start = text.lower().find(qualifier) if qualifier else text.lower().find(number)
        text = text[start:] if start >= 0 else text
        if qualifier in ("more than", "over"):
            return value + 1, "at-least", text
        if qualifier == "at least":
            return value, "at-least", text
        if qualifier == "up to":
            return value, "at-most", text
        if qualifier:
            return value, "about", text
        return value, ("about" if number in ("dozens", "hundreds", "scores") else "exact"), text
    return None


def find_events(doc: Any, sentences: list[Span], actors: list[Actor], places: list[Place],
                article_date: str | None) -> list[Event]:
    """At most one event per sentence: the first trigger rule that fits it. `doc` is the parsed
    article (offsets of the raw text), used to tell who says what."""
    triggers = load_triggers()
    events = []
    for sentence in sentences:
        in_actors = [(m, a) for a in actors for m in a.mentions if _inside(m, sentence)]
        # 'a UK-based monitor': where an actor is based, not where the event happened.
        in_places = [(m, p) for p in places for m in p.mentions if _inside(m, sentence)
                     and not text_of(doc).startswith("-based", m.end)]
        for trigger in triggers:
            if not trigger.pattern.search(sentence.text):
                continue
            if trigger.needs_actor and not in_actors:
                continue
            events.append(_event(doc, trigger, sentence, in_actors, in_places, article_date))
            break
    return events


def _event(doc: Any, trigger: Trigger, sentence: Span, in_actors: list[tuple[Span, Actor]],
           in_places: list[tuple[Span, Place]], article_date: str | None) -> Event:
    text = sentence.text
    source = _according_to(doc, text, sentence, in_actors)
    names: list[str] = []
    for _, actor in sorted(in_actors, key=lambda x: x[0].start):
        if actor.name not in names and not (actor.name == source and actor.kind in ("media", "monitor", "ngo")):
            names.append(actor.name)
    place = None
    if in_places:
        place = min(in_places, key=lambda x: (SPECIFIC.get(x[1].kind, 4), x[0].start))[1].name
    when = find_when(text, article_date)
    event = Event(type=trigger.type, sub_type=trigger.sub_type, evidence=sentence, actors=names, place=place,
                  when=when.text if when else None, date=when.date if when else None,
                  precision=when.precision if when else None, according_to=source)
    if found := fatalities(text):
        event.fatalities, event.fatalities_qualifier, event.fatalities_text = found
    if PLANNED.search(text) and trigger.type == "Strategic developments":
        event.status = "planned"
    elif CLAIMED.search(text) and source is not None and source in names:
        event.status = "claimed"
    return event


SPEAKER_DEPS = {"compound", "poss", "amod", "nmod", "appos", "det", "case"}


def _according_to(doc: Any, text: str, sentence: Span, in_actors: list[tuple[Span, Actor]]) -> str | None:
    """'according to X', or X as the one saying ('X said', 'the X media unit said'): the source
    of the claim, if it is a named actor. 'A commander ... backing Assad said' has no named source."""
    lowered = text.lower()
    at = lowered.find("according to")
    if at >= 0:
        after = [(m, a) for m, a in in_actors if m.start - sentence.start > at]
        # "according to a unit run by Lebanon's Hezbollah": the organisation, not its home state.
        organisations = [x for x in after if x[1].kind != "state"] or after
        if organisations:
            return min(organisations, key=lambda x: x[0].start)[1].name
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for verb in span:
        if verb.lower_ not in REPORTING_VERBS:
            continue
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for mention, actor in in_actors:
                root = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if root is not None and _speaks_for(root.root, subject):
                    return actor.name
    return None


REPORTING_VERBS = {"said", "says", "say", "reported", "reports", "claimed", "claims", "announced", "stated",
                   "told", "added", "accused", "confirmed", "warned", "insisted", "denied"}


def _speaks_for(token: Any, subject: Any) -> bool:
    """The mention is the subject, or a modifier of it ('the Hezbollah media unit')."""
    while token.i != subject.i:
        if token.dep_ not in SPEAKER_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True
