"""Decide what each candidate mention refers to, and group mentions into one actor or place
per real-world entity within the article (canonical name, kind, aliases)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .nlp import text_of
from .gazetteer import KIND_WORDS, Gazetteer, Resolved
from .knowledge import Knowledge, KnownActor, actor_key
from .mentions import AGENTIVE_SUFFIXES, LOCATIVE, TITLES, Candidate, acronym_definitions
from .model import Actor, Place, Span
from .text import fold, name_key

ORG_KIND_WORDS = [
    (("army", "forces", "brigade", "brigades", "militia", "militias", "battalion", "front", "rebels", "movement",
      "jihad", "mujahideen", "cartel", "guard", "corps"), "armed-group"),
    (("news", "agency", "times", "post", "tv", "television", "radio", "press", "herald", "journal", "tribune",
      "gazette", "broadcasting", "network", "magazine", "daily", "telegraph", "channel"), "media"),
    (("university", "college", "institute", "school", "academy"), "university"),
    (("ministry", "department", "council", "commission", "office", "parliament", "senate", "congress",
      "court", "police", "agency", "bureau", "administration", "authority", "service", "assembly", "cabinet",
      "government"), "government-body"),
    (("party",), "political-party"),
    (("observatory", "monitor", "monitoring"), "monitor"),
    (("rights", "watch", "foundation", "amnesty", "charity", "relief", "aid", "crescent", "cross",
      "borders", "trust", "society", "association", "federation", "union", "league"), "ngo"),
    (("inc", "inc.", "ltd", "corp", "corp.", "company", "group", "airlines", "bank", "motors", "technologies"),
     "company"),
    (("church", "mosque", "diocese", "synod"), "religious-body"),
]
# An organisation-typed name ending in one of these is a building or site: a place.
FACILITY_WORDS = {"museum", "center", "centre", "hall", "towers", "tower", "stadium", "arena", "airport",
                  "bridge", "square", "park", "palace", "cathedral", "mall", "terminal", "gallery"}
PLACE_NOUNS = {"province", "city", "town", "capital", "border", "territory", "coast", "north", "south", "east",
               "west", "region", "conflict", "war", "people", "soil", "airspace", "waters", "village", "side"}


@dataclass
class _Entity:
    key: tuple[str, str]
    facet: str                       # actor | place | country
    kind: str
    name: str | None = None          # fixed canonical name (knowledge base, gazetteer)
    mentions: list[Candidate] = field(default_factory=list)
    country: str | None = None
    resolved: Resolved | None = None
    known: KnownActor | None = None
    role: str | None = None
    votes: Counter[str] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)


def context_countries(doc: Any, selected: list[Candidate], knowledge: Knowledge) -> list[str]:
    """Country codes in order of first mention (names, forces, demonyms): the story's setting."""
    seen: list[str] = []
    for cand in selected:
        if cand.label in ("COUNTRY", "FORCES", "STATE") and cand.ref and cand.ref not in seen:
            seen.append(cand.ref)
    for token in doc:
        code = knowledge.country_by_demonym.get(token.text)
        if code and code not in seen:
            seen.append(code)
    return seen


def person_readings(doc: Any, selected: list[Candidate]) -> set[str]:
    """Name keys that name a person in this article: every word of a full person name
    ('Valeska Paris' makes a later 'Paris' her), and any form the model calls PERSON at least
    as often as a place or organisation ('Gloria' typed GPE once, ORG once, PERSON seven times)."""
    votes: dict[str, Counter[str]] = {}
    persons: set[str] = set()
    for cand in selected:
        if cand.source != "ner":
            continue
        key = name_key(text_of(doc)[cand.start:cand.end])
        votes.setdefault(key, Counter())[cand.label] += 1
        words = key.split()
        if cand.label == "PERSON" and len(words) >= 2:
            persons.update(w for w in words if len(w) > 2)
    for key, counter in votes.items():
        if counter["PERSON"] and counter["PERSON"] >= counter["GPE"] + counter["LOC"] + counter["ORG"]:
            persons.add(key)
    return persons


