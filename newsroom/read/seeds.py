"""Raw articles as received: the files in seeds/, read as UTF-8 with no newline translation.

A seed that cannot be an article (empty, binary, not UTF-8, far too big) is refused with a
problem naming the file, the line and what to do.
"""

from __future__ import annotations

from pathlib import Path

from .. import errors
from ..errors import Problem

MAX_SEED_BYTES = 2_000_000  # a news article is ~5-50 kB; past this it is a dump, not an article


class SeedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_seed(path: Path, display: str | None = None) -> str:
    """The seed's text, decoded as UTF-8 with no newline translation (offsets depend on it)."""
    name = display or str(path)
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        raise SeedError(errors.problem(name, 1, 1, errors.SEED_TOO_BIG, size=size / 1e6, limit=MAX_SEED_BYTES / 1e6))
    data = path.read_bytes()
    if not data.strip():
        raise SeedError(errors.problem(name, 1, 1, errors.SEED_EMPTY))
    if b"\x00" in data:
        raise SeedError(errors.problem(name, 1, 1, errors.SEED_BINARY))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SeedError(errors.problem(name, line, column, errors.SEED_NOT_UTF8, offset=exc.start)) from exc


def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in seeds_dir.glob("*.txt") if p.is_file())
