"""Readings a name takes from where it stands: 'Buffalo, New York' (the state after a town and
a comma), 'Illinois, Missouri, New York and Oklahoma' (a list of states), 'Idlib province',
'the state of Washington'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from ..text import name_key
from .candidate import Candidate
from .containment import area_anchor, named_by
from .gazetteer import AREA_HINTS, TOWN_HINTS, Gazetteer
from .knowledge import Knowledge, KnownPlace
from .nlp import text_of
from .place_index import Resolved, km, reading_rank
from .vocabulary import Lexicon

MAX_SHARED = 12  # tokens of other names between a name and the plural they share

BRACKET_TOKENS = 16  # the furthest a bracket of areas runs: a few names and their commas
AREA_LABELS = ("COUNTRY", "GPE", "LOC", "PLACE", "ORG", "PERSON")


def region_after(doc: Doc, cand: Candidate, following: Candidate | None, gazetteer: Gazetteer,
                 context: list[str]) -> str | None:
    """'Palmyra, New York' / 'Aceh, Indonesia' / 'Martinez (Buenos Aires)': the country of the
    place named after the comma or in the bracket that follows."""
    j = cand.tokens[1]
    if following is None or j >= len(doc) or doc[j].text not in (",", "(") or following.tokens[0] != j + 1:
        return None
    if doc[j].text == "(" and cand.label == "PERSON":
        return None  # a person's country in brackets, as results list them: 'Wang Chen (China)'
    if following.label in ("COUNTRY",):
        return following.ref
    if following.label not in ("GPE", "LOC", "PLACE", "PERSON", "ORG"):
        return None
    # After a comma comes the wider area: try regions (New York State) before cities.
    resolved = gazetteer.resolve(text_of(doc)[following.start:following.end], context, "province")
    return resolved.country_code if resolved else None


def places_after(doc: Doc, cand: Candidate, following: Candidate | None, gazetteer: Gazetteer,
                 context: list[str]) -> list[str]:
    """The context a place named before a comma or a bracket is read in: 'Buffalo, New York' is
    Buffalo in the US state (ISO 3166-2 'US-NY', first: decisive) in the United States."""
    code = region_after(doc, cand, following, gazetteer, context)
    if code is None or following is None:
        return []
    region = gazetteer.region_code(text_of(doc)[following.start:following.end], code)
    return [region, code] if region else [code]


def area_after(doc: Doc, cand: Candidate, following: Candidate | None, gazetteer: Gazetteer,
               context: list[str]) -> Resolved | None:
    """The area the text puts a place in, named right after it: in a bracket ('Martinez (Buenos
    Aires)', 'Kibungere (Nyabihanga, Mwaro)'), or after a comma when it reads as a region, a
    district or a country, or as a town the name is a part of (`_a_quarter_of`), and begins no
    list ('Pisky, Donetsk'; not 'Paris, London', nor 'Aleppo, Idlib and Hama'); a kind word may
    stand between ('Baligubadle town (Hargeysa)').
    Only a name read as a town looks for its area (entities._in_its_area): a person in a results
    list ('Wang Chen (China)') keeps no area."""
    j = cand.tokens[1]
    if j < len(doc) and doc[j].lower_ in gazetteer.knowledge.lexicon.place_kind_words:
        j += 1
    if following is None or j >= len(doc) or doc[j].text not in (",", "(") or following.tokens[0] != j + 1:
        return None
    if following.label not in ("COUNTRY", "GPE", "LOC", "PLACE"):
        return None
    text = text_of(doc)
    if name_key(text[following.start:following.end]) == name_key(text[cand.start:cand.end]):
        return None  # 'Ndele (Ndele, Bamingui-Bangoran)': the place's own area, named like it
    area = gazetteer.resolve(text[following.start:following.end], context, "province")
    if area is None or area.lat is None:
        return None
    if doc[j].text == ",":
        listed = cand.tokens[0] > 0 and doc[cand.tokens[0] - 1].text == ","  # 'Leeds, Ashby, Derby'
        if area.kind not in ("province", "region", "district", "country") and (
                listed or not _a_quarter_of(gazetteer, text[cand.start:cand.end], area, context)):
            return None
        k = following.tokens[1]
        if k < len(doc) and (doc[k].lower_ in ("and", "or") or (doc[k].text == "," and k + 1 < len(doc) and (
                doc[k + 1].pos_ == "PROPN" or doc[k + 1].lower_ in ("and", "or")))):
            return None  # a list goes on: 'Copenhagen, Hamburg, Brasov(,) and Mannheim'
    return area


def _a_quarter_of(gazetteer: Gazetteer, name: str, city: Resolved, context: list[str]) -> bool:
    """Whether a name before a comma and a town is a part of that town (a suburb, a ward, a
    market: 'Dharampokhari, Pokhara'): the gazetteer knows the town in one of the story's
    countries (if it names any), and the name nowhere but near it. Where it knows the name
    elsewhere, the two may be a list of towns ('Paris, London'); a town read abroad is no surer
    than the name before it."""
    if city.kind not in ("city", "town") or (context and city.country_code not in context):
        return False
    own = gazetteer.resolve(name, context)
    return own is None or lies_in(gazetteer, own, city)


def _wider_in_bracket(doc: Doc, cand: Candidate, following: list[Candidate], gazetteer: Gazetteer,
                      context: list[str]) -> Resolved | None:
    """A bracket that names the areas a place lies in, narrowest first ('Al Arish (Sabir Al
    Mawadim, Taizz)', 'Kibungere (Nyabihanga, Mwaro)'): when no gazetteer knows the first (a
    sub-district), the place lies in the next one it knows, if that lies in the story's setting."""
    j = cand.tokens[1]
    if j < len(doc) and doc[j].lower_ in gazetteer.knowledge.lexicon.place_kind_words:
        j += 1
    if j >= len(doc) or doc[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(len(doc), j + BRACKET_TOKENS)) if doc[k].text in ("(", ")")), None)
    if close is None or doc[close].text != ")":
        return None
    text = text_of(doc)
    own = name_key(text[cand.start:cand.end])
    for later in following:
        if later.tokens[0] >= close:
            break
        # Each a whole item of the list ('Mirpur' of 'Mirpur khas' is none), and not the place's
        # own name ('Ndele (Ndele, Bamingui-Bangoran)'); the model often types such names as
        # organisations or people: the gazetteer decides.
        if (doc[later.tokens[0] - 1].text not in ("(", ",") or doc[later.tokens[1]].text not in (",", ")")
                or later.label not in AREA_LABELS or name_key(text[later.start:later.end]) == own):
            continue
        area = gazetteer.resolve(text[later.start:later.end], context, "province")
        if area is not None and area.lat is not None:
            # A region read outside the story's first country ('Bafoussam town (Mifi, Ouest)':
            # Haiti's Ouest, Cameroon's being 'West' to GeoNames) is no surer than the place.
            home = context[:1] if area.kind in ("province", "region") else context
            return area if area.country_code in home else None
    return None