def build_entities(doc: Any, selected: list[Candidate], knowledge: Knowledge,
                   gazetteer: Gazetteer) -> tuple[list[Actor], list[Place]]:
    context = context_countries(doc, selected, knowledge)
    regions = gazetteer.regions_named((text_of(doc)[c.start:c.end] for c in selected
                                       if c.label in ("GPE", "LOC", "PLACE")), context)
    # A region named implies its country ('California' alone sets a story in the United
    # States), after the countries named outright; then the regions themselves.
    context += [code for code in dict.fromkeys(r.split("-", 1)[0] for r in regions) if code not in context]
    context += regions
    persons = person_readings(doc, selected)
    selected = [_as_person(c) if c.source == "ner" and c.label in ("GPE", "LOC", "ORG") and
                name_key(text_of(doc)[c.start:c.end]) in persons else c for c in selected]
    acronyms = acronym_definitions(doc, selected)
    entities: dict[tuple[str, str], _Entity] = {}
    assigned: dict[int, tuple[str, str]] = {}  # candidate start -> entity key
    as_regions = regions_by_position(doc, selected, gazetteer, context)
    # A region read by where it stands ('Frederick, Maryland') sets the story as much as one
    # named alone: its towns and counties are read in it, its country joins the setting.
    context += [code for codes in as_regions.values() for code in codes if code not in context]
    for n, cand in enumerate(selected):
        region = as_regions.get(n + 1) or _places_after(doc, cand, selected[n + 1] if n + 1 < len(selected) else None,
                                                        gazetteer, context)
        local = [*region, *context]
        ent = _classify(doc, cand, knowledge, gazetteer, local, entities, acronyms, assigned, bool(region),
                        n in as_regions)
        if ent is None:
            continue
        ent = entities.setdefault(ent.key, ent)
        ent.mentions.append(cand)
        ent.texts.append(text_of(doc)[cand.start:cand.end])
        assigned[cand.start] = ent.key
        if ent.facet == "country":
            ent.votes[_country_role(doc, cand)] += 1
        if ent.kind == "person" and ent.role is None:
            ent.role = _role_before(doc, cand)
    _merge_into_places(entities, persons)
    _add_opening_countries(doc, entities, knowledge)
    _merge_short_names(entities)
    _add_repeated_names(doc, selected, entities)
    _attach_generic_forces(doc, selected, entities, context)
    _add_roads(doc, entities, knowledge)
    _add_the_province(doc, entities, gazetteer, context)
    return _finish(doc, entities, knowledge)


def _as_person(cand: Candidate) -> Candidate:
    return Candidate(cand.start, cand.end, "PERSON", cand.ref, cand.source, cand.tokens)


def _merge_into_places(entities: dict[tuple[str, str], _Entity], persons: set[str]) -> None:
    """A name read as a place once is that place everywhere in the article: the model types
    'Palmyra' as PERSON in one sentence and GPE in the next. Not when the article names a
    person with it."""
    place_keys: dict[str, _Entity] = {}
    for ent in entities.values():
        if ent.facet == "place":
            for text in ent.texts:
                place_keys.setdefault(name_key(text), ent)
    for key, ent in list(entities.items()):
        if ent.facet != "actor" or ent.known is not None or ent.kind not in ("person", "organisation"):
            continue
        if any(name_key(t) in persons and len(name_key(t).split()) == 1 for t in ent.texts):
            continue
        targets = {id(place_keys.get(name_key(t))) for t in ent.texts}
        if len(targets) == 1 and (target := place_keys.get(name_key(ent.texts[0]))) is not None:
            target.mentions.extend(ent.mentions)
            target.texts.extend(ent.texts)
            del entities[key]


def _add_opening_countries(doc: Any, entities: dict[tuple[str, str], _Entity], knowledge: Knowledge) -> None:
    """'U.S. Centers for Disease Control', 'United States Armed Forces', and at the other end
    'Taco Bell Canada', 'Bank of Canada': the country that opens or closes an organisation's
    name is named too, as a mention of that country inside the actor's. Its role is left to
    the country's own mentions (no vote)."""
    for ent in list(entities.values()):
        if ent.facet != "actor" or ent.kind in ("person", "state"):
            continue
        for cand in list(ent.mentions):
            i, j = cand.tokens
            # ... but not the city named after it ('Mexico City Health Secretary')
            openings = [(i, k) for k in range(min(j - 1, i + 3), i, -1) if doc[k].lower_ != "city"]
            # ... but not a character's ('Captain America')
            closings = [(k, j) for k in range(max(i + 1, j - 3), j) if doc[k - 1].lower_ not in TITLES]
            for found in (openings, closings):
                for a, b in found:
                    code = knowledge.country_by_key.get(name_key(doc[a:b].text))
                    if code is None:
                        continue
                    span = doc[a:b]
                    _add_mention(doc, entities.setdefault(("country", code), _country(code, knowledge)),
                                 span.start_char, span.end_char, "COUNTRY")
                    break


ROAD_WORDS = r"(?:highway|road|motorway|expressway|freeway)"


