"""The archive: every record of content/, and the indexes pages, feeds and exports share.

Under ``serve`` an archive also starts its mention index and counts from the one it replaces,
patched for the articles an edit changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import Problem
from .records import ArticleRecord, Entity, EventRecord, Mention, article_order

PATCH_LIMIT = 200  # changed articles up to which an index is patched rather than rebuilt


@dataclass
class Archive:
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    actors: dict[str, Entity] = field(default_factory=dict)
    places: dict[str, Entity] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # "actors/old" -> "actors/new"
    unreadable: set[str] = field(default_factory=set)  # "actors/slug" of entity files that exist but cannot be read
    _mentions: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] | None = field(default=None, repr=False)
    _events: list[EventRecord] | None = field(default=None, repr=False)
    _reports: dict[str, list[EventRecord]] | None = field(default=None, repr=False)
    _events_of: dict[tuple[str, str], list[EventRecord]] | None = field(default=None, repr=False)
    _counts: dict[tuple[str, str], int] | None = field(default=None, repr=False)
    _orphans: set[tuple[str, str]] | None = field(default=None, repr=False)
    _country_pages: dict[str, str] | None = field(default=None, repr=False)
    # Under serve: the archive of the last build, which this one replaces. Its mentions index
    # and counts are patched for the articles an edit changed rather than built again over
    # every mention (most of a second at 10,000 articles), up to PATCH_LIMIT changed articles.
    _last: Archive | None = field(default=None, repr=False)

    def follow(self, last: Archive) -> None:
        """Let this archive's indexes start from `last`'s, which it replaces (same content/)."""
        last._last = None  # a chain of builds would otherwise keep every archive alive
        self._last = last

    @property
    def events(self) -> list[EventRecord]:
        """Every event of every article, in article order (the archive is read-only once loaded)."""
        if self._events is None:
            self._events = [e for a in self.articles.values() for e in a.events]
        return self._events

    def mentions_of(self) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]]:
        """(folder, entity id) -> every (article, mention) naming it, newest article first.
        Built once: entity pages, feeds and exports all read it."""
        if self._mentions is None:
            patched = self._patched_mentions() if self._last is not None and self._last._mentions is not None else None
            self._mentions = patched if patched is not None else _index_mentions(self.articles.values())
        return self._mentions

    def article_counts(self) -> dict[tuple[str, str], int]:
        """(folder, entity id) -> how many articles name it. Under serve, counted again only
        for the entities whose mentions an edit touched (the others keep the last count)."""
        if self._counts is None:
            index, last = self.mentions_of(), self._last
            if last is not None and last._counts is not None and last._mentions is not None:
                last_counts, last_index = last._counts, last._mentions
                self._counts = {key: last_counts[key] if last_index.get(key) is pairs else _distinct_articles(pairs)
                                for key, pairs in index.items()}
            else:
                self._counts = {key: _distinct_articles(pairs) for key, pairs in index.items()}
            self._last = None  # both indexes are made: the last build is no longer needed
        return self._counts

    def _patched_mentions(self) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] | None:
        """The last build's index with the changed articles' entries replaced; None when too
        many changed to be worth it. Articles are compared by identity: the read cache hands
        back the very same record for a file that did not change."""
        assert self._last is not None and self._last._mentions is not None
        last_articles, last_index = self._last.articles, self._last._mentions
        differs = {slug for slug, article in self.articles.items() if last_articles.get(slug) is not article}
        differs |= last_articles.keys() - self.articles.keys()
        if len(differs) > PATCH_LIMIT:
            return None
        index = dict(last_index)  # the untouched lists are shared: both are read-only
        added: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] = {}
        for slug in sorted(differs):
            if slug in self.articles:
                article = self.articles[slug]
                for m in article.mentions:
                    added.setdefault((m.folder, m.entity), []).append((article, m))
        dropped = {(m.folder, m.entity) for s in differs if s in last_articles for m in last_articles[s].mentions}
        for key in added.keys() | dropped:
            pairs = [pair for pair in last_index.get(key, []) if pair[0].slug not in differs] + added.get(key, [])
            pairs.sort(key=lambda pair: article_order(pair[0]))  # stable: an article's mentions keep their order
            if pairs:
                index[key] = pairs
            else:
                index.pop(key, None)
        return index

    def events_of(self) -> dict[tuple[str, str], list[EventRecord]]:
        """("actors", slug) / ("places", slug) -> the events it takes part in (or reports) or
        happened at. Built once for all entity pages."""
        if self._events_of is None:
            index: dict[tuple[str, str], list[EventRecord]] = {}
            for event in self.events:
                for actor in dict.fromkeys([*event.actors, *([event.according_to] if event.according_to else [])]):
                    index.setdefault(("actors", actor), []).append(event)
                if event.place:
                    index.setdefault(("places", event.place), []).append(event)
            self._events_of = index
        return self._events_of

    def reports(self, page: str) -> list[EventRecord]:
        """Every article's record of the event shown on /events/<page>/."""
        if self._reports is None:
            self._reports = {}
            for event in sorted(self.events, key=lambda e: (e.date or "", e.article, e.id)):
                self._reports.setdefault(event.page, []).append(event)
        return self._reports.get(page, [])

    def entity(self, folder: str, slug: str) -> Entity | None:
        return (self.actors if folder == "actors" else self.places).get(slug)

    def orphans(self) -> set[tuple[str, str]]:
        """(folder, slug) of every actor and place that no article names, in its list or in an
        event. Such an entity keeps its page (old links still work) but no index, search
        filter or export lists it, and `check` warns about it."""
        if self._orphans is None:
            named = self.mentions_of().keys() | self.events_of().keys()
            self._orphans = {(folder, slug) for folder in ("actors", "places")
                             for slug in (self.actors if folder == "actors" else self.places)
                             if (folder, slug) not in named}
        return self._orphans

    def country_pages(self) -> dict[str, str]:
        """State actor slug -> the slug of its country's place record, where both exist: the
        annotator files a country that acts as a state actor and a country named as territory as
        a place ('Syria shelled ...', 'in Syria'), and the site shows the two on one page, the
        country's (`site.pages.base.PageRenderer.page_of`). Matched by ISO code, not by name."""
        if self._country_pages is None:
            by_code: dict[str, str] = {}
            for slug, e in sorted(self.places.items()):  # two records of one country: the first slug
                if e.kind == "country" and e.record.get("country_code"):
                    by_code.setdefault(str(e.record["country_code"]), slug)
            self._country_pages = {slug: by_code[code] for slug, e in sorted(self.actors.items())
                                   if e.kind == "state" and (code := str(e.record.get("country") or "")) in by_code}
        return self._country_pages

    def page_of(self, folder: str, slug: str) -> tuple[str, str]:
        """The page an entity is shown on: its own, or for a state actor its country's
        (`country_pages`). Pages, links, redirects and the exports all ask this."""
        if folder == "actors" and (place := self.country_pages().get(slug)) is not None:
            return ("places", place)
        return (folder, slug)

    def listed(self, folder: str) -> list[Entity]:
        """The actors (or places) the public indexes and exports list: all but the orphans."""
        orphans = self.orphans()
        return [e for slug, e in (self.actors if folder == "actors" else self.places).items()
                if (folder, slug) not in orphans]


def _index_mentions(articles: Iterable[ArticleRecord]) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]]:
    index: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] = {}
    for article in sorted(articles, key=article_order):
        for mention in article.mentions:
            index.setdefault((mention.folder, mention.entity), []).append((article, mention))
    return index


def _distinct_articles(pairs: list[tuple[ArticleRecord, Mention]]) -> int:
    return len({article.slug for article, _ in pairs})

