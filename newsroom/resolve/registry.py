"""The archive's entity registry: one hand-editable file per actor and per place under
``content/actors/`` and ``content/places/``. Article front matter refers to entities by id
(the file's slug). This module matches an article's actors and places to registry entries and
mints ids for new ones; it is pure (the store reads and writes the files).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..annotate.knowledge import Knowledge, KnownActor, KnownPlace
from ..model import Actor, Place
from ..text import name_key, slugify, unique_slug


@dataclass
class Registry:
    """id -> entity record (the YAML mapping of its file), for actors and places."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    # name_key -> slugs, and GeoNames id -> slug: built on first use, then kept up to date by
    # add(), so annotating the 10,000th article does not re-read 10,000 records.
    _names: dict[str, dict[str, list[str]]] = field(default_factory=dict, repr=False, compare=False)
    _geonames: dict[Any, str] | None = field(default=None, repr=False, compare=False)
    _redirected: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)

    def names(self, folder: str) -> dict[str, list[str]]:
        if folder not in self._names:
            index: dict[str, list[str]] = {}
            for slug, record in sorted(self._records(folder).items()):
                _index_record(index, slug, record)
            self._names[folder] = index
        return self._names[folder]

    def by_geonames(self) -> dict[Any, str]:
        if self._geonames is None:
            self._geonames = {}
            for slug, record in sorted(self.places.items()):
                if record.get("geonames"):
                    self._geonames[record["geonames"]] = slug
        return self._geonames

    def redirected(self, folder: str) -> set[str]:
        """The old slugs records redirect from (a merge's, a rename's): their URLs lead to those
        records, so no new entity may take one. Built on first use, kept up to date by add()."""
        if folder not in self._redirected:
            self._redirected[folder] = set()
            for record in self._records(folder).values():
                _note_redirects(self._redirected[folder], record)
        return self._redirected[folder]

    def add(self, folder: str, slug: str, record: dict[str, Any]) -> None:
        """Register a new entity (ingest calls this after writing its file)."""
        self._records(folder)[slug] = record
        if folder in self._names:
            _index_record(self._names[folder], slug, record)
        if folder in self._redirected:
            _note_redirects(self._redirected[folder], record)
        if folder == "places" and self._geonames is not None and record.get("geonames"):
            self._geonames.setdefault(record["geonames"], slug)

    def _records(self, folder: str) -> dict[str, dict[str, Any]]:
        return self.actors if folder == "actors" else self.places

    def extend(self, knowledge: Knowledge) -> Knowledge:
        """The knowledge base plus this archive's entities, so an editor's alias is used for
        every later article; not an alias that is a kind noun alone ('State', 'Court'), which an
        archive written before the annotator left those out may hold: one story's short form
        for one body would name every body of that kind in every other story."""
        short = knowledge.lexicon.is_kind_noun
        return knowledge.with_registry(self.known_actors(short), self.known_places(short))

    def known_actors(self, short: Callable[[str], bool] = lambda _: False) -> list[KnownActor]:
        """Registry actors as knowledge, so an editor's alias is used for later articles."""
        out = []
        for record in self.actors.values():
            kind = record.get("kind")
            name = record.get("name")
            if isinstance(name, str) and kind not in (None, "person", "state"):
                aliases = tuple(a for a in record.get("aliases") or () if isinstance(a, str) and not short(a))
                out.append(KnownActor(name, str(kind), aliases, record.get("country"), record.get("wikipedia"),
                                      archive=True))
        return out

    def known_places(self, short: Callable[[str], bool] = lambda _: False) -> list[KnownPlace]:
        out = []
        for record in self.places.values():
            name, kind = record.get("name"), record.get("kind")
            if isinstance(name, str) and kind in ("river", "region", "province", "road", "landmark", "place"):
                aliases = tuple(a for a in record.get("aliases") or () if isinstance(a, str) and not short(a))
                out.append(KnownPlace(name, str(kind), aliases, record.get("country_code"),
                                      record.get("lat"), record.get("lon"), record.get("geonames"), archive=True))
        return out


def _note_redirects(slugs: set[str], record: Mapping[str, Any]) -> None:
    slugs.update(old for old in record.get("redirect_from") or () if isinstance(old, str))


def _index_record(index: dict[str, list[str]], slug: str, record: dict[str, Any]) -> None:
    for name in [record.get("name") or "", *(record.get("aliases") or [])]:
        if isinstance(name, str) and name:
            slugs = index.setdefault(name_key(name), [])
            if slug not in slugs:
                slugs.append(slug)


class _Taken(Container[str]):
    """The slugs in use: the registry's, this article's new ones and the old ones records
    redirect from, without copying any."""

    def __init__(self, *parts: Container[str]) -> None:
        self.parts = parts

    def __contains__(self, slug: object) -> bool:
        return any(slug in part for part in self.parts)


@dataclass
class Assignment:
    """Ids for one article's entities, and the registry records to create for new ones."""

    actor_ids: list[str]
    place_ids: list[str]
    new_actors: dict[str, dict[str, Any]]
    new_places: dict[str, dict[str, Any]]


