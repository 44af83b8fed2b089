"""Find candidate mentions in a parsed article: knowledge-base matches, cleaned-up named
entities, acronym definitions. Finding only: `entities.py` decides what they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..text import name_key, whole_word_spans
from .candidate import Candidate
from .capital_lines import kept_lines, read_in_capitals
from .knowledge import Knowledge
from .missed_names import (
    follows_placing_word,
    gazetteer_names,
    kind_word_names,
    names_local_body,
    part_of,
    road_end_names,
    whole_place_name,
    with_bracket_areas,
)
from .name_edges import after_compass_pair, clean_entity, extend_name, town_of_venue, where_inside
from .nlp import lowercase_words_of, text_of
from .score_lines import as_teams
from .sport_lists import list_persons
from .sport_sides import as_sides
from .vocabulary import Lexicon

MOST_YEARS = 110  # the oldest age news gives a person
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")  # the model's names; not dates, numbers, works


@lru_cache(maxsize=4)
def _matchers(nlp: Language, knowledge: Knowledge) -> PhraseMatcher:
    phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
    tokenizer = nlp.tokenizer
    lexicon = knowledge.lexicon

    def add(label: str, names: set[str]) -> None:
        docs = [tokenizer(n) for n in sorted(names) if n.strip()]
        if docs:
            phrases.add(label, docs)

    for code, country in sorted(knowledge.countries.items()):
        add(f"COUNTRY|{code}", {country.name, *country.aliases, *_the(country.name, lexicon)})
        if country.forces:
            add(f"FORCES|{code}", {country.forces, *country.forces_aliases})
    for actor in knowledge.actors:
        add(f"ACTOR|{actor.name}", {actor.name, *actor.aliases})
    for place in knowledge.places:
        # A road is named by its ends: its names hold other places ('Palmyra to Deir Az Zor
        # highway'), which `select` keeps as mentions of their own.
        add(f"{'ROAD' if place.kind == 'road' else 'PLACE'}|{place.name}", {place.name, *place.aliases})
    # Demonym phrases ('Syrian army', 'North Korean officials') as phrases too: a PhraseMatcher is
    # a hash lookup, where token patterns for 250 countries cost more than the parse.
    for code, country in sorted(knowledge.countries.items()):
        for demonym in country.demonyms:
            # 'Syrian government forces' are the army, not the state.
            add(f"FORCES|{code}", {f"{demonym}{gov} {noun}" for n in lexicon.force_nouns for noun in (n, n.title())
                                   for gov in ("", " government", " Government")})
            add(f"STATE|{code}", {f"{demonym} {noun}" for n in lexicon.state_nouns for noun in (n, n.title())})
    return phrases


@lru_cache(maxsize=4)
def _archive_labels(knowledge: Knowledge) -> frozenset[str]:
    """The matcher labels of names only the archive's entity files give."""
    return frozenset({f"ACTOR|{a.name}" for a in knowledge.actors if a.archive}
                     | {f"PLACE|{p.name}" for p in knowledge.places if p.archive})


def _names_a_day(doc: Doc, cand: Candidate, dates: list[DocSpan], knowledge: Knowledge) -> bool:
    """The name begins a named day: 'Day' follows it ('the Labour Day parade'), or a capitalised
    word that is no weekday or month goes on inside a date the model read ('Australia Day')."""
    j = cand.tokens[1]
    if j >= len(doc):
        return False
    after = doc[j]
    return after.text == "Day" or (after.text[:1].isupper() and after.lower_ not in knowledge.months
                                   and after.lower_ not in knowledge.weekday_numbers
                                   and any(d.start <= cand.tokens[0] and j < d.end for d in dates))


def _the(name: str, lexicon: Lexicon) -> set[str]:
    """'the United States': a country whose name news writes with 'the'."""
    return {f"the {name}"} if name.startswith(lexicon.definite_country_starts) else set()


