"""Decide what each candidate mention refers to, and group mentions into one actor or place
per real-world entity within the article (canonical name, kind, aliases). The passes that need
the whole article are in `article_passes`, readings by position in `position_readings`, the draft
entities in `entity_drafts`, which entity already met a short name refers to in `earlier_names`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from spacy.tokens import Doc

from ..model import Actor, Place
from ..text import fold, name_key
from .area_points import area_to_show_at, shown_within
from .article_passes import (
    add_opening_countries,
    add_repeated_names,
    add_roads,
    add_the_province,
    attach_generic_forces,
    merge_into_places,
    merge_short_names,
    one_reading_per_name,
    tell_namesakes_apart,
)
from .candidate import Candidate
from .earlier_names import corefer, given_name_bearer, person_named
from .entity_drafts import Drafts, EntityDraft, country_draft, distinct_names, finish, place_draft
from .entity_evidence import ArticleView, actor_evidence, place_evidence
from .gazetteer import SETTING_COUNTRIES, Gazetteer, split_kind_word
from .knowledge import Knowledge, actor_key
from .mentions import acronym_definitions, acronym_uses
from .missed_names import follows_placing_word
from .name_edges import names_a_disease
from .nlp import first_conjunct, text_of
from .place_index import Resolved
from .position_readings import (
    areas_named,
    kind_word_after,
    lies_in,
    part_of_area,
    places_after,
    reading_hint,
    regions_by_position,
    town_named_like,
)
from .setting import namesake_region, story_setting
from .vocabulary import Lexicon


def person_readings(doc: Doc, selected: list[Candidate]) -> set[str]:
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


def build_entities(doc: Doc, selected: list[Candidate], knowledge: Knowledge, gazetteer: Gazetteer,
                   setting: list[str] | None = None, story: list[tuple[int, int]] | None = None
                   ) -> tuple[list[Actor], list[Place]]:
    """`setting`: country codes the story is known to be set in before it is read (its dateline);
    `story`: the stretches of its paragraphs (the rest is title, dek and captions), all if None."""
    context, implied = story_setting(doc, selected, knowledge, gazetteer, setting or [])
    persons = person_readings(doc, selected)
    selected = [c.as_person() if c.source == "ner" and c.label in ("GPE", "LOC", "ORG") and
                name_key(text_of(doc)[c.start:c.end]) in persons else c for c in selected]
    acronyms = acronym_definitions(doc, selected, knowledge)
    selected = sorted(selected + acronym_uses(doc, selected, acronyms), key=lambda c: (c.start, -c.length))
    lexicon = knowledge.lexicon
    entities: Drafts = {}
    # candidate (start, end) -> entity key; the end too, as a town can begin its venue's name
    assigned: dict[tuple[int, int], tuple[str, str]] = {}
    as_regions = regions_by_position(doc, selected, gazetteer, context)
    # A region read by where it stands ('Frederick, Maryland') sets the story as much as one
    # named alone: its towns and counties are read in it, its country joins the setting.
    context += [code for codes in as_regions.values() for code in codes if code not in context]
    # Every name is read beside where the story's other place names may be (`Gazetteer.in_story`).
    gazetteer = gazetteer.in_story([text_of(doc)[c.start:c.end] for c in selected
                                    if c.label in ("GPE", "LOC", "PLACE")], context)
    areas = areas_named(doc, selected, gazetteer, context)
    for n, cand in enumerate(selected):
        region = as_regions.get(n + 1) or places_after(doc, cand, selected[n + 1] if n + 1 < len(selected) else None,
                                                        gazetteer, context)
        local = [*region, *context]
        ent = _classify(doc, cand, knowledge, gazetteer, local, entities, acronyms, assigned, bool(region),
                        n in as_regions, implied, n + 1 in as_regions)
        if ent is None:
            continue
        ent = _in_its_area(ent, text_of(doc)[cand.start:cand.end], areas, gazetteer)
        ent = entities.setdefault(ent.key, ent)
        if ent.facet == "place" and ent.area is None and (ent.resolved is None or ent.resolved.lat is None):
            ent.area = area_to_show_at(areas.get(name_key(text_of(doc)[cand.start:cand.end])))
        ent.mentions.append(cand)
        ent.texts.append(text_of(doc)[cand.start:cand.end])
        assigned[(cand.start, cand.end)] = ent.key
        if ent.facet == "country":
            ent.votes[_country_role(doc, cand, lexicon)] += 1
        if ent.kind == "person" and ent.role is None:
            ent.role = _role_before(doc, cand, lexicon)
    merge_into_places(entities, persons)
    add_opening_countries(doc, entities, knowledge, lambda text, code: _namesake_place(text, code, knowledge, gazetteer,
                                                                                       context, implied))
    merge_short_names(entities)
    add_repeated_names(doc, selected, entities)
    attach_generic_forces(doc, selected, entities, context, lexicon)
    add_roads(doc, entities, knowledge)
    add_the_province(doc, entities, gazetteer, context)
    one_reading_per_name(doc, entities, knowledge)
    tell_namesakes_apart(entities, context, knowledge)
    view = ArticleView.read(doc, entities.values(), knowledge, gazetteer, context, story)
    actors, places = finish(doc, entities, knowledge, lambda ent, kind, name: actor_evidence(view, ent, kind, name),
                            lambda ent, kind, res: place_evidence(view, ent, kind, res))
    # A region titled with what its country calls it ('state'), else with the annotator's kind.
    return actors, shown_within(distinct_names(places, knowledge.weights.place_precision,
                                               lambda p: gazetteer.region_type(p.name, p.country_code) or p.kind))


def _namesake_place(text: str, code: str, knowledge: Knowledge, gazetteer: Gazetteer, context: list[str],
                    implied: Collection[str], as_region: bool = False) -> EntityDraft | None:
    """The region a country's name names in this story ('Georgia', the US state), if any
    (`setting.namesake_region`), read in its own country: the story's first may be the namesake."""
    region = namesake_region(text, code, knowledge, context, as_region, implied)
    if region is None:
        return None
    return place_draft(gazetteer.resolve(region.name, [*filter(None, [region.country]), *context], "province"), text)


