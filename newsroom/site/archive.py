"""Read all of ``content/`` into one consistent model before any page is rendered.

A bad file is reported (path:line:column) and left out; everything else still builds. Under
``serve`` an archive also starts its mention index and counts from the one it replaces, patched
for the articles an edit changed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import errors
from ..errors import Problem
from ..frontmatter import Document, FrontMatterError, Location, parse_yaml_located, read_document
from ..validate import validate
from ..model import EVENT_TYPES
from ..text import is_slug


@dataclass
class Sentence:
    anchor: str       # "s3": stable while the body's lines stay in place
    text: str


@dataclass
class Block:
    kind: str         # "p" | "h"
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Mention:
    entity: str       # entity id
    folder: str       # actors | places
    texts: list[str]
    role: str | None = None


@dataclass
class EventRecord:
    id: str
    article: str
    type: str
    sub_type: str
    actors: list[str]
    place: str | None
    when: str | None
    date: str | None
    precision: str | None
    fatalities: dict[str, Any] | None
    according_to: str | None
    status: str
    evidence: str
    anchor: str | None = None
    page: str = field(default="", compare=False)  # the page it is shown on: one per real-world event


@dataclass
class ArticleRecord:
    slug: str
    path: str
    title: str
    date: str | None
    meta: dict[str, Any]
    blocks: list[Block]
    actors: list[Mention]
    places: list[Mention]
    events: list[EventRecord]
    # mention texts -> the first sentence naming one, filled in by the site's entity pages. It
    # lives as long as the record, which serve's read cache keeps while the file is unchanged:
    # an edit then quotes only the edited article again on the pages of thousands of reports.
    quotes: dict[tuple[str, ...], tuple[str, str] | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def mentions(self) -> list[Mention]:
        """Its actor mentions, then its place mentions."""
        return [*self.actors, *self.places]

    def sentence(self, anchor: str) -> str | None:
        for block in self.blocks:
            for s in block.sentences:
                if s.anchor == anchor:
                    return s.text
        return None


@dataclass
class Entity:
    slug: str
    folder: str       # actors | places
    path: str
    record: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.record.get("name") or self.slug)

    @property
    def kind(self) -> str:
        return str(self.record.get("kind") or "")


PATCH_LIMIT = 200  # changed articles up to which an index is patched rather than rebuilt


@dataclass
class Archive:
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    actors: dict[str, Entity] = field(default_factory=dict)
    places: dict[str, Entity] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # "actors/old" -> "actors/new"
    _mentions: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] | None = field(default=None, repr=False)
    _events: list[EventRecord] | None = field(default=None, repr=False)
    _reports: dict[str, list[EventRecord]] | None = field(default=None, repr=False)
    _events_of: dict[tuple[str, str], list[EventRecord]] | None = field(default=None, repr=False)
    _counts: dict[tuple[str, str], int] | None = field(default=None, repr=False)
    # Under serve: the archive of the last build, which this one replaces. Its mentions index
    # and counts are patched for the articles an edit changed rather than built again over
    # every mention (most of a second at 10,000 articles), up to PATCH_LIMIT changed articles.
    _last: Archive | None = field(default=None, repr=False)

    def follow(self, last: Archive) -> None:
        """Let this archive's indexes start from `last`'s, which it replaces (same content/)."""
        last._last = None  # a chain of builds would otherwise keep every archive alive
        self._last = last

    @property
    def events(self) -> list[EventRecord]:
        """Every event of every article, in article order (the archive is read-only once loaded)."""
        if self._events is None:
            self._events = [e for a in self.articles.values() for e in a.events]
        return self._events

    def mentions_of(self) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]]:
        """(folder, entity id) -> every (article, mention) naming it, newest article first.
        Built once: entity pages, feeds and exports all read it."""
        if self._mentions is None:
            patched = self._patched_mentions() if self._last is not None and self._last._mentions is not None else None
            self._mentions = patched if patched is not None else _index_mentions(self.articles.values())
        return self._mentions

    def article_counts(self) -> dict[tuple[str, str], int]:
        """(folder, entity id) -> how many articles name it. Under serve, counted again only
        for the entities whose mentions an edit touched (the others keep the last count)."""
        if self._counts is None:
            index, last = self.mentions_of(), self._last
            if last is not None and last._counts is not None and last._mentions is not None:
                last_counts, last_index = last._counts, last._mentions
                self._counts = {key: last_counts[key] if last_index.get(key) is pairs else _distinct_articles(pairs)
                                for key, pairs in index.items()}
            else:
                self._counts = {key: _distinct_articles(pairs) for key, pairs in index.items()}
            self._last = None  # both indexes are made: the last build is no longer needed
        return self._counts

    def _patched_mentions(self) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] | None:
        """The last build's index with the changed articles' entries replaced; None when too
        many changed to be worth it. Articles are compared by identity: the read cache hands
        back the very same record for a file that did not change."""
        assert self._last is not None and self._last._mentions is not None
        last_articles, last_index = self._last.articles, self._last._mentions
        differs = {slug for slug, article in self.articles.items() if last_articles.get(slug) is not article}
        differs |= last_articles.keys() - self.articles.keys()
        if len(differs) > PATCH_LIMIT:
            return None
        index = dict(last_index)  # the untouched lists are shared: both are read-only
        added: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] = {}
        for slug in sorted(differs):
            if slug in self.articles:
                article = self.articles[slug]
                for m in article.mentions:
                    added.setdefault((m.folder, m.entity), []).append((article, m))
        dropped = {(m.folder, m.entity) for s in differs if s in last_articles for m in last_articles[s].mentions}
        for key in added.keys() | dropped:
            pairs = [pair for pair in last_index.get(key, []) if pair[0].slug not in differs] + added.get(key, [])
            pairs.sort(key=lambda pair: article_order(pair[0]))  # stable: an article's mentions keep their order
            if pairs:
                index[key] = pairs
            else:
                index.pop(key, None)
        return index

    def events_of(self) -> dict[tuple[str, str], list[EventRecord]]:
        """("actors", slug) / ("places", slug) -> the events it takes part in (or reports) or
        happened at. Built once for all entity pages."""
        if self._events_of is None:
            index: dict[tuple[str, str], list[EventRecord]] = {}
            for event in self.events:
                for actor in dict.fromkeys([*event.actors, *([event.according_to] if event.according_to else [])]):
                    index.setdefault(("actors", actor), []).append(event)
                if event.place:
                    index.setdefault(("places", event.place), []).append(event)
            self._events_of = index
        return self._events_of

    def reports(self, page: str) -> list[EventRecord]:
        """Every article's record of the event shown on /events/<page>/."""
        if self._reports is None:
            self._reports = {}
            for event in sorted(self.events, key=lambda e: (e.date or "", e.article, e.id)):
                self._reports.setdefault(event.page, []).append(event)
        return self._reports.get(page, [])

    def entity(self, folder: str, slug: str) -> Entity | None:
        return (self.actors if folder == "actors" else self.places).get(slug)


