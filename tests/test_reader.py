"""The raw layout: metadata is never story text, and offsets always slice the raw file."""

import pytest

from newsroom.annotate.knowledge import load_knowledge
from newsroom.model import Layout
from newsroom.read.layout import read_layout as read_with

from .conftest import SEED

SEED_TEXT = SEED.read_bytes().decode("utf-8")


def read_layout(raw: str) -> Layout:
    return read_with(raw, load_knowledge().patterns.layout)


def test_seed_layout_is_read_into_metadata():
    layout = read_layout(SEED_TEXT)
    assert layout.title == "Syrian army captures key supply route in Deir Az Zor"
    assert layout.dek.startswith("Syrian government-aligned Hezbollah says")
    assert layout.credit == "News Agencies"
    assert layout.images[0].credit == "Omar Sanadiki/Reuters"
    assert layout.images[0].caption == ("A man stands near military vehicles that belong to the Syrian army "
                                        "in Deir al-Zor")
    assert layout.related == ["ISIL posts ‘Baghdadi audio’ issuing ‘resistance’ call",
                              "Syria’s civil war explained from the beginning"]
    assert layout.sections == ["Deadly ISIL attacks", "‘Worst string of attacks’"]


def test_credits_and_read_more_lines_are_not_readable_text():
    layout = read_layout(SEED_TEXT)
    readable = " ".join(s.text for s in layout.readable)
    assert "Sanadiki" not in readable
    assert "READ MORE" not in readable
    assert "News Agencies" not in readable
    for span in layout.readable:
        assert SEED_TEXT[span.start:span.end] == span.text


def test_wikinews_layout_date_line_and_inline_image_credit():
    raw = ("NASA celebrates anniversary\n\nWednesday, April 13, 2011\n\n"
           "NASA announced where the shuttles will go.\n\n"
           "File image of Space Shuttle Atlantis lifting off. Image: NASA.\n\n"
           "The shuttle first flew in 1981.\n")
    layout = read_layout(raw)
    assert layout.dateline == "Wednesday, April 13, 2011"
    assert layout.dek is None
    assert layout.images[0].credit == "NASA"
    assert layout.images[0].caption == "File image of Space Shuttle Atlantis lifting off."
    assert [b.text for _, b in layout.blocks] == ["NASA announced where the shuttles will go.",
                                                  "The shuttle first flew in 1981."]


def test_agency_dateline_is_cut_from_the_first_paragraph():
    raw = ("Talks resume\n\nBEIRUT (Reuters) - Talks resumed on Monday in Geneva, officials said.\n\n"
           "More talks are planned.\n\nA third paragraph.\n")
    layout = read_layout(raw)
    first = layout.blocks[0][1]
    assert first.text.startswith("Talks resumed on Monday")
    assert raw[first.start:first.end] == first.text


def test_empty_text_has_an_empty_layout():
    assert read_layout("").title == ""
    assert read_layout("").blocks == []


def test_a_one_paragraph_report_is_all_story():
    # A conflict note as ACLED gives it: no title line, one paragraph.
    raw = ("Unknown gunmen on 01/07 kidnapped Sierra-Leonean Ambassador to Nigeria, Maj-Gen. Nelson Williams "
           "(Rtd) along Abuja-Kaduna Express way while en route to Jaji, Kaduna.\n")
    layout = read_layout(raw)
    assert layout.title == ""
    assert [span.text for kind, span in layout.blocks] == [raw.strip()]


def test_a_story_that_begins_with_a_sentence_has_no_title():
    raw = "Police arrested three men in Lahore on Monday.\n\nThey were charged on Tuesday.\n"
    layout = read_layout(raw)
    assert layout.title == ""
    assert [span.text for _, span in layout.blocks] == ["Police arrested three men in Lahore on Monday.",
                                                       "They were charged on Tuesday."]


def test_a_headline_in_capitals_is_a_title_even_with_a_full_stop():
    layout = read_layout("SOCCER - LATE GOALS GIVE JAPAN WIN OVER SYRIA.\n\nTwo goals gave Japan the win.\n")
    assert layout.title == "SOCCER - LATE GOALS GIVE JAPAN WIN OVER SYRIA."


@pytest.mark.parametrize("opening, filed_from, agency, filed_on", [
    ("ANTAKYA, Turkey, Feb 7 (Reuters) - ", "ANTAKYA, Turkey", "Reuters", "Feb 7"),
    ("BEIRUT (Reuters) — ", "BEIRUT", "Reuters", None),
    ("KABUL, May 2 — ", "KABUL", None, "May 2"),
    ("LAGOS – ", "LAGOS", None, None),
    # South Asian wires: a colon after the agency, a day or an area, or the agency alone after a day
    ("QUETTA, May 3 (APP): ", "QUETTA", "APP", "May 3"),
    ("QUETTA, May 3 (APP):", "QUETTA", "APP", "May 3"),
    ("MULTAN, Pakistan: ", "MULTAN, Pakistan", None, None),
    ("NEW DELHI: ", "NEW DELHI", None, None),
    ("CHENNAI, Apr 5 (PTI) ", "CHENNAI", "PTI", "Apr 5"),
    # a press release: dashes round the wire, no space after them
    ("AUSTIN, Texas--(BUSINESS WIRE)--", "AUSTIN, Texas", "BUSINESS WIRE", None),
])
def test_a_wire_dateline_becomes_metadata(opening, filed_from, agency, filed_on):
    raw = f"Quake toll rises\n\n{opening}Rescuers pulled a girl from the rubble on Tuesday.\n"
    layout = read_layout(raw)
    assert (layout.filed_from, layout.agency, layout.filed_on) == (filed_from, agency, filed_on)
    story = layout.blocks[0][1]
    assert story.text == "Rescuers pulled a girl from the rubble on Tuesday."
    assert raw[story.start:story.end] == story.text