def _add_roads(doc: Any, entities: dict[tuple[str, str], _Entity], knowledge: Knowledge) -> None:
    """Roads named by their endpoints: 'Palmyra to Deir Az Zor highway', 'the Deir az
    Zor-Palmyra highway', 'a road linking Palmyra to Deir Az Zor city' are one road, whichever
    way round and however the ends are spelled. Its point is halfway between the ends."""
    text = text_of(doc)
    towns = [ent for ent in entities.values() if ent.facet == "place" and ent.kind in ("city", "town", "village")]
    if len(towns) < 2 or not re.search(ROAD_WORDS, text, re.IGNORECASE):
        return  # most articles: one cheap search, no pattern built
    by_spelling = {t.lower(): ent for ent in towns for t in ent.texts if t}
    town = "|".join(re.escape(t) for t in sorted(by_spelling, key=len, reverse=True))
    named = re.compile(rf"\b(?P<a>{town})\s*(?:to|-|–|—)\s*(?P<b>{town})(?:\s+(?:city|town))?\s+(?P<w>{ROAD_WORDS})\b"
                       rf"|\b(?P<w2>{ROAD_WORDS})\s+(?:linking|connecting|between|from)\s+(?P<a2>{town})\s+"
                       rf"(?:to|and|with)\s+(?P<b2>{town})(?:\s+(?:city|town)\b)?", re.IGNORECASE)
    found: list[tuple[int, int, str, _Entity, _Entity]] = []
    for match in named.finditer(text):
        one = by_spelling[(match.group("a") or match.group("a2")).lower()]
        other = by_spelling[(match.group("b") or match.group("b2")).lower()]
        if one is not other:
            found.append((match.start(), match.end(), (match.group("w") or match.group("w2")).lower(), one, other))
    known_roads = [ent for ent in entities.values() if ent.facet == "place" and ent.kind == "road"]
    for start, end, word, one, other in sorted(found, key=lambda f: f[:2]):
        if any(m.start == start and m.end == end for ent in known_roads for m in ent.mentions):
            continue  # a road of the archive's, found by its own name
        key = ("place", "road:" + "|".join(sorted((one.key[1], other.key[1]))))
        name = f"{_place_title(one.resolved, one.texts)}–{_place_title(other.resolved, other.texts)} {word}"
        road = entities.get(key) or next((ent for ent in known_roads if ent.resolved is not None and
                                          name_key(ent.resolved.name) == name_key(name)), None)
        if road is None:
            a_res, b_res = one.resolved, other.resolved
            lat = lon = None
            if a_res and b_res and None not in (a_res.lat, a_res.lon, b_res.lat, b_res.lon):
                lat, lon = round((a_res.lat + b_res.lat) / 2, 5), round((a_res.lon + b_res.lon) / 2, 5)
            code = a_res.country_code if a_res and b_res and a_res.country_code == b_res.country_code else None
            country = knowledge.countries[code].name if code in knowledge.countries else None
            road = entities[key] = _Entity(key, "place", "road", name, country=code,
                                           resolved=Resolved(name, "road", code, country, lat, lon, None, 0.0, known=True))
        _add_mention(doc, road, start, end, "PLACE")


_THE_PROVINCE = re.compile(r"\bthe (?:province|governorate)\b")


def _add_the_province(doc: Any, entities: dict[tuple[str, str], _Entity], gazetteer: Gazetteer,
                      context: list[str]) -> None:
    """'... in Deir Az Zor to the east of the Euphrates River, which bisects the province':
    'the province' is the last province named in the paragraph, or the province of the last
    city named there (Deir ez-Zor Governorate, told apart from the city). When that city shares
    its province's name and a relative clause of the same sentence calls the area the province,
    the name meant the province all along."""
    text = text_of(doc)
    for match in _THE_PROVINCE.finditer(text):
        earlier = [(m, ent) for ent in entities.values() if ent.facet == "place" and ent.kind in ("city", "town", "province")
                   for m in ent.mentions if m.end <= match.start() and "\n\n" not in text[m.end:match.start()]]
        if not earlier:
            continue
        mention, ent = max(earlier, key=lambda pair: pair[0].end)
        target: _Entity | None = ent if ent.kind == "province" else None
        if target is None:
            name = text[mention.start:mention.end]
            resolved = gazetteer.resolve(f"{name} province", context, "province")
            if resolved is None or resolved.kind != "province" or resolved.country_code != ent.country:
                continue
            found = _place(resolved, name)
            target = entities.setdefault(found.key, found)
            if _describes_within(doc, mention.start, match.start()) and _province_of_same_name(name, resolved.name) \
                    and not text.startswith(" city", mention.end):
                _move_mention(entities, ent, target, mention, name)
        _add_mention(doc, target, match.start(), match.end(), "PLACE")


def _describes_within(doc: Any, name_at: int, province_at: int) -> bool:
    """'the province' sits in a relative clause of the sentence that names the city ('in Deir Az
    Zor to the east of the Euphrates River, which bisects the province'), describing the very
    area the sentence just named; 'entered Idlib, and fighting spread across the province' goes
    on to a wider area in a clause of its own."""
    name = doc.char_span(name_at, name_at + 1, alignment_mode="expand")
    province = doc.char_span(province_at, province_at + 1, alignment_mode="expand")
    if name is None or province is None or name[0].sent.start != province[0].sent.start:
        return False
    return any(t.dep_ in ("relcl", "acl") for t in province[0].ancestors)


def _province_of_same_name(city: str, province: str) -> bool:
    """'Deir Az Zor' and 'Deir ez-Zor Governorate'; 'Idlib' and 'Idlib Governorate'."""
    words = province.split()
    if words and words[-1].lower() in ("governorate", "province", "region", "oblast", "prefecture"):
        words = words[:-1]
    return name_key(" ".join(words)) == name_key(city)


def _move_mention(entities: dict[tuple[str, str], _Entity], source: _Entity, target: _Entity,
                  mention: Candidate, text: str) -> None:
    source.mentions.remove(mention)
    target.mentions.append(mention)
    if text in source.texts:  # texts feed the entity's name: move one spelling with the mention
        source.texts.remove(text)
        target.texts.append(text)
    if not source.mentions:
        del entities[source.key]


