"""A club named after its town or county, acting in the prose of a sport report, is the club (an
actor of kind sports-body), not a place: 'Yorkshire beat Lancashire', 'he played for Nice',
'the Sussex captain'. A place named as where ('in Nice'), a national side, a dateline's town and
every place of a report that is not about sport stay places."""

from __future__ import annotations


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


def test_places_that_act_outside_a_sport_report_stay_places(annotator):
    for text in ["Floods\n\nSomerset was hit by floods on Monday, and Essex closed roads after the storm. The bomb "
                 "squad was called to a house in Leicester.\n",
                 "Business\n\nNewcastle beat Leeds to the new car plant, which will employ 2,000 people, the "
                 "company said. Shares rose 3%.\n"]:
        teams, _ = _read(annotator, text)
        assert teams == set(), text
