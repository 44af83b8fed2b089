"""How the annotator reads events from small real-world sentences: which trigger decides a
sentence, what is only urged or denied, statements and diplomacy, and who is a side."""

from __future__ import annotations

import pytest

from newsroom.cli.annotation_json import annotation_json


def _events(annotator, text: str, date: str | None = None) -> list[dict]:
    # Every event read, whatever its confidence: these tests are about reading, not publishing.
    return annotation_json("x", annotator(text, date), threshold=0.0)["events"]


def _types(annotator, text: str) -> list[str]:
    return [e["type"] for e in _events(annotator, text)]


def _kinds(annotator, text: str) -> list[tuple[str, str]]:
    return [(e["type"], e["sub_type"]) for e in _events(annotator, text)]


def _no_events(annotator, *texts: str) -> None:
    for text in texts:
        assert _events(annotator, text) == [], text


def _one(events: list[dict], words: str) -> dict:
    found = [e for e in events if words in e["evidence"]["text"]]
    assert len(found) == 1, [e["evidence"]["text"] for e in events]
    return found[0]


def test_the_main_clause_decides_the_type_not_a_fight_in_an_after_clause(annotator):
    events = _events(annotator, (
        "Highway reopened\n\n\u201cThe Iraqi army completely secured the Baghdad-Kirkuk highway after foiling "
        "an attack by ISIL,\u201d a military spokesman said on Friday.\n"))
    event = _one(events, "secured")
    assert (event["type"], event["sub_type"]) == ("Strategic developments", "Other")
    assert "Iraqi Armed Forces" in event["actors"] or any("Iraq" in a for a in event["actors"])


def test_an_accusation_of_attacks_is_a_statement_not_a_battle(annotator):
    events = _events(annotator, (
        "Hospitals hit\n\nOn Wednesday, Amnesty International accused Russia of mounting the worst string "
        "of attacks on hospitals in Syria since April.\n"), "2017-09-29")
    event = _one(events, "accused")
    assert (event["type"], event["sub_type"]) == ("Statements", "Accusation")
    # the accuser is a party here, not only the source, and the accused is the other
    assert event["actors"][:2] == ["Amnesty International", "Russia"]
    assert event["date"] == "2017-09-27"


def test_fighting_only_urged_or_denied_is_no_event(annotator):
    events = _events(annotator, (
        "Call to arms\n\nThe ISIL leader pressed his followers to keep fighting the Iraqi army.\n\n"
        "The Iraqi army said no major clashes took place in Mosul on Monday.\n"))
    assert events == []


def test_a_verb_joined_to_a_word_of_threat_or_naming_is_told_as_done(annotator):
    # 'threatened ... and attacked', and 'called' as naming, which the parser may make the main verb
    # with the fight joined to it: both happened.
    assert _types(annotator, "Militants threatened the villagers and attacked them with machetes in Kaduna.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "On 2 May 2020, two factions of the Raia Mutomboki militia, called Alpha and Beta, "
                             "clashed in Shabunda resulting in 3 rebels killed.\n") == ["Battles"]
    # What the threat or the call is for has not happened.
    _no_events(annotator, "The rebels threatened to attack the town and kill its chief.\n",
                          "Leaders called for calm and urged youths not to attack the police.\n")
    # ... nor a verb the parser joins to the urging verb though it is urged too ('keep' is no past).
    assert _types(annotator, "The ISIL leader purportedly pressed his followers to \u201cstand fast\u201d and keep "
                             "fighting, in a recorded statement released on Thursday.\n") == ["Statements"]


def test_a_statement_told_over_two_sentences_is_one_event_with_both_sentences_actors(annotator):
    events = _events(annotator, (
        "Audio released\n\nISIL leader Abu Bakr al-Baghdadi urged his followers to resist, in a recorded "
        "statement released on Thursday. The date of the recording, released via the Al-Furqan news "
        "organisation, was not clear.\n"), "2017-09-29")
    assert [(e["type"], e["sub_type"]) for e in events] == [("Statements", "Statement")]
    event = events[0]
    assert event["evidence"]["text"].startswith("ISIL leader Abu Bakr al-Baghdadi urged")
    assert "Abu Bakr al-Baghdadi" in event["actors"] and "Al-Furqan Foundation" in event["actors"]
    assert event["date"] == "2017-09-28"
    # a statement nobody issued is none
    assert _events(annotator, "Quiet\n\nThe ministry has not issued a statement on the matter.\n") == []


def test_a_council_meets_at_its_seat_when_the_sentence_names_only_its_subject(annotator):
    events = _events(annotator, (
        "Council meets\n\nThe UN Security Council met to discuss the humanitarian crisis in Syria on Wednesday. "
        "The French ambassador spoke to reporters in New York after the meeting.\n"), "2017-09-29")
    event = _one(events, "met to discuss")
    assert (event["type"], event["sub_type"]) == ("Diplomacy", "Meeting")
    assert event["actors"] == ["United Nations Security Council"]
    assert event["place"] == "New York"  # its seat, which the article names; not Syria, the subject
    # without the seat in the article, no place is made up
    alone = _events(annotator, "Council meets\n\nThe UN Security Council met to discuss the crisis in Syria.\n")
    assert _one(alone, "met")["place"] is None


def test_talks_planned_in_a_city_and_named_again_are_one_planned_event(annotator):
    events = _events(annotator, (
        "Talks\n\nUN special envoy Staffan de Mistura said he hopes to convene an eighth round of Syria talks "
        "in Geneva no later than early November.\n\n\u201cBoth sides should prepare to take part in the Geneva "
        "talks,\u201d de Mistura said in New York.\n"))
    talks = [e for e in events if e["type"] == "Diplomacy"]
    assert len(talks) == 1
    event = talks[0]
    assert event["sub_type"] == "Talks" and event["status"] == "planned"
    assert event["place"] == "Geneva"  # the venue, not the topic (Syria) nor where he spoke
    assert event["according_to"] == "Staffan de Mistura"  # the envoy speaks, not the UN
    # a company's founder meeting a schoolboy is not diplomacy
    assert _events(annotator, "Visit\n\nGoogle co-founder Sergey Brin met with Ahmed Mohamed at Google.\n") == []


def test_coordinated_and_government_forces_are_the_armed_forces(annotator):
    events = _events(annotator, (
        "Hospitals hit\n\nThe Syrian army advanced on Idlib. Physicians for Human Rights counted the damage. "
        "The group said either Russian or Syrian government "
        "jets were behind at least five air raids on three hospitals in Idlib province.\n\n"
        "ISIL said it had killed around 100 government fighters near Palmyra.\n"))
    raids = _one(events, "air raids")
    assert raids["sub_type"] == "Air/drone strike"
    assert raids["actors"] == ["Russian Armed Forces", "Syrian Arab Army"]
    assert raids["place"] == "Idlib Governorate"
    assert raids["according_to"] == "Physicians for Human Rights"  # 'the group' of the sentence before
    claimed = _one(events, "government fighters")
    assert claimed["actors"] == ["Islamic State of Iraq and the Levant", "Syrian Arab Army"]


def test_places_describing_the_source_are_not_where_the_event_happened(annotator):
    events = _events(annotator, (
        "Toll rises\n\nThe Syrian Observatory for Human Rights, a UK-based monitor tracking developments in "
        "Syria\u2019s conflict, said the ISIL attacks had killed more than 58 fighters from the Syrian army.\n"))
    event = _one(events, "58 fighters")
    assert event["place"] is None
    assert event["according_to"] == "Syrian Observatory for Human Rights"
    assert "United Kingdom" not in event["actors"]
    assert event["fatalities"] == 59


def test_a_place_named_in_a_stance_is_not_where_the_event_happened(annotator):
    # 'anti-Pyongyang', 'pro-Moscow': whose side, not where.
    (event,) = _events(annotator, "Shelling\n\nNorth Korean troops fired rockets on Thursday at a loudspeaker "
                                  "near Paju that broadcasts anti-Pyongyang messages.\n")
    assert event["place"] == "Paju"
    (event,) = _events(annotator, "Shelling\n\nPro-Moscow rebels shelled the village overnight, killing three "
                                  "civilians.\n")
    assert event["place"] is None
    # A place after a hyphen that is no stance is a place as before.
    (event,) = _events(annotator, "Clash\n\nTroops clashed with rebels on the Goma-Rutshuru road on Monday.\n")
    assert event["place"] is not None


def test_a_city_the_same_sentence_calls_the_province_is_the_province(annotator):
    result = annotation_json("x", annotator(
        "Offensive\n\nThe Syrian Democratic Forces are waging an offensive against ISIL in Deir Az Zor to the east "
        "of the Euphrates River, which bisects the province.\n"), threshold=0.0)
    event = _one(result["events"], "offensive")
    assert event["place"] == "Deir ez-Zor Governorate"
    province = next(p for p in result["places"] if p["name"] == "Deir ez-Zor Governorate")
    assert [m["text"] for m in province["mentions"]] == ["Deir Az Zor", "the province"]
    assert not any(p["name"] == "Deir ez-Zor" for p in result["places"])


# --- one event told over sentences, and who died in it (general mechanisms, invented texts) ---

def test_a_sentence_going_on_about_the_fight_adds_its_dead_to_that_event(annotator):
    events = _events(annotator, (
        "Army patrol clashes with rebels\n\nSoldiers on patrol near the village of Tamsa clashed with rebels "
        "of the Liberation Front on Sunday. During the clash, three rebels were killed and one soldier was "
        "wounded.\n"), "2016-06-21")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 3)]
    assert events[0]["evidence"]["text"].startswith("Soldiers on patrol")
    # A second fight in another paragraph is another event.
    two = _events(annotator, (
        "Two clashes\n\nSoldiers clashed with rebels near Tamsa on Sunday.\n\n"
        "In a separate incident, police clashed with gunmen in Bora on Monday, killing two of them.\n"), "2016-06-21")
    assert len([e for e in two if e["type"] == "Battles"]) == 2


def test_a_count_of_the_dead_of_a_side_already_named_goes_on_telling_the_fight(annotator):
    events = _events(annotator, "AMISOM forces clash with al Shabaab, retake Goof Guduud. Two al Shabaab dead.\n",
                     "2016-06-21")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 2)]


def test_a_later_count_adds_only_when_it_says_also(annotator):
    events = _events(annotator, (
        "Ambush\n\nGunmen ambushed a police convoy near Garissa on Tuesday, killing two officers. "
        "One civilian was also killed in the attack.\n"), "2016-06-21")
    assert [e["fatalities"] for e in events if e["fatalities"]] == [3]


def test_anyone_killed_is_a_victim_not_only_the_listed_kinds_of_people(annotator):
    for sentence in ("A pastor was killed by five policemen who entered his home.",
                     "A prosecutor was found murdered in his house on Monday.",
                     "A party supporter lost his life after being beaten up by rivals."):
        events = _events(annotator, f"Killing\n\n{sentence}\n", "2016-06-21")
        assert [(e["type"], e["sub_type"]) for e in events] == [("Violence against civilians", "Attack")], sentence
    death = _events(annotator, "Killing\n\nA party supporter lost his life after being beaten up by rivals.\n")
    assert death[0]["fatalities"] == 1


def test_a_death_in_a_two_sided_fight_is_a_battle(annotator):
    events = _events(annotator, ("Gunfight\n\nAn activist of the Islamic party was killed in a gunfight with "
                                 "police in Pirojpur early Saturday.\n"), "2016-06-21")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 1)]


def test_an_attack_the_next_sentence_tells_as_a_fight_is_a_battle(annotator):
    # An attack met by armed resistance is a battle (ACLED's codebook), told in one sentence or,
    # as notes often do, in the next: 'in the clashes', 'killed in the exchange of fire'.
    for follow_up in ("Six people were killed on both sides in the clashes.",
                      "During the encounter, three herders were killed."):
        events = _events(annotator, f"Soldiers attacked herders at a cattle camp near Tonj on Friday. {follow_up}\n",
                         "2016-06-21")
        assert [(e["type"], e["sub_type"]) for e in events] == [("Battles", "Armed clash")], follow_up
    # Not an attack the next sentence only goes on counting or naming as an attack.
    for follow_up in ("Another four traders were wounded in the attack.", "Two of his apprentices were also killed."):
        events = _events(annotator, f"Gunmen stormed a market near Bida, killing a tailor. {follow_up}\n",
                         "2016-06-21")
        assert [e["type"] for e in events] == ["Violence against civilians"], follow_up


