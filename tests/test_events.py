"""Fatalities as ACLED counts them, and the event knowledge's shape, on small real sentences."""

from __future__ import annotations

import pytest

from newsroom.annotate.events import fatalities
from newsroom.annotate.knowledge import load_knowledge
from newsroom.model import ACLED_EVENT_TYPES, EVENT_TYPES


def _count(annotator, sentence: str) -> tuple[int, str] | None:
    doc = annotator.nlp(sentence)
    found = fatalities(doc[:], annotator.knowledge)
    return None if found is None else (found.value, found.qualifier)


@pytest.mark.parametrize("sentence, expected", [
    ("The attacks had killed more than 58 fighters from the army.", (59, "at-least")),
    ("It had killed around 100 government fighters south of the town.", (100, "about")),
    ("At least 107 people were killed when the crane fell.", (107, "at-least")),
    ("One person was killed in the attack.", (1, "exact")),
    ("Gunmen opened fire on the bus, killing two.", (2, "exact")),
    ("Three civilians died of their wounds on Sunday.", (3, "exact")),
    ("A soldier was shot dead at the checkpoint.", (1, "exact")),
    ("Police said 10 to 15 people were killed in the raid.", (10, "at-least")),
    ("Eight dead due to clan fighting in Khaydaro.", (8, "exact")),
    ("At least 10 militants were killed in the fighting and 4 soldiers were killed in the clashes.", (14, "at-least")),
    ("Farmer killed in Selea.", (1, "exact")),
    ("A woman injured during the raid later died of her injuries.", (1, "exact")),
    ("No injuries or deaths were reported.", None),
    ("Five people were injured when the rally turned violent.", None),
])
def test_fatalities_are_read_as_acled_counts_them(annotator, sentence, expected):
    assert _count(annotator, sentence) == expected


def test_every_frame_names_an_event_type_and_sub_type_and_a_trigger_class():
    events = load_knowledge().events
    classes = {t.cls for t in events.triggers}
    assert events.frames
    for frame in events.frames:
        assert frame.sub_type in EVENT_TYPES[frame.type]
        assert frame.when <= classes
    # ACLED's codebook: six types, 25 sub-types; statements and diplomacy are kept apart from it.
    assert len(ACLED_EVENT_TYPES) == 6 and sum(len(v) for v in ACLED_EVENT_TYPES.values()) == 25
    assert set(EVENT_TYPES) == set(ACLED_EVENT_TYPES) | {"Statements", "Diplomacy"}
