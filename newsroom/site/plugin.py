"""The MkDocs plugin: thin. It reads content/ and hands MkDocs the generated pages in
``on_files``, so `mkdocs serve` regenerates them on every edit. Nothing is written to disk
here; MkDocs writes the site."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .archive import load_archive
from .exports import exports
from .pages import SiteRenderer

log = logging.getLogger("mkdocs.plugins.newsroom")


class NewsroomConfig(base.Config):
    content_dir = c.Dir(exists=True)
    templates_dir = c.Dir(exists=True)


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for folder in (self.config.content_dir, self.config.templates_dir):
            if folder not in config.watch:
                config.watch.append(folder)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        archive = load_archive(Path(self.config.content_dir))
        if "SOURCE_DATE_EPOCH" not in os.environ:
            # Same content, same site: date the build by the content, not the clock.
            os.environ["SOURCE_DATE_EPOCH"] = str(_content_epoch(archive))
        rendered = SiteRenderer(archive, Path(self.config.templates_dir)).render()
        for problem in archive.problems:
            # A warning, so `mkdocs build --strict` fails after building everything valid.
            log.warning(str(problem))
        taken = {f.src_uri for f in files}
        generated = {**rendered.pages, **rendered.redirects, **exports(archive, config.site_url or "")}
        for src_uri, content in sorted(generated.items()):
            if src_uri in taken:
                log.warning(f"docs/{src_uri} hides a generated page of the same name; rename it")
                continue
            files.append(File.generated(config, src_uri, content=content))
        return files


def _content_epoch(archive: Any) -> int:
    import datetime as dt

    dates = sorted(a.date for a in archive.articles.values() if a.date and len(a.date) == 10)
    day = dt.date.fromisoformat(dates[-1]) if dates else dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
