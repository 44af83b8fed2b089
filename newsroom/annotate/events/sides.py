"""Whether an event's sentence names two armed sides: what makes a fight or an attack a battle
(event_frames.yaml's `armed_both`), read by `participants`."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

from ..event_rules import Trigger


def two_sides(found: dict[str, set[int]], actor_tokens: dict[str, set[int]], trigger: Trigger,
              armed: set[int]) -> bool:
    """Two armed sides: state forces against an armed group, two armed groups named apart, or a
    fight that takes two ('a gunfight', 'an exchange of fire') with one armed side named."""
    if found.get("state_forces") and found.get("armed_groups"):
        return True
    if trigger.mutual and armed:
        return True
    named = actor_tokens.get("state_forces", set()) | actor_tokens.get("armed_groups", set())
    return len(named) >= 2 and len(_groups(named)) >= 2


def armed_against_a_name(sentence: DocSpan, found: dict[str, set[int]], unarmed: frozenset[int]) -> bool:
    """A fight 'between the KIA and government troops': one side armed, the other a name that is
    no crowd, no people and no known unarmed body. Whoever troops fight under a name is armed;
    'clashes between police and BNP supporters' are a crowd's, 'between Chelsea and Arsenal' no one's."""
    armed = found.get("state_forces", set()) | found.get("armed_groups", set())
    unarmed_words = found.get("people", set()) | found.get("crowds", set()) | found.get("persons", set())
    for token in sentence:
        if token.lower_ != "between":
            continue
        phrase = sorted(t.i for g in token.children if g.dep_ == "pobj" for t in g.subtree)
        joint = next((i for i in phrase if sentence.doc[i].lower_ == "and"), None)
        if joint is None:
            continue
        sides = [{i for i in phrase if i < joint}, {i for i in phrase if i > joint}]
        for one, other in (sides, sides[::-1]):
            named = {i for i in other if sentence.doc[i].pos_ == "PROPN"}
            if one & armed and named and not named & unarmed and not other & unarmed_words:
                return True
    return False


def _groups(tokens: set[int]) -> list[set[int]]:
    """Runs of adjacent token indices: one run per name."""
    runs: list[set[int]] = []
    for i in sorted(tokens):
        if runs and i - 1 in runs[-1]:
            runs[-1].add(i)
        else:
            runs.append({i})
    return runs
