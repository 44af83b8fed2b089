"""Passes over the grouped entities of an article, after every candidate is classified: what
only the whole article shows (countries inside organisation names, roads named by their ends,
'the province', 'the army', short and repeated names)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..text import name_key, whole_word_spans
from .candidate import Candidate
from .capital_lines import in_capitals
from .entity_drafts import Drafts, EntityDraft, add_mention, country_draft, move_mention, place_draft, place_title
from .gazetteer import Gazetteer
from .knowledge import Knowledge
from .nlp import text_of, tokens_lowered_as
from .place_index import Resolved
from .rules import alternation
from .vocabulary import Lexicon


def merge_into_places(entities: Drafts, persons: set[str]) -> None:
    """A name read as a place once is that place everywhere in the article: the model types
    'Palmyra' as PERSON in one sentence and GPE in the next. Not when the article names a
    person with it."""
    place_keys: dict[str, EntityDraft] = {}
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


def one_reading_per_name(doc: Doc, entities: Drafts, knowledge: Knowledge) -> None:
    """A country's name the story reads somewhere as a first-level region or a town of another
    country ('storms hit Georgia and Alabama': the US state; 'Palestine, Texas') is that place
    wherever else the story writes it, inside a body's name too ('the Georgia Emergency
    Management Agency'); and a region the story names in full ('Washington State') is the region
    its bare name names elsewhere ('central Washington'), not the city of that name. The reading
    that weighed the story's places is the story's, and one name is one place within a story."""
    text = text_of(doc)
    places = {name_key(d.resolved.name): d for d in entities.values()
              if d.facet == "place" and d.resolved is not None
              and d.resolved.kind in ("province", "region", "city", "town", "village")}
    for key, draft in list(entities.items()):
        country = knowledge.countries.get(key[1]) if draft.facet == "country" else None
        place = places.get(name_key(country.name)) if country is not None else None
        if country is None or place is None or place.resolved is None or place.resolved.country_code == country.code:
            continue
        for mention in list(draft.mentions):
            move_mention(entities, draft, place, mention, text[mention.start:mention.end])
    named_in_full = {name_key(d.resolved.name): d for d in entities.values()
                     if d.facet == "place" and d.resolved is not None and d.resolved.kind in ("province", "region")
                     and any(name_key(t) != name_key(d.resolved.name) for t in d.texts)}
    for draft in list(entities.values()):
        region = named_in_full.get(name_key(draft.resolved.name)) if draft.resolved is not None else None
        if region is None or region is draft or draft.resolved is None or draft.resolved.kind not in ("city", "town"):
            continue
        for mention in list(draft.mentions):
            bare = name_key(text[mention.start:mention.end]) == name_key(draft.resolved.name)  # not 'X City'
            if bare and not re.match(r", [A-Z]", text[mention.end:mention.end + 3]):  # 'Washington, D.C.': the city
                move_mention(entities, draft, region, mention, text[mention.start:mention.end])


def add_opening_countries(doc: Doc, entities: Drafts, knowledge: Knowledge,
                          namesake: Callable[[str, str], EntityDraft | None]) -> None:
    """'U.S. Centers for Disease Control', 'United States Armed Forces', and at the other end
    'Taco Bell Canada', 'Bank of Canada': the country that opens or closes an organisation's
    name is named too, as a mention of that country inside the actor's. Its role is left to
    the country's own mentions (no vote). A country's name that the story's setting reads as the
    region sharing it (`namesake`: `setting.namesake_region`) names that region: a state body or
    university named after a US state of a country's name, in a story set in the US."""
    for ent in list(entities.values()):
        if ent.facet != "actor" or ent.kind in ("person", "state"):
            continue
        for cand in list(ent.mentions):
            i, j = cand.tokens
            # ... but not the city named after it ('Mexico City Health Secretary')
            openings = [(i, k) for k in range(min(j - 1, i + 3), i, -1) if doc[k].lower_ != "city"]
            # ... but not a character's ('Captain America')
            closings = [(k, j) for k in range(max(i + 1, j - 3), j)
                        if doc[k - 1].lower_ not in knowledge.lexicon.titles]
            for found in (openings, closings):
                for a, b in found:
                    code = knowledge.country_by_key.get(name_key(doc[a:b].text))
                    if code is None:
                        continue
                    span = doc[a:b]
                    region = namesake(span.text, code)
                    named = (entities.setdefault(region.key, region) if region is not None else
                             entities.setdefault(("country", code), country_draft(code, knowledge)))
                    add_mention(doc, named, span.start_char, span.end_char, "COUNTRY")
                    break


