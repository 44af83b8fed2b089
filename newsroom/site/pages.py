"""Every generated page of the site, planned from the archive model and rendered on demand
with the Jinja templates in ``templates/``.

Pure apart from reading the templates and memoising each article's quotes on its record.
`plan()` lists every page with its front matter and a function that renders its HTML body:
MkDocs builds a page only when it writes it, so the bodies of 50,000 pages are never all in
memory at once, and `serve` renders only the pages an edit touched. Every value from content/
is escaped by Jinja's autoescape; mention links are built from escaped pieces only.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..content.archive import Archive
from ..content.records import ArticleRecord, Entity, EventRecord, Mention, article_order
from ..model import EVENT_TYPES
from ..resolve.review import review_pairs
from .links import page_url, relative, src_uri

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
        return "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in sorted(self.meta.items())) + "---\n"


def page_title(text: str) -> str:
    """A title safe for MkDocs/Material, which print page.title unescaped (and unescape it in
    <title>): no angle brackets at all, '&' escaped."""
    return html.escape(text.replace("<", "‹").replace(">", "›"), quote=False)


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


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _top(counts: Counter[tuple[str, str]], n: int,
         name: Callable[[tuple[str, str]], str]) -> list[tuple[tuple[str, str], int]]:
    """The `n` most frequent keys, ties by name: names are looked up for the leaders only."""
    if len(counts) > n:
        floor = sorted(counts.values(), reverse=True)[n - 1]
        counts = Counter({k: v for k, v in counts.items() if v >= floor})
    return sorted(counts.items(), key=lambda x: (-x[1], name(x[0]), x[0]))[:n]


FACET_VALUES = 500  # actors (and places) offered as search filters: those named in most articles
NEARBY_KM = 250
# Grid cells of 2.5 degrees of latitude (~280 km); columns shrink towards the poles, so a cell
# is at least NEARBY_KM wide up to 60 degrees north or south; beyond that a few far places in
# the same band can be missed, which a "nearby" list can afford.
CELL_DEGREES = 2.5
GRID_COLUMNS = int(360 / CELL_DEGREES)


def _cell(point: tuple[float, float]) -> tuple[int, int]:
    lat, lon = point
    return math.floor(lat / CELL_DEGREES), math.floor((lon % 360) / CELL_DEGREES)


def _coords(entity: Entity) -> tuple[float, float] | None:
    lat, lon = entity.record.get("lat"), entity.record.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lat), float(lon)
    return None


class SiteRenderer:
    def __init__(self, archive: Archive, templates_dir: Path,
                 bytecode_cache: jinja2.BytecodeCache | None = None) -> None:
        self.archive = archive
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True,
            trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache,
        )
        self.events_by_id = {e.id: e for e in archive.events}

    # ---------------------------------------------------------------- helpers for templates

    def _render(self, template: str, url: str, **context: Any) -> str:
        def link(target: str) -> str:
            return relative(url, target)

        def entity_link(folder: str, slug: str, name: Callable[[str, str], str] = self._entity_name) -> Markup:
            # A Python function, not a Jinja macro: entity pages call it a hundred times each.
            return Markup(f'<a href="{html.escape(relative(url, f"{folder}/{slug}/"))}">'
                          f'{html.escape(name(folder, slug), quote=False)}</a>')

        return self.env.get_template(template).render(
            link=link, entity_link=entity_link, page_url=page_url, archive=self.archive, kind_labels=KIND_LABELS,
            facet=self.facet, **context)

    def _entity_name(self, folder: str, slug: str) -> str:
        entity = self.archive.entity(folder, slug)
        return entity.name if entity else slug

    @functools.cached_property
    def facets(self) -> set[tuple[str, str]]:
        """The actors and places that are values of the search page's actor/place filter, and
        whose pages are in the search index: the FACET_VALUES named in most articles.
        Pagefind's UI loads every filter value with the first query, and every query loads a
        summary of every indexed page, so 20,000 one-article actors would cost every reader a
        megabyte; the articles naming them are found by the name, and link to their pages."""
        chosen: set[tuple[str, str]] = set()
        for name in ("actors", "places"):
            counts = [(-n, key) for key, n in self.archive.article_counts().items() if key[0] == name]
            chosen.update(key for _, key in sorted(counts)[:FACET_VALUES])
        return chosen

    def facet(self, folder: str, slug: str) -> bool:
        return (folder, slug) in self.facets

    def facets_json(self) -> str:
        """The search page's filter choices, names only: Pagefind loads a filter's page lists
        when a reader sets it, never all of them up front."""
        years = {d[:4] for d in [*(a.date for a in self.archive.articles.values()),
                                 *(e.date for e in self.archive.events)] if d}
        names = {folder: sorted({self._entity_name(folder, slug) for f, slug in self.facets if f == folder},
                                key=str.lower) for folder in ("actors", "places")}
        facets = {"kind": ["article", "actor", "place"],
                  "event type": [t for t in EVENT_TYPES if any(e.type == t for e in self.archive.events)],
                  "year": sorted(years, reverse=True), "actor": names["actors"], "place": names["places"]}
        return json.dumps(facets, ensure_ascii=False, sort_keys=True) + "\n"

    @functools.cached_property
    def grid(self) -> dict[tuple[int, int], list[tuple[tuple[float, float], Entity]]]:
        """Places with coordinates (not countries) by grid cell of about NEARBY_KM."""
        cells: dict[tuple[int, int], list[tuple[tuple[float, float], Entity]]] = defaultdict(list)
        for there, other in self._located:
            if other.kind != "country":
                cells[_cell(there)].append((there, other))
        return cells

    @functools.cached_property
    def _located(self) -> list[tuple[tuple[float, float], Entity]]:
        return [(there, place) for place in self.archive.places.values() if (there := _coords(place))]

    def nearby(self, place: Entity) -> list[tuple[int, Entity]]:
        """Places (not countries) within NEARBY_KM, nearest first: each page looks at its own
        grid cell and the adjacent ones."""
        here = _coords(place)
        if here is None:
            return []
        row, col = _cell(here)
        out = []
        for r in (row - 1, row, row + 1):
            for c in (col - 1, col, col + 1):
                for there, other in self.grid.get((r, c % GRID_COLUMNS), []):
                    if other.slug != place.slug and (distance := haversine_km(here, there)) <= NEARBY_KM:
                        out.append((round(distance), other))
        return sorted(out, key=lambda x: (x[0], x[1].slug))

    def listing_nearby(self, place: Entity) -> list[tuple[int, Entity]]:
        """The places whose "Nearby" list shows `place`: those near it, and the countries near
        it too (a country page lists the places near its point, but no list shows a country)."""
        here = _coords(place)
        if here is None or place.kind == "country":
            return []
        countries = [(round(d), other) for there, other in self._located
                     if other.kind == "country" and (d := haversine_km(here, there)) <= NEARBY_KM]
        return self.nearby(place) + countries

    def quote(self, article: ArticleRecord, texts: list[str]) -> tuple[str, str] | None:
        """The first sentence of `article` naming one of `texts`: (anchor, sentence)."""
        key = tuple(texts)
        if key not in article.quotes:
            article.quotes[key] = next(((sentence.anchor, sentence.text) for block in article.blocks
                                        for sentence in block.sentences
                                        if any(t and t in sentence.text and whole_words(t).search(sentence.text)
                                               for t in texts)), None)
        return article.quotes[key]

    # ---------------------------------------------------------------- pages

    def plan(self) -> dict[str, PlannedPage]:
        """Every page: src_uri -> its plan. Cheap: nothing is rendered yet."""
        # functools.partial, not `lambda a=article: ...`, which mypy cannot type; the calls still wait until needed.
        pages: list[PlannedPage] = []
        for article in self.archive.articles.values():
            pages.append(PlannedPage(page_url("articles", article.slug), ("articles", article.slug), article.path,
                                     functools.partial(page_meta, article.title),
                                     functools.partial(self.article_page, article)))
        for entity in [*self.archive.actors.values(), *self.archive.places.values()]:
            pages.append(PlannedPage(page_url(entity.folder, entity.slug), (entity.folder, entity.slug), entity.path,
                                     functools.partial(page_meta, entity.name,
                                                       feed=f"{entity.folder}/{entity.slug}/feed.xml"),
                                     functools.partial(self.entity_page, entity)))
        for event in self.archive.events:
            if event.page == event.id:  # one page per real-world event; the other reports share it
                pages.append(PlannedPage(page_url("events", event.id), ("events", event.id),
                                         self.archive.articles[event.article].path,
                                         functools.partial(self._event_meta, event),
                                         functools.partial(self.event_page, event)))
        pages.extend(self.index_pages())
        return {src_uri(page.url): page for page in pages}

    def redirects(self) -> dict[str, str]:
        """Old URLs -> small HTML pages sending the reader on: "actors/old/index.html" -> html."""
        out = {}
        moved = {f"events/{e.id}": f"events/{e.page}" for e in self.archive.events if e.page != e.id}
        for old, new in sorted({**self.archive.redirects, **moved}.items()):
            folder, slug = new.split("/", 1)
            name = self.event_title(self.events_by_id[slug]) if folder == "events" else self._entity_name(folder, slug)
            body = self.env.get_template("redirect.html").render(target=relative(old + "/", new + "/"), name=name)
            out[f"{old}/index.html"] = body  # an event's own URL keeps working too
        return out

    def article_page(self, article: ArticleRecord) -> str:
        url = page_url("articles", article.slug)
        links: list[tuple[str, str]] = []  # (mention text, href)
        for mention in article.mentions:
            href = relative(url, page_url(mention.folder, mention.entity))
            links.extend((t, href) for t in mention.texts)
        evidence_of: dict[str, list[EventRecord]] = defaultdict(list)
        for event in article.events:
            if event.anchor:
                evidence_of[event.anchor].append(event)
        blocks: list[dict[str, object]] = []  # what the template shows of each block
        for block in article.blocks:
            if block.kind == "h":
                blocks.append({"kind": "h", "text": block.text})
            else:
                blocks.append({"kind": "p", "sentences": [
                    {"anchor": s.anchor, "html": Markup(link_mentions(s.text, links)),
                     "events": evidence_of.get(s.anchor, [])} for s in block.sentences]})
        return self._render("article.html", url, article=article, blocks=blocks, meta=article.meta,
                            name=self._entity_name, actor_groups=self._by_kind(article.actors),
                            place_groups=self._by_kind(article.places))

    def _by_kind(self, mentions: list[Mention]) -> list[tuple[str, list[Mention]]]:
        """(kind, its mentions in the article's order), kinds in KIND_LABELS' order, others after."""
        groups: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            entity = self.archive.entity(mention.folder, mention.entity)
            groups[entity.kind if entity else "unknown"].append(mention)
        return sorted(groups.items(), key=lambda item: (_KIND_RANK.get(item[0], len(_KIND_RANK)), item[0]))

    def entity_page(self, entity: Entity) -> str:
        folder = entity.folder
        url = page_url(folder, entity.slug)
        reports = []
        seen_texts: Counter[str] = Counter()
        together: Counter[tuple[str, str]] = Counter()
        for article, mention in self.archive.mentions_of().get((folder, entity.slug), []):
            seen_texts.update(mention.texts)
            reports.append({"article": article, "quote": self.quote(article, mention.texts), "role": mention.role})
            for other in article.mentions:
                if (other.folder, other.entity) != (folder, entity.slug):
                    together[(other.folder, other.entity)] += 1
        field = "actors" if folder == "actors" else "place"
        events = self.archive.events_of().get((folder, entity.slug), [])
        events = sorted({e.page: self.events_by_id[e.page] for e in events}.values(),
                        key=lambda e: (e.date or "9999", e.id))  # one line per real-world event
        aliases = sorted({*seen_texts, *(a for a in entity.record.get("aliases") or [] if isinstance(a, str))}
                         - {entity.name})
        nearby = self.nearby(entity) if folder == "places" else []
        related = _top(together, 20, lambda key: self._entity_name(*key).lower())
        return self._render(f"{folder[:-1]}.html", url, entity=entity, record=entity.record, reports=reports,
                            events=events, aliases=aliases, nearby=nearby[:10], related=related,
                            name=self._entity_name, field=field)

    def event_page(self, event: EventRecord) -> str:
        url = page_url("events", event.id)
        article = self.archive.articles[event.article]
        return self._render("event.html", url, event=event, article=article, name=self._entity_name,
                            title=self.event_title(event), reports=self.archive.reports(event.page))

    def _event_meta(self, event: EventRecord) -> dict[str, Any]:
        return page_meta(self.event_title(event))

    def event_title(self, event: EventRecord) -> str:
        where = f" in {self._entity_name('places', event.place)}" if event.place else ""
        when = f", {event.date}" if event.date else ""
        return f"{event.sub_type or event.type}{where}{when}"

    def count(self) -> dict[str, int]:
        return {"articles": len(self.archive.articles), "actors": len(self.archive.actors),
                "places": len(self.archive.places), "events": len(self.archive.events)}

    def index_pages(self) -> list[PlannedPage]:
        def index(url: str, title: str, render: Callable[[], str], fingerprint: Callable[[], Any],
                  search: bool = True) -> PlannedPage:
            return PlannedPage(url, ("index", url), "mkdocs.yml", lambda: page_meta(title, search=search), render,
                               lambda: (self.count(), fingerprint()))

        return [
            index("", "Newsroom archive", self.home_page, lambda: self.article_rows[:30]),
            index("articles/", "Articles", self.articles_index, lambda: self.article_rows),
            index("actors/", "Actors", self.actors_index,
                  lambda: tuple((s, e.name, e.kind) for s, e in sorted(self.archive.actors.items()))),
            index("places/", "Places", self.places_index,
                  lambda: tuple((s, e.name, e.kind, str(e.record.get("country")))
                                for s, e in sorted(self.archive.places.items()))),
            index("events/", "Events", self.events_index, lambda: self.event_rows),
            index("timeline/", "Timeline", self.timeline_page, lambda: self.event_rows),
            index("map/", "Map", lambda: self._render("map.html", "map/", count=self.count(),
                                                      event_types=list(EVENT_TYPES)), tuple),
            index("search/", "Search", lambda: self._render("search.html", "search/"), tuple, search=False),
            index("review/", "Review", self.review_page, lambda: self.entity_records, search=False),
        ]

    # What the index pages (and the exports) show, as comparable rows: same rows, same page.
    # Each is made once per build: several pages share them.
    @functools.cached_property
    def article_rows(self) -> tuple[Any, ...]:
        return tuple((a.slug, a.title, a.date, len(a.actors), len(a.places), len(a.events))
                     for a in sorted(self.archive.articles.values(), key=article_order))

    @functools.cached_property
    def event_rows(self) -> tuple[Any, ...]:
        name = self._entity_name
        return tuple((e.id, e.page, e.type, e.sub_type, e.date, e.when, e.place and name("places", e.place),
                      tuple(name("actors", a) for a in e.actors), repr(e.fatalities),
                      e.according_to and name("actors", e.according_to), e.status, e.article, e.anchor, e.evidence,
                      self.archive.articles[e.article].meta.get("credit"))
                     for e in self.archive.events)

    @functools.cached_property
    def entity_records(self) -> tuple[Any, ...]:
        return tuple((e.folder, e.slug, repr(e.record))
                     for e in [*self.archive.actors.values(), *self.archive.places.values()])

    def data_rows(self) -> tuple[Any, ...]:
        """What events.csv/json/geojson, places.geojson and actors.json are made from."""
        return self.event_rows, self.entity_records

    def home_page(self) -> str:
        articles = sorted(self.archive.articles.values(), key=article_order)
        return self._render("home.html", "", articles=articles[:30], count=self.count())

    def articles_index(self) -> str:
        articles = sorted(self.archive.articles.values(), key=article_order)
        return self._render("articles_index.html", "articles/", articles=articles, count=self.count())

    def actors_index(self) -> str:
        by_kind: dict[str, list[Entity]] = defaultdict(list)
        for actor in self.archive.actors.values():
            by_kind[actor.kind].append(actor)
        for items in by_kind.values():
            items.sort(key=lambda e: (e.name.lower(), e.slug))
        kinds = sorted(by_kind, key=lambda k: _KIND_RANK.get(k, len(_KIND_RANK)))
        return self._render("actors_index.html", "actors/", by_kind=by_kind, kinds=kinds, count=self.count())

    def places_index(self) -> str:
        by_country: dict[str, list[Entity]] = defaultdict(list)
        for place in self.archive.places.values():
            country = place.record.get("country") or (place.name if place.kind == "country" else "Elsewhere")
            by_country[str(country)].append(place)
        for items in by_country.values():
            items.sort(key=lambda e: (e.kind != "country", e.name.lower(), e.slug))
        return self._render("places_index.html", "places/", by_country=dict(sorted(by_country.items())),
                            count=self.count())

    def events_index(self) -> str:
        events_by_type: dict[str, list[EventRecord]] = {t: [] for t in EVENT_TYPES}
        for event in self.archive.events:
            if event.page == event.id:
                events_by_type[event.type].append(event)
        for items in events_by_type.values():
            items.sort(key=lambda e: (e.date or "9999", e.id))
        return self._render("events_index.html", "events/", events_by_type=events_by_type, title=self.event_title,
                            name=self._entity_name, count=self.count())

    def timeline_page(self) -> str:
        pages_only = [e for e in self.archive.events if e.page == e.id]
        by_month: dict[str, list[EventRecord]] = defaultdict(list)
        for event in sorted(pages_only, key=lambda e: (e.date or "", e.id), reverse=True):
            by_month[event.date[:7] if event.date else "Undated"].append(event)
        months = sorted((m for m in by_month if m != "Undated"), reverse=True)
        months += ["Undated"] if "Undated" in by_month else []
        return self._render("timeline.html", "timeline/", by_month=[(m, by_month[m]) for m in months],
                            name=self._entity_name)

    def review_page(self) -> str:
        pairs = [*review_pairs("actors", {s: e.record for s, e in self.archive.actors.items()}),
                 *review_pairs("places", {s: e.record for s, e in self.archive.places.items()})]
        return self._render("review.html", "review/", pairs=pairs, name=self._entity_name)