def test_fire_counted_in_both_directions_of_a_front_is_an_exchange_of_fire(annotator):
    # A ceasefire monitor's count: heavy weapons alone would be shelling, but fire both ways is two
    # sides fighting. Shots 'in both directions' of a pitch are no fire at all.
    front = _kinds(annotator, "On 2 May 2020, the monitors observed a total of 15 projectiles/explosions "
                              "involving unknown weapons in both directions of the contact line near Zolote.")
    assert front == [("Battles", "Armed clash")]
    one_way = _kinds(annotator, "On 2 May 2020, the monitors observed 15 explosions involving mortars near Zolote.")
    assert one_way == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    pitch = _kinds(annotator, "United had nine shots in both directions of the pitch before half-time at Old Trafford.")
    assert pitch == []


def test_a_strike_is_workers_unless_forces_or_bombs_strike(annotator):
    workers = _events(annotator, "Strike\n\nJudges on strike over working conditions.\n")
    assert [(e["type"], e["sub_type"]) for e in workers] == [("Protests", "Peaceful protest")]
    forces = _events(annotator, ("Raid\n\nKenyan air forces strike Ilaale, near Ceel Waaq, killing four "
                                 "children.\n"))
    assert [(e["type"], e["sub_type"]) for e in forces] == [("Explosions/Remote violence", "Air/drone strike")]


def test_a_death_before_a_protest_is_not_the_protests_death(annotator):
    events = _events(annotator, ("Protest\n\nThe death of a worker in an accident at a factory sparked a "
                                 "protest by his relatives on Sunday.\n"))
    assert [(e["type"], e["fatalities"]) for e in events] == [("Protests", None)]


def test_a_football_match_is_no_violence_however_it_is_told(annotator):
    text = ("Rovers edge derby\n\nRovers beat City 2-1 in a bruising derby on Saturday. Their striker killed off "
            "the game with a header in the 88th minute after the visitors' defence was torn apart. The "
            "two sides clashed again on the touchline at full time, and the referee was attacked by "
            "fans' chants all afternoon.\n")
    published = annotation_json("x", annotator(text, "2016-06-21"))["events"]
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
    assert [e for e in published if e["type"] in violent] == []


def test_a_date_in_brackets_does_not_cut_a_sentence_from_its_place(annotator):
    # The parser ends a sentence at 'Tuesday' and starts one at '[25 August]': the place, in
    # the second half, belongs to the killing in the first.
    events = _events(annotator, "Border\n\nAn Indian army man was killed on Tuesday [25 August] in cross-border "
                                "firing in Nowgam in Kupwara district.\n", "2015-08-27")
    event = _one(events, "killed")
    assert event["evidence"]["text"].endswith("in Kupwara district.")
    assert event["place"] and event["place"].lower() == "kupwara district"
    # a sentence of its own in brackets stays one
    events = _events(annotator, "Strike\n\nAssailants set a truck ablaze in Natore on Sunday. The driver was "
                                "admitted to a hospital. (This was part of the strike.)\n", "2015-02-03")
    assert not any("hospital" in e["evidence"]["text"] and "(This" in e["evidence"]["text"] for e in events)


def test_a_sentence_the_parser_cuts_before_a_name_stays_whole(annotator):
    # The parser ends a sentence at 'illegal' (no stop) and starts one at 'Khat': the town, in
    # the second half, is where the shooting of the first happened.
    event = _one(_events(annotator, "On 4 June 2020, police shot and killed a man smuggling illegal Khat in "
                                    "Beledweyne town (Hiraan).\n", "2020-06-05"), "killed")
    assert event["evidence"]["text"].endswith("(Hiraan).")
    assert (event["type"], event["place"], event["fatalities"]) == ("Violence against civilians", "Beledweyne", 1)
    # a dateline is no sentence the story goes on from
    events = _events(annotator, "ST. LOUIS \u2013 Police said on Monday that officers arrested two people suspected "
                                "of stealing meat from a barbecue restaurant.\n", "2018-04-10")
    assert [e["evidence"]["text"][:12] for e in events] == ["Police said "]


def test_a_violent_word_that_only_describes_troops_is_no_event(annotator):
    for text in ("The units were told to be fully battle ready to launch surprise operations.",
                 "Battle-hardened troops entered the town on Monday.",
                 "War-weary residents queued for bread in the capital on Monday."):
        assert _events(annotator, f"Army\n\n{text}\n", "2015-08-27") == [], text
    events = _events(annotator, "Bandh\n\nA 48 hour bandh was imposed in Imphal by student groups.\n", "2015-08-27")
    assert [e["type"] for e in events] == ["Protests"]


def test_victims_that_only_refer_to_armed_victims_are_armed_too(annotator):
    # 'another' and 'several others' are more of the soldiers or militants named before them, and
    # 'members of al Shabaab' belong to an armed side: the dead are fighters, so it is a battle.
    for text in ("Two soldiers were killed and another wounded after they were ambushed by al Shabaab "
                 "in Mogadishu on Monday.\n",
                 "Kenyan forces killed four members of al Shabaab in Milimani on Monday.\n",
                 "Troops on a patrol of four villages killed six militants and wounded several others.\n",
                 # injuries someone received are not a victim of the killing
                 "A jawan was killed and two others received injuries in an ambush by militants near the "
                 "border on Sunday.\n"):
        events = _events(annotator, text)
        assert events and events[0]["type"] == "Battles", (text, events)
    # Villagers are people, and so is 'another' beside them.
    events = _events(annotator, "Gunmen killed two villagers and wounded another in Zamfara on Monday.\n")
    assert events[0]["type"] == "Violence against civilians"


def test_every_form_of_a_riot_verb_is_read_and_a_stage_set_on_fire_is_no_riot(annotator):
    for text in ("Shiv Sena members rioted over a film in Mumbai on Friday.\n",
                 "Youths were torching cars in Nairobi on Monday.\n",
                 "Traders were ransacking shops and setting tyres on fire in Kano on Monday.\n"):
        events = _events(annotator, text)
        assert [e["type"] for e in events] == ["Riots"], (text, events)
    assert _events(annotator, "Review\n\nThe band set the stage on fire with a blistering set on Friday.\n") == []


def test_two_words_of_a_field_do_not_make_a_one_sentence_note_a_sports_or_health_story(annotator):
    # 'stadium' and 'celebrations' in one sentence are no sports report, nor 'TB patients' a
    # health story: what a field's words say of a story is shrunk for a short text.
    for text in ("At least two killed and 80 wounded in grenade attack on stadium during national day "
                 "celebrations.\n",
                 "At least 300 tuberculosis (TB) and HIV/Aids patients in Isiolo protested against plans to "
                 "convert a regional TB isolation centre into county assembly offices.\n"):
        events = _events(annotator, text)
        assert len(events) == 1 and events[0]["confidence"] >= 0.6, (text, events)


def test_a_petrol_bomb_is_thrown_fire_not_remote_violence(annotator):
    # Pickets' petrol bombs are a riot; assailants' at people an attack on them. A crude bomb
    # that explodes is still an explosive weapon.
    cases = {
        "Pro-hartal activists hurled petrol bombs at a bus in Dhaka on Monday, injuring five passengers.\n": "Riots",
        "Two men were killed as assailants hurled a petrol bomb at their vehicle at Sundardi on Monday.\n":
            "Violence against civilians",
        "A crude bomb exploded near the court in Dhaka on Monday.\n": "Explosions/Remote violence",
    }
    for text, kind in cases.items():
        events = _events(annotator, text)
        assert [e["type"] for e in events][:1] == [kind], (text, events)


def test_a_death_in_a_clash_of_unarmed_sides_is_mob_violence_not_an_army_offensive(annotator):
    events = _events(annotator, "Disputes over the local chief led to clashes in Kaya, one killed.\n")
    assert [(e["type"], e["sub_type"]) for e in events] == [("Riots", "Mob violence")]
    # An offensive is an army's, whether or not the sentence names it: its dead are its victims.
    events = _events(annotator, "The offensive in eastern Ghouta has killed more than 1600 civilians.\n")
    assert [e["type"] for e in events] == ["Violence against civilians"]


def test_a_deadly_clash_of_communities_is_a_battle_and_of_partisans_fans_or_unhurt_sides_a_riot(annotator):
    # ACLED's codebook counts identity militias (a community, clan, tribe or ethnic group, or sides
    # in a land dispute) as organised armed groups: their deadly clash is a battle.
    for text in ("A clash between two communities over grazing land near Bokkos left three villagers dead.\n",
                 "Four people were killed in clashes between two ethnic groups in Marsabit on Tuesday.\n"):
        assert _kinds(annotator, text) == [("Battles", "Armed clash")], text
    # Party supporters, football fans, villagers against the police, or a clash no one died in: a riot.
    for text in ("Supporters of two rival parties clashed in Natore on Monday, and one activist was killed.\n",
                 "Fans of the two clubs clashed outside the stadium in Cairo, and one supporter was killed.\n",
                 "Villagers clashed with police over land acquisition in Singur, and one protester was killed.\n",
                 "Two groups of villagers clashed over land in Sindh on Friday, injuring five people.\n"):
        assert _types(annotator, text) == ["Riots"], text


def test_sides_named_only_as_rival_or_political_groups_are_people(annotator):
    # Rival or political groups clash as crowds do: a riot.
    for text in ("A clash between two rival groups erupted on Friday in a village of Magura district.\n",
                 "Opposing political groups clashed in Kaya after the vote count.\n"):
        assert _kinds(annotator, text) == [("Riots", "Violent demonstration")], text
    # 'Both groups' or 'two groups' tell of sides named before: troops and militiamen stay a battle.
    assert _types(annotator, "Militiamen attacked an army position in Kavumu. Both groups clashed with heavy "
                             "weapons.\n") == ["Battles"]


def test_a_word_for_armed_men_or_people_capitalised_in_the_plural_keeps_its_kind(annotator):
    # The tagger reads 'Maoists' or 'Ethnic Militias' as a proper noun and keeps the plural as the lemma.
    assert _kinds(annotator, "An individual was abducted from Kunta village on Sunday by armed Maoists.\n") \
        == [("Violence against civilians", "Abduction/forced disappearance")]
    assert _types(annotator, "Fulani and Berom Ethnic Militias clashed in Riyom, and four people were killed.\n") \
        == ["Battles"]
    # A name's last word is the named actor's, not a word for forces: no second armed side.
    assert _types(annotator, "The Rapid Support Forces attacked a village in Darfur, killing five civilians.\n") \
        == ["Violence against civilians"]


