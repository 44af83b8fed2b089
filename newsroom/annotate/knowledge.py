"""The knowledge base: curated data files, loaded and checked in one place (`load_knowledge`).

``data/countries.yaml``  states: names, aliases, demonyms, central point, national armed forces
``data/actors.yaml``     well-known armed groups, international bodies, NGOs, monitors, media...
``data/places.yaml``     named places GeoNames' city lists lack: rivers, seas, regions, continents
``data/regions.yaml``    first-level regions (states, provinces...) with a representative point
``data/things.yaml``     products, vehicles, weapons, festivals, religions, diseases: never a mention
``data/lexicon.yaml``    the word lists the annotator reads English by (`vocabulary.Lexicon`)
``data/patterns.yaml``   its regular expressions: layout, dates, fatalities (`rules.Patterns`)
``data/events.yaml``, ``event_frames.yaml``, ``participants.yaml``, ``domains.yaml``
                         triggers by class, the frames that type them, participants, context
                         vocabularies (`event_rules.EventKnowledge`)
``data/confidence.yaml`` the fitted weights of the confidence models (`confidence.Model`)
``data/weights.yaml``    the scores readings are weighed by (`rules.Weights`)

The archive's own entity files (``content/actors/*.yml``, ``content/places/*.yml``) are added
on top by ``Knowledge.with_registry``, so an alias an editor adds once is used for every later
article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import KnowledgeError
from ..model import ACTOR_KINDS, PLACE_KINDS
from ..text import name_key
from .confidence import Model, load_models
from .event_rules import EventKnowledge, load_event_knowledge
from .rules import Patterns, Weights, load_patterns, load_weights
from .vocabulary import Lexicon, load_lexicon
from .yaml_data import load_list, load_mapping

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    geonames: int | None
    lat: float | None
    lon: float | None
    forces: str | None
    forces_aliases: tuple[str, ...]


@dataclass(frozen=True)
class KnownActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikipedia: str | None = None
    seat: int | None = None  # GeoNames id of the city where the body sits and meets
    # (lat, lon) of the territory a union of states governs as one (the EU's single market and
    # laws): like a state, the actor is then also a place, shown at that point.
    territory: tuple[float, float] | None = None
    # From an entity file of the archive (Registry.extend), not the shipped data: the annotator
    # may have written that file itself, so it is no evidence that the name is an actor.
    archive: bool = False


@dataclass(frozen=True)
class KnownPlace:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    archive: bool = False    # from an entity file of the archive (see KnownActor.archive)


@dataclass(eq=False)  # hashed by identity: matchers are cached per knowledge base
class Knowledge:
    countries: dict[str, Country]
    actors: list[KnownActor]
    places: list[KnownPlace]
    lexicon: Lexicon
    patterns: Patterns
    events: EventKnowledge
    weights: Weights
    confidence: dict[str, Model]
    # name_key -> country code, for names and aliases (not demonyms)
    country_by_key: dict[str, str] = field(default_factory=dict)
    # exact demonym -> country code ("Syrian" -> "SY")
    country_by_demonym: dict[str, str] = field(default_factory=dict)
    actor_by_key: dict[str, KnownActor] = field(default_factory=dict)
    # actor name -> GeoNames id of its seat ("United Nations Security Council" -> New York City)
    seat_of: dict[str, int] = field(default_factory=dict)
    # actor name -> the point of the territory it governs (KnownActor.territory)
    territories: dict[str, tuple[float, float]] = field(default_factory=dict)
    place_by_key: dict[str, list[KnownPlace]] = field(default_factory=dict)
    # name keys of products, vehicles, weapons, events, religions and diseases: never a mention (data/things.yaml)
    things: frozenset[str] = frozenset()
    # month names and abbreviations (lower case) -> 1-12; weekday names (lower case) -> 0-6
    months: dict[str, int] = field(default_factory=dict)
    weekday_numbers: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.months.update(self.lexicon.month_numbers())
        self.weekday_numbers.update({day.lower(): n for n, day in enumerate(self.lexicon.weekdays)})
        for country in sorted(self.countries.values(), key=lambda c: c.code):
            for name in (country.name, *country.aliases):
                self.country_by_key.setdefault(name_key(name), country.code)
            for demonym in country.demonyms:
                self.country_by_demonym.setdefault(demonym, country.code)
        for actor in self.actors:
            for name in (actor.name, *actor.aliases):
                self.actor_by_key.setdefault(_actor_key(name), actor)
            if actor.seat is not None:
                self.seat_of.setdefault(actor.name, actor.seat)
            if actor.territory is not None:
                self.territories.setdefault(actor.name, actor.territory)
        for country in self.countries.values():
            if country.forces:
                forces = self.forces_actor(country.code)
                for name in (country.forces, *country.forces_aliases):
                    self.actor_by_key.setdefault(_actor_key(name), forces)
        for place in self.places:
            for key in {name_key(name) for name in (place.name, *place.aliases)}:
                self.place_by_key.setdefault(key, []).append(place)

    def named_abroad(self, actor: KnownActor) -> bool:
        """Whether other countries have bodies of the actor's name: its Wikipedia title tells it
        apart by its own country ('Democratic Party (United States)', 'Labour Party (UK)'), as
        Wikipedia does where the name alone is shared ('Democratic Party' of Hong Kong, of Japan)."""
        title = actor.wikipedia or ""
        if actor.country is None or not title.endswith(")") or " (" not in title:
            return False
        told_by = title[title.rindex(" (") + 2:-1]
        return (self.country_by_key.get(name_key(told_by)) or self.country_by_demonym.get(told_by)) == actor.country

    def forces_actor(self, code: str) -> KnownActor:
        country = self.countries[code]
        name = country.forces or f"Armed Forces of {country.name}"
        return KnownActor(name=name, kind="armed-force", aliases=country.forces_aliases, country=code)

    def state_actor(self, code: str) -> KnownActor:
        country = self.countries[code]
        return KnownActor(name=country.name, kind="state", aliases=country.aliases, country=code)

    def with_registry(self, actors: list[KnownActor], places: list[KnownPlace]) -> Knowledge:
        """This knowledge plus the archive's own entities; the archive wins on a clash. An
        archive entity the shipped data also knows stays vouched for by it (`archive` False):
        how sure the annotator is of an entity the shipped data knows must not hang on whether
        the archive has written its file yet."""
        shipped_actors = {_actor_key(n) for a in self.actors for n in (a.name, *a.aliases)}
        actors = [replace(a, archive=False) if _actor_key(a.name) in shipped_actors else a for a in actors]
        places = [replace(p, archive=False) if name_key(p.name) in self.place_by_key else p for p in places]
        return Knowledge(self.countries, [*actors, *self.actors], [*places, *self.places], self.lexicon,
                         self.patterns, self.events, self.weights, self.confidence, things=self.things)


def _actor_key(name: str) -> str:
    # Acronyms stay case-sensitive ("IS" is not "is"); longer names compare by name_key.
    return name if name.isupper() and len(name) <= 6 else name_key(name)


def actor_key(name: str) -> str:
    """The key under which `Knowledge.actor_by_key` files a surface form."""
    return _actor_key(name)


def _tuple(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in entry.get(key) or ())


def load_countries(path: Path) -> dict[str, Country]:
    countries = {}
    for n, entry in enumerate(load_list(path), 1):
        try:
            forces = entry.get("forces") or {}
            country = Country(
                code=str(entry["code"]), name=str(entry["name"]), aliases=_tuple(entry, "aliases"),
                demonyms=_tuple(entry, "demonyms"), geonames=entry.get("geonames"),
                lat=entry.get("lat"), lon=entry.get("lon"), forces=forces.get("name"),
                forces_aliases=_tuple(forces, "aliases"),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(
                path=path, entry=n, detail=f"is missing or malformed: {exc}")) from exc
        countries[country.code] = country
    return countries


def _kinded(path: Path, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """The file's entries, each checked to have one of `kinds`."""
    entries = load_list(path)
    for n, entry in enumerate(entries, 1):
        if entry.get("kind") not in kinds:
            raise KnowledgeError(errors.KNOWLEDGE_ENTRY.format(path=path, entry=f"{n} ({entry.get('name')})",
                                                               detail=f"has an unknown kind {entry.get('kind')!r}"))
    return entries


