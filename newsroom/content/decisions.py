"""Editors' decisions on suggestions: what `build.py review` lists, and the one line
`--accept`/`--reject` writes (`review: accepted|rejected` on an event of an article's front
matter), with the file's comments, key order and story kept as they are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from .. import errors
from ..errors import NewsroomError, did_you_mean
from .archive import Archive
from .frontmatter import FENCE, FrontMatterError, dump_roundtrip, load_roundtrip, split
from .records import EventRecord, Mention
from .store import write_atomic


class DecisionError(NewsroomError):
    """A decision that cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Suggestion:
    """One annotation readers do not see yet."""

    path: str            # the article's file, as shown
    line: int            # the entry's line in it
    what: str            # 'event <id> <type> · <sub-type>', 'actor <id>', 'place <id>'
    confidence: float | None
    evidence: str | None
    event_id: str | None  # what --accept/--reject take


def suggestions(archive: Archive) -> list[Suggestion]:
    """Every held annotation no editor rejected, by file and line."""
    found: list[Suggestion] = []
    for article in archive.articles.values():
        for item in article.held:
            if item.review is not None:
                continue  # decided: rejected
            if isinstance(item, EventRecord):
                what = f"event {item.id}: {item.type}" + (f" · {item.sub_type}" if item.sub_type else "")
                found.append(Suggestion(article.path, item.at[0], what, item.confidence, item.evidence, item.id))
            else:
                found.append(_mention(article.path, item))
    return sorted(found, key=lambda s: (s.path, s.line))


def _mention(path: str, item: Mention) -> Suggestion:
    return Suggestion(path, 1, f"{item.folder[:-1]} {item.entity}", item.confidence, None, None)


def decide(content_dir: Path, archive: Archive, event_id: str, decision: str) -> str:
    """Write `review: <decision>` on the event `event_id`; -> what was done, for a person.
    The event is found by its id across the archive (ids are unique)."""
    event = next((e for a in archive.articles.values() for e in [*a.events, *a.held]
                  if isinstance(e, EventRecord) and e.id == event_id), None)
    if event is None:
        ids = {e.id: e for a in archive.articles.values() for e in [*a.events, *a.held] if isinstance(e, EventRecord)}
        raise DecisionError(errors.message(errors.NO_SUCH_EVENT, id=event_id, hint=did_you_mean(event_id, ids)))
    article = archive.articles[event.article]
    path = content_dir / "articles" / f"{article.slug}.md"
    text = path.read_text(encoding="utf-8")
    try:
        front, body, _ = split(article.path, text)
    except FrontMatterError as exc:
        raise DecisionError(str(exc.problem)) from exc
    meta = load_roundtrip(front)
    entry = next((e for e in meta.get("events") or [] if isinstance(e, CommentedMap) and e.get("id") == event_id), None)
    if entry is None:  # changed on disk since it was read
        raise DecisionError(errors.message(errors.NO_SUCH_EVENT, id=event_id, hint=""))
    if entry.get("review") == decision:
        return f"{article.path}: event {event_id} was already {decision}; nothing changed"
    if "review" in entry:
        entry["review"] = decision
    else:  # beside the confidence it overrides, before the evidence
        keys = list(entry)
        at = keys.index("evidence") if "evidence" in keys else len(keys)
        entry.insert(at, "review", decision)
    write_atomic(path, f"{FENCE}\n{dump_roundtrip(meta)}{FENCE}\n{body}")
    seen = "readers now see it" if decision == "accepted" else "readers will not see it"
    return f"{article.path}: event {event_id} {decision}; {seen} after the next build"
