"""Where a story is set: the countries it names (not for their money), those its wire dateline
says it is filed from, and, in a story that names none, the homes of the armed groups and parties
it names. The entities stage reads every place against these (`gazetteer.resolve`'s context), and
a country's name as the region it shares the name with where the setting says so ('Georgia')."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from ..model import Layout
from ..text import name_key
from .candidate import Candidate
from .gazetteer import Gazetteer
from .knowledge import Knowledge, KnownPlace, actor_key
from .nlp import distinct_texts


def context_countries(doc: Doc, selected: list[Candidate], knowledge: Knowledge) -> list[str]:
    """Country codes in order of first mention (names, forces, demonyms): the story's setting."""
    seen: list[str] = []
    for cand in selected:
        if cand.label in ("COUNTRY", "FORCES", "STATE") and cand.ref and cand.ref not in seen:
            if cand.label == "COUNTRY" and _before_money(doc, cand.tokens[1], knowledge):
                continue  # 'against the high US dollar exchange rate': whose money, not where
            seen.append(cand.ref)
    for text in distinct_texts(doc):
        code = knowledge.country_by_demonym.get(text)
        # ... and so for a demonym only ever named for money: 'the Lebanese pound'
        if code and code not in seen and not all(_before_money(doc, t.i + 1, knowledge) for t in doc if t.text == text):
            seen.append(code)
    return seen


def _before_money(doc: Doc, i: int, knowledge: Knowledge) -> bool:
    """Token i is a word for money ('the US dollar', 'the Lebanese pound')."""
    return i < len(doc) and doc[i].lower_ in knowledge.lexicon.currency_words


def filed_from_setting(layout: Layout, gazetteer: Gazetteer) -> list[str]:
    """The country codes of a wire dateline's place ('ANTAKYA, Turkey'): where the story is
    filed from is, first of all, where it is set."""
    if not layout.filed_from:
        return []
    codes: list[str] = []
    for part in reversed(layout.filed_from.split(",")):  # the area first: it reads the place
        reading = gazetteer.resolve(part.strip().title(), codes)
        if reading is not None and reading.country_code and reading.country_code not in codes:
            codes.insert(0, reading.country_code)
    return codes


def actor_homes(selected: list[Candidate], knowledge: Knowledge) -> list[str]:
    """The home countries of the known actors the article names that act at home (armed groups,
    parties, government bodies: `home_setting_kinds`), in order."""
    homes: list[str] = []
    for cand in selected:
        if cand.label == "ACTOR" and cand.ref:
            actor = knowledge.actor_by_key.get(actor_key(cand.ref))
            if (actor is not None and actor.country and actor.country not in homes
                    and actor.kind in knowledge.lexicon.home_setting_kinds):
                homes.append(actor.country)
    return homes


def namesake_region(text: str, code: str, knowledge: Knowledge, context: list[str],
                     as_region: bool = False, implied: Collection[str] = ()) -> KnownPlace | None:
    """'Georgia' in a story set in the United States is the state, not the country; so is
    'Atlanta, Georgia' anywhere, and 'a Georgia man' where the story's other places can only be
    American (`implied`: 'ATLANTA -'), unless they imply the country too ('Tbilisi')."""
    for place in knowledge.place_by_key.get(name_key(text), []):
        home = place.country
        if place.kind in ("province", "region") and home != code and (as_region or (
                home in context and (code not in context or context.index(home) < context.index(code)))
                or (home in implied and code not in implied)):
            return place
    return None
