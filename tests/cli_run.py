"""The command line run in this process, as build.py runs it: fast, and the model can be the
session's (`annotator`), so a test of a message does not load spaCy again."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Ran:
    status: int
    stdout: str
    stderr: str


def cli(project: Path, *argv: str, annotator: Any = None) -> Ran:
    """`build.py ARGV` in `project`; with `annotator`, the model is not loaded again."""
    from newsroom.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        if annotator is not None:
            patch.setattr("newsroom.cli.loading.load_annotator", lambda knowledge=None: annotator)
        try:
            status = main(list(argv), root=project)
        except SystemExit as exc:  # argparse refusing the command line
            status = int(exc.code or 0)
    return Ran(status, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the archive's lock, which a run removes again, aside)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "lock"}


def no_constant(name: str) -> None:
    """`json.loads(..., parse_constant=no_constant)`: NaN and Infinity are not JSON."""
    raise ValueError(f"{name} is not JSON")
