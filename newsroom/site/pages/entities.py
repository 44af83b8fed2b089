"""Actor and place pages: every article naming the entity, with the sentence that does, its
events, the entities named beside it and, for a place, the places near it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ...content.records import ArticleRecord, Entity, article_order
from ..links import page_url
from .base import PageRenderer


def _top(counts: Counter[tuple[str, str]], n: int,
         name: Callable[[tuple[str, str]], str]) -> list[tuple[tuple[str, str], int]]:
    """The `n` most frequent keys, ties by name: names are looked up for the leaders only."""
    if len(counts) > n:
        floor = sorted(counts.values(), reverse=True)[n - 1]
        counts = Counter({k: v for k, v in counts.items() if v >= floor})
    return sorted(counts.items(), key=lambda x: (-x[1], name(x[0]), x[0]))[:n]


class EntityPages(PageRenderer):
    def entity_page(self, entity: Entity) -> str:
        folder = entity.folder
        url = page_url(folder, entity.slug)
        # The entities this page shows: itself and, for a country, the state actor it also is.
        keys = [(folder, entity.slug), *self.shown_with.get((folder, entity.slug), [])]
        state = next((self.archive.actors[slug] for _, slug in keys[1:] if slug in self.archive.actors), None)
        seen_texts: Counter[str] = Counter()
        together: Counter[tuple[str, str]] = Counter()
        by_article: dict[str, tuple[ArticleRecord, list[str], str | None]] = {}
        index = self.archive.mentions_of()
        for article, mention in sorted((pair for key in keys for pair in index.get(key, [])),
                                       key=lambda pair: article_order(pair[0])):
            seen_texts.update(mention.texts)
            _, texts, role = by_article.get(article.slug, (article, [], None))
            by_article[article.slug] = (article, [*texts, *mention.texts], role or mention.role)
        reports = []
        for article, texts, role in by_article.values():  # one line an article, however it names the entity
            reports.append({"article": article, "quote": self.quote(article, texts), "role": role})
            together.update({self.page_of(other.folder, other.entity) for other in article.mentions
                             if (other.folder, other.entity) not in keys})
        field = "actors" if folder == "actors" else "place"
        found = [e for key in keys for e in self.archive.events_of().get(key, [])]
        events = sorted({e.page: self.events_by_id[e.page] for e in found}.values(),
                        key=lambda e: (e.date or "9999", e.id))  # one line per real-world event
        written = [a for e in [entity, *([state] if state else [])] for a in e.record.get("aliases") or []]
        aliases = sorted({*seen_texts, *(a for a in written if isinstance(a, str))} - {entity.name})
        nearby = self.places_near.nearby(entity) if folder == "places" else []
        related = _top(together, 20, lambda key: self._entity_name(*key).lower())
        return self._render(f"{folder[:-1]}.html", url, entity=entity, record=entity.record, reports=reports,
                            events=events, aliases=aliases, nearby=nearby[:10], related=related,
                            name=self._entity_name, field=field, state=state)
