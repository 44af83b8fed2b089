"""Which pages an edit touches, so `mkdocs serve` rebuilds those and not the whole site.

Pure: two loads of the archive (before and after the edit) and the content files that changed
in between go in; the keys of the pages to render again come out (see PlannedPage.key). Index
pages are always rebuilt by the caller; redirect stubs and exports are compared by content.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content.archive import Archive
from ..content.records import ArticleRecord, Entity

PageKey = tuple[str, str]


def event_pages(archive: Archive) -> dict[str, str]:
    """Event id -> the page it is shown on, taken before the next load regroups events."""
    return {e.id: e.page for e in archive.events}


def affected_pages(old: Archive, new: Archive, old_event_pages: dict[str, str], changed: set[str],
                   listed_near: Callable[[Entity], list[tuple[int, Entity]]]) -> set[PageKey]:
    """Pages whose HTML may differ after the `changed` files ("content/articles/x.md",
    "content/actors/y.yml", ...) were edited, added or removed. `listed_near(place)`: the
    places whose "Nearby" list shows that place."""
    keys: set[PageKey] = set()

    def article_and_neighbours(article: ArticleRecord | None) -> None:
        if article is None:
            return
        keys.add(("articles", article.slug))
        keys.update((m.folder, m.entity) for m in article.mentions)
        keys.update(("events", e.page) for e in article.events)

    for display in sorted(changed):
        parts = display.split("/")
        if len(parts) != 3:
            continue
        folder, slug = parts[1], parts[2].rsplit(".", 1)[0]
        if folder == "articles":
            for archive in (old, new):
                article_and_neighbours(archive.articles.get(slug))
        elif folder in ("actors", "places"):
            keys.add((folder, slug))
            for archive in (old, new):
                # Its name shows on every page that names it: its articles, the entities named
                # beside it, its events, and (for a place) the places near it.
                for article, _ in archive.mentions_of().get((folder, slug), []):
                    article_and_neighbours(article)
                for event in archive.events_of().get((folder, slug), []):
                    keys.add(("events", event.page))
                    article_and_neighbours(archive.articles.get(event.article))
                entity = archive.entity(folder, slug)
                if folder == "places" and entity is not None:
                    keys.update(("places", other.slug) for _, other in listed_near(entity))
    for event in new.events:
        before = old_event_pages.get(event.id)
        if before != event.page:  # regrouped: both pages, and every page linking to either
            keys.update({("events", event.page), ("events", before or event.page)})
            article_and_neighbours(new.articles.get(event.article))
            keys.update(("actors", a) for a in event.actors)
            if event.place:
                keys.add(("places", event.place))
    # A country's page shows the state actor it also is (`Archive.country_pages`): what touches
    # either touches that page, as the archive shares them before the edit and after it.
    for archive in (old, new):
        for actor, place in archive.country_pages().items():
            if ("actors", actor) in keys or ("places", place) in keys:
                keys.update({("actors", actor), ("places", place)})
    return keys
