"""Seeds -> content: annotate every seed that has no article yet, and register new entities.

Existing content files are never touched: an editor's file is the source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .annotate import Annotator
from .articles import article_file, article_meta, story_body
from .errors import Problem
from .registry import assign
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


def pending_seeds(seeds_dir: Path, content_dir: Path) -> tuple[list[Path], list[str], list[Problem]]:
    done, problems = annotated_seeds(content_dir)
    todo, skipped = [], []
    for path in seed_files(seeds_dir):
        (skipped if path.name in done else todo).append(path)
    return todo, [p.name for p in skipped], problems


def ingest(seeds_dir: Path, content_dir: Path, make_annotator: Callable[[], Annotator],
           progress: Callable[[str], None] = lambda _: None) -> IngestReport:
    report = IngestReport()
    todo, report.skipped, report.problems = pending_seeds(seeds_dir, content_dir)
    if not todo:
        return report
    registry, problems = load_registry(content_dir)
    report.problems.extend(problems)
    annotator = make_annotator()
    annotator.use_knowledge(annotator.knowledge.with_registry(registry.known_actors(), registry.known_places()))
    taken = {p.stem for p in (content_dir / "articles").glob("*.md")}
    for path in todo:
        display = f"{seeds_dir.name}/{path.name}"
        try:
            raw = read_seed(path, display)
        except SeedError as exc:
            report.problems.append(exc.problem)
            continue
        ann = annotator(raw)
        ids = assign(registry, ann.actors, ann.places)
        slug = unique_slug(slugify(ann.layout.title), taken)
        taken.add(slug)
        for folder, records, target, names in (("actors", ids.new_actors, registry.actors, report.new_actors),
                                               ("places", ids.new_places, registry.places, report.new_places)):
            for entity_slug, record in records.items():
                if create(entity_path(content_dir, folder, entity_slug), dump_entity(record)):
                    names.append(entity_slug)
                target[entity_slug] = record
        text = article_file(article_meta(ann, slug, path.name, ids), story_body(ann))
        create(machine_path(content_dir, slug), text)
        if create(content_dir / "articles" / f"{slug}.md", text):
            report.written.append(slug)
        progress(f"{display} -> content/articles/{slug}.md")
    return report
