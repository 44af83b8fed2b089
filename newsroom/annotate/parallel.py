"""Annotate many articles on several cores, in input order.

The annotator is a pure function of the text, so the work splits by article. Workers are
forked from a process that has already loaded the model and gazetteer, so they start at once
and share those pages of memory. Results come back in input order, so the content written is
the same whatever the number of processes (and the same as a Dask cluster's, see
`newsroom.cli.dask_runner`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator

from ..model import Annotation
from .annotator import Annotator

_WORKER: Annotator | None = None  # set in the parent before forking; read in the workers


def _annotate(job: tuple[str, str | None]) -> Annotation:
    assert _WORKER is not None
    raw, date = job
    return _WORKER(raw, date)


def default_processes() -> int:
    """All cores the process may use (two on this project's machines)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def annotate_all(annotator: Annotator, jobs: list[tuple[str, str | None]], processes: int = 1,
                 chunk: int = 4) -> Iterator[Annotation]:
    """One Annotation per (text, date), in order; `processes` > 1 forks workers."""
    global _WORKER
    if processes <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for start in range(0, len(jobs), 64):
            part = jobs[start:start + 64]
            yield from annotator.pipe([raw for raw, _ in part], [date for _, date in part])
        return
    _WORKER = annotator
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        yield from pool.imap(_annotate, jobs, chunksize=chunk)


Runner = Callable[[Annotator, list[tuple[str, str | None]]], Iterator[Annotation]]
"""Annotates (text, date) jobs with an annotator and yields the annotations in input order:
`annotate_all` on local cores, or `newsroom.cli.dask_runner` on a cluster."""
