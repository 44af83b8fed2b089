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
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
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
    page.locator("a.nr-mention.nr-place", has_text="Deir Az Zor").first.click()
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
