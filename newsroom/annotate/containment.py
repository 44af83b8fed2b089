"""Which of two places a sentence names the text puts the other in, read from the parse: 'Hassanpur
village in Ludhiana', 'Gurguzu village of Igabi', 'Songkhla's Thepha district', 'Payak near Leer'.
The gazetteer reads the inner name near the outer one (`position_readings.areas_named`), and an
event named with both lies at the inner one (`events.details.most_precise`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .vocabulary import Lexicon


def _root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a token range [start, end) highest in the parse."""
    if start >= end:
        return None
    return min(doc[start:end], key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def _named(token: Token, lexicon: Lexicon) -> set[int]:
    """The tokens that stand for a place named by `token`: itself, and the kind or site word it
    names ('Hassanpur village', 'Thepha district', 'Manpur police station'; lexicon
    `place_kind_words`, `site_nouns`), which the parser makes the phrase's head. Not any noun:
    a 'Hollywood actress in Athens' puts no Hollywood in Athens."""
    out = {token.i}
    while token.dep_ in ("compound", "nmod") and token.head.i != token.i:
        head = token.head
        if head.lower_ not in lexicon.place_kind_words and head.lemma_.lower() not in lexicon.site_nouns \
                and not (head.dep_ == "compound" and head.head.lemma_.lower() in lexicon.site_nouns):
            break
        token = head
        out.add(token.i)
    return out


def area_anchor(doc: Doc, outer: tuple[int, int], lexicon: Lexicon) -> int | None:
    """The token a place named at token range `outer` hangs on as an area, if any: the word
    before a containing preposition ('in', 'of', 'near': lexicon `containing_prepositions`), or
    the word the place owns ("Songkhla's Thepha district")."""
    b = _root(doc, *outer)
    if b is None:
        return None
    b = doc[max(_named(b, lexicon))]  # the phrase the outer name heads ('Nalanda district')
    if b.dep_ == "poss":
        return b.head.i
    if b.dep_ == "pobj" and b.head.lower_ in lexicon.containing_prepositions:
        return b.head.head.i
    return None


def named_by(doc: Doc, inner: tuple[int, int], lexicon: Lexicon) -> set[int]:
    """The tokens an area can hang on to hold the place named at token range `inner`."""
    a = _root(doc, *inner)
    return set() if a is None else _named(a, lexicon)


def puts_in(doc: Doc, inner: tuple[int, int], outer: tuple[int, int], lexicon: Lexicon) -> bool:
    """Whether the text puts the place of token range `inner` in, or near, that of `outer`: the
    outer one hangs on the inner one (or on its kind word) by a containing preposition or as its
    owner (`area_anchor`). Not a place the inner one is reached from or joined to ('from Aleppo
    to Idlib')."""
    anchor = area_anchor(doc, outer, lexicon)
    return anchor is not None and not (outer[0] <= anchor < outer[1]) and anchor in named_by(doc, inner, lexicon)
