"""Actor and place pages: every article naming the entity, with the sentence that does, its
events, the entities named beside it and, for a place, the places near it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ...content.records import Entity
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
        reports = []
        seen_texts: Counter[str] = Counter()
        together: Counter[tuple[str, str]] = Counter()
        for article, mention in self.archive.mentions_of().get((folder, entity.slug), []):
            seen_texts.update(mention.texts)
            reports.append({"article": article, "quote": self.quote(article, mention.texts), "role": mention.role})
            for other in article.mentions:
                if (other.folder, other.entity) != (folder, entity.slug):
                    together[(other.folder, other.entity)] += 1
        field = "actors" if folder == "actors" else "place"
        events = self.archive.events_of().get((folder, entity.slug), [])
        events = sorted({e.page: self.events_by_id[e.page] for e in events}.values(),
                        key=lambda e: (e.date or "9999", e.id))  # one line per real-world event
        aliases = sorted({*seen_texts, *(a for a in entity.record.get("aliases") or [] if isinstance(a, str))}
                         - {entity.name})
        nearby = self.places_near.nearby(entity) if folder == "places" else []
        related = _top(together, 20, lambda key: self._entity_name(*key).lower())
        return self._render(f"{folder[:-1]}.html", url, entity=entity, record=entity.record, reports=reports,
                            events=events, aliases=aliases, nearby=nearby[:10], related=related,
                            name=self._entity_name, field=field)
