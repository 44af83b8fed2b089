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


def spelling_index(cities: Mapping[str, list[City]]) -> dict[str, list[City]]:
    """Skeleton -> the towns whose long names have it, in the index's order: built with the
    GeoNames index and cached with it (skeletonising its half a million names takes two seconds
    a process otherwise)."""
    index: dict[str, list[City]] = {}
    for known, towns in cities.items():
        if len(known) >= SKELETON_MIN_LETTERS:
            index.setdefault(spelling_skeleton(known), []).extend(towns)
    return index


class SpellingVariants:
    """The towns of a country spelled like a name (`spelling_index`)."""

    def __init__(self, spellings: Mapping[str, list[City]]) -> None:
        self._spellings = spellings

    def towns(self, key: str, countries: list[str]) -> list[City]:
        """The towns of `countries` whose name is `key` (a name key) spelled another way, in the
        index's order."""
        if len(key) < SKELETON_MIN_LETTERS:
            return []
        wanted = set(countries)
        return [city for city in self._spellings.get(spelling_skeleton(key), []) if city.country_code in wanted]