def find_candidates(doc: Doc, nlp: Language, knowledge: Knowledge, readable: list[tuple[int, int]],
                    places: Iterable[tuple[int, int]] = (), known_place: Callable[[str], bool] | None = None,
                    placed_name: Callable[[str], bool] | None = None) -> list[Candidate]:
    """All candidate mentions, overlapping freely; `select` picks among them. `places`: stretches
    the layout says name a place (a wire dateline's 'ANTAKYA, Turkey'), whatever the model says."""
    phrases = _matchers(nlp, knowledge)
    lexicon = knowledge.lexicon
    found: list[Candidate] = []
    for start, end in places:
        if (span := doc.char_span(start, end, alignment_mode="expand")) is not None:
            found.append(Candidate(start, end, "GPE", None, "rule", (span.start, span.end)))
    model_names = [(e.start, e.end) for e in doc.ents if e.label_ in NAME_LABELS]
    for match_id, i, j in phrases(doc):
        label, ref = nlp.vocab.strings[match_id].split("|", 1)
        if after_compass_pair(doc, i, j, lexicon) is not None:
            continue  # an entity file the annotator once wrote for 'North and South Korea'
        if any(i < a < j < b for a, b in model_names) and \
                nlp.vocab.strings[match_id] in _archive_labels(knowledge):
            # The name of an archive's entity file ending inside a name the model read: a file
            # an earlier reading wrote for a cut name ('University of Weston at Port' over 'Port
            # Royal'). Not a name the model began earlier (its span may run on past where a name
            # begins), and not a shipped name, which is vetted ('Ruritanian Red Crescent Society'
            # over a person the model began at 'Society').
            continue
        if label == "STATE" and doc[j - 1].lower_ not in lexicon.state_naming_nouns:
            j -= 1  # 'North Korean threats': the state is named by 'North Korean' alone
        span = doc[i:j]
        if label == "COUNTRY" and span.text.startswith("the "):
            span = doc[i + 1:j]
            i += 1
        found.append(Candidate(span.start_char, span.end_char, label, ref, "kb", (i, j)))
        # 'Russian or Syrian government jets', 'US and Iraqi forces': the first demonym shares the noun.
        shared = label in ("FORCES", "STATE") and i >= 2 and doc[i - 1].lower_ in ("and", "or")
        if shared and (code := knowledge.country_by_demonym.get(doc[i - 2].text)) is not None:
            found.append(Candidate(doc[i - 2].idx, doc[i - 2].idx + len(doc[i - 2]), label, code, "kb",
                                   (i - 2, i - 1)))
    lowercase_words = lowercase_words_of(doc)
    things = _things_named(doc, knowledge)
    thing_spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ("ORG", "NORP", "PERSON", *lexicon.misread_place_labels) and placed_name is not None \
                and names_local_body(doc, ent, lexicon) and placed_name(ent.text):
            # 'Masvingo municipal police', 'the Bhisho legislature': whose police, whose
            # legislature, a town the gazetteer knows by that very name.
            found.append(Candidate(ent.start_char, ent.end_char, "GPE", None, "rule", (ent.start, ent.end)))
            continue
        if ent.label_ in lexicon.misread_place_labels and _after_locative(doc, ent, lexicon) \
                and ent.text not in knowledge.country_by_demonym:
            # 'stall wallahs in Calcutta', 'located in Winnipeg': the small model's PRODUCT, or
            # 'returned to Tunis' its NORP (but 'at Thai harbours' is a nationality's). A guess:
            # it counts only if the gazetteer knows a big city of that name.
            found.append(Candidate(ent.start_char, ent.end_char, "GPE", None, "guess", (ent.start, ent.end)))
            continue
        if ent.label_ in ("ORG", "NORP", "PERSON") and part_of(doc, ent, lexicon) \
                and any(known is not None and known(ent.text) for known in (known_place, placed_name)):
            # A town after a word for a part of a place ('the X area of <town>', 'west of <town>',
            # 'the countryside of <town>') is that town, whatever the model read (an
            # organisation, a nationality, a person): a big city by any of its names, or a town
            # the gazetteer knows by that very name.
            found.append(Candidate(ent.start_char, ent.end_char, "GPE", None, "rule", (ent.start, ent.end)))
        if ent.label_ not in NAME_LABELS:
            continue
        if known_place is not None and (town := town_of_venue(ent, lexicon, known_place, placed_name)) is not None:
            found.append(Candidate(town.start_char, town.end_char, "GPE", None, "inner", (town.start, town.end)))
        if ent.label_ != "ORG" and _common_noun(ent, lowercase_words):
            continue
        if _is_thing(ent, things, lexicon):
            thing_spans.append((ent.start_char, ent.end_char))
            continue
        start, ent_label = ent.start, ent.label_
        if ent_label in ("GPE", "LOC", "NORP", "ORG") and \
                (name_at := after_compass_pair(doc, start, ent.end, lexicon)) is not None:
            start = name_at  # 'North and South Korea': 'South Korea' is the name written whole
        if ent_label in ("GPE", "LOC", "ORG", "FAC") and _person_by_apposition(ent, lexicon):
            ent_label = "PERSON"
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= ent.start \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1  # 'Valeska' + 'Paris': the model cut the name in two
        end = extend_name(doc, start, ent.end, ent_label, lexicon)
        if ent_label in ("GPE", "LOC") and placed_name is not None:
            start, end = whole_place_name(doc, start, end, lexicon, placed_name)
        if ent_label in ("ORG", "FAC") and (where := where_inside(doc, start, end, lexicon)) is not None:
            # 'the US embassy in Kabul', 'the Working Boundary in Shakargarh': the model's name
            # ends with where the body or building is; that is a place, if the gazetteer backs it.
            town = doc[where:end]
            found.append(Candidate(town.start_char, town.end_char, "GPE", None, "placed", (where, end)))
            end = where - 1
        for i, j in clean_entity(doc, start, end, ent_label, lexicon):
            span = doc[i:j]
            label = ent_label
            if label == "PERSON" and span.text.isupper() and len(span.text) <= 6:
                label = "ORG"  # 'DAB', 'FTU': an acronym names an organisation, not a person
            descriptor = doc[i].lower_ in lexicon.area_words
            if label == "PERSON" and j - i >= 2 and (descriptor or doc[i].lower_ in lexicon.place_name_heads):
                label = "GPE" if descriptor else "LOC"
                if descriptor:
                    i += 1
                    span = doc[i:j]
            found.append(Candidate(span.start_char, span.end_char, label, None, "ner", (i, j)))
    found.extend(kind_word_names(doc, lexicon))
    if placed_name is not None and (ends := road_end_names(doc, lexicon, placed_name)):
        # the model's other reading of a road's ends ('Dhaka-Chittagong' as an organisation) gives way
        read = {(c.start, c.end) for c in found if c.source == "ner" and c.label in ("GPE", "LOC")}
        ends = [e for e in ends if (e.start, e.end) not in read]
        found = [c for c in found if c.source != "ner" or c.label in ("GPE", "LOC")
                 or not any(e.start < c.end and c.start < e.end for e in ends)]
        found += ends
    if known_place is not None:
        found.extend(gazetteer_names(doc, found, known_place, lexicon, placed_name))
    if thing_spans:  # 'Nile' inside 'West Nile virus' is no river
        found = [c for c in found if not any(a <= c.start and c.end <= b for a, b in thing_spans)]
    # ... and a listed thing is none, whichever rule found it ('a Molotov cocktail': the gazetteer's
    # guess of a capitalised word)
    found = [c for c in found if name_key(text_of(doc)[c.start:c.end]) not in things]
    # 'on 27 Jan', 'Jan 21': a word of a date or a time names no place or person, whatever a
    # gazetteer's alternate names say ('Jan' is a name of Dschang, Cameroon).
    times = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    # What a rule reads as a place ('Turbat district', 'the town of X', 'the area of Lusaka') stays
    # one whatever the model says.
    found = [c for c in found if c.source in ("kb", "rule") or not any(a <= c.start and c.end <= b for a, b in times)]
    # ... and a name that begins a named day is the day's ('Labour Day': no party; 'Australia
    # Day', 'Army Day').
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    found = [c for c in found if not _names_a_day(doc, c, dates, knowledge)]
    inside = [c for c in found if any(a <= c.start and c.end <= b for a, b in readable)]
    found = list_persons(doc, as_teams(doc, with_bracket_areas(doc, inside, lexicon)), knowledge, text_of(doc))
    return read_in_capitals(doc, as_sides(doc, found, knowledge, known_place))


