"""URLs of generated pages, and relative links between them (MkDocs directory URLs)."""

from __future__ import annotations

import posixpath
import re


def page_url(section: str, slug: str | None = None) -> str:
    """'actors', 'hezbollah' -> 'actors/hezbollah/'; 'actors' -> 'actors/'."""
    return f"{section}/{slug}/" if slug else f"{section}/"


def src_uri(url: str) -> str:
    """The in-memory Markdown file behind a URL: 'actors/hezbollah/' -> 'actors/hezbollah.md'."""
    path = url.rstrip("/")
    if not path:
        return "index.md"
    return f"{path}/index.md" if path.count("/") == 0 else f"{path}.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs
    ('actors/a/' -> 'actors/b/#x' gives '../b/#x'). Called a few hundred thousand times per
    build, so it works on path segments rather than through posixpath.relpath."""
    target, _, fragment = to_url.partition("#")
    here = [part for part in from_url.split("/") if part]
    there = [part for part in target.split("/") if part]
    common = 0
    for a, b in zip(here, there[:-1] if not target.endswith("/") else there, strict=False):  # up to the shorter
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if not rel:
        rel = "./"
    elif target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


# Written after MkDocs, by `pagefind --site site` (build.py build).
WRITTEN_AFTER = ("pagefind/",)
HREF_RE = re.compile(r'(?:href|src)="([^"]*)"')


def broken_links(html: str, url: str, known: set[str]) -> list[str]:
    """The site-relative links in a page's HTML (href/src) that lead to no file of the site.
    `known` holds every file's URL ('actors/x/', 'exports/events.csv'). MkDocs checks the links
    it renders from Markdown; generated pages are HTML, so they are checked here."""
    broken = []
    for href in dict.fromkeys(HREF_RE.findall(html)):
        target = href.split("#", 1)[0].split("?", 1)[0]
        if not target or ":" in target or target.startswith("//"):
            continue  # same page, or another site (https:, mailto:)
        resolved = posixpath.normpath(posixpath.join("/" + url, target)).lstrip("/")
        if resolved and target.endswith("/"):
            resolved += "/"
        if resolved.endswith("index.html"):
            resolved = resolved[: -len("index.html")]
        if resolved not in known and resolved + "/" not in known and not resolved.startswith(WRITTEN_AFTER):
            broken.append(href)
    return broken
