"""Words of violence used as figures in culture, business and sport news (events/figures.py
`metaphor`): what 'exploded' when a crowd or an amount did, and violence a work of fiction
tells. Each beside the literal report the same words make."""

from __future__ import annotations

# Every event read, whatever its confidence: a suggestion would still be a false alarm to review.
from tests.test_event_reading import _kinds


def test_a_crowd_a_person_or_an_amount_that_exploded_or_a_side_bombed_out_is_no_explosion(annotator):
    for text in (
        "Concert\n\nThe band played for two hours, and the crowd exploded when the singer returned for an encore.\n",
        "Boom\n\nSales of electric cars exploded in the first quarter, the company said on Monday. Its share price "
        "exploded after the report.\n",
        "Comeback\n\nShe exploded onto the scene with her debut album in 2019.\n",
        "Cricket\n\nThe bowler took five wickets for 20 runs as the hosts were bombed out for 95 on Sunday.\n",
    ):
        assert _kinds(annotator, text) == [], text


def test_a_bomb_a_mine_or_a_device_that_exploded_is_an_explosion(annotator):
    for text in (
        "Blast\n\nA bomb exploded near the market on Monday, killing two people, police said.\n",
        "Mine\n\nA mine exploded under a bus in the district on Tuesday, wounding four passengers.\n",
        "Device\n\nAn explosive device planted on a motorcycle exploded outside the police station, police said.\n",
    ):
        assert _kinds(annotator, text) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")], text


def test_violence_a_sentence_sets_in_a_work_of_fiction_is_no_event(annotator):
    assert _kinds(annotator, "New thriller\n\nThe thriller opens on Friday. In the novel it is based on, soldiers "
                             "massacre a village and a sniper shoots a priest.\n") == []
    # a series of attacks is no television series, wherever it stands
    assert _kinds(annotator, "Attacks\n\nTwelve people were killed in a series of attacks on villages on Monday, "
                             "police said.\n") == [("Violence against civilians", "Attack")]
    assert _kinds(annotator, "Attacks\n\nIn a series of attacks on Monday, militants killed 12 villagers.\n") \
        == [("Violence against civilians", "Attack")]
    # a place that opens the sentence sets nothing in fiction, though a cinema's
    assert _kinds(annotator, "Car park\n\nIn the cinema's car park, a man was shot dead on Saturday night, "
                             "police said.\n") == [("Violence against civilians", "Attack")]
    assert _kinds(annotator, "Shelling\n\nIn the town of Douma, shelling killed four civilians on Monday, "
                             "activists said.\n") == [("Explosions/Remote violence",
                                                       "Shelling/artillery/missile attack")]


def test_what_hackers_a_drug_or_a_golfer_attack_kill_or_shoot_is_no_violence(annotator):
    for text in (
        "Bank hacked\n\nHackers attacked the bank's servers on Monday, stealing the data of two million "
        "customers, the company said.\n",
        "New drug\n\nThe new drug attacks cancer cells without harming healthy tissue, researchers said on "
        "Tuesday.\n",
        "Open\n\nWoods shot a 66 on Sunday to win by three strokes. His rival fired a 70.\n",
    ):
        assert _kinds(annotator, text) == [], text
    # the same verbs of a bank, a checkpoint and people
    assert _kinds(annotator, "Raid\n\nGunmen attacked the bank on Monday, killing a guard, police said.\n") != []
    assert _kinds(annotator, "Checkpoint\n\nPolice shot two men at a checkpoint on Sunday, officials said.\n") != []


def test_violence_a_work_of_art_shows_is_no_event_but_violence_at_an_exhibition_is(annotator):
    assert _kinds(annotator, "Exhibition\n\nThe exhibition, which opened on Thursday, shows images of war and of "
                             "soldiers killed in battle.\n") == []
    assert _kinds(annotator, "Shooting\n\nA man was shot dead at the exhibition on Sunday, police said.\n") \
        == [("Violence against civilians", "Attack")]


def test_a_beasts_attack_and_a_clash_online_are_no_violence(annotator):
    for text in (
        "Park\n\nA hiker was mauled by a bear and killed in the national park on Friday, rangers said.\n",
        "Beach\n\nA shark attacked a surfer off the coast on Sunday, leaving him with leg injuries.\n",
        "Election\n\nThe two candidates met in a debate on Tuesday, and their supporters clashed online.\n",
    ):
        assert _kinds(annotator, text) == [], text
    # people who kill someone near a beast still do
    assert _kinds(annotator, "Park\n\nGunmen shot dead two rangers who were tracking a wounded elephant in the "
                             "park on Friday.\n") == [("Violence against civilians", "Attack")]


def test_a_play_that_tells_of_a_massacre_and_winds_that_kill_are_no_violence(annotator):
    for text in (
        "Theatre\n\nThe play, staged at the National Theatre on Friday, tells of a village massacred by soldiers "
        "in 1944.\n",
        "Weather\n\nStrong winds battered the coast on Tuesday, killing two people and cutting power to thousands "
        "of homes.\n",
    ):
        assert _kinds(annotator, text) == [], text
    # what rains on a town can be shells, and an attack in a gale is still one
    assert _kinds(annotator, "Shelling\n\nMilitants rained mortar shells on the town on Monday, killing four "
                             "civilians.\n") == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert _kinds(annotator, "Post\n\nGunmen attacked a police post on Monday, killing two officers, as strong "
                             "winds lashed the area.\n") == [("Battles", "Armed clash")]
