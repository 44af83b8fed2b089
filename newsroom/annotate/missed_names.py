"""Place names the model missed, found by where they stand: after 'the town of' or before
'district' (`kind_word_names`), or where the text places a name the gazetteer knows
(`gazetteer_names`). Finding only: `entities` decides what each one is."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from .candidate import Candidate
from .nlp import tokens_lowered_as
from .vocabulary import Lexicon


def follows_placing_word(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """Token i comes right after 'in', 'to', 'near' ...: where a place is named."""
    return i > 0 and doc[i - 1].lower_ in lexicon.placing


def part_of(doc: Doc, ent: DocSpan, lexicon: Lexicon) -> bool:
    """Capitalised proper nouns right after 'area of', 'west of', 'the outskirts of' ..."""
    i = ent.start
    return (i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lexicon.part_of_place_words
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in ent))


def kind_word_names(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Capitalised names after 'the town of', 'the city of' ... that NER missed (al-Sukhna)."""
    out = []
    articles = tuple(f"{article}-" for article in lexicon.arabic_articles)
    for token in tokens_lowered_as(doc, lexicon.area_words):
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":  # 'the town of al-Sukhna'
            i = j = token.i + 2
            while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].text == "-"
                                    or doc[j].text.startswith(articles)):
                j += 1
            if j > i:
                span = doc[i:j]
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "rule", (i, j)))
        elif token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and token.is_lower \
                and token.dep_ != "compound":
            # 'in Feni town', 'Gomastapur upazila', 'Turbat district': a name its kind word follows,
            # whatever label the model gave it (the small model reads unfamiliar names as dates,
            # people or products). A capitalised kind word is part of a longer name instead
            # ('Walker County', 'Elgin City', 'South Coast Air Quality Management District'), and
            # one that modifies a noun names no place of its own ('Twickenham town centres').
            j = i = token.i
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
                i -= 1
                if i >= 2 and doc[i - 1].text in lexicon.arabic_articles and doc[i - 2].text[:1].isupper():
                    i -= 1  # 'Ain al Arab city', 'Ras el Ain town': a lower-case article inside the name
            if j > i:
                span = doc[i:j]
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "rule", (i, j)))
    return out


def gazetteer_names(doc: Doc, found: list[Candidate], known: Callable[[str], bool], lexicon: Lexicon,
                    placed: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Capitalised proper nouns no other finder took that `known` says name a place the gazetteer
    knows well ('the PTI intersection Khulna'): guesses, kept only if the gazetteer backs them.
    Where the text places the name ('in Rusape', 'at Feni', 'west of Beledweyne'), `placed`
    is enough: a smaller town of that very name, a region or a district (source 'placed'); the
    name may then be a capitalised word the model read as a common noun."""
    taken = {t for c in found for t in range(*c.tokens)}
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        where = (i > 0 and doc[i - 1].lower_ in lexicon.where_words) or (
            i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lexicon.part_of_place_words)
        if j == i and where and i not in taken and doc[i].pos_ == "NOUN" and doc[i].text[:1].isupper() \
                and doc[i].is_alpha and not doc[i].is_sent_start:
            j = i + 1  # 'In Rusape, residents ...': the model took the unknown name for a noun
        if j > i:
            span = doc[i:j]
            if known(span.text):
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "guess", (i, j)))
            elif where and placed is not None and not span.text.isupper() and placed(span.text):
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "placed", (i, j)))
        i = max(j, i + 1)
    return out
