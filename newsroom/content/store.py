"""The disk, at the edges: content files in and out. Nothing here decides anything.

Every write is all or nothing. The text goes to a temporary file in the same folder, is
flushed to the disk (fsync), and only then takes the file's name (os.replace, or os.link
for a new file, which fails rather than replace one); then the folder is flushed, so the
name survives a power cut. A run killed at any instant leaves each file with its old or its
new complete text, and at worst a hidden `.NAME.*.tmp` file that the next run removes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import Problem
from ..resolve.registry import Registry
from .frontmatter import FrontMatterError, dump_yaml, parse_yaml, read_document
from .paths import symlink_problem

MACHINE_DIR = ".machine"  # content/.machine/: what the annotator last wrote, the base of a 3-way merge


def article_paths(content_dir: Path) -> list[Path]:
    return sorted((content_dir / "articles").glob("*.md"))


def annotated_seeds(content_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """seed file name -> article slug, for every article that names its seed."""
    done: dict[str, str] = {}
    problems: list[Problem] = []
    for path in article_paths(content_dir):
        outside = symlink_problem(path, content_dir, f"content/articles/{path.name}")
        if outside is not None:
            problems.append(outside)
            continue
        try:
            doc = read_document(str(path), path.read_text(encoding="utf-8"))
        except (FrontMatterError, ValueError) as exc:
            if isinstance(exc, FrontMatterError):
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
    """The entity files, each that can be read; the others' problems. An empty file (a write
    the project's earlier versions left unfinished) is reported as such, so the run that
    mints its slug again can write it again (see ingest)."""
    registry = Registry()
    problems: list[Problem] = []
    for folder, target in (("actors", registry.actors), ("places", registry.places)):
        for path in sorted((content_dir / folder).glob("*.yml")):
            display = f"content/{folder}/{path.name}"
            outside = symlink_problem(path, content_dir, display)
            if outside is not None:
                problems.append(outside)
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if not text.strip():
                problems.append(errors.problem(display, 1, 1, errors.FILE_EMPTY, file=display))
                continue
            try:
                record = parse_yaml(display, text)
            except FrontMatterError as exc:
                problems.append(exc.problem)
                continue
            except ValueError as exc:  # an impossible date, say: the file's own check names the line
                problems.append(errors.problem(display, 1, 1, errors.YAML_SYNTAX, detail=str(exc)))
                continue
            if isinstance(record, dict):
                target[path.stem] = record
            else:
                problems.append(errors.problem(display, 1, 1, errors.FIELD_TYPE, field=path.name,
                                               detail="must be a mapping of field: value"))
    return registry, problems


TEMP_SUFFIX = ".tmp"


_TEMP_NAME = re.compile(rf"^\..+\.[0-9a-f]{{8}}{re.escape(TEMP_SUFFIX)}$")  # what _temp names them, nothing else


def temp_files(folder: Path) -> list[Path]:
    """The temporary files an interrupted write left in `folder`."""
    return sorted(p for p in folder.glob(f".*{TEMP_SUFFIX}") if _TEMP_NAME.match(p.name))


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a system that cannot open folders (Windows): its renames are durable
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is all they offer
    finally:
        os.close(fd)


def _temp(path: Path, data: bytes) -> Path:
    """A complete, flushed copy of `data` next to `path`, with `path`'s permissions if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        with contextlib.suppress(FileNotFoundError):  # a new file: the umask decides, as for an editor's
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    os.close(fd)
    return temp


def write_atomic(path: Path, text: str) -> None:
    """Give `path` the text `text`, all or nothing, replacing whatever file is there (a
    symbolic link is replaced, never followed)."""
    temp = _temp(path, text.encode("utf-8"))
    try:
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    _fsync_folder(path.parent)


def create(path: Path, text: str) -> bool:
    """Create `path` with the text `text`, all or nothing; never replace a file, even when two
    runs create it at once. -> whether it was written."""
    temp = _temp(path, text.encode("utf-8"))
    try:
        os.link(temp, path)  # fails if the name exists: no other writer's file is ever replaced
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
        # A file system without hard links: the archive's lock keeps other writers out.
        if path.exists() or path.is_symlink():
            return False
        os.replace(temp, path)
        _fsync_folder(path.parent)
        return True
    finally:
        if temp.exists():
            os.unlink(temp)
    _fsync_folder(path.parent)
    return True


def remove(path: Path) -> None:
    """Delete `path` (gone already is fine), durably."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    _fsync_folder(path.parent)


def is_empty(path: Path) -> bool:
    """An existing file with nothing but white space in it: what an interrupted write of the
    project's earlier versions left, never a file an editor means."""
    try:
        # Only tiny files are read: the smallest real content file is some 40 bytes.
        return path.stat().st_size < 64 and not path.read_bytes().strip()
    except OSError:
        return False


def entity_path(content_dir: Path, folder: str, slug: str) -> Path:
    return content_dir / folder / f"{slug}.yml"


def machine_path(content_dir: Path, slug: str) -> Path:
    return content_dir / MACHINE_DIR / "articles" / f"{slug}.md"


def dump_entity(record: dict[str, Any]) -> str:
    return dump_yaml(record)
