"""The word lists of ``data/lexicon.yaml`` as one typed, checked object.

Every field of `Lexicon` is one list of the file, under the same name: a file missing a list, or
holding one the code does not know, or a list of the wrong shape, is refused with the file and
the entry named. Words are lower case unless the list says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import KnowledgeError
from .yaml_data import load_mapping


@dataclass(frozen=True)
class OrganisationKind:
    kind: str
    words: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    # names and what stands around them
    titles: frozenset[str]
    determiners: frozenset[str]
    person_nouns: frozenset[str]
    office_holders: frozenset[str]
    human_verbs: frozenset[str]
    human_possessions: frozenset[str]
    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]
    arabic_articles: frozenset[str]
    compound_tails: frozenset[str]
    name_abbreviations: frozenset[str]
    side_nouns: frozenset[str]
    national_sides: frozenset[str]
    result_nouns: frozenset[str]
    side_prepositions: frozenset[str]
    fixture_words: frozenset[str]
    result_verbs: frozenset[str]
    place_name_links: frozenset[str]
    name_particles: frozenset[str]
    stance_prefixes: frozenset[str]
    definite_country_starts: tuple[str, ...]
    # states and their forces
    force_nouns: frozenset[str]
    state_nouns: frozenset[str]
    state_naming_nouns: frozenset[str]
    generic_forces: frozenset[str]
    government_forces: frozenset[str]
    agentive_suffixes: tuple[str, ...]
    place_nouns: frozenset[str]
    compass_words: frozenset[str]
    # places
    place_kind_words: dict[str, str]
    place_kind_plurals: dict[str, str]
    province_anaphors: tuple[str, ...]
    place_name_heads: frozenset[str]
    locative: frozenset[str]
    where_words: frozenset[str]
    area_prepositions: frozenset[str]
    list_glue: frozenset[str]
    facility_words: frozenset[str]
    town_venue_heads: frozenset[str]
    town_venue_civic_heads: frozenset[str]
    town_venue_words: frozenset[str]
    town_body_heads: frozenset[str]
    road_words: tuple[str, ...]
    road_joins: frozenset[str]
    disease_words: frozenset[str]
    bare_disease_heads: tuple[str, ...]
    misread_place_labels: frozenset[str]
    part_of_place_words: frozenset[str]
    home_setting_kinds: frozenset[str]
    clash_words: frozenset[str]
    mob_words: frozenset[str]
    communal_words: frozenset[str]
    unidentified_words: frozenset[str]
    attacker_words: frozenset[str]
    grievance_words: frozenset[str]
    thing_pronouns: frozenset[str]
    carried_out: frozenset[str]
    speech_settings: frozenset[str]
    fiction_settings: frozenset[str]
    artworks: frozenset[str]
    flop_settings: frozenset[str]
    bursting_subjects: frozenset[str]
    court_words: frozenset[str]
    unreal_modifiers: frozenset[str]
    guarding_words: frozenset[str]
    holding_words: frozenset[str]
    voice_words: frozenset[str]
    office_words: frozenset[str]
    crowd_of_anyone: frozenset[str]
    # organisations
    organisation_kinds: tuple[OrganisationKind, ...]
    # events
    reporting_verbs: frozenset[str]
    anaphors: dict[str, frozenset[str]]
    wishing_verbs: frozenset[str]
    venue_prepositions: frozenset[str]
    origin_verbs: frozenset[str]
    containing_prepositions: frozenset[str]
    site_nouns: frozenset[str]
    local_body_nouns: frozenset[str]
    townsfolk_nouns: frozenset[str]
    part_adjectives: frozenset[str]
    member_nouns: frozenset[str]
    team_nouns: frozenset[str]
    byname_verbs: frozenset[str]
    diplomatic_roles: tuple[str, ...]
    number_words: dict[str, int]
    approximate_numbers: frozenset[str]
    unstated_counts: dict[str, int]
    collective_nouns: frozenset[str]
    general_person_nouns: frozenset[str]
    cause_prepositions: frozenset[str]
    circumstance_prepositions: frozenset[str]
    currency_words: frozenset[str]
    one_person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    count_qualifiers: dict[str, str]
    victims: tuple[str, ...]
    death_words: frozenset[str]
    hurt_words: frozenset[str]
    home_words: frozenset[str]
    former_words: frozenset[str]
    throwing_words: frozenset[str]
    aiming_verbs: frozenset[str]
    missile_verbs: frozenset[str]
    gunfire_forms: frozenset[str]
    gunfire_modifiers: frozenset[str]
    gunfire_verbs: frozenset[str]
    shooting_verbs: frozenset[str]
    people_adjectives: frozenset[str]
    explosive_heads: frozenset[str]
    care_words: frozenset[str]
    intransitive_death_words: frozenset[str]
    fatal_verbs: frozenset[str]
    life_nouns: frozenset[str]
    addition_words: frozenset[str]
    definite_determiners: frozenset[str]
    modal_verbs: frozenset[str]
    # time
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[str, ...]
    kicker_labels: frozenset[str]
    relative_days: dict[str, int]

    @property
    def placing(self) -> frozenset[str]:
        """The locative words that place a name on their own: 'of' also owns ('the leader of Hamas')."""
        return self.locative - {"of"}

    def place_kind_words_for(self, *kinds: str) -> frozenset[str]:
        """The words of `place_kind_words` that name one of these kinds of place."""
        return frozenset(word for word, kind in self.place_kind_words.items() if kind in kinds)

    @cached_property
    def harm_words(self) -> frozenset[str]:
        """Words of dying and of being hurt ('killed', 'injured'): what befalls a victim."""
        return self.death_words | self.hurt_words

    @cached_property
    def area_words(self) -> frozenset[str]:
        """Words for a settlement or an administrative area ('the town of X', 'Village Malakal'),
        not a river ('River Phoenix' is a person)."""
        return self.place_kind_words_for("city", "town", "village", "district", "province", "region")

    @cached_property
    def body_words(self) -> frozenset[str]:
        """Every word of `organisation_kinds`: the words that say what kind of body a name is."""
        return frozenset(w for k in self.organisation_kinds for w in k.words)

    @cached_property
    def kind_nouns(self) -> frozenset[str]:
        """The common nouns that say what kind of body, force, office or place something is
        ('court', 'ministry', 'army', 'state', 'city'). Written alone and capitalised ('the State',
        'the Court') one refers to a body its own story has named: a short form in that story,
        never a name another story can be read by."""
        return frozenset(self.body_words | set(self.place_kind_words)
                         | self.state_nouns | self.force_nouns | self.generic_forces | self.office_words
                         | self.facility_words | self.site_nouns | self.place_nouns)

    def is_kind_noun(self, text: str) -> bool:
        """`text` is one word of `kind_nouns`, whatever its case ('State', 'Court', 'ARMY')."""
        return text.strip().lower() in self.kind_nouns

    @cached_property
    def diplomatic_role(self) -> re.Pattern[str]:
        """A role that makes its bearer a party to diplomacy ('UN special envoy')."""
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in self.diplomatic_roles) + r")\b", re.IGNORECASE)

    @cached_property
    def addition(self) -> re.Pattern[str]:
        """A word of `addition_words` anywhere in a text."""
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(self.addition_words)) + r")\b",
                          re.IGNORECASE)

    def month_numbers(self) -> dict[str, int]:
        """Every month name and abbreviation, lower case -> its number (1-12)."""
        return {form.lower(): n for n, forms in enumerate(self.months, 1) for form in forms}


COUNT_READINGS = ("more-than", "at-least", "at-most", "about")


def _words(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, list) and any(isinstance(v, bool) for v in value):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(
            path=path, entry=key, detail="holds true/false: quote words such as 'on', 'off', 'yes' and 'no'"))
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=key, detail="must be a list of words"))
    return value


def _mapping(path: Path, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=key, detail="must map words to values"))
    return {str(k): v for k, v in value.items()}


def _field(path: Path, key: str, kind: str, value: Any) -> Any:
    """One list of the file, converted to the type its field declares."""
    if kind == "frozenset[str]":
        return frozenset(_words(path, key, value))
    if kind == "tuple[str, ...]":
        return tuple(_words(path, key, value))
    if kind == "dict[str, str]":
        out = {k: str(v) for k, v in _mapping(path, key, value).items()}
        if key == "count_qualifiers" and (bad := sorted(set(out.values()) - set(COUNT_READINGS))):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(
                path=path, entry=key, detail=f"'{bad[0]}' is not one of {', '.join(COUNT_READINGS)}"))
        return out
    if kind == "dict[str, int]":
        out_int = _mapping(path, key, value)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in out_int.values()):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=key,
                                                               detail="values must be whole numbers"))
        return out_int
    if kind == "dict[str, frozenset[str]]":
        return {k: frozenset(_words(path, f"{key}.{k}", v)) for k, v in _mapping(path, key, value).items()}
    if kind == "tuple[tuple[str, ...], ...]":
        if not isinstance(value, list):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=key, detail="must be a list of lists"))
        return tuple(tuple(_words(path, f"{key}[{n}]", v)) for n, v in enumerate(value))
    if kind == "tuple[OrganisationKind, ...]":
        if not isinstance(value, list) or not all(isinstance(v, dict) and set(v) == {"kind", "words"} for v in value):
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(
                path=path, entry=key, detail="must be a list of {kind, words} entries"))
        return tuple(OrganisationKind(str(v["kind"]), frozenset(_words(path, f"{key}.{v['kind']}", v["words"])))
                     for v in value)
    raise AssertionError(f"no reader for a field of type {kind}")  # a new field needs a reader here


def load_lexicon(path: Path) -> Lexicon:
    data = load_mapping(path)
    expected = {f.name: str(f.type) for f in fields(Lexicon)}
    if missing := sorted(expected.keys() - data.keys()):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=missing[0], detail="is missing"))
    if unknown := sorted(data.keys() - expected.keys()):
        raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(
            path=path, entry=unknown[0],
            detail="is not a list the annotator reads; remove it or add a field to Lexicon"))
    return Lexicon(**{key: _field(path, key, kind, data[key]) for key, kind in expected.items()})