def _in_its_area(ent: EntityDraft, text: str, areas: dict[str, Resolved], gazetteer: Gazetteer) -> EntityDraft:
    """A town the text puts in an area ('Martinez (Buenos Aires)') is no namesake outside it: a
    place GeoNames lacks (a village, a suburb) whose best reading lies in another country or
    region stays unlocated, in the area's country; the event it hosts then lies in the area
    (events.details.most_precise)."""
    area = areas.get(name_key(text))
    res = ent.resolved
    if (area is None or ent.facet != "place" or res is None or res.known
            or res.kind not in ("city", "town", "village") or lies_in(gazetteer, res, area)):
        return ent
    base, kind_word = split_kind_word(text, gazetteer.knowledge.lexicon.place_kind_words)
    return EntityDraft(("place", name_key(base)), "place", kind_word or "place", country=area.country_code)


def _classify(doc: Doc, cand: Candidate, knowledge: Knowledge, gazetteer: Gazetteer, context: list[str],
              entities: Drafts, acronyms: dict[str, Candidate],
              assigned: dict[tuple[int, int], tuple[str, str]], before_region: bool = False,
              as_region: bool = False, implied: Collection[str] = (), in_region: bool = False) -> EntityDraft | None:
    text = text_of(doc)[cand.start:cand.end]
    lexicon = knowledge.lexicon
    if cand.label in ("COUNTRY", "STATE"):
        assert cand.ref is not None
        if cand.label == "COUNTRY":
            if region := _namesake_place(text, cand.ref, knowledge, gazetteer, context, implied, as_region):
                return region
            if town := town_named_like(doc, cand, text, gazetteer, context, in_region):
                return place_draft(town, text)
        return country_draft(cand.ref, knowledge)
    if cand.label in ("GPE", "LOC", "FAC", "PLACE") and _a_persons_byname(doc, cand, lexicon):
        return None
    if cand.label == "TEAM":  # a side in a table of results (score_lines.py), whatever it is named after
        return EntityDraft(("org", name_key(text)), "actor", "sports-body")
    if cand.label == "FORCES":
        assert cand.ref is not None
        forces = knowledge.forces_actor(cand.ref)
        return EntityDraft(("actor", forces.name), "actor", "armed-force", forces.name, country=cand.ref, known=forces)
    if cand.label == "ACTOR":
        known = next(a for a in knowledge.actors if a.name == cand.ref)
        return EntityDraft(("actor", known.name), "actor", known.kind, known.name, country=known.country, known=known)
    if cand.label in ("PLACE", "ROAD"):
        resolved = gazetteer.resolve(cand.ref or text, context, reading_hint(doc, cand, text, as_region, knowledge))
        return place_draft(resolved, text)
    if cand.label == "NORP":
        # A group name the model calls nationality/religion ('Taliban') counts when it is known;
        # bare demonyms ('Syrian') are not mentions.
        known_actor = knowledge.actor_by_key.get(actor_key(text))
        if known_actor is not None:
            return EntityDraft(("actor", known_actor.name), "actor", known_actor.kind, known_actor.name,
                           country=known_actor.country, known=known_actor)
        return None
    # Model entities: the knowledge base first, then acronyms, then in-article coreference.
    known_actor = knowledge.actor_by_key.get(actor_key(text))
    if known_actor is not None and cand.label != "PERSON":
        return EntityDraft(("actor", known_actor.name), "actor", known_actor.kind, known_actor.name,
                       country=known_actor.country, known=known_actor)
    if (code := knowledge.country_by_key.get(name_key(text))) and cand.label != "PERSON":
        return country_draft(code, knowledge)
    if text in acronyms and (defined := (acronyms[text].start, acronyms[text].end)) in assigned:
        return entities[assigned[defined]]
    if cand.label in ("GPE", "LOC", "FAC") and names_a_disease(doc, cand.tokens[1], lexicon):
        return None
    if cand.label in ("GPE", "LOC", "ORG") and (code := knowledge.country_by_demonym.get(text)):
        return country_draft(code, knowledge)  # 'Ugandan caves': Uganda, not a place called 'Ugandan'
    if cand.label in ("GPE", "LOC") and cand.source != "inner" \
            and not follows_placing_word(doc, cand.tokens[0], lexicon) and (person := person_named(text, entities)):
        # 'Maya Harden died ... Harden attended', typed as a place the second time; but a town
        # read inside a venue's name is no short form of that name, whatever the model typed it
        return person
    if cand.label in ("GPE", "LOC", "FAC"):
        hint = reading_hint(doc, cand, text, as_region, knowledge)
        resolved = gazetteer.resolve(text, context, hint) or part_of_area(text, gazetteer, context)
        big = knowledge.weights.place_reading.guess_population
        if cand.source == "guess" and (resolved is None or not (resolved.known or resolved.population >= big)):
            return None
        if cand.source == "placed" and (resolved is None or person_named(text, entities)):
            return None  # a name the model left untyped that a person of the story bears is no place
        if resolved is not None and resolved.kind == "country" and resolved.country_code:
            return country_draft(resolved.country_code, knowledge)
        if resolved is not None and _the_one_word(doc, cand) and resolved.kind in ("city", "town", "village") \
                and not resolved.known and resolved.population < big:
            # 'the Centre' (India's government), 'the Delta' (a river's), 'the Orpheum' (a
            # cinema): a thing or a body called by one capitalised word after 'the', which small
            # towns share; a town goes by its name alone, and a big city ('the Bronx') or a
            # curated place is kept.
            return None
        if resolved is None and (cand.label == "FAC" or len(text.replace(".", "")) <= 2):
            return None  # and initials no gazetteer knows: 'MS', 'Lt', 'D.A.', 'SW' are no places
        if resolved is None and _acts_as_person(doc, cand, lexicon):
            # 'Maya Harden died', "Zhvania's death": a name no gazetteer knows, doing what
            # people do, is a person the model typed as a place.
            earlier = corefer(text, "PERSON", entities, lexicon)
            return earlier or EntityDraft(("person", name_key(text)), "actor", "person")
        return place_draft(resolved, text, hint)
    if cand.label == "ORG" and (words := set(text.lower().split()) - {"the"}) and words <= lexicon.generic_forces:
        # 'the Army said', 'Chief of Army Staff': the forces of the country the story is set in, or no one
        home = next((code for code in context if code in knowledge.countries), None)
        if home is None:
            return None
        forces = knowledge.forces_actor(home)
        return EntityDraft(("actor", forces.name), "actor", "armed-force", forces.name, country=home, known=forces)
    if cand.label in ("PERSON", "ORG"):
        earlier = corefer(text, cand.label, entities, lexicon)
        if earlier is not None:
            return earlier
        # A person a rule read by the form it stands in (a row of results) is one, whatever the gazetteer knows.
        rule_person = cand.label == "PERSON" and cand.source == "rule"
        place = None if rule_person else _place_reading(doc, cand, text, gazetteer, context, knowledge, before_region)
        if place is not None:
            return place
        if cand.label == "PERSON" and (kind := _area_kind(text, lexicon)) is not None:
            return place_draft(None, text, kind)  # 'Faskari LGA', 'Kuajiena county': a person has no such name
        if cand.label == "PERSON" and (bearer := given_name_bearer(text, entities)) is not None:
            return bearer
        if cand.label == "ORG" and text.split()[-1].lower() in lexicon.facility_words:
            return place_draft(None, text, "landmark")
        if cand.label == "PERSON" or (_role_before(doc, cand, lexicon) and len(text.split()) >= 2):
            return EntityDraft(("person", name_key(text)), "actor", "person")
        return EntityDraft(("org", name_key(text)), "actor", org_kind(text, lexicon))
    return None