def test_a_dateline_on_a_line_of_its_own_gives_the_place_and_date():
    raw = ("SOCCER - LATE GOALS GIVE JAPAN WIN OVER SYRIA.\n\nAL-AIN, United Arab Emirates 1996-12-06\n\n"
           "Two goals in the last six minutes gave holders Japan victory.\n")
    layout = read_layout(raw)
    assert (layout.filed_from, layout.filed_on) == ("AL-AIN, United Arab Emirates", "1996-12-06")
    assert [span.text for _, span in layout.blocks] == ["Two goals in the last six minutes gave holders Japan victory."]


def test_a_headline_with_a_stop_above_a_dateline_line_is_the_title():
    # Wire copy ends its headline with a stop; the dateline under it says it is one.
    raw = ("Port talks resume after strike.\n\nJo Reed\n\nROTTERDAM 1996-12-06\n\nDock workers and employers "
           "met again on Friday.\n")
    layout = read_layout(raw)
    assert layout.title == "Port talks resume after strike."
    assert (layout.byline, layout.filed_from, layout.filed_on) == ("Jo Reed", "ROTTERDAM", "1996-12-06")
    assert [span.text for _, span in layout.blocks] == ["Dock workers and employers met again on Friday."]


def test_a_sentence_above_a_sentence_stays_story():
    raw = "Dock workers met on Friday.\n\nThe talks went on for six hours.\n"
    layout = read_layout(raw)
    assert layout.title == "" and layout.byline is None
    assert [span.text for _, span in layout.blocks] == ["Dock workers met on Friday.",
                                                        "The talks went on for six hours."]


def test_capitals_then_a_dash_are_no_dateline_when_the_story_is_in_capitals_too():
    layout = read_layout("Results\n\nNATO - THE ALLIANCE MET.\n")
    assert layout.filed_from is None
    layout = read_layout("Results\n\nNATO - A TEAM MET.\n")
    assert layout.filed_from is None


@pytest.mark.parametrize("opening", ["WHO: ", "UPDATE, May 3: ", "EDITOR'S NOTE: ", "BREAKING NEWS: ",
                                     "NATO (North Atlantic Treaty Organization) "])
def test_a_label_or_a_name_before_a_colon_or_brackets_is_no_dateline(opening):
    # 'WHO: ' opens a sentence about the WHO; a kicker label is no place; a name spelled out in
    # brackets is no agency without a day before it
    raw = f"Quake toll rises\n\n{opening}Rescuers pulled a girl from the rubble on Tuesday.\n"
    layout = read_layout(raw)
    assert layout.filed_from is None
    assert layout.blocks[0][1].text.startswith(opening.strip())


@pytest.mark.parametrize("first", ["A court", "I was told"])
def test_a_dateline_before_a_one_letter_first_word_is_a_dateline(first):
    raw = f"NAIROBI, Kenya (AP) — {first} in the capital heard the case on Thursday.\n"
    layout = read_layout(raw)
    assert (layout.filed_from, layout.agency) == ("NAIROBI, Kenya", "AP")
    assert layout.blocks[0][1].text.startswith(first)


def test_a_story_that_opens_with_by_is_not_a_byline():
    raw = ("By Umberto Profazio, Consulting Research Assistant for the IISS Armed Conflict Database On 12 February, "
           "Tunisian Defence Minister Abdelakrim Zbidi told a parliamentary committee his ministry had rejected "
           "a NATO grant of 3 million for a joint command centre in Tunisia.\n")
    layout = read_layout(raw)
    assert layout.byline is None
    assert [span.text for _, span in layout.blocks] == [raw.strip()]


@pytest.mark.parametrize("headline, byline", [
    ("Council backs road budget. ", None),
    ("Will the bridge reopen? ", None),
    ("Council backs road budget. By Jo Reed. ", "By Jo Reed"),
    ("By Jo Reed. ", "By Jo Reed"),
])
def test_a_headline_run_into_the_first_line_before_a_dateline_is_the_title(headline, byline):
    # Flattened exports put the headline (and byline) on the story's first line, ahead of its dateline.
    raw = f"{headline}SPRINGFIELD — The city council voted on Monday to repave Main Street.\n"
    layout = read_layout(raw)
    assert layout.title == headline.removesuffix(f"{byline}. " if byline else "").strip().removesuffix(".")
    assert (layout.byline, layout.filed_from) == (byline, "SPRINGFIELD")
    story = layout.blocks[0][1]
    assert story.text == "The city council voted on Monday to repave Main Street."
    assert raw[story.start:story.end] == story.text
    assert all(raw[s.start:s.end] == s.text for s in layout.readable)


@pytest.mark.parametrize("raw", [
    # beyond a headline's length
    "The council met on Monday and talked for hours about roads, bridges, schools, parks, budgets, fees, "
    "permits, parking, trash, water, sewers, snow, the pool and the old library's roof, then voted. WASHINGTON — The "
    "agency sent a letter.\n",
    # an aside in dashes, not a dateline before a sentence
    "The council met on Monday. NASA — the space agency — sent a letter.\n",
])
def test_capitals_and_a_dash_after_a_story_sentence_stay_story(raw):
    layout = read_layout(raw)
    assert (layout.title, layout.filed_from) == ("", None)
    assert layout.blocks[0][1].text == raw.strip()
