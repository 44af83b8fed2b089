"""Annotate on a Dask cluster (`build.py annotate --dask ADDRESS`), in input order.

Dask workers (on any machine with this package installed) load their own model and GeoNames
index once and receive the knowledge base, the archive's entities included, once. Results come
back in input order, so the content written is the same as a local run's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..annotate.annotator import Annotator
from ..annotate.parallel import Runner
from ..model import Annotation
from .loading import load_annotator

DASK_CHUNK = 16  # articles a task: a few seconds of work, so scheduling costs nothing
_DASK_ANNOTATORS: dict[str, Annotator] = {}  # on each Dask worker: knowledge key -> annotator


def _annotate_on_worker(jobs: list[tuple[str, str | None]], knowledge: Any, key: str) -> list[Annotation]:
    """Runs on a Dask worker: the same Annotator.pipe as a local run."""
    annotator = _DASK_ANNOTATORS.get(key)
    if annotator is None:
        _DASK_ANNOTATORS.clear()  # one archive's knowledge at a time: the model is the big part
        annotator = _DASK_ANNOTATORS[key] = load_annotator(knowledge)
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
