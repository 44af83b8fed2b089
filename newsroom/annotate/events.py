"""Events in ACLED's terms, read sentence by sentence: the type from trigger words (data in
``data/events.yaml``), the actors and place named in the sentence, the time as the text says it,
fatalities as stated, who says so, and the sentence itself as evidence."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from ..model import ACLED_EVENT_TYPES, OTHER_EVENT_TYPES, Actor, Event, Place, Span
from .dates import find_when
from .knowledge import Knowledge
from .nlp import text_of
from .rules import Trigger


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def fatalities(sentence: str, knowledge: Knowledge) -> tuple[int, str, str] | None:
    """'more than 58 fighters were killed' -> (59, 'at-least', 'more than 58 fighters')."""
    lexicon = knowledge.lexicon
    for pattern in knowledge.patterns.events.fatalities:
        match = pattern.search(sentence)
        if not match:
            continue
        qualifier, number = (match.group(1) or "").lower(), match.group(2).lower()
        if number in lexicon.number_words:
            value = lexicon.number_words[number]
        elif number.replace(",", "").isdigit():
            value = int(number.replace(",", ""))
        else:
            continue
        text = match.group(0)
        start = text.lower().find(qualifier) if qualifier else text.lower().find(number)
        text = text[start:] if start >= 0 else text
        reading = lexicon.count_qualifiers.get(qualifier)
        if reading == "more-than":
            return value + 1, "at-least", text
        if reading is not None:
            return value, reading, text
        return value, ("about" if number in lexicon.approximate_numbers else "exact"), text
    return None


# Types whose events are fights, blasts, attacks or crowds: one only urged, vowed or feared
# has not happened ('pressed his followers to keep fighting', 'warned of attacks').
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}
# Diplomacy is between states and their envoys: a company's founder meeting a schoolboy is not.
DIPLOMATIC_KINDS = {"state", "international-body", "government-body"}


def find_events(doc: Doc, sentences: list[Span], actors: list[Actor], places: list[Place],
                article_date: str | None, knowledge: Knowledge) -> list[Event]:
    """At most one event per sentence: the trigger that sits highest in its parse. `doc` is the
    parsed article (offsets of the raw text), used to tell who says what; `knowledge` gives the
    triggers, the words read by and the seats of bodies that meet."""
    triggers = knowledge.triggers
    found: list[tuple[int, Event]] = []
    before: list[tuple[Span, Actor]] = []
    for n, sentence in enumerate(sentences):
        in_actors = [(m, a) for a in actors for m in a.mentions if _inside(m, sentence)]
        # 'a UK-based monitor': where an actor is based, not where the event happened.
        in_places = [(m, p) for p in places for m in p.mentions if _inside(m, sentence)
                     and not text_of(doc).startswith("-based", m.end)]
        picked = _pick_trigger(doc, sentence, triggers, bool(in_actors),
                               any(_diplomatic(a, knowledge) for _, a in in_actors), knowledge)
        if picked is not None:
            trigger, head = picked
            found.append((n, _event(doc, trigger, head, sentence, in_actors, before, in_places, places,
                                    article_date, knowledge)))
        before = in_actors
    return _merge_retold(found)


def _pick_trigger(doc: Doc, sentence: Span, triggers: tuple[Trigger, ...], has_actor: bool,
                  has_diplomat: bool, knowledge: Knowledge) -> tuple[Trigger, Token] | None:
    """The trigger closest to the root of the sentence's parse, and its head token: 'completely
    secured the highway after foiling the intense attack' reports the highway secured."""
    best: tuple[tuple[int, int], Trigger, Token] | None = None
    for order, trigger in enumerate(triggers):
        if (trigger.needs_actor and not has_actor) or (trigger.type == "Diplomacy" and not has_diplomat):
            continue
        for match in trigger.pattern.finditer(sentence.text):
            words = doc.char_span(sentence.start + match.start(), sentence.start + match.end(), alignment_mode="expand")
            if words is None or len(words) == 0:
                continue
            head = min(words, key=lambda t: (_depth(t), t.i))
            if trigger.pos and head.pos_ not in trigger.pos:
                continue
            if (trigger.type in VIOLENT and _wished(head, knowledge)) or _negated(head):
                continue
            rank = (_depth(head), order)
            if best is None or rank < best[0]:
                best = (rank, trigger, head)
    return (best[1], best[2]) if best else None


