"""Read all of ``content/`` into one consistent archive before any page is rendered.

A bad file is reported (path:line:column) and left out; everything else still builds. Entity
files are read first, so every reference an article makes is checked against them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from .. import errors
from ..errors import Problem, did_you_mean
from ..model import EVENT_TYPES
from ..resolve.event_identity import group_events
from ..text import is_slug
from .archive import Archive
from .frontmatter import Document, FrontMatterError, Location, parse_yaml_located, read_document
from .paths import name_problem
from .records import ArticleRecord, Entity, EventRecord, Mention, parse_body
from .schema_check import validate


def _at(where: dict[tuple[Any, ...], Location], path: tuple[Any, ...]) -> Location:
    while path and path not in where:
        path = path[:-1]
    return where.get(path, (1, 1))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _date_text(value: Any) -> str | None:
    """A date as ISO text: YAML gives an unquoted date as a date (or datetime) object."""
    return value.isoformat() if isinstance(value, dt.date) else _str_or_none(value)


Stamp = tuple[int, int]  # (mtime in ns, size): a file edited since has another stamp
T = TypeVar("T")


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
    except FileNotFoundError:
        return []
    return [(e.name, (info.st_mtime_ns, info.st_size)) for e in entries for info in (e.stat(),)]


def _read_entity(path: Path, folder: str, display: str) -> tuple[Entity | None, list[Problem]]:
    """One entity file -> its entity (None if it cannot have a page) and its problems."""
    if not is_slug(path.stem):
        return None, [errors.problem(display, 1, 1, errors.SLUG_BAD, value=path.stem)]
    try:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            return None, [errors.problem(display, 1, 1, errors.FILE_EMPTY, file=display)]
        record, where = parse_yaml_located(display, text)
    except FrontMatterError as exc:
        return None, [exc.problem]
    except UnicodeDecodeError:
        return None, [errors.problem(display, 1, 1, errors.SEED_NOT_UTF8, offset=0)]
    if not isinstance(record, dict):
        return None, [errors.problem(display, 1, 1, errors.FIELD_TYPE, field=path.name,
                                     detail="must be a mapping of field: value")]
    problems = validate(folder[:-1], record, display, lambda *p, w=where: _at(w, p))
    if not isinstance(record.get("name"), str) or any(p.severity == "error" and p.message.startswith(
            ("'name'", "'kind'")) for p in problems):
        return None, problems  # without a name or kind there is no page to make
    return Entity(path.stem, folder, display, record), problems


def _load_entities(content_dir: Path, folder: str, archive: Archive, cache: ReadCache) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for name, stamp in _listing(content_dir / folder, ".yml"):
        display = f"content/{folder}/{name}"
        entity, problems = cache.get(display, stamp,
                                     partial(_read_entity, content_dir / folder / name, folder, display))
        archive.problems.extend(problems)
        if entity is not None:
            out[entity.slug] = entity
        else:  # its own problem names it; the articles that refer to it are not blamed too
            archive.unreadable.add(f"{folder}/{name[:-len('.yml')]}")
    return out


def _read_article(path: Path, display: str, archive: Archive) -> tuple[ArticleRecord | None, list[Problem]]:
    """One article file -> its record and problems, given the archive's entities."""
    if not is_slug(path.stem):
        return None, [errors.problem(display, 1, 1, errors.SLUG_BAD, value=path.stem)]
    try:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            return None, [errors.problem(display, 1, 1, errors.FILE_EMPTY, file=display)]
        doc = read_document(display, text)
    except FrontMatterError as exc:
        return None, [exc.problem]
    except UnicodeDecodeError:
        return None, [errors.problem(display, 1, 1, errors.SEED_NOT_UTF8, offset=0)]
    scratch = Archive(actors=archive.actors, places=archive.places, redirects=archive.redirects,
                      unreadable=archive.unreadable)
    article = _article(path.stem, display, doc, scratch)
    return article, scratch.problems


