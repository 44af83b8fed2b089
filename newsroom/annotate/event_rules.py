"""What the annotator knows about events, as typed objects read from data: trigger words by class
(``data/events.yaml``), the frames that turn a class and its participants into ACLED's types
(``data/event_frames.yaml``), the participant and context vocabularies (``data/participants.yaml``,
``data/domains.yaml``). Each entry is checked on load; an error names the file and the entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import errors
from ..errors import KnowledgeError
from ..model import EVENT_TYPES
from .openings import openings as match_openings
from .rules import alternation
from .yaml_data import load_list, load_mapping

# What event_frames.yaml may ask of a trigger's sentence (events/participants.py computes them).
FACTS = frozenset({
    "armed", "armed_both", "state_forces", "armed_groups", "crowd", "people", "victims_armed", "victims_people",
    "in_fight", "in_clash", "explosives", "firearms", "property", "hazard", "intervention", "riot_act", "anyone",
    "diplomat", "mob", "effort", "unidentified", "armed_group_named", "crowd_doers",
    "communal", "deadly", "armed_doers", "stones_thrown", "victims_crowd", "burnt_person",
})
# The participant kinds participants.yaml must define, and the context fields domains.yaml must.
PARTICIPANT_KINDS = ("state_forces", "armed_groups", "crowds", "people", "explosives", "incendiaries", "firearms",
                     "unnamed_weapons", "riot_control", "property", "hazards", "animals", "thrown_objects")


@dataclass(frozen=True)
class Trigger:
    """Words that say something of one class happened ('clashed': fight)."""

    cls: str
    pattern: re.Pattern[str]
    needs_actor: bool
    pos: frozenset[str] = frozenset()  # the head word's part of speech, if the rule asks
    mutual: bool = False               # it takes two sides ('a gunfight', 'an exchange of fire')
    casualty: bool = False             # says someone was hurt, not how: read after the others
    weapon: bool = False               # names a weapon, which may be named as goods (events/untold.py)

    @cached_property
    def lowered(self) -> re.Pattern[str]:
        """The pattern to search lower-cased text with first: a sentence it misses, `pattern`
        misses too, and it misses most at a quarter of the time (see `lowered_pattern`)."""
        return re.compile(lowered_pattern(self.pattern.pattern))

    @cached_property
    def openings(self) -> frozenset[str] | None:
        """What every match of `lowered` begins with: a sentence holding none is not searched."""
        return match_openings(self.lowered)


@dataclass(frozen=True)
class Frame:
    """One rule of event_frames.yaml."""

    when: frozenset[str]
    needs: frozenset[str]
    unless: frozenset[str]
    type: str
    sub_type: str

    def takes(self, trigger_class: str, facts: set[str]) -> bool:
        """Whether this frame reads a trigger of that class with those participants."""
        return trigger_class in self.when and self.needs <= facts and not (self.unless & facts)


@dataclass(frozen=True)
class WordClasses:
    """Named lists of lemmas and phrases, each compiled to one pattern over a lemma string."""

    words: dict[str, frozenset[str]]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for name, words in self.words.items():
            self.patterns[name] = re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")


@dataclass(frozen=True)
class EventKnowledge:
    triggers: tuple[Trigger, ...]
    frames: tuple[Frame, ...]
    participants: WordClasses
    domains: WordClasses
    metaphor_objects: frozenset[str]

    @cached_property
    def any_trigger(self) -> re.Pattern[str]:
        """Every trigger's words in one pattern, to search in lower-cased text: a sentence it does
        not match has no trigger, and is not searched rule by rule (most sentences of a story are
        no event). Lower-cased pattern over lower-cased text, not IGNORECASE: the same matches
        (and a few more where a rule asks for a capital), at a quarter of the time."""
        return re.compile("|".join(f"(?:{t.lowered.pattern})" for t in self.triggers))

    @cached_property
    def humans(self) -> frozenset[str]:
        """Every word for people of participants.yaml: armed, crowds and the unarmed."""
        kinds = ("state_forces", "armed_groups", "crowds", "people")
        return frozenset(word for kind in kinds for word in self.participants.words[kind])

    @cached_property
    def things(self) -> frozenset[str]:
        """The words of participants.yaml for what is hit but does not die: property and animals."""
        return frozenset(word for kind in ("property", "animals") for word in self.participants.words[kind])


def lowered_pattern(pattern: str) -> str:
    """A regular expression with its literal letters in lower case, escapes left as they are
    ('IEDs?' -> 'ieds?', but not '\\W' -> '\\w'): in lower-cased text it matches wherever the
    pattern matches the text ignoring case."""
    return re.sub(r"\\.|[^\\]+", lambda m: m[0] if m[0].startswith("\\") else m[0].lower(), pattern)


def _entry_error(path: Path, entry: str, detail: str) -> KnowledgeError:
    return KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=entry, detail=detail))


def _strings(path: Path, entry: str, value: object) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise _entry_error(path, entry, "needs a list of words")
    return value


def load_triggers(path: Path) -> tuple[Trigger, ...]:
    """Trigger rules in file order (the order decides between equally placed triggers)."""
    triggers = []
    for n, rule in enumerate(load_list(path), 1):
        entry = f"rule {n} ({rule.get('class')})"
        if not isinstance(rule.get("class"), str):
            raise _entry_error(path, entry, "needs a class")
        words = _strings(path, entry, rule.get("words"))
        try:
            pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        except re.error as exc:
            raise _entry_error(path, entry, f"does not compile: {exc}") from exc
        triggers.append(Trigger(rule["class"], pattern, "actor" in (rule.get("needs") or ()),
                                frozenset(rule.get("pos") or ()), rule.get("mutual") is True,
                                rule.get("casualty") is True, rule.get("weapon") is True))
    return tuple(triggers)


def load_frames(path: Path, classes: set[str]) -> tuple[Frame, ...]:
    frames = []
    for n, rule in enumerate(load_list(path), 1):
        entry = f"rule {n} ({rule.get('type')} / {rule.get('sub_type')})"
        if rule.get("sub_type") not in EVENT_TYPES.get(str(rule.get("type")), ()):
            raise _entry_error(path, entry, "is not an event type and sub-type")
        when = frozenset(_strings(path, entry, rule.get("when")))
        if unknown := sorted(when - classes):
            raise _entry_error(path, entry, f"names a trigger class no rule of events.yaml has: '{unknown[0]}'")
        needs, unless = frozenset(rule.get("needs") or ()), frozenset(rule.get("not") or ())
        if unknown := sorted((needs | unless) - FACTS):
            raise _entry_error(path, entry, f"asks for '{unknown[0]}', which is not one of: {', '.join(sorted(FACTS))}")
        frames.append(Frame(when, needs, unless, rule["type"], rule["sub_type"]))
    return tuple(frames)


def load_word_classes(path: Path, required: tuple[str, ...] = ()) -> WordClasses:
    data = load_mapping(path)
    if missing := [name for name in required if name not in data]:
        raise _entry_error(path, missing[0], "is missing")
    words = {str(name): frozenset(w.lower() for w in _strings(path, str(name), value)) for name, value in data.items()}
    return WordClasses(words)


def load_event_knowledge(data_dir: Path) -> EventKnowledge:
    triggers = load_triggers(data_dir / "events.yaml")
    frames = load_frames(data_dir / "event_frames.yaml", {t.cls for t in triggers})
    participants = load_word_classes(data_dir / "participants.yaml", PARTICIPANT_KINDS)
    seen: dict[str, str] = {}
    for kind, words in sorted(participants.words.items()):
        for word in sorted(words):
            if word in seen:  # one kind per word, or a sentence's participants would be two things at once
                raise _entry_error(data_dir / "participants.yaml", kind, f"repeats '{word}', already in {seen[word]}")
            seen[word] = kind
    domains = load_word_classes(data_dir / "domains.yaml", ("metaphor_objects",))
    metaphors = domains.words["metaphor_objects"]
    fields_only = WordClasses({k: v for k, v in domains.words.items() if k != "metaphor_objects"})
    return EventKnowledge(triggers, frames, participants, fields_only, metaphors)
