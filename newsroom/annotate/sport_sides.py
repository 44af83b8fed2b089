"""Sides named after places in the prose of a sport report: 'Northshire beat Westshire by eight
wickets', 'he played for Lyon', "Lyon's home defeat", 'the Northshire captain'. A club is named
after its town or county, and in a report of matches such a name that acts (a subject, an
object, an owner of a result), that a word of a side describes, or that the forms of a list of
fixtures or scorers name as a side ('Northshire (4) v Westshire (13)', 'Tom Reed (Northshire)')
is the club, an actor of kind sports-body, not a place where something happened. `score_lines`
reads the sides of tables of results; this reads those of running text.

Only in a sport report: the article uses the words of sport (domains.yaml `sport`) at least
`SPORT_WORDS` times and `SPORT_DENSITY` times per 100 words, counted as if it had 100 more words
that match nothing, so a short note that mentions a stadium is no sport report. A name after a
preposition of place ('in Lyon', 'at Northtown') or on a dateline stays a place, and so does a
country or a land that fields a national side though it is no state (lexicon `national_sides`):
a national side is named as its country, as CoNLL's annotators name it. A name read as a side
once is that side wherever else it stands, but after a preposition of place.

The model often reads a club named after its town as a person or an organisation ('Modena (7) v
Livorno (12)', 'Modena hope to end a run of defeats'), and the entity stage then finds the town. Such a name is
read as a side by the same forms when the gazetteer knows a big city by it, and it is no
player's: not a word of a longer person's name in the story ('Chris Sutton' keeps 'Sutton' a
person).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..text import name_key
from .candidate import Candidate
from .knowledge import Knowledge
from .nlp import first_conjunct, lemma_text
from .vocabulary import Lexicon

# Sport words per 100 words (with 100 neutral words added) from which an article is a sport
# report. Measured on 120 articles of each development set's tune half: no ACLED note, no BBC
# politics story and one GeoVirus story in 120 (a triathlon) reach 1.0; a third of the CoNLL
# newswire (its sport pages) does.
SPORT_DENSITY = 1.0
SPORT_WORDS = 3  # ... and at least this many: two in a short note ('the bomb squad', 'squad cars') make none
NEUTRAL_WORDS = 100
# What the readers would otherwise take for a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "PLACE"})
# What the model reads a town-named club as, besides a place.
OTHER_LABELS = frozenset({"PERSON", "ORG"})
# How a side acts in a sentence: it does or is done to (and it owns: "Lyon's defeat").
SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent"})


def is_sport_report(doc: Doc, knowledge: Knowledge) -> bool:
    pattern = knowledge.events.domains.patterns.get("sport")
    if pattern is None or not len(doc):
        return False
    hits = len(pattern.findall(lemma_text(doc[:])[0]))
    return hits >= SPORT_WORDS and 100.0 * hits / (len(doc) + NEUTRAL_WORDS) >= SPORT_DENSITY


def as_sides(doc: Doc, candidates: list[Candidate], knowledge: Knowledge,
             big_place: Callable[[str], bool] | None = None) -> list[Candidate]:
    """The candidates, those that name a side in a sport report's prose read as teams (TEAM). The
    report is counted only where a name might be a side: most articles name no place.
    `big_place`: whether the gazetteer knows a big city by the name (`Gazetteer.is_big_place`)."""
    labels = PLACE_LABELS | OTHER_LABELS if big_place is not None else PLACE_LABELS
    if not any(c.label in labels for c in candidates) or not is_sport_report(doc, knowledge):
        return candidates
    lexicon = knowledge.lexicon
    countries = {c.tokens for c in candidates if c.label == "COUNTRY"}
    persons = {c.tokens[1] for c in candidates if c.label == "PERSON"}  # where each person's name ends
    # The words of the story's names of persons of more than one word: a player's, not a club's.
    person_words = {t.lower_ for c in candidates if c.label == "PERSON" and c.tokens[1] - c.tokens[0] > 1
                    for t in doc[c.tokens[0]:c.tokens[1]]}

    def town_named(c: Candidate) -> bool:
        span = doc[c.tokens[0]:c.tokens[1]]
        return (big_place is not None and c.label in OTHER_LABELS and c.source == "ner"
                and not any(t.lower_ in person_words for t in span) and big_place(span.text))

    def placelike(c: Candidate) -> bool:
        key = name_key(doc[c.tokens[0]:c.tokens[1]].text)
        return (c.label in PLACE_LABELS or town_named(c)) and c.tokens not in countries \
            and key not in knowledge.country_by_key and key not in lexicon.national_sides

    sides = {doc[c.tokens[0]:c.tokens[1]].text.casefold() for c in candidates
             if placelike(c) and (_acts_as_side(doc[c.tokens[0]:c.tokens[1]].root, lexicon)
                                  or _listed_as_side(doc, *c.tokens, persons, lexicon))}
    if not sides:
        return candidates
    return [Candidate(c.start, c.end, "TEAM", None, "rule", c.tokens)
            if placelike(c) and doc[c.tokens[0]:c.tokens[1]].text.casefold() in sides
            and not _placed(doc[c.tokens[0]:c.tokens[1]].root, lexicon) else c
            for c in candidates]


def _acts_as_side(token: Token, lexicon: Lexicon) -> bool:
    """'Northshire beat Westshire', 'joined Lyon', "Lyon's defeat", 'played for Lyon', 'the
    Northshire captain', 'title rivals Northshire and Westshire'."""
    token = first_conjunct(token)
    if token.dep_ == "poss":  # "Lyon's home defeat", not "Lyon's efforts" (a city's government)
        return token.head.lemma_.lower() in lexicon.side_nouns | lexicon.result_nouns
    if token.dep_ in SIDE_DEPS:
        return True
    if token.dep_ == "pobj":  # 'played for Lyon', 'a win over Northshire'; not 'markets including Asia'
        return token.head.lower_ in lexicon.side_prepositions
    if token.dep_ in ("compound", "appos", "nmod"):
        # 'the Northshire captain', not 'both Lyon teams' (the town's) nor 'Lyon side Olympique'
        # (the side is the one named after the noun)
        head, after = token.head, token.doc[token.head.i + 1] if token.head.i + 1 < len(token.doc) else None
        return head.lemma_.lower() in lexicon.side_nouns and head.tag_ != "NNS" \
            and not (after is not None and after.pos_ == "PROPN")
    return False


