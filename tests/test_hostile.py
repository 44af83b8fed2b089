"""Bad input: reported with file and line, never trusted as HTML, and the rest still builds."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _broken(tmp_path: Path, name: str, text: str) -> tuple[str, Path]:
    """Build an archive with one bad article beside a good one; return stderr and the site."""
    project = _archive(tmp_path)
    (project / "content" / "articles" / name).write_text(text, encoding="utf-8")
    before = _snapshot(project / "content")
    proc = build_site(project, tmp_path / "site", check=False)
    assert _snapshot(project / "content") == before, "the build modified an editor's file"
    assert (tmp_path / "site" / "articles" / "good-article" / "index.html").exists()
    return proc.stderr, tmp_path / "site"


@pytest.mark.parametrize("name,text,message", [
    ("tabs.md", "---\ntitle: Tabs\nactors:\n\t- id: acme\n---\nText.\n",
     "content/articles/tabs.md:4:1: error N101: the front matter is not valid YAML: "
     "a tab is used for indentation; indent with spaces"),
    ("twice.md", "---\ntitle: Twice\nseed: t.txt\ntitle: Again\n---\nText.\n",
     "content/articles/twice.md:4:1: error N101: the front matter is not valid YAML: "
     "the key 'title' appears twice; keep one"),
    ("types.md", "---\ntitle: Types\nseed: t.txt\ndate: 12\nactors: acme\n---\nText.\n",
     "content/articles/types.md:4:7: error N103: 'date' must be text, not the number 12"),
    ("unknown.md", "---\ntitle: Unknown\nseed: t.txt\ndatee: 2017-09-29\n---\nText.\n",
     "content/articles/unknown.md:4:8: warning N104: unknown field 'datee'; did you mean 'date'?"),
    ("event.md", "---\ntitle: Event\nseed: t.txt\nevents:\n- id: e-1\n  type: Battle\n  evidence: Text.\n---\nText.\n",
     "content/articles/event.md:6:9: error N106: unknown event type 'Battle'; did you mean 'Battles'?"),
    ("path.md", "---\ntitle: Path\nseed: t.txt\nactors:\n- id: ../../etc/passwd\n---\nText.\n",
     "content/articles/path.md:5:7: error N103: 'actors.0.id' is '../../etc/passwd'; it must be a slug: "
     "lower-case letters, digits and '-'"),
    ("bomb.md", "---\ntitle: Bomb\nseed: t.txt\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nText.\n",
     "content/articles/bomb.md:2:1: error N110: the front matter expands to too many nodes (a YAML alias bomb?); "
     "remove the aliases"),
])
def test_each_bad_front_matter_is_named_with_its_line_and_the_rest_builds(tmp_path, name, text, message):
    stderr, _ = _broken(tmp_path, name, text)
    assert message in stderr


def test_two_entities_claiming_one_slug(tmp_path):
    project = _archive(tmp_path)
    (project / "content" / "actors" / "acme-corp.yml").write_text("name: Acme Corp\nkind: company\n", encoding="utf-8")
    (project / "content" / "actors" / "acme.yml").write_text(
        "name: Acme\nkind: company\nredirect_from: [acme-corp]\n", encoding="utf-8")
    proc = build_site(project, tmp_path / "site", check=False)
    assert ("content/actors/acme.yml:1:1: error N108: two files claim the slug 'acme-corp': "
            "content/actors/acme-corp.yml is that page, and content/actors/acme.yml redirects it") in proc.stderr
    assert (tmp_path / "site" / "actors" / "acme-corp" / "index.html").exists()


def test_binary_and_huge_seeds_are_refused_and_the_rest_is_annotated(tmp_path, annotator):
    from newsroom.content.ingest import ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds / "dump.txt").write_text("Title\n\n" + "Word " * 2_100_000, encoding="utf-8")
    (seeds / "good.txt").write_text("Acme opens shop\n\nAcme opened a shop in Paris on Monday.\n", encoding="utf-8")
    report = ingest(seeds, tmp_path / "content", lambda: annotator)
    assert report.written == ["acme-opens-shop"]
    assert sorted(str(p) for p in report.problems) == [
        "seeds/dump.txt:1:1: error N004: the file is 10.5 MB; the annotator reads articles of up to 2 MB: "
        "split it into articles",
        "seeds/photo.txt:1:1: error N003: the file looks binary (it contains NUL bytes); seeds must be plain text",
    ]


@pytest.mark.parametrize("value, at", [("!!float abc", "4:7"), ("!!bool maybe", "4:7"), ("!!timestamp soon", "4:7"),
                                       ("!!set [a]", "2:1")])
def test_a_value_its_yaml_tag_cannot_hold_is_an_error_at_its_line(value, at):
    from newsroom.content.frontmatter import FrontMatterError, read_document

    with pytest.raises(FrontMatterError) as refused:
        read_document("content/articles/a.md", f"---\ntitle: x\nseed: a.txt\ndate: {value}\n---\nbody\n")
    assert str(refused.value.problem).startswith(f"content/articles/a.md:{at}: error N101: the front matter is not "
                                                 "valid YAML: a value is not what its tag ")
