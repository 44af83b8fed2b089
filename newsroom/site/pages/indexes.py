"""The index pages (home, articles, actors, places, events, timeline, map, search, review),
and the rows they show, compared between serve rebuilds: same rows, same page."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ...content.records import Entity, EventRecord, article_order
from ...model import EVENT_TYPES
from ...resolve.review import review_pairs
from .base import _KIND_RANK, PlannedPage, page_meta
from .events import EventPages


class IndexPages(EventPages):
    def index_pages(self) -> list[PlannedPage]:
        def index(url: str, title: str, render: Callable[[], str], fingerprint: Callable[[], Any],
                  search: bool = True) -> PlannedPage:
            return PlannedPage(url, ("index", url), "mkdocs.yml", lambda: page_meta(title, search=search), render,
                               lambda: (self.count(), fingerprint()))

        return [
            index("", "Newsroom archive", self.home_page, lambda: self.article_rows[:30]),
            index("articles/", "Articles", self.articles_index, lambda: self.article_rows),
            index("actors/", "Actors", self.actors_index,
                  lambda: tuple(sorted((e.slug, e.name, e.kind) for e in self.archive.listed("actors")))),
            index("places/", "Places", self.places_index,
                  lambda: tuple(sorted((e.slug, e.name, e.kind, str(e.record.get("country")))
                                       for e in self.archive.listed("places")))),
            index("events/", "Events", self.events_index, lambda: self.event_rows),
            index("timeline/", "Timeline", self.timeline_page, lambda: self.event_rows),
            index("map/", "Map", lambda: self._render("map.html", "map/", count=self.count(),
                                                      event_types=list(EVENT_TYPES)), tuple),
            index("search/", "Search", lambda: self._render("search.html", "search/"), tuple, search=False),
            index("review/", "Review", self.review_page, lambda: self.entity_records, search=False),
        ]

    # What the index pages (and the exports) show, as comparable rows: same rows, same page.
    # Each is made once per build: several pages share them.

    # What the index pages (and the exports) show, as comparable rows: same rows, same page.
    # Each is made once per build: several pages share them.
    @functools.cached_property
    def article_rows(self) -> tuple[Any, ...]:
        return tuple((a.slug, a.title, a.date, len(a.actors), len(a.places), len(a.events))
                     for a in sorted(self.archive.articles.values(), key=article_order))

    @functools.cached_property
    def event_rows(self) -> tuple[Any, ...]:
        name = self._entity_name
        return tuple((e.id, e.page, e.type, e.sub_type, e.date, e.when, e.place and name("places", e.place),
                      tuple(name("actors", a) for a in e.actors), repr(e.fatalities),
                      e.according_to and name("actors", e.according_to), e.status, e.article, e.anchor, e.evidence,
                      self.archive.articles[e.article].meta.get("credit"))
                     for e in self.archive.events)

    @functools.cached_property
    def entity_records(self) -> tuple[Any, ...]:
        return tuple((e.folder, e.slug, repr(e.record))
                     for e in [*self.archive.actors.values(), *self.archive.places.values()])

    def data_rows(self) -> tuple[Any, ...]:
        """What events.csv/json/geojson, places.geojson and actors.json are made from."""
        return self.event_rows, self.entity_records, frozenset(self.archive.orphans())

    def home_page(self) -> str:
        articles = sorted(self.archive.articles.values(), key=article_order)
        return self._render("home.html", "", articles=articles[:30], count=self.count())

    def articles_index(self) -> str:
        articles = sorted(self.archive.articles.values(), key=article_order)
        return self._render("articles_index.html", "articles/", articles=articles, count=self.count())

    def actors_index(self) -> str:
        by_kind: dict[str, list[Entity]] = defaultdict(list)
        for actor in self.archive.listed("actors"):  # not the orphans: no article names them
            by_kind[actor.kind].append(actor)
        for items in by_kind.values():
            items.sort(key=lambda e: (e.name.lower(), e.slug))
        kinds = sorted(by_kind, key=lambda k: _KIND_RANK.get(k, len(_KIND_RANK)))
        return self._render("actors_index.html", "actors/", by_kind=by_kind, kinds=kinds, count=self.count())

    def places_index(self) -> str:
        by_country: dict[str, list[Entity]] = defaultdict(list)
        for place in self.archive.listed("places"):
            country = place.record.get("country") or (place.name if place.kind == "country" else "Elsewhere")
            by_country[str(country)].append(place)
        for items in by_country.values():
            items.sort(key=lambda e: (e.kind != "country", e.name.lower(), e.slug))
        return self._render("places_index.html", "places/", by_country=dict(sorted(by_country.items())),
                            count=self.count())

    def events_index(self) -> str:
        events_by_type: dict[str, list[EventRecord]] = {t: [] for t in EVENT_TYPES}
        for event in self.archive.events:
            if event.page == event.id:
                events_by_type[event.type].append(event)
        for items in events_by_type.values():
            items.sort(key=lambda e: (e.date or "9999", e.id))
        return self._render("events_index.html", "events/", events_by_type=events_by_type, title=self.event_title,
                            name=self._entity_name, count=self.count())

    def timeline_page(self) -> str:
        pages_only = [e for e in self.archive.events if e.page == e.id]
        by_month: dict[str, list[EventRecord]] = defaultdict(list)
        for event in sorted(pages_only, key=lambda e: (e.date or "", e.id), reverse=True):
            by_month[event.date[:7] if event.date else "Undated"].append(event)
        months = sorted((m for m in by_month if m != "Undated"), reverse=True)
        months += ["Undated"] if "Undated" in by_month else []
        return self._render("timeline.html", "timeline/", by_month=[(m, by_month[m]) for m in months],
                            name=self._entity_name)

    def review_page(self) -> str:
        pairs = [*review_pairs("actors", {s: e.record for s, e in self.archive.actors.items()}),
                 *review_pairs("places", {s: e.record for s, e in self.archive.places.items()})]
        return self._render("review.html", "review/", pairs=pairs, name=self._entity_name)