def _listed_as_side(doc: Doc, start: int, end: int, persons: set[int], lexicon: Lexicon) -> bool:
    """The forms of a report's lists of fixtures and scorers, which the parse reads poorly: a side
    of a fixture ('Northshire (4) v Westshire (13)', 'Lyon vs. Nantes': lexicon fixture_words),
    and a player's side in brackets after the player's name ('13 - Tom Reed (Northshire)')."""
    at = end + 3 if _bracketed_number(doc, end) else end  # 'Northshire (4) v'
    if (at < len(doc) and doc[at].lower_ in lexicon.fixture_words) or (
            start > 0 and doc[start - 1].lower_ in lexicon.fixture_words):
        return True
    return (start >= 2 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
            and start - 1 in persons)


def _bracketed_number(doc: Doc, at: int) -> bool:
    """'(4)' from token `at`: a side's place in the table, given beside its name."""
    return at + 2 < len(doc) and doc[at].text == "(" and doc[at + 1].like_num and doc[at + 2].text == ")"


def _placed(token: Token, lexicon: Lexicon) -> bool:
    """'in Lyon', 'at Northtown': after a preposition of place; or a dateline's town, before its
    date ('LYON 2024-03-02')."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    token = first_conjunct(token)
    return (token.dep_ == "pobj" and token.head.lower_ in lexicon.locative) or (
        after is not None and after.ent_type_ == "DATE" and bool(token.is_sent_start))