def test_a_game_result_told_with_a_violent_word_is_no_event(annotator):
    _no_events(annotator, "The Raiders killed the Chiefs 42-10 on Sunday night.\n",
                          "The Militants attacked the Bandits in the second half and won 3-1.\n")
    # A range that counts, or days: no score.
    assert _types(annotator, "Militants attacked 3-4 villages in Borno on Monday.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "Soldiers attacked herders near the river over 24-26 June.\n") \
        == ["Violence against civilians"]


def test_a_soldier_or_fighter_who_no_longer_serves_is_one_of_the_people(annotator):
    # ACLED codes a retired soldier or a former rebel killed as a civilian: violence against
    # civilians, not a battle.
    for text in ("Armed men killed a former separatist leader as he left a friend's home in Gao.\n",
                 "Gunmen shot dead a retired soldier at his farm near Kaduna on Sunday.\n",
                 "Two former rebels were killed by unidentified gunmen in Bangui.\n"):
        assert _types(annotator, text) == ["Violence against civilians"], text
    # Serving ones are a side.
    assert _types(annotator, "Two soldiers were killed by rebels near Bangui on Sunday.\n") == ["Battles"]


def test_a_death_in_an_air_raid_is_remote_violence(annotator):
    assert _kinds(annotator, "Two civilians were killed in an air raid on Kafr Nabl.\n") == [
        ("Explosions/Remote violence", "Air/drone strike")]


def test_a_drone_brought_down_is_disrupted_weapons_use_with_no_dead(annotator):
    # ACLED's disrupted weapons use: no one was attacked, and the drone is no one killed.
    for text in ["On 8 May, army troops shot down a drone operated by rebels near Tomba.\n",
                 "Two UAVs were shot down over Tomba on Monday, the army said.\n"]:
        events = _events(annotator, text)
        assert [(e["type"], e["sub_type"], e["fatalities"]) for e in events] == [
            ("Strategic developments", "Disrupted weapons use", None)], text
    # Rockets intercepted stay the attack of those who fired them; a rumour shot down and a pass
    # intercepted are no event.
    assert _types(annotator, "Air defences intercepted two rockets fired at the city of Harlan overnight.\n") == [
        "Explosions/Remote violence"]
    _no_events(annotator, "The minister shot down rumours that the plant in Harlan would close.\n",
               "The defender intercepted a long ball and the striker shot wide.\n")


def test_a_person_set_on_fire_is_attacked_and_a_crowd_that_burns_things_riots(annotator):
    # Burning is a riot's word for property; a person burnt by a few men is an attack on them,
    # by villagers a mob's violence, and a bus named for its passengers is still a thing.
    assert _kinds(annotator, "Three men set a shopkeeper on fire in Harlan on Thursday.\n") == [
        ("Violence against civilians", "Attack")]
    assert _kinds(annotator, "Villagers torched a man accused of witchcraft in Harlan.\n") == [
        ("Riots", "Mob violence")]
    assert _kinds(annotator, "Rioters torched a passenger bus and two shops in Harlan on Monday.\n") == [
        ("Riots", "Violent demonstration")]


def test_hurt_by_armed_men_is_an_attack_and_violence_both_ways_a_fight(annotator):
    # The attack told only by its victims' hurt: typed by who was hurt.
    assert _types(annotator, "Two village chiefs were injured by a separatist gunman near Pattani.\n") == [
        "Violence against civilians"]
    assert _types(annotator, "Two policemen were injured by suspected militants in Pulwama on Friday.\n") == [
        "Battles"]
    # Violence both ways is a fight, typed by its sides: troops battle, a community's groups riot.
    assert _types(annotator, "Indian and Pakistani troops targeted each other across the Line of Control "
                             "near Bagh on Sunday night.\n") == ["Battles"]
    assert _types(annotator, "Two groups of the Bugti community attacked each other with axes and sticks "
                             "over farmland in Kotdiji, injuring a man and a woman.\n") == ["Riots"]
    # Hurt by a thing, a tackle, or a side of a match: no event.
    _no_events(annotator, "A woman was injured by a falling tree in Lagos on Monday.\n",
               "The striker was injured by a late tackle in the second half.\n",
               "Both sides attacked each other from the first whistle in a thrilling derby.\n")


def test_stones_thrown_by_people_make_a_riot_whoever_is_hit(annotator):
    # Stones are no arms: ACLED codes those who throw them as rioters, at police or at people.
    cases = {
        "Protesters hurled stones at security personnel in Khalanga on Saturday.\n": "Violent demonstration",
        "Dairy farmers threw stones at employees of the Jaipur Municipal Corporation on Monday.\n": "Mob violence",
        "When the police reached the spot, the protesters pelted them with stones.\n": "Violent demonstration",
        "Police used water cannon against stone-pelting protesters in Ranchi on Sunday.\n": "Violent demonstration",
        "Agitating locals hurled beer bottles and stones at an ambulance in Simara on Sunday.\n":
            "Violent demonstration",
    }
    for text, sub_type in cases.items():
        assert _kinds(annotator, text) == [("Riots", sub_type)], text
    # Not by militants, not at ducks, and not a rock band, a brick or a stone's throw.
    assert "Riots" not in _types(annotator, "Militants hurled stones at a police post in Sopore on Friday.\n")
    _no_events(annotator, "Children threw stones at ducks in the park pond.\n",
               "The rock band threw a party at the venue in Austin after the show.\n",
               "The village lies a stone's throw from the border with Nepal.\n")


def test_an_attack_met_by_armed_resistance_is_a_battle(annotator):
    # ACLED's codebook: an attack that armed defenders fight back is a battle, whether the fight
    # is told beside the attack or inside its clause.
    for text in ("Unidentified gunmen attacked Madobai in Kankara on Thursday and clashed with local "
                 "militias that tried to repel the attack.\n",
                 "Suspected bandits attacked Karakai in Zamfara to rustle cows, but were engaged in a gun "
                 "battle by a local vigilante group.\n"):
        assert _types(annotator, text)[:1] == ["Battles"], text
    # An attack no one fought back stays an attack on people.
    assert _types(annotator, "Gunmen attacked the village of Kaga on Monday, killing three people, "
                             "and fled.\n") == ["Violence against civilians"]


def test_fighting_a_fire_or_a_virus_is_no_fight(annotator):
    # Health and disaster news: what people fight is a hazard, or 'combat' is a verb of effort.
    _no_events(annotator, "Health workers in Lagos are working to combat the spread of the virus.\n",
               "Volunteers battled the wildfire for three days near Athens.\n",
               "Villagers fought with the fire for hours before the engines came.\n")
    assert _types(annotator, "Two soldiers were killed in combat with rebels near Beni.\n") == ["Battles"]


def test_community_members_who_beat_or_stone_someone_are_a_mob(annotator):
    assert _kinds(annotator, "Two men suspected of robberies in Verulam were fatally assaulted by community "
                             "members on Wednesday.\n") == [("Riots", "Mob violence")]
    assert _types(annotator, "Community members stoned two police officers in Kalwal village near Ndhiwa.\n") == [
        "Riots"]
    # 'stoned' of a person's state is no event; stoned to death is a killing.
    _no_events(annotator, "He was stoned at the party, his friends said.\n")
    # Off duty, a policeman is one of the people.
    assert _types(annotator, "An off-duty policeman was shot dead by gunmen in Kano on Sunday.\n") == [
        "Violence against civilians"]


def test_beat_is_violence_only_by_armed_men_or_a_mob_and_a_mob_that_wrecks_riots(annotator):
    assert _types(annotator, "The gendarmerie forces beat and injured a woman in Conakry on Tuesday.\n") == [
        "Violence against civilians"]
    assert _kinds(annotator, "Villagers beat a suspected thief in Kisii on Monday.\n") == [("Riots", "Mob violence")]
    assert _kinds(annotator, "Angry residents destroyed the local council office in Kasese on Friday.\n") == [
        ("Riots", "Mob violence")]
    # A match's word: no event, whoever plays.
    _no_events(annotator, "Nigeria beat Ghana 2-0 in Accra on Sunday.\n",
               "The army beat the navy 3-1 in the final in Abuja.\n")


def test_property_burnt_by_police_or_troops_or_in_a_battle_is_no_riot(annotator):
    for text in ("Soldiers torched dozens of houses in the village of Kumba on Monday.\n",
                 "Police set fire to the market stalls in Harare on Tuesday.\n"):
        assert _kinds(annotator, text) == [("Strategic developments", "Looting/property destruction")], text
    assert _types(annotator, "Villages were torched and 2,000 civilians displaced during a two day battle between "
                             "rebels and government forces near Lainya.\n") == ["Battles"]
    # Burnt by assailants or rioters, no armed side named: the riot it was.
    for text in ("In Bogra, assailants torched a passenger bus at the bus station on Monday.\n",
                 "Protesters torched two police vans as police fired tear gas in Nairobi.\n"):
        assert _types(annotator, text) == ["Riots"], text


def test_set_alight_and_firing_shots_at_are_the_words_they_complete(annotator):
    # 'set alight' is 'set ablaze'; tyres lit are tyres burnt; 'firing ... at' is 'fired ... at'.
    assert _types(annotator, "Inmates set alight their sheets and a kitchen at St Albans Prison in Port "
                             "Elizabeth, demanding court dates.\n") == ["Riots"]
    assert _types(annotator, "Hundreds of traders lit tires and blocked the road near the Korogocho market "
                             "in Nairobi.\n") == ["Riots"]
    assert _types(annotator, "Suspected militants intercepted transport trucks near Mentao, firing gunshots at "
                             "the drivers.\n") == ["Violence against civilians"]
    _no_events(annotator, "The striker was firing shots at goal all afternoon.\n",
               "Fans lit flares and set alight a banner in the stands.\n")


def test_the_month_march_is_no_protest_march(annotator):
    events = _events(annotator, "The house was damaged during the March attack by armed men in Ben Gardane.\n")
    assert all(e["type"] != "Protests" for e in events), events
    assert [e["type"] for e in _events(annotator, "Thousands of workers joined a march through Nairobi on "
                                                  "Monday.\n")] == ["Protests"]


def test_wounded_in_firing_is_an_attack_and_a_film_shoot_is_none(annotator):
    # No one died, but someone was hurt by fire: an event, typed by who was hurt.
    events = _events(annotator, "An Indian army trooper was wounded in firing across the border on Thursday.\n")
    assert [e["type"] for e in events] == ["Battles"]
    # Shooting a film, or a scene of one, is no shooting of anyone.
    assert _events(annotator, "Two actors were injured in the shooting of the film's last scene.\n") == []
    assert _events(annotator, "They were shooting a music video in the desert when the storm began.\n") == []


def test_someone_wounded_is_an_event_only_where_nothing_else_in_the_sentence_tells_it(annotator):
    # A note that says only who was hurt: an event, typed by who was hurt (a policeman: armed).
    assert _kinds(annotator, "Gunshots heard near police station in Yei. One officer wounded in the head.\n") == [
        ("Battles", "Armed clash")]
    # The clashes are the event, not the wounding they caused.
    assert _kinds(annotator, "Clashes between Fulani herders and former Seleka militiamen resulted in 16 killed "
                             "and 20 wounded.\n") == [("Battles", "Armed clash")]
    # A sentence that only counts the wounded goes on telling the blast.
    blast = _events(annotator, "A car bomb exploded in front of the hospital in Benghazi, killing five people. "
                               "Another 13 were wounded.\n")
    assert [(e["type"], e["fatalities"]) for e in blast] == [("Explosions/Remote violence", 5)]
    # Pride, a side and fans in an accident are wounded by no one.
    assert _events(annotator, "A wounded Arsenal side lost 2-0 to Chelsea on Saturday. The striker said his pride "
                              "was wounded by the defeat.\n") == []
    assert _events(annotator, "Three fans were wounded when a stand collapsed at the stadium.\n") == []


def test_the_dead_named_as_whose_someone_is_are_no_new_death(annotator):
    # A story's later sentences name its dead as owners of a commander, a family, a funeral.
    assert _events(annotator, "The dead soldier's Commanding Officer said he was a deeply intelligent man.\n") == []
    assert _events(annotator, "The slain journalists' families called for an inquiry on Monday.\n") == []
    assert _events(annotator, "Hundreds attended the funeral of the murdered officer in Lahore on Sunday.\n") == []
    # The dead the clause is about, or counted, are a death told.
    assert _types(annotator, "The murdered girl was found in a field near Lahore.\n") == ["Violence against civilians"]
    assert len(_events(annotator, "Two dead soldiers were found near the base in Kandahar.\n")) == 1


def test_a_protest_against_a_scourge_or_a_film_is_still_a_protest(annotator):
    # 'the fight against corruption' is no fight, but a protest against it is a protest.
    for text in ("Thousands of people protested against corruption in Delhi on Sunday.\n",
                 "Students protested against the film outside a cinema in Mumbai.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Protests"], text


def test_a_gathering_is_a_protest_only_where_a_crowd_with_a_cause_is(annotator):
    # 'rallied', 'staged', 'gathered', 'chanted' are the words of markets, theatres and sport too:
    # with no one who protests there (people, a party, a union), and no cause named, no event.
    _no_events(annotator, "Shares rallied against the dollar on Monday after the Federal Reserve cut rates.\n",
                          "The theatre company staged a new production of Hamlet in Leeds.\n",
                          "Thousands of Liverpool fans gathered outside Anfield on Sunday to celebrate the title.\n",
                          "Nadal won a 30-shot rally to break serve in the third set.\n")
    # People, a party, or an organisation with a cause: a protest, however it is worded.
    for text in ("Villagers blocked the highway near Nagaon on Monday.\n",
                 "The Congress party held a rally in Delhi.\n",
                 "Accredited Social Health Activists (ASHAs) took out a rally seeking higher wages.\n",
                 "Protesters gathered outside the parliament in Kathmandu.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Protests"], text


def test_a_venue_named_after_its_town_puts_the_event_in_that_town(annotator):
    # 'outside Karachi Press Club': the protest is in Karachi, whatever the model makes of the name.
    for text, town in (("Families of the missing held a protest outside Karachi Press Club on Monday.\n", "Karachi"),
                       ("Teachers staged a protest in front of Lahore press club against the new policy.\n", "Lahore"),
                       ("Lawyers protested outside the Peshawar High Court on Monday.\n", "Peshawar"),
                       ("Party members staged a demonstration near the Dindigul Corporation Office.\n", "Dindigul"),
                       ("20 teachers from a Kisangani primary school protested to demand their pay.\n", "Kisangani")):
        (event,) = _events(annotator, text)
        assert event["place"] == town, text
    # A university, a business school or a paper named after a town is not in it (Columbia
    # University is in New York).
    result = annotation_json("x", annotator("Students protested at Columbia University and Columbia Business School "
                                            "on Monday, the Washington Post said.\n"), threshold=0.0)
    assert not {"Columbia", "Washington"} & {p["name"] for p in result["places"]}


def test_a_count_of_the_dead_whose_nationality_names_a_country_goes_on_telling_the_fight(annotator):
    # 'Myanmar' in '6 Myanmar soldiers' says whose the dead were, not a new place of their own.
    events = _events(annotator, "The KIA and Myanmar Army clashed in Moe Nyin township. "
                                "6 Myanmar soldiers were killed.\n")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 6)]
    # a count in another country is another event
    events = _events(annotator, "The KIA and Myanmar Army clashed in Moe Nyin township. "
                                "6 soldiers were killed in Thailand.\n")
    assert len(events) == 2