def _index_mentions(articles: Iterable[ArticleRecord]) -> dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]]:
    index: dict[tuple[str, str], list[tuple[ArticleRecord, Mention]]] = {}
    for article in sorted(articles, key=article_order):
        for mention in article.mentions:
            index.setdefault((mention.folder, mention.entity), []).append((article, mention))
    return index


def _distinct_articles(pairs: list[tuple[ArticleRecord, Mention]]) -> int:
    return len({article.slug for article, _ in pairs})


def article_order(article: ArticleRecord) -> tuple[int, str, str, str]:
    """Newest first, undated last, then by title; a total order (the slug decides ties), so
    an index patched after an edit sorts exactly as one built afresh."""
    return (0 if article.date else 1, "" if not article.date else _newest_first(article.date), article.title.lower(),
            article.slug)


def _newest_first(date: str) -> str:
    # Newest first, as a string key: invert each digit.
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def parse_body(body: str) -> list[Block]:
    """One sentence a line, blank lines between paragraphs, '## ' for subheadings."""
    blocks: list[Block] = []
    n = 0
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("## "):
            blocks.append(Block("h", lines[0][3:].strip()))
            continue
        sentences = []
        for line in lines:
            n += 1
            sentences.append(Sentence(f"s{n}", line))
        blocks.append(Block("p", sentences=sentences))
    return blocks


def _at(where: dict[tuple[Any, ...], Location], path: tuple[Any, ...]) -> Location:
    while path and path not in where:
        path = path[:-1]
    return where.get(path, (1, 1))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


