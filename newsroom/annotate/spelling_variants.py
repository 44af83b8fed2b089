"""The towns of a GeoNames index found by how a name is spelled rather than by the name: one
South Asian or Burmese name romanised two ways ('Narayangonj' for Narayanganj, 'Kyawkme' for
Kyaukme) meets through `text.spelling_skeleton`. Looked up only where the index does not know
the name itself, and only in the story's own countries: skeletons of unrelated names collide
across the world."""

from __future__ import annotations

from collections.abc import Mapping

from ..text import spelling_skeleton
from .place_index import City

SKELETON_MIN_LETTERS = 7  # shorter names' skeletons collide too often to mean one place


class SpellingVariants:
    """Skeleton -> towns, worked out for the whole index the first time a name is looked for
    (about a second): most stories name no place the index lacks, and those that do are set
    in countries that together cover much of the index."""

    def __init__(self, cities: Mapping[str, list[City]]) -> None:
        self._cities = cities
        self._skeletons: dict[str, list[City]] | None = None  # skeleton -> towns, in the index's order

    def towns(self, key: str, countries: list[str]) -> list[City]:
        """The towns of `countries` whose name is `key` (a name key) spelled another way, in the
        index's order."""
        if len(key) < SKELETON_MIN_LETTERS:
            return []
        wanted = set(countries)
        return [city for city in self._index().get(spelling_skeleton(key), []) if city.country_code in wanted]

    def _index(self) -> dict[str, list[City]]:
        """Every long name's skeleton and its towns, in the index's order (each name's key is
        skeletonised once, however many towns bear it)."""
        if self._skeletons is None:
            self._skeletons = {}
            for known, cities in self._cities.items():
                if len(known) >= SKELETON_MIN_LETTERS:
                    self._skeletons.setdefault(spelling_skeleton(known), []).extend(cities)
        return self._skeletons
