"""Every path built from a value a person or a file gave stays inside its folder.

A slug, a seed name or a command's argument is joined to a folder only after these checks:
one plain file name (no separator, no '..', not absolute), and the file it names, symbolic
links followed, inside the folder. Pure apart from resolving links; stdlib only, so the site
(which must not load the annotator) may use it too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from .. import errors
from ..errors import Problem


def plain_name(value: str) -> bool:
    """True for one file name that cannot lead anywhere else: 'story.txt', never 'a/b',
    '..', '/etc/passwd', 'C:x' or a name with a NUL."""
    if not value or value in (".", "..") or "\0" in value:
        return False
    # Both separators, whatever the system: a seed name from a Windows desk must not climb either.
    return PurePosixPath(value).name == value and PureWindowsPath(value).name == value


def escapes(path: Path, folder: Path) -> Path | None:
    """Where `path` really leads (symbolic links followed) when that is outside `folder`;
    None when it stays inside (or does not exist yet and would be inside)."""
    target = path.resolve()
    return None if target.is_relative_to(folder.resolve()) else target


def file_in(folder: Path, name: str) -> Path | None:
    """folder/name when `name` is a plain file name whose file stays inside `folder`; else None."""
    if not plain_name(name):
        return None
    path = folder / name
    return None if escapes(path, folder) else path


def name_problem(display: str, field: str, value: Any, folder: str, at: Callable[..., tuple[int, int]]) -> \
        Problem | None:
    """A problem for a file-name field (an article's `seed`) that would lead out of `folder`."""
    if not isinstance(value, str) or not value or plain_name(value):
        return None
    example = PureWindowsPath(PurePosixPath(value).name).name.strip(". ") or "story.txt"
    return errors.problem(display, *at(field), errors.NAME_OUTSIDE, field=field, value=value, folder=folder,
                          example=example)


def symlink_problem(path: Path, root: Path, display: str) -> Problem | None:
    """A problem when the file at `path` is a symbolic link leading out of `root`."""
    target = escapes(path, root) if path.is_symlink() else None
    if target is None:
        return None
    return errors.problem(display, 1, 1, errors.SYMLINK_OUTSIDE, target=target, folder=f"{root.name}/")
