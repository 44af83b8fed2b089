"""The search page's filters: which actors and places are offered as filter values (and have
their pages in the search index), and the filter choices the search page loads."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from ..content.archive import Archive
from ..model import EVENT_TYPES

FACET_VALUES = 500  # actors (and places) offered as search filters: those named in most articles


class SearchFacets:
    def __init__(self, archive: Archive, name: Callable[[str, str], str]) -> None:
        self.archive = archive
        self._entity_name = name

    @functools.cached_property
    def facets(self) -> set[tuple[str, str]]:
        """The actors and places that are values of the search page's actor/place filter, and
        whose pages are in the search index: the FACET_VALUES named in most articles.
        Pagefind's UI loads every filter value with the first query, and every query loads a
        summary of every indexed page, so 20,000 one-article actors would cost every reader a
        megabyte; the articles naming them are found by the name, and link to their pages."""
        chosen: set[tuple[str, str]] = set()
        for name in ("actors", "places"):
            counts = [(-n, key) for key, n in self.archive.article_counts().items() if key[0] == name]
            chosen.update(key for _, key in sorted(counts)[:FACET_VALUES])
        return chosen

    def facet(self, folder: str, slug: str) -> bool:
        return (folder, slug) in self.facets

    def facets_json(self) -> str:
        """The search page's filter choices, names only: Pagefind loads a filter's page lists
        when a reader sets it, never all of them up front."""
        years = {d[:4] for d in [*(a.date for a in self.archive.articles.values()),
                                 *(e.date for e in self.archive.events)] if d}
        names = {folder: sorted({self._entity_name(folder, slug) for f, slug in self.facets if f == folder},
                                key=str.lower) for folder in ("actors", "places")}
        facets = {"kind": ["article", "actor", "place"],
                  "event type": [t for t in EVENT_TYPES if any(e.type == t for e in self.archive.events)],
                  "year": sorted(years, reverse=True), "actor": names["actors"], "place": names["places"]}
        return json.dumps(facets, ensure_ascii=False, allow_nan=False, sort_keys=True) + "\n"