def _add_mention(doc: Any, ent: _Entity, start: int, end: int, label: str) -> None:
    """A mention found after classification (inside another name, or by a rule over the text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    ent.mentions.append(Candidate(start, end, label, ent.key[1], "rule", (span.start, span.end) if span else (0, 0)))
    ent.texts.append(text_of(doc)[start:end])


def _place_title(res: Resolved | None, texts: list[str]) -> str:
    """A place's name: the curated one, else the gazetteer's when the text uses it, else the text's."""
    return res.name if res and res.known else place_name(res.name if res else None, texts)


def _region_after(doc: Any, cand: Candidate, following: Candidate | None, gazetteer: Gazetteer,
                  context: list[str]) -> str | None:
    """'Palmyra, New York' / 'Aceh, Indonesia': the country of the place named after the comma."""
    j = cand.tokens[1]
    if following is None or j >= len(doc) or doc[j].text != "," or following.tokens[0] != j + 1:
        return None
    if following.label in ("COUNTRY",):
        return following.ref
    if following.label not in ("GPE", "LOC", "PLACE", "PERSON", "ORG"):
        return None
    # After a comma comes the wider area: try regions (New York State) before cities.
    resolved = gazetteer.resolve(text_of(doc)[following.start:following.end], context, "province")
    return resolved.country_code if resolved else None


def _places_after(doc: Any, cand: Candidate, following: Candidate | None, gazetteer: Gazetteer,
                  context: list[str]) -> list[str]:
    """The context a place named before a comma is read in: 'Buffalo, New York' is Buffalo in
    the US state (ISO 3166-2 'US-NY', first: decisive) in the United States."""
    code = _region_after(doc, cand, following, gazetteer, context)
    if code is None or following is None:
        return []
    region = gazetteer.region_code(text_of(doc)[following.start:following.end], code)
    return [region, code] if region else [code]


def _classify(doc: Any, cand: Candidate, knowledge: Knowledge, gazetteer: Gazetteer, context: list[str],
              entities: dict[tuple[str, str], _Entity], acronyms: dict[str, Candidate],
              assigned: dict[int, tuple[str, str]], before_region: bool = False,
              as_region: bool = False) -> _Entity | None:
    text = text_of(doc)[cand.start:cand.end]
    if cand.label in ("COUNTRY", "STATE"):
        assert cand.ref is not None
        if cand.label == "COUNTRY" and (region := _namesake_region(text, cand.ref, knowledge, context,
                                                                   as_region)):
            return _place(gazetteer.resolve(region.name, context, "province"), text)
        return _country(cand.ref, knowledge)
    if cand.label == "FORCES":
        assert cand.ref is not None
        forces = knowledge.forces_actor(cand.ref)
        return _Entity(("actor", forces.name), "actor", "armed-force", forces.name, country=cand.ref, known=forces)
    if cand.label == "ACTOR":
        known = next(a for a in knowledge.actors if a.name == cand.ref)
        return _Entity(("actor", known.name), "actor", known.kind, known.name, country=known.country, known=known)
    if cand.label in ("PLACE", "ROAD"):
        resolved = gazetteer.resolve(cand.ref or text, context, _kind_word_after(doc, cand) or _region_hint(as_region))
        return _place(resolved, text)
    if cand.label == "NORP":
        # A group name the model calls nationality/religion ('Taliban') counts when it is known;
        # bare demonyms ('Syrian') are not mentions.
        known_actor = knowledge.actor_by_key.get(actor_key(text))
        if known_actor is not None:
            return _Entity(("actor", known_actor.name), "actor", known_actor.kind, known_actor.name,
                           country=known_actor.country, known=known_actor)
        return None
    # Model entities: the knowledge base first, then acronyms, then in-article coreference.
    known_actor = knowledge.actor_by_key.get(actor_key(text))
    if known_actor is not None and cand.label != "PERSON":
        return _Entity(("actor", known_actor.name), "actor", known_actor.kind, known_actor.name,
                       country=known_actor.country, known=known_actor)
    if (code := knowledge.country_by_key.get(name_key(text))) and cand.label != "PERSON":
        return _country(code, knowledge)
    if text in acronyms and acronyms[text].start in assigned:
        return entities[assigned[acronyms[text].start]]
    if cand.label in ("GPE", "LOC", "FAC") and _names_a_disease(doc, cand):
        return None
    if cand.label in ("GPE", "LOC", "ORG") and (code := knowledge.country_by_demonym.get(text)):
        return _country(code, knowledge)  # 'Ugandan caves': Uganda, not a place called 'Ugandan'
    if cand.label in ("GPE", "LOC") and not _placed_by_preposition(doc, cand) and (person := _person_named(text, entities)):
        return person  # 'Maya Harden died ... Harden attended', typed as a place the second time
    if cand.label in ("GPE", "LOC", "FAC"):
        hint = _kind_word_after(doc, cand) or _region_hint(as_region)
        resolved = gazetteer.resolve(text, context, hint)
        if cand.source == "guess" and (resolved is None or not (resolved.known or resolved.population >= 100_000)):
            return None
        if resolved is not None and resolved.kind == "country" and resolved.country_code:
            return _country(resolved.country_code, knowledge)
        if resolved is None and cand.label == "FAC":
            return None
        if resolved is None and _acts_as_person(doc, cand):
            # 'Maya Harden died', "Zhvania's death": a name no gazetteer knows, doing what
            # people do, is a person the model typed as a place.
            return _corefer(text, "PERSON", entities) or _Entity(("person", name_key(text)), "actor", "person")
        return _place(resolved, text, hint)
    if cand.label in ("PERSON", "ORG"):
        earlier = _corefer(text, cand.label, entities)
        if earlier is not None:
            return earlier
        place = _place_reading(doc, cand, text, gazetteer, context, before_region)
        if place is not None:
            return place
        if cand.label == "PERSON" and (bearer := _given_name_bearer(text, entities)) is not None:
            return bearer
        if cand.label == "ORG" and text.split()[-1].lower() in FACILITY_WORDS:
            return _place(None, text, "landmark")
        if cand.label == "PERSON" or (_role_before(doc, cand) and len(text.split()) >= 2):
            return _Entity(("person", name_key(text)), "actor", "person")
        return _Entity(("org", name_key(text)), "actor", org_kind(text))
    return None


