from newsroom.annotate.events import fatalities
from newsroom.annotate.knowledge import load_knowledge
from newsroom.model import ACLED_EVENT_TYPES, EVENT_TYPES


def test_fatalities_as_stated():
    assert fatalities("the attacks had killed more than 58 fighters from the army", load_knowledge()) == (
        59, "at-least", "more than 58 fighters")
    assert fatalities("it had killed around 100 government fighters south of the town", load_knowledge())[:2] == (
        100, "about")
    assert fatalities("At least 107 people were killed when the crane fell", load_knowledge())[:2] == (107, "at-least")
    assert fatalities("No injuries or deaths were reported", load_knowledge()) is None


def test_every_trigger_rule_names_an_event_type_and_sub_type():
    triggers = load_knowledge().triggers
    assert triggers
    for trigger in triggers:
        assert trigger.sub_type in EVENT_TYPES[trigger.type]
    # ACLED's codebook: six types, 25 sub-types; statements and diplomacy are kept apart from it.
    assert len(ACLED_EVENT_TYPES) == 6 and sum(len(v) for v in ACLED_EVENT_TYPES.values()) == 25
    assert set(EVENT_TYPES) == set(ACLED_EVENT_TYPES) | {"Statements", "Diplomacy"}