Stamp = tuple[int, int]  # (mtime in ns, size): a file edited since has another stamp


@dataclass
class ReadCache:
    """What load_archive made of each file last time, reused while the file's stamp (and, for
    an article, the set of entity ids it may refer to) stays the same. `mkdocs serve` keeps one
    between rebuilds, so an edit re-reads one file, not 50,000."""

    results: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # display path -> (key, result)
    changed: set[str] = field(default_factory=set)  # display paths read again, added or removed
    visited: set[str] = field(default_factory=set)

    def get(self, display: str, key: Any, make: Any) -> Any:
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
        record, where = parse_yaml_located(display, path.read_text(encoding="utf-8"))
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
        entity, problems = cache.get(display, stamp, lambda: _read_entity(content_dir / folder / name, folder, display))
        archive.problems.extend(problems)
        if entity is not None:
            out[entity.slug] = entity
    return out


def _read_article(path: Path, display: str, archive: Archive) -> tuple[ArticleRecord | None, list[Problem]]:
    """One article file -> its record and problems, given the archive's entities."""
    if not is_slug(path.stem):
        return None, [errors.problem(display, 1, 1, errors.SLUG_BAD, value=path.stem)]
    try:
        doc = read_document(display, path.read_text(encoding="utf-8"))
    except FrontMatterError as exc:
        return None, [exc.problem]
    except UnicodeDecodeError:
        return None, [errors.problem(display, 1, 1, errors.SEED_NOT_UTF8, offset=0)]
    scratch = Archive(actors=archive.actors, places=archive.places, redirects=archive.redirects)
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
    ids = hash((tuple(archive.actors), tuple(archive.places), tuple(sorted(archive.redirects.items()))))
    for name, stamp in _listing(content_dir / "articles", ".md"):
        display = f"content/articles/{name}"
        article, problems = cache.get(display, (stamp, ids),
                                      lambda: _read_article(content_dir / "articles" / name, display, archive))
        archive.problems.extend(problems)
        if article is not None:
            archive.articles[article.slug] = article
    for gone in set(cache.results) - cache.visited:
        cache.changed.add(gone)
        del cache.results[gone]
    group_events(archive.events)
    return archive


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


def _mentions(doc: Document, key: str, folder: str, known: dict[str, Entity], display: str,
              archive: Archive) -> list[Mention]:
    out = []
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
        if slug not in known:
            archive.problems.append(errors.problem(display, *doc.at(key, n, "id"), errors.REFERENCE_MISSING,
                                                   kind=folder[:-1], ref=item["id"], folder=folder,
                                                   hint=did_you_mean(item["id"], known)))
            continue
        texts = [str(t) for t in item.get("mentions") or [] if t is not None]
        out.append(Mention(slug, folder, texts, _str_or_none(item.get("role"))))
    return out


def did_you_mean(value: str, choices: Any) -> str:
    from difflib import get_close_matches

    close = get_close_matches(value, sorted(choices), n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def _article(slug: str, display: str, doc: Document, archive: Archive) -> ArticleRecord | None:
    meta, body = doc.meta, doc.body
    archive.problems.extend(p for p in validate("article", meta, display, doc.at)
                            if not p.message.startswith(("unknown event type", "'title'")))
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        archive.problems.append(errors.problem(display, *doc.at("title"), errors.FIELD_TYPE, field="title",
                                               detail="is required and must be text"))
        return None
    date = meta.get("date")
    date = date.isoformat() if hasattr(date, "isoformat") else _str_or_none(date)
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
        event_date = item.get("date")
        event_date = event_date.isoformat() if hasattr(event_date, "isoformat") else _str_or_none(event_date)
        article.events.append(EventRecord(
            id=str(item.get("id") or f"{slug}-{len(article.events) + 1}"), article=slug, type=etype,
            sub_type=str(item.get("sub_type") or ""), actors=actors, place=place,
            when=_str_or_none(item.get("when")), date=event_date, precision=_str_or_none(item.get("precision")),
            fatalities=item.get("fatalities") if isinstance(item.get("fatalities"), dict) else None,
            according_to=source, status=str(item.get("status") or "reported"), evidence=evidence, anchor=anchor))
    return article
