"""Checks over the whole archive, after every file is read: each event id claimed once, and
the entities no article names (orphans). Pure: the archive in, problems out."""

from __future__ import annotations

import dataclasses

from .. import errors
from ..errors import Problem
from .archive import Archive


def unique_event_ids(archive: Archive) -> list[Problem]:
    """An event id names one page, /events/<id>/: the first article (by file name) to claim an
    id keeps it; a later claim is an error and that event is left out of the site. The records
    with one left out are copies: the read cache keeps the file's own record for next time."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}  # event id -> the file that claims it
    for slug in sorted(archive.articles):
        article = archive.articles[slug]
        kept = []
        for event in article.events:
            if event.id in owner:
                other = "another event of this article" if owner[event.id] == article.path else owner[event.id]
                problems.append(errors.problem(article.path, *event.at, errors.EVENT_ID_CLASH, id=event.id,
                                               other=other))
                continue
            owner[event.id] = article.path
            kept.append(event)
        if len(kept) != len(article.events):
            archive.articles[slug] = dataclasses.replace(article, events=kept)
    return problems


def orphan_problems(archive: Archive) -> list[Problem]:
    """A warning for each actor or place that no article names, in its list or in an event."""
    return [errors.problem(archive.entity(folder, slug).path, 1, 1, errors.ORPHAN,  # type: ignore[union-attr]
                           severity="warning", kind=folder[:-1])
            for folder, slug in sorted(archive.orphans())]