def _namesake_region(text: str, code: str, knowledge: Knowledge, context: list[str], as_region: bool = False) -> Any:
    """'Georgia' in a story set in the United States is the state, not the country; so is
    'Atlanta, Georgia' anywhere."""
    for place in knowledge.place_by_key.get(name_key(text), []):
        home = place.country
        if as_region and place.kind in ("province", "region") and home != code:
            return place
        if place.kind in ("province", "region") and home in context and home != code:
            if code not in context or context.index(home) < context.index(code):
                return place
    return None


def _country(code: str, knowledge: Knowledge) -> _Entity:
    country = knowledge.countries[code]
    return _Entity(("country", code), "country", "country", country.name, country=code)


def _place(resolved: Resolved | None, text: str, hint: str | None = None) -> _Entity:
    if resolved is None:
        return _Entity(("place", name_key(text)), "place", hint or "place")
    key = str(resolved.geonames) if resolved.geonames else name_key(resolved.name)
    return _Entity(("place", f"{resolved.kind}:{key}"), "place", resolved.kind, None,
                   country=resolved.country_code, resolved=resolved)


DISEASE_WORDS = {"virus", "viruses", "fever", "disease", "flu", "strain", "vaccine", "encephalitis", "ebolavirus",
                 "hemorrhagic", "haemorrhagic"}


def _names_a_disease(doc: Any, cand: Candidate) -> bool:
    """'West Nile virus', 'Marburg fever': named after a place, but not a place here."""
    j = cand.tokens[1]
    return j < len(doc) and doc[j].lower_ in DISEASE_WORDS


def _kind_word_after(doc: Any, cand: Candidate) -> str | None:
    """'Idlib province', 'New York state'; and before the name, 'the state of Washington'."""
    i, j = cand.tokens
    if j < len(doc) and doc[j].lower_ in KIND_WORDS:
        return KIND_WORDS[doc[j].lower_]
    if j < len(doc) and doc[j].lower_ == "governor":  # 'New York Governor Andrew Cuomo'
        return "province"
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in ("state", "province", "governorate", "region"):
        return KIND_WORDS[doc[i - 2].lower_]
    return None


def _region_hint(as_region: bool) -> str | None:
    return "province" if as_region else None


_LIST_GLUE = {",", "and", ", and", "or", ", or"}


def regions_by_position(doc: Any, selected: list[Candidate], gazetteer: Gazetteer,
                         context: list[str]) -> dict[int, list[str]]:
    """The candidates (by index) whose place reads as a first-level region by where it stands,
    each with the context it gives the town before it ('US-GA', 'US'):
    after a town of its country and a comma ('Buffalo, New York', 'Atlanta, Georgia'), or in a
    list of regions ('Georgia, Illinois, Missouri, New York, Ohio'). Bare, such a name is
    often the city or the country of the same name."""
    text = text_of(doc)

    def region_reading(cand: Candidate) -> Any:
        name = text[cand.start:cand.end]
        if cand.label == "COUNTRY":  # 'Georgia': the US state, when its place says so
            return next((p for p in gazetteer.knowledge.place_by_key.get(name_key(name), [])
                         if p.kind in ("province", "region") and p.country != cand.ref), None)
        if cand.label not in ("GPE", "LOC", "PLACE"):
            return None
        reading = gazetteer.resolve(name, context, "province")
        return reading if reading is not None and reading.kind in ("province", "region") else None

    def country_of(reading: Any) -> str | None:
        return getattr(reading, "country_code", None) or getattr(reading, "country", None)

    def glue(a: int, b: int) -> str:
        return " ".join(text[selected[a].end:selected[b].start].split())

    out: dict[int, list[str]] = {}
    for n, cand in enumerate(selected):
        reading = region_reading(cand)
        if reading is None:
            continue
        home = country_of(reading)
        code = gazetteer.region_code(text[cand.start:cand.end], home) if home else None
        local = [code, home] if code else [home] if home else []
        if n > 0 and glue(n - 1, n) == "," and selected[n - 1].label in ("GPE", "LOC", "PLACE", "PERSON", "ORG"):
            town = gazetteer.resolve(text[selected[n - 1].start:selected[n - 1].end], [home, *context], "town")
            if town is not None and town.kind in ("city", "town") and town.country_code == home:
                out[n] = local
                continue
        if sum(1 for m in _list_around(n, glue, len(selected)) if m != n and selected[m].label in ("GPE", "LOC", "PLACE")
               and (bare := gazetteer.resolve(text[selected[m].start:selected[m].end], context)) is not None
               and bare.kind in ("province", "region") and bare.country_code == home) >= 1:
            out[n] = local
    return out


