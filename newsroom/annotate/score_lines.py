"""Sides in a table of results: a name followed by a score in a line of scores is a team, not a
place ('Newcastle 2 Liverpool 1', 'Sweden 1 Brazil 1', 'Barcelona 10 7 2 1 24 10 23').

Sport reports print results and standings as lines of names and small bare numbers. A town or a
country named there is the club or the national side that played, whatever the model or the
gazetteer says: an actor of kind sports-body, never a place where something happened. A line is a table line
when it holds two names each followed by a score, or one name followed by three figures or more
(a standings row). Persons stay persons ('Moody 5' is a batsman's score).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate

# The labels of what the readers would otherwise take for a place.
PLACE_LABELS = frozenset({"COUNTRY", "GPE", "LOC", "PLACE", "NORP"})
SCORE_DIGITS = 2  # a score is one or two digits: '2', '10'; not a year, a price or a flight
TABLE_LINE_TOKENS = 40  # a line of a table, not a paragraph


def _score(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) <= SCORE_DIGITS


def _line_of(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the text line holding token i."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return start, end


def _table_line(doc: Doc, start: int, end: int) -> bool:
    """A short line without a verb, where two names are each followed by a score or one by three
    figures or more. Prose is no table: in 'Sao Paulo reported 327 deaths, and Rio de Janeiro 84'
    Rio is a city."""
    if end - start > TABLE_LINE_TOKENS or any(doc[k].pos_ in ("VERB", "AUX") for k in range(start, end)):
        return False
    sides, run = 0, 0
    for k in range(start, end):
        token = doc[k]
        if _score(token) and k > start and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper():
            sides += 1
        run = run + 1 if token.like_num else 0
        if run >= 3 and k - run >= start and doc[k - run].is_alpha:
            return True
    return sides >= 2


def as_teams(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, those that name a side read as teams (label TEAM): in a table line, and the
    same name anywhere else in the article ('the match between Real Madrid and Barcelona' above
    'Barcelona 3 Valencia 0'): one name of a sport report names one side."""
    tables: dict[tuple[int, int], bool] = {}
    sides: set[str] = set()
    for cand in candidates:
        j = cand.tokens[1]
        if cand.label in PLACE_LABELS and j < len(doc) and _score(doc[j]):
            line = _line_of(doc, j)
            if line not in tables:
                tables[line] = _table_line(doc, *line)
            if tables[line]:
                sides.add(doc[cand.tokens[0]:j].text.casefold())
    if not sides:
        return candidates
    return [Candidate(c.start, c.end, "TEAM", None, "rule", c.tokens)
            if c.label in PLACE_LABELS and doc[c.tokens[0]:c.tokens[1]].text.casefold() in sides else c
            for c in candidates]
