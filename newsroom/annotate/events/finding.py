"""Events, read sentence by sentence: the triggers of a sentence (events.yaml), the one highest in
its parse that a frame turns into a type (event_frames.yaml) given who takes part, the event's
details (place, time, deaths, who says so), and its confidence from named evidence."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ...model import ACLED_EVENT_TYPES, DEFAULT_CONFIDENCE_THRESHOLD, VIOLENT_TYPES, Actor, Event, Place, Span
from ..confidence import confidence
from ..dates import find_when
from ..event_rules import Frame, Trigger
from ..gazetteer import split_kind_word
from ..knowledge import Knowledge
from ..nlp import definite, first_conjunct, text_of
from .details import (
    according_to,
    add_counted_deaths,
    describes_source,
    mark_put_down,
    merge_followups,
    merge_retold,
    most_precise,
    names_money,
    seat,
    story_place,
    token_of,
    venue,
)
from .evidence import VIOLENT_CLASSES, ArticleContext, event_evidence
from .fatalities import Count, fatalities
from .participants import Participants, present_in, read_participants
from .triggers import sentence_triggers, tells_force, wished
from .victims import agent_tokens

# Types whose events are fights, blasts, attacks or crowds: one only urged, vowed or feared has
# not happened ('pressed his followers to keep fighting', 'warned of attacks').
VIOLENT = {*VIOLENT_TYPES, "Protests"}
PLANNED_TYPES = ("Strategic developments", "Diplomacy")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# What says a death had a hand in it: armed men, weapons, a crowd, a fight, a doer however named.
BY_A_HAND = frozenset({"armed", "explosives", "firearms", "crowd", "stones_thrown", "riot_act", "in_fight", "in_clash",
                       "unidentified", "armed_group_named", "crowd_doers", "mob"})
# 'two of them', 'six shells of those': a part of what an earlier sentence told.
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these"})


def find_events(doc: Doc, sentences: list[Span], actors: list[Actor], places: list[Place],
                article_date: str | None, knowledge: Knowledge, paragraphs: list[Span] | None = None) -> list[Event]:
    """At most one event per sentence. `doc` is the parsed article (offsets of the raw text);
    `knowledge` gives the triggers, the frames, the words read by and the seats of bodies.
    `paragraphs`: the story's paragraphs, whose earlier sentences give a place to an event its
    own sentence leaves unplaced ('... in Feni town. Police arrested four attackers.')."""
    spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sentences]
    # Most sentences of a story have no trigger word at all: one search says so for each.
    triggered = [knowledge.events.any_trigger.search(s.text.lower()) is not None for s in sentences]
    parsed = [(span, t) for span, t in zip(spans, triggered, strict=True) if span is not None]
    context = ArticleContext.read([span for span, _ in parsed], knowledge.events, [t for _, t in parsed])
    found: list[tuple[int, Event]] = []
    follows: set[int] = set()  # the sentences whose event goes on telling an earlier one
    refers: set[int] = set()  # ... of them, those that name it as one the reader knows ('the gunfight')
    fights: set[int] = set()  # ... of them, those told with a fight word ('in the clashes')
    counted: dict[int, tuple[Count, str]] = {}  # sentences that are no event and only count deaths
    put_down: set[int] = set()  # sentences that are no event and tell a crowd broken up
    before: list[tuple[Span, Actor]] = []
    named_before: set[str] = set()  # the actors of the sentences read so far
    for n, (sentence, span) in enumerate(zip(sentences, spans, strict=True)):
        in_actors = [(m, a) for a in actors for m in a.mentions if _inside(m, sentence)]
        after_hazard = _after_hazard(spans, sentences, n, found, knowledge)
        if span is not None and triggered[n] and (reading := _read(span, sentence, in_actors, knowledge,
                                                                   after_hazard)):
            trigger, head, frame, participants = reading
            paragraph = next((b for b in paragraphs or [] if _inside(sentence, b)), None)
            in_places = _places_of(doc, sentence, places, paragraph, knowledge.lexicon.stance_prefixes)
            event = _event(doc, span, trigger, head, frame, sentence, in_actors, before, in_places, places,
                           paragraph, article_date, knowledge)
            event.signals = event_evidence(frame.type, trigger.cls, span, head, participants, bool(in_actors),
                                           event.place is not None, bool(event.fatalities),
                                           _years_before(sentence.text, article_date), context, knowledge.events,
                                           knowledge.lexicon.modal_verbs, position=n, dated=event.when is not None,
                                           attributed=event.according_to is not None)
            event.confidence = confidence(knowledge.confidence.get("event"), event.signals)
            found.append((n, event))
            if _goes_on(span, trigger, head, in_actors, named_before, sentence, places, knowledge):
                follows.add(n)
                if _known(head, knowledge):
                    refers.add(n)
                if _a_fight(trigger) or participants.facts & {"in_fight", "in_clash"}:
                    fights.add(n)  # 'in the clashes', 'killed in the exchange of fire'
        elif span is not None and found and not after_hazard() and (
                count := _only_counts(span, sentence, in_actors, named_before, places, knowledge)) is not None:
            counted[n] = (count, sentence.text)
        elif found and triggered[n] and tells_force(sentence.text, knowledge.events):
            put_down.add(n)  # 'Police fired tear gas to disperse them.' after a protest
        before = in_actors
        named_before |= {a.name for _, a in in_actors}
    paragraph_of = {n: next((i for i, b in enumerate(paragraphs or []) if _inside(sentences[n], b)), -1)
                    for n in [*(n for n, _ in found), *counted, *put_down]}
    merged = merge_followups(found, follows, refers, fights, paragraph_of, knowledge.lexicon)
    mark_put_down(merged, put_down, paragraph_of)
    add_counted_deaths(merged, counted, paragraph_of, knowledge.lexicon)
    return merge_retold(merged)


def _after_hazard(spans: list[DocSpan | None], sentences: list[Span], n: int, found: list[tuple[int, Event]],
                  knowledge: Knowledge) -> Callable[[], bool]:
    """Whether the sentence before the n-th told a hazard and no event ('A bus collided with a
    truck on the A1. Two people were killed, police said.'): deaths the next sentence tells
    without a hand of their own are the accident's, as they are inside one sentence. Asked only
    of a sentence that tells deaths, so read only then."""
    def ask() -> bool:
        before = spans[n - 1] if n > 0 else None
        if before is None or (found and found[-1][0] == n - 1):
            return False
        said = sentence_triggers(before, sentences[n - 1], False, knowledge)[1]  # 'opened fire' is no blaze
        return bool(present_in(before, [], said, knowledge).found.get("hazards"))
    return ask


def _only_counts(span: DocSpan, sentence: Span, in_actors: list[tuple[Span, Actor]], named_before: set[str],
                 places: list[Place], knowledge: Knowledge) -> Count | None:
    """The deaths a sentence that is no event counts ('Three victims died on Saturday night.'),
    when it names no side and no place the story has not named already (a hospital where the hurt
    died is neither), and no hazard (a death of disease or in a crash is no one's violence)."""
    care = knowledge.lexicon.care_words
    if any(a.name not in named_before and not _where_treated(a.name, care) for _, a in in_actors) \
            or _own_place(span.doc, sentence, places, care):
        return None
    count = fatalities(span, knowledge)
    if count is None or present_in(span, [], set(), knowledge).found.get("hazards"):
        return None
    return count


def _goes_on(span: DocSpan, trigger: Trigger, head: Token, in_actors: list[tuple[Span, Actor]], named_before: set[str],
             sentence: Span, places: list[Place], knowledge: Knowledge) -> bool:
    """Whether the sentence goes on telling an event already told: it names a fight or attack as
    one the reader knows ('During the encounter, two militants were killed', 'Two killed in the
    clashes'), or it only counts the dead or the hurt, with no place and no side the story has not
    named already ('2 farmers died'; 'AMISOM forces clash with al Shabaab. Two al Shabaab dead.';
    'Another 13 were wounded.'), or it counts a part of what was told ('... firing 36 shells at
    the posts. Six shells of them hit the area', 'Two of them were killed')."""
    if any(t.lower_ in PARTITIVE_PRONOUNS and t.dep_ == "pobj" and t.head.lower_ == "of" for t in span):
        return True
    for token in span:
        if token.pos_ == "NOUN" and definite(token, knowledge.lexicon.definite_determiners) and any(
                t.cls in VIOLENT_CLASSES and t.pattern.fullmatch(token.text) for t in knowledge.events.triggers):
            return True
    if _known(head, knowledge):
        return True
    return ((trigger.cls == "kill" or trigger.casualty) and all(a.name in named_before for _, a in in_actors)
            and not _own_place(span.doc, sentence, places))


def _known(head: Token, knowledge: Knowledge) -> bool:
    """The event's own word names it as one the reader knows, with a definite determiner or a
    possessive ('the gunfight took place', "in the neighborhood of Saturday's gun battle"): a
    retelling, however far back the event was told. Not a known fight named only in a clause
    ('opened fire on civilians after the militants' ambush')."""
    return head.pos_ == "NOUN" and (definite(head, knowledge.lexicon.definite_determiners)
                                    or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children))


def _own_place(doc: Doc, sentence: Span, places: list[Place], care_words: frozenset[str] = frozenset()) -> bool:
    """The sentence names a place; not one that only says whose the dead were ('6 Myanmar soldiers'),
    nor a hospital, where the hurt of an event told before died ('He died at X Hospital')."""
    return any(_inside(m, sentence) and not _modifies_a_noun(doc, m) and not _where_treated(p.name, care_words)
               and not _in_a_care_name(doc, m, care_words) for p in places for m in p.mentions)


def _where_treated(name: str, care_words: frozenset[str]) -> bool:
    """'Khulna Medical College Hospital': a name that ends in a word for where the hurt are treated."""
    return name.split()[-1].lower() in care_words


def _in_a_care_name(doc: Doc, mention: Span, care_words: frozenset[str]) -> bool:
    """The mention heads a run of capitalised words ending in a word for a place of care: a town
    naming its hospital or clinic ('Dhaka' in 'Dhaka Medical College Hospital'), where the hurt
    of an event told before were taken, not a place of a new event."""
    token = token_of(doc, mention)
    if token is None:
        return False
    end = token.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return end > token.i + 1 and doc[end - 1].lower_ in care_words


def _modifies_a_noun(doc: Doc, mention: Span) -> bool:
    token = token_of(doc, mention)
    return token is not None and token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN"


def _counts_deaths(frame: Frame) -> bool:
    """Whether the event's own deaths are what the sentence counts. ACLED records no deaths for a
    peaceful protest, an arrest, an agreement or a statement: a death such a sentence mentions
    ('the death of a worker sparked a protest', 'wanted for a 2003 attack that killed three')
    happened before or apart from it."""
    if frame.type in VIOLENT_TYPES:
        return True
    return frame.type == "Protests" and frame.sub_type == "Excessive force against protesters"


def _years_before(text: str, article_date: str | None) -> int | None:
    """How many years before the report the sentence's latest year lies ('in 1982', 'since 2003'),
    or None when it names no year or the report's date is unknown."""
    if article_date is None:
        return None
    years = [int(y) for y in YEAR.findall(text) if 1800 <= int(y) <= int(article_date[:4])]
    return int(article_date[:4]) - max(years) if years else None


def _places_of(doc: Doc, sentence: Span, places: list[Place], paragraph: Span | None,
               stances: frozenset[str]) -> list[tuple[Span, Place]]:
    """The places the sentence names; if none, those of the paragraph's sentences before it."""
    text = text_of(doc)

    def named(start: int, end: int) -> list[tuple[Span, Place]]:
        # 'a UK-based monitor': where an actor is based, not where the event happened; nor a
        # stance ('anti-Beijing protesters', 'pro-Moscow rebels': `stances`, lexicon stance_prefixes).
        return [(m, p) for p in places for m in p.mentions if start <= m.start and m.end <= end
                and not text.startswith("-based", m.end)
                and not any(text[max(0, m.start - len(w) - 1):m.start].lower() == f"{w}-" for w in stances)]

    own = named(sentence.start, sentence.end)
    if own:
        return own
    return named(paragraph.start, sentence.start) if paragraph is not None else []


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def _read(span: DocSpan, sentence: Span, in_actors: list[tuple[Span, Actor]], knowledge: Knowledge,
          after_hazard: Callable[[], bool] = lambda: False) -> tuple[Trigger, Token, Frame, Participants] | None:
    """The sentence's event: its triggers highest in the parse first, the first a frame takes.
    `after_hazard`: whether the sentence before told a hazard and no event (`_after_hazard`)."""
    hits, said = sentence_triggers(span, sentence, bool(in_actors), knowledge)
    if not hits:
        return None
    present = present_in(span, in_actors, said, knowledge)  # the same for every trigger
    first: tuple[Trigger, Token, Frame, Participants] | None = None
    for trigger, head in hits:
        arrested = first is not None and _protest_arrested(first, trigger, head, hits, knowledge)
        resisted = first is not None and first[2].type == "Violence against civilians" and _a_fight(trigger) \
            and first[1] in head.ancestors
        if first is not None and not _side_by_side(head, first[1]) and not arrested and not resisted:
            continue
        participants = read_participants(span, head, trigger, present, hits, knowledge)
        if (trigger.cls == "kill" or trigger.casualty) and not agent_tokens(head) \
                and not participants.facts & BY_A_HAND and after_hazard():
            participants.facts.add("hazard")  # the accident's dead, told in the next sentence
        beasts = present.found.get("animals")
        if beasts and (agent_tokens(head) | agent_tokens(first_conjunct(head))) & beasts:
            participants.facts.add("hazard")  # 'mauled by a bear and killed': a beast's doing, no hand's
        if arrested:
            participants.facts.add("intervention")
        frame = next((f for f in knowledge.events.frames if f.takes(trigger.cls, participants.facts)), None)
        if frame is None or (frame.type in VIOLENT and wished(head, knowledge)):
            continue
        reading = (trigger, head, _weapon_named(frame, hits, participants, knowledge), participants)
        if first is not None and first[2].type == "Violence against civilians":
            if frame.type == "Battles" and _a_fight(trigger):
                return reading
            continue
        if first is None:
            if frame.type == "Violence against civilians" and any(_a_fight(t) for t, _ in hits):
                # 'gunmen attacked a village and clashed with its vigilantes', 'raided the town
                # but were engaged in a gun battle': an attack met by armed resistance is a battle
                # (ACLED's codebook), if the fight is told beside the attack or inside its clause.
                first = reading
                continue
            if frame.type not in ("Strategic developments", "Protests"):
                return reading
            # 'One member was detained and later found killed', 'A civilian was killed when an
            # IED went off, the police arrested 6 men': of clauses told side by side, the
            # violence is the event (ACLED records the arrest with it, not instead of it). Not
            # a protest the police broke up: that is the protest's ('fired rubber bullets and
            # lobbed stun grenades'). And a protest whose crowd turns violent beside it is a
            # riot ('youths demonstrated and clashed with police'; ACLED's violent demonstration).
            first = reading
        elif reading[2].type in (VIOLENT_TYPES if first[2].type == "Strategic developments" else ("Riots",)) or (
                arrested and reading[2].type == "Protests"):
            return reading
    return first


def _a_fight(trigger: Trigger) -> bool:
    """A fight word, or one that takes two sides ('a gunfight', 'exchanged fire')."""
    return trigger.mutual or trigger.cls == "fight"


def _protest_arrested(first: tuple[Trigger, Token, Frame, Participants], trigger: Trigger, head: Token,
                      hits: list[tuple[Trigger, Token]], knowledge: Knowledge) -> bool:
    """A protest told inside the clause of an arrest: the people were held as they protested
    ('were taken into custody when they staged protest', 'arrested 30 youths who were
    protesting', 'detained after trying to hold a protest'). ACLED codes it as the protest, with
    intervention. Not a protest the reader knows ('the man who organised last week's protest'),
    nor one under another event's word ('arrested two men for attacking protesters')."""
    arrest = first[1]
    if first[2].sub_type != "Arrests" or trigger.cls not in ("protest", "gathering") or _known(head, knowledge):
        return False
    others = {h.i for _, h in hits} - {arrest.i}
    for node in head.ancestors:
        if node.i == arrest.i:
            return True
        if node.i in others:
            return False
    return False


def _names_area(name: str, knowledge: Knowledge) -> bool:
    """A name that says it is an area ('Cass County', 'Dehloran district') or joins places
    ('North and South Korea'), not a single locality."""
    kind = split_kind_word(name, knowledge.lexicon.place_kind_words)[1]
    return kind in ("district", "province", "region") or "and" in name.lower().split()


def _side_by_side(lower: Token, upper: Token) -> bool:
    """Whether `lower`'s clause is told beside `upper`'s rather than inside it: its verb (or the
    verb it completes, 'found killed') is joined to `upper` by 'and' (conj), or is a clause
    before it that the parser hung on it (a comma splice read as ccomp). Not 'arrested two men
    for killing a trader', nor 'detained elders who came to discuss the killing of 51'."""
    clause = lower
    while clause.dep_ in ("xcomp", "oprd", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause.head.i == upper.i and (clause.dep_ == "conj" or (clause.dep_ == "ccomp" and clause.i < upper.i))


def _weapon_named(frame: Frame, hits: list[tuple[Trigger, Token]], participants: Participants,
                  knowledge: Knowledge) -> Frame:
    """A killing 'in a grenade attack' or 'by an air strike' is remote violence of the weapon the
    sentence names: the weapon's own frame, of the same type, gives the sub-type."""
    if frame.type != "Explosions/Remote violence":
        return frame
    for trigger, _ in hits:
        named = next((f for f in knowledge.events.frames if f.type == frame.type
                      and f.takes(trigger.cls, participants.facts)), None)
        if named is not None and trigger.cls not in ("explosive", "kill", "attack"):
            return named
    return frame


def _event(doc: Doc, span: DocSpan, trigger: Trigger, head: Token, frame: Frame, sentence: Span,
           in_actors: list[tuple[Span, Actor]], before: list[tuple[Span, Actor]], in_places: list[tuple[Span, Place]],
           places: list[Place], paragraph: Span | None, article_date: str | None, knowledge: Knowledge) -> Event:
    text = sentence.text
    source, speaker = according_to(doc, text, sentence, in_actors, before, knowledge)
    # 'The Observatory, a UK-based monitor tracking developments in Syria's conflict, said ...':
    # places that describe the source are not where the event happened.
    described = {t.i for child in (speaker.children if speaker is not None else ())
                 if child.dep_ in ("appos", "acl", "relcl") for t in child.subtree}
    in_places = [(m, p) for m, p in in_places if not describes_source(doc, m, described)
                 and not names_money(doc, m, knowledge.lexicon)]
    # A 'UK-based monitor' is no side in the fight it reports; but 'a spokesman for the
    # Indonesian military said' names the side that acted.
    in_actors = [(m, a) for m, a in in_actors if not text_of(doc).startswith("-based", m.end)]
    names: list[str] = []
    for _, actor in sorted(in_actors, key=lambda x: x[0].start):
        # A monitor or agency that reports a fight is its source, not a side; one that makes a
        # statement or an accusation is its maker.
        if actor.name not in names and not (actor.name == source and actor.kind in ("media", "monitor", "ngo")
                                            and frame.type in ACLED_EVENT_TYPES):
            names.append(actor.name)
    if frame.type == "Diplomacy":
        place = venue(doc, head, in_places, knowledge) or seat(names, places, knowledge.seat_of)
    else:
        place = most_precise(doc, in_places, knowledge)
        # A sentence naming no place, or only a locality no gazetteer knows: not an area the
        # text names as one ('Cass County'), nor places joined ('North and South Korea').
        unplaced = next((p for _, p in in_places if p.name == place and p.lat is None and p.kind == "place"
                         and not _names_area(p.name, knowledge)), None)
        if (place is None or unplaced is not None) and frame.type in ACLED_EVENT_TYPES:
            held = story_place(places, sentence, paragraph, DEFAULT_CONFIDENCE_THRESHOLD,
                               unplaced.country_code if unplaced is not None else None)
            place = held.name if held is not None else place
    when = find_when(text, article_date, knowledge)
    event = Event(type=frame.type, sub_type=frame.sub_type, evidence=sentence, actors=names, place=place,
                  when=when.text if when else None, date=when.date if when else None,
                  precision=when.precision if when else None, according_to=source)
    if event.date is None and article_date is not None:
        # No time of its own: the report's date, precise to the week, as ACLED dates an event a
        # report gives without a day (time precision 2).
        event.date, event.precision = article_date, "week"
    if _counts_deaths(frame) and (count := fatalities(span, knowledge)) is not None:
        event.fatalities, event.fatalities_qualifier, event.fatalities_text = count.value, count.qualifier, count.text
    if knowledge.patterns.events.planned.search(text) and frame.type in PLANNED_TYPES:
        event.status = "planned"
    elif (knowledge.patterns.events.claimed.search(text) and source is not None and source in names
          and frame.type in ACLED_EVENT_TYPES):
        event.status = "claimed"
    return event
