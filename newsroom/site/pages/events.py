"""Event pages: one per real-world event, with every article's report of it."""

from __future__ import annotations

from typing import Any

from ...content.records import EventRecord
from ..links import page_url
from .base import PageRenderer, page_meta


class EventPages(PageRenderer):
    def event_page(self, event: EventRecord) -> str:
        url = page_url("events", event.id)
        article = self.archive.articles[event.article]
        return self._render("event.html", url, event=event, article=article, name=self._entity_name,
                            title=self.event_title(event), reports=self.archive.reports(event.page))

    def _event_meta(self, event: EventRecord) -> dict[str, Any]:
        return page_meta(self.event_title(event))

    def event_title(self, event: EventRecord) -> str:
        where = f" in {self._entity_name('places', event.place)}" if event.place else ""
        when = f", {event.date}" if event.date else ""
        return f"{event.sub_type or event.type}{where}{when}"