def lies_in(gazetteer: Gazetteer, reading: Resolved, area: Resolved) -> bool:
    """Whether a town's reading can lie in the area the text puts it in ('Pisky, Donetsk';
    'Martinez (Buenos Aires)'): near the area's point (a border town may be filed under the
    neighbour: Rafah); else in its country, and for a region, in it by ISO code or not far
    from its seat (GeoNames' codes lag behind redrawn regions)."""
    if None in (reading.lat, reading.lon, area.lat, area.lon):
        return area.country_code is None or reading.country_code == area.country_code
    assert reading.lat is not None and reading.lon is not None and area.lat is not None and area.lon is not None
    distance = km(reading.lat, reading.lon, area.lat, area.lon)
    weight = gazetteer.weights
    if distance <= weight.near_area_km:
        return True
    if area.country_code is not None and reading.country_code != area.country_code:
        return False
    if area.kind == "country":
        return True
    if area.kind not in ("province", "region"):
        return False
    region = gazetteer.region_code(area.name, area.country_code) if area.country_code else None
    city = gazetteer.city_by_id(reading.geonames)
    return (region is not None and city is not None and city.region == region) or distance <= weight.near_region_km


def areas_named(doc: Doc, selected: list[Candidate], gazetteer: Gazetteer,
                context: list[str]) -> dict[str, Resolved]:
    """Name key -> the area the text first puts that place in, by a comma or a bracket
    (`area_after`) or by the parse (`_area_around`): every mention of the name is read in it,
    before and after."""
    out: dict[str, Resolved] = {}
    lexicon = gazetteer.knowledge.lexicon
    anchors = {n: anchor for n, cand in enumerate(selected) if cand.label in ("COUNTRY", "GPE", "LOC", "PLACE")
               and (anchor := area_anchor(doc, cand.tokens, lexicon)) is not None}
    for n, cand in enumerate(selected):
        key = name_key(text_of(doc)[cand.start:cand.end])
        if key in out:
            continue
        following = selected[n + 1] if n + 1 < len(selected) else None
        area = area_after(doc, cand, following, gazetteer, context) or _wider_in_bracket(doc, cand, selected[n + 1:],
                                                                                            gazetteer, context)
        if area is None and anchors:
            holding = named_by(doc, cand.tokens, lexicon)
            area = _area_around(doc, cand, [selected[m] for m, anchor in anchors.items()
                                            if m != n and anchor in holding], gazetteer, context)
        if area is not None:
            out[key] = area
    return out