def _area_kind(text: str, lexicon: Lexicon) -> str | None:
    """The kind of area a name of two words or more ends in ('Faskari LGA', 'Scott County':
    district). Not 'state', which ends the names of universities and teams ('Ohio State'), nor
    'town' or 'city', which end some surnames ('Brian Town')."""
    _, kind = split_kind_word(text, lexicon.place_kind_words)
    return kind if kind in ("district", "province", "region") and text.split()[-1].lower() != "state" else None


def _the_one_word(doc: Doc, cand: Candidate) -> bool:
    """One word after 'the' that heads its own phrase: 'at the Centre', not 'the Dayton police' or
    'the Brattleboro and District Rotary Club'."""
    i, j = cand.tokens
    joined = j < len(doc) and (doc[j].lower_ in ("and", "&", "-") or doc[j].text[:1].isupper())
    return (j - i == 1 and i > 0 and doc[i - 1].lower_ == "the" and not joined
            and doc[i].dep_ not in ("compound", "amod", "nmod"))


def _a_persons_byname(doc: Doc, cand: Candidate, lexicon: Lexicon) -> bool:
    """'Mohanna Abdhou, 20, known as Montana', 'the rapper, better known as Houston': what a
    person is known or nicknamed as (`byname_verbs`) is a name of theirs, not a place. Not 'the
    area known as Kilburn'."""
    i, j = cand.tokens
    root = doc[i:j].root
    if root.dep_ != "pobj" or root.head.lower_ != "as" or root.head.head.lemma_.lower() not in lexicon.byname_verbs:
        return False
    named = root.head.head.head
    return named.ent_type_ == "PERSON" or named.lemma_.lower() in lexicon.person_nouns