def _after_locative(doc: Doc, ent: DocSpan, lexicon: Lexicon) -> bool:
    """One capitalised proper noun right after 'in', 'from', 'near' ..."""
    return (len(ent) == 1 and follows_placing_word(doc, ent.start, lexicon) and ent[0].pos_ == "PROPN"
            and ent.text[:1].isupper() and not ent.text.isupper())


def _things_named(doc: Doc, knowledge: Knowledge) -> frozenset[str]:
    """The knowledge base's things (products, vehicles, events, diseases) plus, for those of
    several words this article names, their last word ('Space Shuttle Atlantis', then
    'Atlantis'), or for a disease the name before its kind ('West Nile virus', then 'West Nile')."""
    text = text_of(doc).lower()  # keys are lower case; a plain search is enough to find them
    named = [key for key in knowledge.things if " " in key and key in text]
    heads = knowledge.lexicon.bare_disease_heads
    short = {key.rsplit(" ", 1)[0] if key.endswith(heads) else key.rsplit(" ", 1)[1] for key in named}
    return knowledge.things | short if short else knowledge.things


def _is_thing(ent: DocSpan, things: frozenset[str], lexicon: Lexicon) -> bool:
    """'Chrome', 'Internet Explorer 6', "Internet Explorer's": a listed thing, with a version
    number or a possessive after it."""
    words = [t for t in ent if not (t.like_num or t.text in ("'s", "’s", "'", "’"))]
    while words and words[0].lower_ in lexicon.determiners:
        words = words[1:]
    return bool(words) and name_key(" ".join(t.text for t in words)) in things


