"""The filter that spares a sentence the trigger rules it cannot match (`annotate/openings.py`):
it may only skip a search that would have found nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsroom.annotate.knowledge import load_knowledge
from newsroom.annotate.openings import could_match, openings, text_openings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:kill(?:s|ed)?|dead|gun ?fights?)\b", {"kill", "dead", "gunf", "gun "}),
    (r"(?<![\w-])(?:tear ?gas|[ls]athi)", {"tear", "lath", "sath"}),  # lookbehind passed over, a set of letters
    (r"b{6,}", {"bbbb"}),  # a repeat longer than the width fills it
    (r"(?:ab)?cdef", {"abcd", "cdef"}),  # what is optional may be absent
])
def test_openings_list_what_every_match_begins_with(pattern, expected):
    assert openings(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [
    r"\b(?:mob|riots?)",  # a match of three letters
    r"\w+ attack",  # any word first
    r"(?i)attack",  # case-blind: the filter reads lower-cased text only
    r"[a-z]+ed",  # a range
])
def test_what_cannot_be_listed_is_searched_every_time(pattern):
    assert openings(re.compile(pattern)) is None
    assert could_match(None, text_openings("nothing like it"))


def test_a_text_holding_no_opening_is_not_searched():
    starts = openings(re.compile(r"\b(?:shelling|shelled)\b"))
    assert not could_match(starts, text_openings("the council approved the budget."))
    assert could_match(starts, text_openings("the town was shelled overnight."))


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, "the example seeds are the sample read here"
    return [s.lower() for text in texts for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def test_no_trigger_rule_is_skipped_where_it_matches():
    # Every match of every rule in the example archive's articles begins with one of its
    # openings, so no sentence the filter skips held a match.
    triggers = load_knowledge().events.triggers
    matched = 0
    for sentence in _sentences():
        held = text_openings(sentence)
        for trigger in triggers:
            for match in trigger.lowered.finditer(sentence):
                matched += 1
                assert could_match(trigger.openings, held), (trigger.cls, match[0])
                if trigger.openings is not None:
                    assert any(match[0].startswith(start) for start in trigger.openings), (trigger.cls, match[0])
    assert matched > 100


def test_most_trigger_rules_are_filtered():
    # The filter is on: if the standard library's reader of expressions changed, every rule
    # would quietly be searched in every sentence again.
    triggers = load_knowledge().events.triggers
    assert sum(t.openings is not None for t in triggers) >= 0.8 * len(triggers)
