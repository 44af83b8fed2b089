"""Seeds -> content: annotate every seed that has no article yet, and register new entities.

Existing content files are never touched: an editor's file is the source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .annotate import Annotator
from .articles import article_file, article_meta, story_body
from .errors import NO_SUCH_ARTICLE, SEED_MISSING, Problem, problem
from .parallel import annotate_all
from .registry import Assignment, Registry, assign
from .store import (SeedError, annotated_seeds, create, dump_entity, entity_path, load_registry, machine_path,
                    read_seed, seed_files)
from .text import slugify, unique_slug


@dataclass
class IngestReport:
    written: list[str] = field(default_factory=list)      # article slugs
    skipped: list[str] = field(default_factory=list)      # seeds already annotated
    new_actors: list[str] = field(default_factory=list)
    new_places: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RefreshReport:
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)   # "path: message"
    problems: list[Problem] = field(default_factory=list)


def pending_seeds(seeds_dir: Path, content_dir: Path) -> tuple[list[Path], list[str], list[Problem]]:
    done, problems = annotated_seeds(content_dir)
    todo, skipped = [], []
    for path in seed_files(seeds_dir):
        (skipped if path.name in done else todo).append(path)
    return todo, [p.name for p in skipped], problems


def ingest(seeds_dir: Path, content_dir: Path, make_annotator: Callable[[], Annotator],
           progress: Callable[[str], None] = lambda _: None, processes: int = 1) -> IngestReport:
    """Annotate every new seed (on `processes` cores), then write articles and entity files in
    seed order, so the result does not depend on the number of processes."""
    report = IngestReport()
    todo, report.skipped, report.problems = pending_seeds(seeds_dir, content_dir)
    if not todo:
        return report
    registry, problems = load_registry(content_dir)
    report.problems.extend(problems)
    annotator = make_annotator()
    annotator.use_knowledge(registry.extend(annotator.knowledge))
    taken = {p.stem for p in (content_dir / "articles").glob("*.md")}
    readable: list[tuple[Path, str]] = []
    for path in todo:
        try:
            readable.append((path, read_seed(path, f"{seeds_dir.name}/{path.name}")))
        except SeedError as exc:
            report.problems.append(exc.problem)
    annotations = annotate_all(annotator, [(raw, None) for _, raw in readable], processes)
    for (path, _), ann in zip(readable, annotations):
        display = f"{seeds_dir.name}/{path.name}"
        ids = assign(registry, ann.actors, ann.places)
        slug = unique_slug(slugify(ann.layout.title), taken)
        taken.add(slug)
        created = _register(content_dir, registry, ids)
        report.new_actors += created["actors"]
        report.new_places += created["places"]
        text = article_file(article_meta(ann, slug, path.name, ids), story_body(ann))
        create(machine_path(content_dir, slug), text)
        if create(content_dir / "articles" / f"{slug}.md", text):
            report.written.append(slug)
        progress(f"{display} -> content/articles/{slug}.md")
    return report


def _register(content_dir: Path, registry: Registry, ids: Assignment) -> dict[str, list[str]]:
    """Create the entity files of an article's new entities (never replacing one) and add them
    to the registry; -> the slugs whose files were created, by folder."""
    created: dict[str, list[str]] = {"actors": [], "places": []}
    for folder, records in (("actors", ids.new_actors), ("places", ids.new_places)):
        for entity_slug, record in records.items():
            if create(entity_path(content_dir, folder, entity_slug), dump_entity(record)):
                created[folder].append(entity_slug)
            registry.add(folder, entity_slug, record)
    return created


def refresh(seeds_dir: Path, content_dir: Path, make_annotator: Callable[[], Annotator],
            slugs: list[str] | None = None, progress: Callable[[str], None] = lambda _: None) -> RefreshReport:
    """Re-annotate existing articles and merge the result into them, three ways."""
    from .frontmatter import FrontMatterError, read_document
    from .refresh import refresh_article

    report = RefreshReport()
    registry, problems = load_registry(content_dir)
    report.problems.extend(problems)
    paths = sorted((content_dir / "articles").glob("*.md"))
    if slugs:
        known = {p.stem for p in paths}
        for slug in slugs:
            if slug not in known:
                report.problems.append(problem(f"content/articles/{slug}.md", 1, 1, NO_SUCH_ARTICLE, slug=slug))
        paths = [p for p in paths if p.stem in set(slugs)]
    if not paths:
        return report
    annotator = make_annotator()
    annotator.use_knowledge(registry.extend(annotator.knowledge))
    for path in paths:
        display = f"content/articles/{path.name}"
        ours_text = path.read_text(encoding="utf-8")
        try:
            meta = read_document(display, ours_text).meta
        except FrontMatterError as exc:
            report.problems.append(exc.problem)
            continue
        seed = seeds_dir / str(meta.get("seed", ""))
        try:
            raw = read_seed(seed, f"{seeds_dir.name}/{seed.name}")
        except (SeedError, OSError) as exc:
            report.problems.append(exc.problem if isinstance(exc, SeedError) else
                                   problem(display, 1, 1, SEED_MISSING, seed=str(meta.get("seed"))))
            continue
        date = meta.get("date")
        ann = annotator(raw, date.isoformat() if hasattr(date, "isoformat") else date)
        ids = assign(registry, ann.actors, ann.places)
        _register(content_dir, registry, ids)
        theirs = article_file(article_meta(ann, path.stem, seed.name, ids), story_body(ann))
        base_path = machine_path(content_dir, path.stem)
        base = base_path.read_text(encoding="utf-8") if base_path.exists() else None
        result = refresh_article(display, ours_text, base, theirs)
        if result.changed:
            path.write_text(result.text, encoding="utf-8")
            report.updated.append(path.stem)
        else:
            report.unchanged.append(path.stem)
        base_path.parent.mkdir(parents=True, exist_ok=True)
        base_path.write_text(theirs, encoding="utf-8")  # the tool's own file: the next merge's base
        report.conflicts.extend(f"{display}: {c}" for c in result.conflicts)
        progress(f"{display}: {'updated' if result.changed else 'unchanged'}"
                 + (f", {len(result.conflicts)} conflict(s)" if result.conflicts else ""))
    return report
