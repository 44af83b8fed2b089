"""Where places lie: which places are near one another, for the "Nearby" list of a place page.
Pure: the archive's place records in, distances out."""

from __future__ import annotations

import functools
import math
from collections import defaultdict

from ..content.archive import Archive
from ..content.records import Entity


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


NEARBY_KM = 250
# Grid cells of 2.5 degrees of latitude (~280 km); columns shrink towards the poles, so a cell
# is at least NEARBY_KM wide up to 60 degrees north or south; beyond that a few far places in
# the same band can be missed, which a "nearby" list can afford.
CELL_DEGREES = 2.5
GRID_COLUMNS = int(360 / CELL_DEGREES)


def _cell(point: tuple[float, float]) -> tuple[int, int]:
    lat, lon = point
    return math.floor(lat / CELL_DEGREES), math.floor((lon % 360) / CELL_DEGREES)


def _coords(entity: Entity) -> tuple[float, float] | None:
    lat, lon = entity.record.get("lat"), entity.record.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lat), float(lon)
    return None


class Nearby:
    """Places with coordinates, indexed by grid cell, so each page looks at nine cells."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    @functools.cached_property
    def grid(self) -> dict[tuple[int, int], list[tuple[tuple[float, float], Entity]]]:
        """Places with coordinates (not countries) by grid cell of about NEARBY_KM."""
        cells: dict[tuple[int, int], list[tuple[tuple[float, float], Entity]]] = defaultdict(list)
        for there, other in self._located:
            if other.kind != "country":
                cells[_cell(there)].append((there, other))
        return cells

    @functools.cached_property
    def _located(self) -> list[tuple[tuple[float, float], Entity]]:
        return [(there, place) for place in self.archive.places.values() if (there := _coords(place))]

    def nearby(self, place: Entity) -> list[tuple[int, Entity]]:
        """Places (not countries) within NEARBY_KM, nearest first: each page looks at its own
        grid cell and the adjacent ones."""
        here = _coords(place)
        if here is None:
            return []
        row, col = _cell(here)
        out = []
        for r in (row - 1, row, row + 1):
            for c in (col - 1, col, col + 1):
                for there, other in self.grid.get((r, c % GRID_COLUMNS), []):
                    if other.slug != place.slug and (distance := haversine_km(here, there)) <= NEARBY_KM:
                        out.append((round(distance), other))
        return sorted(out, key=lambda x: (x[0], x[1].slug))

    def listing_nearby(self, place: Entity) -> list[tuple[int, Entity]]:
        """The places whose "Nearby" list shows `place`: those near it, and the countries near
        it too (a country page lists the places near its point, but no list shows a country)."""
        here = _coords(place)
        if here is None or place.kind == "country":
            return []
        countries = [(round(d), other) for there, other in self._located
                     if other.kind == "country" and (d := haversine_km(here, there)) <= NEARBY_KM]
        return self.nearby(place) + countries