def _diplomatic(actor: Actor, knowledge: Knowledge) -> bool:
    return actor.kind in DIPLOMATIC_KINDS or bool(actor.role and knowledge.lexicon.diplomatic_role.search(actor.role))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _negated(token: Token) -> bool:
    """'has not issued a statement', 'no major clashes occurred', 'he is not blaming'; but 'the
    date of the recording, released on Thursday, was not clear' denies the date, not the release."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _wished(token: Token, knowledge: Knowledge) -> bool:
    return any(a.lemma_.lower() in knowledge.lexicon.wishing_verbs and a.pos_ == "VERB" for a in token.ancestors)


def _event(doc: Doc, trigger: Trigger, head: Token, sentence: Span, in_actors: list[tuple[Span, Actor]],
           before: list[tuple[Span, Actor]], in_places: list[tuple[Span, Place]], places: list[Place],
           article_date: str | None, knowledge: Knowledge) -> Event:
    text = sentence.text
    source, speaker = _according_to(doc, text, sentence, in_actors, before, knowledge)
    # 'The Observatory, a UK-based monitor tracking developments in Syria's conflict, said ...':
    # places that describe the source are not where the event happened.
    described = {t.i for child in (speaker.children if speaker is not None else ())
                 if child.dep_ in ("appos", "acl", "relcl") for t in child.subtree}
    in_places = [(m, p) for m, p in in_places if not _describes_source(doc, m, described)]
    # A 'UK-based monitor' is no side in the fight it reports; but 'a spokesman for the
    # Indonesian military said' names the side that acted.
    in_actors = [(m, a) for m, a in in_actors if not text_of(doc).startswith("-based", m.end)]
    names: list[str] = []
    for _, actor in sorted(in_actors, key=lambda x: x[0].start):
        # A monitor or agency that reports a fight is its source, not a side; one that makes a
        # statement or an accusation is its maker.
        if actor.name not in names and not (actor.name == source and actor.kind in ("media", "monitor", "ngo")
                                            and trigger.type in ACLED_EVENT_TYPES):
            names.append(actor.name)
    if trigger.type == "Diplomacy":
        place = _venue(doc, head, in_places, knowledge) or _seat(names, places, knowledge.seat_of)
    else:
        place = _most_precise(in_places, knowledge)
    when = find_when(text, article_date, knowledge)
    event = Event(type=trigger.type, sub_type=trigger.sub_type, evidence=sentence, actors=names, place=place,
                  when=when.text if when else None, date=when.date if when else None,
                  precision=when.precision if when else None, according_to=source)
    if trigger.type in ACLED_EVENT_TYPES and (found := fatalities(text, knowledge)):
        event.fatalities, event.fatalities_qualifier, event.fatalities_text = found
    if knowledge.patterns.events.planned.search(text) and trigger.type in ("Strategic developments", "Diplomacy"):
        event.status = "planned"
    elif (knowledge.patterns.events.claimed.search(text) and source is not None and source in names
          and trigger.type in ACLED_EVENT_TYPES):
        event.status = "claimed"
    return event


def _most_precise(in_places: list[tuple[Span, Place]], knowledge: Knowledge) -> str | None:
    if not in_places:
        return None
    precision = knowledge.weights.place_precision
    return min(in_places, key=lambda x: (precision.get(x[1].kind, 4), x[0].start))[1].name


def _describes_source(doc: Doc, mention: Span, described: set[int]) -> bool:
    token = _token_of(doc, mention)
    return token is not None and token.i in described


def _token_of(doc: Doc, mention: Span) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _venue(doc: Doc, head: Token, in_places: list[tuple[Span, Place]], knowledge: Knowledge) -> str | None:
    """Where talks or a meeting are held: 'talks in Geneva', 'the Geneva talks', 'met in Vienna';
    not the subject of the talks ('met to discuss the crisis in Syria')."""
    clause = [head, *_up_to_verb(head)]
    held = []
    for mention, place in in_places:
        token = _token_of(doc, mention)
        if token is None:
            continue
        modifies = token.head.i == head.i and token.dep_ in ("compound", "nmod", "amod")  # 'the Geneva talks'
        held_at = (token.dep_ == "pobj" and token.head.lower_ in knowledge.lexicon.venue_prepositions
                   and any(token.head.head.i == t.i for t in clause))  # 'talks in Geneva'
        if modifies or held_at:
            held.append((mention, place))
    return _most_precise(held, knowledge)


def _up_to_verb(token: Token) -> list[Token]:
    """The token's ancestors up to and including its own clause's verb."""
    out = []
    for ancestor in token.ancestors:
        out.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    return out if token.pos_ not in ("VERB", "AUX") else []


def _seat(names: list[str], places: list[Place], seats: Mapping[str, int]) -> str | None:
    """A body that meets with no venue in the sentence meets at its seat, if the article names it."""
    for name in names:
        if (seat := seats.get(name)) is not None:
            for place in places:
                if place.geonames == seat:
                    return place.name
    return None


def _merge_retold(found: list[tuple[int, Event]]) -> list[Event]:
    """A statement told over two sentences ('... in a recorded statement released on Thursday.'
    'The date of the recording, released on Thursday via Al-Furqan, ...'), or talks named again
    ('the Geneva talks'), are one event: the first telling keeps its evidence and gains the
    later ones' actors. Only for statements and diplomacy; two battles in one town are two."""
    out: list[tuple[int, Event]] = []
    for n, event in found:
        earlier = next((e for m, e in reversed(out) if e.type == event.type and e.sub_type == event.sub_type
                        and _retold(m, e, n, event)), None) if event.type in OTHER_EVENT_TYPES else None
        if earlier is None:
            out.append((n, event))
            continue
        earlier.actors += [a for a in event.actors if a not in earlier.actors]
        earlier.place = earlier.place or event.place
        if earlier.date is None and event.date is not None:
            earlier.when, earlier.date, earlier.precision = event.when, event.date, event.precision
    return [e for _, e in out]


