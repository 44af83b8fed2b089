"""Bad input: reported with file and line, never trusted as HTML, and the rest still builds."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_site, copy_project

GOOD = """---
title: Good article
seed: good.txt
date: 2020-01-02
actors:
- id: acme
  mentions: [Acme]
places: []
events: []
---
Acme opened a shop.
"""


def _archive(tmp_path: Path) -> Path:
    project = copy_project(tmp_path, with_content=False)
    content = project / "content"
    (content / "actors" / "acme.yml").write_text("name: Acme\nkind: company\n", encoding="utf-8")
    (content / "articles" / "good-article.md").write_text(GOOD, encoding="utf-8")
    return project


def test_script_in_article_text_and_front_matter_shows_as_text(tmp_path):
    project = _archive(tmp_path)
    (project / "content" / "articles" / "evil.md").write_text(
        "---\ntitle: 'Hello <script>alert(1)</script>'\nseed: evil.txt\n"
        "dek: '<img src=x onerror=alert(2)>'\nactors: []\nplaces: []\nevents: []\n---\n"
        "A <script>alert(3)</script> sentence with <b>bold</b>.\n", encoding="utf-8")
    build_site(project, tmp_path / "site")
    page = (tmp_path / "site" / "articles" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_broken_yaml_is_reported_with_its_line_and_the_rest_builds(tmp_path):
    project = _archive(tmp_path)
    bad = project / "content" / "articles" / "bad.md"
    bad.write_text("---\ntitle: Bad\nseed: [unclosed\n---\nText.\n", encoding="utf-8")
    before = bad.read_bytes()
    proc = build_site(project, tmp_path / "site", check=False)
    assert proc.returncode != 0
    assert "content/articles/bad.md:4:1: error N101: the front matter is not valid YAML" in proc.stderr
    assert (tmp_path / "site" / "articles" / "good-article" / "index.html").exists()
    assert bad.read_bytes() == before


def test_python_tags_and_missing_references_are_refused(tmp_path):
    project = _archive(tmp_path)
    (project / "content" / "articles" / "tagged.md").write_text(
        "---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\nseed: t.txt\n---\nText.\n",
        encoding="utf-8")
    (project / "content" / "articles" / "dangling.md").write_text(
        "---\ntitle: Dangling\nseed: d.txt\nactors:\n- id: hezbolla\n  mentions: [Hezbollah]\n---\nText.\n",
        encoding="utf-8")
    proc = build_site(project, tmp_path / "site", check=False)
    assert "content/articles/tagged.md:2:8: error N109: YAML tags such as '!!python/object/apply:os.system'" \
        " are not allowed in content files; remove the tag" in proc.stderr
    assert "content/articles/dangling.md:5:7: error N105: actor 'hezbolla' is not in content/actors/" in proc.stderr
    assert (tmp_path / "site" / "articles" / "dangling" / "index.html").exists()
    assert (tmp_path / "site" / "articles" / "good-article" / "index.html").exists()


def test_an_old_slug_in_redirect_from_keeps_working(tmp_path):
    project = _archive(tmp_path)
    (project / "content" / "actors" / "acme.yml").write_text(
        "name: Acme\nkind: company\nredirect_from: [acme-corp]\n", encoding="utf-8")
    build_site(project, tmp_path / "site")
    stub = (tmp_path / "site" / "actors" / "acme-corp" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../acme/"' in stub
