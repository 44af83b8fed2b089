"""The annotator on real sentences: the seed article and small real-world cases."""

from __future__ import annotations

import json
import sys

import pytest

from newsroom.cli.annotation_json import annotation_json
from newsroom.model import EVENT_TYPES

from .conftest import ROOT, SEED, run

SEED_TEXT = SEED.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def seed(annotator):
    return annotation_json(str(SEED), annotator(SEED_TEXT, "2017-09-29"))


def _actor(result, name):
    return next((a for a in result["actors"] if a["name"] == name), None)


def _names(result):
    return {a["name"] for a in result["actors"]} | {p["name"] for p in result["places"]}


def _place(result, name):
    return next((p for p in result["places"] if p["name"] == name), None)


def test_cli_json_contract_offsets_slice_the_file():
    proc = run(sys.executable, "build.py", "annotate", "--json", "--date", "2017-09-29", str(SEED), cwd=ROOT)
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    spans = [m for e in result["actors"] + result["places"] for m in e["mentions"]]
    spans += [e["evidence"] for e in result["events"]]
    assert spans
    for span in spans:
        assert SEED_TEXT[span["start"]:span["end"]] == span["text"]
    for event in result["events"]:
        assert event["type"] in EVENT_TYPES and event["sub_type"] in EVENT_TYPES[event["type"]]
        assert set(event) >= {"type", "sub_type", "actors", "place", "date", "fatalities", "according_to", "evidence"}
    for place in result["places"]:
        assert set(place) >= {"name", "kind", "country", "lat", "lon", "mentions"}


def test_json_mode_writes_nothing(tmp_path):
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "content").rglob("*"))
    run(sys.executable, "build.py", "annotate", "--json", str(SEED), cwd=ROOT)
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "content").rglob("*")) == before


def test_one_entity_per_real_world_actor(seed):
    isil = _actor(seed, "Islamic State of Iraq and the Levant")
    assert {"ISIL", "ISIS"} <= {m["text"] for m in isil["mentions"]}
    assad = _actor(seed, "Bashar al-Assad")
    assert assad["kind"] == "person" and {m["text"] for m in assad["mentions"]} >= {"Assad"}
    phr = _actor(seed, "Physicians for Human Rights")
    assert "PHR" in {m["text"] for m in phr["mentions"]}
    assert _actor(seed, "Hezbollah")["kind"] == "armed-group"
    assert _actor(seed, "Syrian Observatory for Human Rights")["kind"] == "monitor"
    assert any(a["kind"] == "armed-force" and "Syrian army" in {m["text"] for m in a["mentions"]}
               for a in seed["actors"])


def test_photo_credit_is_not_an_actor(seed):
    names = " ".join(m["text"] for a in seed["actors"] for m in a["mentions"])
    assert "Sanadiki" not in names and "Reuters" not in names


def test_places_resolve_to_real_places_whatever_the_spelling(seed):
    deir = _place(seed, "Deir ez-Zor")
    assert {"Deir Az Zor", "Deir al-Zor"} <= {m["text"] for m in deir["mentions"]}
    assert deir["country"] == "Syria" and abs(deir["lat"] - 35.336) < 0.1 and abs(deir["lon"] - 40.141) < 0.1
    palmyra = _place(seed, "Palmyra")
    assert palmyra["country"] == "Syria" and abs(palmyra["lat"] - 34.56) < 0.1
    assert any(p["country"] == "Syria" and abs(p["lat"] - 34.887) < 0.1 for p in seed["places"])  # al-Sukhna
    assert _place(seed, "Geneva")["country"] == "Switzerland"
    assert _place(seed, "Syria")["kind"] == "country"
    highway = _place(seed, "Palmyra–Deir ez-Zor highway")
    assert highway["kind"] == "road" and len(highway["mentions"]) == 4 and highway["country"] == "Syria"


def test_events_cite_their_sentence_and_resolve_weekdays(seed):
    assert len(seed["events"]) >= 5
    counted = [e for e in seed["events"] if e["fatalities"] == 59]
    assert counted and counted[0]["according_to"] == "Syrian Observatory for Human Rights"
    assert counted[0]["date"] == "2017-09-28"
    assert all(e["evidence"]["text"] in SEED_TEXT for e in seed["events"])


def test_palmyra_alone_is_the_bigger_palmyra_but_in_a_syria_story_it_is_syrian(annotator):
    syrian = annotation_json("x", annotator("Fighting in Syria\n\nThe army entered Palmyra in Syria on Monday.\n"))
    assert _place(syrian, "Palmyra")["country"] == "Syria"
    american = annotation_json("x", annotator("Storm\n\nA storm hit Palmyra, New York, on Monday.\n"))
    assert _place(american, "Palmyra")["country"] != "Syria"


def test_a_town_before_its_states_abbreviation_is_that_states_town(annotator):
    # AP style abbreviates a state ('Mo.', 'La.', 'W.Va.'), in a dateline and in the text: the
    # town is the one in that state, not the biggest of its name (Columbia, South Carolina), and
    # 'La.' is Louisiana, not Los Angeles (which GeoNames also calls 'LA').
    for text in ("Campus\n\nCOLUMBIA, Mo. -- The mayor wants pastors to ride on patrol.\n",
                 "Campus\n\nThe mayor of Columbia, Mo., wants pastors to ride on patrol.\n"):
        result = annotation_json("x", annotator(text), threshold=0.0)
        columbia = _place(result, "Columbia")
        assert round(columbia["lat"]) == 39 and round(columbia["lon"]) == -92, text  # Missouri's
        assert _place(result, "Missouri")["kind"] == "province"
    assert annotator.gazetteer.resolve("La.", ["US"]).name == "Louisiana"
    # Not where the two names are a city and its district, or a list of states.
    capital = annotation_json("x", annotator("Ebola\n\nA patient was admitted to a hospital in Washington, D.C.\n"))
    assert _place(capital, "Washington")["kind"] == "city"
    states = annotation_json("x", annotator("Storm\n\nThe storm hit Georgia, Illinois, Missouri and Ohio.\n"))
    assert {p["kind"] for p in states["places"]} == {"province"}
    assert annotator.gazetteer.resolve("LA", ["US"]).name == "Los Angeles"


def test_a_legislators_party_and_state_name_the_state_and_no_town(annotator):
    # 'R-Ohio', 'D-W. Va.': the party is no town (GeoNames lists 'D' among Detroit's names),
    # and the state is written with or without a space after its first stop.
    for tag, state in (("D-W. Va.", "West Virginia"), ("D-W.Va.", "West Virginia"), ("R-Ohio", "Ohio")):
        result = annotation_json("x", annotator(
            f"Tribute\n\nSen. Jay Harlan, {tag}, called the volunteer a dear friend.\n"), threshold=0.0)
        assert [(p["name"], p["kind"]) for p in result["places"]] == [(state, "province")], tag


def test_one_or_two_letters_are_no_towns_other_name(annotator):
    # GeoNames lists initials and codes among cities' other names; text that writes them means
    # a party, a university, a company or a word.
    for letter in ("D", "I", "A", "Y"):
        assert annotator.gazetteer.resolve(letter, ["US"]) is None, letter
    # Two letters are a code or an initial ('UF' is one of Ufa's names, 'No' one of Ho's), but
    # for a city news calls so ('LA'); a town whose own name has two letters keeps it.
    for initials in ("UF", "No", "Ma", "BH", "QC"):
        assert annotator.gazetteer.resolve(initials, []) is None, initials
    flu = annotation_json("x", annotator("Flu\n\nResearchers at UF said the flu season was mild.\n"), threshold=0.0)
    assert flu["places"] == []  # not Ufa, Russia
    assert annotator.gazetteer.resolve("LA", ["US"]).name == "Los Angeles"
    assert annotator.gazetteer.resolve("Bo", ["SL"]).name == "Bo"


def test_initials_no_gazetteer_knows_are_no_place(annotator):
    # A counsel's title, a street's quarter, overtime: initials the model types as places.
    result = annotation_json("x", annotator(
        "Court\n\nDefence counsel for the family, Anna Kerrigan, QC, said the boy had been \"left alone for most "
        "of the summer.\" The fire began at 2:40 a.m. in a house in the 1800 block of SW 14th St. The Hawks then "
        "beat Memphis in OT to reach their first final in a decade.\n"), threshold=0.0)
    assert [p["name"] for p in result["places"]] == ["Memphis"]


def test_state_as_subject_is_an_actor_and_in_a_country_is_a_place(annotator):
    result = annotation_json("x", annotator(
        "Talks\n\nRussia accused Ukraine of shelling the plant. Thousands of people live in France.\n"))
    assert _actor(result, "Russia")["kind"] == "state"
    assert _place(result, "France")["kind"] == "country"


def test_two_compass_words_sharing_a_name_leave_no_joined_place(annotator):
    # 'North and South Korea': the second name is written whole and read; the first is left
    # unread, whether the model joins the pair into one name or reads 'East' apart. Lower-case
    # directions are no names at all.
    text = ("Fishing\n\nBoats from North and South Korea crossed the sea line, and coffee exports to East "
            "and West Africa rose. Winds blew north and south of Busan.\n")
    result = annotation_json("x", annotator(text))
    names = _names(result)
    assert "South Korea" in names and "Busan" in names
    assert not {"North", "East", "North and South Korea", "East and West Africa"} & names
    assert not any(" and " in n for n in names), names
    # ... nor is an entity file an earlier annotation wrote for such a pair, which the archive's
    # names would otherwise match whole in every article.
    from newsroom.annotate.annotator import Annotator
    from newsroom.annotate.knowledge import KnownPlace

    pair = KnownPlace(name="North and South Korea", kind="place", archive=True)
    knowing = Annotator(annotator.knowledge.with_registry([], [pair]), nlp=annotator.nlp, gazetteer=annotator.gazetteer)
    names = _names(annotation_json("x", knowing(text)))
    assert "South Korea" in names and "North and South Korea" not in names