def _area_around(doc: Doc, cand: Candidate, holders: list[Candidate], gazetteer: Gazetteer,
                 context: list[str]) -> Resolved | None:
    """The area the parse puts a place in or by ('Hassanpur village in Ludhiana', 'Gurguzu
    village of Igabi', "Songkhla's Thepha district", 'Payak near Leer'; `holders`: the places
    that hang on it so, containment.area_anchor), when the gazetteer puts that area on the map in
    one of the story's countries: an area read abroad ('Ilitha township near Berlin', no country
    named) is no surer than the place; nor is any area surer than a big city ('60 miles southwest
    of Raleigh in North Carolina's Sandhills region': the parse may hang a phrase on the wrong name)."""
    text = text_of(doc)
    other = holders[0] if holders else None
    if other is None or name_key(text[other.start:other.end]) == name_key(text[cand.start:cand.end]):
        return None
    own = gazetteer.resolve(text[cand.start:cand.end], context)
    if own is not None and own.population >= gazetteer.weights.big_city_population:
        return None
    area = gazetteer.resolve(text[other.start:other.end], context, "province")
    return area if area is not None and area.lat is not None and area.country_code in context else None


def kind_word_after(doc: Doc, cand: Candidate, lexicon: Lexicon) -> str | None:
    """'Idlib province', 'New York state'; and before the name, 'the state of Washington'; and a
    plural that names after them share ('Mercer and Wayne counties': each a county)."""
    i, j = cand.tokens
    kinds = lexicon.place_kind_words
    if j < len(doc) and doc[j].lower_ in kinds:
        return kinds[doc[j].lower_]
    k = j  # over the other names and their commas and 'and's, to the plural
    while k < len(doc) and k - j < MAX_SHARED and (doc[k].lower_ in lexicon.list_glue or (
            doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper())):
        k += 1
    if k < len(doc) and doc[k].lower_ in lexicon.place_kind_plurals and (k == j or doc[k - 1].pos_ == "PROPN"):
        return lexicon.place_kind_plurals[doc[k].lower_]
    if j < len(doc) and doc[j].lower_ == "governor":  # 'New York Governor Andrew Cuomo'
        return "province"
    if i >= 2 and doc[i - 1].lower_ == "of" and kinds.get(doc[i - 2].lower_) in ("province", "region"):
        return kinds[doc[i - 2].lower_]
    return None


def region_hint(as_region: bool) -> str | None:
    return "province" if as_region else None


def reading_hint(doc: Doc, cand: Candidate, text: str, as_region: bool, knowledge: Knowledge) -> str | None:
    """What the text asks the candidate's place to be: the kind its kind word says ('Turbat
    district'), a region where it stands as one, or the kind of the curated place its alias names."""
    return (kind_word_after(doc, cand, knowledge.lexicon) or region_hint(as_region)
            or alias_hint(text, cand.ref, knowledge))


