"""Read all of ``content/`` into one consistent archive before any page is rendered.

A bad file is reported (path:line:column) and left out; everything else still builds. Entity
files are read first, so every reference an article makes is checked against them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from .. import errors
from ..errors import Problem, did_you_mean
from ..resolve.event_identity import group_events
from ..text import is_slug
from .archive import Archive
from .archive_checks import unique_event_ids
from .event_records import date_text, read_events, resolve
from .frontmatter import Document, FrontMatterError, Location, parse_yaml_located, read_document
from .paths import name_problem
from .records import ArticleRecord, Entity, EventRecord, Mention, parse_body
from .values import checked, clean_body, compact
from .visibility import PUBLIC, REJECTED, Visibility, confidence_of, is_public, review_of, surer


def _at(where: dict[tuple[Any, ...], Location], path: tuple[Any, ...]) -> Location:
    while path and path not in where:
        path = path[:-1]
    return where.get(path, (1, 1))


Stamp = tuple[int, int]  # (mtime in ns, size): a file edited since has another stamp
T = TypeVar("T")
Held = TypeVar("Held", EventRecord, Mention)


@dataclass
class ReadCache:
    """What load_archive made of each file last time, reused while the file's stamp (and, for
    an article, the set of entity ids it may refer to) stays the same. `mkdocs serve` keeps one
    between rebuilds, so an edit re-reads one file, not 50,000."""

    results: dict[str, tuple[object, Any]] = field(default_factory=dict)  # display path -> (key, result)
    changed: set[str] = field(default_factory=set)  # display paths read again, added or removed
    visited: set[str] = field(default_factory=set)

    def get(self, display: str, key: object, make: Callable[[], T]) -> T:
        self.visited.add(display)
        cached = self.results.get(display)
        if cached is not None and cached[0] == key:
            return cached[1]
        result = make()
        if cached is None or cached[1] != result:
            self.changed.add(display)
        self.results[display] = (key, result)
        return result


def _listing(folder: Path, suffix: str) -> list[tuple[str, Stamp]]:
    """The names of the folder's files ending in `suffix`, sorted, each with its stamp. One
    scandir: a glob, a sort of Path objects and a stat call per file took most of a second
    at 40,000 files, on every serve rebuild."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if e.name.endswith(suffix) and e.is_file()), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [(e.name, (info.st_mtime_ns, info.st_size)) for e in entries for info in (e.stat(),)]


def _outside(path: Path, content_dir: Path) -> str | None:
    """Where a symbolic link leads, when that is outside content/ (such a file is never read:
    a link to /etc/passwd or a home folder would be published); None for an ordinary file."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    return None if target.is_relative_to(content_dir.resolve()) else str(target)


def _read_text(path: Path, display: str, content_dir: Path) -> tuple[str | None, list[Problem]]:
    """A content file's text, or the problem that keeps it from being read."""
    target = _outside(path, content_dir)
    if target is not None:
        return None, [errors.problem(display, 1, 1, errors.LINK_OUTSIDE, target=target)]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [errors.problem(display, 1, 1, errors.SEED_NOT_UTF8, offset=exc.start)]
    except OSError as exc:
        return None, [errors.problem(display, 1, 1, errors.FILE_UNREADABLE, detail=exc.strerror or type(exc).__name__)]
    if not text.strip():  # a run interrupted while writing it (before writes were atomic)
        return None, [errors.problem(display, 1, 1, errors.FILE_EMPTY, file=display)]
    return text, []


def _read_entity(path: Path, folder: str, display: str, content_dir: Path) -> tuple[Entity | None, list[Problem]]:
    """One entity file -> its entity (None if it cannot have a page) and its problems."""
    if not is_slug(path.stem):
        return None, [errors.problem(display, 1, 1, errors.SLUG_BAD, value=path.stem)]
    text, problems = _read_text(path, display, content_dir)
    if text is None:
        return None, problems
    try:
        record, where = parse_yaml_located(display, text)
    except FrontMatterError as exc:
        return None, [exc.problem]
    if not isinstance(record, dict):
        return None, [errors.problem(display, 1, 1, errors.FIELD_TYPE, field=path.name,
                                     detail="must be a mapping of field: value")]
    problems = checked(folder[:-1], record, display, lambda *p, w=where: _at(w, p))
    compact(record)
    if not isinstance(record.get("name"), str) or not isinstance(record.get("kind"), str):
        return None, problems  # without a name or kind there is no page to make
    return Entity(path.stem, folder, display, record), problems