def _list_around(n: int, glue: Any, count: int) -> list[int]:
    """The candidates in the list candidate n stands in ('Illinois, Missouri, New York and
    Oklahoma'): its neighbours joined to it by commas and 'and'/'or', as far as they go."""
    first = last = n
    while first > 0 and glue(first - 1, first) in _LIST_GLUE:
        first -= 1
    while last + 1 < count and glue(last, last + 1) in _LIST_GLUE:
        last += 1
    return list(range(first, last + 1))


HUMAN_VERBS = {"die", "say", "tell", "attend", "join", "choose", "marry", "speak", "write", "resign", "graduate",
               "survive", "recover", "admit", "explain", "recall", "add", "believe", "hope", "smile", "laugh", "cry",
               "deny", "insist", "testify", "plead", "confess", "sue", "visit", "travel", "work", "study", "live"}
HUMAN_POSSESSIONS = {"death", "husband", "wife", "son", "daughter", "mother", "father", "family", "funeral", "life",
                     "lawyer", "doctor", "body", "birthday", "parents", "children", "brother", "sister", "widow",
                     "career", "condition"}


def _acts_as_person(doc: Any, cand: Candidate) -> bool:
    i, j = cand.tokens
    root = doc[i:j].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in HUMAN_VERBS:
        return True
    return root.dep_ == "poss" and root.head.lower_ in HUMAN_POSSESSIONS


def _placed_by_preposition(doc: Any, cand: Candidate) -> bool:
    i = cand.tokens[0]
    return i > 0 and doc[i - 1].lower_ in LOCATIVE - {"of"}


def _person_named(text: str, entities: dict[tuple[str, str], _Entity]) -> _Entity | None:
    """The person of this article whose given name or surname the one word `text` is. Not after
    'in' or 'to' (the caller's check): 'Paris Hilton ... flew to Paris' keeps the city."""
    key = name_key(text)
    if not key or " " in key:
        return None
    for ent in reversed(list(entities.values())):
        if ent.kind == "person" and any(len(words) > 1 and key in (words[0], words[-1])
                                        for words in (name_key(t).split() for t in _entity_texts(ent))):
            return ent
    return None


def _corefer(text: str, label: str, entities: dict[tuple[str, str], _Entity]) -> _Entity | None:
    """A short later mention of an earlier name: 'Assad' -> 'Bashar al-Assad', 'PHR' -> ..."""
    key = name_key(text)
    words = key.split()
    if not words:
        return None
    for ent in reversed(list(entities.values())):
        if ent.facet != "actor":
            continue
        if (label == "PERSON") != (ent.kind == "person") and not (ent.kind == "person" and len(words) == 1):
            continue
        for mention_key in {name_key(m_text) for m_text in _entity_texts(ent)}:
            other = mention_key.split()
            if len(other) > len(words) and other[-len(words):] == words:
                return ent
            if label == "ORG" and ent.kind == "person" and other == words:  # "Jaqueline's husband", typed ORG
                return ent
            if label == "ORG" and text.isupper() and _initials(mention_key) == text.lower():
                return ent
    return None


def _given_name_bearer(text: str, entities: dict[tuple[str, str], _Entity]) -> _Entity | None:
    """'Jaqueline Fleming, who was 38, ... Jaqueline's husband': a given name alone is the one
    person of the article who bears it, if only one does. Asked after the place reading, so
    'Randwick' stays the suburb beside a 'Randwick Racecourse' the model called a person."""
    words = name_key(text).split()
    if len(words) != 1:
        return None
    bearers = {ent.key: ent for ent in entities.values() if ent.kind == "person"
               and any(len(w) > 1 and w[0] == words[0] for w in (name_key(t).split() for t in _entity_texts(ent)))}
    return next(iter(bearers.values())) if len(bearers) == 1 else None


def _entity_texts(ent: _Entity) -> list[str]:
    return [*ent.texts, *([ent.name] if ent.name else [])]


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "for", "and", "the", "de"))


