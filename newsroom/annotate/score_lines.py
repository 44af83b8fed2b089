"""Sides in a table of results: a name followed by a score in a line of scores is a team, not a
place ('Newcastle 2 Liverpool 1', 'Sweden 1 Brazil 1', 'Barcelona 10 7 2 1 24 10 23').

Sport reports print results and standings as lines of names and small bare numbers. A town or a
country named there is the club or the national side that played, whatever the model or the
gazetteer says: an actor of kind sports-body, never a place where something happened. A line is
a table line when it holds two names each followed by a score, or one name followed by three
figures or more (a standings row). Persons stay persons ('Moody 5' is a batsman's score).

A line that is only a match's result ('Plymouth 2 Exeter 0') names two teams, whatever the model
read them as. A table one of whose sides is named after a place is a table of teams, every line
of it, and so is every other table of the report: the other names followed by a score (or by
their country in brackets and a score: 'Limoges (France) 8 4 4 12') are teams too, whatever the
model read them as or whether it read them at all ('Celta Vigo 12 6 3 3 20 14 21' below
'Valencia 12 7 2 3 25 15 23', 'Ottawa 2 BOSTON 4'). Not a name in brackets (a scorer and his
minute: 'Sevilla 2 (Luis Perez 24)'), and a name the model read as a person only where it
opens a standings row or a result line: a golfer's leaderboard names no place and stays a table
of persons.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate

# The labels of what the readers would otherwise take for a place.
PLACE_LABELS = frozenset({"COUNTRY", "GPE", "LOC", "PLACE", "NORP"})
SCORE_DIGITS = 2  # a score is one or two digits: '2', '10'; not a year, a price or a flight
TABLE_LINE_TOKENS = 40  # a line of a table, not a paragraph
RESULT_LINE_TOKENS = 12  # 'Borussia Moenchengladbach 2 Bayer Leverkusen 1' and shorter

Line = tuple[int, int]  # a text line's token range [start, end)
Name = tuple[int, int]  # a name's token range [start, end) within a line


def _score(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) <= SCORE_DIGITS


def _line_of(doc: Doc, i: int) -> Line:
    """The token range of the text line holding token i."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return start, end


def _lines(doc: Doc) -> list[Line]:
    """The token ranges of the text's lines, in order."""
    lines: list[Line] = []
    start = 0
    while start < len(doc):
        lines.append(_line_of(doc, start))
        start = lines[-1][1]
    return lines


def _score_after(doc: Doc, j: int) -> int | None:
    """The score right after a name ending before token j, or after its country in brackets
    ('Limoges (France) 8 4 4 12'): its token, if there is one."""
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 8, len(doc))) if doc[k].text == ")"), None)
        j = close + 1 if close is not None else len(doc)
    return j if j < len(doc) and _score(doc[j]) else None


def _table_line(doc: Doc, start: int, end: int) -> bool:
    """A short line without a verb, where two names are each followed by a score or one by three
    figures or more. Prose is no table: in 'Sao Paulo reported 327 deaths, and Rio de Janeiro 84'
    Rio is a city. A capitalised word the tagger took for a verb is a name's ('Racing Santander')."""
    if end - start > TABLE_LINE_TOKENS or any(doc[k].pos_ in ("VERB", "AUX") and not doc[k].text[:1].isupper()
                                              for k in range(start, end)):
        return False
    sides, run = 0, 0
    for k in range(start, end):
        token = doc[k]
        if _score(token) and k > start and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper():
            sides += 1
        run = run + 1 if token.like_num else 0
        if run >= 3 and k - run >= start and (doc[k - run].is_alpha or doc[k - run].text == ")"):
            return True
    return sides >= 2