def test_a_states_alias_is_the_state_and_a_city_before_its_district_ends_a_list(annotator):
    # 'New York State' is an alias only the state has: the state, not the biggest place of its
    # name. In a list, the last name before a comma and a region is a town of that region
    # ('... and Washington, D.C.'), as it is alone ('Buffalo, New York').
    text = ("Storms\n\nStorms closed schools across New York State on Sunday, and flights to Denver, Chicago "
            "and Washington, D.C., were cancelled.\n")
    result = annotation_json("x", annotator(text))
    by_text = {text[m["start"]:m["end"]]: p for p in result["places"] for m in p["mentions"]}
    assert by_text["New York State"]["kind"] == "province" and by_text["New York State"]["name"] == "New York"
    assert by_text["Washington"]["kind"] == "city" and abs(by_text["Washington"]["lat"] - 38.9) < 0.1
    assert by_text["Chicago"]["kind"] == "city" and by_text["D.C."]["name"] == "District of Columbia"


def test_names_sharing_a_plural_kind_word_are_each_of_that_kind(annotator):
    # 'Mercer and Wayne counties': each is a county, not the town of its name; a plural that is
    # no kind of place ('farms') asks nothing of the names before it.
    result = annotation_json("x", annotator(
        "Floods\n\nRains flooded farms in Mercer and Wayne counties, Pennsylvania, on Monday.\n"))
    assert {(_place(result, n) or {}).get("kind") for n in ("Mercer", "Wayne")} == {"district"}
    assert all(_place(result, n)["country"] == "United States" for n in ("Mercer", "Wayne"))
    farms = annotation_json("x", annotator("Floods\n\nRains flooded the Mercer and Wayne farms near Pittsburgh.\n"))
    assert all(p["kind"] != "district" for p in farms["places"])


def _country_of(annotator, name: str, text: str) -> str | None:
    """The country of the place the annotation names `name`, if any."""
    return {p["name"]: p["country"] for p in annotation_json("x", annotator(text))["places"]}.get(name)


def test_georgia_named_alone_beside_american_places_is_the_state_in_a_bodys_name_too(annotator):
    # The story names no country but the name it shares with the state; Atlanta can only be
    # American. The state is read in its own country, the body's name names it too, and a name
    # that may be an ocean ('the Atlantic') implies no country: the prime minister's is Georgia.
    assert _country_of(annotator, "Georgia", "Rain on the way\n\nForecasters said rain will fall across north "
                       "Georgia on Tuesday, and metro Atlanta may see two inches.\n") == "United States"
    bureau = annotation_json("x", annotator(
        "Lynch case\n\nThe Georgia Bureau of Investigation has reopened the case of a man killed near Atlanta "
        "in 1946.\n"))
    georgias = [(p["kind"], p["country"]) for p in bureau["places"] if p["name"] == "Georgia"]
    assert georgias == [("province", "United States")]
    assert _actor(bureau, "Georgia") is None
    minister = annotation_json("x", annotator(
        "Minister dies\n\nGeorgia's prime minister was found dead on Thursday, Russian officials said. He had "
        "crossed the Atlantic a week before.\n"))
    assert [p["kind"] for p in minister["places"] if p["name"] == "Georgia"] == ["country"]


def test_a_town_named_like_a_country_is_the_town_where_its_place_says_so(annotator):
    # Before its region, the town, and so everywhere in the story; before one of its people
    # ('a Lebanon woman': of the country English says 'Lebanese'), a town outside the country.
    fair = annotation_json("x", annotator(
        "Festival\n\nThe fiddle festival put Palestine, Texas on the map. Players came from Crockett and "
        "Houston, and Palestine police closed the square.\n"))
    palestine = [p for p in fair["places"] if p["name"] == "Palestine"]
    assert [(p["kind"], p["country"], len(p["mentions"])) for p in palestine] == [("town", "United States", 2)]
    arrest = annotation_json("x", annotator(
        "Arrest\n\nA Lebanon woman was arrested on Thursday by county deputies.\n"))
    assert [p["country"] for p in arrest["places"] if p["name"] == "Lebanon"] != ["Lebanon"]
    # Countries stay countries: in a list, two countries with a comma, teams, abbreviations, a city-state
    for text in ("Polio\n\nCases rose in Liberia, Mali, Guinea and Chad.\n",
                 "Trade\n\nChile, Mexico to seek to broaden trade deal, ministers said.\n",
                 "Football\n\nBrazil women beat Japan 2-1 while a U.S. resident and a Singapore man watched.\n"):
        places = annotation_json("x", annotator(text))["places"]
        assert {p["kind"] for p in places} == {"country"}, text


def test_a_name_read_as_a_region_is_that_region_everywhere_in_the_story(annotator):
    # 'Georgia' beside Alabama and Atlanta is the US state, in a state agency's name too; a story
    # of the country keeps the country.
    state = annotation_json("x", annotator(
        "Weather\n\nStorms hit Georgia and Alabama on Sunday. The Georgia Emergency Management Agency "
        "opened shelters in Atlanta.\n"))
    georgias = [p for p in state["places"] if p["name"].startswith("Georgia")]
    assert [(p["kind"], p["country"]) for p in georgias] == [("province", "United States")]
    assert len(georgias[0]["mentions"]) == 2
    country = annotation_json("x", annotator(
        "Talks\n\nGeorgia and Russia held talks in Geneva. Georgia said troops must leave Abkhazia.\n"))
    assert _actor(country, "Georgia")["kind"] == "state"
    assert not any(p["name"].startswith("Georgia") and p["kind"] == "province" for p in country["places"])


def test_a_union_of_states_is_an_actor_and_a_territory_in_the_json(annotator):
    # The EU acts (an organisation) and is named as the territory of its members: the JSON lists
    # its mentions among the places too, as states' are, at the union's centre. A body that
    # governs no territory of its own is an actor only.
    from newsroom.cli.loading import load_knowledge

    text = ("Airlines\n\nFlights within the EU rose by a tenth, and EU airports carried more freight. "
            "NATO said the airspace stayed open.\n")
    result = annotation_json("x", annotator(text), territories=load_knowledge().territories)
    union = _place(result, "European Union")
    assert union is not None and union["kind"] == "union" and (union["lat"], union["lon"]) == (49.843, 9.902)
    assert [text[m["start"]:m["end"]] for m in union["mentions"]] == ["EU", "EU"]
    assert _actor(result, "European Union") is not None
    assert _place(result, "NATO") is None and _actor(result, "NATO") is not None


def test_a_town_after_a_descriptor_is_a_place_not_a_person(annotator):
    result = annotation_json("x", annotator(
        "Cholera in Sudan\n\nThe situation in SOS Children's Village Malakal is stable, the charity said. "
        "Aid groups have returned to work in both Darfur and Malakal.\n"))
    assert not any("Malakal" in a["name"] for a in result["actors"])
    malakal = _place(result, "Malakal")
    assert malakal and malakal["country"] in ("South Sudan", "Sudan") and malakal["lat"] is not None


def test_bad_date_is_refused_with_a_hint():
    proc = run(sys.executable, "build.py", "annotate", "--json", "--date", "29/09/2017", str(SEED), check=False)
    assert proc.returncode == 2
    assert "use YYYY-MM-DD, e.g. --date 2017-09-29" in proc.stderr


def test_a_name_in_apposition_to_a_person_noun_is_a_person(annotator):
    # The model types 'Valeska' and 'Paris' as two places, and 'Gloria' as a place once and an
    # organisation once; the appositive says who they are.
    result = annotation_json("x", annotator(
        "Former member speaks out\n\nValeska Paris, an Australian woman and former Scientologist, says "
        "she was held on a ship. Paris joined the group aged 14.\n\n"
        "The couple were convicted over the death of their nine-month-old child, Gloria. Gloria developed "
        "eczema at four months. Gloria's skin broke.\n"))
    valeska, gloria = _actor(result, "Valeska Paris"), _actor(result, "Gloria")
    assert valeska and valeska["kind"] == "person" and len(valeska["mentions"]) == 2
    assert gloria and gloria["kind"] == "person" and len(gloria["mentions"]) == 3
    assert not _place(result, "Paris") and not _place(result, "Valeska")


def test_a_name_with_an_age_between_commas_is_a_person(annotator):
    # The model types 'Lonnie Quade' an organisation; news gives a person's age so. A year is no age.
    result = annotation_json("x", annotator(
        "Crash\n\nPolice named the driver as Lonnie Quade, 44, of Hull. The festival in Leeds, 1996, drew "
        "crowds.\n"))
    assert _actor(result, "Lonnie Quade")["kind"] == "person"
    assert _place(result, "Leeds")


def test_a_name_holding_an_office_in_a_named_body_is_a_person(annotator):
    # The model types both names organisations; an office in a body the sentence names is a
    # person's. A company in apposition to a word for a company stays one.
    result = annotation_json("x", annotator(
        "Funding cut\n\nK.C. Maurer, chief financial officer at the Pell Arts Trust, said 40 museums lost "
        "grants. J.P. Morgenthal, vice president of the Pell Arts Trust, agreed. Harlow Capital, the parent "
        "company of Brindle Bank, said it would cut jobs.\n"))
    assert _actor(result, "K.C. Maurer")["kind"] == "person"
    assert _actor(result, "J.P. Morgenthal")["kind"] == "person"
    assert _actor(result, "Harlow Capital")["kind"] != "person"


def test_an_office_at_the_end_of_a_bodys_name_is_left_out(annotator):
    # The model takes the capitalised office into the organisation's name.
    result = annotation_json("x", annotator(
        "Talks\n\nMara Lind, the State Department Spokesperson, said talks would resume. Ola Berg, the "
        "Harbour Authority Chairman, said the Harbour Authority would appeal.\n"))
    names = _names(result)
    assert {"United States Department of State", "Harbour Authority", "Mara Lind", "Ola Berg"} <= names
    assert not any("Spokesperson" in n or "Chairman" in n for n in names)


def test_a_name_in_dotted_initials_is_the_place_it_spells(annotator):
    spelt = annotation_json("x", annotator(
        "School fire\n\nA fire closed a school in East Los Angeles on Monday. Parents in East L.A. said "
        "classes would resume on Friday.\n"))
    assert [(p["name"], len(p["mentions"])) for p in spelt["places"]] == [("East Los Angeles", 2)]
    # Initials that do not spell the other name word by word stay their own place.
    apart = annotation_json("x", annotator(
        "School fire\n\nA fire closed a school in East Los Angeles on Monday. Parents in L.A. said "
        "classes would resume on Friday.\n"))
    assert sorted(p["name"] for p in apart["places"]) == ["East Los Angeles", "L.A."]


