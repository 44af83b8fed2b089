"""Data for researchers: ACLED-style CSV, JSON, GeoJSON and Atom feeds, built with the site."""

from __future__ import annotations

import csv
import html
import json
import xml.etree.ElementTree as ET

import pytest

from .cli_run import no_constant

SEED_SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_events_csv_uses_acled_columns_and_cites_evidence(example_site):
    with (example_site / "exports" / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
            "longitude", "fatalities", "source"} <= set(rows[0])
    seed_rows = [r for r in rows if r["article"] == f"articles/{SEED_SLUG}/"]
    observatory = [r for r in seed_rows if r["fatalities"] == "59"]
    assert observatory and observatory[0]["source"] == "Syrian Observatory for Human Rights"
    assert observatory[0]["event_date"] == "2017-09-28" and observatory[0]["event_type"] == "Battles"
    assert all(r["evidence"] for r in rows)


def test_events_csv_loads_in_pandas_one_row_per_event_with_its_evidence(example_site):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(example_site / "exports" / "events.csv")
    events = json.loads((example_site / "exports" / "events.json").read_text(encoding="utf-8"))
    assert len(frame) == len(events) and frame["event_id_cnty"].is_unique
    assert frame["evidence"].notna().all()
    seed = frame[frame["article"] == f"articles/{SEED_SLUG}/"]
    battles = seed[seed["event_type"] == "Battles"]
    assert (battles["fatalities"] == 59).any()
    # The evidence is the article's own sentence, word for word.
    article = (example_site / "articles" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    for sentence in seed["evidence"]:
        assert html.escape(sentence, quote=False) in article


def test_events_geojson_puts_each_event_page_at_its_place(example_site):
    events = json.loads((example_site / "exports" / "events.geojson").read_text(encoding="utf-8"))
    places = json.loads((example_site / "exports" / "places.geojson").read_text(encoding="utf-8"))
    # by id: two places may share a name (Washington the city and the state)
    at = {f["properties"]["id"]: f["geometry"]["coordinates"] for f in places["features"]}
    names = {f["properties"]["id"]: f["properties"]["name"] for f in places["features"]}
    assert events["features"]
    for feature in events["features"]:
        assert feature["geometry"]["coordinates"] == at[feature["properties"]["place_id"]]
        assert feature["properties"]["place"] == names[feature["properties"]["place_id"]]
        assert (example_site / feature["properties"]["url"] / "index.html").exists()


def test_geojson_and_actors_json(example_site):
    places = json.loads((example_site / "exports" / "places.geojson").read_text(encoding="utf-8"))
    deir = next(f for f in places["features"] if f["properties"]["id"] == "deir-ez-zor")
    assert [round(c, 2) for c in deir["geometry"]["coordinates"]] == [40.14, 35.34]
    actors = json.loads((example_site / "exports" / "actors.json").read_text(encoding="utf-8"))
    assert any(a["id"] == "hezbollah" and a["kind"] == "armed-group" for a in actors)
    events = json.loads((example_site / "exports" / "events.json").read_text(encoding="utf-8"))
    assert all((example_site / e["url"] / "index.html").exists() for e in events)


def test_atom_feeds_parse_and_link_to_articles(example_site):
    feed = ET.parse(example_site / "feeds" / "articles.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 25
    hezbollah = ET.parse(example_site / "actors" / "hezbollah" / "feed.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in hezbollah.findall(f"{ATOM}entry")]
    assert f"articles/{SEED_SLUG}/" in links
    page = (example_site / "actors" / "hezbollah" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page


def test_every_page_carries_a_content_security_policy(example_site):
    page = (example_site / "articles" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in page
    assert "fonts.googleapis.com" not in page


def test_places_geojson_is_valid_geojson(example_site):
    from jsonschema import validate

    point = {"type": "object", "required": ["type", "coordinates"],
             "properties": {"type": {"const": "Point"},
                            "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                            "prefixItems": [{"type": "number", "minimum": -180, "maximum": 180},
                                                            {"type": "number", "minimum": -90, "maximum": 90}]}}}
    schema = {"type": "object", "required": ["type", "features"],
              "properties": {"type": {"const": "FeatureCollection"},
                             "features": {"type": "array", "items": {
                                 "type": "object", "required": ["type", "geometry", "properties"],
                                 "properties": {"type": {"const": "Feature"}, "geometry": point,
                                                "properties": {"type": ["object", "null"]}}}}}}
    validate(json.loads((example_site / "exports" / "places.geojson").read_text(encoding="utf-8")), schema)


def test_timeline_lists_events_newest_first(example_site):
    page = (example_site / "timeline" / "index.html").read_text(encoding="utf-8")
    months = [m for m in __import__("re").findall(r'<h2 id="m-([0-9-]+|Undated)"', page)]
    dated = [m for m in months if m != "Undated"]
    assert dated == sorted(dated, reverse=True) and "2017-09" in dated


def test_every_export_is_strict_json_and_every_feed_well_formed_xml(example_site):
    data = [*example_site.glob("exports/*.json"), *example_site.glob("exports/*.geojson")]
    assert len(data) == 5  # events, actors, facets; events and places as GeoJSON
    for path in data:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=no_constant)
    feeds = [*example_site.glob("feeds/*.xml"), *example_site.glob("actors/*/feed.xml"),
             *example_site.glob("places/*/feed.xml")]
    # one feed per public actor and place page (not per old URL that redirects), and the archive's own
    pages = [p.parent for kind in ("actors", "places") for p in example_site.glob(f"{kind}/*/index.html")
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 300 and all((page / "feed.xml") in feeds for page in pages)
    for feed in feeds:
        ET.parse(feed)
    with (example_site / "exports" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
                   if not _number(cell))


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