def add_roads(doc: Doc, entities: Drafts, knowledge: Knowledge) -> None:
    """Roads named by their endpoints: 'Palmyra to Deir Az Zor highway', 'the Deir az
    Zor-Palmyra highway', 'the Jammu-Srinagar national highway', 'a road linking Palmyra to Deir
    Az Zor city' are one road, whichever way round and however the ends are spelled. Its point is
    halfway between the ends."""
    text = text_of(doc)
    road_words = "(?:" + alternation(knowledge.lexicon.road_words) + ")"
    towns = [ent for ent in entities.values() if ent.facet == "place" and ent.kind in ("city", "town", "village")]
    if len(towns) < 2 or not re.search(road_words, text, re.IGNORECASE):
        return  # most articles: one cheap search, no pattern built
    by_spelling = {t.lower(): ent for ent in towns for t in ent.texts if t}
    town = "|".join(re.escape(t) for t in sorted(by_spelling, key=len, reverse=True))
    joins = alternation(knowledge.lexicon.road_joins)
    named = re.compile(rf"\b(?P<a>{town})\s*(?:{joins})\s*(?P<b>{town})(?:\s+(?:city|town))?(?:\s+[a-z]+)?"
                       rf"\s+(?P<w>{road_words})\b"
                       rf"|\b(?P<w2>{road_words})\s+(?:linking|connecting|between|from)\s+(?P<a2>{town})\s+"
                       rf"(?:to|and|with)\s+(?P<b2>{town})(?:\s+(?:city|town)\b)?", re.IGNORECASE)
    found: list[tuple[int, int, str, EntityDraft, EntityDraft]] = []
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
        name = f"{place_title(one.resolved, one.texts)}–{place_title(other.resolved, other.texts)} {word}"
        road = entities.get(key) or next((ent for ent in known_roads if ent.resolved is not None and
                                          name_key(ent.resolved.name) == name_key(name)), None)
        if road is None:
            a_res, b_res = one.resolved, other.resolved
            lat = lon = None
            if (a_res and b_res and a_res.lat is not None and a_res.lon is not None
                    and b_res.lat is not None and b_res.lon is not None):
                lat, lon = round((a_res.lat + b_res.lat) / 2, 5), round((a_res.lon + b_res.lon) / 2, 5)
            code = a_res.country_code if a_res and b_res and a_res.country_code == b_res.country_code else None
            country = knowledge.countries[code].name if code in knowledge.countries else None
            resolved = Resolved(name, "road", code, country, lat, lon, None, 0.0, known=True)
            road = entities[key] = EntityDraft(key, "place", "road", name, country=code, resolved=resolved)
        add_mention(doc, road, start, end, "PLACE")


def add_the_province(doc: Doc, entities: Drafts, gazetteer: Gazetteer,
                     context: list[str]) -> None:
    """'... in Deir Az Zor to the east of the Euphrates River, which bisects the province':
    'the province' is the last province named in the paragraph, or the province of the last
    city named there (Deir ez-Zor Governorate, told apart from the city). When that city shares
    its province's name and a relative clause of the same sentence calls the area the province,
    the name meant the province all along."""
    text = text_of(doc)
    lexicon = gazetteer.knowledge.lexicon
    the_province = re.compile(r"\bthe (?:" + alternation(lexicon.province_anaphors) + r")\b")
    for match in the_province.finditer(text):
        earlier = [(m, ent) for ent in entities.values()
                   if ent.facet == "place" and ent.kind in ("city", "town", "province")
                   for m in ent.mentions if m.end <= match.start() and "\n\n" not in text[m.end:match.start()]]
        if not earlier:
            continue
        mention, ent = max(earlier, key=lambda pair: pair[0].end)
        target: EntityDraft | None = ent if ent.kind == "province" else None
        if target is None:
            name = text[mention.start:mention.end]
            resolved = gazetteer.resolve(f"{name} province", context, "province")
            if resolved is None or resolved.kind != "province" or resolved.country_code != ent.country:
                continue
            found = place_draft(resolved, name)
            target = entities.setdefault(found.key, found)
            if (_describes_within(doc, mention.start, match.start())
                    and _province_of_same_name(name, resolved.name, lexicon)
                    and not text.startswith(" city", mention.end)):
                move_mention(entities, ent, target, mention, name)
        add_mention(doc, target, match.start(), match.end(), "PLACE")


