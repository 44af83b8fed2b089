"""What every generated page shares: the page plan MkDocs is handed, the front matter, the
escaped mention links, and the renderer the pages of each kind extend.

Every value from content/ is escaped by Jinja's autoescape; mention links are built from
escaped pieces only.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ...content.archive import Archive
from ...content.records import ArticleRecord
from ...text import without_controls
from ..facets import SearchFacets
from ..geography import Nearby
from ..links import page_url, relative

KIND_LABELS = {
    "person": "People", "state": "States", "armed-force": "Armed forces", "armed-group": "Armed groups",
    "organisation": "Organisations", "government-body": "Government bodies",
    "international-body": "International bodies", "ngo": "NGOs", "monitor": "Monitors", "media": "Media",
    "political-party": "Political parties", "company": "Companies", "religious-body": "Religious bodies",
    "sports-body": "Sports bodies", "university": "Universities",
    # places, largest first
    "continent": "Continents", "country": "Countries", "region": "Regions", "province": "Provinces",
    "district": "Districts", "city": "Cities", "town": "Towns", "village": "Villages", "river": "Rivers",
    "road": "Roads", "landmark": "Landmarks", "place": "Other places",
}
_KIND_RANK = {kind: i for i, kind in enumerate(KIND_LABELS)}  # kinds listed in this order on a page


@dataclass
class PlannedPage:
    url: str                    # "actors/hezbollah/"
    key: tuple[str, str]        # what it shows: ("actors", slug), ("events", id), ("index", url)...
    source: str                 # the content file to blame if it cannot be rendered
    make_meta: Callable[[], dict[str, Any]]  # its front matter (title, search, feed), on demand
    render: Callable[[], str]   # its HTML body
    # For an index page: a summary of everything it shows, cheap to compute, so a serve
    # rebuild renders the page again only when that changes. None: compare nothing.
    fingerprint: Callable[[], Any] | None = None

    @functools.cached_property
    def meta(self) -> dict[str, Any]:
        # On demand: a serve rebuild needs the titles of the pages it writes, not of all 50,000.
        return self.make_meta()

    @property
    def markdown(self) -> str:
        """The page's Markdown source for MkDocs: front matter only; the body is HTML. JSON
        values are YAML flow scalars, and json is far quicker than a YAML dump per page."""
        return "---\n" + "".join(f"{key}: {yaml_json(value)}\n" for key, value in sorted(self.meta.items())) + "---\n"


# What a YAML reader refuses raw, or reads as a line break, in a double-quoted scalar.
_NOT_YAML_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def yaml_json(value: Any) -> str:
    """`value` as JSON that YAML reads back as the same value. Not json.dumps' default ASCII:
    it writes an emoji as a surrogate pair ("\\ud83d\\udd25"), which libyaml, MkDocs's
    reader, refuses, and MkDocs then silently drops the page's whole front matter (its title
    became the file name). Raw characters instead, with \\u escapes only for the few a YAML
    reader refuses raw or reads as a line break."""
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def page_title(text: str) -> str:
    """A title safe for MkDocs/Material, which print page.title unescaped (and unescape it in
    <title>): no angle brackets at all, '&' escaped, no control characters (the loader has
    reported them)."""
    return html.escape(without_controls(text).replace("<", "‹").replace(">", "›"), quote=False)


def page_meta(title: str, search: bool = True, feed: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": page_title(title)}
    if not search:
        meta["search"] = {"exclude": True}
    if feed:
        meta["feed"], meta["feed_title"] = feed, page_title(f"{title}: new articles")
    return meta


@functools.lru_cache(maxsize=65536)
def whole_words(text: str) -> re.Pattern[str]:
    """`text` as a pattern matching it as whole words only ('Assad' not in 'Assadi')."""
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")


def link_mentions(text: str, links: list[tuple[str, str]]) -> str:
    """Escape `text` and wrap each mention in a link, longer mentions first.
    links: (mention text, href). The links carry no class: a long article has hundreds, and
    the stylesheet styles them by where they sit (`.nr-body a`)."""
    spans: list[tuple[int, int, str]] = []
    for mention, href in sorted(links, key=lambda x: -len(x[0])):
        if not mention.strip() or mention not in text:
            continue
        for match in whole_words(mention).finditer(text):
            a, b = match.span()
            if all(b <= s or a >= e for s, e, _ in spans):
                spans.append((a, b, href))
    out, pos = [], 0
    for a, b, href in sorted(spans):
        out.append(html.escape(text[pos:a]))
        out.append(f'<a href="{html.escape(href)}">{html.escape(text[a:b])}</a>')
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


class PageRenderer:
    """The archive, the templates and the helpers every page's renderer uses."""

    def __init__(self, archive: Archive, templates_dir: Path,
                 bytecode_cache: jinja2.BytecodeCache | None = None) -> None:
        self.archive = archive
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True,
            trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache,
        )
        self.events_by_id = {e.id: e for e in archive.events}
        # A country that acts and the country as territory are one page, the place's: the page ->
        # the state actors it also shows.
        self.shown_with: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for actor, place in sorted(archive.country_pages().items()):
            self.shown_with.setdefault(("places", place), []).append(("actors", actor))
        self.search = SearchFacets(archive, self._entity_name)
        self.places_near = Nearby(archive)

    def _render(self, template: str, url: str, **context: Any) -> str:
        def link(target: str) -> str:
            return relative(url, target)

        def entity_link(folder: str, slug: str, name: Callable[[str, str], str] = self._entity_name) -> Markup:
            # A Python function, not a Jinja macro: entity pages call it a hundred times each.
            return Markup(f'<a href="{html.escape(relative(url, page_url(*self.page_of(folder, slug))))}">'
                          f'{html.escape(name(folder, slug), quote=False)}</a>')

        return self.env.get_template(template).render(
            link=link, entity_link=entity_link, page_url=page_url, archive=self.archive, kind_labels=KIND_LABELS,
            facet=self.search.facet, **context)

    def page_of(self, folder: str, slug: str) -> tuple[str, str]:
        return self.archive.page_of(folder, slug)

    def _entity_name(self, folder: str, slug: str) -> str:
        entity = self.archive.entity(folder, slug)
        return entity.name if entity else slug

    def quote(self, article: ArticleRecord, texts: list[str]) -> tuple[str, str] | None:
        """The first sentence of `article` naming one of `texts`: (anchor, sentence)."""
        key = tuple(texts)
        if key not in article.quotes:
            article.quotes[key] = next(((sentence.anchor, sentence.text) for block in article.blocks
                                        for sentence in block.sentences
                                        if any(t and t in sentence.text and whole_words(t).search(sentence.text)
                                               for t in texts)), None)
        return article.quotes[key]

    def count(self) -> dict[str, int]:
        return {"articles": len(self.archive.articles), "actors": len(self.archive.listed("actors")),
                "places": len(self.archive.listed("places")), "events": len(self.archive.events)}

