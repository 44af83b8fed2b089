"""What an interrupted run left behind, found and put right before the next run writes.

Run under the archive's lock, first thing: temporary files of a killed write are removed, a
merge or rename the journal shows half-written is finished, and an article left empty by a
write of the project's earlier versions is restored from the annotator's copy (or, without
one, reported with what to do, and the run stops before it could annotate its seed again).
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import errors
from ..errors import Problem
from .frontmatter import FrontMatterError, read_document
from .journal import finish_interrupted
from .store import MACHINE_DIR, is_empty, machine_path, remove, temp_files, write_atomic

FOLDERS = ("articles", "actors", "places", MACHINE_DIR, f"{MACHINE_DIR}/articles")


def recover(content_dir: Path) -> list[Problem]:
    """Put right what an interrupted run left; -> what was done (warnings) and what could not
    be (errors: the caller stops)."""
    problems: list[Problem] = []
    for folder in FOLDERS:
        for temp in temp_files(content_dir / folder):
            remove(temp)
            problems.append(errors.problem(f"content/{folder}/{temp.name}", 1, 1, errors.TEMP_REMOVED,
                                           severity="warning"))
    problems += finish_interrupted(content_dir)
    if any(p.severity == "error" for p in problems):
        return problems
    return problems + _restore_empty_articles(content_dir)


def _restore_empty_articles(content_dir: Path) -> list[Problem]:
    problems = []
    try:
        with os.scandir(content_dir / "articles") as listing:
            # One stat each, from the listing: only a tiny file can be empty.
            small = sorted(e.name for e in listing if e.name.endswith(".md") and e.stat().st_size < 64)
    except FileNotFoundError:
        return []
    for name in small:
        path = content_dir / "articles" / name
        if not is_empty(path):
            continue
        display = f"content/articles/{name}"
        machine = machine_path(content_dir, path.stem)
        text = _sound(machine)
        if text is None:
            problems.append(errors.problem(display, 1, 1, errors.FILE_EMPTY, file=display))
            continue
        write_atomic(path, text)
        problems.append(errors.problem(display, 1, 1, errors.FILE_RESTORED, severity="warning",
                                       machine=f"content/{MACHINE_DIR}/articles/{name}", file=display))
    return problems


def _sound(path: Path) -> str | None:
    """The machine copy's text when it is a whole article."""
    try:
        text = path.read_text(encoding="utf-8")
        read_document(str(path), text)
    except (OSError, ValueError, FrontMatterError):
        return None
    return text if text.strip() else None