def _place_reading(doc: Any, cand: Candidate, text: str, gazetteer: Gazetteer,
                   context: list[str], before_region: bool = False) -> _Entity | None:
    """The model sometimes types towns as PERSON or ORG (Palmyra, al-Sukhna): weigh the evidence."""
    i, j = cand.tokens
    resolved = gazetteer.resolve(text, context, _kind_word_after(doc, cand))
    if resolved is None or resolved.kind == "country":
        return None
    place_score = 3.0 if before_region else 0.0
    if resolved.country_code in context[:2]:
        place_score += 2 if resolved.population >= 5000 or resolved.known else 1
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE - {"of"}:
        place_score += 2
    if prev is not None and prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in KIND_WORDS:
        place_score += 3
    if _kind_word_after(doc, cand):
        place_score += 2
    if j + 1 < len(doc) and doc[j].lower_ in ("to", "-", "and") and doc[j + 1].ent_type_ in ("GPE", "LOC"):
        place_score += 1
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("in", "near") \
            and doc[j + 2].pos_ == "PROPN" and doc[j + 2].ent_type_ in ("GPE", "LOC"):
        place_score += 2  # 'Austin, in Scott County, Indiana, was the epicenter'

    person_score = 0.0
    if prev is not None and prev.lower_ in TITLES:
        person_score += 3
    if j < len(doc) and doc[j].lemma_ in ("say", "tell") or (j < len(doc) and doc[j].lower_ in ("said", "says", "told")):
        person_score += 3
    if cand.label == "ORG":
        person_score += 1
        single = j - i == 1 and not text.isupper()
        big_or_local = resolved.population >= 100_000 or resolved.known or resolved.country_code in context[:2]
        if not (single and big_or_local) and (prev is None or (prev.lower_ not in LOCATIVE
                                                               and not _kind_word_after(doc, cand))):
            return None  # an organisation's name is read as a place only where the text says 'in X'
    if i + 1 < j and cand.label == "PERSON" and not any(t.text[:1].islower() for t in doc[i:j]):
        person_score += 0.5  # "Bashar Jaafari" reads as given name + surname; "Deir az Zor" less so
    return _place(resolved, text) if place_score >= 2 and place_score > person_score else None


def org_kind(name: str) -> str:
    words = [w.lower().strip(".,") for w in re.split(r"[\s-]+", fold(name))]
    for keys, kind in ORG_KIND_WORDS:
        if any(w in keys for w in words):
            return kind
    return "organisation"


def _country_role(doc: Any, cand: Candidate) -> str:
    """'actor' when the state acts ('Russia accused', 'Iran-backed'), 'place' for 'in Syria'."""
    i, j = cand.tokens
    if cand.label == "STATE":
        return "actor"
    if j + 1 < len(doc) and doc[j].text == "-" and f"-{doc[j + 1].lower_}" in AGENTIVE_SUFFIXES:
        return "actor"
    if j < len(doc) and any(doc[j].lower_.endswith(s) for s in AGENTIVE_SUFFIXES):
        return "actor"
    token = doc[j - 1]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep = token.dep_
    if dep == "pobj":
        return "place" if token.head.lower_ in LOCATIVE else "actor"
    if dep in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
        return "actor"
    if dep == "poss":
        return "place" if token.head.lower_ in PLACE_NOUNS else "neutral"
    return "neutral"


def _role_before(doc: Any, cand: Candidate) -> str | None:
    """'UN special envoy Staffan de Mistura' -> 'UN special envoy'."""
    i = cand.tokens[0]
    k = i
    while k > 0 and (doc[k - 1].lower_ in TITLES or (doc[k - 1].is_upper and len(doc[k - 1]) <= 4 and k < i)
                     or (doc[k - 1].pos_ == "ADJ" and k < i and doc[k - 2].lower_ in TITLES if k >= 2 else False)):
        k -= 1
    if k < i and any(doc[x].lower_ in TITLES for x in range(k, i)):
        while k < i and doc[k].is_upper and doc[k].lower_ not in TITLES and k + 1 < i and doc[k + 1].lower_ not in TITLES:
            k += 1
        return doc[k:i].text.strip() or None
    return None


def _merge_short_names(entities: dict[tuple[str, str], _Entity]) -> None:
    """A surname met before the full name ('Braverman (left)' in a caption, 'Suella Braverman'
    later) is the one person with that surname."""
    people = [e for e in entities.values() if e.kind == "person"]
    for key, ent in list(entities.items()):
        if ent.facet != "actor" or ent.known is not None or ent.kind not in ("person", "organisation"):
            continue
        words = {name_key(t) for t in ent.texts}
        if any(len(w.split()) != 1 for w in words):
            continue
        owners = [p for p in people if p is not ent and any(
            len(name_key(t).split()) > 1 and name_key(t).split()[-1] in words for t in p.texts)]
        if len({id(o) for o in owners}) == 1:
            owners[0].mentions.extend(ent.mentions)
            owners[0].texts.extend(ent.texts)
            del entities[key]


