"""URLs of generated pages, and relative links between them (MkDocs directory URLs)."""

from __future__ import annotations

import posixpath


def page_url(section: str, slug: str | None = None) -> str:
    """'actors', 'hezbollah' -> 'actors/hezbollah/'; 'actors' -> 'actors/'."""
    return f"{section}/{slug}/" if slug else f"{section}/"


def src_uri(url: str) -> str:
    """The in-memory Markdown file behind a URL: 'actors/hezbollah/' -> 'actors/hezbollah.md'."""
    path = url.rstrip("/")
    return f"{path}/index.md" if path.count("/") == 0 else f"{path}.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + (from_url or "."))
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")
