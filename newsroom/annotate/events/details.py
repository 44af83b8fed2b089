"""The details of an event, once its trigger and type are known: where (the most precise place
of its sentence, or a meeting's venue), who says so, and whether a later sentence only retells
it. Fatalities are read in `fatalities`, dates in `annotate/dates.py`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ...model import OTHER_EVENT_TYPES, VIOLENT_TYPES, Actor, Event, Place, Span
from ..containment import area_anchor, named_by
from ..knowledge import Knowledge
from ..nlp import followed_by
from ..vocabulary import Lexicon
from .fatalities import Count


def most_precise(doc: Doc, in_places: list[tuple[Span, Place]], knowledge: Knowledge) -> str | None:
    """The most precise place of those named, among those that can be put on a map: a town on a
    road before the road, a village no gazetteer knows gives way to the district named beside it
    ('in Mallikhati area of Jessore'), and a town read outside the story's countries to a place
    inside them: in 'Oba town in Idemili South LGA (Anambra)' Oba is no town of Turkey, and
    Anambra is where it happened. Of two places the text puts one in the other, the inner one,
    whatever their kinds ("Songkhla's Thepha district": Thepha, not the city of Songkhla)."""
    if not in_places:
        return None
    # The towns a road is named by name the road ('the Dhaka-Chittagong highway at Feni'): not
    # where on it it happened, which a town named apart (Feni) says better than the road.
    roads = [mention for mention, place in in_places if place.kind == "road"]
    in_places = [(m, p) for m, p in in_places
                 if p.kind == "road" or not any(r.start <= m.start and m.end <= r.end for r in roads)] or in_places
    precision = knowledge.weights.place_precision
    # ... a place below a country's level, put on the map: a country named in passing ('fled to
    # India') says nothing of where in it, and may be the setting only by being named.
    at_home = any("setting" in place.signals and place.kind != "country" and place.lat is not None
                  for _, place in in_places)

    lexicon = knowledge.lexicon
    ranges = {m.start: _token_range(doc, m) for m, _ in in_places}
    anchors = {start: area_anchor(doc, rng, lexicon) for start, rng in ranges.items()}
    holding = {start: named_by(doc, rng, lexicon) for start, rng in ranges.items()}
    # The places the text puts another in (the inner one is at most one kind coarser: a country
    # lies in no district, and 'the Indo-Myanmar border in Chandel district' puts no Myanmar there).
    outer = {o.start for o, q in in_places for m, p in in_places
             if p.name != q.name and p.lat is not None
             and precision.get(p.kind, 4) <= precision.get(q.kind, 4) + 1
             and anchors[o.start] in holding[m.start]}

    # Where people are from gives way to a place as precise named as where something is: in
    # 'fighters from Deir ez-Zor clashed ... in Jarablus', Jarablus; not to a country alone.
    origins = {m.start for m, p in in_places if _names_origin(doc, m, lexicon)}
    origin = {m.start for m, p in in_places if m.start in origins
              and any(n.start not in origins and q.lat is not None
                      and precision.get(q.kind, 4) <= precision.get(p.kind, 4) for n, q in in_places)}

    def rank(entry: tuple[Span, Place]) -> tuple[bool, bool, bool, bool, int, int]:
        mention, place = entry
        abroad = at_home and "outside_context" in place.signals
        return (place.lat is None, abroad, mention.start in origin, mention.start in outer,
                precision.get(place.kind, 4), mention.start)

    return min(in_places, key=rank)[1].name


def _names_origin(doc: Doc, mention: Span, lexicon: Lexicon) -> bool:
    """A place named as where people come from, not where anything happened: 'from' after a noun
    ('fighters from Deir ez-Zor', 'traders from Kano') or after a verb of being from ('whose
    fighters are from Deir-ez-Zor'; `origin_verbs`)."""
    token = token_of(doc, mention)
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "from":
        return False
    holder = token.head.head
    return holder.pos_ in ("NOUN", "PROPN", "PRON") or holder.lemma_ in lexicon.origin_verbs


def story_place(places: list[Place], sentence: Span, paragraph: Span | None, floor: float,
                country: str | None = None) -> Place | None:
    """Where the paragraph is when a sentence of it tells an event and names no place on the map
    (or only one no gazetteer knows, 'shot dead at Tebaria' after 'in Natore town'): the place
    below a country's level last put on the map before the sentence, else the first after it,
    as ACLED codes an event its report places only near a town. Only within the paragraph: a
    story's next paragraph may be anywhere ('... at the UN in New York.' then 'Police arrested
    the student.' of a school in Texas). Not a place a reader would not be shown (below `floor`,
    the default publishing threshold), nor one outside the `country` the text puts the unknown
    name in."""
    if paragraph is None:
        return None
    named = [(mention.start, place) for place in places for mention in place.mentions
             if paragraph.start <= mention.start and mention.end <= paragraph.end
             and place.lat is not None and place.kind != "country" and place.confidence >= floor
             and country in (None, place.country_code)]
    before = [entry for entry in named if entry[0] < sentence.start]
    after = [entry for entry in named if entry[0] >= sentence.end]
    if before:
        return max(before, key=lambda entry: entry[0])[1]
    return min(after, key=lambda entry: entry[0])[1] if after else None


def describes_source(doc: Doc, mention: Span, described: set[int]) -> bool:
    token = token_of(doc, mention)
    return token is not None and token.i in described


def names_money(doc: Doc, mention: Span, lexicon: Lexicon) -> bool:
    """A country named for its currency says whose money, not where anything happened ('the US
    dollar exchange rate', 'the Lebanese pound'); the place stays one ('US' names the United
    States)."""
    span = _tokens_of(doc, mention)
    return span is not None and followed_by(doc, span.end, lexicon.currency_words)


def _token_range(doc: Doc, mention: Span) -> tuple[int, int]:
    span = _tokens_of(doc, mention)
    return (span.start, span.end) if span is not None else (0, 0)


def _tokens_of(doc: Doc, mention: Span) -> DocSpan | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def token_of(doc: Doc, mention: Span) -> Token | None:
    span = _tokens_of(doc, mention)
    return span.root if span is not None and len(span) else None


def venue(doc: Doc, head: Token, in_places: list[tuple[Span, Place]], knowledge: Knowledge) -> str | None:
    """Where talks or a meeting are held: 'talks in Geneva', 'the Geneva talks', 'met in Vienna';
    not the subject of the talks ('met to discuss the crisis in Syria')."""
    clause = [head, *_up_to_verb(head)]
    held = []
    for mention, place in in_places:
        token = token_of(doc, mention)
        if token is None:
            continue
        modifies = token.head.i == head.i and token.dep_ in ("compound", "nmod", "amod")  # 'the Geneva talks'
        held_at = (token.dep_ == "pobj" and token.head.lower_ in knowledge.lexicon.venue_prepositions
                   and any(token.head.head.i == t.i for t in clause))  # 'talks in Geneva'
        if modifies or held_at:
            held.append((mention, place))
    return most_precise(doc, held, knowledge)


def _up_to_verb(token: Token) -> list[Token]:
    """The token's ancestors up to and including its own clause's verb."""
    out = []
    for ancestor in token.ancestors:
        out.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    return out if token.pos_ not in ("VERB", "AUX") else []


def seat(names: list[str], places: list[Place], seats: Mapping[str, int]) -> str | None:
    """A body that meets with no venue in the sentence meets at its seat, if the article names it."""
    for name in names:
        if (seat := seats.get(name)) is not None:
            for place in places:
                if place.geonames == seat:
                    return place.name
    return None


def merge_followups(found: list[tuple[int, Event]], follows: set[int], refers: set[int], fights: set[int],
                    paragraph_of: dict[int, int], lexicon: Lexicon) -> list[tuple[int, Event]]:
    """A sentence that goes on telling a fight or an attack of an earlier sentence of its
    paragraph ('Troops encountered Boko Haram near Zalidava. During the encounter, two
    militants were killed.') adds to that event instead of making another: its dead (added
    when it says 'also' or 'other', else the larger count: a retelling), its actors, a place.
    One of `refers`, which names the fight as one the reader knows ("in the neighborhood of
    Saturday's gun battle"), adds to the latest earlier event of its type, however far back.
    One of `fights`, which tells the attack it goes on with as a fight ('Gunmen attacked the
    herders. Four were killed in the clashes.'), says the attack met armed resistance: a battle,
    as ACLED's codebook has it and `finding._read` reads it inside one sentence. A protest the
    next sentences of its paragraph tell put down ('Hundreds marched on the ministry. Police
    fired tear gas to disperse them.') is that protest, with intervention, as ACLED codes it."""
    out: list[tuple[int, Event]] = []
    for n, event in found:
        earlier = _told_just_before(out, n, paragraph_of) if n in follows and event.type in VIOLENT_TYPES else None
        if earlier is None and n in refers and event.type in VIOLENT_TYPES:
            earlier = next((e for m, e in reversed(out) if m < n and e.type == event.type), None)
        if earlier is None and (protest := _protest_put_down(out, n, event, paragraph_of)) is not None:
            protest.sub_type = event.sub_type
            earlier = protest
        if earlier is None:
            out.append((n, event))
            continue
        if event.fatalities is not None:
            _add_deaths(earlier, event.fatalities, event.fatalities_qualifier or "exact", event.fatalities_text or "",
                        event.evidence.text, lexicon)
        earlier.actors += [a for a in event.actors if a not in earlier.actors]
        if n in fights and earlier.type == "Violence against civilians":
            earlier.type, earlier.sub_type = "Battles", "Armed clash"
        earlier.place = earlier.place or event.place
        if earlier.when is None and event.when is not None:
            # the retelling says when ('The ISIL assault, which began on Thursday, ...')
            earlier.when, earlier.date, earlier.precision = event.when, event.date, event.precision
        earlier.confidence = max(earlier.confidence, event.confidence)
    return out


def _protest_put_down(found: list[tuple[int, Event]], n: int, event: Event,
                      paragraph_of: Mapping[int, int]) -> Event | None:
    """The peaceful protest told just before sentence n, in the same place if both name one, when
    sentence n tells a protest met by force."""
    if event.type != "Protests" or event.sub_type == "Peaceful protest":
        return None
    return _protest_before(found, n, paragraph_of, lambda e: e.sub_type == "Peaceful protest" and (
        e.place is None or event.place is None or e.place == event.place))


def mark_put_down(found: list[tuple[int, Event]], put_down: set[int], paragraph_of: Mapping[int, int]) -> None:
    """A sentence that is no event of its own and tells force used on a crowd ('Police fired tear
    gas to disperse them.') tells the protest of its paragraph just before it put down, if that
    one was peaceful."""
    for n in sorted(put_down):
        protest = _protest_before(found, n, paragraph_of, lambda e: True)
        if protest is not None and protest.sub_type == "Peaceful protest":
            protest.sub_type = "Protest with intervention"


def _protest_before(found: list[tuple[int, Event]], n: int, paragraph_of: Mapping[int, int],
                    keep: Callable[[Event], bool]) -> Event | None:
    """The latest protest `keep` takes, told at most two sentences before sentence n in its paragraph."""
    return next((e for m, e in reversed(found) if m < n and n - m <= 2 and paragraph_of.get(m) == paragraph_of.get(n)
                 and e.type == "Protests" and keep(e)), None)


def add_counted_deaths(found: list[tuple[int, Event]], counted: Mapping[int, tuple[Count, str]],
                       paragraph_of: Mapping[int, int], lexicon: Lexicon) -> None:
    """A sentence that is no event itself and only counts deaths ('Three victims died on Saturday
    night.', 'He died on Tuesday.') counts the dead of the violent event told just before it in
    its paragraph. `counted`: sentence number -> its count and its text."""
    for n, (count, text) in sorted(counted.items()):
        if (earlier := _told_just_before(found, n, paragraph_of)) is not None:
            _add_deaths(earlier, count.value, count.qualifier, count.text, text, lexicon)


def _told_just_before(found: list[tuple[int, Event]], n: int, paragraph_of: Mapping[int, int]) -> Event | None:
    """The latest event that can kill of sentence n's paragraph told at most two sentences before
    it: violence, a riot, or a protest put down by force ('Police opened fire on the protesters.
    Two people were killed.': ACLED counts the dead in the protest's event)."""
    return next((e for m, e in reversed(found) if m < n and n - m <= 2 and _can_kill(e)
                 and paragraph_of.get(m) == paragraph_of.get(n)), None)


def _can_kill(event: Event) -> bool:
    return event.type in (*VIOLENT_TYPES, "Riots") or event.sub_type == "Excessive force against protesters"


def _add_deaths(earlier: Event, value: int, qualifier: str, count_text: str, sentence: str, lexicon: Lexicon) -> None:
    """A later sentence's dead, told of an earlier event: added when it says 'also' or 'other',
    else the larger count (a retelling)."""
    if earlier.fatalities is None:
        earlier.fatalities, earlier.fatalities_qualifier, earlier.fatalities_text = value, qualifier, count_text
    elif lexicon.addition.search(sentence):
        earlier.fatalities += value
        earlier.fatalities_text = f"{earlier.fatalities_text}; {count_text}"
        if qualifier != "exact":
            earlier.fatalities_qualifier = qualifier
    elif value > earlier.fatalities:
        earlier.fatalities, earlier.fatalities_qualifier, earlier.fatalities_text = value, qualifier, count_text


def merge_retold(found: list[tuple[int, Event]]) -> list[Event]:
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


def according_to(doc: Doc, text: str, sentence: Span, in_actors: list[tuple[Span, Actor]],
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
                root = token_of(doc, mention)
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
