"""The MkDocs plugin: thin. It reads content/ and hands MkDocs the generated pages in
``on_files``, so `mkdocs serve` regenerates them on every edit. Nothing is written to disk
here; MkDocs writes the site.

A generated page's Markdown is its front matter alone. Its HTML body is rendered from the
archive in ``on_page_context``, just before MkDocs writes the page, and dropped right after:
no Markdown pass over generated HTML, and never all bodies in memory at once. Under
`mkdocs serve --dirty` (what `build.py serve` runs) only the pages an edit touched are marked
modified, so MkDocs skips the rest.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.archive import Archive
from ..content.loader import ReadCache, load_archive
from ..content.visibility import Visibility
from ..errors import LINK_BROKEN, RENDER_FAILED, problem
from ..model import DEFAULT_CONFIDENCE_THRESHOLD
from .exports import exports
from .incremental import affected_pages, event_pages
from .links import broken_links
from .pages import PlannedPage, SiteRenderer
from .prerender import Prerenderer
from .watch import watch_natively

log = logging.getLogger("mkdocs.plugins.newsroom")


class Confidence(c.Type[float]):
    """A number from 0 to 1 (an integer such as 1 is read as 1.0)."""

    def __init__(self, default: float) -> None:
        super().__init__(float, default=default)

    def run_validation(self, value: object) -> float:
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        number = super().run_validation(value)
        if not 0.0 <= number <= 1.0:
            raise base.ValidationError(f"{number:g} is not a confidence: write a number from 0 to 1, e.g. "
                                       f"{DEFAULT_CONFIDENCE_THRESHOLD}")
        return number


class NewsroomConfig(base.Config):
    content_dir = c.Dir(exists=True)
    templates_dir = c.Dir(exists=True)
    # Annotations the annotator is less sure of than this are suggestions: readers do not see
    # them until an editor accepts them (review: accepted); the preview (serve) shows them.
    confidence_threshold = Confidence(default=DEFAULT_CONFIDENCE_THRESHOLD)
    # Processes that render page bodies beside MkDocs: 0 picks one per spare core for sites of
    # PRERENDER_FROM pages or more, and renders in MkDocs's own process below that.
    processes = c.Type(int, default=0)


PRERENDER_FROM = 1000
_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept between serve rebuilds (keyed by name and source checksum, so an
    edited template compiles again): a rebuild then spends nothing compiling Material's."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class _Generated(File):
    """A file made from content/; `changed` is False when a serve rebuild can keep it, and
    MkDocs (under --dirty) then neither renders nor writes it."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class GeneratedPage(_Generated):
    """An article, entity, event or index page."""

    plan: PlannedPage


class GeneratedFile(_Generated):
    """A redirect stub, an export or a feed."""


