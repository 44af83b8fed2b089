"""Violence a sentence names without telling it was done (newsroom/annotate/events/untold.py):
weapons named as goods, and violence under a condition or still to come. The texts are the
language of defence business, arms fairs and warnings, where no event happened, each beside
the report of one that did."""

from __future__ import annotations

# Every event read, whatever its confidence: a suggestion would still be a false alarm to review.
from tests.test_event_reading import _events, _kinds


def test_weapons_bought_sold_carried_or_shown_are_no_violence(annotator):
    for text in (
        "India signs jet deal\n\nNEW DELHI (Reuters) - India agreed on Friday to buy 36 French warplanes in a "
        "deal worth $8.7 billion, the defence ministry said.\n",
        "Arms maker grows\n\nThe company sells grenades, rifles and body armour to police forces across Europe, "
        "its chief executive said on Tuesday.\n",
        "Arms fair opens\n\nABU DHABI, Feb 17 (Reuters) - Hundreds of companies showed off tanks, drones and "
        "fighter jets at the opening of a defence exhibition on Sunday. Visitors watched a display of "
        "artillery and rocket launchers.\n",
        "Rebels talk of law\n\nThe fighter, carrying a grenade launcher, said the rebels would now impose "
        "Islamic law.\n",
    ):
        assert _events(annotator, text) == [], text


def test_weapons_used_are_still_violence(annotator):
    assert _kinds(annotator, "Market attacked\n\nMilitants hurled a grenade at a crowded market in the town "
                             "on Tuesday, wounding six people.\n") == [("Explosions/Remote violence", "Grenade")]
    assert _kinds(annotator, "Raids\n\nWarplanes bombed rebel positions near the town on Wednesday, killing "
                             "five fighters.\n") == [("Explosions/Remote violence", "Air/drone strike")]
    # armed with grenades, the rebels still attacked: the attack is the event
    assert [t for t, _ in _kinds(annotator, "Post attacked\n\nRebels armed with grenades and rifles attacked "
                                            "an army post on Sunday, officials said.\n")] != []
    # 'carried out' air strikes did them
    assert _kinds(annotator, "Strikes\n\nThe air force carried out air strikes on militant camps in the "
                             "north on Monday, the army said.\n") == [("Explosions/Remote violence",
                                                                       "Air/drone strike")]


def test_violence_under_a_condition_or_still_to_come_is_no_event(annotator):
    for text in (
        "Warning\n\nIf the talks fail, the army will launch air strikes against the rebels, the minister said.\n",
        "Standby\n\nTroops were on standby on Saturday in case militants attacked the town.\n",
        "Standby\n\nTroops were deployed in the event that militants attacked the town.\n",
        "Unclear\n\nIt was not known if any air strikes had hit the town.\n",
        "Drone maker\n\nIts drones can strike targets 100 km away, the company said on Monday.\n",
        "March\n\nProtesters will march to parliament on Friday, organisers said.\n",
    ):
        assert _events(annotator, text) == [], text


def test_violence_told_as_done_beside_a_forecast_or_a_likely_toll_is_still_an_event(annotator):
    # 'may have been killed': told as likely done, not foretold
    events = _events(annotator, "Clash\n\nPolice said three gunmen may have been killed in a clash with "
                                "soldiers on Monday.\n")
    assert [e["type"] for e in events] == ["Battles"]
    # the attack was done; only the next ones are foretold
    events = _events(annotator, "Post attacked\n\nTwo soldiers were killed on Monday when militants attacked "
                                "their post, and officials said more attacks would follow.\n")
    assert [e["type"] for e in events] == ["Battles"] and events[0]["fatalities"] == 2
    # 'during the event' opens no condition, nor 'in the event' alone (as it turned out)
    assert [e["type"] for e in _events(annotator, "Rally\n\nDuring the event protesters attacked police with "
                                                  "stones on Sunday.\n")] == ["Riots"]
    assert [e["type"] for e in _events(annotator, "Siege\n\nIn the event, gunmen attacked the police station "
                                                  "on Sunday and killed two officers.\n")] == ["Battles"]


def test_what_is_guarded_against_has_not_happened(annotator):
    assert _events(annotator, "Safe zone\n\nThe zone was set up in 1991 to protect villagers from attack by "
                              "government troops.\n") == []
