"""Places read together: where the other place names of a story may be.

Local news names its places by their bare names ('Columbus', 'Norfolk', 'Colfax County'), and the
places of one story lie together: the Columbus near a Norfolk and a Colfax County is Columbus,
Nebraska, not Ohio's capital. Each name of the story speaks through its possible readings (so no
name has to be decided first), and a town or district reading of another name that lies near one
of them gets the evidence 'near_story_place' (`Gazetteer.in_story`, weighed with the rest).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..text import name_key
from .place_index import km, reading_rank, split_kind_word

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

LOCAL_KINDS = ("city", "town", "village", "district")  # readings a neighbour can speak for
# How many of a name's readings, best first, may be where the story is: a name whose best reading
# is wrong often has the right one a few places down ('Columbus': Ohio, Georgia, Indiana, Nebraska).
NEIGHBOUR_READINGS = 5
KM_PER_DEGREE = 111.0  # of latitude: most points are ruled out on it before the distance is worked out

Point = tuple[float, float]


def neighbour_points(gazetteer: Gazetteer, names: Iterable[str], context: list[str]) -> dict[str, list[Point]]:
    """Name key -> the points where that name of the story may be. Only readings a neighbour
    could lift to the top speak (within the evidence's weight of the name's best): London,
    Ontario is no neighbour of a Paris, Ontario where the story names Paris and London. Only
    where the story is set, when it says: Palmyra and Geneva, New York lie together, but a Syria
    story that names the United States later means neither; a name that can only be in one
    country says so itself, and speaks there ('Simferopol' beside 'Saki' in a story that names
    only Russian missiles). A name that may be a state or a country of the story ('California')
    says the story is somewhere in it, not near its namesake towns; and a town that bears the
    name only as an alternate (Bozeman is 'Missouri' in GeoNames) is not what the story names."""
    from .gazetteer import SETTING_COUNTRIES  # the gazetteer imports this module
    from .setting import countries_implied

    kinds = gazetteer.knowledge.lexicon.place_kind_words
    lift = gazetteer.weights.near_story_place
    neighbours: dict[str, list[Point]] = {}
    for name in names:
        base, kind_word = split_kind_word(name, kinds)
        key = name_key(base)
        if not key or key in neighbours:
            continue
        readings = sorted(gazetteer.readings(name, context), key=reading_rank, reverse=True)
        local = bool(readings) and readings[0].kind in LOCAL_KINDS and not any(
            r.kind not in LOCAL_KINDS and r.country_code in context for r in readings)
        floor = readings[0].score - lift if readings else 0.0
        # A name that can only be in one country ('Jammu') speaks there even in a story whose
        # named countries are others' ('Pakistani troops shelled ...'): it says where it is.
        sole = countries_implied(gazetteer, [name]) if readings and context else []
        points = [(r.lat, r.lon) for r in readings[:NEIGHBOUR_READINGS] if local and r.score >= floor
                  and r.kind in LOCAL_KINDS and "alternate_name" not in dict(r.evidence)
                  and (not context or "context_first" in dict(r.evidence) or r.country_code in sole)
                  and r.lat is not None and r.lon is not None]
        if kind_word == "district":
            # 'Platte County' is no one county (Nebraska, Missouri, Wyoming), so it has no
            # reading; but each of a few may be where the story is.
            districts = [d for d in gazetteer.districts.get(key, ()) if d.country_code in context[:SETTING_COUNTRIES]]
            if len(districts) <= NEIGHBOUR_READINGS:
                points += [(d.lat, d.lon) for d in districts]
        if points:
            neighbours[key] = points
    return neighbours


def near_neighbour(neighbours: Mapping[str, Sequence[Point]], key: str, lat: float, lon: float, reach: float) -> bool:
    """A reading at (lat, lon) lies within `reach` km of where another name of the story may be;
    not a name that shares a word with this one ('North Richmond' speaks for no Richmond)."""
    words = set(key.split())
    degrees = reach / KM_PER_DEGREE
    return any(not words & set(other.split())
               and any(abs(lat - a) <= degrees and km(lat, lon, a, b) <= reach for a, b in points)
               for other, points in neighbours.items())
