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
    # who claims a killing is its doer, not one of its dead
    ("Boko Haram claimed to have killed 3 soldiers in an IED attack near Buratai.", (3, "exact")),
    # 'fatally' makes any wounding a death
    ("A security guard fatally shot a man outside a shop in Kimberley.", (1, "exact")),
    ("Two men were fatally stabbed outside a bar.", (2, "exact")),
    ("A woman injured during the raid later died of her injuries.", (1, "exact")),
    ("No injuries or deaths were reported.", None),
    ("Five people were injured when the rally turned violent.", None),
    # ACLED reads a vague figure as the unit once: 'dozens' 12, 'hundreds' 100, 'tens' 10
    ("Dozens of people were killed in the raid.", (12, "about")),
    ("Hundreds of villagers died in the fighting.", (100, "about")),
    ("Tens of soldiers were killed after the ambush.", (10, "about")),
    # deaths given with no figure: ACLED records 10
    ("The bombardment killed an unknown number of pastoralists and their livestock.", (10, "about")),
    ("Several civilians were killed in the shelling.", (10, "about")),
    ("Many died when the boat was attacked.", (10, "about")),
    # two subjects the parser does not join, and a word for people tagged as an adjective
    ("A soldier, and 5 militants were killed in the attack.", (6, "exact")),
    ("An Army major and 5 TTP militants were killed as militants attacked a check post.", (6, "exact")),
    ("The police killed a Lashkar-e-Taiba (LeT) militant in a brief encounter.", (1, "exact")),
    ("The two shootings differed in the number killed.", None),
    # a 'the' before a word for one person counts one; before a body of people, none
    ("The son of a local landowner was kidnapped and killed by a militia.", (1, "exact")),
    ("Gunmen killed the family in their home.", None),
    # two people named are two; a place the parser took for the subject is no one
    ("Police said Hege and Dunakin were gunned down in March.", (2, "exact")),
    ("In Barisal, a truck driver, Nur Hossain Shikder, 32, and his helper, Zafar Rari, 26, were killed.",
     (2, "exact")),
    # the second of two verbs shares the first's subject
    ("A trader was abducted and killed by gunmen.", (1, "exact")),
    # a participle after the last of a list is said of the whole list
    ("The attack resulted in a soldier and a militiaman killed.", (2, "exact")),
    # the parser hangs the second of a list on the first; a list that only retells adds nothing
    ("Two soldiers, a policeman and a civilian were killed in the blast.", (4, "exact")),
    ("Five people, two women and three children, were killed.", (5, "exact")),
    ("Two soldiers, Ali Khan and Imran Shah, were killed.", (2, "exact")),
    # a pronoun that stands for one person, unless the sentence has counted whom it stands for
    ("He succumbed to his injuries.", (1, "exact")),
    ("Gunmen shot dead a journalist in his house, leaving him dead.", (1, "exact")),
    # a mass noun with 'a' is one person; a number on the noun's modifier counts it
    ("A security personnel was killed and another injured when an IED exploded.", (1, "exact")),
    ("Security personnel were killed in the blast.", None),
    ("Two security forces personnel were killed along with 15 militants.", (17, "exact")),
    # 'killing' as a noun is a word of dying
    ("The air force went on with the killing of eight more terrorists in the valley.", (8, "exact")),
    # a death named as the cause of what happened is not its toll
    ("Students rioted after the mysterious death of a student.", None),
    ("Villagers protested over the killing of two men.", None),
    # what was attacked, and the attack itself, are no one among the dead
    ("Militants attacked a village, at least four dead.", (4, "exact")),
    ("Government forces repel an al Shabaab attack on Maxaas, at least four dead, 21 arrested.", (4, "exact")),
    # a year a preposition names dates the deaths and counts none; the object of 'killed' counts
    ("The documentary recounts the massacre of 1982 through survivors' testimony.", None),
    ("Troops killed 2000 in the offensive, officials said.", (2000, "exact")),
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


@pytest.mark.parametrize("sentence", [
    "IEDs were planted along the road.",  # a rule written with capitals
    "Shells fired by the rebels fell in a street.",  # a rule that asks for a capital or not ('(?-i:[Ss]hells)')
    "TWO KILLED IN CLASH NEAR BORDER",  # a headline in capitals
    "Militants Attack Police Post",  # a headline in title case
    "Gunmen opened fire on the positions of the army.",  # a rule of several words
])
def test_the_one_search_for_any_trigger_finds_every_sentence_a_trigger_rule_finds(sentence):
    # A sentence the first search misses is never read rule by rule: it must miss none.
    events = load_knowledge().events
    assert any(t.pattern.search(sentence) for t in events.triggers), sentence
    assert events.any_trigger.search(sentence.lower()), sentence


def test_a_story_without_trigger_words_is_not_searched_for_them():
    assert load_knowledge().events.any_trigger.search("the council approved the budget on tuesday.") is None
