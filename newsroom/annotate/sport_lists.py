"""Persons in the lists of sport results: the rows of results that give a competitor's country in
brackets before a time, a score or points ('3. Anna Berg (Sweden) 24.57', 'Tom Reed (U.S.) 68
70') or name two so in a head-to-head result ('Anna Berg (Sweden) beat Eva Lind (Norway) 6-4'),
the line-ups that number the players ('Northland: 1 - Tom Reed, 2 - Sam Dee, 3 - ...'), and a
cricket scorecard's batsmen, fielders and bowlers ('T. Reed c Dee b M. Sato 31', 'Sato
10-2-26-0').
The model reads such names, one after another with no sentence round them, as places,
organisations or nothing. A name there is a person, whatever the model read, unless a table of
teams already took it (`score_lines`: 'Lyon (France) 9 6 3 15' is a club's standings row).

Read in any story, not only one `sport_sides.is_sport_report` takes for sport: a short list of
results has few words of sport, and the forms are evidence enough. A row starts a line or
follows a rank ('3. '), a colon or a word of a result ('beat'), and its bracket holds a country,
as the knowledge base or a three-letter code writes it ('(FRA)'), not a party or a province: in
prose, 'Martinez (Buenos Aires) 12' is a town and its province in a sentence, not a row.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..text import name_key
from .candidate import Candidate
from .knowledge import Knowledge

NAME = r"(?:[A-Z]\. )?[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|de|van|von|der|da|di|del|le|la|al|el|bin))*"


@lru_cache(maxsize=4)
def result_row(result_verbs: frozenset[str]) -> re.Pattern[str]:
    """A row of results: an optional rank, a name, its country in brackets, then a figure; or either
    side of a head-to-head result, the words between them lexicon `result_verbs` ('Anna Berg
    (Sweden) beat Eva Lind (Norway) 6-4')."""
    verbs = sorted(result_verbs)
    start = "|".join(["^", r"(?<=\d\. )", r"(?<=\d=\. )", "(?<=: )", *(f"(?<={re.escape(v)} )" for v in verbs)])
    beat = "|".join(re.escape(v) for v in verbs)
    return re.compile(r"(?m)(?:" + start + r")(?P<name>" + NAME + r") \((?P<land>[^()\n]{2,30})\)"
                      r"(?= +(?:\d|(?:" + beat + r")(?!\w)))")


# A numbered player of a line-up: 'N - Name' at the start of a line or after a separator.
LINE_UP = re.compile(r"(?:^|(?<=[,;:(] ))\d{1,2} - (?P<name>" + NAME + r")")
LINE_UP_PLAYERS = 3  # numbered names on one line from which it is a line-up
# A cricket scorecard: a batting line ('T. Reed c Dee b M. Sato 31', 'A. Khan lbw b Sato 5', 'J. Li
# run out 7') and a bowler's figures, overs-maidens-runs-wickets ('Sato 10-2-26-0').
PLAYER = r"(?:[A-Z]\. )*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
BATTING = re.compile(r"(?m)^(?P<bat>" + PLAYER + r") (?:(?:c (?:(?P<c>" + PLAYER + r")|and) )?(?:st (?P<st>"
                     + PLAYER + r") )?(?:lbw )?b (?P<b>" + PLAYER + r")|run out|not out|retired hurt) \d+ *$")
BOWLING = re.compile(r"(?P<name>" + PLAYER + r") \d+(?:\.\d)?-\d+-\d+-\d+\b")
SCORECARD_LINES = 2  # batting lines, or bowlers' figures, from which a text holds a scorecard


def list_persons(doc: Doc, candidates: list[Candidate], knowledge: Knowledge, text: str) -> list[Candidate]:
    """The candidates, with the persons of the text's rows of results, line-ups and scorecards as
    PERSON."""
    names: list[tuple[int, int]] = []
    for match in result_row(knowledge.lexicon.result_verbs).finditer(text):
        land = match.group("land").strip()
        country = name_key(land) in knowledge.country_by_key or (land.isupper() and len(land) == 3 and land.isalpha())
        if country and name_key(match.group("name")) not in knowledge.country_by_key:
            names.append(match.span("name"))
    for line in re.finditer(r"[^\n]+", text):
        players = list(LINE_UP.finditer(line.group()))
        if len(players) >= LINE_UP_PLAYERS:
            names += [(line.start() + m.start("name"), line.start() + m.end("name")) for m in players]
    batting = list(BATTING.finditer(text))
    if len(batting) >= SCORECARD_LINES:
        names += [m.span(g) for m in batting for g in ("bat", "c", "st", "b") if m.group(g)]
    bowling = list(BOWLING.finditer(text))
    if len(bowling) >= SCORECARD_LINES:
        names += [m.span("name") for m in bowling]
    out = list(candidates)
    for start, end in names:
        crossing = [c for c in out if c.start < end and start < c.end]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(c.label == "TEAM" for c in crossing):
            continue
        out = [c for c in out if c not in crossing]
        out.append(Candidate(start, end, "PERSON", None, "rule", (span.start, span.end)))
    return sorted(out, key=lambda c: c.tokens)