def _person_by_apposition(ent: DocSpan, lexicon: Lexicon) -> bool:
    """The name is in apposition to a noun for a human: its own appositive ('Paris, an
    Australian woman') or the noun it stands beside ('their child, Gloria'); or to an age between
    commas, as news gives a person's ('Jo Reed, 38, of Leeds'). A name the model took for an
    organisation is a person too when its own appositive is an office only a person holds, in a
    body the sentence names ('J.P. Morgenthal, vice president of the Pell Arts Trust')."""
    root = ent.root
    own = [c for c in root.children if c.dep_ == "appos"]
    nouns = own + ([root.head] if root.dep_ == "appos" else [])
    if ent.label_ == "ORG" and any(n.lemma_.lower() in lexicon.office_holders and n.pos_ == "NOUN"
                                   and _of_an_organisation(n) for n in own):
        return True
    return any((n.lemma_.lower() in lexicon.person_nouns and n.pos_ == "NOUN") or _an_age(n) for n in nouns)


def _of_an_organisation(office: Token) -> bool:
    """'officer at the Pell Arts Trust', 'president of Brindle Bank': the office is held in a body
    the sentence names."""
    return any(prep.lower_ in ("of", "at") and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in prep.children)
               for prep in office.children if prep.dep_ == "prep")


def _an_age(token: Token) -> bool:
    """'38' in ', 38,': a whole number a person may be old, between commas."""
    doc = token.doc
    return (token.text.isdigit() and 0 < int(token.text) <= MOST_YEARS and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].text == "," and doc[token.i + 1].text in (",", ")"))


def _common_noun(ent: DocSpan, lowercase_words: frozenset[str]) -> bool:
    """'Iodine', 'Polaroid', 'STS-1' typed PERSON: a name whose words the article also writes in
    lower case ('iodine', 'polaroids') is a common noun, and a person's name has no digits."""
    words = [t for t in ent if t.is_alpha]
    if ent.label_ != "ORG" and any(any(ch.isdigit() for ch in t.text) for t in ent):
        return True  # 'IE6', 'STS-1': versions and missions, not people or places
    return bool(words) and all(t.lower_ in lowercase_words or t.lower_ + "s" in lowercase_words
                               or t.lower_.rstrip("s") in lowercase_words for t in words)


