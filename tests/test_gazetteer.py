"""Which place a name is: every reading carries the evidence its score weighs, so the weights
can be fitted on what the development sets read (benchmarks/fit_gazetteer.py)."""

from __future__ import annotations

import math


def _weighted(gazetteer, reading) -> float:
    weights = gazetteer.knowledge.weights.gazetteer
    return sum(getattr(weights, name) * value for name, value in reading.evidence)


def test_a_reading_scores_the_weighted_sum_of_its_named_evidence(annotator):
    gazetteer = annotator.gazetteer
    palmyra = gazetteer.resolve("Palmyra", ["SY"])
    evidence = dict(palmyra.evidence)
    assert palmyra.country_code == "SY"
    assert evidence["context_first"] == 1.0
    assert evidence["city_population"] == math.log10(palmyra.population + 10)
    assert math.isclose(palmyra.score, _weighted(gazetteer, palmyra))


def test_every_town_of_a_name_is_a_reading_and_the_best_one_is_resolved(annotator):
    gazetteer = annotator.gazetteer
    readings = gazetteer.readings("Palmyra", ["US"])
    assert {"SY", "US"} <= {r.country_code for r in readings}
    assert all(math.isclose(r.score, _weighted(gazetteer, r)) for r in readings)
    best = gazetteer.resolve("Palmyra", ["US"])
    assert best.country_code == "US"
    assert best.score == max(r.score for r in readings)


def test_size_speaks_for_the_town_that_wins_among_the_towns_and_not_before(annotator):
    gazetteer = annotator.gazetteer
    bare = gazetteer.resolve("Paris")
    assert (bare.country_code, dict(bare.evidence).get("big_city_bonus")) == ("FR", 1.0)
    # In a US story the US towns' context outweighs Paris, France before its size bonus counts:
    # the bonus goes to the best town, Paris, Texas, which is too small for it.
    american = gazetteer.resolve("Paris", ["US"])
    assert american.country_code == "US" and round(american.lat) == 34 and round(american.lon) == -96
    assert "big_city_bonus" not in dict(american.evidence)


def test_a_named_place_is_a_town_of_that_very_name_or_an_area_not_an_alternate_name(annotator):
    gazetteer = annotator.gazetteer
    assert gazetteer.is_named_place("Rusape") and gazetteer.is_named_place("Beledweyne")
    assert not gazetteer.is_big_place("Rusape")  # too small to be read anywhere, but where the text places it
    assert gazetteer.is_named_place("Mwaro")  # a province
    assert not gazetteer.is_named_place("Google")  # an alternate name of Topeka
    assert not gazetteer.is_named_place("Tesla")


def test_a_town_near_the_storys_other_places_wins_over_a_bigger_namesake(annotator):
    # Local news names its places bare: the Columbus of a story that also names Platte County
    # and Norfolk is Columbus, Nebraska (the county's seat), not Ohio's capital.
    gazetteer = annotator.gazetteer
    assert round(gazetteer.resolve("Columbus", ["US"]).lon) == -83  # alone: Columbus, Ohio
    story = gazetteer.in_story(["Columbus", "Norfolk", "Platte County"], ["US"])
    columbus = story.resolve("Columbus", ["US"])
    assert (round(columbus.lat), round(columbus.lon)) == (41, -97)
    assert dict(columbus.evidence)["near_story_place"] == 1.0
    assert math.isclose(columbus.score, _weighted(gazetteer, columbus))
    # A county that three states have is the one beside the story's other places.
    assert gazetteer.resolve("Platte County", ["US"]) is None
    platte = story.resolve("Platte County", ["US"])
    assert (platte.kind, round(platte.lat), round(platte.lon)) == ("district", 41, -97)


def test_namesakes_that_lie_together_do_not_move_big_cities_or_states(annotator):
    gazetteer = annotator.gazetteer
    # Paris and London, Ontario lie together; the story means the capitals.
    europe = gazetteer.in_story(["Paris", "London"], [])
    assert europe.resolve("Paris", []).country_code == "FR"
    assert europe.resolve("London", []).country_code == "GB"
    # ... and only where the story is set: Palmyra and Geneva, New York lie together, but a Syria
    # story that names the United States later means Syria's Palmyra.
    syria = gazetteer.in_story(["Palmyra", "Geneva", "Deir ez-Zor"], ["SY", "RU", "US"])
    assert syria.resolve("Palmyra", ["SY", "RU", "US"]).country_code == "SY"
    # A big city of the story's country keeps its size against a town near another name:
    # Dallas, Oregon lies by Portland, but 'Dallas' beside 'Portland' is Texas's.
    teams = gazetteer.in_story(["Dallas", "Portland", "Houston"], ["US"])
    assert round(teams.resolve("Dallas", ["US"]).lon) == -97
    # A name that may be a state of the story speaks for none of its namesake towns, and a name
    # speaks for no reading of a name it shares a word with.
    states = gazetteer.in_story(["California", "Oklahoma", "Richmond", "North Richmond"], ["US"])
    assert states.resolve("California", ["US"]).kind == "province"
    assert "near_story_place" not in dict(states.resolve("Richmond", ["US"]).evidence)


