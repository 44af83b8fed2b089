"""The built example archive, checked the way a reader would look at it."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from newsroom.content.frontmatter import read_document

from .conftest import ROOT, build_site, copy_project
from .linkcheck import broken_links, parse

SEED_SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _seed_meta() -> dict:
    path = ROOT / "content" / "articles" / f"{SEED_SLUG}.md"
    return read_document(str(path), path.read_text(encoding="utf-8")).meta


def test_no_broken_link_anywhere(example_site):
    assert broken_links(example_site) == []


def test_article_index_lists_every_article(example_site):
    index = _html(example_site, "articles")
    for path in (ROOT / "content" / "articles").glob("*.md"):
        assert f'href="{path.stem}/"' in index, path.stem
    assert len(list((ROOT / "content" / "articles").glob("*.md"))) >= 25


def test_every_actor_and_place_of_the_seed_has_a_page_listing_it(example_site):
    meta = _seed_meta()
    assert meta["date"].isoformat() == "2017-09-29"
    for folder in ("actors", "places"):
        for item in meta[folder]:
            page = _html(example_site, f"{folder}/{item['id']}")
            if moved := re.search(r'http-equiv="refresh" content="0; url=../../(\w+/[\w-]+)/"', page):
                assert (folder, moved[1]) == ("actors", f"places/{item['id']}")  # a state, on its country's page
                page = _html(example_site, moved[1])
            assert f'href="../../articles/{SEED_SLUG}/"' in page, (folder, item["id"])


def test_seed_article_page_reads_like_an_annotated_article(example_site):
    page = _html(example_site, f"articles/{SEED_SLUG}")
    assert "<h1>Syrian army captures key supply route in Deir Az Zor</h1>" in page
    assert '<time datetime="2017-09-29">' in page
    assert "Omar Sanadiki/Reuters" in page and "Source: News Agencies" in page
    assert re.search(r'<a href="../../places/deir-ez-zor/">Deir Az Zor</a>', page)
    # Each event links to its evidence sentence, which exists on the page.
    ids = parse(example_site / "articles" / SEED_SLUG / "index.html").ids
    anchors = re.findall(r'<a href="#(s\d+)">evidence</a>', page)
    assert anchors and set(anchors) <= ids


def test_deir_ez_zor_page_quotes_the_seed_under_its_other_spellings(example_site):
    page = _html(example_site, "places/deir-ez-zor")
    assert "<h1>Deir ez-Zor</h1>" in page
    assert "Deir al-Zor" in page and "Deir Az Zor" in page
    assert 'data-lat="35.33' in page


def test_entity_pages_stay_out_of_the_navigation(example_site):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary', 1)[1].split('<nav class="md-nav md-nav--secondary"', 1)[0]
    assert "actors/hezbollah/" not in nav
    assert "Actors" in nav and "Places" in nav and "Events" in nav


def test_two_builds_are_byte_identical(tmp_path, example_site):
    project = copy_project(tmp_path)
    build_site(project, tmp_path / "again")
    comparison = filecmp.dircmp(example_site, tmp_path / "again")
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison)
    # Pagefind writes its filter and metadata indexes (and the entry file naming them) in an
    # order it does not fix (upstream Pagefind#638, still so in 1.5.2); every page, export and
    # search fragment must be identical.
    unstable = ("pagefind/filter/", "pagefind/pagefind.en_", "pagefind/pagefind-entry.json")
    assert [d for d in differences if not d.startswith(unstable)] == []
    assert any(f.name.endswith(".pf_fragment") for f in (example_site / "pagefind" / "fragment").iterdir())


def test_a_place_shown_at_the_point_of_the_place_it_lies_in_says_so(tmp_path):
    # A village no gazetteer knows, filed with the point of the county the text put it in
    # (`within`): its page, and the places export, say whose point it is; the county's do not.
    import json

    project = copy_project(tmp_path, with_content=False)
    places = project / "content" / "places"
    places.mkdir(parents=True, exist_ok=True)
    (places / "balnacoil.yml").write_text(
        "name: Balnacoil\nkind: village\ncountry: United Kingdom\ncountry_code: GB\nlat: 56.25\nlon: -3.15\n"
        "within: Fife\ndescription: ''\n", encoding="utf-8")
    (places / "fife.yml").write_text(
        "name: Fife\nkind: province\ncountry: United Kingdom\ncountry_code: GB\nlat: 56.25\nlon: -3.15\n"
        "description: ''\n", encoding="utf-8")
    (project / "content" / "articles" / "swan.md").write_text(
        "---\ntitle: Swan tests positive\nseed: swan.txt\ndate: 2008-03-01\nactors: []\nplaces:\n"
        "- id: balnacoil\n  mentions: [Balnacoil]\n  confidence: 0.9\n- id: fife\n  mentions: [Fife]\n"
        "  confidence: 0.9\nevents: []\n---\nA swan found in Balnacoil in Fife tested positive.\n", encoding="utf-8")
    site = tmp_path / "site"
    build_site(project, site)
    village = _html(site, "places/balnacoil")
    assert "56.2500, -3.1500 <span class=\"nr-within\">(those of Fife, which it lies in: no gazetteer knows its own)" \
        in village
    assert "nr-within" not in _html(site, "places/fife")
    exported = json.loads((site / "exports" / "places.geojson").read_text(encoding="utf-8"))
    within = {f["properties"]["id"]: f["properties"]["within"] for f in exported["features"]}
    assert within == {"balnacoil": "Fife", "fife": None}


def test_a_country_that_acts_and_is_a_place_has_one_page(tmp_path):
    import json

    # One story names Freedonia as territory, another as a state that acts: the annotator files
    # a place and a state actor. A reader finds one page, the country's, showing both: the
    # event it took part in and the one there, both articles; the state's URL sends readers on,
    # and every link to the state goes straight to the country's page.
    project = copy_project(tmp_path, with_content=False)
    content = project / "content"
    (content / "places" / "freedonia.yml").write_text(
        "name: Freedonia\nkind: country\ncountry: Freedonia\ncountry_code: FD\nlat: 10.0\nlon: 20.0\n"
        "description: ''\n", encoding="utf-8")
    (content / "actors" / "freedonia.yml").write_text(
        "name: Freedonia\nkind: state\ncountry: FD\naliases: [Freedonian government]\ndescription: ''\n",
        encoding="utf-8")
    (content / "actors" / "sylvania.yml").write_text(
        "name: Sylvania\nkind: state\ncountry: SY\ndescription: ''\n", encoding="utf-8")
    (content / "articles" / "floods.md").write_text(
        "---\ntitle: Floods close schools\nseed: floods.txt\ndate: 2020-03-02\nactors: []\nplaces:\n"
        "- id: freedonia\n  mentions: [Freedonia]\n  confidence: 0.9\nevents:\n"
        "- id: floods-protest\n  type: Protests\n  sub_type: Peaceful protest\n  place: freedonia\n"
        "  date: '2020-03-02'\n  evidence: Parents protested in Freedonia.\n  confidence: 0.9\n---\n"
        "Parents protested in Freedonia.\n", encoding="utf-8")
    (content / "articles" / "talks.md").write_text(
        "---\ntitle: Talks on the border\nseed: talks.txt\ndate: 2020-03-05\nactors:\n"
        "- id: freedonia\n  mentions: [Freedonian government]\n  confidence: 0.9\n"
        "- id: sylvania\n  mentions: [Sylvania]\n  confidence: 0.9\nplaces: []\nevents:\n"
        "- id: talks-statement\n  type: Statements\n  sub_type: Accusation\n  actors: [freedonia, sylvania]\n"
        "  date: '2020-03-05'\n  evidence: The Freedonian government accused Sylvania.\n  confidence: 0.9\n---\n"
        "The Freedonian government accused Sylvania.\n", encoding="utf-8")
    site = tmp_path / "site"
    build_site(project, site)
    country = _html(site, "places/freedonia")
    assert "<h1>Freedonia</h1>" in country and 'class="nr-state"' in country
    assert 'href="../../articles/floods/"' in country and 'href="../../articles/talks/"' in country
    assert "Peaceful protest" in country and "Accusation" in country
    assert "Freedonian government" in country  # how the state was written, under 'Also written'
    moved = _html(site, "actors/freedonia")
    assert '<meta http-equiv="refresh" content="0; url=../../places/freedonia/">' in moved
    assert 'href="../../places/freedonia/">Freedonian government</a>' in _html(site, "articles/talks")
    assert 'href="../places/freedonia/">Freedonia</a>' in _html(site, "actors")
    exported = {a["id"]: a["url"] for a in json.loads((site / "exports" / "actors.json").read_text(encoding="utf-8"))}
    assert exported == {"freedonia": "places/freedonia/", "sylvania": "actors/sylvania/"}
    # A state no place record of its country goes with keeps its own page.
    assert "<h1>Sylvania</h1>" in _html(site, "actors/sylvania")
    assert "nr-state" not in _html(site, "actors/sylvania")
    assert broken_links(site) == []
