"""The raw layout: metadata is never story text, and offsets always slice the raw file."""

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
    assert read_layout("Just a title\n").blocks == []