@dataclass
class _Build:
    """What the previous build made, for the next serve rebuild to compare with."""

    archive: Archive
    event_pages: dict[str, str]
    statics: dict[str, str]
    stamp: tuple[int, ...]
    fingerprints: dict[str, Any]  # index page -> what it showed
    data_rows: Any                # what the data exports were made from
    files: dict[str, File]        # src_uri -> the File handed to MkDocs


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    def __init__(self) -> None:
        self.incremental = False
        self.command = "build"
        self.cache = ReadCache()
        self.previous: _Build | None = None
        self.known: set[str] = set()
        self.prerender: Prerenderer | None = None
        self.bytecode = MemoryBytecodeCache()
        self.build_date: dt.datetime | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps plugin instances between config loads in one process: start afresh.
        self.cache, self.previous = ReadCache(), None
        self.command = command
        self.incremental = command == "serve" and dirty
        if self.incremental:
            # MkDocs warns on every dirty build; with `strict: true` that warning alone would
            # abort each rebuild. The warning is about stale nav, which only lists indexes here.
            build_log = logging.getLogger("mkdocs.commands.build")
            if not any(isinstance(f, _DirtyWarning) for f in build_log.filters):
                build_log.addFilter(_DirtyWarning())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for folder in (self.config.content_dir, self.config.templates_dir):
            if folder not in config.watch:
                config.watch.append(folder)
        if self.incremental and self.previous is not None:
            # A serve rebuild leaves sitemap.xml as the first build wrote it: listing 45,000
            # pages again took 0.2 s of every edit at 10,000 articles, and a preview's sitemap
            # has no reader. (MkDocs loads the config afresh for each rebuild.)
            config.theme.static_templates.discard("sitemap.xml")
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        watch_natively(server, self.config.content_dir)
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        before = self.previous
        visibility = Visibility(self.config.confidence_threshold, show_suggestions=self.command == "serve")
        archive = load_archive(Path(self.config.content_dir), self.cache if self.incremental else ReadCache(),
                               visibility)
        if before is not None:
            archive.follow(before.archive)
        # Same content, same site: the build is dated by its newest article, not the clock.
        # MkDocs reads the date from SOURCE_DATE_EPOCH; rather than set it for the whole
        # process, the date is handed to each page and template (a caller's own wins).
        self.build_date = None if "SOURCE_DATE_EPOCH" in os.environ else _content_date(archive)
        renderer = SiteRenderer(archive, Path(self.config.templates_dir), self.bytecode)
        for item in archive.problems:
            # A warning, so `mkdocs build --strict` fails after building everything valid.
            log.warning(str(item))
        plan = renderer.plan()
        stamp = _stamp(Path(self.config.templates_dir), config.config_file_path)
        touched = None  # None: every page
        if self.incremental and before is not None and before.stamp == stamp:
            touched = affected_pages(before.archive, archive, before.event_pages, self.cache.changed,
                                     renderer.listing_nearby)
        fingerprints = ({uri: page.fingerprint() for uri, page in plan.items() if page.fingerprint}
                        if self.incremental else {})
        data_rows = renderer.data_rows() if self.incremental else None
        since = before if touched is not None else None  # the build this one only updates
        statics = {**renderer.redirects(),
                   **exports(archive, config.site_url or "", since.statics if since is not None else None, touched,
                             data_unchanged=since is not None and since.data_rows == data_rows),
                   "exports/facets.json": renderer.facets_json()}
        made = self._generated_files(config, plan, statics, {f.src_uri for f in files}, since, touched, fingerprints)
        for file in made.values():
            files.append(file)
        self.known = {f.url for f in files}
        if self.incremental:
            # Only in the serve loop, which keeps this process between rebuilds: the archive
            # and the file list are millions of long-lived objects; frozen, the cyclic garbage
            # collector stops re-scanning them on every collection (it took seconds of a serve
            # rebuild at 10,000 articles). They are still freed when no longer referenced.
            gc.freeze()
        self._start_prerender([f.plan for f in made.values() if isinstance(f, GeneratedPage) and f.changed])
        if self.incremental:
            self.previous = _Build(archive, event_pages(archive), statics, stamp, fingerprints, data_rows, made)
        return files

    @staticmethod
    def _generated_files(config: MkDocsConfig, plan: dict[str, PlannedPage], statics: dict[str, str],
                         taken: set[str], since: _Build | None, touched: set[Any] | None,
                         fingerprints: dict[str, Any]) -> dict[str, File]:
        """src_uri -> the File of every generated page and file. Under serve, what the edit left
        unchanged keeps the last build's File (and the Page MkDocs made for it): making 50,000
        new ones costs seconds, and MkDocs skips them under --dirty anyway."""
        made: dict[str, File] = {}

        def add(uri: str, kind: type[_Generated], content: Any, unchanged: bool) -> _Generated | None:
            if uri in taken:
                log.warning(f"docs/{uri} hides a generated file of the same name; rename it")
                return None
            old = since.files.get(uri) if since is not None else None
            if unchanged and isinstance(old, kind):
                old.changed = False
                made[uri] = old
                return None
            # MkDocs annotates File.generated as returning a File; it makes an instance of `kind`.
            new = made[uri] = cast(_Generated, kind.generated(config, uri, content=content()))
            new.changed = True
            return new

        for uri, page in sorted(plan.items()):
            # A page's front matter cannot change unless it changed: a title comes from the
            # file the page shows, which the edit then touched.
            unchanged = since is not None and touched is not None and page.key not in touched and (
                page.fingerprint is None or since.fingerprints.get(uri) == fingerprints[uri])
            if (file := add(uri, GeneratedPage, lambda p=page: p.markdown, unchanged)) is not None:
                file.plan = page  # type: ignore[attr-defined]
        for uri, content in sorted(statics.items()):
            add(uri, GeneratedFile, lambda c=content: c, since is not None and since.statics.get(uri) == content)
        return made

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.bytecode_cache = self.bytecode  # the theme's templates, compiled once per serve
        return env

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The body is rendered when the page is written (on_page_context), not held till then.
        return "" if isinstance(page.file, GeneratedPage) else html

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.build_date is not None:
            page.update_date = self.build_date.strftime("%Y-%m-%d")  # the sitemap's lastmod
        return page

    def on_template_context(self, context: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if self.build_date is not None:
            context["build_date_utc"] = self.build_date  # sitemap.xml, 404.html
        return context

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.build_date is not None:
            context["build_date_utc"] = self.build_date
        if not isinstance(page.file, GeneratedPage):
            return context
        plan = page.file.plan
        body, error = self._body(plan)
        if body is None:
            log.warning(str(problem(plan.source, 1, 1, RENDER_FAILED, url=plan.url, detail=error)))
            body = "<p>This page could not be made; the build log says why.</p>"
        for href in broken_links(body, plan.url, self.known):
            log.warning(str(problem(plan.source, 1, 1, LINK_BROKEN, url=plan.url, href=href)))
        page.content = body
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not isinstance(page.file, GeneratedPage):
            return output
        page.content = None  # written: free it
        # The theme's indentation is a sixth of a generated page. Runs of blank lines between
        # tags become one newline: the same page to a browser (generated pages hold no <pre>
        # or <textarea>, and a script keeps its line break), 4 KB less to fetch for each.
        return _BETWEEN_TAGS.sub(">\n<", output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_prerender()
        if self.incremental:
            # The pages, navigation and tables of contents MkDocs made after on_files are
            # kept for the next rebuild too: frozen as well, or the first collection of the
            # next rebuild scans them all (0.6 s at 10,000 articles).
            gc.freeze()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_prerender()

    def _start_prerender(self, pages: list[PlannedPage]) -> None:
        self._stop_prerender()
        processes = self.config.processes
        if processes == 0 and len(pages) >= PRERENDER_FROM:
            processes = min(3, (os.cpu_count() or 1) - 1)  # the main process runs the theme
        if self.command != "build":
            # Not under serve: its live-reload server runs threads, and forking a threaded
            # process can copy a lock held mid-way; an edit rebuilds a few pages anyway.
            processes = 0
        if processes > 0 and pages:
            self.prerender = Prerenderer(pages, processes)

    def _stop_prerender(self) -> None:
        if self.prerender is not None:
            self.prerender.close()
            self.prerender = None

    def _body(self, plan: PlannedPage) -> tuple[str | None, str | None]:
        if self.prerender is not None:
            try:
                return self.prerender.take(plan.url)
            except KeyError:
                pass  # not one of the pages handed to the workers
        try:
            return plan.render(), None
        except Exception as exc:  # any error: one bad value must not take the site down
            return None, f"{type(exc).__name__}: {exc}"


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _stamp(templates_dir: Path, config_file: str | None) -> tuple[int, ...]:
    """Changes when a template or mkdocs.yml does: then every page is rebuilt."""
    paths = sorted(p for p in templates_dir.rglob("*") if p.is_file())
    if config_file:
        paths.append(Path(config_file))
    return (*(p.stat().st_mtime_ns for p in paths), len(paths))


def _content_date(archive: Archive) -> dt.datetime:
    """Midnight UTC of the newest article's date (2000-01-01 for an archive without dates)."""
    dates = sorted(a.date for a in archive.articles.values() if a.date and len(a.date) == 10)
    day = dt.date.fromisoformat(dates[-1]) if dates else dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