def select(candidates: list[Candidate], text: str = "") -> list[Candidate]:
    """Non-overlapping candidates: longest first; on equal length the knowledge base wins.

    A model entity that is only a known name plus lower-case words ('AFP news agency',
    'Hezbollah media unit'), or a name a rule read plus lower-case words that the model did not
    take for a place ('Ain al Arab city' as a person), gives way to that name. The one overlap allowed: the places
    inside a known road's name ('Palmyra' in 'Palmyra to Deir Az Zor highway') or a venue's
    ('Karachi' in 'Karachi Press Club', source 'inner') are kept too.
    """
    rank = {"kb": 0, "rule": 1, "inner": 1, "ner": 2, "guess": 3, "placed": 3}
    known = [c for c in candidates if c.source in ("kb", "rule")]

    def padded_known(c: Candidate) -> bool:
        for k in known:
            if k.source == "rule" and c.label in ("GPE", "LOC", "FAC"):
                continue  # the model's 'Kermanshah province' is the place the rule's 'Kermanshah' is
            if c.start <= k.start and k.end <= c.end and (k.start, k.end) != (c.start, c.end):
                rest = (text[c.start:k.start] + " " + text[k.end:c.end]).split()
                if rest and all(w.islower() for w in rest):
                    return True
        return False

    if text:
        candidates = [c for c in candidates if c.source in ("kb", "rule") or not padded_known(c)]
    order = sorted(candidates, key=lambda c: (-c.length, rank[c.source], c.start, c.label))
    taken: list[Candidate] = []
    for cand in order:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    roads = [t for t in taken if t.label == "ROAD"]
    inner: list[Candidate] = []  # the towns a road or a venue is named by stay mentions of their own
    for cand in order:
        holders = taken if cand.source == "inner" else roads
        if cand.label != "ROAD" and any(r.start <= cand.start and cand.end <= r.end and cand.length < r.length
                                        for r in holders) and \
                all(cand.end <= t.start or cand.start >= t.end for t in inner):
            inner.append(cand)
    return sorted(taken + inner, key=lambda c: (c.start, -c.length))


def acronym_definitions(doc: Doc, selected: list[Candidate], knowledge: Knowledge) -> dict[str, Candidate]:
    """'Physicians for Human Rights (PHR)' -> {'PHR': <that name>}; also '(ISIL, also known as ISIS)'."""
    by_end = {c.end: c for c in selected}
    out: dict[str, Candidate] = {}
    text = text_of(doc)
    for match in knowledge.patterns.names.acronym_definition.finditer(text):
        acronym = match.group(1)
        before = text[: match.start()].rstrip()
        cand = by_end.get(len(before))
        if cand is None or cand.label in ("PERSON",):
            continue
        if _initials_fit(acronym, text[cand.start:cand.end]):
            out.setdefault(acronym, cand)
    return out


def acronym_uses(doc: Doc, selected: list[Candidate], acronyms: dict[str, Candidate]) -> list[Candidate]:
    """Each use of an acronym the story defines ('the National Front (NF) ... NF leaders'), from
    its definition on, that no candidate covers, as a candidate of the name's label (`entities`
    then reads it as the name): the model often leaves an acronym it does not know untyped. Not
    in a line of capitals (`capital_lines`): 'AN ANGRY VOTE' has words that spell like one."""
    text = text_of(doc)
    # what a candidate covers, and the lines of capitals
    skipped = [(c.start, c.end) for c in selected] + kept_lines(doc)
    out: list[Candidate] = []
    for acronym, defined in acronyms.items():
        for start, end in whole_word_spans(text[defined.end:], acronym):
            start, end = defined.end + start, defined.end + end
            span = doc.char_span(start, end)
            if span is None or any(a < end and start < b for a, b in skipped):
                continue
            out.append(Candidate(start, end, defined.label, defined.ref, "rule", (span.start, span.end)))
    return out


def _initials_fit(acronym: str, name: str) -> bool:
    """The acronym's capitals are the name's initials, in order or, for a name translated from
    a language that orders its words otherwise, all of them in another order ('National Alliance
    (AN)', 'Revolutionary Armed Forces of Colombia (FARC)')."""
    capitals = [w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    letters = [ch for ch in acronym if ch.isupper()]
    it = iter(capitals)
    in_order = all(any(ch == c for c in it) for ch in letters)
    return len(letters) >= 2 and (in_order or sorted(letters) == sorted(capitals))