def test_an_aerial_strike_is_remote_violence_not_a_workers_strike(annotator):
    events = _events(annotator, "Precise aerial strikes were carried out by the Pakistani Airforce in South "
                                "Waziristan, killing 25 militants.\n")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Explosions/Remote violence", 25)]
    # and workers who strike still protest
    assert [e["type"] for e in _events(annotator, "Doctors went on strike in Kathmandu on Monday.\n")] == ["Protests"]


def test_a_sentence_that_only_counts_deaths_counts_the_dead_of_the_event_before_it(annotator):
    events = _events(annotator, "Ten people suffered burn injuries in a petrol bomb attack on a truck in Bogra on "
                                "Saturday night. Three victims died on Saturday night.\n")
    assert [e["fatalities"] for e in events] == [3]
    assert [e["fatalities"] for e in _events(annotator, "A man was injured in an attack on Monday. "
                                                        "He died on Tuesday.\n")] == [1]
    # not deaths of disease, nor deaths somewhere else
    for text in ("A man was injured in an attack on Monday. Three people died of cholera in the town.\n",
                 "A man was injured in an attack in Kabul on Monday. Two people died in Herat.\n"):
        assert [e["fatalities"] for e in _events(annotator, text)] == [None], text


def test_fire_at_an_armed_sides_positions_is_a_battle(annotator):
    # Positions are an armed side's: fire at them takes two sides, however the weapons are named.
    for text in ("Armenian forces fired with small arms on the positions of the Azerbaijani army near Tovuz.\n",
                 "Rebels attacked army positions in the hills overnight.\n",
                 "Government forces repelled a rebel attack on their positions near the town.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Battles"], text
    # A side's name may hold a slash; the soldiers killed do not make the attack one on civilians.
    assert _types(annotator, "Government forces attack SPLA/M-IO positions in Payak near Leer. 2 soldiers killed, "
                             "1 injured.\n") == ["Battles"]
    # A coach fired, critics' positions fired at: no one armed, no event.
    _no_events(annotator, "The senator fired back at the positions of his critics on Monday.\n",
                          "The club fired its coach on Monday after a run of defeats.\n")


def test_weapons_fired_at_someone_are_an_attack_and_what_is_thrown_in_sport_is_not(annotator):
    # Any small arms fired at a target, however many and however named, are violence: armed men
    # at armed men a battle, at a crowd an attack on civilians.
    for text, kind in (("Pro-Houthi forces fired medium weapons and sniper rifles at residential "
                        "neighbourhoods of Hays city.\n", "Battles"),
                       ("Militants fired machine guns at an army patrol near the border.\n", "Battles"),
                       ("Soldiers fired automatic rifles at the crowd in the market.\n", "Violence against civilians"),
                       # a list of calibres and weapons, an aside before 'at'
                       ("Rebel forces fired 14.5mm, 12.7mm and 7.62mm machine guns, in addition to sniper rifles, at "
                        "an army post near the town.\n", "Battles"),
                       ("Rebel forces fired machine guns, assumedly heavy, at army positions near the town.\n",
                        "Battles")):
        assert _types(annotator, text) == [kind], text
    # What is fired or thrown is no victim: shots at or on goal, into the net, pitches, passes;
    # nor is a worker fired.
    _no_events(annotator, "The striker fired three shots at goal in the first half.\n",
               "The striker fired three shots on goal in the first half.\n",
               "Ronaldo fired a shot into the net in the 89th minute.\n",
                          "Ronaldo fired two shots at the goalkeeper before half-time.\n",
                          "The pitcher threw 95 pitches at the Yankees on Sunday.\n",
                          "The quarterback threw two touchdown passes at home against Dallas.\n",
                          "The company fired 200 workers at its plant in Ohio.\n")


def test_fire_exchanged_in_any_form_of_the_verb_is_a_battle_and_in_a_debate_is_not(annotator):
    for text in ("A gang member was killed after exchanging fire with military police in Boa Vista.\n",
                 "Troops and militants exchange fire near the border.\n"):
        assert _types(annotator, text) == ["Battles"], text
    _no_events(annotator, "The two candidates exchanged fire over taxes in the televised debate.\n")


def test_a_street_fight_with_the_police_is_a_riot_and_a_fist_fight_in_a_game_is_no_event(annotator):
    assert _types(annotator, "Residents engaged in a street-fight with police officers in Kubwa on Monday.\n") \
        == ["Riots"]
    _no_events(annotator, "A fist fight broke out between players in the second period of the hockey game.\n")


def test_shells_that_fell_on_a_place_are_shelling_and_shares_that_fell_are_not(annotator):
    (event,) = _events(annotator, "Shells fired by the rebels fell in a residential street of Tripoli.\n")
    assert (event["type"], event["sub_type"]) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert _events(annotator, "Shell shares fell 3% in London on Monday.\n") == []
    # projectiles counted by a monitor are fire from afar; thrown by fans at a referee, no one is armed
    (event,) = _events(annotator, "Monitors observed 26 projectiles involving unknown weapons near Viktorivka.\n")
    assert event["type"] == "Explosions/Remote violence"
    assert _events(annotator, "Fans threw projectiles at the referee after the match.\n") == []


def test_fire_a_monitor_counts_is_a_battle_with_small_arms_and_shelling_without(annotator):
    assert _kinds(annotator,
                  "Monitors observed a total of 46 shots/bursts of fire involving small arms near Kruta Balka.\n") \
        == [("Battles", "Armed clash")]
    assert _kinds(annotator,
                  "Monitors observed a total of 13 bursts of fire involving heavy machineguns near Novoluhanske.\n") \
        == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    # weapons the monitor could not name are no small arms
    assert _kinds(annotator,
                  "Monitors observed a total of 3 explosions involving unknown weapons near Katerynivka.\n") \
        == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert _events(annotator, "The band's shows involved bursts of colour and sound on Saturday.\n") == []


def test_a_shoot_out_is_a_battle_and_a_penalty_shoot_out_is_football(annotator):
    (event,) = _events(annotator, "A shoot-out broke out in the Jardim Catarina neighbourhood of Sao Goncalo.\n")
    assert event["type"] == "Battles"
    assert _events(annotator, "Chelsea won the penalty shoot-out 4-3 after a goalless draw.\n") == []


def test_bullets_fired_at_people_are_an_attack_and_workers_fired_are_not(annotator):
    (event,) = _events(annotator, "Soldiers fired rubber coated bullets at fishermen off the coast of Gaza.\n")
    assert event["type"] == "Violence against civilians"
    assert _events(annotator, "The company fired 200 workers at its plant in Ohio on Monday.\n") == []


def test_a_protest_whose_crowd_clashes_beside_it_is_a_riot(annotator):
    (event,) = _events(annotator, "Youths demonstrated and clashed with police in Lekki over the lockdown.\n")
    assert (event["type"], event["sub_type"]) == ("Riots", "Violent demonstration")
    (event,) = _events(annotator, "Workers protested outside the plant and marched to the town hall.\n")
    assert event["type"] == "Protests"


def test_violence_a_protest_demands_justice_for_is_not_the_crowds_own(annotator):
    for text in ("Teachers staged a protest demonstration in Badah town, demanding the arrest of people who set "
                 "fire to wheat crops in the area.\n",
                 "Villagers protested in Ranchi against the torching of their houses by the police.\n"):
        assert _kinds(annotator, text) == [("Protests", "Peaceful protest")], text
    # The crowd's own fire, and riots told beside protests, are riots.
    for text in ("Protesters demanding the release of their leader set fire to a bus in Dhaka.\n",
                 "Protests and riots broke out in Lagos on Monday.\n"):
        assert _kinds(annotator, text) == [("Riots", "Violent demonstration")], text