def test_a_bodys_name_cut_before_its_of_is_that_body(annotator):
    one = annotation_json("x", annotator(
        "Ruling\n\nThe ruling of the Ruritanian Supreme Court of Appeal on July 8 upheld the tax. The party "
        "asked the region to apply the sentence of the Supreme Court.\n"))
    assert [(a["name"], len(a["mentions"])) for a in one["actors"]] == [("Ruritanian Supreme Court of Appeal", 2)]
    # Two bodies the short form may name: it is neither.
    two = annotation_json("x", annotator(
        "Two universities\n\nThe University of Weston and the University of Easton signed a pact. The "
        "University said it would hire.\n"))
    assert [len(_actor(two, n)["mentions"]) for n in ("University of Weston", "University of Easton")] == [1, 1]


def test_products_vehicles_and_festivals_are_not_actors(annotator):
    result = annotation_json("x", annotator(
        "Browser wars\n\nMicrosoft urged users of Internet Explorer 6 to upgrade. Internet Explorer's share "
        "fell while Google Chrome gained; Chrome now leads. NASA moved Space Shuttle Atlantis to a museum, "
        "and Atlantis will be shown from July. The crane fell ten days before the Hajj in Mecca.\n"))
    names = _names(result)
    assert {"Microsoft", "NASA", "Mecca"} <= names
    assert not names & {"Internet Explorer", "Explorer", "Chrome", "Google Chrome", "Atlantis",
                        "Space Shuttle Atlantis", "Hajj"}


def test_a_weapon_named_for_a_man_or_a_town_is_no_place(annotator):
    # 'Molotov' is a town of Russia the gazetteer would guess for a capitalised word.
    result = annotation_json("x", annotator(
        "On 29 April 2020, rioters hurled a Molotov cocktail at the Byblos Bank branch in Tripoli, Lebanon.\n"))
    assert not _place(result, "Molotov") and _place(result, "Tripoli")


def test_a_stance_before_a_party_is_not_part_of_its_name():
    from newsroom.annotate.knowledge import load_knowledge
    from newsroom.annotate.name_edges import clean_entity
    from newsroom.cli.loading import load_nlp

    doc = load_nlp().make_doc("Pro-Beijing DAB won two more seats.")  # tokens: Pro - Beijing DAB ...
    lexicon = load_knowledge().lexicon
    assert [doc[a:b].text for a, b in clean_entity(doc, 0, 4, "PERSON", lexicon)] == ["DAB"]
    assert [doc[a:b].text for a, b in clean_entity(doc, 2, 4, "ORG", lexicon)] == ["Beijing DAB"]


def test_a_region_the_story_names_draws_its_towns(annotator):
    # 'Austin' alone is the Texan capital; in an Indiana story it is Austin, Indiana. A state
    # named alone ('California') also sets the country: Santa Ana is not the Manila district.
    indiana = annotation_json("x", annotator(
        "Needle exchange approved\n\nIndiana's governor signed the bill after an HIV outbreak in Austin, "
        "where most cases were found.\n"))
    austin = _place(indiana, "Austin")
    assert austin and austin["country"] == "United States" and abs(austin["lat"] - 38.74) < 0.2
    california = annotation_json("x", annotator(
        "Parents protest\n\nMothers in Santa Ana asked the school district for answers, a week after "
        "California officials inspected the site.\n"))
    santa_ana = _place(california, "Santa Ana")
    assert santa_ana and santa_ana["country"] == "United States" and abs(santa_ana["lon"] + 117.87) < 0.2


def test_a_local_storys_places_are_read_together(annotator):
    # A local paper names no state: the Columbus, Norfolk and Platte County of one story lie
    # together in Nebraska, not in Ohio, Virginia and Missouri.
    local = annotation_json("x", annotator(
        "Woman fined for false report\n\nA 27-year-old Columbus woman was fined $500 on Tuesday for "
        "falsely reporting an assault. She had told officers she was attacked after driving back from "
        "Norfolk, Platte County Attorney Carl Hart said.\n"))
    columbus, norfolk = _place(local, "Columbus"), _place(local, "Norfolk")
    assert columbus and (round(columbus["lat"]), round(columbus["lon"])) == (41, -97)
    assert norfolk and (round(norfolk["lat"]), round(norfolk["lon"])) == (42, -97)


def test_the_country_opening_an_organisations_name_is_named_too(annotator):
    result = annotation_json("x", annotator(
        "Outbreak\n\nThe U.S. Centers for Disease Control and Prevention confirmed two cases, and the "
        "United States Food and Drug Administration recalled the product.\n"))
    cdc = next(a for a in result["actors"] if a["name"].startswith("Centers for Disease Control")
               or a["name"].startswith("U.S. Centers"))
    us = _place(result, "United States") or _actor(result, "United States")
    assert us is not None
    spans = {(m["start"], m["end"]) for m in us["mentions"]}
    whole = cdc["mentions"][0]
    # 'U.S.' inside the agency's own mention, which stays whole
    assert any(whole["start"] <= a and b < whole["end"] for a, b in spans)
    assert whole["text"].startswith("U.S. Centers")


def test_a_road_named_by_its_ends_is_one_place_whichever_way_round(annotator):
    result = annotation_json("x", annotator(
        "Flooding in Kenya\n\nFloods cut the Nairobi to Mombasa highway on Monday. Police said the "
        "Mombasa-Nairobi highway would reopen on Friday, and that the road linking Nairobi to Mombasa city "
        "was the only route to the coast.\n"))
    roads = [p for p in result["places"] if p["kind"] == "road"]
    assert len(roads) == 1
    road = roads[0]
    assert road["name"] == "Nairobi–Mombasa highway" and road["country"] == "Kenya"
    assert [m["text"] for m in road["mentions"]] == [
        "Nairobi to Mombasa highway", "Mombasa-Nairobi highway", "road linking Nairobi to Mombasa city"]
    nairobi, mombasa = _place(result, "Nairobi"), _place(result, "Mombasa")
    assert abs(road["lat"] - (nairobi["lat"] + mombasa["lat"]) / 2) < 0.01  # halfway between the ends


def test_the_province_after_a_city_is_that_citys_province_not_the_city(annotator):
    result = annotation_json("x", annotator(
        "Clashes in Syria\n\nGovernment forces entered Idlib on Monday, and fighting spread across the "
        "province, a monitor said.\n\nIn another report, officials said the province had no power.\n"))
    city, province = _place(result, "Idlib"), _place(result, "Idlib Governorate")
    assert city and city["kind"] == "city"
    assert province and province["kind"] == "province" and province["country"] == "Syria"
    # only the first: the second paragraph names no city before its 'the province'
    assert [m["text"] for m in province["mentions"]] == ["the province"]


def test_a_road_the_archive_knows_still_leaves_its_towns_as_places(annotator):
    # After the first annotation the road is an entity of the archive, and its names match as a
    # whole; the towns inside them must stay mentions of their own.
    from newsroom.annotate.annotator import Annotator
    from newsroom.annotate.knowledge import KnownPlace

    road = KnownPlace(name="Nairobi–Mombasa highway", kind="road", country="KE", lat=-2.65, lon=38.27,
                      aliases=("Nairobi to Mombasa highway", "Mombasa-Nairobi highway"))
    knowing = Annotator(annotator.knowledge.with_registry([], [road]), nlp=annotator.nlp, gazetteer=annotator.gazetteer)
    result = annotation_json("x", knowing(
        "Flooding in Kenya\n\nFloods cut the Nairobi to Mombasa highway on Monday. Police said the "
        "Mombasa-Nairobi highway would reopen on Friday.\n"))
    roads = [p for p in result["places"] if p["kind"] == "road"]
    assert [r["name"] for r in roads] == ["Nairobi–Mombasa highway"] and len(roads[0]["mentions"]) == 2
    assert _place(result, "Nairobi") and _place(result, "Mombasa")


REGIONS_BY_POSITION = (
    "Flu cases\n\nA girl from Buffalo, New York died. She had flown from Atlanta, Georgia. Cases were "
    "found in Illinois, Missouri, New York and Oklahoma. New York Governor Andrew Cuomo spoke in New York "
    "on Monday. A cow from the state of Washington was tested. Oregon has no case; Portland, Maine has one.\n")


def test_a_name_reads_as_a_region_by_where_it_stands(annotator):
    # Bare, 'New York' is the city and 'Georgia' the country; after a town and a comma, in a
    # list of states, before 'Governor', or after 'the state of', each is the state, and the
    # town before it is read in that state (Buffalo, New York, not Buffalo, Missouri).
    result = annotation_json("x", annotator(REGIONS_BY_POSITION))
    places = {(p["name"], p["kind"]): p for p in result["places"]}
    # The state and the city are two places with two titles: an event names its place by title.
    assert len(places[("New York (state)", "province")]["mentions"]) == 3
    assert [m["text"] for m in places[("New York", "city")]["mentions"]] == ["New York"]  # 'spoke in New York'
    assert abs(places[("Buffalo", "city")]["lat"] - 42.89) < 0.1
    assert places[("Georgia", "province")]["country"] == "United States"
    assert abs(places[("Atlanta", "city")]["lat"] - 33.75) < 0.1
    assert ("Oklahoma", "province") in places
    assert ("Washington", "province") in places and ("Washington", "city") not in places
    # the state right after the town decides between two towns of one country, even when
    # another state the article names holds the bigger one
    assert abs(places[("Portland", "town")]["lat"] - 43.66) < 0.1


def test_a_big_city_the_model_calls_a_product_is_a_place_after_in(annotator):
    result = annotation_json("x", annotator(
        "Vendors\n\nOver 150,000 stall wallahs in Calcutta will be trained. A laboratory located in Winnipeg "
        "confirmed it. The bug was found in Excel.\n"))
    names = {p["name"]: p for p in result["places"]}
    assert abs(names["Calcutta"]["lat"] - 22.56) < 0.1 and abs(names["Winnipeg"]["lat"] - 49.88) < 0.1
    assert "Excel" not in names  # a guess the gazetteer does not back is dropped


