"""The disk, at the edges: content files in and out. Nothing here decides anything.

Content files are only ever created, never overwritten: a hand edit cannot be lost to a write
from this module (files are opened with mode 'x').
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import errors
from ..errors import Problem
from ..resolve.registry import Registry
from .frontmatter import FrontMatterError, dump_yaml, parse_yaml, read_document

MACHINE_DIR = ".machine"  # content/.machine/: what the annotator last wrote, the base of a 3-way merge


def article_paths(content_dir: Path) -> list[Path]:
    return sorted((content_dir / "articles").glob("*.md"))


def annotated_seeds(content_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """seed file name -> article slug, for every article that names its seed."""
    done: dict[str, str] = {}
    problems: list[Problem] = []
    for path in article_paths(content_dir):
        try:
            doc = read_document(str(path), path.read_text(encoding="utf-8"))
        except FrontMatterError as exc:
            problems.append(exc.problem)
            # A broken file still claims its seed: re-annotating would create a duplicate.
            done[_seed_guess(path)] = path.stem
            continue
        seed = doc.meta.get("seed")
        if isinstance(seed, str):
            done[seed] = path.stem
    return done, problems


def _seed_guess(path: Path) -> str:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]:
        if line.startswith("seed:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    return ""


def load_registry(content_dir: Path) -> tuple[Registry, list[Problem]]:
    registry = Registry()
    problems: list[Problem] = []
    for folder, target in (("actors", registry.actors), ("places", registry.places)):
        for path in sorted((content_dir / folder).glob("*.yml")):
            try:
                record = parse_yaml(str(path), path.read_text(encoding="utf-8"))
            except FrontMatterError as exc:
                problems.append(exc.problem)
                continue
            if isinstance(record, dict):
                target[path.stem] = record
            else:
                problems.append(errors.problem(str(path), 1, 1, errors.FIELD_TYPE, field=path.name,
                                               detail="must be a mapping of field: value"))
    return registry, problems


def create(path: Path, text: str) -> bool:
    """Write a new file; never replace an existing one. -> whether it was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


def entity_path(content_dir: Path, folder: str, slug: str) -> Path:
    return content_dir / folder / f"{slug}.yml"


def machine_path(content_dir: Path, slug: str) -> Path:
    return content_dir / MACHINE_DIR / "articles" / f"{slug}.md"


def dump_entity(record: dict[str, Any]) -> str:
    return dump_yaml(record)
