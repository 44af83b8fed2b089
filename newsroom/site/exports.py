"""Data for researchers, generated with the site: events.csv (ACLED's column names where they
apply), events.json, events.geojson, places.geojson, actors.json, and Atom feeds of articles, per actor and
per place. Pure: the archive in, {path: text} out; deterministic for the same content.

Each format is written safe whatever a content file holds (the loader has already left out
what it refused; this is the second line): CSV cells cannot run as spreadsheet formulas,
JSON is strict (no NaN), and the feeds are well-formed XML. Orphans (entities no article
names) are not exported.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..content.archive import Archive
from ..content.records import ArticleRecord, EventRecord
from ..text import without_controls

ACLED_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
CSV_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
    # not ACLED's: where the record comes from in this archive
    "article", "evidence", "status",
]


# OWASP's CSV injection rule: a cell a spreadsheet would read as a formula or a command.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell starting like a formula gets a leading single quote, which spreadsheets
    show as text. Numbers pass as they are: a latitude of -33.4 is no formula, and the quote
    would make every reader's numeric column text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    """JSON-ready: a number that is not one (NaN, infinity) becomes null, a date its ISO text."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def strict_json(data: Any, **options: Any) -> str:
    """JSON any parser reads: NaN is not JSON, so it is never written (allow_nan=False raises
    on one the cleaning missed rather than write it)."""
    return json.dumps(_plain(data), ensure_ascii=False, allow_nan=False, sort_keys=True, default=str,
                      **options) + "\n"


def xml_text(value: Any) -> str:
    """Text for an XML element or attribute: escaped, and without the characters XML 1.0
    cannot hold at all (one control character in a title made a feed unreadable)."""
    return escape(without_controls(str(value)))


def _name(archive: Archive, folder: str, slug: str | None) -> str:
    if not slug:
        return ""
    entity = archive.entity(folder, slug)
    return entity.name if entity else slug


def _event_row(archive: Archive, event: EventRecord) -> dict[str, Any]:
    place = archive.places.get(event.place or "")
    record = place.record if place else {}
    article = archive.articles[event.article]
    return {
        "event_id_cnty": event.id, "event_date": event.date or "", "year": (event.date or "")[:4],
        "time_precision": ACLED_PRECISION.get(event.precision or "", ""), "event_type": event.type,
        "sub_event_type": event.sub_type, "actor1": _name(archive, "actors", event.actors[0] if event.actors else None),
        "actor2": _name(archive, "actors", event.actors[1] if len(event.actors) > 1 else None),
        "country": record.get("country") or "", "location": place.name if place else "",
        "latitude": record.get("lat", ""), "longitude": record.get("lon", ""),
        "source": _name(archive, "actors", event.according_to) or article.meta.get("credit") or "",
        "notes": event.when or "", "fatalities": (event.fatalities or {}).get("count", "") if event.fatalities else "",
        "article": f"articles/{event.article}/", "evidence": event.evidence, "status": event.status,
    }


def events_csv(archive: Archive) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in sorted(archive.events, key=lambda e: (e.date or "", e.id)):
        writer.writerow({column: csv_cell(value) for column, value in _event_row(archive, event).items()})
    return buffer.getvalue()


def events_json(archive: Archive) -> str:
    rows = []
    for event in sorted(archive.events, key=lambda e: (e.date or "", e.id)):
        rows.append({"id": event.id, "type": event.type, "sub_type": event.sub_type, "date": event.date,
                     "precision": event.precision, "when": event.when, "actors": event.actors,
                     "place": event.place, "fatalities": event.fatalities, "according_to": event.according_to,
                     "status": event.status, "article": event.article, "evidence": event.evidence,
                     "page": event.page, "url": f"events/{event.page}/"})
    return strict_json(rows, indent=1)


def places_geojson(archive: Archive) -> str:
    features = []
    events_at: defaultdict[str, int] = defaultdict(int)
    for event in archive.events:
        if event.place:
            events_at[event.place] += 1
    for place in sorted(archive.listed("places"), key=lambda p: p.slug):
        slug, lat, lon = place.slug, place.record.get("lat"), place.record.get("lon")
        if not _coordinate(lat) or not _coordinate(lon):
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": slug, "name": place.name, "kind": place.kind,
                                        "country": place.record.get("country"), "events": events_at[slug],
                                        # the place whose point it has, when it has none of its own
                                        "within": place.record.get("within"), "url": f"places/{slug}/"}})
    return strict_json({"type": "FeatureCollection", "features": features})