def test_a_big_city_the_model_calls_a_nationality_or_a_language_is_a_place_after_in(annotator):
    # The model reads 'Tunis' as NORP after 'returned to' and as LANGUAGE after 'worried the
    # authorities in'; 'Thai' after 'at' is a nationality, and no place.
    text = ("Summit\n\nThe minister returned to Tunis after the summit. The report worried the authorities in "
            "Tunis. Fishing boats unloaded at Thai harbours on Tuesday.\n")
    result = annotation_json("x", annotator(text))
    tunis = _place(result, "Tunis")
    assert tunis and len(tunis["mentions"]) == 2 and abs(tunis["lat"] - 36.8) < 0.1
    assert not _place(result, "Thailand")


def test_a_town_followed_by_in_and_its_county_is_a_place(annotator):
    result = annotation_json("x", annotator(
        "Outbreak\n\nAustin, in Scott County, Indiana, was the epicenter of the outbreak.\n"))
    austin = _place(result, "Austin")
    assert austin and austin["country"] == "United States" and abs(austin["lat"] - 38.76) < 0.1
    assert _actor(result, "Austin") is None
    # at the county's seat, Scottsburg, Indiana: not Scott, Louisiana, 1,100 km away
    county = _place(result, "Scott County")
    assert county is not None and abs(county["lat"] - 38.69) < 0.05 and abs(county["lon"] + 85.77) < 0.05


def test_the_country_closing_an_organisations_name_is_named_too(annotator):
    result = annotation_json("x", annotator(
        "Recall\n\nThe outbreak caused Taco Bell Canada to recall green onions from its restaurants.\n"))
    canada = _place(result, "Canada") or _actor(result, "Canada")
    assert canada is not None
    start = result["actors"][0]["mentions"][0]["start"]
    assert [m["text"] for m in canada["mentions"]] == ["Canada"] and canada["mentions"][0]["start"] > start


def test_a_region_the_story_sets_does_not_pull_a_name_to_a_town_that_only_bears_it_as_an_alias(annotator):
    # 'Rockville, Maryland' sets the story in Maryland, where Reisterstown is also called
    # Washington; the capital bears the name as its own. And 'Quezon City' is not any 'Quezon'.
    result = annotation_json("x", annotator(
        "Ebola scare\n\nA patient was admitted to a hospital in Washington, D.C. on Monday. A hospital in "
        "Rockville, Maryland admitted another patient.\n\nPolice seized meat at a market in Quezon City.\n"))
    washington = _place(result, "Washington")
    assert washington and abs(washington["lat"] - 38.9) < 0.1 and abs(washington["lon"] + 77.04) < 0.1
    quezon = _place(result, "Quezon City")
    assert quezon and abs(quezon["lat"] - 14.65) < 0.1


def test_diseases_named_after_places_are_not_places(annotator):
    result = annotation_json("x", annotator(
        "Virus found\n\nFarm workers were infected with Reston ebolavirus. The soldier had built a hospital to "
        "combat Ebola in Africa, and the related Marburg virus was studied. West Nile virus peaks in summer; "
        "most West Nile cases happen in Texas. People should stay away from Ugandan caves.\n"))
    names = _names(result)
    for disease in ("Reston", "Ebola", "Marburg", "West Nile", "Nile"):
        assert disease not in names, disease
    assert _place(result, "Texas") is not None
    # a demonym the model calls a place is the country
    assert [m["text"] for m in _place(result, "Uganda")["mentions"]] == ["Ugandan"]


def test_a_name_no_gazetteer_knows_that_dies_or_has_a_husband_is_a_person(annotator):
    result = annotation_json("x", annotator(
        "Flu death\n\nThe latest death is a 9-year-old girl from Buffalo, New York. Maya Harden died from "
        "complications of the flu. Harden attended 4th grade in Buffalo. Jaqueline Fleming, who was 38, died "
        "in Glasgow. Jaqueline's husband spoke to reporters.\n"))
    harden = _actor(result, "Maya Harden")
    assert harden and harden["kind"] == "person" and len(harden["mentions"]) == 2
    assert _place(result, "Harden") is None and _place(result, "Maya Harden") is None
    # and a given name alone is the one person who bears it
    assert [(a["name"], [m["text"] for m in a["mentions"]]) for a in result["actors"] if "Jaqueline" in a["name"]] \
        == [("Jaqueline Fleming", ["Jaqueline Fleming", "Jaqueline"])]
    assert not any(p["name"] == "Jaqueline" for p in result["places"])


def test_a_one_word_person_the_model_types_otherwise_later_is_still_that_person(annotator):
    # From a Wikinews report: the first "Jaqueline's" reads as a person by what follows it; the
    # second, typed an organisation by the model, is the same person.
    result = annotation_json("x", annotator(
        "Swine flu victim\n\nProfessor Hugh Pennington, a bacteriologist at Aberdeen University was quoted as "
        "saying that underlying health problems were likely to have been a significant factor in Jaqueline's "
        "death. He also dismissed speculation that the virus was getting worse. Her son Jack died today in the "
        "special care unit of the same hospital at the age of two weeks, having been born 11 weeks early. He was "
        "not affected by the H1N1 virus. Jaqueline's husband stated today \"My beautiful son was born on the "
        "first of June 2009, 11 weeks early.\"\n"))
    jaqueline = [a for a in result["actors"] if a["name"] == "Jaqueline"]
    assert [(a["kind"], len(a["mentions"])) for a in jaqueline] == [("person", 2)]


def test_a_county_is_its_own_place_and_a_capital_named_after_its_country_is_no_country(annotator):
    result = annotation_json("x", annotator(
        "Virus\n\nCases were found in Dallas County, Texas, and in Dallas itself. Mexico City Health Secretary "
        "Armando Ahued said schools would close.\n"))
    county, city = _place(result, "Dallas County"), _place(result, "Dallas")
    assert county["kind"] == "district" and county["geonames"] == 4684904  # GeoNames' Dallas County, Texas
    assert (county["lat"], county["lon"]) == (city["lat"], city["lon"])  # at its seat, Dallas
    assert city["kind"] == "city" and [m["text"] for m in city["mentions"]] == ["Dallas"]
    assert _place(result, "Mexico") is None and _actor(result, "Mexico") is None


def test_a_district_is_put_at_its_seat_when_the_story_names_only_one_such_district(annotator):
    # Conflict reports name districts whose seat bears another name: Kech district's is Turbat.
    # A kind word says a district is meant even where no country is named ('Kech' is also a
    # German village); a bare name needs the story's country ('Rautahat, Nepal').
    kech = annotation_json("x", annotator("Gunmen shot dead two policemen in Kech district on Monday.\n"))
    district = _place(kech, "Kech")
    assert (district["kind"], district["country"]) == ("district", "Pakistan")
    assert abs(district["lat"] - 26.00) < 0.05 and abs(district["lon"] - 63.05) < 0.05  # Turbat
    assert [e["place"] for e in kech["events"]] == ["Kech"]
    nepal = annotation_json("x", annotator("On 3 May, a bomb exploded in Rautahat, Nepal, injuring three people.\n"))
    rautahat = _place(nepal, "Rautahat")
    assert rautahat["kind"] == "district" and abs(rautahat["lat"] - 26.76) < 0.05  # Gaur
    # Two dozen US states have a Franklin County: with no state named, no point beats a wrong one.
    franklin = annotation_json("x", annotator(
        "Storms\n\nStorm damage was reported in Franklin County on Monday, officials in the United States said.\n"))
    assert _place(franklin, "Franklin County")["lat"] is None


def test_a_town_romanised_otherwise_is_found_only_among_the_storys_countries(annotator):
    bangladesh = annotation_json("x", annotator(
        "Clash in Bangladesh\n\nOn 3 May, two groups of party supporters clashed in Narayangonj, Bangladesh, "
        "injuring 10.\n"))
    town = _place(bangladesh, "Narayangonj")
    assert town and town["country"] == "Bangladesh" and abs(town["lat"] - 23.6) < 0.2
    myanmar = annotation_json("x", annotator("Fighting\n\nOn 3 May, the army shelled Kyawkme town in Shan "
                                             "state, Myanmar.\n"))
    assert _place(myanmar, "Kyawkme")["country"] == "Myanmar"
    nowhere = annotation_json("x", annotator("Clash\n\nOn 3 May, two groups clashed in Narayangonj.\n"))
    assert _place(nowhere, "Narayangonj")["lat"] is None  # no country said where to look: no guess


def test_a_place_only_one_country_has_sets_a_story_that_names_no_country(annotator):
    # 'Samba' alone is likelier the Luanda district; beside Jammu, which only India has, the
    # story is Indian and so is Samba. A story that names its country keeps it.
    result = annotation_json("x", annotator("Attack\n\nOn 3 May, gunmen shot dead a man in Samba village "
                                            "near Jammu.\n"))
    assert _place(result, "Samba village")["country"] == "India"
    assert _place(result, "Jammu")["country"] == "India"
    named = annotation_json("x", annotator("Storm\n\nA storm hit Palmyra, New York, and Karachi was calm.\n"))
    assert _place(named, "Palmyra")["country"] == "United States"