def alias_hint(text: str, ref: str | None, knowledge: Knowledge) -> str | None:
    """The kind of place a curated alias names, where the text is that alias and not the place's
    own name ('New York State', 'Washington State': the state; 'Washington' alone may be the city): the
    alias chose the entry, and its name alone would be read afresh. None where the alias is
    shared by places of different kinds."""
    if ref is None or name_key(text) == name_key(ref):
        return None
    kinds = {p.kind for p in knowledge.place_by_key.get(name_key(text), [])}
    kind = kinds.pop() if len(kinds) == 1 else None
    return kind if kind in AREA_HINTS or kind in TOWN_HINTS else None


def regions_by_position(doc: Doc, selected: list[Candidate], gazetteer: Gazetteer,
                        context: list[str]) -> dict[int, list[str]]:
    """The candidates (by index) whose place reads as a first-level region by where it stands,
    each with the context it gives the town before it ('US-GA', 'US'):
    after a town of its country and a comma ('Buffalo, New York', 'Atlanta, Georgia'), or in a
    list of regions ('Georgia, Illinois, Missouri, New York, Ohio'). Bare, such a name is
    often the city or the country of the same name."""
    text = text_of(doc)

    def region_reading(cand: Candidate) -> KnownPlace | Resolved | None:
        name = text[cand.start:cand.end]
        if cand.label == "COUNTRY":  # 'Georgia': the US state, when its place says so
            return next((p for p in gazetteer.knowledge.place_by_key.get(name_key(name), [])
                         if p.kind in ("province", "region") and p.country != cand.ref), None)
        if cand.label not in ("GPE", "LOC", "PLACE"):
            return None
        reading = gazetteer.resolve(name, context, "province")
        return reading if reading is not None and reading.kind in ("province", "region") else None

    def country_of(reading: KnownPlace | Resolved) -> str | None:
        if isinstance(reading, Resolved):
            return reading.country_code or reading.country
        return reading.country

    def glue(a: int, b: int) -> str:
        return " ".join(text[selected[a].end:selected[b].start].split())

    out: dict[int, list[str]] = {}
    for n, cand in enumerate(selected):
        reading = region_reading(cand)
        if reading is None:
            continue
        home = country_of(reading)
        code = gazetteer.region_code(text[cand.start:cand.end], home) if home else None
        local: list[str] = [] if home is None else [code, home] if code else [home]
        # ... a town named like a country too ('Palestine, Texas', 'Lebanon, Pa.')
        if n > 0 and glue(n - 1, n) == "," and selected[n - 1].label in ("GPE", "LOC", "PLACE", "PERSON", "ORG",
                                                                         "COUNTRY"):
            town = gazetteer.resolve(text[selected[n - 1].start:selected[n - 1].end], [home or "", *context], "town")
            if town is not None and town.kind in ("city", "town") and town.country_code == home:
                out[n] = local
                continue
        around = _list_around(n, glue, len(selected), gazetteer.knowledge.lexicon)
        # The list's last two, or all of it: a comma after the name that ends a list ('Denver, Chicago
        # and Washington, D.C.') or stands alone with one other.
        last_two = around[-2:] == [n, n + 1] and (len(around) == 2 or glue(n - 1, n) in ("and", "or"))
        if last_two and glue(n, n + 1) == "," and (after := region_reading(selected[n + 1])) is not None:
            # Two names and one comma are a town and its region, where the first names a town
            # of the second's country ('Washington, D.C.', as 'Buffalo, New York'), not a list.
            town = gazetteer.resolve(text[cand.start:cand.end], [country_of(after) or "", *context], "town")
            if town is not None and town.kind in ("city", "town") and town.country_code == country_of(after):
                continue
        fellows = [m for m in around if m != n and selected[m].label in ("GPE", "LOC", "PLACE")]
        if any(_bare_region_of(gazetteer, text[selected[m].start:selected[m].end], context, home) for m in fellows):
            out[n] = local
    return out