def _retold(m: int, earlier: Event, n: int, event: Event) -> bool:
    if earlier.type == "Statements":
        return n == m + 1
    return earlier.place is not None and earlier.place == event.place


SPEAKER_DEPS = {"compound", "poss", "amod", "nmod", "appos", "det", "case"}


def _according_to(doc: Doc, text: str, sentence: Span, in_actors: list[tuple[Span, Actor]],
                  before: list[tuple[Span, Actor]],
                  knowledge: Knowledge) -> tuple[str | None, Token | None]:
    """'according to X', or X as the one saying ('X said', 'the X media unit said'): the source
    of the claim, if it is a named actor, and the token of the one saying. 'A commander ...
    backing Assad said' has no named source; 'The group said' is the group the sentence
    `before` named."""
    lexicon = knowledge.lexicon
    lowered = text.lower()
    at = lowered.find("according to")
    if at >= 0:
        after = [(m, a) for m, a in in_actors if m.start - sentence.start > at]
        # "according to a unit run by Lebanon's Hezbollah": the organisation, not its home state.
        organisations = [x for x in after if x[1].kind != "state"] or after
        if organisations:
            return min(organisations, key=lambda x: x[0].start)[1].name, None
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None, None
    for verb in span:
        if verb.lower_ not in lexicon.reporting_verbs:
            continue
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            speakers = []
            for mention, actor in in_actors:
                root = _token_of(doc, mention)
                if root is not None and (steps := _speaks_for(root, subject)) is not None:
                    speakers.append((actor.kind != "person", steps, mention.start, actor.name))
            if speakers:
                # 'UN special envoy Staffan de Mistura said': the envoy speaks, not the UN.
                return min(speakers)[3], subject
            if subject.lower_ in lexicon.anaphors and subject.i > 0 and doc[subject.i - 1].lower_ == "the":
                named = {a.name for _, a in before if a.kind in lexicon.anaphors[subject.lower_]}
                if len(named) == 1:
                    return named.pop(), subject
    return None, None


def _speaks_for(token: Token, subject: Token) -> int | None:
    """The mention is the subject, or a modifier of it ('the Hezbollah media unit'): how many
    steps from it; None if it is neither."""
    steps = 0
    while token.i != subject.i:
        if token.dep_ not in SPEAKER_DEPS or token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return steps
