"""Article pages: the story, one sentence a line, with every mention linked to its page and
every event beside the sentence that supports it."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from ...content.records import ArticleRecord, EventRecord, Mention
from ..links import page_url, relative
from .base import _KIND_RANK, PageRenderer, link_mentions


class ArticlePages(PageRenderer):
    def article_page(self, article: ArticleRecord) -> str:
        url = page_url("articles", article.slug)
        links: list[tuple[str, str]] = []  # (mention text, href)
        for mention in article.mentions:
            href = relative(url, page_url(*self.page_of(mention.folder, mention.entity)))
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
