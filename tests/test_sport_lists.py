"""Persons in the lists of sport results: rows of results that give a competitor's country in
brackets before a figure or on either side of 'beat', numbered line-ups and cricket scorecards.
The model reads such names as places, organisations or nothing. A club's standings row and a
candidate's party in brackets are no such row."""

from __future__ import annotations


def _actors(annotator, text: str) -> dict[str, str]:
    return {a.name: a.kind for a in annotator(text).actors}


def test_a_competitor_in_a_row_of_results_is_a_person(annotator):
    actors = _actors(annotator, "SKIING - RESULTS\n\nResults of the World Cup event on Friday:\n"
                                "1. Anna Berg (Sweden) 25.76 points\n2. Jean-Luc Marchand (Canada) 24.40\n"
                                "3. Tove Lind (NOR) 23.92\n4. Jim Marlow (U.S.) 23.25\n")
    for name in ("Anna Berg", "Jean-Luc Marchand", "Tove Lind", "Jim Marlow"):
        assert actors.get(name) == "person", (name, actors)


def test_both_sides_of_a_head_to_head_result_are_persons(annotator):
    # the model reads 'Lin' alone, 'Hana Sato' as a building and 'Nina Petrova' as an organisation
    actors = _actors(annotator, "BADMINTON - RESULTS\n\nSemifinal results of the open on Saturday: Sun Wei "
                                "(China) beat Gong Lin (Denmark) 11-8 11-3\nCamille Roux (France) beat Hana Sato "
                                "(Japan) 15-6 15-8\nLars Holm (Sweden) beat Nina Petrova (Russia) 15-9 15-10\n")
    for name in ("Sun Wei", "Gong Lin", "Camille Roux", "Hana Sato", "Lars Holm", "Nina Petrova"):
        assert actors.get(name) == "person", (name, actors)


def test_the_numbered_players_of_a_line_up_are_persons(annotator):
    actors = _actors(annotator, "Soccer\n\nNorthland beat Westland 2-1 on Friday.\n\nNorthland: 19 - Kenji Sato, "
                                "2 - Hiro Yana, 3 - Naoki Sora, 4 - Masa Ihara.\n")
    for name in ("Kenji Sato", "Hiro Yana", "Naoki Sora", "Masa Ihara"):
        assert actors.get(name) == "person", (name, actors)


def test_rows_that_are_no_competitor_s_stay_as_they_were(annotator):
    # a club's standings row, a table of teams named after towns
    actors = _actors(annotator, "BASKETBALL - STANDINGS\n\nStandings after Thursday's games (played, won, lost, "
                                "points):\nLyon (France) 9 6 3 15\nBologna (Italy) 9 4 5 13\nMalaga (Spain) 9 2 7 11\n")
    assert not any(kind == "person" for kind in actors.values()), actors
    # a party in brackets: its candidate is read by the model alone, the party stays a party
    actors = _actors(annotator, "Election\n\nResults in the ward:\nJohn Smith (Labour) 1,234\nMary Jones "
                                "(Conservative) 1,001\n")
    assert actors.get("Labour Party") == "political-party"


def test_a_cricket_scorecard_s_batsmen_fielders_and_bowlers_are_persons(annotator):
    actors = _actors(annotator, "CRICKET - SCOREBOARD\n\nScoreboard of the one-day match on Friday:\nNorthland\n"
                                "T. Reed c Dee b M. Sato 31\nA. Khan lbw b Sato 5\nJ. Li run out 7\n"
                                "P. Moss c Okoro b Vance 12\n\nBowling: Vance 10-2-26-1, M. Sato 9-0-39-2.\n")
    for name in ("T. Reed", "Dee", "M. Sato", "A. Khan", "J. Li", "P. Moss", "Okoro", "Vance"):
        assert any(kind == "person" and (n == name or name in n.split(" ")) for n, kind in actors.items()), \
            (name, actors)