def test_a_district_goes_by_its_whole_name_and_by_its_name_after_a_local_kind_word(annotator):
    gazetteer = annotator.gazetteer
    # GeoNames writes an Indonesian regency 'Kabupaten Karo'; news writes 'the district of Karo'.
    karo = gazetteer.resolve("Karo", ["ID"], "district")
    assert (karo.kind, karo.country_code) == ("district", "ID")
    # ... and a district's name with its own kind word, before or instead of the text's
    # ('South Waziristan Agency'; 'Moore County District').
    agency = gazetteer.resolve("South Waziristan Agency", ["PK"])
    assert (agency.kind, agency.country_code) == ("district", "PK")
    assert gazetteer.resolve("Moore County District", ["US", "US-NC"]).kind == "district"
    # Among districts sharing a bare name, the text's whole name picks those that bear it: 'Lexington
    # County' is South Carolina's county, not the City of Lexington (Virginia), even with no state
    # named; a name two counties bear whole stays unread.
    lexington = gazetteer.resolve("Lexington County", [])
    assert (lexington.kind, lexington.country_code, round(lexington.lat)) == ("district", "US", 34)
    assert gazetteer.resolve("Meigs County", []) is None


def test_a_name_that_can_only_be_in_one_country_speaks_for_its_neighbours_there(annotator):
    # A story that names countries only as someone's nationality has not said where it is set;
    # a name that can only be in one country has, and its neighbours' readings there win over
    # bigger namesakes abroad (Saki, Nigeria; Itu, Brazil).
    for text, town, country in [
            ("Russian missiles struck an airfield near Saki on Tuesday, and explosions were heard in Simferopol.",
             "Saki", "UA"),
            ("Cameroonian traders protested in Itu and Uyo on Monday over new market levies.", "Itu", "NG")]:
        places = {p.name: p for p in annotator(text).places}
        assert places[town].country_code == country, text


def test_the_index_is_cached_once_built_and_old_versions_caches_do_not_pile_up(tmp_path, monkeypatch):
    import os

    from newsroom.annotate.place_index import City, Index
    from newsroom.cli import loading

    monkeypatch.setenv("NEWSROOM_CACHE", str(tmp_path))
    town = City(1, "Narayanganj", 23.6, 90.5, "BD", 286_000, "C")
    built = []

    def build(_population: int) -> Index:
        built.append(1)
        return Index({"narayanganj": [town]}, {}, {}, {"nrynganj": [town]})
    monkeypatch.setattr(loading, "build_index", build)
    old = [tmp_path / f"gazetteer-old{n}.pickle" for n in range(4)]
    for age, path in enumerate(old):
        path.write_bytes(b"an index of another version")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # old0 is the newest
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("kept")
    assert loading.load_index().cities["narayanganj"] == [town]
    assert loading.load_index().spellings == {"nrynganj": [town]}
    assert built == [1]  # the second load read the cache
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"gazetteer-old0.pickle", "gazetteer-old1.pickle", loading._cache_path(500).name, "notes.txt"}


def _places(annotator, text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.country_code) for p in annotator(text).places]


def test_a_compass_word_alone_names_a_part_of_the_story_s_country_not_a_region_abroad(annotator):
    # 'the North' of a Korea story, 'the West' of a Cold War piece: no region of Cameroon or Ukraine.
    for name, code in _places(annotator, "Shelling\n\nNorth Korea fired rockets at a loudspeaker that broadcasts "
                                         "propaganda into the North. The South fired back.\n"):
        assert code in (None, "KP", "KR"), name
    # In the story's own country, and with its kind word, the region is read as before.
    assert ("North", "CM") in _places(annotator, "Attack\n\nBoko Haram fighters attacked a village near Mora in "
                                                 "Cameroon on Monday, and troops were sent to the North.\n")
    assert any(code == "CM" and name.startswith("South") for name, code in _places(
        annotator, "Clash\n\nSeparatists clashed with troops in Buea, South West region, on Monday.\n"))


def test_a_province_of_the_story_s_country_is_no_town_of_that_name_abroad(annotator):
    # GeoNames' towns hold a Nyanza in Rwanda, its lists no Kenyan province of that name: in a
    # Kenyan story 'Nyanza province' is left unlocated, not put in Rwanda.
    places = _places(annotator, "Cholera\n\nOver 1,200 cases of cholera have been reported in Kenya, most of "
                                "them in Nyanza province, health officials said.\n")
    assert ("Kenya", "KE") in places
    assert not any(code == "RW" for _, code in places), places
    # A province the gazetteer knows is read as before, and so is a town of a country the story names.
    assert ("Sindh", "PK") in _places(annotator, "Floods\n\nFloods hit Sindh province in Pakistan on Monday.\n")
    assert any(code == "RW" for _, code in _places(
        annotator, "Visit\n\nThe minister visited Nyanza in Rwanda's Southern Province on Monday.\n"))
