"""The reader's path in a real headless browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEED_SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def served(example_site: Path):
    """The built site on a loopback port, as any static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # `format`: the base class's name
        pass


@pytest.fixture(scope="module")
def page(served):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"no browser at {CHROMIUM}: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page()
        yield tab
        browser.close()


def test_from_a_mention_to_the_place_and_back_to_the_highlighted_evidence(page, served):
    page.goto(f"{served}/articles/{SEED_SLUG}/")
    assert page.locator("h1").first.inner_text() == "Syrian army captures key supply route in Deir Az Zor"
    # the mention itself, not the highway named after it ('Palmyra to Deir Az Zor highway')
    page.locator(".nr-body a[href$=\"places/deir-ez-zor/\"]", has_text="Deir Az Zor").first.click()
    page.wait_for_url(f"{served}/places/deir-ez-zor/")
    assert page.locator("h1").first.inner_text() == "Deir ez-Zor"
    quote = page.locator(f'.nr-reports a[href*="{SEED_SLUG}/#s"]').first
    anchor = quote.get_attribute("href").split("#", 1)[1]
    quote.click()
    page.wait_for_url(f"**/articles/{SEED_SLUG}/#{anchor}")
    target = page.locator(f"#{anchor}")
    assert "Deir" in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 243, 176)"


def test_article_index_and_event_evidence_in_the_browser(page, served):
    page.goto(f"{served}/articles/")
    links = page.locator(".nr-article-list a")
    assert links.count() >= 25
    page.goto(f"{served}/articles/{SEED_SLUG}/")
    evidence = page.locator(".nr-events a", has_text="evidence").first
    anchor = evidence.get_attribute("href").lstrip("#")
    evidence.click()
    assert page.locator(f"#{anchor}").evaluate("el => el.matches(':target')")


def test_search_for_hezbollah_filtered_to_events_finds_the_seed_article(page, served):
    loaded: list[str] = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.goto(f"{served}/search/")
    page.fill("#nr-q", "Hezbollah")
    page.wait_for_selector(".nr-result-link")

    def hrefs() -> list[str]:
        return [a.get_attribute("href") for a in page.locator(".nr-result-link").all()]

    def only_articles_left() -> None:  # results refresh asynchronously after a filter is set
        page.wait_for_function("""() => {
            const links = [...document.querySelectorAll('.nr-result-link')];
            return links.length > 0 && links.every(a => a.getAttribute('href').includes('/articles/'));
        }""")

    unfiltered = hrefs()
    assert any("/actors/hezbollah/" in h for h in unfiltered)  # its actor page is a result too
    # Neither the filter choices nor a filter's page lists load until the reader asks.
    assert not any(".pf_filter" in url or "facets.json" in url for url in loaded)
    page.locator(".nr-search-filters summary").click()
    page.locator(".nr-search-filters label", has_text="any event").locator("input").check()
    only_articles_left()
    assert any(f"articles/{SEED_SLUG}/" in h for h in hrefs())
    assert "result(s) for" in page.locator(".nr-search-status").inner_text()
    # One event type alone keeps that type's articles (a fresh page: the results start mixed).
    page.goto(f"{served}/search/")
    page.fill("#nr-q", "Hezbollah")
    page.wait_for_selector(".nr-result-link")
    page.locator(".nr-search-filters summary").click()
    page.locator(".nr-search-filters label", has_text="Battles").locator("input").check()
    only_articles_left()
    assert any(f"articles/{SEED_SLUG}/" in h for h in hrefs())
    page.goto(f"{served}/articles/{SEED_SLUG}/")
    assert page.locator(".nr-events a.nr-event-type", has_text="Battles").count() >= 1


def test_search_shows_ten_results_then_more_on_request(page, served):
    page.goto(f"{served}/search/")
    page.fill("#nr-q", "said")
    page.wait_for_selector(".nr-more")
    assert page.locator(".nr-result-link").count() == 10
    assert "the first 10 shown" in page.locator(".nr-search-status").inner_text()
    page.locator(".nr-more").click()
    page.wait_for_function("() => document.querySelectorAll('.nr-result-link').length > 10")


def test_search_by_an_actor_filter_keeps_only_articles_naming_it(page, served):
    page.goto(f"{served}/search/")
    page.locator(".nr-search-filters summary").click()
    page.wait_for_selector(".nr-search-filters[data-loaded=yes]")
    page.fill("#nr-q", "army")
    page.wait_for_selector(".nr-result-link")
    page.fill("#nr-actor", "Hezbollah")
    page.locator("#nr-actor").dispatch_event("change")
    page.wait_for_function("""() => {
        const links = [...document.querySelectorAll('.nr-result-link')];
        return links.length > 0 && links.length < 6;
    }""")
    hrefs = [a.get_attribute("href") for a in page.locator(".nr-result-link").all()]
    assert any(f"articles/{SEED_SLUG}/" in h for h in hrefs)


def test_archive_map_shows_a_marker_per_place_and_a_dot_per_event(page, served, example_site):
    import json

    features = json.loads((example_site / "exports" / "places.geojson").read_text(encoding="utf-8"))["features"]
    events = json.loads((example_site / "exports" / "events.geojson").read_text(encoding="utf-8"))["features"]
    page.goto(f"{served}/map/")
    page.wait_for_selector(".nr-archive-map[data-markers]")
    assert page.locator(".nr-archive-map .leaflet-marker-icon").count() == len(features) > 20
    dots = page.locator(".nr-archive-map path.nr-event-dot")
    assert dots.count() == len(events) > 10
    # A dot is coloured by its event type and opens a link to the event's page.
    battles = [e for e in events if e["properties"]["type"] == "Battles"]
    assert page.locator(".nr-archive-map path.nr-dot-1").count() == len(battles) > 0
    page.locator(".leaflet-control-layers-overlays label", has_text="Places").locator("input").uncheck()
    page.locator(".nr-archive-map path.nr-dot-1").first.click(force=True)
    href = page.locator(".leaflet-popup-content a").get_attribute("href")
    assert href.startswith("../events/") and (example_site / href[3:] / "index.html").exists()
    page.goto(f"{served}/places/deir-ez-zor/")
    page.wait_for_selector(".nr-map .leaflet-marker-icon")
    assert "35.3359, 40.1408" in page.locator(".nr-coords").first.inner_text()


AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("url", [f"/articles/{SEED_SLUG}/", "/actors/hezbollah/", "/places/deir-ez-zor/",
                                 "/articles/", "/actors/", "/events/", "/search/", "/map/"])
def test_no_serious_accessibility_violation(page, served, url):
    page.goto(f"{served}{url}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                       target: v.nodes[0].target.join(' ')}));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_a_script_in_an_article_runs_no_script(page, tmp_path):
    from .conftest import build_site, copy_project

    project = copy_project(tmp_path, with_content=False)
    (project / "content" / "articles" / "evil.md").write_text(
        "---\ntitle: '<script>window.pwned = 1</script>Evil'\nseed: e.txt\n"
        "dek: '<img src=x onerror=\"window.pwned = 2\">'\n---\n"
        "A <script>window.pwned = 3</script> sentence <img src=x onerror=\"window.pwned = 4\">.\n", encoding="utf-8")
    site = tmp_path / "site"
    build_site(project, site)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/articles/evil/")
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.pwned === undefined")
        assert "<script>window.pwned = 3</script>" in page.locator(".nr-body").inner_text()
    finally:
        server.shutdown()