def _describes_within(doc: Doc, name_at: int, province_at: int) -> bool:
    """'the province' sits in a relative clause of the sentence that names the city ('in Deir Az
    Zor to the east of the Euphrates River, which bisects the province'), describing the very
    area the sentence just named; 'entered Idlib, and fighting spread across the province' goes
    on to a wider area in a clause of its own."""
    name = doc.char_span(name_at, name_at + 1, alignment_mode="expand")
    province = doc.char_span(province_at, province_at + 1, alignment_mode="expand")
    if name is None or province is None or name[0].sent.start != province[0].sent.start:
        return False
    return any(t.dep_ in ("relcl", "acl") for t in province[0].ancestors)


def _province_of_same_name(city: str, province: str, lexicon: Lexicon) -> bool:
    """'Deir Az Zor' and 'Deir ez-Zor Governorate'; 'Idlib' and 'Idlib Governorate'."""
    words = province.split()
    if words and words[-1].lower() in lexicon.place_kind_words_for("province", "region"):
        words = words[:-1]
    return name_key(" ".join(words)) == name_key(city)


def merge_short_names(entities: Drafts) -> None:
    """A surname met before the full name ('Braverman (left)' in a caption, 'Suella Braverman'
    later) is the one person with that surname; a given name the model cut from a full name
    before it met the whole ('James' of 'James Tan of the party', 'James Tan' later) is the one
    person with that given name. A name written with dotted initials ('the N.Y. Harbor Board',
    'West P.B.') is the one other name of the story whose words those letters begin ('New York
    Harbor Board'), if the initials alone read as nothing."""
    people = [e for e in entities.values() if e.kind == "person"]
    for key, ent in list(entities.items()):
        whole = _spelt_out(ent, entities) or _one_owner(ent, people)
        if whole is not None:
            whole.mentions.extend(ent.mentions)
            whole.texts.extend(ent.texts)
            del entities[key]


def _one_owner(ent: EntityDraft, people: list[EntityDraft]) -> EntityDraft | None:
    """The one person whose full name ends with `ent`'s one-word name, or, for a person, begins
    with it; None if none or several do."""
    if ent.facet != "actor" or ent.known is not None or ent.kind not in ("person", "organisation"):
        return None
    words = {name_key(t) for t in ent.texts}
    if any(len(w.split()) != 1 for w in words):
        return None
    owners = _owners(ent, people, words, -1) or (_owners(ent, people, words, 0) if ent.kind == "person" else [])
    return owners[0] if len({id(o) for o in owners}) == 1 else None


INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")


def _spelt_out(ent: EntityDraft, entities: Drafts) -> EntityDraft | None:
    """The one other entity of the same facet whose name spells out the dotted initials in
    `ent`'s name word by word; None if `ent` has no such name or is itself read."""
    if ent.known is not None or ent.resolved is not None or ent.facet == "country":
        return None
    short = [t.split() for t in ent.texts if INITIALS.search(t)]
    if not short or len(short) != len(ent.texts):
        return None
    wholes = {id(e): e for e in entities.values() if e is not ent and e.facet == ent.facet
              and not any(INITIALS.search(t) for t in e.texts)
              and any(_spells_out(words, t.split()) for t in e.texts for words in short)}
    return next(iter(wholes.values())) if len(wholes) == 1 else None


def _spells_out(short: list[str], whole: list[str]) -> bool:
    """'West P.B.' and 'West Palm Beach': each initial begins one word, every other word is the same."""
    at = 0
    for word in short:
        letters = word.replace(".", "") if INITIALS.fullmatch(word) else None
        parts = list(letters) if letters else [word]
        for part in parts:
            if at >= len(whole):
                return False
            written = whole[at][:1] if letters else whole[at]
            if written.lower() != part.lower():
                return False
            at += 1
    return at == len(whole)


def _owners(ent: EntityDraft, people: list[EntityDraft], words: set[str], at: int) -> list[EntityDraft]:
    """The people other than `ent` whose full name has one of `words` as its last word (`at` -1)
    or its first (0)."""
    return [p for p in people if p is not ent and any(len(full) > 1 and full[at] in words
                                                      for full in (name_key(t).split() for t in p.texts))]


