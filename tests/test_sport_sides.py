"""A club named after its town or county, acting in the prose of a sport report or named a side by
the form of its lists, is the club (an actor of kind sports-body), not a place: 'Yorkshire beat
Lancashire', 'he played for Nice', 'the Sussex captain', 'Leicester (4) v Southampton (13)'. A
place named as where ('in Nice'), a national side, a dateline's town and every place of a report
that is not about sport stay places."""

from __future__ import annotations

import pytest


def _read(annotator, text: str) -> tuple[set[str], set[str]]:
    ann = annotator(text)
    return {a.name for a in ann.actors if a.kind == "sports-body"}, {p.name for p in ann.places}


CRICKET = ("County cricket\n\nYorkshire beat Lancashire by eight wickets to go top of the county championship. "
           "Title rivals Durham closed in on victory, and the Sussex captain made a century in the match "
           "against Hampshire at Hove. The next round of matches will be played in Leeds.\n")


def test_a_county_acting_in_a_sport_report_is_its_club(annotator):
    teams, places = _read(annotator, CRICKET)
    assert {"Yorkshire", "Lancashire"} <= teams
    assert not teams & places
    assert "Leeds" in places  # where the matches are played


def test_a_town_a_player_played_for_is_the_club_but_where_the_squad_trained_is_the_town(annotator):
    teams, places = _read(annotator, "Football\n\nThe former goalkeeper, who played for Nice and Monaco in the "
                                     "first division, will coach the side after a poor season of matches. He "
                                     "trained the squad at the stadium in Marseille.\n")
    assert "Nice" in teams and "Nice" not in places
    assert "Marseille" in places and "Marseille" not in teams


def test_a_national_side_stays_its_country(annotator):
    teams, _ = _read(annotator, "Cricket\n\nEngland beat Australia by five wickets in the first test match "
                                "at Lord's, and the West Indies beat Pakistan in the tournament's other match.\n")
    assert not {"England", "Australia", "West Indies", "Pakistan"} & teams


# Places that act, a 'v' and names with places in brackets, outside sport: no clubs.
OUTSIDE_SPORT = {
    "floods": "Floods\n\nSomerset was hit by floods on Monday, and Essex closed roads after the storm. The bomb "
              "squad was called to a house in Leicester.\n",
    "business": "Business\n\nNewcastle beat Leeds to the new car plant, which will employ 2,000 people, the "
                "company said. Shares rose 3%.\n",
    "a court case": "Court\n\nThe judges cited the ruling in Leicester v Southampton, a dispute over a port levy, "
                    "and dismissed the appeal on Monday.\n",
    "members and their seats": "Parliament\n\nThe bill was opposed by Mark Evans (Leicester) and David Hughes "
                               "(Southampton), who said the port levy would cost jobs.\n",
}


@pytest.mark.parametrize("text", OUTSIDE_SPORT.values(), ids=OUTSIDE_SPORT.keys())
def test_places_outside_a_sport_report_stay_places(annotator, text):
    teams, _ = _read(annotator, text)
    assert teams == set(), text


# Lines of fixtures, whose sides the model reads as places ('Leicester') or, for many a town-named
# club, as a person or an organisation ('Modena' PERSON, 'Livorno' ORG): the same forms make each
# the club, the latter where the gazetteer knows a big city so named.
FIXTURES = {
    "read as places": ("Football\n\nThe first division matches this weekend, with the league positions in "
                       "brackets and kick-off times GMT:\nLeicester (4) v Southampton (13) 1500\nThe leaders face "
                       "a side still exultant after a win over the champions, and the manager has named an "
                       "unchanged team for the match.\n", {"Leicester", "Southampton"}),
    "read as a person and an organisation": (
        "Football\n\nSaturday's league fixtures, with each side's place in the table in brackets:\nModena (7) v "
        "Livorno (12) 1500\nModena hope to end a run of three defeats at home, and face a Livorno team unbeaten "
        "in five league matches.\n", {"Modena", "Livorno"}),
}


@pytest.mark.parametrize(("text", "clubs"), FIXTURES.values(), ids=FIXTURES.keys())
def test_the_sides_of_a_list_of_fixtures_are_clubs(annotator, text, clubs):
    # The parse reads a line of fixtures poorly; its form names the sides.
    teams, places = _read(annotator, text)
    assert clubs <= teams
    assert not clubs & places


def test_a_town_in_brackets_after_a_scorer_is_the_scorer_s_club(annotator):
    teams, places = _read(annotator, "Football\n\nThe leading scorers of the first division after the weekend's "
                                     "matches are Mark Evans (Leicester) with 13 goals and David Hughes "
                                     "(Southampton) with nine. The top team scored twice in the match.\n")
    assert {"Southampton", "Leicester"} <= teams and not {"Southampton", "Leicester"} & places


def test_a_player_named_like_a_city_stays_a_person(annotator):
    ann = annotator("Basketball\n\nTom Jackson scored 31 points and grabbed 12 rebounds as the home team won the "
                    "game 101-95. Jackson, who missed last week's match with an injury, made six of his seven "
                    "shots in the fourth quarter of the game.\n")
    assert {(a.name, a.kind) for a in ann.actors} == {("Tom Jackson", "person")}
    assert not ann.places
