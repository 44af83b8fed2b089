"""Event identity across the archive: reports of one real-world event in several articles
share one page. Pure: the event records in, each record's `page` set."""

from __future__ import annotations

from ..content.records import EventRecord


def group_events(events: list[EventRecord]) -> None:
    """One page per real-world event: reports from different articles with the same type,
    place and date, and actors in common (or none named), share the page of the earliest."""
    ordered = sorted(events, key=lambda e: (e.date or "", e.article, e.id))
    pages: dict[tuple[str, str, str], list[EventRecord]] = {}  # (type, place, date) -> first reports
    for event in ordered:
        event.page = event.id
        if not (event.date and event.place):
            continue  # without a date and a place two reports cannot be told to be one event
        candidates = pages.setdefault((event.type, event.place, event.date), [])
        for first in candidates:
            if first.article != event.article and (
                    set(first.actors) & set(event.actors) or not (first.actors or event.actors)):
                event.page = first.id
                break
        else:
            candidates.append(event)