def test_a_place_the_parse_puts_in_an_area_is_read_there(annotator):
    # 'X village in Y', 'X Park in Y': the only Hassanpur and Richmond Park GeoNames has lie far
    # from Ludhiana and in the United States, so neither is read as those; each is shown at the
    # point of the area it lies in, and says so; the event is in Ludhiana.
    result = annotation_json("x", annotator(
        "Farmers blocked the road at Hassanpur village in Ludhiana on Monday to protest against the new law.\n"),
        threshold=0.0)
    hassanpur, ludhiana = _place(result, "Hassanpur"), _place(result, "Ludhiana")
    assert hassanpur["country"] == "India" and hassanpur["within"] == "Ludhiana"
    assert (hassanpur["lat"], hassanpur["lon"]) == (ludhiana["lat"], ludhiana["lon"])
    assert [e["place"] for e in result["events"]] == ["Ludhiana"]
    swans = annotator("Two swans found in Richmond Park in Glasgow are being tested for the virus.\n")
    park = _place(annotation_json("x", swans, threshold=0.0), "Richmond Park")
    assert park["country"] == "United Kingdom" and park["within"] == "Glasgow"
    # Not a big city, which no area is surer than, however the parse hangs the phrase; nor a
    # name that only qualifies a noun ('a Hollywood actress in Athens').
    raleigh = annotation_json("x", annotator(
        "The gunman lived in a small town about 60 miles southwest of Raleigh in North Carolina's Sandhills region.\n"),
        threshold=0.0)
    assert _place(raleigh, "Raleigh")["lat"] is not None
    actress = annotation_json("x", annotator("Star\n\nA Hollywood actress in Athens drew crowds on Monday.\n"),
                              threshold=0.0)
    assert _place(actress, "Hollywood")["lat"] is not None


def test_a_town_the_text_puts_in_an_area_is_no_namesake_outside_it(annotator):
    # GeoNames lists Martinez in Spain, Mexico and the United States, not the Argentine one: the
    # bracket says where it is, so no namesake abroad is shown, and the protest is in Buenos Aires.
    result = annotation_json("x", annotator(
        "On 30 April 2020, in Martinez (Buenos Aires), residents held a pot-banging protest against the "
        "release of prisoners.\n"), threshold=0.0)
    martinez = _place(result, "Martinez")
    assert martinez["country"] == "Argentina" and martinez.get("lat") is None
    assert [e["place"] for e in result["events"]] == ["Buenos Aires"]
    # The Pisky GeoNames knows lie in Poltava and Kherson, not near Donetsk.
    pisky = _place(annotation_json("x", annotator(
        "Rebel forces fired grenade launchers at the government positions near Pisky, Donetsk.\n"), threshold=0.0),
        "Pisky")
    assert pisky["country"] == "Ukraine" and pisky["within"] == "Donetsk"
    # A town in its region keeps its point; a list of cities is no town in an area.
    texas = annotation_json("x", annotator("Storm\n\nA storm hit Paris, Texas, on Monday.\n"))
    assert _place(texas, "Paris")["lat"] is not None and _place(texas, "Paris")["country"] == "United States"
    tour = annotation_json("x", annotator(
        "Tour\n\nThe band was due to play in Copenhagen, Hamburg, Brasov and Mannheim this month.\n"))
    assert _place(tour, "Copenhagen")["country"] == "Denmark" and _place(tour, "Copenhagen")["lat"] is not None


def test_a_place_no_gazetteer_knows_is_shown_at_the_place_the_text_puts_it_in(annotator):
    # A village, a suburb, a camp or a park GeoNames lacks, put in a place of the story by the
    # parse, a comma or a bracket, is shown at that place's point and names it, as ACLED puts an
    # event in a village it cannot find at the nearest place it can.
    found = {p["name"]: p for p in annotation_json("x", annotator(
        "Bird flu\n\nA dead heron found in the village of Balnacoil in Fife has tested positive for bird flu.\n"),
        threshold=0.0)["places"]}
    assert found["Balnacoil"]["within"] == "Fife" and found["Balnacoil"]["country"] == "United Kingdom"
    assert (found["Balnacoil"]["lat"], found["Balnacoil"]["lon"]) == (found["Fife"]["lat"], found["Fife"]["lon"])
    assert found["Fife"]["within"] is None  # a place with a point of its own lies in nothing it borrows from
    # Not a place the text only joins to another ('fled from X to Y'), nor the region that
    # qualifies a town ('the Southern Sahel town of Dori' puts no Southern Sahel in Dori), nor
    # a place whose area is a country: a country's point says nothing of where in it.
    fled = annotation_json("x", annotator("Flood\n\nFamilies fled from the village of Balnacoil to Fife.\n"),
                           threshold=0.0)
    assert _place(fled, "Balnacoil")["within"] is None and _place(fled, "Balnacoil")["lat"] is None
    sahel = {p["name"]: p for p in annotation_json("x", annotator(
        "Attack\n\nA soldier in the Southern Sahel town of Dori was killed after gunmen shot him.\n"),
        threshold=0.0)["places"]}
    # (a part of the Sahel, it is shown at the Sahel's point: `part_of_area`; never at Dori's)
    assert sahel["Southern Sahel"]["within"] is None
    point = {name: (sahel[name]["lat"], sahel[name]["lon"]) for name in ("Southern Sahel", "Dori")}
    assert point["Southern Sahel"] != point["Dori"]
    kenya = annotation_json("x", annotator("Cattle raid\n\nRustlers stormed Lotiki village, Kenya, on Monday.\n"),
                            threshold=0.0)
    assert _place(kenya, "Lotiki")["within"] is None and _place(kenya, "Lotiki")["lat"] is None


def test_a_name_before_a_comma_and_a_town_of_the_story_is_a_part_of_that_town(annotator):
    # A suburb, a ward or a market no gazetteer knows, named before its town: shown at the town.
    found = {p["name"]: p for p in annotation_json("x", annotator(
        "Riot\n\nProtesters burned tyres in Dharampokhari, Pokhara, on Friday.\n"), threshold=0.0)["places"]}
    assert found["Dharampokhari"]["within"] == "Pokhara" and found["Dharampokhari"]["country"] == "Nepal"
    assert (found["Dharampokhari"]["lat"], found["Dharampokhari"]["lon"]) == (
        found["Pokhara"]["lat"], found["Pokhara"]["lon"])
    # Not two towns the gazetteer knows apart ('Paris, London'), nor a list that goes on, nor a
    # town read abroad, outside the story's country.
    travel = annotation_json("x", annotator("Travel\n\nHe flew from Paris, London to Rome.\n"), threshold=0.0)
    assert _place(travel, "Paris")["country"] == "France" and _place(travel, "Paris")["within"] is None
    for listing in ("Dharampokhari, Pokhara and Kathmandu", "Dharampokhari, Pokhara, and Kathmandu",
                    "Butwal, Dharampokhari, Pokhara"):
        listed = annotation_json("x", annotator(f"Riot\n\nDemonstrations were held in {listing} on Sunday.\n"),
                                 threshold=0.0)
        assert _place(listed, "Dharampokhari")["lat"] is None, listing
    abroad = annotation_json("x", annotator(
        "Riot\n\nPolice in Nepal said protesters burned tyres in Dharampokhari, Springfield, on Friday.\n"),
        threshold=0.0)
    assert _place(abroad, "Dharampokhari")["lat"] is None


def test_a_bracket_of_areas_puts_an_unknown_place_in_the_widest_one_known(annotator):
    # Conflict notes name a place's areas narrowest first. No gazetteer knows Sabir Al Mawadim,
    # and the Al Arish GeoNames knows is in Egypt: the attack is in Taizz, in Yemen.
    result = annotation_json("x", annotator(
        "On 12 June 2021, Houthi fighters attacked army positions in Al Arish (Sabir Al Mawadim, Taizz), "
        "killing three soldiers.\n"), threshold=0.0)
    assert "Egypt" not in {p.get("country") for p in result["places"]}
    assert [e["place"] for e in result["events"]] == ["Taizz"]
    # A region read in another country (GeoNames calls Cameroon's 'West') moves no town.
    result = annotation_json("x", annotator(
        "On 9 May 2021, residents demonstrated in Bafoussam town (Mifi, Ouest) after a gendarme shot a "
        "moto-taxi driver.\n"), threshold=0.0)
    assert _place(result, "Bafoussam")["country"] == "Cameroon" and _place(result, "Bafoussam")["lat"] is not None
    assert [e["place"] for e in result["events"]] == ["Bafoussam"]
    # Only whole names of the list: 'Mirpur' of 'Mirpur khas' is another district, not this one's.
    result = annotation_json("x", annotator(
        "On 3 May 2021, journalists held a rally outside the press club in Mirpur Khas city (Mirpur khas, Sindh).\n"),
        threshold=0.0)
    assert [e["place"] for e in result["events"]] == ["Mirpur Khas"] and _place(result, "Mirpur Khas")["lat"]


def test_a_city_and_the_state_of_its_name_are_two_places_with_two_titles(annotator):
    # An event names its place by title: 'Oaxaca, Oaxaca' is the city, then the state around it.
    result = annotation_json("x", annotator(
        "On 6 May 2021, in Oaxaca, Oaxaca, around 200 teachers protested demanding unpaid wages.\n"), threshold=0.0)
    titles = sorted((p["name"], p["kind"]) for p in result["places"])
    assert titles == [("Oaxaca", "city"), ("Oaxaca (state)", "province")]
    assert [e["place"] for e in result["events"]] == ["Oaxaca"]


def test_where_fighters_come_from_is_not_where_they_fight(annotator):
    result = annotation_json("x", annotator(
        "On 4 June 2021, fighters from Deir ez-Zor clashed with police in the town of Jarablus, killing one "
        "officer.\n"), threshold=0.0)
    assert [e["place"] for e in result["events"]] == ["Jarablus"]
    # ... yet a place of origin is more precise than a country named alone.
    result = annotation_json("x", annotator(
        "Gunmen from Zamfara attacked farmers in Nigeria on Monday, killing three.\n"), threshold=0.0)
    assert [e["place"] for e in result["events"]] == ["Zamfara State"]


def test_an_event_at_a_spot_no_gazetteer_knows_is_near_the_town_the_story_is_in(annotator):
    result = annotation_json("x", annotator(
        "Supporters of the ruling party attacked opposition activists in Natore town on Monday. Two of the "
        "activists were shot dead at Tebaria in the morning.\n"), threshold=0.0)
    assert _place(result, "Tebaria").get("lat") is None
    assert {e["place"] for e in result["events"]} == {"Natore"}
    # A county no gazetteer puts on the map stays the event's place: the text named it.
    result = annotation_json("x", annotator(
        "The mayor of Columbus spoke on Sunday. Sheriff's deputies in Cass County arrested a man on Monday "
        "after he shot his neighbour.\n"), threshold=0.0)
    assert "Cass County" in {e["place"] for e in result["events"]}