def test_attacks_and_clashes_by_critics_the_press_or_lawmakers_are_words(annotator):
    _no_events(annotator, "The minister was attacked by the opposition over the scandal.\n",
                          "The minister was attacked by critics over the scandal.\n",
                          "Lawmakers clashed with the finance minister over the tax plan.\n")
    # Harm told, armed men hit, or partisans (not voices) as the doers: violence.
    assert _types(annotator, "Political opponents attacked and injured the newly elected mayor.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "Regime soldiers were attacked by the opposition near Aleppo.\n") == ["Battles"]
    assert _types(annotator, "Opposition supporters attacked ruling party workers in Dhaka.\n") \
        == ["Violence against civilians"]


def test_a_clash_whose_every_side_holds_an_office_is_an_argument(annotator):
    # Politics and business news: a clash of ministers, officials or leaders with no harm told.
    _no_events(annotator, "The prime minister clashed with the opposition leader over the budget.\n",
                          "Officials clashed with union leaders over pay on Tuesday.\n",
                          "Ministers clashed over the budget at the cabinet meeting.\n",
                          "The coach clashed with the chief executive over transfers.\n")
    # A side that holds no office, harm told, or an armed side: a fight.
    assert _types(annotator, "Supporters of the two candidates clashed in Natore on Monday.\n") == ["Riots"]
    assert _types(annotator, "Two party leaders clashed in the village, leaving ten people injured.\n") \
        == ["Riots"]
    assert _types(annotator, "Forest officials clashed with rebels near the park on Sunday.\n") == ["Battles"]


def test_people_who_fought_to_do_something_strove_and_did_not_fight(annotator):
    # Health, farming, a hospital's staff: a fight word with what it strove for is an effort.
    _no_events(annotator, "Doctors battled for hours to save the patient, who died of a heart attack.\n",
                          "Farmers are fighting to save their crops from the drought in Kenya.\n",
                          "Nurses fought to keep the hospital open in Leeds.\n",
                          # the parser may read the infinitive's verb as an adjective
                          "Rescuers battled to free miners trapped underground.\n")
    # Armed men and crowds who fight for something still fight, and a fight to the death is one.
    assert _types(annotator, "Rebels fought to defend the town of Kidal.\n") == ["Battles"]
    assert _types(annotator, "Rebels fought to the death in the ruins of the town.\n") == ["Battles"]
    assert _types(annotator, "Protesters fought to hold the square against police in Kiev.\n") == ["Riots"]


def test_a_fight_in_words_or_against_a_measure_is_no_clash(annotator):
    # Politics and culture: a debate, a feud on social media, an attack in an interview or a
    # speech, residents opposing a plan.
    _no_events(annotator, "The two candidates clashed over taxes in the televised debate on Tuesday.\n",
                          "The rappers clashed on Twitter over the weekend.\n",
                          "The president attacked the judge in an interview with CNN.\n",
                          "The minister attacked journalists in a speech in Ankara.\n",
                          "Residents fought the plan to build a runway at Heathrow.\n")
    assert _types(annotator, "A man attacked the candidate during a speech in Ohio, stabbing him twice.\n") == [
        "Violence against civilians"]
    # A clash at a venue, or outside a court during a hearing, is bodily.
    for text in ("Rival supporters clashed at the debate venue in Lagos, injuring four.\n",
                 "Police clashed with protesters during the hearing outside the court in Nairobi.\n"):
        assert _types(annotator, text) == ["Riots"], text


def test_people_who_stone_the_police_riot_and_armed_men_who_attack_them_fight(annotator):
    # tear gas shells are no explosive weapon: the residents' stones are the event
    assert _kinds(annotator,
                  "Residents pelted stones at police, who lobbed tear gas shells to control them, in Godhra.\n") \
        == [("Riots", "Mob violence")]
    assert _kinds(annotator,
                  "State police were ambushed by armed individuals near Caracuaro.\n") == [("Battles", "Armed clash")]
    # what soldiers are ambushed 'at' is a place, not a victim
    assert _kinds(annotator, "Two soldiers were killed after they were ambushed at Suuqa Xoolaha neighbourhood in "
                             "Mogadishu.\n") == [("Battles", "Armed clash")]


def test_a_name_ending_in_an_area_word_is_a_place_even_typed_as_a_person(annotator):
    text = "Unidentified gunmen shot and injured the Divisional Police Officer of Faskari LGA (Katsina).\n"
    result = annotation_json("x", annotator(text), threshold=0.0)
    assert "Faskari LGA" in {p["name"] for p in result["places"]}
    assert [e["type"] for e in result["events"]] == ["Battles"]  # a police officer is no civilian
    # a surname that is a town word stays a person
    said = annotation_json("x", annotator("They raised $16,000, said Brian Town, station director.\n"), threshold=0.0)
    assert "Brian Town" in {a["name"] for a in said["actors"]}


def test_them_counts_whom_the_verb_before_took_and_shot_dead_counts_its_object(annotator):
    (event,) = _events(annotator, "Maoists kidnapped two villagers in Narayanpur and killed them.\n")
    assert event["fatalities"] == 2
    (event,) = _events(annotator, "Gunmen abducted three traders in Zamfara and they were later killed.\n")
    assert event["fatalities"] == 3
    (event,) = _events(annotator, "Unknown militants shot a policeman dead outside his house in Quetta.\n")
    assert event["fatalities"] == 1
    # 'they' who kill are no one's dead
    (event,) = _events(annotator, "Gunmen stormed a village in Zamfara and they killed a guard.\n")
    assert event["fatalities"] == 1


def test_armed_victims_are_armed_however_their_phrase_runs(annotator):
    # what the troops fired at is no victim when the killing names its own
    (event,) = _events(annotator, "Pakistani troops fired at a forward border post in North Kashmir killing a "
                                  "BSF jawan.\n")
    assert (event["type"], event["fatalities"]) == ("Battles", 1)
    # the side an armed noun belongs to is no civilian victim
    (event,) = _events(annotator, "Two officers of Balochistan Constabulary were gunned down in Quetta.\n")
    assert (event["type"], event["fatalities"]) == ("Battles", 2)
    (event,) = _events(annotator, "Seven cadres were killed in a fierce gunbattle with military forces in Tuensang.\n")
    assert event["type"] == "Battles"
    (event,) = _events(annotator, "Gunmen killed two members of a family in Quetta.\n")
    assert (event["type"], event["fatalities"]) == ("Violence against civilians", 2)


def test_people_named_by_their_nation_are_victims_but_no_crowd(annotator):
    for text in ("Soldiers fired at Palestinians near the fence in Gaza.\n",
                 "Settlers attacked Palestinians near Hebron on Friday.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Violence against civilians"], text
    assert _events(annotator, "The Italians fought back to draw 2-2 with the Germans in Munich.\n") == []


def test_an_air_force_that_targets_something_strikes_from_the_air(annotator):
    # However the attack is told: targeted, attacked, launched attacks or raids.
    for text in ("The GNA air force targeted seven LNA fuel trucks in Al Qaryat.\n",
                 "Air forces launch attacks at a Boko Haram location near Kangarwa, killing 15.\n",
                 "The Nigerian Air Force attacked a militant camp in the Sambisa forest.\n",
                 "The airforce struck rebel positions near the town on Monday.\n"):
        (event,) = _events(annotator, text)
        assert (event["type"], event["sub_type"]) == ("Explosions/Remote violence", "Air/drone strike"), text
    # An air force that answers its critics, or plays football, strikes no one.
    _no_events(annotator, "The Air Force hit back at critics of the new fighter programme.\n",
                          "Air Force beat Navy 24-17 in the annual football game.\n")


def test_shells_fired_by_a_side_are_shelling_and_a_fire_fight_is_a_battle(annotator):
    assert _types(annotator, "Indiscriminate shells fired by LNA forces killed three civilians in Tagiura.\n") \
        == ["Explosions/Remote violence"]
    assert _types(annotator,
                  "An indiscriminate shell fired by LNA forces fell in Garabulli.\n") == ["Explosions/Remote violence"]
    assert _types(annotator, "The military forces engaged in a fire fight with separatists in Bafut.\n") == ["Battles"]
    assert _types(annotator, "The manager was fired by the board on Monday.\n") == []


def test_whom_armed_men_beat_or_attack_is_a_victim_unless_armed(annotator):
    assert _types(annotator, "Police forces beat up a businesswoman in Monrovia for not wearing a mask.\n") \
        == ["Violence against civilians"]
    assert _types(annotator,
                  "Suspected militants attacked Ioja Martins village in Quissanga.\n") == ["Violence against civilians"]
    assert _types(annotator, "Militants attacked an army base near Gao on Sunday.\n") == ["Battles"]
    # no one armed, no victim: sport and computing
    assert _types(annotator, "Arsenal attacked the goal in the second half.\n") == []
    assert _types(annotator, "Hackers attacked the website of the ministry.\n") == []


def test_a_victim_who_dies_in_hospital_adds_to_the_event_told_before(annotator):
    (event,) = _events(annotator, "Gunmen shot a trader in Kano on Monday. He died at Aminu Kano Teaching Hospital "
                                  "on Tuesday.\n")
    assert event["fatalities"] == 1
    (event,) = _events(annotator, "A councillor's bodyguard died when a bomb exploded at the councillor's home in "
                                  "Gaya.\n")
    assert event["fatalities"] == 1


def test_a_coalition_led_by_a_state_and_a_police_station_are_armed_sides(annotator):
    assert _types(annotator, "Sixteen Saudi-led coalition air raids were reported on Sirwah district.\n") \
        == ["Explosions/Remote violence"]
    assert _types(annotator, "The ruling coalition attacked the opposition's budget plan.\n") == []
    assert _types(annotator, "Rebels attacked the police station in Beni.\n") == ["Battles"]
    assert _types(annotator, "Rioters set fire to a police station in Dhaka.\n") == ["Riots"]


def test_killed_in_firing_is_gunfire_and_a_blaze_is_no_violence(annotator):
    (event,) = _events(annotator, "Four policemen were killed in firing by unidentified gunmen in Karachi.\n")
    assert (event["type"], event["fatalities"]) == ("Battles", 4)
    assert [e["type"] for e in _events(annotator, "A blaze killed two workers at the factory in Ohio.\n")
            if e["type"] != "Strategic developments"] == []


def test_an_accident_or_a_germ_kills_no_one_by_violence_but_an_armed_doer_still_does(annotator):
    _no_events(annotator, "A bus plunged into a ravine in Himachal Pradesh, killing 25 passengers.\n",
                          "A ferry capsized on Lake Victoria, killing at least 30 people.\n",
                          "A train derailed near Cordoba, killing 12 passengers.\n",
                          "The new strain has killed 40 people in the region since March, health officials said.\n",
                          "Two soldiers were killed after being electrocuted in a shower at their base in Iraq.\n",
                          "Soldiers were killed by an electric shock at the base.\n")
    # An accident word elsewhere in the sentence does not clear the armed men who kill.
    assert _types(annotator, "Gunmen ambushed a bus and killed 12 passengers, and the vehicle overturned.\n") \
        == ["Violence against civilians"]
    # (protesters killed by troops are a protest put down by force: still a deadly event)
    assert _kinds(annotator, "The country plunged into chaos after soldiers killed 20 protesters in the capital.\n") \
        == [("Protests", "Excessive force against protesters")]
    assert _types(annotator, "The country plunged into chaos after soldiers killed 20 villagers in the capital.\n") \
        == ["Violence against civilians"]


def test_the_dead_a_sentence_counts_after_an_accident_are_the_accident_s(annotator):
    # The accident in one sentence, its dead in the next, in one paragraph or two.
    _no_events(annotator,
               "Bus crash\n\nA bus collided with a lorry on the M4 near Swindon on Sunday. A man and a woman were "
               "killed and 14 passengers were injured, police said.\n",
               "Car hits tree\n\nA car carrying five students hit a tree and overturned near Nakuru on Friday night."
               "\n\nThree of the students died at the scene, police said.\n",
               "Ferry capsizes\n\nA ferry carrying 40 passengers capsized on Lake Kivu on Monday. At least 12 people "
               "drowned and 20 are missing.\n",
               "Storm\n\nA storm hit the coastal town on Friday. Two people were killed.\n")
    # A hand of their own still makes the deaths violence...
    assert _types(annotator, "Crash\n\nA bus collided with a lorry near Swindon on Sunday. Gunmen then shot dead "
                             "two passengers.\n") == ["Violence against civilians"]
    assert _types(annotator, "Market\n\nA fire broke out in the market in Maiduguri on Sunday. Two traders were "
                             "killed by gunmen, police said.\n") == ["Violence against civilians"]
    # ... and deaths after an attack are the attack's, as before.
    (attack,) = _events(annotator, "Attack\n\nGunmen attacked a bus near Garissa on Sunday. Two passengers were "
                                   "killed.\n")
    assert (attack["type"], attack["fatalities"]) == ("Violence against civilians", 2)
    # The accident's dead are not counted to an attack told before it.
    events = _events(annotator, "Two incidents\n\nMilitants attacked an army checkpoint near Garissa on Monday, "
                                "killing a soldier. Later a bus collided with a lorry on the highway. Two people "
                                "were killed.\n")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 1)]


def test_the_dead_told_after_a_protest_put_down_or_a_riot_are_its_own(annotator):
    (event,) = _events(annotator, "Crackdown\n\nPolice opened fire on protesters in Mombasa on Monday. Two people "
                                  "were killed.\n")
    assert (event["sub_type"], event["fatalities"]) == ("Excessive force against protesters", 2)
    (event,) = _events(annotator, "Riot\n\nProtesters clashed with police and burned tyres in Ibadan on Monday. "
                                  "Three people died.\n")
    assert (event["type"], event["fatalities"]) == ("Riots", 3)
    # A march no one put down does not take deaths the next sentence tells: they are an event of their own.
    events = _events(annotator, "Rally\n\nThousands of teachers marched peacefully through the capital on Monday "
                                "to demand higher pay. Two people were killed.\n")
    assert [(e["sub_type"], e["fatalities"]) for e in events] == [("Peaceful protest", None), ("Attack", 2)]


def test_a_blast_that_kills_is_explosive_violence_unless_industry_or_a_household_exploded(annotator):
    for text in ("Blast kills five in Quetta market.\n", "Twin blasts rock Baghdad, killing 20.\n",
                 "Five people were killed in a blast at a market in Quetta.\n"):
        assert _types(annotator, text) == ["Explosions/Remote violence"], text
    _no_events(annotator, "An explosion at a fireworks factory killed 20 workers in Tamil Nadu.\n",
                          "A gas explosion destroyed an apartment block in Moscow, killing 8.\n",
                          "A blast at a chemical plant in Tianjin killed 173 people.\n",
                          "A boiler explosion killed three workers at the mill.\n")


def test_a_shell_casing_is_a_gun_s_not_an_artillery_shell(annotator):
    assert _types(annotator, "Detectives recovered a shell casing near the body of a man found shot in Flint.\n") == [
        "Violence against civilians"]
    assert _types(annotator, "A shell fired by the army hit a house in Donetsk.\n") == ["Explosions/Remote violence"]