def as_teams(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, those that name a side read as teams (label TEAM): in a table line, and the
    same name anywhere else in the article ('the match between Real Madrid and Barcelona' above
    'Barcelona 3 Valencia 0'): one name of a sport report names one side."""
    tables: dict[Line, bool] = {}
    sides: set[str] = set()
    for cand in candidates:
        j = cand.tokens[1]
        if cand.label in PLACE_LABELS and _score_after(doc, j) is not None:
            line = _line_of(doc, j)
            if line not in tables:
                tables[line] = _table_line(doc, *line)
            if tables[line]:
                sides.add(doc[cand.tokens[0]:j].text.casefold())
    lines = _lines(doc)
    results = _sides_of_results(doc, lines)
    sides |= {doc[i:j].text.casefold() for i, j in results}
    if not sides:
        return candidates
    out = [Candidate(c.start, c.end, "TEAM", None, "rule", c.tokens)
           if c.label in PLACE_LABELS and doc[c.tokens[0]:c.tokens[1]].text.casefold() in sides else c
           for c in candidates]
    for (i, j), opens_row in sorted(_sides_of_team_tables(doc, lines, tables, sides).items()):
        crossing = [c for c in out if c.tokens[0] < j and i < c.tokens[1]]
        if any(c.label == "PERSON" and not opens_row for c in crossing) and (i, j) not in results:
            continue  # a scorer or a player the model knows, not a standings row's side
        # what the readers made of the side's words (a town inside 'Racing Santander', 'NY
        # RANGERS 3 Toronto' read as one name) gives way to the side
        out = [c for c in out if c not in crossing]
        out.append(Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "TEAM", None, "rule", (i, j)))
    # a name that is a team in one line of the report is that team in every other
    teams = {doc[c.tokens[0]:c.tokens[1]].text.casefold() for c in out if c.label == "TEAM"}
    return sorted((Candidate(c.start, c.end, "TEAM", None, "rule", c.tokens)
                   if c.label == "PERSON" and doc[c.tokens[0]:c.tokens[1]].text.casefold() in teams else c
                   for c in out), key=lambda c: c.tokens)


def _sides_of_results(doc: Doc, lines: list[Line]) -> set[Name]:
    """The two sides of each line that is only a match's result, two names each followed by one
    score ('Plymouth 2 Exeter 0', 'Santos 2 Atletico Mineiro 1'): whatever the model read
    them as, two sides that played."""
    out: set[Name] = set()
    for line in lines:
        words = [k for k in range(*line) if not doc[k].is_space]
        if not 4 <= len(words) <= RESULT_LINE_TOKENS or not _score(doc[words[-1]]):
            continue
        named = _names_with_scores(doc, *line)
        covered = {k for i, j in named for k in range(i, j + 1)}  # each name and its score
        if len(named) == 2 and covered == set(words):
            out |= set(named)
    return out


def _sides_of_team_tables(doc: Doc, lines: list[Line], tables: dict[Line, bool], sides: set[str]) -> dict[Name, bool]:
    """Every name followed by a score, outside brackets, in the lines of the report's tables (table
    lines one after the other), when a side named after a place stands in one of them: its tokens
    -> whether it opens a standings row (three figures or more follow it)."""
    blocks: list[dict[Name, bool]] = [{}]  # each table's names
    for line in lines:
        if tables[line] if line in tables else _table_line(doc, *line):
            blocks[-1].update(_names_with_scores(doc, *line))
        elif blocks[-1]:
            blocks.append({})
    named: dict[Name, bool] = {}
    # a report prints one kind of table: once one of its tables is of teams, all are ('PACIFIC
    # DIVISION' under 'ATLANTIC DIVISION', whose cities the model read as places)
    if any(doc[i:j].text.casefold() in sides for found in blocks for i, j in found):
        for found in blocks:
            named.update(found)
    return named


def _names_with_scores(doc: Doc, start: int, end: int) -> dict[Name, bool]:
    """The runs of capitalised words followed by a score in the line, outside brackets: their
    tokens -> whether three figures or more follow (a standings row)."""
    out: dict[Name, bool] = {}
    depth, run = 0, start
    for k in range(start, end):
        token = doc[k]
        depth += token.text == "("
        depth -= token.text == ")" and depth > 0
        if depth or not (token.is_alpha and token.text[:1].isupper()):
            if token.text == "(" and depth == 1 and run < k and (score := _score_after(doc, k)) is not None \
                    and score < end:
                out[(run, k)] = run == start and _figures(doc, score, end) >= 3  # 'Limoges (France) 8 4 4 12'
            elif depth == 0 and _score(token) and run < k:
                out[(run, k)] = run == start and _figures(doc, k, end) >= 3
            run = k + 1
    return out


def _figures(doc: Doc, k: int, end: int) -> int:
    """How many figures stand one after the other from token k on."""
    figures = 0
    while k + figures < end and doc[k + figures].like_num:
        figures += 1
    return figures