def test_a_towns_name_before_its_police_or_its_people_is_that_town(annotator):
    # The small model types these towns as a product, a nationality and an organisation.
    result = annotation_json("x", annotator(
        "Clashes between Masvingo municipal police and local vendors turned violent after an official was "
        "hacked with a machete.\n"), threshold=0.0)
    assert _place(result, "Masvingo")["country"] == "Zimbabwe"
    assert [e["place"] for e in result["events"]] == ["Masvingo"]
    result = annotation_json("x", annotator(
        "Residents marched to the Bhisho legislature and handed over their list of demands.\n"), threshold=0.0)
    assert _place(result, "Bhisho")["country"] == "South Africa"
    # A word the gazetteer knows no town by stays no place, and a sports side is no event.
    result = annotation_json("x", annotator("Google police and Chelsea youth players met on Sunday.\n"))
    assert result["places"] == [] and result["events"] == []


def test_a_state_or_city_named_in_its_own_departments_name_is_a_place_of_the_story(annotator):
    # 'the Ohio Department of Health': the department stays an organisation, and the story names
    # Ohio too; not a department named after no place.
    result = annotation_json("x", annotator(
        "Drinks\n\nThe governor cited figures from the Ohio Department of Health on Monday. "
        "Gaza Health Ministry official Ahmed Saleh said the vaccines had arrived.\n"), threshold=0.0)
    assert _place(result, "Ohio")["country"] == "United States"
    assert _place(result, "Gaza")["lat"] is not None
    assert "Ohio Department of Health" in {a["name"] for a in result["actors"]}
    result = annotation_json("x", annotator(
        "Talks\n\nThe State Department and the Justice Department declined to comment on Monday.\n"), threshold=0.0)
    assert result["places"] == []


def test_what_a_person_is_known_as_is_no_place(annotator):
    result = annotation_json("x", annotator(
        "Mohanna Abdhou, 20, known as Montana, was caught in a hail of gunfire in north west London.\n"),
        threshold=0.0)
    assert "Montana" not in {p["name"] for p in result["places"]}
    assert _place(result, "London")["country"] == "United Kingdom"
    # ... but a place known by a name keeps it.
    result = annotation_json("x", annotator(
        "Protesters marched through the district known as Kilburn in London on Sunday.\n"), threshold=0.0)
    assert _place(result, "Kilburn")["country"] == "United Kingdom"


def test_titles_months_and_airport_codes_are_no_places(annotator):
    # GeoNames lists airport codes among a city's names ('MRS' for Marseille, 'JAN' for
    # Jackson, 'DAY' for Dayton): 'Mrs.', 'Jan.' and 'Day' in a story mean none of them.
    result = annotation_json("x", annotator(
        "Council vote\n\nSen. Ruth Adams and Mrs. Lee spoke on Jan. 5, and Sgt. Tom Ross said Election Day "
        "went smoothly in Dayton.\n"))
    assert {p["name"] for p in result["places"]} == {"Dayton"}


def test_a_states_abbreviation_after_a_town_is_that_state(annotator):
    result = annotation_json("x", annotator(
        "Plant closes\n\nWorkers in Peoria, Ill., and in Evansville, Ind., lost their jobs, and one fell ill.\n"))
    assert _place(result, "Illinois")["kind"] == "province"
    assert _place(result, "Indiana")["kind"] == "province"
    assert abs(_place(result, "Peoria")["lat"] - 40.69) < 0.1


def test_the_areas_in_a_bracket_after_a_place_are_places_and_hold_its_event(annotator):
    # A report files a village under its district and province; the small model reads such names
    # as people or misses them, and the village, unknown to the gazetteer, took a namesake abroad.
    shot = annotation_json("x", annotator("On 12 June 2020, al Shabaab militants shot dead a village elder at "
                                          "Mubarak village (Afgooye, Lower Shabelle).", "2020-06-13"), threshold=0)
    assert _place(shot, "Afgooye")["country"] == "Somalia" and _place(shot, "Lower Shabelle")["kind"] == "province"
    assert [e["place"] for e in shot["events"]] == ["Afgooye"]  # the most precise place on the map
    beaten = annotation_json("x", annotator("On 4 July 2020, a CNL member was beaten in Rusaka (Mwaro, Mwaro)."))
    assert _place(beaten, "Rusaka")["country"] == "Burundi"  # not Rusaka, Zambia
    # Not who reported it, nor one name in a bracket (as often another name of the place).
    march = annotation_json("x", annotator("Protesters marched in Paris (AFP, Reuters) on Saturday, and in "
                                           "Yangon (Rangoon) on Sunday."))
    assert sorted(p["name"] for p in march["places"]) == ["Paris", "Yangon"]


def test_a_name_the_model_missed_where_the_text_places_it_is_a_place_the_gazetteer_knows(annotator):
    # One-line reports: the small model types none of these names, or reads one as a common noun.
    for text, name, country in (
            ("In Rusape, angry residents barricaded roads with stones and logs.", "Rusape", "Zimbabwe"),
            ("A fierce battle between two clan militias has erupted west of Beledweyne.", "Beledweyne", "Somalia"),
            ("Two other trucks were set ablaze on the highway at Feni last night.", "Feni", "Bangladesh")):
        place = _place(annotation_json("x", annotator(text)), name)
        assert place is not None and place["country"] == country, text
    # Not a name something goes to: a tennis player in a headline (Dent, Ohio, has 10,000 people).
    result = annotation_json("x", annotator("Hewitt falls to Dent\n\nLleyton Hewitt lost to Taylor Dent in "
                                            "the quarter-finals.\n"), threshold=0)
    assert "Dent" not in {p["name"] for p in result["places"]}


def test_a_town_and_its_country_read_as_one_name_are_two_places(annotator):
    result = annotation_json("x", annotator("Textile workers protested in Nis, Serbia, demanding back pay."))
    assert _place(result, "Niš")["country"] == "Serbia" and _place(result, "Serbia")["kind"] == "country"
    assert [e["place"] for e in result["events"]] == ["Niš"]


def test_a_town_after_a_word_for_a_part_of_a_place_is_a_place_whatever_the_model_says(annotator):
    # The model reads these as a person and an organisation; 'countryside of' is how Syrian
    # reports place villages, and the article inside 'Ain al Arab' is part of the name.
    for text, name in (("Shelling hit several villages in the western countryside of Beledweyne.", "Beledweyne"),
                       ("Rebels shelled the northern countryside of Hama on Monday.", "Ḩamāh"),
                       ("Border guards targeted an observation post 8 km west of Ain al Arab city.", "Ain al Arab")):
        result = annotation_json("x", annotator(text), threshold=0)
        assert _place(result, name) is not None, (text, [p["name"] for p in result["places"]])
        assert not any(name in a["name"] for a in result["actors"]), text


def test_a_place_that_ends_the_name_of_a_body_or_building_is_a_place_of_its_own(annotator):
    # The model reads 'the Working Boundary in Sialkot' and 'the Cathedral of the Holy Spirit at
    # Bismarck' as one organisation each: the town went unread, and the event unplaced.
    for text, body, town in (
            ("Fighters shelled the Working Boundary in Sialkot sector on Monday.", "Working Boundary", "Sialkot"),
            ("Hundreds marched to the Cathedral of the Holy Spirit at Bismarck on Sunday.",
             "Cathedral of the Holy Spirit", "Bismarck")):
        result = annotation_json("x", annotator(text), threshold=0)
        assert [a["name"] for a in result["actors"]] == [body], text
        assert _place(result, town) is not None, text
    shelled = annotation_json("x", annotator("Fighters shelled the Working Boundary in Sialkot sector on Monday."))
    assert [e["place"] for e in shelled["events"]] == ["Sialkot"]


def test_a_name_a_lower_case_kind_word_follows_is_a_place_whatever_the_model_says(annotator):
    # A one-paragraph report, no title line. The small model reads 'Turbat' as a date and
    # 'Feni' as a product; the kind word after each says what they are.
    raid = annotation_json("x", annotator(
        "At least five militants were killed during a raid by police in Shadi Kore area of Turbat "
        "district on Saturday, Balochistan officials said.\n"))
    assert _place(raid, "Turbat")["country"] == "Pakistan"
    assert [e["place"] for e in raid["events"]][:1] == ["Turbat"]  # the most precise place on a map
    arson = annotation_json("x", annotator(
        "Pro-hartal activists torched six trucks in Feni town, Bangladesh, on Sunday.\n"))
    assert _place(arson, "Feni")["country"] == "Bangladesh"
    assert [e["place"] for e in arson["events"]] == ["Feni"]
    # A capitalised kind word belongs to a longer name ('Walker County', not a town 'Walker').
    result = annotation_json("x", annotator("Fair\n\nThe Walker County fair opened, said Ann Lee.\n"))
    assert "Walker" not in {p["name"] for p in result["places"]}


def test_windows_quotes_misread_as_control_characters_are_read_as_quotes(annotator):
    # Text written in Windows-1252 and read as Latin-1: U+0092 where "’" was.
    raw = "Clashes\n\nMilitias fought in Tripoli\x92s Abu Sleem district, Libya, on Friday.\n"
    result = annotation_json("x", annotator(raw))
    assert _place(result, "Tripoli")["country"] == "Libya"
    assert all(raw[m["start"]:m["end"]] == m["text"] for p in result["places"] for m in p["mentions"])


def test_a_place_whose_own_name_ends_in_a_kind_word_keeps_it(annotator):
    # 'Cape Town' is no town called 'Cape' (GeoNames has a Cape in North Carolina), and 'Kansas
    # City' no town called Kansas; but a Californian story's 'San Fernando City' is San Fernando.
    result = annotation_json("x", annotator(
        "Workers gathered outside Parliament in Cape Town and sang. Fans in Kansas City cheered.\n"))
    assert _place(result, "Cape Town")["country"] == "South Africa"
    assert abs(_place(result, "Kansas City")["lat"] - 39.1) < 0.1
    result = annotation_json("x", annotator(
        "Vote\n\nIn Los Angeles, the solar plan lost. San Fernando City Councilwoman Nury Martinez won.\n"))
    assert _place(result, "San Fernando City")["country"] == "United States"