def _bare_region_of(gazetteer: Gazetteer, name: str, context: list[str], home: str | None) -> bool:
    """The name, read with no hint, is a first-level region of that country ('Illinois')."""
    bare = gazetteer.resolve(name, context)
    return bare is not None and bare.kind in ("province", "region") and bare.country_code == home


def _list_around(n: int, glue: Callable[[int, int], str], count: int, lexicon: Lexicon) -> list[int]:
    """The candidates in the list candidate n stands in ('Illinois, Missouri, New York and
    Oklahoma'): its neighbours joined to it by commas and 'and'/'or', as far as they go."""
    first = last = n
    while first > 0 and glue(first - 1, first) in lexicon.list_glue:
        first -= 1
    while last + 1 < count and glue(last, last + 1) in lexicon.list_glue:
        last += 1
    return list(range(first, last + 1))


def names_townsfolk(doc: Doc, cand: Candidate, lexicon: Lexicon) -> bool:
    """'a Lebanon woman', 'the 54-year-old Palestine man': a name spelled out in words (no
    abbreviation: 'a U.S. resident') right before a singular noun for one of a place's people
    (lexicon `townsfolk_nouns`), after an article or an age. Of a country English says 'a Lebanese
    woman'; its bare name there says a town named like it."""
    i, j = cand.tokens
    if i == 0 or j >= len(doc) or doc[j].lower_ not in lexicon.townsfolk_nouns:
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in doc[i:j]):
        return False
    return doc[i - 1].lower_ in ("a", "an", "the", "old") or doc[i - 1].like_num


def town_named_like(doc: Doc, cand: Candidate, text: str, gazetteer: Gazetteer, context: list[str],
                    in_region: bool) -> Resolved | None:
    """A town named like a country (`cand.ref`), where its place says so: before the region it
    lies in (`in_region`: 'Palestine, Texas', as `regions_by_position` reads it; `context` opens
    with the region's codes), or before one of its people ('a Lebanon woman', `names_townsfolk`,
    of a country with a demonym). Its best reading outside the country (in the region's, there)."""
    country = gazetteer.knowledge.countries[cand.ref or ""]
    wanted: str | None  # the region's country, or None: any but the country's own
    if in_region and context and "-" in context[0]:  # a first-level region's code ('US-TX'), not a country's
        wanted = context[0].split("-", 1)[0]
    elif country.demonyms and names_townsfolk(doc, cand, gazetteer.knowledge.lexicon):
        wanted = None
    else:
        return None
    towns = [r for r in gazetteer.readings(text, [code for code in context if code != cand.ref], "town")
             if r.kind in ("city", "town", "village")
             and (r.country_code == wanted if wanted else r.country_code != cand.ref)]
    return max(towns, key=reading_rank, default=None)


def part_of_area(text: str, gazetteer: Gazetteer, context: list[str]) -> Resolved | None:
    """'North Texas', 'Southern California', 'Northern Nigeria': a word for a part (lexicon
    `compass_words`, `part_adjectives`) before the name of a first-level region or a country,
    where the whole is no place the gazetteer knows, names a part of that area: in its country,
    shown at its point (a place of its own, not the area). A region's name several countries
    share only in the story's countries ('North Eastern Province' in a Kenya story is no part of
    Sri Lanka's Eastern Province), and not a country's name a region shares ('North Georgia':
    which one is the story's reading of the name, not this one's)."""
    first, _, rest = text.partition(" ")
    knowledge = gazetteer.knowledge
    if not rest or not first[:1].isupper() or first.lower() not in (knowledge.lexicon.compass_words
                                                                     | knowledge.lexicon.part_adjectives):
        return None
    area = gazetteer.resolve(rest, context, "province")
    if area is None or area.kind not in ("province", "region", "country") or area.lat is None:
        return None
    homes = {r.country_code for r in gazetteer.readings(rest, context, "province") if r.kind in ("province", "region")}
    if context and area.country_code not in context and len(homes) > 1:
        return None  # a region's name several countries share, read outside the story's countries
    if name_key(rest) in knowledge.country_by_key and any(
            p.kind in ("province", "region") for p in knowledge.place_by_key.get(name_key(rest), ())):
        return None
    return replace(area, name=text, kind="region", geonames=None, known=False, population=0)
