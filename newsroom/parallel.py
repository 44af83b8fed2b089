"""Annotate many articles on several cores, or on a Dask cluster, in input order.

The annotator is a pure function of the text, so the work splits by article. Local workers
are forked from a process that has already loaded the model and gazetteer, so they start at
once and share those pages of memory. Dask workers (on any machine with this package
installed) load their own model once and receive the knowledge base, the archive's entities
included, once. Either way results come back in input order, so the content written is the
same whatever runs the annotator.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Iterator

from .annotate import Annotator
from .model import Annotation

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

DASK_CHUNK = 16  # articles a task: a few seconds of work, so scheduling costs nothing
_DASK_ANNOTATORS: dict[str, Annotator] = {}  # on each Dask worker: knowledge key -> annotator


def _annotate_on_worker(jobs: list[tuple[str, str | None]], knowledge: Any, key: str) -> list[Annotation]:
    """Runs on a Dask worker: the same Annotator.pipe as a local run."""
    annotator = _DASK_ANNOTATORS.get(key)
    if annotator is None:
        _DASK_ANNOTATORS.clear()  # one archive's knowledge at a time: the model is the big part
        annotator = _DASK_ANNOTATORS[key] = Annotator(knowledge)
    return annotator.pipe([raw for raw, _ in jobs], [date for _, date in jobs])


def dask_runner(address: str) -> Runner:
    """A runner that sends the articles to the Dask scheduler at `address` in chunks and
    yields the annotations in input order, as `annotate_all` does."""

    def run(annotator: Annotator, jobs: list[tuple[str, str | None]]) -> Iterator[Annotation]:
        import hashlib
        import pickle

        from distributed import Client

        with Client(address, set_as_default=False) as client:
            payload = pickle.dumps(annotator.knowledge)
            key = hashlib.sha256(payload).hexdigest()[:16]
            knowledge = client.scatter(annotator.knowledge, broadcast=True, hash=False)
            futures = [client.submit(_annotate_on_worker, jobs[start:start + DASK_CHUNK], knowledge, key,
                                     pure=False)
                       for start in range(0, len(jobs), DASK_CHUNK)]
            for future in futures:
                yield from future.result()
                future.release()

    return run