def _load_entities(content_dir: Path, folder: str, archive: Archive, cache: ReadCache) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for name, stamp in _listing(content_dir / folder, ".yml"):
        display = f"content/{folder}/{name}"
        entity, problems = cache.get(display, stamp,
                                     partial(_read_entity, content_dir / folder / name, folder, display, content_dir))
        archive.problems.extend(problems)
        if entity is not None:
            out[entity.slug] = entity
        else:  # its own problem names it; the articles that refer to it are not blamed too
            archive.unreadable.add(f"{folder}/{name[:-len('.yml')]}")
    return out


def _read_article(path: Path, display: str, archive: Archive, content_dir: Path,
                  visibility: Visibility) -> tuple[ArticleRecord | None, list[Problem]]:
    """One article file -> its record and problems, given the archive's entities."""
    if not is_slug(path.stem):
        return None, [errors.problem(display, 1, 1, errors.SLUG_BAD, value=path.stem)]
    text, problems = _read_text(path, display, content_dir)
    if text is None:
        return None, problems
    try:
        doc = read_document(display, text)
    except FrontMatterError as exc:
        return None, [exc.problem]
    scratch = Archive(actors=archive.actors, places=archive.places, redirects=archive.redirects,
                      unreadable=archive.unreadable)
    article = _article(path.stem, display, doc, scratch, visibility)
    return article, sorted(scratch.problems, key=lambda p: (p.line, p.column))


def load_archive(content_dir: Path, cache: ReadCache | None = None, visibility: Visibility = PUBLIC) -> Archive:
    """Everything in content/, cross-checked; problems collected rather than raised.
    `visibility`: which annotations readers see; the others are each article's `held`."""
    cache = cache if cache is not None else ReadCache()
    cache.changed, cache.visited = set(), set()
    archive = Archive()
    archive.actors = _load_entities(content_dir, "actors", archive, cache)
    archive.places = _load_entities(content_dir, "places", archive, cache)
    for folder, entities in (("actors", archive.actors), ("places", archive.places)):
        for slug, entity in entities.items():
            for old in entity.record.get("redirect_from") or []:
                if not isinstance(old, str) or not is_slug(old):
                    continue  # the schema check reports it
                key = f"{folder}/{old}"
                if old in entities:
                    claim = f"content/{folder}/{old}.yml is that page, and {entity.path} redirects it"
                elif key in archive.redirects:
                    claim = (f"{entity.path} and content/{archive.redirects[key]}.yml both redirect it; "
                             f"keep it in one 'redirect_from'")
                else:
                    archive.redirects[key] = f"{folder}/{slug}"
                    continue
                archive.problems.append(errors.problem(entity.path, 1, 1, errors.SLUG_CLASH, slug=old, other=claim))
    # An article's record depends on which ids exist (a mention of a missing entity is a
    # problem): a new, removed or redirected entity file re-reads every article.
    ids = hash((tuple(archive.actors), tuple(archive.places), tuple(sorted(archive.redirects.items())),
                tuple(sorted(archive.unreadable))))
    for name, stamp in _listing(content_dir / "articles", ".md"):
        display = f"content/articles/{name}"
        article, problems = cache.get(display, (stamp, ids, visibility),
                                      partial(_read_article, content_dir / "articles" / name, display, archive,
                                              content_dir, visibility))
        archive.problems.extend(problems)
        if article is not None:
            archive.articles[article.slug] = article
    for gone in set(cache.results) - cache.visited:
        cache.changed.add(gone)
        del cache.results[gone]
    archive.problems.extend(unique_event_ids(archive))
    if not visibility.show_suggestions:
        _withhold_suggested(archive)
    group_events(archive.events)
    return archive


def _withhold_suggested(archive: Archive) -> None:
    """An entity only suggestions name gets no page: readers have never been shown it. One
    that redirects old slugs keeps its page (links to them must keep working), and one no
    article names at all is an orphan, which keeps its page too."""
    suggested: set[tuple[str, str]] = set()
    for article in archive.articles.values():
        for item in article.held:
            if isinstance(item, Mention):
                suggested.add((item.folder, item.entity))
            else:
                suggested.update(("actors", a) for a in [*item.actors, item.according_to] if a)
                suggested.update([("places", item.place)] if item.place else [])
    public = archive.mentions_of().keys() | archive.events_of().keys()
    for folder, slug in suggested - public:
        entities = archive.actors if folder == "actors" else archive.places
        if slug in entities and not entities[slug].record.get("redirect_from"):
            del entities[slug]