def load_archive(content_dir: Path, cache: ReadCache | None = None) -> Archive:
    """Everything in content/, cross-checked; problems collected rather than raised."""
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
        article, problems = cache.get(display, (stamp, ids),
                                      partial(_read_article, content_dir / "articles" / name, display, archive))
        archive.problems.extend(problems)
        if article is not None:
            archive.articles[article.slug] = article
    for gone in set(cache.results) - cache.visited:
        cache.changed.add(gone)
        del cache.results[gone]
    group_events(archive.events)
    return archive



def _mentions(doc: Document, key: str, folder: str, known: dict[str, Entity], display: str,
              archive: Archive) -> list[Mention]:
    out: list[Mention] = []
    items = doc.meta.get(key) or []
    if not isinstance(items, list):
        archive.problems.append(errors.problem(display, *doc.at(key), errors.FIELD_TYPE, field=key,
                                               detail="must be a list"))
        return out
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            archive.problems.append(errors.problem(display, *doc.at(key, n), errors.FIELD_TYPE, field=key,
                                                   detail="entries need an 'id'"))
            continue
        slug = archive.redirects.get(f"{folder}/{item['id']}", f"{folder}/{item['id']}").split("/", 1)[1]
        if f"{folder}/{slug}" in archive.unreadable:
            continue
        if slug not in known:
            archive.problems.append(errors.problem(display, *doc.at(key, n, "id"), errors.REFERENCE_MISSING,
                                                   kind=folder[:-1], ref=item["id"], folder=folder,
                                                   hint=did_you_mean(item["id"], known)))
            continue
        texts = [str(t) for t in item.get("mentions") or [] if t is not None]
        out.append(Mention(slug, folder, texts, _str_or_none(item.get("role"))))
    return out




def _article(slug: str, display: str, doc: Document, archive: Archive) -> ArticleRecord | None:
    meta, body = doc.meta, doc.body
    archive.problems.extend(p for p in validate("article", meta, display, doc.at)
                            if not p.message.startswith(("unknown event type", "'title'")))
    seed = name_problem(display, "seed", meta.get("seed"), "seeds/", doc.at)  # a path out of seeds/
    if seed is not None:
        archive.problems.append(seed)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        archive.problems.append(errors.problem(display, *doc.at("title"), errors.FIELD_TYPE, field="title",
                                               detail="is required and must be text"))
        return None
    date = _date_text(meta.get("date"))
    blocks = parse_body(body)
    article = ArticleRecord(slug, display, title, date, meta, blocks,
                            _mentions(doc, "actors", "actors", archive.actors, display, archive),
                            _mentions(doc, "places", "places", archive.places, display, archive), [])
    sentence_index = {_norm(s.text): s.anchor for b in blocks for s in b.sentences}
    events = meta.get("events") or []
    for n, item in enumerate(events if isinstance(events, list) else []):
        if not isinstance(item, dict):
            continue
        etype = str(item.get("type"))
        if etype not in EVENT_TYPES:
            archive.problems.append(errors.problem(display, *doc.at("events", n, "type"), errors.EVENT_TYPE,
                                                   value=etype, hint=did_you_mean(etype, EVENT_TYPES)))
            continue
        evidence = _norm(str(item.get("evidence") or ""))
        anchor = sentence_index.get(evidence) or next(
            (a for text, a in sentence_index.items() if evidence and evidence in text), None)
        actors = [a for a in item.get("actors") or [] if isinstance(a, str) and a in archive.actors]
        place = item.get("place") if item.get("place") in archive.places else None
        source = item.get("according_to") if item.get("according_to") in archive.actors else None
        event_date = _date_text(item.get("date"))
        article.events.append(EventRecord(
            id=str(item.get("id") or f"{slug}-{len(article.events) + 1}"), article=slug, type=etype,
            sub_type=str(item.get("sub_type") or ""), actors=actors, place=place,
            when=_str_or_none(item.get("when")), date=event_date, precision=_str_or_none(item.get("precision")),
            fatalities=item.get("fatalities") if isinstance(item.get("fatalities"), dict) else None,
            according_to=source, status=str(item.get("status") or "reported"), evidence=evidence, anchor=anchor))
    return article
