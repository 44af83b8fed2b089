"""Render page bodies in forked worker processes while MkDocs, in the main process, puts the
previous ones into the theme: on two cores the bodies cost almost nothing in wall time.

Workers render chunks in the order MkDocs will ask for the pages (the order of the files
list), so the main process rarely waits, and a body is dropped once it is taken. A page
whose rendering fails comes back as the exception's text, for the plugin to report.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from typing import Any

from .pages import PlannedPage

CHUNK = 64  # pages a task: large enough that pickling is not the cost, small enough to stream

_PAGES: list[PlannedPage] = []  # set before the fork; workers read it, never the main process


def _render_chunk(start: int) -> list[tuple[str, str | None, str | None]]:
    out: list[tuple[str, str | None, str | None]] = []  # (url, html, error)
    for page in _PAGES[start:start + CHUNK]:
        try:
            out.append((page.url, page.render(), None))
        except Exception as exc:  # any error: reported by the plugin against the page's file
            out.append((page.url, None, f"{type(exc).__name__}: {exc}"))
    return out


class Prerenderer:
    def __init__(self, pages: list[PlannedPage], processes: int) -> None:
        global _PAGES
        _PAGES = pages
        self._pool: Any = multiprocessing.get_context("fork").Pool(processes)
        self._results: Iterator[list[tuple[str, str | None, str | None]]] = self._pool.imap(
            _render_chunk, range(0, len(pages), CHUNK))
        self._ready: dict[str, tuple[str | None, str | None]] = {}
        self._left = len(pages)

    def take(self, url: str) -> tuple[str | None, str | None]:
        """(body, None) or (None, error) for the page at `url`; KeyError if it is not one of
        the pages given (the caller then renders it itself)."""
        while url not in self._ready and self._left:
            for done_url, body, error in next(self._results):
                self._ready[done_url] = (body, error)
                self._left -= 1
        result = self._ready.pop(url)
        if not self._left and not self._ready:
            self.close()
        return result

    def close(self) -> None:
        global _PAGES
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None
        _PAGES = []