def test_explosive_as_a_figure_is_no_weapon_and_police_who_smash_a_ring_riot_not(annotator):
    # 'explosive' qualifying evidence does not make a shooting an explosion; an explosive attack does.
    assert _types(annotator, "But there was one potentially explosive piece of evidence on the tape, seen before "
                             "the shooting, then leaving seconds after Flores was shot.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "Militants carried out a remote explosive attack on two depots in Mersin.\n") \
        == ["Explosions/Remote violence"]
    # A ring or a racket smashed is a crime network broken up: arrests, not a riot.
    assert _types(annotator, "Police smashed two drugs smuggling rings and arrested 30 people.\n") \
        == ["Strategic developments"]
    assert _types(annotator, "Rioters smashed shop windows in the city centre.\n") == ["Riots"]


def test_what_business_kills_and_a_film_that_bombed_are_figures(annotator):
    _no_events(annotator, "Analysts said the merger would kill competition in the sector.\n",
                          "Netflix bombed at the box office with its first feature release.\n",
                          # a work named with a compound before it is still one
                          "He was murdered in the latest Bond film.\n")
    # A box office is still a place where people are killed.
    assert _types(annotator, "Gunmen killed a ticket seller at the box office of a cinema in Karachi.\n") \
        == ["Violence against civilians"]


def test_someone_blasted_in_words_is_no_explosion(annotator):
    # Headlines, politics and the sports page blast people and decisions in words.
    _no_events(annotator, "Obama blasts Republicans over budget cuts.\n",
               "Opposition leader blasts government over fuel prices.\n",
               "The union blasted the decision to cut jobs at the plant.\n",
               "The minister blasted critics of the plan on Tuesday.\n")
    # Blasts that rock a town, bombs that blast a convoy and armed groups that blast a post do explode.
    for text in ("Two blasts rocked Kabul on Monday, killing four people.\n", "Bomb blasts kill 12 in Kabul.\n",
                 "Multiple blasts rock Colombo churches.\n", "Car bomb blasts army convoy in Mogadishu.\n",
                 "Taliban blasts police post in Kandahar.\n"):
        assert _types(annotator, text) == ["Explosions/Remote violence"], text


def test_hooligans_who_clash_with_police_riot(annotator):
    assert _kinds(annotator, "Hooligans clashed with police before the match, injuring 12 officers.\n") \
        == [("Riots", "Violent demonstration")]


def test_a_disease_that_kills_is_no_violence_but_a_clinic_named_after_one_is_still_attacked(annotator):
    _no_events(annotator, "Measles killed two children in the village last week.\n",
                          "Cholera has killed 40 people in the camp, the WHO said.\n")
    # Cells, germs and pests killed are no victims, the hazard word before them or not.
    _no_events(annotator, "The drug killed cancer cells in mice, researchers said.\n",
                          "The spray killed mosquitoes across the city.\n")
    # A hazard word that only qualifies a noun names a thing: the attack on it is violence.
    assert _types(annotator, "Residents attacked an Ebola treatment centre in Butembo, injuring two health "
                             "workers.\n") == ["Riots"]
    assert _types(annotator, "Villagers attacked a team of Ebola responders in Beni, killing one.\n") \
        == ["Violence against civilians"]


def test_a_character_killed_off_is_written_out_not_slain(annotator):
    _no_events(annotator, "The actor was killed off in the season finale.\n",
                          "Cheap imports killed off the town's textile industry.\n")
    # 'killed off-duty ...' is a killing; off duty, the police officers are civilians, as ACLED
    # codes them (an off-duty officer shot by al Shabaab: 'Civilians (Somalia)').
    assert _types(annotator, "Gunmen killed off-duty police officers in Karachi on Monday.\n") == [
        "Violence against civilians"]


def test_what_a_storm_or_a_fire_destroys_is_no_ones_destruction(annotator):
    _no_events(annotator, "The hurricane killed 12 people in Haiti and destroyed hundreds of homes.\n",
                          "Fire destroyed the market in Kano, officials said.\n")
    assert _types(annotator, "Rioters destroyed shops and cars in Jos on Sunday.\n") == ["Riots"]


def test_what_is_killed_or_executed_must_be_someone(annotator):
    # Culture, business, politics: 'it', a trade, a bill.
    _no_events(annotator, "The comedian killed it at the festival in Edinburgh, critics said.\n",
                          "The company executed the trade for its clients in London.\n",
                          "The Senate killed the bill on Tuesday.\n")
    for text in ("Islamic State militants executed two men in Raqqa.\n",
                 "The Taliban executed a journalist in Kunduz.\n",
                 "Gunmen killed him outside his house in Karachi.\n"):
        assert _types(annotator, text) == ["Violence against civilians"], text


def test_a_police_raid_that_hurts_no_one_is_a_search_and_a_militias_raid_an_attack(annotator):
    # Business news: a raid in a fraud inquiry is no violence against anyone.
    assert _kinds(annotator, "Police raided the offices of the bank in Frankfurt as part of a tax fraud "
                             "investigation.\n") == [("Strategic developments", "Other")]
    assert _types(annotator, "Militiamen raided a village in Ituri on Sunday.\n") == ["Violence against civilians"]
    assert _types(annotator, "Militants raided a police post in Kunar, killing two policemen.\n") == ["Battles"]


def test_violence_in_fiction_by_an_animal_or_of_a_flop_is_no_event(annotator):
    # Culture and everyday news: a novel's murder, a dog's attack, a concert or a film that bombed.
    _no_events(annotator, "He was murdered in the novel's first chapter, set in Venice.\n",
                          "The minister was attacked by a dog while jogging in Canberra.\n",
                          "The band's concert in Paris was bombed by critics.\n",
                          "The film bombed at the box office in its opening week.\n")
    assert _types(annotator, "Gunmen attacked the concert hall in Paris, killing 89 people.\n") == [
        "Violence against civilians"]
    assert _types(annotator, "The village was shelled by government forces in Idlib.\n") == [
        "Explosions/Remote violence"]


def test_violence_a_work_of_fiction_tells_is_no_event_but_a_report_s_is(annotator):
    # What a film, a novel or a series is about: reviews and culture pages.
    _no_events(annotator, "The film follows a hitman who kills his way through the Osaka underworld.\n",
                          "The novel tells the story of a soldier who deserts and murders his commanding officer.\n",
                          "The series is about a gang that robs banks and shoots police officers in 1970s Turin.\n")
    # A report, or a person of the film, is no fiction.
    assert _types(annotator, "The report said troops killed 20 villagers in Kasai province in March.\n") == [
        "Violence against civilians"]
    assert _types(annotator, "The film's director was killed in a car bomb attack in Kabul on Monday.\n") == [
        "Explosions/Remote violence"]


# Violence not told as what happened, and beside each class what does happen.
NOT_TOLD = {
    # judged in court: court reports tell old crimes to name the case (a trial, a sentence, a
    # release); violence beside a trial and what police arrest for stay (None: some event)
    "judged in court": (
        ("A former militant convicted of bombing a bus station and killing two guards was paroled in Nicosia.\n",
         "The court sentenced two soldiers to death for killing a farmer in Gulu.\n",
         "He was jailed for 10 years for the attack on a mosque in Christchurch.\n",
         "The former officer was sentenced to life for murder in the bombing of a bus in Tel Aviv.\n"),
        (("Gunmen killed a judge who had jailed militants for attacking a police post in Quetta.\n",
          ["Violence against civilians"]),
         ("Militants suspected of attacking a police post were killed in an encounter in Kupwara.\n", ["Battles"]),
         ("A gunman accused of shooting three people at a school in Dover was wounded by police.\n", None))),
    # asked, doubted or supposed with 'whether' or 'if'; what the question presupposes happened
    "asked or supposed": (
        ("Officials would not say whether the missing hikers had been abducted near Chitral.\n",
         "If the rebels attack the town, it will fall, the governor said in Goma.\n",
         "Villagers said they would fight if soldiers attacked them.\n"),
        (("It was not known if anyone was killed in the blast in Kabul.\n", ["Explosions/Remote violence"]),)),
    # what may come or is guarded against; an attack repelled was fought, a 'feared' gang that killed did
    "may come or guarded against": (
        ("Officials did not rule out a possible bombing of the stadium in Cardiff.\n",
         "Farmers near Gao remain vulnerable to raids by armed bandits.\n"),
        (("Troops repelled an attack by rebels on the town of Beni on Monday.\n", ["Battles"]),
         ("Two people were killed in an attack by feared gunmen in Kaduna.\n", ["Violence against civilians"]))),
}


@pytest.mark.parametrize(("not_told", "told"), NOT_TOLD.values(), ids=NOT_TOLD.keys())
def test_violence_not_told_as_happened_is_no_event(annotator, not_told, told):
    _no_events(annotator, *not_told)
    for text, types in told:
        if types is None:
            assert _types(annotator, text) != [], text
        else:
            assert _types(annotator, text) == types, text


def test_violence_beside_a_wish_happened_and_violence_wished_did_not(annotator):
    (event,) = _events(annotator, "An insurgent wanted for several bombings was killed in a gunfight with police "
                                  "in Pattani.\n")
    assert event["type"] == "Battles"
    assert _events(annotator, "The rebels vowed to attack the capital.\n") == []


def test_a_way_blocked_by_people_is_a_protest_however_it_is_told(annotator):
    for text in ("Students blocked with two buses the Pan-American highway near Lima.\n",
                 "A group of neighbours blocked the entrance to the general cemetery in Lima.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Protests"], text
    # the police, a senate or a landslide blocking a way is no protest
    _no_events(annotator, "Police blocked the entrance to the stadium before the match.\n",
                          "Senators blocked the bill in a vote on Tuesday.\n",
                          "A landslide blocked the highway to the villages on Monday.\n")


def test_violence_by_the_people_of_a_place_is_mob_violence(annotator):
    for text in ("A suspected thief was beaten up by locals in a market in Kano.\n",
                 "Villagers lynched two suspected cattle thieves on Sunday.\n",
                 "Residents attacked the police station after the arrest of a local youth.\n"):
        assert [(e["type"], e["sub_type"]) for e in _events(annotator, text)][:1] == [("Riots", "Mob violence")], text
    # a team of locals, or locals against a plan: no one hurt, nothing damaged
    _no_events(annotator, "The home side were beaten by the locals, who scored twice in the second half.\n",
                          "Locals attacked the plan at a council meeting on Monday.\n")


def test_a_sentence_counting_a_part_of_what_was_told_goes_on_telling_it(annotator):
    # 'of them' counts a part of the shells or people the sentence before told of: one event.
    events = _events(annotator, "Troops fired 36 shells at the rebel posts. Six shells of them hit the area "
                                "near the posts.\n")
    assert [e["type"] for e in events] == ["Explosions/Remote violence"]
    events = _events(annotator, "Gunmen abducted five villagers near Kaduna on Monday. "
                                "Two of them were later killed.\n")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Violence against civilians", 2)]


def test_violence_told_beside_an_arrest_is_the_event_and_one_told_as_its_cause_is_not(annotator):
    # Clauses joined by 'and', or a comma splice: the violence is what happened.
    for text, expected in (("One party member was detained and later found killed.\n",
                            ("Violence against civilians", 1)),
                           ("A civilian was killed when an IED went off near the market, the police arrested 6 men.\n",
                            ("Explosions/Remote violence", 1))):
        assert [(e["type"], e["fatalities"]) for e in _events(annotator, text)] == [expected], text
    # A killing the arrest is for, a protest the police broke up, a road death: as before.
    assert [e["type"] for e in _events(annotator, "Police arrested two men for killing a trader.\n")] == [
        "Strategic developments"]
    assert [e["type"] for e in _events(annotator, "Police fired rubber bullets and lobbed stun grenades to "
                                                  "disperse the 200 protesters.\n")] == ["Protests"]
    assert _events(annotator, "A man was hit by a car and killed early on Sunday.\n") == []


def test_the_weapons_fired_at_positions_decide_between_shelling_and_a_battle(annotator):
    for text, expected in (("Rebel forces fired mortars and grenade launchers at the army's positions near Pisky.\n",
                            "Explosions/Remote violence"),
                           ("Rebel forces fired mortars, heavy machine guns and small arms at the army's positions "
                            "near Pisky.\n", "Battles")):
        assert [e["type"] for e in _events(annotator, text)] == [expected], text


def test_a_crowd_that_attacks_the_police_riots_and_burning_barricades_is_a_riot(annotator):
    for text in ("Rioters pelted stones at the police and damaged a police car in Hyderabad.\n",
                 "The group set barricades on fire in San Antonio and demanded the newcomers leave.\n"):
        assert [e["type"] for e in _events(annotator, text)] == ["Riots"], text
    # militants who attack the police during riots fight a battle
    assert [e["type"] for e in _events(annotator, "Militants attacked a police post during the riots in Srinagar.\n")
            ] == ["Battles"]


def test_a_gunfight_needs_no_side_named_and_a_penalty_shoot_out_is_no_fight(annotator):
    # only armed men fight a gunfight: the word names the sides' kind
    assert [e["type"] for e in _events(annotator, "A gunfight broke out in the Lins neighbourhood on Thursday.\n")
            ] == ["Battles"]
    assert _events(annotator, "Chelsea won the final after a penalty shoot-out in Munich.\n") == []


def test_people_the_police_disperse_are_a_crowd_and_boats_a_storm_disperses_are_not(annotator):
    events = _events(annotator, "Police dispersed the villagers outside the district office in Gaya on Monday.\n")
    assert [(e["type"], e["sub_type"]) for e in events] == [("Protests", "Protest with intervention")]
    assert _events(annotator, "The storm dispersed the villagers' boats along the coast.\n") == []


def test_a_fight_named_as_one_the_reader_knows_is_the_same_fight_however_far_back(annotator):
    text = ("A two-hour gun battle between the army and drug gunmen ended with 18 dead in Acapulco on Saturday.\n\n"
            "Tourists were evacuated from two hotels.\n\n"
            "The hotels are popular with visitors from Mexico City.\n\n"
            "Soldiers patrolled the neighbourhood of Saturday's gun battle on Sunday.\n")
    assert [(e["type"], e["fatalities"]) for e in _events(annotator, text)] == [("Battles", 18)]
    # the retelling says when the first telling did not
    events = _events(annotator, "Government forces repelled a strong attack by ISIL fighters near Palmyra. "
                                "The ISIL assault, which began on Thursday, marked the first major counterattack "
                                "against the allied forces.\n", "2017-09-29")
    assert [(e["type"], e["date"]) for e in events] == [("Battles", "2017-09-28")]


def test_people_are_named_by_a_noun_not_by_an_adjective_that_shares_its_word(annotator):
    # 'local', 'official', 'minor' as adjectives name no one: nothing was there to be hurt.
    assert _types(annotator, "Toads\n\nIn a local pond, more than 1,000 toads have expanded and then exploded.\n") == []
    assert _types(annotator, "Cars\n\nOfficial figures show that two engines exploded during the test.\n") == []
    # As nouns they do, and 'civilian' names people as an adjective too.
    assert _types(annotator, "Blast\n\nLocals said a bomb exploded in the market, killing two.\n") == [
        "Explosions/Remote violence"]
    assert "Violence against civilians" in _types(
        annotator, "Raid\n\nGunmen killed four people in a raid that caused heavy civilian casualties.\n")


def test_no_one_as_the_subject_denies_the_verb(annotator):
    # A claim nobody made is no statement, and does not hide the killing beside it: the same
    # event as the first clause alone (gunmen who kill a policeman fight an armed side).
    told = "Unknown gunmen shot dead a policeman in Quetta"
    assert _kinds(annotator, f"Quetta\n\n{told}, and no group has claimed responsibility.\n") \
        == _kinds(annotator, f"Quetta\n\n{told}.\n") == [("Battles", "Armed clash")]
    events = _events(annotator, "Convoy\n\nNo one was killed in the attack on the convoy.\n")
    assert all(e["fatalities"] is None for e in events)


def test_fire_a_side_or_a_weapon_is_said_to_own_is_gunfire_not_a_blaze(annotator):
    shot = _events(annotator, "Border\n\nA girl was killed after Indian fire across the border.\n")
    assert [(e["type"], e["fatalities"]) for e in shot] == [("Violence against civilians", 1)]
    assert _types(annotator, "Blaze\n\nA fire broke out in a house in Karachi, killing two children.\n") == []


def test_killings_told_by_how_the_victim_died(annotator):
    for sentence in ("Jubo League leader Sirajul Islam Sikder was chopped to death in Natore by party rivals.",
                     "One security personnel was martyred in Dera Bugti on Monday."):
        events = _events(annotator, f"Killing\n\n{sentence}\n")
        assert [e["fatalities"] for e in events] == [1], sentence


def test_animals_killed_are_no_victims_of_violence(annotator):
    assert _types(annotator, "Festival\n\nThe farmer killed two goats for the festival.\n") == []
    assert _types(annotator, "Park\n\nHunters killed three bears in the park.\n") == []
    assert _types(annotator, "Village\n\nGunmen killed two farmers and their goats in the village.\n") == [
        "Violence against civilians"]
    # ... nor birds and beasts found dead in disease and wildlife news, though a body found is.
    for sentence in ("A dead heron found in the village of Balnacoil in Fife has tested positive for bird flu.",
                     "Hundreds of dead pigeons were found in the main square of Bucharest on Monday."):
        assert _types(annotator, f"Outbreak\n\n{sentence}\n") == [], sentence
    assert _types(annotator, "Village\n\nA dead man was found in the village of Balnacoil on Monday.\n") == [
        "Violence against civilians"]


def test_counts_read_past_the_parsers_slips(annotator):
    counts = {
        # the killers are none of the dead
        "Unknown gunmen shot dead a 37-year-old pharmacy owner in Taunsa.": 1,
        # a name and what it is are one person
        "Malik Badshah Khan, a member of the village defence committee, was murdered in Bajaur.": 1,
        # the article hung on a word before the noun
        "A top CPI Maoist commander was killed in an encounter with security forces in Gumla.": 1,
        # a participle read as the main verb, the passive after it as its conjunct
        "Two policemen deployed for the security of the complex were shot dead at a checkpoint in Karachi.": 2,
        "Unidentified men on motorcycles fired upon two activists in Swabi, killing both.": 2,
    }
    for sentence, count in counts.items():
        assert [e["fatalities"] for e in _events(annotator, f"Killing\n\n{sentence}\n")] == [count], sentence


def test_fire_returned_or_exchanged_is_gunfire_and_names_given_to_fighters_are_fighters(annotator):
    events = _events(annotator, "Raid\n\nTwo key TTP militants, Sajid and Mohammad Zafar, were killed by Karachi "
                                "counter terrorism police as the militants responded with fire during a raid.\n")
    assert [(e["type"], e["fatalities"]) for e in events] == [("Battles", 2)]
    # Firefighters respond to a blaze: the deaths are no violence.
    assert _types(annotator, "Flats\n\nFirefighters responded to a fire that killed two people in the flats.\n") == []


def test_an_attack_on_a_town_between_two_armed_sides_is_a_battle(annotator):
    # the town is the ground fought over, not the victims; villagers attacked are civilians
    repelled = _events(annotator, "Government forces repel an al Shabaab attack on Maxaas, at least four dead.\n")
    assert [e["type"] for e in repelled] == ["Battles"]
    villagers = _events(annotator, "Militants attacked villagers in Maxaas as troops looked on.\n")
    assert [e["type"] for e in villagers] == ["Violence against civilians"]


def test_an_attack_on_armed_men_is_a_battle_though_a_civilian_is_hurt_beside_them(annotator):
    # ACLED codes by the side attacked: a patrol or a police station attacked is a battle, and a
    # civilian killed with the soldiers, or a detainee hurt in the station, does not make it one
    # on civilians.
    for text in ("Militants attacked and fired at a CRPF patrol party in Handwara, in which three CRPF personnel "
                 "and one civilian were killed.\n",
                 "Paramilitary men fired at a police station, injuring a detainee.\n"):
        assert _types(annotator, text) == ["Battles"], text
    # Civilians alone attacked stay civilians.
    assert _types(annotator, "Militants attacked villagers and a shopkeeper in Maxaas.\n") \
        == ["Violence against civilians"]


def test_who_tells_of_an_event_is_no_side_in_it(annotator):
    # 'said the officer-in-charge of the police station': a source, not armed men at the scene
    events = _events(annotator, ("Nine people were burned as assailants hurled a petrol bomb at a bus in Feni "
                                 "on Sunday night, said the officer-in-charge of Daganbhuiyan Police Station.\n"))
    assert [e["type"] for e in events] == ["Violence against civilians"]


def test_a_town_read_outside_the_storys_countries_gives_way_to_a_place_inside_them(annotator):
    # No Oba, Chora or San Juan of these countries is in the gazetteer: the towns abroad that
    # bear the names are not where it happened, the district or town named beside them is.
    oba = _events(annotator, ("Hundreds of traders protested in Oba town in Idemili South LGA (Anambra) on "
                              "Tuesday over new market levies.\n"))
    assert [e["place"] for e in oba] == ["Anambra State"]
    chora = _events(annotator, ("Police clashed with Taliban fighters in Chora district, north of Tarinkot city, "
                                "Urozgan, on Monday.\n"))
    assert [e["place"] for e in chora] == ["Tarinkot"]
    san_juan = _events(annotator, "Prisoners protested over food in San Juan, Lagunillas, Merida state, on Saturday.\n")
    assert [e["place"] for e in san_juan] == ["Lagunillas"]
    # A country named in passing is no place inside the story's countries: Kathmandu stays.
    kathmandu = _events(annotator, "Nepali police arrested ten men from India in Kathmandu on Friday.\n")
    assert [e["place"] for e in kathmandu] == ["Kathmandu"]


def test_of_two_places_one_put_in_the_other_the_inner_one_is_the_events(annotator):
    # Thepha district lies in Songkhla province, whose capital GeoNames reads the name as: a city
    # is more precise than a district by kind, but the text says where in Songkhla it happened.
    thepha = _events(annotator, "Two rangers were wounded in a bomb attack in Songkhla's Thepha district on Monday.\n")
    assert [e["place"] for e in thepha] == ["Thepha"]
    # Not a country, which lies in no district: the border is in Chandel, Myanmar is not.
    chandel = _events(annotator, ("A soldier was killed in an ambush near the Indo-Myanmar border in Chandel district "
                                  "on Sunday.\n"))
    assert [e["place"] for e in chandel] == ["Chandel"]


def test_a_hazard_that_is_only_the_setting_does_not_make_an_attack_an_accident(annotator):
    attack = _events(annotator, ("Assailants attacked party workers who were distributing food during the lockdown "
                                 "amid the coronavirus pandemic in Agartala on Sunday.\n"))
    assert [e["type"] for e in attack] == ["Violence against civilians"]
    assert _events(annotator, "Two people were killed during a storm in Dhaka on Sunday.\n") == []
    assert _events(annotator, "Five people were killed amid heavy flooding in Assam on Sunday.\n") == []


def test_a_place_that_says_whose_money_is_not_where_it_happened(annotator):
    # (the village is in no gazetteer; the country is still no place of the protest)
    events = _events(annotator, ("Rioters blocked the road in Dbayeh against the high US dollar exchange rate "
                                 "on Monday.\n"))
    assert [e["type"] for e in events] == ["Riots"]
    assert events[0]["place"] != "United States"


def test_the_town_of_a_hospital_where_the_hurt_died_is_no_new_place(annotator):
    # 'Dhaka' heads the hospital's name: the death there is the stabbing's, counted with it
    events = _events(annotator, ("A BCL activist was stabbed by rivals in Feni upazila on Sunday. He died while "
                                 "being taken to Dhaka Medical College Hospital.\n"))
    assert [(e["type"], e["fatalities"]) for e in events] == [("Violence against civilians", 1)]


def test_an_officer_attacked_at_his_own_home_is_off_duty(annotator):
    # ACLED counts a soldier or police officer attacked at home as a civilian; on duty, a battle
    home = _events(annotator, "Unidentified gunmen assassinate an army colonel near his residence.\n")
    assert [e["type"] for e in home] == ["Violence against civilians"]
    post = _events(annotator, "Unidentified gunmen killed an army colonel at a checkpoint near Mogadishu.\n")
    assert [e["type"] for e in post] == ["Battles"]
    # the dwelling must be where it happened, not what a crowd protests about
    riot = _events(annotator, ("Two police officers were killed when police clashed with rioters who were "
                               "protesting against the city's plan to demolish their houses.\n"))
    assert "Violence against civilians" not in [e["type"] for e in riot]


def test_troops_fighting_a_name_fight_an_armed_side(annotator):
    # an unknown name that troops fight is armed; a party's supporters are a crowd; fans no one's side
    kia = _events(annotator, ("Fighting broke out between the KIA and government troops about 20 miles east of "
                              "Hpakant, forcing about 100 villagers to flee their homes.\n"))
    assert [e["type"] for e in kia] == ["Battles"]
    supporters = _events(annotator, "Clashes broke out between police and BNP supporters in Dhaka on Sunday.\n")
    assert [e["type"] for e in supporters] == ["Riots"]
    assert _events(annotator, "Fighting broke out between Chelsea and Arsenal fans after the match.\n") == []


def test_forces_that_move_or_change_sides_are_a_strategic_development_and_a_clubs_reinforcements_are_not(annotator):
    change = ("Strategic developments", "Change to group/activity")
    assert _kinds(annotator, "Houthi reinforcements arrived on the Nihm frontline on Tuesday.\n") == [change]
    assert _kinds(annotator, "Russian and Turkish forces carried out a joint patrol in Hasakah province.\n") == [change]
    assert _kinds(annotator, "A military column entered the town of Tal Tamr on Sunday, carrying equipment.\n") \
        == [change]
    assert _kinds(annotator, "A battalion on the island defected from the government to the separatists.\n") \
        == [change]
    # no armed side: a club's signings, politicians who cross the floor, an aid convoy
    _no_events(annotator, "Arsenal brought in reinforcements in January after injuries to two defenders.\n",
               "Army engineers finished the reinforcement of the dam near Mosul on Monday.\n",
               "Two Conservative MPs defected to the Liberal Democrats on Tuesday.\n",
               "An aid convoy of 40 trucks entered the city on Monday.\n")
    # a fight the sentence tells beside the movement is the event
    assert _types(annotator, "Army reinforcements arrived in the town and clashed with the rebels.\n") == ["Battles"]


def test_a_clause_told_in_the_past_before_a_call_is_what_happened(annotator):
    # a comma joins two sentences; the parser hangs the first on 'called' as if it were called for
    assert _types(annotator, ("Students protested in Jerusalem against the exam decisions, the students also "
                              "called for financial help.\n")) == ["Protests"]
    # what is called for, urged or foretold has not happened
    _no_events(annotator, "Fight the police, the leader urged the crowd.\n",
               "The rebels would attack the town, the commander threatened on Friday.\n",
               "The rebels will attack the town, the commander vowed on Friday.\n")


def test_property_burnt_by_armed_or_unknown_doers_is_destruction_and_by_a_crowd_a_riot(annotator):
    destruction = ("Strategic developments", "Looting/property destruction")
    assert _kinds(annotator, "Militants torched a school in Diguel on Friday.\n") == [destruction]
    assert _kinds(annotator, "Three apartments in Ponce were set on fire by unknown individuals on Tuesday.\n") \
        == [destruction]
    assert _kinds(annotator, "An unidentified group vandalised a cafe in Belitsa on Sunday.\n") == [destruction]
    # a crowd, or people in number, riot; buses counted are no victims
    assert _kinds(annotator, "Youths torched three buses in Dhaka on Monday.\n") == [("Riots", "Violent demonstration")]
    assert _types(annotator, "A mob set fire to a police station in Karachi.\n") == ["Riots"]
    # 'assailants' says only that someone attacked: the bus-burners of a hartal riot
    assert _types(annotator, "Unidentified assailants torched a bus at Mohammadpur in Dhaka on Monday.\n") == ["Riots"]
    # unknown doers of what is not burnt or wrecked by hand
    _no_events(annotator, "Unknown hackers destroyed the company's backup servers on Monday.\n")


def test_an_effigy_burnt_by_a_crowd_is_a_protest_and_at_a_bonfire_night_no_event(annotator):
    assert _kinds(annotator, "Party activists burnt an effigy of the chief minister in Patiala on Monday.\n") \
        == [("Protests", "Peaceful protest")]
    _no_events(annotator, "Thousands watched as effigies of Guy Fawkes were burnt on bonfires in Lewes on Saturday.\n")


def test_a_passive_killing_whose_subject_the_parser_hung_on_the_place_before_it(annotator):
    # 'leader' is parsed as an apposition of 'Guerrero': the verb has no subject of its own
    assert _types(annotator, "On 28 April, in Petatlan, Guerrero, a former party leader was shot dead in a street.\n") \
        == ["Violence against civilians"]
    _no_events(annotator, "In Madrid, Spain, a new stadium was opened on Sunday.\n")


def test_no_break_spaces_read_as_spaces_and_spans_stay_the_raw_texts(annotator):
    # web copy puts no-break spaces between words: the same reading as with spaces, one page for
    # the name however it is spaced, and every span still the raw text's own characters
    raw = "Activists of Bangladesh\xa0Chhatra League hurled two petrol\xa0bombs\xa0at a bus in Dhaka on Monday.\n"
    spaced = annotation_json("x", annotator(raw.replace("\xa0", " ")), threshold=0.0)
    nbsp = annotation_json("x", annotator(raw), threshold=0.0)
    assert [e["type"] for e in nbsp["events"]] == [e["type"] for e in spaced["events"]] == ["Riots"]
    assert [a["name"] for a in nbsp["actors"]] == [a["name"] for a in spaced["actors"]]
    assert "Bangladesh Chhatra League" in [a["name"] for a in nbsp["actors"]]
    annotation = annotator(raw)
    for span in [*annotation.sentences, *(m for e in [*annotation.actors, *annotation.places] for m in e.mentions),
                 *(e.evidence for e in annotation.events)]:
        assert raw[span.start:span.end] == span.text


def test_protests_told_in_other_words_and_what_is_blown_up_by_an_armed_side(annotator):
    assert _types(annotator, "Violent protests continued across Sunsari district on Friday.\n") == ["Riots"]
    assert _types(annotator, "Surkhet locals have taken to the streets demanding that the region be kept.\n") \
        == ["Protests"]
    assert _types(annotator, "200 students held a two-hour sit in on Tuesday demanding better amenities.\n") \
        == ["Protests"]
    assert _types(annotator, "About 2,000 teachers sat on the street in Bhubaneswar, blocking traffic.\n") \
        == ["Protests"]
    assert _kinds(annotator, "Militants blew up a gas pipeline in Dera Allahyar on Sunday.\n") \
        == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    _no_events(annotator, "The children blew up balloons for the party in Leeds on Saturday.\n",
               "The row blew up after the minister's remarks on Monday.\n",
               "A lorry was blocking traffic on the M6 after a crash on Monday.\n",
               "He will sit in on the meeting of the board on Friday.\n")


def test_a_headline_verb_read_as_an_adjective_keeps_its_doers(annotator):
    # present-tense 'open' is parsed as an adjective: its subject was taken for its victims,
    # and police shooting protesters became a battle; it is their protest, put down by force
    assert _kinds(annotator, "Police open fire on protesters in Nairobi, killing five.\n") \
        == [("Protests", "Excessive force against protesters")]
    assert _types(annotator, "Two are dead after gunmen stormed a bar in Kano on Sunday.\n") \
        == ["Violence against civilians"]


def test_a_shooting_is_armed_though_no_gun_is_named(annotator):
    # officers shot by a man, or by men they stopped: an armed attack on police, not a mob's
    assert _types(annotator, "Officers were shot by a man who was wanted by the police in Diego Martin.\n") \
        == ["Battles"]
    assert _types(annotator, "Traffic police who tried to stop two men on a motorcycle were shot and injured.\n") \
        == ["Battles"]
    # gunfire exchanged is a fight, in any form of the words
    assert _types(annotator, "Two groups of police and court guards exchanged gunfire at a compound in Mogadishu.\n") \
        == ["Battles"]
    # villagers with sticks and stones are still a mob; a ball shot into the net no event
    assert _types(annotator, "Villagers attacked a police patrol with sticks and stones in Kaduna on Monday.\n") \
        == ["Riots"]
    _no_events(annotator, "The striker shot the ball into the net in the second half.\n")


def test_bombs_a_crowd_throws_are_its_riot_and_a_bomb_at_a_rally_is_an_explosion(annotator):
    # ACLED codes a blockade's pickets as rioters whatever they throw
    assert _types(annotator, "A policeman was injured as pickets hurled a crude bomb at a police van in Feni.\n") \
        == ["Riots"]
    # the crowd as the bomb's victims, or armed men who throw one, are no riot
    assert _types(annotator, "A bomb exploded at a protest rally in Quetta, killing five protesters.\n") \
        == ["Explosions/Remote violence"]
    assert _types(annotator, "Militants hurled a grenade at a police van in Srinagar on Tuesday.\n") \
        == ["Explosions/Remote violence"]


def test_grievances_carried_to_an_office_are_a_protest_and_to_social_media_not(annotator):
    assert _types(annotator, ("Hundreds of health workers took their frustrations to the Department of Health "
                              "offices in Pretoria.\n")) == ["Protests"]
    _no_events(annotator, "Fans took their frustrations to social media after the defeat.\n")
    assert _types(annotator, "In Barguna, hartal supporters set a bus afire on Saturday.\n") == ["Riots"]


def test_people_held_as_they_protest_are_a_protest_with_intervention(annotator):
    # ACLED codes the protest, with the police's intervention, not the arrest instead of it
    kind = ("Protests", "Protest with intervention")
    assert _kinds(annotator, ("Nearly 300 artists were taken into custody by the city police when they staged a "
                              "protest at the main gate of the Secretariat.\n")) == [kind]
    assert _kinds(annotator, "Police arrested 30 members of the group who were protesting against poverty.\n") \
        == [kind]
    # not a protest the reader knows of, nor one under another event's word
    assert _types(annotator, "Police arrested the man who organised last week's protest in Dhaka.\n") \
        == ["Strategic developments"]
    assert _types(annotator, "Police arrested two men for attacking protesters in Dhaka on Monday.\n") \
        == ["Strategic developments"]


def test_whom_fire_was_opened_on_is_the_victim_and_a_shot_on_goal_is_none(annotator):
    # The small model hangs 'on a pastor' on the shotgun; the fire was opened on the pastor.
    (event,) = _events(annotator, "A man opened fire with a shotgun on a pastor outside his church.\n")
    assert event["type"] == "Violence against civilians"
    (event,) = _events(annotator, "Two gunmen shot a village chief in the leg as he rode home on Monday.\n")
    assert event["type"] == "Violence against civilians"
    _no_events(annotator, "The striker opened fire on goal in the second half and hit the post.\n")


def test_a_crowd_the_police_fire_on_or_beat_is_a_protest_or_riot_put_down_by_force(annotator):
    excessive = ("Protests", "Excessive force against protesters")
    assert _kinds(annotator, "Police opened fire on the demonstrators outside the governor's office in Jos.\n") \
        == [excessive]
    assert _kinds(annotator, "Two demonstrators were killed when soldiers fired on the crowd in the capital.\n") \
        == [excessive]
    assert _kinds(annotator, "Riot police beat protesters with batons outside the ministry.\n") \
        == [("Protests", "Protest with intervention")]
    assert _types(annotator, "Police fired live rounds at rioters who had torched a bus depot.\n") == ["Riots"]
    # police named for riots they put down are no riot ('riot police', 'anti-riot squad')
    assert _kinds(annotator, "Anti-riot police beat demonstrators outside the court in Harare.\n") \
        == [("Protests", "Protest with intervention")]
    # not people killed by troops before a protest, nor a crowd that attacks the police
    assert _types(annotator, "Soldiers killed four villagers in Tiro, sparking protests in the town.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "Gunmen opened fire on worshippers leaving a mosque in Kano.\n") \
        == ["Violence against civilians"]
    assert _types(annotator, "Protesters attacked police officers with stones in Lusaka.\n") == ["Riots"]


def test_police_or_soldiers_seized_by_armed_men_are_a_battle_and_civilians_an_abduction(annotator):
    assert _types(annotator, "Four policemen were taken hostage by a local self-defence group near Bambari.\n") \
        == ["Battles"]
    assert _types(annotator, "Rebels abducted two soldiers at a checkpoint outside Beni.\n") == ["Battles"]
    assert _types(annotator, "Rebels abducted two traders at a market outside Beni.\n") \
        == ["Violence against civilians"]
    _no_events(annotator, "She signed up for a self-defence class at the gym in Leeds.\n")


def test_a_protest_put_down_in_a_later_sentence_is_one_protest_with_intervention(annotator):
    text = ("Nurses protest\n\nHundreds of nurses protested in Tamale on Monday to demand back pay. Police fired tear "
            "gas to disperse the protesters, witnesses said.\n")
    assert _kinds(annotator, text) == [("Protests", "Protest with intervention")]
    # Put down in another town: two protests.
    text = ("Nurses protest\n\nHundreds of nurses protested in Tamale on Monday to demand back pay. In Bolgatanga, "
            "police fired tear gas to disperse protesters, witnesses said.\n")
    assert _kinds(annotator, text) == [("Protests", "Peaceful protest"), ("Protests", "Protest with intervention")]


def test_force_told_of_a_crowd_in_the_next_sentence_puts_its_protest_down(annotator):
    # The second sentence names no crowd ('them'), so it is no event of its own.
    text = ("Teachers march\n\nHundreds of teachers marched to the education ministry in Accra on Tuesday to demand "
            "unpaid wages. Police fired tear gas to disperse them.\n")
    assert _kinds(annotator, text) == [("Protests", "Protest with intervention")]
    text = ("Teachers march\n\nHundreds of teachers marched to the education ministry in Accra on Tuesday to demand "
            "unpaid wages. The minister said talks would resume.\n")
    assert _kinds(annotator, text) == [("Protests", "Peaceful protest")]


def test_violence_the_story_judges_is_no_event_of_its_own(annotator):
    _no_events(annotator, "Rebel commander jailed\n\nA court in Gulu on Thursday sentenced former rebel commander "
                          "Okello Patrick to 20 years in prison for the killing of 40 villagers in Abia in 2004.\n\n"
                          "Judge Mara Voss said the attacks by the Lord's Resistance Army were \"deliberate and "
                          "brutal\". Defence lawyer Peter Obong said his client would appeal.\n")
    # Told where it happened, the event stands, judged or not.
    assert _types(annotator, "Rebels attacked a village near Beni on Monday. The attack was brutal, residents "
                             "said.\n") == ["Violence against civilians"]
    assert _types(annotator, "The clashes were heavy in Mogadishu on Monday, and four soldiers were killed.\n") \
        == ["Battles"]