def _acts_as_person(doc: Doc, cand: Candidate, lexicon: Lexicon) -> bool:
    i, j = cand.tokens
    root = doc[i:j].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lexicon.human_verbs:
        return True
    return root.dep_ == "poss" and root.head.lower_ in lexicon.human_possessions


def _place_reading(doc: Doc, cand: Candidate, text: str, gazetteer: Gazetteer,
                   context: list[str], knowledge: Knowledge, before_region: bool = False) -> EntityDraft | None:
    """The model sometimes types towns as PERSON or ORG (Palmyra, al-Sukhna): weigh the evidence."""
    lexicon, weight = knowledge.lexicon, knowledge.weights.place_reading
    i, j = cand.tokens
    kind_after = kind_word_after(doc, cand, lexicon)
    resolved = gazetteer.resolve(text, context, kind_after)
    if resolved is None or resolved.kind == "country":
        return None
    place_score = weight.before_region if before_region else 0.0
    area = resolved.kind in ("province", "region", "district")  # GeoNames gives areas no population
    if resolved.country_code in context[:SETTING_COUNTRIES]:
        town = resolved.population >= weight.setting_town_population or resolved.known or area
        place_score += weight.in_setting_town if town else weight.in_setting_village
    prev = doc[i - 1] if i > 0 else None
    if follows_placing_word(doc, i, lexicon):
        place_score += weight.after_placing_word
    if prev is not None and prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in lexicon.place_kind_words:
        place_score += weight.after_kind_of
    if kind_after:
        place_score += weight.kind_word_after
    if j + 1 < len(doc) and doc[j].lower_ in ("to", "-", "and") and doc[j + 1].ent_type_ in ("GPE", "LOC"):
        place_score += weight.joined_to_place
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in lexicon.area_prepositions \
            and doc[j + 2].pos_ == "PROPN" and doc[j + 2].ent_type_ in ("GPE", "LOC"):
        place_score += weight.area_after_comma  # 'Austin, in Scott County, Indiana, was the epicenter'
    ends_clause = j == len(doc) or doc[j].is_punct
    if (i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ in ("GPE", "LOC") and ends_clause
            and (area or resolved.population >= knowledge.weights.gazetteer.big_city_population)):
        place_score += weight.area_of_place_before  # 'in El Alto, La Paz, a group of', 'at Munjuglu, Tovuz.'

    person_score = 0.0
    if prev is not None and prev.lower_ in lexicon.titles:
        person_score += weight.title_before
    if j < len(doc) and (doc[j].lemma_ in lexicon.speech_lemmas or doc[j].lower_ in lexicon.speech_forms):
        person_score += weight.speech_after
    if cand.label == "ORG":
        person_score += weight.organisation_label
        single = j - i == 1 and not text.isupper()
        big_or_local = (resolved.population >= weight.organisation_as_place_population or resolved.known
                        or resolved.country_code in context[:SETTING_COUNTRIES])
        if not (single and big_or_local) and (prev is None or (prev.lower_ not in lexicon.locative
                                                               and not kind_after)):
            return None  # an organisation's name is read as a place only where the text says 'in X'
    if i + 1 < j and cand.label == "PERSON" and not any(t.text[:1].islower() for t in doc[i:j]):
        person_score += weight.two_capitalised_words  # "Bashar Jaafari" reads as given name + surname
    if place_score >= weight.place_threshold and place_score > person_score:
        return place_draft(resolved, text)
    return None