def test_a_big_city_after_a_word_for_part_of_a_place_is_that_city(annotator):
    # The small model reads 'Lusaka' here as an organisation and 'Tunis' as a nationality.
    result = annotation_json("x", annotator(
        "UPND cadres attacked residents in Kizito area of Lusaka on Monday. Five people were seriously injured.\n"))
    assert _place(result, "Lusaka")["country"] == "Zambia"
    assert [e["place"] for e in result["events"]] == ["Lusaka"]
    result = annotation_json("x", annotator(
        "Students staged a sit-in at the Faculty of Law in El Manar area of Tunis.\n"))
    assert _place(result, "Tunis")["country"] == "Tunisia"


def test_a_story_that_names_no_country_is_set_by_the_home_of_the_armed_group_or_party_it_names(annotator):
    # Leer, Germany is the bigger Leer; beside the SPLM, the note is South Sudanese.
    result = annotation_json("x", annotator(
        "SPLM-IO forces attacked government positions in Payak near Leer. Two soldiers were killed.\n"))
    assert _place(result, "Leer")["country"] == "South Sudan"
    # A city that bears a name only as an alternate (GeoNames lists 'Yei' among Bursa's names)
    # does not set the story in its country.
    result = annotation_json("x", annotator(
        "Gunshots heard near police station in Yei. One officer wounded in the head.\n"))
    assert _place(result, "Yei")["country"] == "South Sudan"


def test_a_town_is_read_in_the_region_named_after_it_in_any_country_and_in_brackets(annotator):
    # GeoNames numbers the regions of most countries; read as ISO's, 'Acatlan, Hidalgo' is the
    # Acatlán of Hidalgo (not the bigger one of Guerrero), as 'Buffalo, New York' always was.
    acatlan = _place(annotation_json("x", annotator("Around 30 fair workers protested in Acatlan, Hidalgo, "
                                                    "on 29 April.\n")), "Acatlán")
    assert acatlan["country"] == "Mexico" and abs(acatlan["lat"] - 20.14) < 0.1
    # a bracket says the same as a comma
    san_antonio = _place(annotation_json("x", annotator("In San Antonio (Valparaiso), a group of citizens "
                                                        "demonstrated for a second day.\n")), "San Antonio")
    assert san_antonio["country"] == "Chile"
    # but a person's country in brackets, as results list it, keeps the person a person
    results = annotation_json("x", annotator("Women's singles: Wang Chen (China) beat Ann Smith (U.S.) 11-4 11-6.\n"))
    assert _actor(results, "Wang Chen") is not None and _place(results, "Wang Chen") is None


def test_a_side_in_a_table_of_results_is_a_team_not_a_place(annotator):
    text = ("Soccer - English league results\n\nResults of English premier league matches on Saturday:\n"
            "Newcastle 2 Liverpool 1\nSweden 1 Brazil 1\n\n"
            "Newcastle manager Kevin Keegan said his side deserved the win.\n")
    result = annotation_json("x", annotator(text))
    kinds = {a["name"]: a["kind"] for a in result["actors"]}
    assert kinds["Newcastle"] == kinds["Liverpool"] == kinds["Sweden"] == "sports-body"
    assert not {"Newcastle", "Liverpool", "Sweden", "Brazil"} & {p["name"] for p in result["places"]}
    # A figure after a city in prose is a count, not a score: Rio de Janeiro stays a city.
    prose = annotation_json("x", annotator("Flu\n\nSao Paulo reported 327 deaths, and Rio de Janeiro 84.\n"))
    assert "Rio de Janeiro" in {p["name"] for p in prose["places"]}


def test_every_side_of_a_table_of_teams_is_a_team_whatever_the_model_read(annotator):
    # A standings table one of whose sides is named after a place: the clubs the model reads as
    # persons, towns inside a club's name or nothing at all are teams too; a scorer in brackets
    # is a person.
    text = ("Soccer - Spanish first division\n\nResult of Saturday's match:\n"
            "Real Madrid 2 (Davor Suker 24) Barcelona 0\n"
            "Standings (played, won, drawn, lost, goals for, against, points):\n"
            "Real Madrid 16 11 5 0 32 12 38\nBarcelona 16 10 4 2 46 21 34\nDeportivo Coruna 15 9 6 0 23 7 33\n"
            "Real Betis 15 8 5 2 28 13 29\nRacing Santander 15 5 7 3 15 15 22\nCelta Vigo 15 5 5 5 17 17 20\n")
    result = annotation_json("x", annotator(text))
    kinds = {a["name"]: a["kind"] for a in result["actors"]}
    for team in ("Real Madrid", "Barcelona", "Deportivo Coruna", "Real Betis", "Racing Santander", "Celta Vigo"):
        assert kinds.get(team) == "sports-body", (team, kinds)
    assert [kind for name, kind in kinds.items() if "Suker" in name] == ["person"]
    assert not {"Barcelona", "Santander", "Vigo"} & {p["name"] for p in result["places"]}
    # A club's country in brackets before its figures; a report's every table once one is of teams.
    euro = annotation_json("x", annotator("Basketball - Euroleague standings\n\nStandings after Thursday:\nGroup A\n"
                                          "CSKA Moscow (Russia) 9 6 3 15\nLimoges (France) 9 3 6 12\n"
                                          "Panionios (Greece) 9 3 6 12\n"))
    kinds = {a["name"]: a["kind"] for a in euro["actors"]}
    assert kinds.get("Panionios") == kinds.get("Limoges") == "sports-body", kinds
    nba = annotation_json("x", annotator("NBA standings\n\nStandings after Thursday's games:\nATLANTIC DIVISION\n"
                                         "MIAMI 14 4 .778 -\nNEW YORK 10 6 .625 3\nPACIFIC DIVISION\n"
                                         "SEATTLE 15 5 .750 -\nGOLDEN STATE 6 12 .333 8\n"))
    kinds = {a["name"]: a["kind"] for a in nba["actors"]}
    assert kinds.get("GOLDEN STATE") == kinds.get("MIAMI") == "sports-body", kinds
    # A line that is only a match's result names two teams, whatever the model read them as.
    cup = annotation_json("x", annotator("Soccer - English FA Cup result\n\nResult of a Cup second round match on "
                                         "Friday:\nPlymouth 4 Exeter 1\n"))
    kinds = {a["name"]: a["kind"] for a in cup["actors"]}
    assert kinds.get("Plymouth") == kinds.get("Exeter") == "sports-body", kinds
    assert "Plymouth" not in {p["name"] for p in cup["places"]}
    # A golfers' leaderboard names no place: its players stay persons.
    golf = annotation_json("x", annotator("Golf - Zimbabwe Open scores\n\nLeading third-round scores:\n"
                                          "Mark McNulty 72 68 68 208\nNick Price 69 70 71 210\n"))
    assert {a["name"]: a["kind"] for a in golf["actors"]}.get("Nick Price") == "person"


def test_the_weightiest_place_sets_a_story_that_names_no_country(annotator):
    # Bafoussam (a city of 370,000) can only be in Cameroon; 'Ouest' is Haiti's one ISO region so
    # named, and must not set the note in Haiti and push the city out of it.
    note = annotation_json("x", annotator("On 9 May 2020, residents demonstrated in Bafoussam town (Mifi, Ouest) "
                                          "after a gendarme shot and killed a taxi bike driver.\n"))
    assert _place(note, "Bafoussam")["country"] == "Cameroon"
    assert [e["place"] for e in note["events"]] == ["Bafoussam"]
    # A country named for its money sets nothing: Beirut puts Tripoli in Lebanon, not Libya.
    money = annotation_json("x", annotator("Protesters angry at the US dollar exchange rate gathered in Tripoli "
                                           "on Monday and later marched toward Beirut.\n"))
    assert _place(money, "Tripoli")["country"] == "Lebanon"


def test_a_place_name_the_model_cut_at_a_romance_link_is_read_whole(annotator):
    # 'de la', 'del', 'dos' join the words of one name; the gazetteer knows it whole
    bolivia = annotation_json("x", annotator("On 6 May 2020, in Santa Cruz de la Sierra, Santa Cruz, health workers "
                                             "staged a demonstration.\n"))
    assert _place(bolivia, "Santa Cruz de la Sierra")["country"] == "Bolivia"
    assert _place(bolivia, "Santa Cruz de la") is None
    venezuela = annotation_json("x", annotator("On 5 May 2020, residents of Caicara del Orinoco protested against "
                                               "the shortage of fuel.\n"))
    assert _place(venezuela, "Caicara del Orinoco")["country"] == "Venezuela"
    # A capitalised article begins a name of its own ('La Paz'); a person's 'de la' is no place.
    league = annotation_json("x", annotator("Sergio de la Pena scored twice for Real Betis in La Liga on Sunday.\n"))
    assert not {"La", "Pena", "Sergio de la Pena"} & {p["name"] for p in league["places"]}


def test_a_venue_named_after_its_town_puts_its_town_on_the_map(annotator):
    # a civic word before 'Centre' makes it the town's venue; 'Kennedy Center' is named after a man
    bomb = annotation_json("x", annotator("On 22 June, a car bomb exploded in the car park at Benghazi Medical "
                                          "Centre but caused no injuries.\n"))
    assert _place(bomb, "Benghazi")["country"] == "Libya"
    assert [e["place"] for e in bomb["events"]] == ["Benghazi"]
    gala = annotation_json("x", annotator("Fans filled the Kennedy Center and the Lincoln Center for the gala.\n"))
    assert not {"Kennedy", "Lincoln"} & {p["name"] for p in gala["places"]}
    # an area the model read nothing in, named by its capitalised kind word
    march = annotation_json("x", annotator("Residents of Kole District, led by the ruling party's leaders, marched "
                                           "in the town on Monday.\n"))
    assert _place(march, "Kole District")["country"] == "Uganda"
    agency = annotation_json("x", annotator("Officials of the South Coast Air Quality Management District met on "
                                            "Monday.\n"))
    assert "Air Quality Management District" not in {p["name"] for p in agency["places"]}


