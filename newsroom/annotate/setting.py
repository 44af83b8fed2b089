"""Where a story is set: the countries it names (not for their money), those its wire dateline
says it is filed from, and, in a story that names none, the homes of the armed groups and parties
it names. The entities stage reads every place against these (`gazetteer.resolve`'s context), and
a country's name as the region it shares the name with where the setting says so ('Georgia')."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from ..model import Layout
from ..text import name_key
from .candidate import Candidate
from .gazetteer import Gazetteer, split_kind_word
from .knowledge import Knowledge, KnownPlace, actor_key
from .nlp import distinct_texts, followed_by, text_of


def context_countries(doc: Doc, selected: list[Candidate], knowledge: Knowledge) -> list[str]:
    """Country codes in order of first mention (names, forces, demonyms): the story's setting."""
    seen: list[str] = []
    currency = knowledge.lexicon.currency_words
    for cand in selected:
        if cand.label in ("COUNTRY", "FORCES", "STATE") and cand.ref and cand.ref not in seen:
            if cand.label == "COUNTRY" and followed_by(doc, cand.tokens[1], currency):
                continue  # 'against the high US dollar exchange rate': whose money, not where
            seen.append(cand.ref)
    for text in distinct_texts(doc):
        code = knowledge.country_by_demonym.get(text)
        # ... and so for a demonym only ever named for money: 'the Lebanese pound'
        if code and code not in seen and not all(followed_by(doc, t.i + 1, currency) for t in doc if t.text == text):
            seen.append(code)
    return seen


def story_setting(doc: Doc, selected: list[Candidate], knowledge: Knowledge, gazetteer: Gazetteer,
                  setting: list[str]) -> tuple[list[str], list[str]]:
    """The context every place of the story is read in (`gazetteer.resolve`'s): the countries it
    is known to be set in before it is read (`setting`: its dateline's), those it names, then
    the ISO codes of the regions it names; and the countries its places imply (`countries_implied`:
    what `namesake_region` weighs)."""
    text = text_of(doc)
    context = list(setting)
    context += [code for code in context_countries(doc, selected, knowledge) if code not in context]
    place_names = [text[c.start:c.end] for c in selected if c.label in ("GPE", "LOC", "PLACE")]
    # Places that can only be in one country set a story that names none: a note naming Karachi
    # is set in Pakistan. The weightiest of them decides, before any lone region is read as one:
    # Bafoussam sets a note in Cameroon, not 'Ouest' (Haiti's one region of that name) in Haiti,
    # and Anambra State one in Nigeria, not a town named Oba in Turkey. A story that names its
    # countries has said where it is set. (worked out only where it can decide something: a
    # country's name a region shares, 'Georgia')
    shared = any(c.label == "COUNTRY" and any(p.kind in ("province", "region") for p in
                                              knowledge.place_by_key.get(name_key(text[c.start:c.end]), ()))
                 for c in selected)
    implied = countries_implied(gazetteer, place_names) if shared or not context else []
    if not context:
        context += implied[:1]
        # And the home countries of the armed groups, parties and government bodies it names: a
        # rebel group's attack near a town whose bigger namesake lies abroad is set at home.
        context += [code for code in actor_homes(selected, knowledge) if code not in context]
    regions = gazetteer.regions_named(place_names, context)
    # A region named implies its country ('California' alone sets a story in the United
    # States), after the countries named outright; then the regions themselves.
    context += [code for code in dict.fromkeys(r.split("-", 1)[0] for r in regions) if code not in context]
    context += regions
    return context, implied


def countries_implied(gazetteer: Gazetteer, names: Iterable[str]) -> list[str]:
    """The countries places of the story can only be in ('Karachi', 'Jammu', 'Sindh'): a name
    whose readings (cities by population, regions, curated places) lie almost all in one
    country, and that names a sizeable place there; the country of the weightiest such name
    first (a region weighs as a city). A name that may also be a place of a country another
    of the story's names implies, implies nothing: 'Samba' near Jammu is the Indian
    town, not the bigger one in Angola."""
    weight = gazetteer.weights
    # the country a name implies; where it may lie; its weight (a place's own name first)
    readings: list[tuple[str, set[str], tuple[bool, float]]] = []
    for name in names:
        key = name_key(split_kind_word(name, gazetteer.knowledge.lexicon.place_kind_words)[0])
        if not key or key in gazetteer.knowledge.country_by_key:
            continue
        known_places = gazetteer.knowledge.place_by_key.get(key, ())
        if any(known.country is None for known in known_places):
            continue  # a name that may be a place of no one country (an ocean, a continent) implies none
        mass: dict[str, float] = {}
        # A city that bears the name only among its alternates (GeoNames lists dozens per big
        # city) weighs nothing beside one that bears it as its own.
        cities = gazetteer.cities.get(key, [])
        own = [c for c in cities if name_key(c.name) == key]
        for city in own or cities:
            mass[city.country_code] = mass.get(city.country_code, 0.0) + city.population
        for region in gazetteer.subdivisions.get(key, ()):
            mass[region.country_code] = mass.get(region.country_code, 0.0) + weight.big_city_population
        for district in gazetteer.districts.get(key, ()):
            mass[district.country_code] = mass.get(district.country_code, 0.0) + weight.big_city_population
        for known in known_places:
            if known.country:
                mass[known.country] = mass.get(known.country, 0.0) + weight.big_city_population
        total = sum(mass.values())
        if not total:
            continue
        code, top = max(mass.items(), key=lambda kv: (kv[1], kv[0]))
        if top / total >= weight.implied_share and top >= weight.implied_population:
            readings.append((code, set(mass), (bool(own) or key not in gazetteer.cities, top)))
    implied: dict[str, tuple[bool, float]] = {}
    for i, (code, where, heft) in enumerate(readings):
        others = {c for j, (c, _, _) in enumerate(readings) if j != i}
        if not (where - {code}) & others:
            implied[code] = max(implied.get(code, (False, 0.0)), heft)
    # Heaviest first: Bafoussam, a city of 370,000, sets a note in Cameroon before 'Ouest'
    # (the one ISO region so named is Haiti's) can set it in Haiti; a name only some city's
    # alternate ('Sub' for Surabaya) weighs after every place's own name.
    return sorted(implied, key=lambda code: (not implied[code][0], -implied[code][1]))


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
