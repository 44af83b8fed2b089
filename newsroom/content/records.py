"""The archive's records: what one content file says, as plain data, before any page is made.

`ArticleRecord`, `Entity` and `EventRecord` are read from content/ by `loader`; the site, the
exports, `check` and `review` all read these, never the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sentence:
    anchor: str       # "s3": stable while the body's lines stay in place
    text: str


@dataclass
class Block:
    kind: str         # "p" | "h"
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Mention:
    entity: str       # entity id
    folder: str       # actors | places
    texts: list[str]
    role: str | None = None
    confidence: float | None = None  # the annotator's; None: an editor's entry, or one from before
    review: str | None = None        # an editor's decision: accepted | rejected
    suggested: bool = False          # below the threshold, shown only by the preview (serve)
    at: tuple[int, int] = field(default=(1, 1), compare=False, repr=False)  # its entry's line and column


@dataclass
class EventRecord:
    id: str
    article: str
    type: str
    sub_type: str
    actors: list[str]
    place: str | None
    when: str | None
    date: str | None
    precision: str | None
    fatalities: dict[str, Any] | None
    according_to: str | None
    status: str
    evidence: str
    anchor: str | None = None
    confidence: float | None = None  # as Mention's
    review: str | None = None
    suggested: bool = False
    page: str = field(default="", compare=False)  # the page it is shown on: one per real-world event
    at: tuple[int, int] = field(default=(1, 1), compare=False, repr=False)  # its id's line and column


@dataclass
class ArticleRecord:
    slug: str
    path: str
    title: str
    date: str | None
    meta: dict[str, Any]
    blocks: list[Block]
    actors: list[Mention]
    places: list[Mention]
    events: list[EventRecord]
    # What readers do not see: events and mentions below the confidence threshold that no
    # editor accepted, or that an editor rejected (`build.py review` lists them).
    held: list[EventRecord | Mention] = field(default_factory=list)
    # mention texts -> the first sentence naming one, filled in by the site's entity pages. It
    # lives as long as the record, which serve's read cache keeps while the file is unchanged:
    # an edit then quotes only the edited article again on the pages of thousands of reports.
    quotes: dict[tuple[str, ...], tuple[str, str] | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def mentions(self) -> list[Mention]:
        """Its actor mentions, then its place mentions."""
        return [*self.actors, *self.places]

    def sentence(self, anchor: str) -> str | None:
        for block in self.blocks:
            for s in block.sentences:
                if s.anchor == anchor:
                    return s.text
        return None


@dataclass
class Entity:
    slug: str
    folder: str       # actors | places
    path: str
    record: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.record.get("name") or self.slug)

    @property
    def kind(self) -> str:
        return str(self.record.get("kind") or "")



def article_order(article: ArticleRecord) -> tuple[int, str, str, str]:
    """Newest first, undated last, then by title; a total order (the slug decides ties), so
    an index patched after an edit sorts exactly as one built afresh."""
    return (0 if article.date else 1, "" if not article.date else _newest_first(article.date), article.title.lower(),
            article.slug)


def _newest_first(date: str) -> str:
    # Newest first, as a string key: invert each digit.
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def parse_body(body: str) -> list[Block]:
    """One sentence a line, blank lines between paragraphs, '## ' for subheadings."""
    blocks: list[Block] = []
    n = 0
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("## "):
            blocks.append(Block("h", lines[0][3:].strip()))
            continue
        sentences = []
        for line in lines:
            n += 1
            sentences.append(Sentence(f"s{n}", line))
        blocks.append(Block("p", sentences=sentences))
    return blocks