def _mentions(doc: Document, key: str, folder: str, known: dict[str, Entity], display: str,
              archive: Archive) -> list[Mention]:
    out: list[Mention] = []
    items = doc.meta.get(key)
    for n, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue  # the schema check reported it
        if archive.redirects.get(f"{folder}/{item['id']}", f"{folder}/{item['id']}") in archive.unreadable:
            continue  # its own problem names it
        slug = resolve(item["id"], folder, known, archive.redirects)
        if slug is None:
            archive.problems.append(errors.problem(display, *doc.at(key, n, "id"), errors.REFERENCE_MISSING,
                                                   kind=folder[:-1], ref=item["id"], folder=folder,
                                                   hint=did_you_mean(item["id"], known)))
            continue
        texts = [str(t) for t in item.get("mentions") or [] if isinstance(t, str)]
        twice = next((m for m in out if m.entity == slug), None)
        if twice is not None:  # by hand, or two ids one merge made one (a redirect)
            archive.problems.append(errors.problem(display, *doc.at(key, n, "id"), errors.ENTRY_TWICE,
                                                   severity="warning", folder=key, kind=folder[:-1],
                                                   ref=item["id"], first=twice.at[0]))
            _join(twice, texts, confidence_of(item), review_of(item))
            continue
        out.append(Mention(slug, folder, texts, item.get("role") if isinstance(item.get("role"), str) else None,
                           confidence_of(item), review_of(item), at=doc.at(key, n, "id")))
    return out


def _join(mention: Mention, texts: list[str], confidence: float | None, review: str | None) -> None:
    """Two entries of one entity are one, as visible as the more visible of them: the surer
    confidence (None, an editor's entry, is sure), and an editor's acceptance of either."""
    mention.texts += [t for t in texts if t not in mention.texts]
    mention.confidence = surer(mention.confidence, confidence)
    if "accepted" in (mention.review, review):
        mention.review = "accepted"
    elif mention.review != review:
        mention.review = None  # one rejected, one not decided: the confidence decides


def _article(slug: str, display: str, doc: Document, archive: Archive,
             visibility: Visibility = PUBLIC) -> ArticleRecord | None:
    meta = doc.meta
    archive.problems.extend(p for p in checked("article", meta, display, doc.at)  # title: reported below
                            if not (p.code == errors.FIELD_TYPE[0] and p.message.startswith("'title'")))
    seed = name_problem(display, "seed", meta.get("seed"), "seeds/", doc.at)  # a path out of seeds/
    if seed is not None:
        archive.problems.append(seed)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        archive.problems.append(errors.problem(display, *doc.at("title"), errors.FIELD_TYPE, field="title",
                                               detail="is required and must be text"))
        return None
    body, problems = clean_body(doc.body, display, doc.body_line)
    archive.problems.extend(problems)
    blocks = parse_body(body)
    article = ArticleRecord(slug, display, title, date_text(meta.get("date")), meta, blocks,
                            _mentions(doc, "actors", "actors", archive.actors, display, archive),
                            _mentions(doc, "places", "places", archive.places, display, archive), [])
    article.events, problems = read_events(slug, display, meta, blocks, body, doc.body_line, doc.at,
                                           archive.actors, archive.places, archive.redirects, archive.unreadable)
    archive.problems.extend(problems)
    compact(meta)
    _drop_rejected_references(article)
    _hold(article, visibility)
    return article


def _drop_rejected_references(article: ArticleRecord) -> None:
    """An actor or place an editor rejected in the article's list is no actor or place of its
    events either (a group's name rejected as a place leaves the arrest given to it unplaced):
    the rejection is the editor's word on what the name is, the event's reference the
    annotator's."""
    rejected = {(m.folder, m.entity) for m in [*article.actors, *article.places] if m.review == REJECTED}
    if not rejected:
        return
    for event in article.events:
        event.actors = [a for a in event.actors if ("actors", a) not in rejected]
        if event.place is not None and ("places", event.place) in rejected:
            event.place = None
        if event.according_to is not None and ("actors", event.according_to) in rejected:
            event.according_to = None


def _hold(article: ArticleRecord, visibility: Visibility) -> None:
    """Set aside what readers do not see (the preview shows it, marked as a suggestion)."""
    def keep(items: list[Held]) -> list[Held]:
        kept: list[Held] = []
        for item in items:
            if is_public(item.confidence, item.review, visibility.threshold):
                kept.append(item)
                continue
            article.held.append(item)
            if visibility.show_suggestions and item.review is None:  # a rejected one stays out
                item.suggested = True
                kept.append(item)
        return kept

    article.actors, article.places, article.events = keep(article.actors), keep(article.places), keep(article.events)
