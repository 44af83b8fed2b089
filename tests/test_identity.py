"""One page per real-world entity across the archive, whatever each article's spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.content.frontmatter import read_document
from newsroom.content.ingest import ingest
from newsroom.model import Actor, Place, Span
from newsroom.resolve.registry import Registry, assign

from .conftest import build_site, copy_project

ARTICLES = {
    "a.txt": "Fighting near Deir Az Zor\n\nISIL fighters attacked army positions near Deir Az Zor on Monday, "
             "Physicians for Human Rights said.\n",
    "b.txt": "Siege of Deir al-Zor lifted\n\nThe army broke the ISIS siege of Deir al-Zor, the Syrian Observatory "
             "for Human Rights said.\n",
    "c.txt": "Air raids on Deir ez-Zor\n\nAir raids hit Deir ez-Zor in Syria on Tuesday, PHR reported, blaming "
             "the Islamic State for shelling.\n",
    "d.txt": "Daesh retreats from Dayr az Zawr\n\nDaesh fighters withdrew from Dayr az Zawr in eastern Syria "
             "on Friday.\n",
    "e.txt": "Ruins of Palmyra damaged\n\nThe ancient ruins of Palmyra in Syria were damaged again, officials "
             "said on Monday.\n",
    "f.txt": "Flooding in Palmyra, New York\n\nHeavy rain flooded streets in Palmyra, New York, on Monday, "
             "the county said.\n",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, annotator) -> Path:
    project = copy_project(tmp_path_factory.mktemp("identity"), with_content=False)
    for name, text in ARTICLES.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    for seed in project.glob("seeds/wikinews-*.txt"):
        seed.unlink()
    (project / "seeds" / "000_41a19ee89e8c43ed.txt").unlink()
    ingest(project / "seeds", project / "content", lambda: annotator)
    return project


def _references(project: Path, folder: str) -> dict[str, set[str]]:
    """entity id -> the seeds of the articles that mention it."""
    out: dict[str, set[str]] = {}
    for path in (project / "content" / "articles").glob("*.md"):
        doc = read_document(str(path), path.read_text(encoding="utf-8"))
        for item in doc.meta[folder]:
            out.setdefault(item["id"], set()).add(doc.meta["seed"])
    return out


def test_four_spellings_of_deir_ez_zor_are_one_place(archive):
    places = _references(archive, "places")
    assert places["deir-ez-zor"] == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert not [p for p in places if p.startswith(("deir-al", "deir-az", "dayr"))]


def test_isil_isis_islamic_state_daesh_are_one_actor(archive):
    actors = _references(archive, "actors")
    assert actors["islamic-state-of-iraq-and-the-levant"] == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert actors["physicians-for-human-rights"] == {"a.txt", "c.txt"}


def test_palmyra_syria_and_palmyra_new_york_are_two_places(archive):
    places = _references(archive, "places")
    palmyras = {p: seeds for p, seeds in places.items() if p.startswith("palmyra")}
    assert sorted(palmyras.values(), key=sorted) == [{"e.txt"}, {"f.txt"}]
    records = {p: (archive / "content" / "places" / f"{p}.yml").read_text(encoding="utf-8") for p in palmyras}
    assert sorted("country_code: SY" in r for r in records.values()) == [False, True]


def test_entity_pages_list_every_article_under_any_spelling(archive, tmp_path):
    build_site(archive, tmp_path / "site")
    page = (tmp_path / "site" / "places" / "deir-ez-zor" / "index.html").read_text(encoding="utf-8")
    assert page.count('<li><a href="../../articles/') == 4
    for spelling in ("Deir Az Zor", "Deir al-Zor", "Deir ez-Zor", "Dayr az Zawr"):
        assert spelling in page


def test_one_event_reported_by_two_articles_has_one_page_citing_both(tmp_path):
    project = copy_project(tmp_path, with_content=False)
    content = project / "content"
    for slug in ("hezbollah", "islamic-state"):
        (content / "actors" / f"{slug}.yml").write_text(f"name: {slug.title()}\nkind: armed-group\n", encoding="utf-8")
    (content / "places" / "palmyra.yml").write_text("name: Palmyra\nkind: town\nlat: 34.56\nlon: 38.28\n",
                                                    encoding="utf-8")
    reports = {"first": ("Hezbollah", "at least 10", 10), "second": ("Islamic State", "about 30", 30)}
    for n, (slug, (source, words, count)) in enumerate(reports.items(), 1):
        sentence = f"Fighters clashed near Palmyra on Monday, killing {words} people, {source} said."
        (content / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: {slug.title()} report\nseed: {slug}.txt\ndate: 2017-09-2{n}\nactors:\n- id: hezbollah\n"
            f"- id: islamic-state\nplaces:\n- id: palmyra\nevents:\n- id: {slug}-1\n  type: Battles\n"
            f"  sub_type: Armed clash\n  actors: [hezbollah, islamic-state]\n  place: palmyra\n  date: 2017-09-18\n"
            f"  fatalities: {{count: {count}, text: {words} people}}\n"
            f"  according_to: {source.lower().replace(' ', '-')}\n"
            f"  evidence: {sentence}\n---\n{sentence}\n", encoding="utf-8")
    site = tmp_path / "site"
    build_site(project, site)
    page = (site / "events" / "first-1" / "index.html").read_text(encoding="utf-8")
    assert "Reports (2)" in page
    assert page.count("<blockquote>") == 2 and "10 killed" in page and "30 (about) killed" not in page
    assert "30 killed" in page  # each report keeps its own figure and source
    stub = (site / "events" / "second-1" / "index.html").read_text(encoding="utf-8")
    assert 'url=../first-1/' in stub
    index = (site / "events" / "index.html").read_text(encoding="utf-8")
    assert index.count('href="first-1/"') >= 1 and 'href="second-1/"' not in index


def test_a_new_entity_never_takes_the_url_an_old_one_redirects_from():
    # 'Alpha' was renamed 'Beta Corp' and the town 'Gamma' merged into 'Gamma City': their old
    # URLs lead to the new pages, so a new 'Alpha' and a new place 'Gamma' get URLs of their own.
    registry = Registry(actors={"beta-corp": {"name": "Beta Corp", "kind": "company", "redirect_from": ["alpha"]}},
                        places={"gamma-city": {"name": "Gamma City", "kind": "city", "redirect_from": ["gamma"]}})
    ids = assign(registry, [Actor("Alpha", "person", [Span(0, 5, "Alpha")])],
                 [Place("Gamma", "town", [Span(10, 15, "Gamma")], country_code="ZZ")])
    assert (ids.actor_ids, ids.place_ids) == (["alpha-2"], ["gamma-2"])
    # ... and a record added later counts as soon as it is added.
    registry.add("actors", "delta-group", {"name": "Delta Group", "kind": "company", "redirect_from": ["epsilon"]})
    assert assign(registry, [Actor("Epsilon", "person", [Span(0, 7, "Epsilon")])], []).actor_ids == ["epsilon-2"]