def add_repeated_names(doc: Doc, selected: list[Candidate], entities: Drafts) -> None:
    """Every later 'Montalvo' is Daniel Montalvo and every later 'Sea Org' is the Sea Org, even
    where the model missed them: a name found once is looked for everywhere in the article, and
    in capitals in a headline in capitals ('MONTALVO'; `capital_lines`)."""
    taken = [(c.start, c.end) for c in selected]
    for ent in entities.values():
        if ent.facet != "actor":
            continue  # a place name repeats as a person's or a disease's too often ('West Nile')
        forms = {t for t in ent.texts if t[:1].isupper() and (len(t) >= 4 or (t.isupper() and len(t) >= 2))}
        if ent.kind == "person":
            full = max(ent.texts, key=lambda t: len(t.split()))
            words = full.split()
            if len(words) >= 2 and len(words[-1]) > 2 and words[-1][:1].isupper():
                forms.add(words[-1])
        label = "PERSON" if ent.kind == "person" else "ORG" if ent.facet == "actor" else "GPE"
        for form in sorted(forms, key=len, reverse=True):
            for a, b in whole_word_spans(text_of(doc), form) + in_capitals(doc, form):
                if any(x < b and a < y for x, y in taken):
                    continue
                span = doc.char_span(a, b)
                if span is None or not _inside_readable(doc, span):
                    continue
                ent.mentions.append(Candidate(a, b, label, None, "rule", (span.start, span.end)))
                ent.texts.append(form)
                taken.append((a, b))


def _inside_readable(doc: Doc, span: DocSpan) -> bool:
    # Masked stretches (credits, datelines) are blanks in text_of(doc), so a match there cannot
    # happen; this guards against a name running into a blanked stretch.
    return not any(t.is_space for t in span)


def tell_namesakes_apart(entities: Drafts, context: list[str], knowledge: Knowledge) -> None:
    """A body the knowledge base knows by a name other countries' bodies bear too
    (`Knowledge.named_abroad`: 'Democratic Party', 'Labour Party') is that country's own only in
    a story that names the country or a place in it. A story whose places lie mostly in one other
    country (two places or more there, two thirds of the mentions of places: an election or an
    arrest told from that country's towns) names the body of that name there: titled with its
    country so that readers tell the two apart ('Democratic Party (Hong Kong)'), and with no
    knowledge-base identity, so it gets a page of its own. A story whose places are spread, or
    that names countries only as actors ('Brazil and India both criticised the plan'), has not
    said where it is set."""
    where: Counter[str] = Counter()   # country -> mentions of places in it (a country acting is no place)
    places: Counter[str] = Counter()  # country -> places named in it
    for ent in entities.values():
        code = ent.country if ent.facet == "country" and ent.votes["place"] >= ent.votes["actor"] else (
            ent.resolved.country_code if ent.facet == "place" and ent.resolved and ent.kind != "continent" else None)
        if code:
            where[code] += len(ent.mentions)
            places[code] += 1
    if not where:
        return
    home, count = where.most_common(1)[0]
    if places[home] < 2 or 3 * count < 2 * sum(where.values()) or home not in knowledge.countries:
        return
    for ent in entities.values():
        known = ent.known
        if ent.facet != "actor" or known is None or known.country in (home, *context, *where) \
                or not knowledge.named_abroad(known):
            continue
        ent.name, ent.country, ent.known = f"{known.name} ({knowledge.countries[home].name})", home, None


def attach_generic_forces(doc: Doc, selected: list[Candidate], entities: Drafts,
                          context: list[str], lexicon: Lexicon) -> None:
    """'the army', 'the military', 'government fighters' refer to the armed force of the country
    the story is set in (the one named first), when the story names that force: 'the army' in a
    Syria story that also names the Russian military is the Syrian army, and 'government forces'
    in a Pakistan story that names only the U.S. Army are not the U.S. Army."""
    forces = [e for e in entities.values() if e.kind == "armed-force" and context and e.country == context[0]]
    if len(forces) != 1:
        return
    taken = [(c.start, c.end) for c in selected]
    for token in tokens_lowered_as(doc, lexicon.generic_forces | lexicon.government_forces):
        if token.i == 0:
            continue
        before = doc[token.i - 1]
        if token.lower_ in lexicon.generic_forces and before.lower_ == "the" and token.dep_ != "amod":
            first = token
        elif (token.lower_ in lexicon.government_forces and before.lower_ == "government"
              and not (before.i > 0 and doc[before.i - 1].text == "-")):  # not 'pro-government forces'
            first = before
        else:
            continue
        start, end = first.idx, token.idx + len(token.text)
        if not any(a < end and start < b for a, b in taken):
            forces[0].mentions.append(Candidate(start, end, "FORCES", None, "rule", (first.i, token.i + 1)))