def load_actors(path: Path) -> list[KnownActor]:
    return [KnownActor(name=str(entry["name"]), kind=entry["kind"], aliases=_tuple(entry, "aliases"),
                       country=entry.get("country"), wikipedia=entry.get("wikipedia"), seat=entry.get("seat"),
                       territory=_point(entry.get("territory")))
            for entry in _kinded(path, ACTOR_KINDS)]


def _point(value: Any) -> tuple[float, float] | None:
    return (float(value["lat"]), float(value["lon"])) if isinstance(value, dict) else None


def load_places(path: Path) -> list[KnownPlace]:
    return [KnownPlace(name=str(entry["name"]), kind=entry["kind"], aliases=_tuple(entry, "aliases"),
                       country=entry.get("country"), lat=entry.get("lat"), lon=entry.get("lon"),
                       geonames=entry.get("geonames"))
            for entry in _kinded(path, PLACE_KINDS)]


@lru_cache(maxsize=1)
def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """The shipped knowledge base, every file of it checked (cached: it is read-only)."""
    lexicon = load_lexicon(data_dir / "lexicon.yaml")
    return Knowledge(
        countries=load_countries(data_dir / "countries.yaml"),
        actors=load_actors(data_dir / "actors.yaml"),
        places=[*load_places(data_dir / "places.yaml"), *load_places(data_dir / "regions.yaml")],
        lexicon=lexicon,
        patterns=load_patterns(data_dir / "patterns.yaml", lexicon),
        events=load_event_knowledge(data_dir),
        weights=load_weights(data_dir / "weights.yaml"),
        confidence=load_models(data_dir / "confidence.yaml"),
        things=load_things(data_dir / "things.yaml"),
    )


def load_things(path: Path) -> frozenset[str]:
    """The name keys of everything listed under any heading of things.yaml."""
    data = load_mapping(path)
    if not all(isinstance(v, list) for v in data.values()):
        raise KnowledgeError(errors.KNOWLEDGE_FILE.format(
            path=path, detail="expected headings, each with a list of names"))
    return frozenset(name_key(str(name)) for names in data.values() for name in names)