def org_kind(name: str, lexicon: Lexicon) -> str:
    """An organisation's kind by the words of its name: a word of arms anywhere ('Mujahideen
    Council'), else its head, the last word before 'of' or 'for' or at the end ('People's Congress
    Party', 'Farmers Bank of Ruritania'), else any word of a kind, in the lexicon's order."""
    words = [w.lower().strip(".,") for w in re.split(r"[\s-]+", fold(name))]
    head = words[next((i for i, w in enumerate(words) if i > 0 and w in ("of", "for")), len(words)) - 1]
    kinds = lexicon.organisation_kinds
    found = [e.kind for e in kinds if e.kind == "armed-group" and any(w in e.words for w in words)]
    found += [e.kind for e in kinds if head in e.words] + [e.kind for e in kinds if any(w in e.words for w in words)]
    return found[0] if found else "organisation"


def _country_role(doc: Doc, cand: Candidate, lexicon: Lexicon) -> str:
    """'actor' when the state acts ('Russia accused', 'Iran-backed'), 'place' for 'in Syria'."""
    j = cand.tokens[1]
    if cand.label == "STATE":
        return "actor"
    if j + 1 < len(doc) and doc[j].text == "-" and f"-{doc[j + 1].lower_}" in lexicon.agentive_suffixes:
        return "actor"
    if j < len(doc) and doc[j].lower_.endswith(lexicon.agentive_suffixes):
        return "actor"
    token = first_conjunct(doc[j - 1])
    dep = token.dep_
    if dep == "pobj":
        return "place" if token.head.lower_ in lexicon.locative else "actor"
    if dep in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
        return "actor"
    if dep == "poss":
        return "place" if token.head.lower_ in lexicon.place_nouns else "neutral"
    return "neutral"


def _role_before(doc: Doc, cand: Candidate, lexicon: Lexicon) -> str | None:
    """'UN special envoy Staffan de Mistura' -> 'UN special envoy'."""
    titles = lexicon.titles
    i = cand.tokens[0]
    k = i
    while k > 0 and (doc[k - 1].lower_ in titles or (doc[k - 1].is_upper and len(doc[k - 1]) <= 4 and k < i)
                     or (k >= 2 and doc[k - 1].pos_ == "ADJ" and k < i and doc[k - 2].lower_ in titles)):
        k -= 1
    if k < i and any(doc[x].lower_ in titles for x in range(k, i)):
        while (k < i and doc[k].is_upper and doc[k].lower_ not in titles
               and k + 1 < i and doc[k + 1].lower_ not in titles):
            k += 1
        return doc[k:i].text.strip() or None
    return None
