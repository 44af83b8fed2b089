"""Watching content/ for `mkdocs serve` with the operating system's file events.

MkDocs watches with watchdog's PollingObserver: every half second it stats every watched
file. content/ of a 10,000-article archive holds some 40,000 files, so an edit waited up to
3 s before the rebuild even began. The native observer (inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows) hears of an edit at once and costs nothing between edits.
"""

from __future__ import annotations

import logging
import os

from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = logging.getLogger("mkdocs.plugins.newsroom")


def watch_natively(server: LiveReloadServer, folder: str) -> BaseObserver | None:
    """Have `server` rebuild on any change under `folder`, heard through a native observer.

    MkDocs's own `watch()` makes the handler (so a change wakes its rebuild loop exactly as a
    polled one would); it is pointed at a native observer for that one call. `watch()` counts
    references by path, so the later `config.watch` entry for the same folder adds no polling.
    Returns the observer, or None when the system refused (say, out of inotify watches): the
    folder is then polled as before, provided the caller keeps it in `config.watch`.
    """
    polling = server.observer
    native = Observer()
    server.observer = native  # type: ignore[assignment]  # MkDocs types it as its PollingObserver; watch() needs any
    try:
        server.watch(folder)
        native.start()  # a daemon thread: it ends with `mkdocs serve`
    except OSError as exc:
        # Forget the half-made watch, so MkDocs's loop over `config.watch` polls the folder.
        path = os.path.abspath(folder)
        server._watched_paths.pop(path, None)
        server._watch_refs.pop(path, None)
        log.info(f"Watching {folder} by polling: the system's file events are unavailable ({exc})")
        return None
    finally:
        server.observer = polling
    return native
