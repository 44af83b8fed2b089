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


def puts_in(doc: Doc, inner: tuple[int, int], outer: tuple[int, int], lexicon: Lexicon) -> bool:
    """Whether the text puts the place of token range `inner` in, or near, that of `outer`: the
    outer one hangs on the inner one (or on its kind word) by a containing preposition ('in',
    'of', 'near': lexicon `containing_prepositions`) or as its owner ('Songkhla's Thepha
    district'). Not a place the inner one is reached from or joined to ('from Aleppo to Idlib')."""
    a, b = _root(doc, *inner), _root(doc, *outer)
    if a is None or b is None or a.i == b.i:
        return False
    named = _named(a, lexicon)
    b = b.doc[max(_named(b, lexicon))]  # the phrase the outer name heads ('Nalanda district')
    if b.dep_ == "poss":
        return b.head.i in named
    return (b.dep_ == "pobj" and b.head.lower_ in lexicon.containing_prepositions
            and b.head.head.i in named)
