"""Patterns and weights: ``data/patterns.yaml`` and ``data/weights.yaml`` as typed, compiled,
checked objects. An entry that is missing, unknown, of
the wrong type or that does not compile is refused with the file and the entry named."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import KnowledgeError
from ..read.layout import LayoutRules
from .vocabulary import Lexicon
from .yaml_data import load_mapping


@dataclass(frozen=True)
class DatePatterns:
    full_date: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    month_year: re.Pattern[str]
    year: re.Pattern[str]


@dataclass(frozen=True)
class EventPatterns:
    fatalities: tuple[re.Pattern[str], ...]
    planned: re.Pattern[str]
    claimed: re.Pattern[str]


@dataclass(frozen=True)
class NamePatterns:
    acronym_definition: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    layout: LayoutRules
    dates: DatePatterns
    events: EventPatterns
    names: NamePatterns


@dataclass(frozen=True)
class GazetteerWeights:
    curated_place: float
    curated_generic_kind: float
    country: float
    region: float
    district: float
    city_population: float
    region_wanted: float
    city_not_wanted: float
    city_wanted: float
    big_city_bonus: float
    big_city_over_region: float
    context_first: float
    context_later: float
    city_in_first_region: float
    city_in_named_region: float
    alternate_name: float
    near_story_place: float
    big_city_population: int
    million_population: int
    implied_share: float
    implied_population: int
    near_area_km: float
    near_region_km: float
    near_place_km: float


@dataclass(frozen=True)
class PlaceReadingWeights:
    place_threshold: float
    before_region: float
    in_setting_town: float
    in_setting_village: float
    setting_town_population: int
    after_placing_word: float
    after_kind_of: float
    kind_word_after: float
    joined_to_place: float
    area_after_comma: float
    area_of_place_before: float
    title_before: float
    speech_after: float
    organisation_label: float
    two_capitalised_words: float
    organisation_as_place_population: int
    guess_population: int
    placed_population: int


@dataclass(frozen=True)
class Weights:
    gazetteer: GazetteerWeights
    place_reading: PlaceReadingWeights
    place_precision: dict[str, int]


def alternation(words: Any) -> str:
    """Words as a regular-expression alternation matching each literally, longest first (so a
    word is never cut short by another it starts with: 'policemen' before 'police')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _fills(lexicon: Lexicon) -> dict[str, str]:
    return {
        "months": alternation(form for forms in lexicon.months for form in forms),
        "months_full": alternation(forms[0] for forms in lexicon.months),
        "weekdays": alternation(lexicon.weekdays),
        "number_words": alternation(lexicon.number_words),
        "count_qualifiers": alternation(lexicon.count_qualifiers),
        "victims": alternation(lexicon.victims),
        "kicker_labels": alternation(lexicon.kicker_labels),
    }


def _compile(path: Path, entry: str, template: Any, fills: dict[str, str]) -> re.Pattern[str]:
    if not isinstance(template, str):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=entry,
                                                           detail="must be a regular expression"))
    try:
        return re.compile(template.format(**fills))
    except (KeyError, IndexError, ValueError, re.error) as exc:
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=entry,
                                                           detail=f"does not compile: {exc}")) from exc


def _section(path: Path, data: dict[str, Any], name: str, kind: type, fills: dict[str, str]) -> Any:
    """One section of patterns.yaml as the dataclass `kind`, every field compiled."""
    section = data.get(name)
    if not isinstance(section, dict):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=name, detail="is missing"))
    _same_keys(path, name, section, kind)
    values: dict[str, Any] = {}
    for f in fields(kind):
        entry, value = f"{name}.{f.name}", section[f.name]
        if str(f.type).startswith("tuple"):
            if not isinstance(value, list):
                raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=entry, detail="must be a list"))
            values[f.name] = tuple(_compile(path, f"{entry}[{n}]", v, fills) for n, v in enumerate(value))
        else:
            values[f.name] = _compile(path, entry, value, fills)
    return kind(**values)


def _same_keys(path: Path, where: str, data: dict[str, Any], kind: type) -> None:
    names = {f.name for f in fields(kind)}
    if missing := sorted(names - data.keys()):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=f"{where}.{missing[0]}",
                                                           detail="is missing"))
    if unknown := sorted(data.keys() - names):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=f"{where}.{unknown[0]}",
                                                           detail="is not read by the annotator; remove it"))


def load_patterns(path: Path, lexicon: Lexicon) -> Patterns:
    data, fills = load_mapping(path), _fills(lexicon)
    _same_keys(path, "patterns", data, Patterns)
    return Patterns(layout=_section(path, data, "layout", LayoutRules, fills),
                    dates=_section(path, data, "dates", DatePatterns, fills),
                    events=_section(path, data, "events", EventPatterns, fills),
                    names=_section(path, data, "names", NamePatterns, fills))


def _numbers(path: Path, where: str, data: Any, kind: type) -> Any:
    if not isinstance(data, dict):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=where, detail="is missing"))
    _same_keys(path, where, data, kind)
    for f in fields(kind):
        wanted = int if f.type == "int" else (int, float)
        if not isinstance(data[f.name], wanted) or isinstance(data[f.name], bool):
            expected = "a whole number" if f.type == "int" else "a number"
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=f"{where}.{f.name}",
                                                               detail=f"must be {expected}"))
    return kind(**{f.name: data[f.name] for f in fields(kind)})


def load_weights(path: Path) -> Weights:
    data = load_mapping(path)
    _same_keys(path, "weights", data, Weights)
    precision = data["place_precision"]
    if not isinstance(precision, dict) or not all(isinstance(v, int) for v in precision.values()):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry="place_precision",
                                                           detail="must map kinds of place to whole numbers"))
    return Weights(_numbers(path, "gazetteer", data["gazetteer"], GazetteerWeights),
                   _numbers(path, "place_reading", data["place_reading"], PlaceReadingWeights),
                   {str(k): int(v) for k, v in precision.items()})
