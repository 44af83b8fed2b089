"""Building big and rebuilding small: the page bodies rendered in worker processes give the
same site, and a serve rebuild after an edit (only the touched pages) gives the same pages
as a clean build of the edited archive."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

from newsroom.site.links import broken_links

from .conftest import ROOT, copy_project, run


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.endswith(".gz")}


def _mkdocs_build(project: Path, site: Path) -> None:
    run(sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site), cwd=project)


def test_bodies_rendered_by_worker_processes_give_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _mkdocs_build(project, tmp_path / "inline")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      templates_dir: templates\n",
                                                 "      templates_dir: templates\n      processes: 2\n"))
    _mkdocs_build(project, tmp_path / "workers")
    assert _tree(tmp_path / "inline") == _tree(tmp_path / "workers")


class _Serve:
    """The plugin as `mkdocs serve --dirty` drives it: one instance, a build per change."""

    def __init__(self, project: Path, site: Path) -> None:
        from mkdocs.config import load_config

        self.project, self.site = project, site
        os.chdir(project)
        self.config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        self.config.plugins.on_startup(command="serve", dirty=True)

    def build(self) -> None:
        from mkdocs.commands.build import build

        build(self.config, serve_url="http://127.0.0.1:8000/", dirty=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stamp = time.time_ns() + 1_000_000_000  # a new mtime even on a coarse clock
    os.utime(path, ns=(stamp, stamp))


@pytest.mark.parametrize("edit", ["article title", "actor name", "state description", "place coordinates",
                                  "unnamed place coordinates"])
def test_a_serve_rebuild_after_an_edit_matches_a_clean_build(tmp_path: Path, edit: str) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    cwd = Path.cwd()  # before _Serve moves into the project, or the session stays there
    serve = _Serve(project, tmp_path / "served")
    try:
        serve.build()
        untouched = tmp_path / "served" / "actors" / "adler-planetarium" / "index.html"
        before = untouched.stat().st_mtime_ns if untouched.exists() else None
        if edit == "article title":
            _edit(project / "content/articles/syrian-army-captures-key-supply-route-in-deir-az-zor.md",
                  "title: Syrian army captures", "title: Syrian troops capture")
            changed_page = "articles/syrian-army-captures-key-supply-route-in-deir-az-zor/index.html"
            expected = "Syrian troops capture"
        elif edit == "actor name":
            _edit(project / "content/actors/hezbollah.yml", "name: Hezbollah", "name: Hezbollah (Party of God)")
            changed_page = "articles/syrian-army-captures-key-supply-route-in-deir-az-zor/index.html"
            expected = "Hezbollah (Party of God)"
        elif edit == "state description":
            # The state is shown on its country's page, which the edit of the actor's file touches.
            _edit(project / "content/actors/syria.yml", "description: ''", "description: Party to the war since 2011.")
            changed_page = "places/syria/index.html"
            expected = "Party to the war since 2011."
        else:
            if edit == "unnamed place coordinates":
                # No article names Palmyra any more: only the "Nearby" lists of the places and
                # countries around it show it (Lebanon's country page among them).
                article = project / "content/articles/syrian-army-captures-key-supply-route-in-deir-az-zor.md"
                block = re.search(r"- id: palmyra\n  mentions: \[Palmyra\]\n  confidence: [0-9.]+\n"
                                  r"  review: accepted\n", article.read_text(encoding="utf-8"))
                assert block is not None  # (its confidence moves with the annotator)
                _edit(article, block.group(0), "")
                serve.build()
            _edit(project / "content/places/palmyra.yml", "lat: 34.", "lat: 35.")  # 111 km north
            changed_page = "places/palmyra/index.html"
            expected = 'data-lat="35.'
        serve.build()
    finally:
        os.chdir(cwd)
    assert expected in (tmp_path / "served" / changed_page).read_text(encoding="utf-8")
    if before is not None:  # a page the edit does not touch is not written again
        assert untouched.stat().st_mtime_ns == before
    # The clean build to match is the preview's own (it shows suggestions, marked), made afresh
    # by a new server: a plain `mkdocs build` leaves them out.
    try:
        _Serve(project, tmp_path / "clean").build()
    finally:
        os.chdir(cwd)
    served, clean = _tree(tmp_path / "served"), _tree(tmp_path / "clean")
    assert set(clean) <= set(served)
    stale = [name for name in clean if served[name] != clean[name]]
    assert stale == []


def test_the_mentions_index_and_counts_patched_after_edits_equal_ones_built_afresh(tmp_path: Path) -> None:
    import shutil

    from newsroom.content.loader import ReadCache, load_archive

    def index(archive):  # comparable: article slugs and mention texts, in order
        return {key: [(a.slug, m.texts) for a, m in pairs] for key, pairs in archive.mentions_of().items()}

    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    cache = ReadCache()
    first = load_archive(content, cache)
    index(first)
    first.article_counts()
    articles = sorted((content / "articles").glob("*.md"))
    # A retitled article moves in the newest-first order; a copy adds every entity's mention
    # again; a removed article leaves entities only it named with no entry.
    _edit(articles[0], "\ntitle: ", "\ntitle: Aaa ")
    shutil.copy2(articles[1], content / "articles" / "zz-a-copy.md")
    articles[2].unlink()
    patched = load_archive(content, cache)
    patched.follow(first)
    assert patched._last is first  # it did start from the last
    fresh = load_archive(content)
    assert index(patched) == index(fresh)
    assert patched.article_counts() == fresh.article_counts()


def test_broken_links_in_generated_html_are_found() -> None:
    known = {"", "actors/", "actors/hezbollah/", "exports/events.csv"}
    html = ('<a href="../">up</a><a href="../hezbollah/#events">ok</a><a href="../hamas/">missing</a>'
            '<a href="../../exports/events.csv">csv</a><a href="https://example.org/">away</a>'
            '<a href="#s1">here</a><link href="../../pagefind/pagefind-ui.css">')
    assert broken_links(html, "actors/hezbollah/", known) == ["../hamas/"]
