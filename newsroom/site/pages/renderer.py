"""Every generated page of the site, planned from the archive model and rendered on demand
with the Jinja templates in ``templates/``.

Pure apart from reading the templates and memoising each article's quotes on its record.
`plan()` lists every page with its front matter and a function that renders its HTML body:
MkDocs builds a page only when it writes it, so the bodies of 50,000 pages are never all in
memory at once, and `serve` renders only the pages an edit touched.
"""

from __future__ import annotations

import functools

from ...content.records import Entity
from ..links import page_url, relative, src_uri
from .articles import ArticlePages
from .base import PlannedPage, page_meta
from .entities import EntityPages
from .indexes import IndexPages


class SiteRenderer(ArticlePages, EntityPages, IndexPages):
    def plan(self) -> dict[str, PlannedPage]:
        """Every page: src_uri -> its plan. Cheap: nothing is rendered yet."""
        # functools.partial, not `lambda a=article: ...`, which mypy cannot type; the calls still wait until needed.
        pages: list[PlannedPage] = []
        for article in self.archive.articles.values():
            pages.append(PlannedPage(page_url("articles", article.slug), ("articles", article.slug), article.path,
                                     functools.partial(page_meta, article.title),
                                     functools.partial(self.article_page, article)))
        for entity in [*self.archive.actors.values(), *self.archive.places.values()]:
            if self.page_of(entity.folder, entity.slug) != (entity.folder, entity.slug):
                continue  # shown on its country's page; its own URL sends readers there (`redirects`)
            pages.append(PlannedPage(page_url(entity.folder, entity.slug), (entity.folder, entity.slug), entity.path,
                                     functools.partial(page_meta, entity.name,
                                                       feed=f"{entity.folder}/{entity.slug}/feed.xml"),
                                     functools.partial(self.entity_page, entity)))
        for event in self.archive.events:
            if event.page == event.id:  # one page per real-world event; the other reports share it
                pages.append(PlannedPage(page_url("events", event.id), ("events", event.id),
                                         self.archive.articles[event.article].path,
                                         functools.partial(self._event_meta, event),
                                         functools.partial(self.event_page, event)))
        pages.extend(self.index_pages())
        return {src_uri(page.url): page for page in pages}

    def redirects(self) -> dict[str, str]:
        """Old URLs -> small HTML pages sending the reader on: "actors/old/index.html" -> html.
        A state actor's URL sends readers to its country's page, which shows it."""
        out = {}
        moved = {f"events/{e.id}": f"events/{e.page}" for e in self.archive.events if e.page != e.id}
        shared = {f"actors/{actor}": f"actors/{actor}" for actor in self.archive.country_pages()}
        for old, new in sorted({**self.archive.redirects, **moved, **shared}.items()):
            folder, slug = new.split("/", 1)
            if folder != "events":
                folder, slug = self.page_of(folder, slug)  # a merged state's old URL goes straight to its country
                new = f"{folder}/{slug}"
            name = self.event_title(self.events_by_id[slug]) if folder == "events" else self._entity_name(folder, slug)
            body = self.env.get_template("redirect.html").render(target=relative(old + "/", new + "/"), name=name)
            out[f"{old}/index.html"] = body  # an event's own URL keeps working too
        return out

    def listing_nearby(self, place: Entity) -> list[tuple[int, Entity]]:
        return self.places_near.listing_nearby(place)

    def facets_json(self) -> str:
        return self.search.facets_json()