def actor_record(actor: Actor) -> dict[str, Any]:
    record: dict[str, Any] = {"name": actor.name, "kind": actor.kind}
    if actor.aliases:
        record["aliases"] = list(actor.aliases)
    if actor.country:
        record["country"] = actor.country
    if actor.wikipedia:
        record["wikipedia"] = actor.wikipedia
    record["description"] = ""
    return record


def place_record(place: Place) -> dict[str, Any]:
    record: dict[str, Any] = {"name": place.name, "kind": place.kind}
    aliases = sorted({m.text for m in place.mentions if m.text != place.name})
    if aliases:
        record["aliases"] = aliases
    if place.country:
        record["country"] = place.country
    if place.country_code:
        record["country_code"] = place.country_code
    if place.lat is not None and place.lon is not None:
        record["lat"], record["lon"] = place.lat, place.lon
    if place.geonames:
        record["geonames"] = place.geonames
    if place.within:
        record["within"] = place.within  # its lat/lon are the area's: the page says so
    record["description"] = ""
    return record


def assign(registry: Registry, actors: list[Actor], places: list[Place],
           earlier: Mapping[str, Mapping[str, str]] | None = None,
           short: Callable[[str], bool] = lambda _: False) -> Assignment:
    """Match each actor and place to a registry entry, or mint a new id (pure). `earlier`:
    for a re-annotated article, the ids its previous versions gave each mention ('actors' and
    'places': name key of a mention -> id). A name the article already filed under an entity
    that still exists stays there, whatever the annotator now thinks of its kind: an editor who
    corrected 'organisation' to 'person' in the entity file must not get a second page.
    `short`: whether a name is a kind noun alone ('State'), which matches an entity by its name
    only, never by an alias (see `Registry.extend`)."""
    earlier = earlier or {}
    actor_index = registry.names("actors")
    old_actor_urls = registry.redirected("actors")
    new_actors: dict[str, dict[str, Any]] = {}
    actor_ids = []
    for actor in actors:
        slug = (_earlier(actor, registry.actors, earlier.get("actors", {}))
                or _match_actor(actor, registry, actor_index, new_actors, short(actor.name)))
        if slug is None:
            slug = unique_slug(slugify(actor.name), _Taken(registry.actors, new_actors, old_actor_urls))
            new_actors[slug] = actor_record(actor)
        actor_ids.append(slug)
    place_index = registry.names("places")
    old_place_urls = registry.redirected("places")
    by_geonames = registry.by_geonames()
    new_places: dict[str, dict[str, Any]] = {}
    place_ids = []
    for place in places:
        slug = (_earlier(place, registry.places, earlier.get("places", {}))
                or _match_place(place, registry, place_index, by_geonames, new_places))
        if slug is None:
            taken = _Taken(registry.places, new_places, old_place_urls)
            base = slugify(place.name)
            if base in taken and place.country:
                base = slugify(f"{place.name} {place.country}")
            slug = unique_slug(base, taken)
            new_places[slug] = place_record(place)
        place_ids.append(slug)
    return Assignment(actor_ids, place_ids, new_actors, new_places)


def _earlier(entity: Actor | Place, records: Mapping[str, Any], earlier: Mapping[str, str]) -> str | None:
    for text in (entity.name, *(m.text for m in entity.mentions)):
        slug = earlier.get(name_key(text))
        if slug is not None and slug in records and not (isinstance(entity, Actor) and _abroad(entity, records[slug])):
            return slug
    return None


def _abroad(actor: Actor, record: Mapping[str, Any]) -> bool:
    """The record is another country's body of the actor's name: the annotator found the actor in
    no knowledge base and says whose it is (a namesake titled with its own country is not the
    knowledge base body's page, though an earlier reading of the story filed it there)."""
    return actor.wikipedia is None and bool(actor.country) and record.get("country") not in (None, actor.country)


def _match_actor(actor: Actor, registry: Registry, index: dict[str, list[str]],
                 new: dict[str, dict[str, Any]], by_name_only: bool = False) -> str | None:
    key = name_key(actor.name)
    for slug, record in new.items():
        if name_key(record["name"]) == key and _kinds_compatible(record["kind"], actor.kind):
            return slug
    for slug in index.get(key, []):
        record = registry.actors[slug]
        if by_name_only and name_key(str(record.get("name") or "")) != key:
            continue
        if _abroad(actor, record):
            continue
        if _kinds_compatible(record.get("kind"), actor.kind):
            return slug
    return None


def _kinds_compatible(a: Any, b: str) -> bool:
    person = {a, b} & {"person"}
    return a == b or not person  # a person never merges with an organisation of the same name


def _match_place(place: Place, registry: Registry, index: dict[str, list[str]], by_geonames: dict[Any, str],
                 new: dict[str, dict[str, Any]]) -> str | None:
    if place.geonames and place.geonames in by_geonames:
        return by_geonames[place.geonames]
    for slug, record in new.items():
        if place.geonames and record.get("geonames") == place.geonames:
            return slug
        if not place.geonames and name_key(record["name"]) == name_key(place.name) and record["kind"] == place.kind:
            return slug
    for slug in index.get(name_key(place.name), []):
        record = registry.places[slug]
        same_country = record.get("country_code") == place.country_code or not place.country_code
        different_ids = place.geonames and record.get("geonames") and record.get("geonames") != place.geonames
        if same_country and not different_ids and record.get("kind") == place.kind:
            return slug
    return None
