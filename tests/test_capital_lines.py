"""A headline written all in capitals, as wire copy sends it: the model's readings there are
dropped (it takes runs of capitalised words for names) and the line is read for the names the
story gives, a person's surname included; a surname that is also a word the story writes in
lower case is not read there."""

from __future__ import annotations

from newsroom.annotate.capital_lines import capital_lines


def _mentions(ann, text: str) -> dict[str, list[str]]:
    return {e.name: [text[m.start:m.end] for m in e.mentions] for e in [*ann.actors, *ann.places]}


def test_a_headline_in_capitals_names_the_story_s_people_by_surname_and_nothing_else(annotator):
    text = ("CRICKET - HOLLOWAY OUT CHEAPLY AGAIN AS TOURISTS SLIDE.\n\nMELBOURNE 1996-12-06\n\nDean Holloway "
            "made only 12 as the touring side lost to the state team by seven wickets on Friday. Holloway was "
            "caught at slip for the third time in the series.\n")
    mentions = _mentions(annotator(text), text)
    assert sorted(mentions["Dean Holloway"]) == ["Dean Holloway", "HOLLOWAY", "Holloway"]
    assert set(mentions) == {"Dean Holloway", "Melbourne"}  # no 'CRICKET - HOLLOWAY' or 'TOURISTS SLIDE'


def test_a_headline_in_capitals_names_the_story_s_bodies_whole(annotator):
    text = ("NORTHFIELD ROVERS SUPPORTERS HURT IN AUSTRIA BUS CRASH.\n\nVIENNA 1996-12-06\n\nA bus carrying "
            "Northfield Rovers supporters overturned near Graz on Wednesday, police said. The supporters were in "
            "Austria to watch their team play.\n")
    mentions = _mentions(annotator(text), text)
    assert "NORTHFIELD ROVERS" in mentions["Northfield Rovers"] and "AUSTRIA" in mentions["Austria"]
    assert not {m for ms in mentions.values() for m in ms} & {"BUS CRASH", "SUPPORTERS", "CRASH"}


def test_a_surname_the_story_also_writes_as_a_common_word_is_not_read_in_capitals(annotator):
    text = ("OIL PRICE FALLS AS SUPPLY GROWS\n\nLONDON 1996-12-06\n\nThe price of crude fell for a third day on "
            "Friday as supply grew, said Gareth Price, an analyst at Westbrook Securities. Price said the fall "
            "would go on.\n")
    assert sorted(_mentions(annotator(text), text)["Gareth Price"]) == ["Gareth Price", "Price"]


def test_which_lines_are_in_capitals():
    text = "RUGBY - HOLLOWAY BACK\nLONDON 1996-12-06\nMost of It is prose.\nA\n"
    assert capital_lines(text) == [(0, len("RUGBY - HOLLOWAY BACK"))]


def test_a_story_written_all_in_capitals_keeps_the_model_s_reading(annotator):
    # All an old telex has is capitals: what the model reads there is all there is to read.
    text = ("TALKS TO GO ON\n\nBERLIN 1996-12-06\n\nMINISTER HANS MUELLER TOLD REPORTERS ON FRIDAY THAT THE "
            "TALKS WOULD GO ON.\n")
    assert any(a.name.startswith("HANS MUELLER") for a in annotator(text).actors)
