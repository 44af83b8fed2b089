"""The annotator: a raw article in, actors, places and events with offsets out.

`Annotator.pipe` is a pure function of the texts, the dates and the knowledge base (plus the
loaded model); nothing here touches the disk: `newsroom.cli.loading` loads what it needs.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor, Annotation, Layout, Place, Span
from ..read.layout import read_layout
from ..text import as_read
from .dates import parse_date_line
from .entities import build_entities
from .events import find_events
from .gazetteer import Gazetteer
from .knowledge import Knowledge
from .mentions import find_candidates, select
from .nlp import parse_many, text_of
from .setting import filed_from_setting


class Annotator:
    """Holds what is costly to load (model, gazetteer) so many articles share it."""

    def __init__(self, knowledge: Knowledge, nlp: Language, gazetteer: Gazetteer) -> None:
        self.shipped = knowledge  # what it was built with; an archive's entities go on top of this
        self.knowledge = knowledge
        self.nlp = nlp
        self.gazetteer = gazetteer

    def use_knowledge(self, knowledge: Knowledge) -> None:
        """Swap in a knowledge base."""
        self.knowledge = knowledge
        self.gazetteer.knowledge = knowledge

    def use_archive(self, extend: Callable[[Knowledge], Knowledge]) -> None:
        """The knowledge it was built with plus an archive's entities (`extend` adds them), never
        the entities of an archive it read before: one process that reads two archives, or one
        archive again after an editor removed an alias, reads each as it is now."""
        self.use_knowledge(extend(self.shipped))

    def __call__(self, raw: str, date: str | None = None) -> Annotation:
        return self.pipe([raw], [date])[0]

    def pipe(self, raws: list[str], dates: list[str | None] | None = None, chunk: int = 64) -> list[Annotation]:
        """Annotate many articles; the model parses their text in batched passes of `chunk`
        articles (parsed Docs are dropped after each chunk, so memory stays flat)."""
        dates = dates or [None] * len(raws)
        out: list[Annotation] = []
        for at in range(0, len(raws), chunk):
            part, part_dates = raws[at:at + chunk], dates[at:at + chunk]
            layouts = [read_layout(raw, self.knowledge.patterns.layout) for raw in part]
            spans = [[(s.start, s.end) for s in layout.readable] for layout in layouts]
            docs = parse_many(self.nlp, [masked_text(r, lay) for r, lay in zip(part, layouts, strict=True)], spans)
            out += [annotate_parsed(raw, layout, doc, self, date)
                    for raw, layout, doc, date in zip(part, layouts, docs, part_dates, strict=True)]
        return out


def masked_text(raw: str, layout: Layout) -> str:
    """The raw text with everything but the readable stretches blanked out, offsets unchanged:
    credits, datelines and READ MORE lines never reach the model. Windows-1252 quotes misread as
    control characters are read as quotes, and no-break and other space separators as spaces
    (`text.as_read`)."""
    chars = [c if c == "\n" else " " for c in raw]
    for span in layout.readable:
        chars[span.start:span.end] = raw[span.start:span.end]
    return as_read("".join(chars))


def sentences_of(doc: Doc, layout: Layout) -> list[Span]:
    """The parser's sentences, but one that opens with a lower-case letter or a bracket round a
    date or a number, or that follows one with no stop at its end, goes on the sentence before it
    on the same line of the same block: the parser cuts before '[25 August] in cross-border
    firing in X', after an abbreviation or before a name it takes for a new start ('smuggling
    illegal | Khat in X town'), and the two halves mean nothing apart. '(This was part of the
    strike.)' stays a sentence of its own; a dateline ('ST. LOUIS –') is a block of its own."""
    view = text_of(doc)  # the model's view: the raw text with what is not read blanked out
    out: list[Span] = []
    for sent in doc.sents:
        whole = view[sent.start_char:sent.end_char]  # `sent.text` would make a Token of each of its words
        text = whole.strip()
        if not text:
            continue
        start = sent.start_char + (len(whole) - len(whole.lstrip()))
        span = Span(start, start + len(text), text)
        block = next((r for r in layout.readable if r.start <= span.start and span.end <= r.end), None)
        if block is None:
            continue
        goes_on = text[0].islower() or (text[0] in "[(" and text[1:2].isalnum() and not text[1].isupper())
        # Running text ends a sentence in a stop, a quote or a bracket, not a word or a comma.
        goes_on = goes_on or bool(out and (out[-1].text[-1].isalnum() or out[-1].text[-1] == ","))
        if out and goes_on and block.start <= out[-1].start and "\n" not in view[out[-1].end:span.start]:
            out[-1] = Span(out[-1].start, span.end, view[out[-1].start:span.end])
        else:
            out.append(span)
    return out


def annotate_parsed(raw: str, layout: Layout, doc: Doc, annotator: Annotator, date: str | None = None) -> Annotation:
    """Everything after the parse: mentions, entities, events (pure given the parsed Doc)."""
    readable = [(s.start, s.end) for s in layout.readable]
    filed_from = [(s.start, s.end) for s in layout.filed_from_spans]
    found = find_candidates(doc, annotator.nlp, annotator.knowledge, readable, filed_from,
                            annotator.gazetteer.is_big_place, annotator.gazetteer.is_named_place)
    selected = select(found, text_of(doc))
    setting = filed_from_setting(layout, annotator.gazetteer)
    story = [span for kind, span in layout.blocks if kind == "p"]
    actors, places = build_entities(doc, selected, annotator.knowledge, annotator.gazetteer, setting,
                                    [(span.start, span.end) for span in story])
    entities: list[Actor | Place] = [*actors, *places]
    knowledge = annotator.knowledge
    article_date = date or parse_date_line(layout.dateline, knowledge) or parse_date_line(layout.filed_on, knowledge)
    sentences = sentences_of(doc, layout)
    story_sentences = [s for s in sentences if any(b.start <= s.start and s.end <= b.end for b in story)]
    events = find_events(doc, story_sentences, actors, places, article_date, annotator.knowledge, story)
    # Read on the model's view of the text; handed out as stretches of the raw text, whose
    # no-break spaces and Windows quotes the view changed one for one.
    for entity in entities:
        entity.mentions = [_raw(raw, m) for m in entity.mentions]
    for event in events:
        event.evidence = _raw(raw, event.evidence)
    return Annotation(layout, [_raw(raw, s) for s in sentences], actors, places, events, article_date)


def _raw(raw: str, span: Span) -> Span:
    return span if raw[span.start:span.end] == span.text else Span(span.start, span.end, raw[span.start:span.end])
