"""Editors' decisions on suggestions: what `build.py review` lists, and the one line
`--accept`/`--reject` writes (`review: accepted|rejected` on an event, an actor or a place
entry of an article's front matter), with the file's comments, key order and story kept as
they are.

An event is named by its id, unique across the archive. An actor or place entry is named by
its article and its id, ARTICLE/actors/ID or ARTICLE/places/ID: one actor is named by many
articles, and the annotator may be sure of it in one and not in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from .. import errors
from ..errors import NewsroomError, did_you_mean
from ..resolve.identity import FOLDERS
from .archive import Archive
from .frontmatter import FrontMatterError, dump_roundtrip_document, load_roundtrip, split
from .records import ArticleRecord, EventRecord, Mention
from .store import write_atomic
from .visibility import ACCEPTED


class DecisionError(NewsroomError):
    """A decision that cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Suggestion:
    """One annotation readers do not see yet."""

    path: str            # the article's file, as shown
    line: int            # the entry's line in it
    what: str            # 'event <id>: <type> · <sub-type>', 'actor <id>', 'place <id>'
    confidence: float | None
    evidence: str | None  # an event's sentence
    key: str             # what --accept/--reject take: the event id, or ARTICLE/actors|places/ID
    names: tuple[str, ...] = ()  # how an actor's or place's entry says the text names it


def mention_key(article: str, mention: Mention) -> str:
    return f"{article}/{mention.folder}/{mention.entity}"


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
                found.append(Suggestion(article.path, item.at[0], f"{item.folder[:-1]} {item.entity}",
                                        item.confidence, None, mention_key(article.slug, item), tuple(item.texts)))
    return sorted(found, key=lambda s: (s.path, s.line))


def decide(content_dir: Path, archive: Archive, key: str, decision: str) -> str:
    """Write `review: <decision>` on the event or entry `key` names; -> what was done, for a person."""
    parts = key.split("/")
    if len(parts) == 3 and parts[1] in FOLDERS:
        return _decide_entry(content_dir, archive, key, decision)
    ids: dict[str, EventRecord] = {}
    for a in archive.articles.values():
        for e in [*a.events, *a.held]:
            if isinstance(e, EventRecord):
                ids.setdefault(e.id, e)
    event = ids.get(key)
    if event is None:
        raise DecisionError(errors.message(errors.NO_SUCH_EVENT, id=key, hint=did_you_mean(key, ids)))
    article = archive.articles[event.article]
    return _write(content_dir, article, "events", lambda entry: entry.get("id") == key, f"event {key}", decision,
                  errors.message(errors.NO_SUCH_EVENT, id=key, hint=""))


def _decide_entry(content_dir: Path, archive: Archive, key: str, decision: str) -> str:
    slug, folder, entity = key.split("/")
    article = archive.articles.get(slug)
    mentions = [m for m in [*(article.mentions if article else []), *(article.held if article else [])]
                if isinstance(m, Mention) and m.folder == folder]
    if article is None or not any(m.entity == entity for m in mentions):
        keys = {mention_key(a.slug, m): m for a in archive.articles.values() for m in [*a.mentions, *a.held]
                if isinstance(m, Mention)}
        raise DecisionError(errors.message(errors.NO_SUCH_ENTRY, key=key, hint=did_you_mean(key, keys)))

    def names_it(entry: CommentedMap) -> bool:
        # The entry may still name the entity by an old slug that a merge or rename redirects.
        # (Not event_records.resolve: that one also asks for an entity file, and a state named
        # as an actor has none of its own.)
        ref = f"{folder}/{entry.get('id')}"
        return archive.redirects.get(ref, ref) == f"{folder}/{entity}"

    return _write(content_dir, article, folder, names_it, f"{folder[:-1]} {entity}", decision,
                  errors.message(errors.NO_SUCH_ENTRY, key=key, hint=""))


def _write(content_dir: Path, article: ArticleRecord, list_key: str, match: Callable[[CommentedMap], bool],
           what: str, decision: str, missing: str) -> str:
    path = content_dir / "articles" / f"{article.slug}.md"
    text = path.read_text(encoding="utf-8")
    try:
        front, body, _ = split(article.path, text)
    except FrontMatterError as exc:
        raise DecisionError(str(exc.problem)) from exc
    meta = load_roundtrip(front)
    entry = next((e for e in meta.get(list_key) or [] if isinstance(e, CommentedMap) and match(e)), None)
    if entry is None:  # changed on disk since it was read
        raise DecisionError(missing)
    if entry.get("review") == decision:
        return f"{article.path}: {what} was already {decision}; nothing changed"
    if "review" in entry:
        entry["review"] = decision
    else:  # beside the confidence it overrides: before an event's evidence, last in an entity's entry
        keys = list(entry)
        at = keys.index("evidence") if "evidence" in keys else len(keys)
        entry.insert(at, "review", decision)
    write_atomic(path, dump_roundtrip_document(meta, body))
    seen = "readers now see it" if decision == ACCEPTED else "readers will not see it"
    return f"{article.path}: {what} {decision}; {seen} after the next build"
