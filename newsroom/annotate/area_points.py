"""Points for places no gazetteer knows: a village, a suburb, a camp or a park the text puts in
a place of the same story ('the village of Balnacoil in Fife', 'Kulmis town (Marka, Lower
Shabelle)', 'a camp outside Gulu') is shown at that place's point and names it
(`Place.within`), as ACLED puts an event in a village it cannot find at the nearest place it can.
Finding the area is `position_readings.areas_named`'s; this says which areas lend a point and
to whom."""

from __future__ import annotations

from dataclasses import replace

from ..model import Place
from .place_index import Resolved, km


def area_to_show_at(area: Resolved | None) -> Resolved | None:
    """The area the text puts a place in (`position_readings.areas_named`), if it may lend its
    point: on the map and finer than a country, whose point says nothing of where in it. Which
    name the text puts in which is `containment`'s reading."""
    if area is None or area.lat is None or area.kind in ("country", "continent"):
        return None
    return area


SAME_AREA_KM = 25.0  # a gazetteer's area and the story's place of that name: one point, or a town and its district


def shown_within(places: list[Place]) -> list[Place]:
    """A place no gazetteer knows, put at the point of the area the text puts it in
    (`entity_drafts.finish`), is shown at the story's own place for that area and names it
    ('Hassanpur village in Ludhiana': at Ludhiana's point, within Ludhiana), so its page names
    a page of the archive. Where the story has no place near the area's point (the gazetteer's
    Buenos Aires for 'Martinez (Buenos Aires)' lies far from the city the story names) it stays
    unlocated: a point no page of the story vouches for is a guess."""
    located = [(p.name, p.lat, p.lon) for p in places if p.within is None and p.lat is not None and p.lon is not None]
    out = []
    for place in places:
        if place.within is not None and place.lat is not None and place.lon is not None:
            at = (place.lat, place.lon)
            near = sorted((km(*at, lat, lon), name, lat, lon) for name, lat, lon in located)
            name, lat, lon = near[0][1:] if near and near[0][0] <= SAME_AREA_KM else (None, None, None)
            place = replace(place, lat=lat, lon=lon, within=name)
        out.append(place)
    return out
