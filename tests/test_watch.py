"""`mkdocs serve` hears of a content/ edit from the operating system, not by polling."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from newsroom.site import watch
from newsroom.site.watch import watch_natively


def _server(root: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def _wants_rebuild(server: LiveReloadServer, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    with server._rebuild_cond:  # the flag MkDocs's rebuild loop waits on
        while not server._want_rebuild and time.monotonic() < deadline:
            server._rebuild_cond.wait(0.05)
        return server._want_rebuild


def test_an_edit_under_the_folder_wakes_the_rebuild_without_polling(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.md"
    article.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    server = _server(tmp_path)
    observer = watch_natively(server, str(content))
    assert observer is not None and observer.is_alive()
    try:
        server.watch(str(content))  # MkDocs's own loop over config.watch, after on_serve
        assert not server.observer.emitters  # nothing of content/ is polled
        assert not _wants_rebuild(server, timeout=0.3)
        article.write_text("---\ntitle: B\n---\n", encoding="utf-8")
        assert _wants_rebuild(server)
    finally:
        observer.stop()
        observer.join()


def test_without_native_file_events_the_folder_is_polled_as_before(tmp_path: Path, monkeypatch) -> None:
    class Refused(watch.Observer):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watch, "Observer", Refused)
    server = _server(tmp_path)
    assert watch_natively(server, str(tmp_path)) is None
    server.watch(str(tmp_path))
    assert len(server.observer.emitters) == 1  # MkDocs's polling observer took it
