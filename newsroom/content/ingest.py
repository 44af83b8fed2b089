"""Seeds -> content: annotate every seed that has no article yet, and register new entities;
re-annotate (with a three-way merge that keeps hand edits) every article whose seed or
annotator version changed since, as the manifest records; leave all others alone.

An editor's file is the source of truth: new files are created, never replaced, and an
existing article only ever changes through the merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import errors
from ..annotate.annotator import Annotator
from ..annotate.parallel import Runner, annotate_all
from ..errors import NO_SUCH_ARTICLE, SEED_MISSING, Problem, problem
from ..read.seeds import SeedError, read_seed, seed_files
from ..resolve.registry import Assignment, Registry, assign
from ..text import name_key, slugify, unique_slug
from .article_file import above_floor, article_file, article_meta, headline, story_body
from .frontmatter import FrontMatterError, read_document
from .manifest import Entry, annotator_version, read_manifest, seed_sha256, write_manifest
from .paths import name_problem, symlink_problem
from .store import (
    MACHINE_DIR,
    annotated_seeds,
    create,
    dump_entity,
    entity_path,
    is_empty,
    load_registry,
    machine_path,
    write_atomic,
)
from .three_way import keep_event_ids, refresh_article


@dataclass
class IngestReport:
    written: list[str] = field(default_factory=list)      # article slugs
    skipped: list[str] = field(default_factory=list)      # seeds unchanged since annotated
    refreshed: list[str] = field(default_factory=list)    # re-annotated: seed or annotator changed
    conflicts: list[str] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)
    new_places: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    words: int = 0                                        # words read by the model


@dataclass
class SeedPlan:
    new: list[Path] = field(default_factory=list)           # no article yet
    stale: dict[str, str] = field(default_factory=dict)     # seed name -> article: seed or annotator changed
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    manifest: dict[str, Entry] = field(default_factory=dict)  # as read, for the run to update
    digests: dict[str, str] = field(default_factory=dict)     # seed name -> SHA-256, hashed once


@dataclass
class RefreshReport:
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)   # "path: message"
    problems: list[Problem] = field(default_factory=list)
    words: int = 0
    seeds: dict[str, str] = field(default_factory=dict)  # article -> its seed file's name
    new_actors: list[str] = field(default_factory=list)  # entity files a new reading created
    new_places: list[str] = field(default_factory=list)


def plan_seeds(seeds_dir: Path, content_dir: Path, version: str) -> SeedPlan:
    """Which seeds to annotate, from seed hashes and the manifest alone when it covers them."""
    plan = SeedPlan(manifest=read_manifest(content_dir))
    unknown = []
    for path in seed_files(seeds_dir):
        entry = plan.manifest.get(path.name)
        digest = plan.digests[path.name] = seed_sha256(path)
        if entry is None or not (content_dir / "articles" / f"{entry.article}.md").exists():
            unknown.append(path)
        elif entry.seed_sha256 == digest and entry.annotator == version:
            plan.unchanged.append(path.name)
        else:
            plan.stale[path.name] = entry.article
    if unknown:  # articles from before the manifest, or whose entry is gone: ask the articles
        done, plan.problems = annotated_seeds(content_dir)
        for path in unknown:
            if path.name in done:
                plan.stale[path.name] = done[path.name]
            else:
                plan.new.append(path)
    return plan


def ingest(seeds_dir: Path, content_dir: Path, make_annotator: Callable[[], Annotator],
           progress: Callable[[str], None] = lambda _: None, processes: int = 1,
           runner: Runner | None = None) -> IngestReport:
    """Annotate every new seed (on `processes` cores), then write articles and entity files in
    seed order, so the result does not depend on the number of processes; then re-annotate
    and merge the articles whose seed or annotator changed."""
    report = IngestReport()
    version = annotator_version()
    plan = plan_seeds(seeds_dir, content_dir, version)
    report.skipped, report.problems = plan.unchanged, plan.problems
    if not plan.new and not plan.stale:
        return report
    registry, problems = load_registry(content_dir)
    report.problems.extend(problems)
    annotator = make_annotator()
    annotator.use_archive(registry.extend)
    manifest = plan.manifest
    taken = {p.stem for p in (content_dir / "articles").glob("*.md")}
    readable: list[tuple[Path, str]] = []
    for path in plan.new:
        try:
            readable.append((path, read_seed(path, f"{seeds_dir.name}/{path.name}")))
        except SeedError as exc:
            report.problems.append(exc.problem)
    run = runner or _local(processes)
    annotations = run(annotator, [(raw, None) for _, raw in readable])
    for (path, raw), ann in zip(readable, annotations, strict=True):  # one annotation per job
        display = f"{seeds_dir.name}/{path.name}"
        report.words += len(raw.split())
        ann = above_floor(ann)  # no entity file for what the article will not keep
        ids = assign(registry, ann.actors, ann.places, short=annotator.knowledge.lexicon.is_kind_noun)
        slug = unique_slug(slugify(headline(ann)), taken)
        taken.add(slug)
        created = _register(content_dir, registry, ids, report.problems)
        report.new_actors += created["actors"]
        report.new_places += created["places"]
        text = article_file(article_meta(ann, slug, path.name, ids), story_body(ann))
        # The machine copy first: an article is never without the base of its next merge.
        write_atomic(machine_path(content_dir, slug), text)
        if create(content_dir / "articles" / f"{slug}.md", text):
            report.written.append(slug)
        manifest[path.name] = Entry(slug, plan.digests[path.name], version)
        progress(f"{display} -> content/articles/{slug}.md")
    write_manifest(content_dir, manifest)
    if plan.stale:
        refreshed = _refresh(seeds_dir, content_dir, annotator, registry, sorted(plan.stale.values()), progress,
                             run)
        report.refreshed = refreshed.updated + refreshed.unchanged
        report.conflicts, report.words = refreshed.conflicts, report.words + refreshed.words
        report.new_actors += refreshed.new_actors
        report.new_places += refreshed.new_places
        report.problems.extend(refreshed.problems)
        _record(content_dir, manifest, refreshed, version, plan.digests)
    report.problems = _settled(report.problems)
    return report


def _settled(problems: list[Problem]) -> list[Problem]:
    """The problems still true at the end of the run: an empty entity file the run wrote again
    is reported as written (ENTITY_REWRITTEN), no longer as empty."""
    rewritten = {p.path for p in problems if p.code == errors.ENTITY_REWRITTEN[0]}
    return [p for p in problems if not (p.code == errors.FILE_EMPTY[0] and p.path in rewritten)]


def _local(processes: int) -> Runner:
    return lambda annotator, jobs: annotate_all(annotator, jobs, processes)


def _record(content_dir: Path, manifest: dict[str, Entry], refreshed: RefreshReport, version: str,
            digests: dict[str, str]) -> None:
    """Note in the manifest which seed bytes and annotator version each article now reflects."""
    if not refreshed.seeds:
        return
    for slug, seed in refreshed.seeds.items():
        manifest[seed] = Entry(slug, digests[seed], version)
    write_manifest(content_dir, manifest)


def _register(content_dir: Path, registry: Registry, ids: Assignment, problems: list[Problem]) -> dict[str, list[str]]:
    """Create the entity files of an article's new entities (never replacing one) and add them
    to the registry; -> the slugs whose files were created, by folder. An empty file of that
    name (left by an interrupted write) is written again, and its errors.FILE_EMPTY problem dropped."""
    created: dict[str, list[str]] = {"actors": [], "places": []}
    for folder, records in (("actors", ids.new_actors), ("places", ids.new_places)):
        for entity_slug, record in records.items():
            path = entity_path(content_dir, folder, entity_slug)
            if create(path, dump_entity(record)):
                created[folder].append(entity_slug)
            elif is_empty(path):
                write_atomic(path, dump_entity(record))
                problems.append(problem(f"content/{folder}/{path.name}", 1, 1, errors.ENTITY_REWRITTEN,
                                        severity="warning"))
                created[folder].append(entity_slug)
            registry.add(folder, entity_slug, record)
    return created


def refresh(seeds_dir: Path, content_dir: Path, make_annotator: Callable[[], Annotator],
            slugs: list[str] | None = None, progress: Callable[[str], None] = lambda _: None,
            processes: int = 1, runner: Runner | None = None) -> RefreshReport:
    """Re-annotate existing articles (all, or `slugs`) and merge the result into them, three ways."""
    registry, problems = load_registry(content_dir)
    paths = sorted((content_dir / "articles").glob("*.md"))
    missing = []
    if slugs:
        known = {p.stem for p in paths}
        missing = [problem(f"content/articles/{slug}.md", 1, 1, NO_SUCH_ARTICLE, slug=slug)
                   for slug in slugs if slug not in known]
        paths = [p for p in paths if p.stem in set(slugs)]
    if not paths:
        return RefreshReport(problems=problems + missing)
    annotator = make_annotator()
    annotator.use_archive(registry.extend)
    run = runner or _local(processes)
    report = _refresh(seeds_dir, content_dir, annotator, registry, [p.stem for p in paths], progress, run)
    report.problems = _settled(problems + missing + report.problems)
    _record(content_dir, read_manifest(content_dir), report, annotator_version(),
            {seed: seed_sha256(seeds_dir / seed) for seed in report.seeds.values()})
    return report


def _refresh(seeds_dir: Path, content_dir: Path, annotator: Annotator, registry: Registry, slugs: list[str],
             progress: Callable[[str], None], run: Runner) -> RefreshReport:
    """Annotate the articles' seeds (with `run`: local processes or Dask), then merge each in
    slug order."""
    report = RefreshReport()
    jobs: list[tuple[Path, str, str, str, str | None]] = []  # (article, its text, seed name, raw, date)
    for slug in slugs:
        path = content_dir / "articles" / f"{slug}.md"
        display = f"content/articles/{path.name}"
        outside = symlink_problem(path, content_dir, display)
        if outside is not None:  # its text is not the archive's to merge into, nor to write
            report.problems.append(outside)
            continue
        ours_text = path.read_text(encoding="utf-8")
        try:
            doc = read_document(display, ours_text)
        except (FrontMatterError, ValueError) as exc:
            report.problems.append(_unreadable(display, exc))
            continue
        seed_name = doc.meta.get("seed") or ""
        outside = name_problem(display, "seed", seed_name, f"{seeds_dir.name}/", doc.at)
        if outside is not None:  # never read: its text would be written into the archive
            report.problems.append(outside)
            continue
        seed = seeds_dir / str(seed_name)
        try:
            raw = read_seed(seed, f"{seeds_dir.name}/{seed.name}")
        except (SeedError, OSError) as exc:
            report.problems.append(exc.problem if isinstance(exc, SeedError) else
                                   problem(display, *doc.at("seed"), SEED_MISSING, seed=str(seed_name)))
            continue
        date = doc.meta.get("date")
        jobs.append((path, ours_text, seed.name, raw, date.isoformat() if isinstance(date, dt.date) else date))
    annotations = run(annotator, [(raw, date) for *_, raw, date in jobs])
    for (path, ours_text, seed_name, raw, _), ann in zip(jobs, annotations, strict=True):
        display = f"content/articles/{path.name}"
        report.words += len(raw.split())
        report.seeds[path.stem] = seed_name
        ann = above_floor(ann)  # no entity file for what the article will not keep
        base_path = machine_path(content_dir, path.stem)
        base = _machine_copy(base_path, report.problems)
        earlier = _metas(base, ours_text)  # each version parsed once, for its ids
        ids = assign(registry, ann.actors, ann.places, _entity_ids_of(earlier),
                     annotator.knowledge.lexicon.is_kind_noun)
        created = _register(content_dir, registry, ids, report.problems)  # a re-reading may find new ones
        report.new_actors += created["actors"]
        report.new_places += created["places"]
        meta = article_meta(ann, path.stem, seed_name, ids)
        keep_event_ids(meta["events"], path.stem, [e for m in earlier for e in _events_of(m)])
        theirs = article_file(meta, story_body(ann))
        result = refresh_article(display, ours_text, base, theirs)
        if result.changed:
            write_atomic(path, result.text)
            report.updated.append(path.stem)
        else:
            report.unchanged.append(path.stem)
        write_atomic(base_path, theirs)  # the tool's own file: the next merge's base
        report.conflicts.extend(f"{display}: {c}" for c in result.conflicts)
        progress(f"{display}: {'updated' if result.changed else 'unchanged'}"
                 + (f", {len(result.conflicts)} conflict(s)" if result.conflicts else ""))
    return report


def _metas(*texts: str | None) -> list[dict[str, Any]]:
    """The front matter of each text that has one and can be read, in order."""
    out = []
    for text in texts:
        if text is not None:
            try:
                out.append(read_document("", text).meta)
            except (FrontMatterError, ValueError):
                continue
    return out


def _entity_ids_of(metas: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """'actors' and 'places': the name key of each mention -> the id an earlier version of the
    article (the annotator's last, then the editor's, which wins) filed it under. A name one
    version files under two entities (a city and its province of one name) decides nothing."""
    out: dict[str, dict[str, str]] = {"actors": {}, "places": {}}
    for meta in metas:
        for kind, ids in out.items():
            found: dict[str, set[str]] = {}
            for entry in meta.get(kind) or []:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    for mention in entry.get("mentions") or []:
                        if isinstance(mention, str):
                            found.setdefault(name_key(mention), set()).add(entry["id"])
            for key, slugs in found.items():
                if len(slugs) == 1:
                    ids[key] = slugs.pop()
                else:
                    ids.pop(key, None)
    return out


def _events_of(meta: dict[str, Any]) -> list[Any]:
    """The events of an article's front matter, for their ids."""
    events = meta.get("events")
    return events if isinstance(events, list) else []


def _unreadable(display: str, exc: Exception) -> Problem:
    if isinstance(exc, FrontMatterError):
        return exc.problem
    return problem(display, 1, 1, errors.YAML_SYNTAX, detail=str(exc))  # e.g. an impossible date


def _machine_copy(path: Path, problems: list[Problem]) -> str | None:
    """The annotator's last version of an article, the base of its three-way merge; None when
    there is none, or when it is damaged (then the editor's file is the base: nothing is lost)."""
    if not path.exists():
        return None
    display = f"content/{MACHINE_DIR}/articles/{path.name}"
    try:
        if path.is_symlink():
            raise ValueError("it is a symbolic link, not the annotator's file")
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            raise ValueError("it is empty")
        read_document(display, text)
    except (OSError, ValueError, FrontMatterError) as exc:
        detail = exc.problem.message if isinstance(exc, FrontMatterError) else str(exc)
        problems.append(problem(display, 1, 1, errors.MACHINE_COPY_DAMAGED, severity="warning", detail=detail))
        return None
    return text