def test_an_office_and_the_body_it_heads_are_one_name(annotator):
    # 'the Sheriff's Office' is one body; a possessive after a country still splits what it owns
    office = annotation_json("x", annotator("Deputies from the Harlan County Sheriff's Office arrested two men, "
                                            "Sheriff Dale Ames said.\n"))
    assert {a["name"] for a in office["actors"]} == {"Harlan County Sheriff's Office", "Dale Ames"}
    guards = annotation_json("x", annotator("Iran's Revolutionary Guards fired missiles at the base.\n"))
    assert "Iran" in {p["name"] for p in guards["places"]}


def test_a_curated_district_is_one_place_under_the_gazetteers_longer_name(annotator):
    # GeoNames writes the old 'Agency'; the knowledge base has the district by its bare name
    story = annotation_json("x", annotator("The new roads in South Waziristan Agency reach six villages. "
                                           "Troops patrolled South Waziristan on Monday.\n"))
    found = [p for p in story["places"] if "Waziristan" in p["name"]]
    assert [(p["name"], p["country"]) for p in found] == [("South Waziristan", "Pakistan")]
    assert [m["text"] for m in found[0]["mentions"]] == ["South Waziristan Agency", "South Waziristan"]


def test_a_town_inside_a_venues_name_is_the_town_not_a_short_form_of_the_name(annotator):
    # the model types the school a person; its town is still the town, and the school's page
    # lists the school's name, not the town's
    school = annotation_json("x", annotator("Deadline set to sign up for exams. Dayton High School students have "
                                            "until Friday to sign up for 2010 advanced placement exams.\n"))
    assert _place(school, "Dayton")["country"] == "United States"
    assert [m["text"] for m in _actor(school, "Dayton High School")["mentions"]] == ["Dayton High School"]


def test_one_capitalised_word_after_the_is_no_small_town(annotator):
    # 'the Centre' is India's government, 'the Delta' a river's: small towns share the words,
    # but a town goes by its name alone
    centre = annotation_json("x", annotator("Farmers in Madurai protested against the land bill the state asked the "
                                            "Centre to withdraw.\n"))
    assert {p["name"] for p in centre["places"]} == {"Madurai"}
    delta = annotation_json("x", annotator("The river carries the fish through the Delta to the ocean, officials "
                                           "in Utah said.\n"))
    assert {p["name"] for p in delta["places"]} == {"Utah"}
    # a big city, a town that names a body or is joined to another name, stay places
    kept = annotation_json("x", annotator("Fires broke out in the Bronx and talks opened in the Hague. The Dayton "
                                          "police and the Brattleboro and District Rotary Club met.\n"))
    assert {"The Bronx", "The Hague", "Dayton", "Brattleboro"} <= {p["name"] for p in kept["places"]}


def test_a_local_body_named_after_its_town_or_county_puts_it_on_the_map(annotator):
    # a sheriff, a police force, a town hall: named for the county or the small town they serve
    arrest = annotation_json("x", annotator("Deputies from the Harlan County Sheriff's Office arrested two men in "
                                            "Kentucky on Friday.\n"))
    assert _place(arrest, "Harlan County")["country"] == "United States"
    police = annotation_json("x", annotator("Officers of the Brattleboro Police Department (BPD) found the car. "
                                            "BPD officers then closed the road.\n"))
    assert _place(police, "Brattleboro")["country"] == "United States"
    # the acronym stays the force's: the town beginning its name does not take it
    assert [m["text"] for m in _place(police, "Brattleboro")["mentions"]] == ["Brattleboro"]
    assert "BPD" in [m["text"] for m in _actor(police, "Brattleboro Police Department")["mentions"]]
    hall = annotation_json("x", annotator("The meeting was held at Brattleboro Town Hall, and a concert at "
                                          "Carnegie Hall followed.\n"))
    assert "Brattleboro" in {p["name"] for p in hall["places"]}
    assert "Carnegie" not in {p["name"] for p in hall["places"]}
    # a civic word before the head, or a county before any head
    court = annotation_json("x", annotator("He appeared in Brattleboro District Court on Monday and was sent to "
                                           "the Harlan County Jail.\n"))
    assert {"Brattleboro", "Harlan County"} <= {p["name"] for p in court["places"]}
    # a body named for its rank, its work or its quarter is no town's, though towns bear the
    # name; nor is a street, or a band
    federal = annotation_json("x", annotator("The Commerce Department said orders rose. The Supreme Court ruled on "
                                             "Monday, and the Federation Council met in Moscow.\n"))
    assert {p["name"] for p in federal["places"]} == {"Moscow"}
    others = annotation_json("x", annotator("Roads closed at Oakmont Drive and Martin Court. Snow Patrol played "
                                            "on Friday. He is held at the North Central Regional Jail.\n"))
    assert not {"Martin", "Snow", "North Central", "North"} & {p["name"] for p in others["places"]}


def test_an_area_after_a_place_and_a_comma_is_a_place_whatever_the_model_says(annotator):
    # the model reads 'La Paz' and 'Tovuz' as people; after 'El Alto,' and 'Munjuglu,', ending the
    # clause, a city or a region the gazetteer knows is the area the place lies in
    bolivia = annotation_json("x", annotator("On 1 May 2020, in El Alto, La Paz, a group of citizens who had "
                                             "blocked the road were dispersed by police.\n"))
    assert _place(bolivia, "La Paz")["country"] == "Bolivia" and _actor(bolivia, "La Paz") is None
    front = annotation_json("x", annotator("On 8 May 2020, military forces of Armenia fired on the positions of "
                                           "the military forces of Azerbaijan located at Munjuglu, Tovuz.\n"))
    assert _place(front, "Tovuz")["country"] == "Azerbaijan"
    assert [e["place"] for e in front["events"]] == ["Tovuz"]


def test_a_road_named_by_its_towns_is_a_road_and_a_town_on_it_is_where(annotator):
    # the model reads 'Dhaka-Chittagong' as an organisation; the towns name a road, not an actor,
    # and Feni, named on the road, says where on its 250 km the trucks burned
    trucks = annotation_json("x", annotator("Two trucks were set ablaze on the Dhaka-Chittagong highway at Feni "
                                            "last night but there were no casualties.\n"))
    assert _actor(trucks, "Dhaka-Chittagong") is None
    assert _place(trucks, "Dhaka–Chittagong highway")["kind"] == "road"
    assert [e["place"] for e in trucks["events"]] == ["Feni"]


def test_georgia_is_the_state_where_the_storys_other_places_can_only_be_american(annotator):
    # The story names the country's name first; Atlanta and Chicago can only be American, so the
    # Georgia of 'a Georgia man' is the state. Tbilisi says the country, even beside Chicago.
    assert _country_of(annotator, "Georgia", (
        "Leader of suicide group defends work. ATLANTA - A former network leader being prosecuted in a Georgia "
        "man's death is defending his group. Police say the group helped an Arizona woman, and a suburban "
        "Chicago resident sought its support.\n")) == "United States"
    assert _country_of(annotator, "Georgia", (
        "Ten sent to custody. The Tbilisi City Court sent ten opposition activists in Georgia to pre-trial "
        "custody on Tuesday; one had lived in Chicago.\n")) == "Georgia"


def test_a_bare_army_is_the_forces_of_the_storys_country_or_no_actor(annotator):
    # 'the Army' and the army of 'Chief of Army Staff' are no armed group of their own: the forces
    # of the country the story is set in, and where it names none, no actor. Initials the name
    # key empties ('AL', an Arabic article) are no army.
    visit = annotation_json("x", annotator(
        "Visit\n\nPakistan's Chief of Army Staff visited the base in Quetta on Monday.\n"))
    assert [(a["name"], a["kind"]) for a in visit["actors"] if a["kind"] != "state"] == [
        ("Pakistan Armed Forces", "armed-force")]
    bare = annotation_json("x", annotator("Visit\n\nThe Army said the visit on Monday was routine.\n"))
    assert bare["actors"] == []
    party = annotation_json("x", annotator(
        "Attack\n\nAt least six people including an AL leader were injured in an attack by a UP chairman at a "
        "village of Nangalkot upazila (Comilla).\n"))
    assert "AL" in [a["name"] for a in party["actors"]]


def test_a_region_named_in_full_is_the_region_its_bare_name_names_in_the_story(annotator):
    # 'Washington State' then 'central Washington': the state, not the capital; but the city
    # named with its region after it ('Washington, D.C.') stays the city.
    state = annotation_json("x", annotator(
        "Guard team\n\nNo rest for Washington State's civil support team. The team travelled to central "
        "Washington last month, and its focus has been at home in Washington.\n"))
    assert [(p["kind"], len(p["mentions"])) for p in state["places"] if p["name"].startswith("Washington")] == [
        ("province", 3)]
    capital = annotation_json("x", annotator(
        "Guard team\n\nWashington State guardsmen flew to Washington, D.C., on Monday for talks with lawmakers.\n"))
    assert sorted(p["kind"] for p in capital["places"] if p["name"].startswith("Washington")) == ["city", "province"]


def test_a_compass_part_of_a_region_is_placed_in_it(annotator):
    # 'North Texas', 'Southern California': a part of a region the gazetteer has no entry for is
    # a place of its own at the region's point, in its country. Not a shared region's name read
    # outside the story's country, nor a country's name a region shares.
    drought = annotation_json("x", annotator(
        "Drought\n\nThe drought is over in North Texas, forecasters in Dallas said, and rain fell in Southern "
        "California.\n"))
    parts = {p["name"]: (p["kind"], p["country"], round(p["lat"])) for p in drought["places"]
             if p["name"] in ("North Texas", "Southern California")}
    assert parts == {"North Texas": ("region", "United States", 31),
                     "Southern California": ("region", "United States", 37)}
    kenya = annotation_json("x", annotator(
        "Cholera\n\nCases were reported in the Kenyan provinces of Nyanza, Rift Valley and North Eastern Province.\n"))
    assert all(p["country"] != "Sri Lanka" for p in kenya["places"])
    rain = annotation_json("x", annotator("Rain\n\nRain fell across North Georgia and metro Atlanta on Tuesday.\n"))
    assert all(p["country"] != "Georgia" for p in rain["places"])
