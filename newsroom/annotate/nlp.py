"""Parsing with the language model (loaded by `newsroom.cli.loading`). Only the annotator
imports this module: the site side (and so `mkdocs serve`) never loads a model."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` cut into its readable stretches and the gaps between them: (piece, readable)."""
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        if start > position:
            out.append((text[position:start], False))
        out.append((text[start:end], True))
        position = end
    if position < len(text):
        out.append((text[position:], False))
    return out


def parse_many(nlp: Language, texts: list[str], spans: list[list[tuple[int, int]]], batch_size: int = 64) -> list[Doc]:
    """Parse each readable stretch of each text on its own, in one batched pass over all the
    articles, and join each article's pieces into one Doc whose text is exactly its text, so
    offsets stay those of the raw file.

    Parsing a title, a caption and each paragraph apart keeps the parser from reading across a
    line break ('Talks\n\nRussia accused...' as one sentence), which presetting sentence
    starts does not achieve: the parser then misplaces other boundaries. Gaps (blanked
    credits, line breaks) are only tokenised.
    """
    import numpy
    from spacy.tokens import Doc

    cut = [pieces(t, s) for t, s in zip(texts, spans, strict=True)]
    readable = [piece for article in cut for piece, is_readable in article if is_readable]
    parsed = iter(nlp.pipe(readable, batch_size=batch_size))
    docs = []
    for text, article in zip(texts, cut, strict=True):
        parts = [next(parsed) if is_readable else _blank(nlp, piece) for piece, is_readable in article]
        for part in parts:  # the tensors are not used after the parse; joining them would need equal widths
            part.tensor = numpy.zeros((len(part), 0), dtype="float32")
        doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
        doc.user_data["newsroom_text"] = text
        docs.append(doc)
    return docs


def _blank(nlp: Language, text: str) -> Doc:
    # Whitespace only: give it the pipeline's annotations trivially (no model run is needed,
    # but Doc.from_docs wants every part annotated alike).
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds `doc.text` from the tokens on every call."""
    text = doc.user_data.get("newsroom_text")
    if text is None:
        text = doc.user_data["newsroom_text"] = doc.text
    return text