def _coordinate(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def events_geojson(archive: Archive) -> str:
    """One point per real-world event (its page), at its place, for the archive map."""
    features = []
    for event in sorted(archive.events, key=lambda e: (e.date or "", e.id)):
        place = archive.places.get(event.place or "")
        if event.page != event.id or place is None:
            continue
        lat, lon = place.record.get("lat"), place.record.get("lon")
        if not _coordinate(lat) or not _coordinate(lon):
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": event.id, "type": event.type, "sub_type": event.sub_type,
                                        "date": event.date, "place": place.name, "place_id": event.place,
                                        "reports": len(archive.reports(event.page)), "url": f"events/{event.id}/"}})
    return strict_json({"type": "FeatureCollection", "features": features})


def actors_json(archive: Archive) -> str:
    """Every listed actor with the URL of the page it is shown on (a state: its country's)."""
    rows = [{"id": actor.slug, "url": "/".join(archive.page_of("actors", actor.slug)) + "/",
             **{k: v for k, v in sorted(actor.record.items())}}
            for actor in sorted(archive.listed("actors"), key=lambda a: a.slug)]
    return strict_json(rows, indent=1)


def atom_feed(title: str, feed_path: str, articles: list[ArticleRecord], site_url: str) -> str:
    """An Atom feed (RFC 4287). Ids are tag: URIs so the feed is valid without a site URL."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    updated = max((a.date for a in articles if a.date), default="2000-01-01")
    entries = []
    for article in sorted(articles, key=lambda a: (a.date or "", a.slug), reverse=True)[:50]:
        stamp = f"{article.date or updated}T00:00:00Z"
        summary = article.meta.get("dek") or ""
        entries.append(
            "  <entry>\n"
            f"    <title>{xml_text(article.title)}</title>\n"
            f"    <id>tag:newsroom-archive,2000:articles/{article.slug}</id>\n"
            f"    <link href={quoteattr(base + f'articles/{article.slug}/')}/>\n"
            f"    <updated>{stamp}</updated>\n"
            + (f"    <summary>{xml_text(summary)}</summary>\n" if summary else "")
            + "  </entry>\n")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'
            + (f" xml:base={quoteattr(base)}" if base else "") + ">\n"
            f"  <title>{xml_text(title)}</title>\n  <id>tag:newsroom-archive,2000:{xml_text(feed_path)}</id>\n"
            f"  <link rel=\"self\" href={quoteattr(base + feed_path)}/>\n"
            f"  <updated>{updated}T00:00:00Z</updated>\n  <author><name>Newsroom archive</name></author>\n"
            + "".join(entries) + "</feed>\n")


DATA_FILES = ("exports/events.csv", "exports/events.json", "exports/events.geojson", "exports/places.geojson",
              "exports/actors.json")


def exports(archive: Archive, site_url: str = "", reuse: Mapping[str, str] | None = None,
            fresh: set[tuple[str, str]] | None = None, data_unchanged: bool = False) -> dict[str, str]:
    """Every export and feed. With `reuse` (the last build's, under serve), an entity's feed is
    taken from it unless the entity is in `fresh` (touched by the edit), and the data files
    are taken from it when `data_unchanged`: one edit does not rebuild 30,000 feeds."""
    if reuse is not None and data_unchanged and all(name in reuse for name in DATA_FILES):
        out = {name: reuse[name] for name in DATA_FILES}
    else:
        out = {
            "exports/events.csv": events_csv(archive), "exports/events.json": events_json(archive),
            "exports/events.geojson": events_geojson(archive), "exports/places.geojson": places_geojson(archive),
            "exports/actors.json": actors_json(archive),
        }
    out["feeds/articles.xml"] = atom_feed("Newsroom archive: articles", "feeds/articles.xml",
                                          list(archive.articles.values()), site_url)
    mentioned = archive.mentions_of()
    entities = [("actors", slug) for slug in archive.actors] + [("places", slug) for slug in archive.places]
    for folder, slug in sorted(entities):
        uri = f"{folder}/{slug}/feed.xml"
        if reuse is not None and fresh is not None and (folder, slug) not in fresh and uri in reuse:
            out[uri] = reuse[uri]
            continue
        # every entity page links its feed, even an empty one
        articles = list({a.slug: a for a, _ in mentioned.get((folder, slug), [])}.values())
        name = _name(archive, folder, slug)
        out[f"{folder}/{slug}/feed.xml"] = atom_feed(f"Newsroom archive: {name}", f"{folder}/{slug}/feed.xml",
                                                     articles, site_url)
    return out
