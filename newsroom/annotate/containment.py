"""Which of two places a sentence names the text puts the other in, read from the parse: 'Hassanpur
village in Ludhiana', 'Gurguzu village of Igabi', 'Songkhla's Thepha district', 'Payak near Leer'.
The gazetteer reads the inner name near the outer one (`position_readings.areas_named`), and an
event named with both lies at the inner one (`events.details.most_precise`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .vocabulary import Lexicon

SETTLEMENT_KINDS = ("city", "town", "village")  # kinds of place a kind word before 'of NAME' names NAME as


def _stands_for(token: Token, lexicon: Lexicon) -> set[int]:
    """The tokens that stand for a place named by `token`: itself, and the kind or site word it
    names ('Hassanpur village', 'Thepha district', 'Manpur police station'; lexicon
    `place_kind_words`, `site_nouns`), which the parser makes the phrase's head. Not any noun:
    a 'Hollywood actress in Athens' puts no Hollywood in Athens. Nor a town's kind word that names
    the town after its 'of' ('the Kandahar city of Spin Boldak' is a city in Kandahar, not
    Kandahar in that city), where an area's names the area ('the Fergana Valley region of
    Uzbekistan' lies in Uzbekistan)."""
    out = {token.i}
    while token.dep_ in ("compound", "nmod") and token.head.i != token.i:
        head = token.head
        if head.lower_ not in lexicon.place_kind_words and head.lemma_.lower() not in lexicon.site_nouns \
                and not (head.dep_ == "compound" and head.head.lemma_.lower() in lexicon.site_nouns):
            break
        if lexicon.place_kind_words.get(head.lower_) in SETTLEMENT_KINDS and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                for c in head.children):
            break
        token = head
        out.add(token.i)
    return out


def area_anchor(doc: Doc, outer: tuple[int, int], lexicon: Lexicon) -> int | None:
    """The token a place named at token range `outer` hangs on as an area, if any: the word
    before a containing preposition ('in', 'of', 'near': lexicon `containing_prepositions`), or
    the word the place owns ("Songkhla's Thepha district"); never a word of its own name. Not a
    place something is reached from or joined to ('from Aleppo to Idlib')."""
    if outer[0] >= outer[1]:
        return None
    b = doc[max(_stands_for(doc[outer[0]:outer[1]].root, lexicon))]  # the phrase it heads ('Nalanda district')
    anchor = b.head.i if b.dep_ == "poss" else (
        b.head.head.i if b.dep_ == "pobj" and b.head.lower_ in lexicon.containing_prepositions else None)
    return None if anchor is None or outer[0] <= anchor < outer[1] else anchor


def named_by(doc: Doc, inner: tuple[int, int], lexicon: Lexicon) -> set[int]:
    """The tokens an area can hang on to hold the place named at token range `inner`
    (`area_anchor`): the text puts that place in the area."""
    return set() if inner[0] >= inner[1] else _stands_for(doc[inner[0]:inner[1]].root, lexicon)