def _add_repeated_names(doc: Any, selected: list[Candidate], entities: dict[tuple[str, str], _Entity]) -> None:
    """Every later 'Montalvo' is Daniel Montalvo and every later 'Sea Org' is the Sea Org, even
    where the model missed them: a name found once is looked for everywhere in the article."""
    taken = [(c.start, c.end) for c in selected]
    for ent in entities.values():
        if ent.facet != "actor":
            continue  # a place name repeats as a person's or a disease's too often ('West Nile')
        forms = {t for t in ent.texts if t[:1].isupper() and (len(t) >= 4 or t.isupper() and len(t) >= 2)}
        if ent.kind == "person":
            full = max(ent.texts, key=lambda t: len(t.split()))
            words = full.split()
            if len(words) >= 2 and len(words[-1]) > 2 and words[-1][:1].isupper():
                forms.add(words[-1])
        label = "PERSON" if ent.kind == "person" else "ORG" if ent.facet == "actor" else "GPE"
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text_of(doc)):
                a, b = match.span()
                if any(x < b and a < y for x, y in taken):
                    continue
                span = doc.char_span(a, b)
                if span is None or not _inside_readable(doc, span):
                    continue
                ent.mentions.append(Candidate(a, b, label, None, "rule", (span.start, span.end)))
                ent.texts.append(form)
                taken.append((a, b))


def _inside_readable(doc: Any, span: Any) -> bool:
    # Masked stretches (credits, datelines) are blanks in text_of(doc), so a match there cannot
    # happen; this guards against a name running into a blanked stretch.
    return not any(t.is_space for t in span)


GENERIC_FORCES = {"army", "military"}  # after 'the'
GOVERNMENT_FORCES = {"forces", "troops", "fighters", "soldiers"}  # after 'government'


def _attach_generic_forces(doc: Any, selected: list[Candidate], entities: dict[tuple[str, str], _Entity],
                           context: list[str]) -> None:
    """'the army', 'the military', 'government fighters' refer to the armed force of the country
    the story is set in (the one named first), when the story names that force: 'the army' in a
    Syria story that also names the Russian military is the Syrian army, and 'government forces'
    in a Pakistan story that names only the U.S. Army are not the U.S. Army."""
    forces = [e for e in entities.values() if e.kind == "armed-force" and context and e.country == context[0]]
    if len(forces) != 1:
        return
    taken = [(c.start, c.end) for c in selected]
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.lower_ in GENERIC_FORCES and before.lower_ == "the" and token.dep_ != "amod":
            first = token
        elif (token.lower_ in GOVERNMENT_FORCES and before.lower_ == "government"
              and not (before.i > 0 and doc[before.i - 1].text == "-")):  # not 'pro-government forces'
            first = before
        else:
            continue
        start, end = first.idx, token.idx + len(token.text)
        if not any(a < end and start < b for a, b in taken):
            forces[0].mentions.append(Candidate(start, end, "FORCES", None, "rule", (first.i, token.i + 1)))


def _finish(doc: Any, entities: dict[tuple[str, str], _Entity], knowledge: Knowledge) -> tuple[list[Actor], list[Place]]:
    actors: list[Actor] = []
    places: list[Place] = []
    for ent in entities.values():
        spans = sorted({Span(m.start, m.end, text_of(doc)[m.start:m.end]) for m in ent.mentions})
        texts = [s.text for s in spans]
        if ent.facet == "country":
            country = knowledge.countries[ent.key[1]]
            if ent.votes["actor"] > ent.votes["place"]:
                actors.append(Actor(country.name, "state", spans, _aliases(texts, country.name), country.code))
            else:
                places.append(Place(country.name, "country", spans, country.name, country.code,
                                    country.lat, country.lon, country.geonames))
        elif ent.facet == "actor":
            name = ent.name or canonical_name(texts)
            known = ent.known
            actors.append(Actor(name, ent.kind, spans, _aliases(texts, name), ent.country,
                                known.wikipedia if known else None, ent.role))
        else:
            res = ent.resolved
            name = _place_title(res, texts)
            places.append(Place(name, ent.kind, spans, res.country if res else None,
                                res.country_code if res else None, res.lat if res else None,
                                res.lon if res else None, res.geonames if res else None))
    actors.sort(key=lambda a: a.mentions[0].start)
    places.sort(key=lambda p: p.mentions[0].start)
    return actors, places


def _aliases(texts: list[str], name: str) -> list[str]:
    return sorted({t for t in texts if t != name and not t.islower()})


def canonical_name(texts: list[str]) -> str:
    """The fullest form in the text: longest, preferring a spelled-out name over an acronym."""
    spelled = [t for t in texts if not t.isupper()] or texts
    counts = Counter(spelled)
    return max(spelled, key=lambda t: (len(t.split()), counts[t], len(t), t))


def place_name(gazetteer_name: str | None, texts: list[str]) -> str:
    """The gazetteer's name when the text uses it (Deir ez-Zor), else the text's own (Palmyra, not Tadmur)."""
    keys = {name_key(t) for t in texts}
    if gazetteer_name and name_key(gazetteer_name) in keys:
        return gazetteer_name
    counts = Counter(texts)
    return max(texts, key=lambda t: (counts[t], -len(t), t)) if texts else (gazetteer_name or "")
