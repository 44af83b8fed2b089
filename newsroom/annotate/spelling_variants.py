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
    """Skeleton -> towns, per country, worked out the first time a name is looked for in that
    country: the whole index's skeletons take seconds, and a story is set in few countries."""

    def __init__(self, cities: Mapping[str, list[City]]) -> None:
        self._cities = cities
        self._by_country: dict[str, list[tuple[int, str, City]]] | None = None  # (index order, name, city)
        self._skeletons: dict[str, dict[str, list[tuple[int, City]]]] = {}  # country -> skeleton -> towns

    def towns(self, key: str, countries: list[str]) -> list[City]:
        """The towns of `countries` whose name is `key` (a name key) spelled another way, in the
        index's order."""
        if len(key) < SKELETON_MIN_LETTERS:
            return []
        skeleton = spelling_skeleton(key)
        found: list[tuple[int, City]] = []
        for code in dict.fromkeys(countries):
            found += self._of_country(code).get(skeleton, [])
        return [city for _, city in sorted(found, key=lambda f: f[0])]

    def _of_country(self, code: str) -> dict[str, list[tuple[int, City]]]:
        if (index := self._skeletons.get(code)) is None:
            index = self._skeletons[code] = {}
            for order, known, city in self._grouped().get(code, []):
                index.setdefault(spelling_skeleton(known), []).append((order, city))
        return index

    def _grouped(self) -> dict[str, list[tuple[int, str, City]]]:
        """The index's long names and their towns by country, in the index's order."""
        if self._by_country is None:
            self._by_country = {}
            order = 0
            for known, cities in self._cities.items():
                if len(known) >= SKELETON_MIN_LETTERS:
                    for city in cities:
                        self._by_country.setdefault(city.country_code, []).append((order, known, city))
                        order += 1
        return self._by_country
