"""An entity in the making: the mentions the annotator has grouped as one actor or place of
an article, with what decided it (knowledge base entry, gazetteer reading, votes on whether a
country acts or is a place), and how drafts become the article's actors and places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ..model import Actor, Place, Span
from ..text import name_key
from .candidate import Candidate
from .confidence import Evidence, confidence
from .knowledge import Knowledge, KnownActor
from .nlp import text_of
from .place_index import Resolved
from .vocabulary import Lexicon

Drafts = dict[tuple[str, str], "EntityDraft"]


@dataclass
class EntityDraft:
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
    area: Resolved | None = None     # a place with no point of its own: the area the text puts it in


def move_mention(entities: Drafts, source: EntityDraft, target: EntityDraft,
                 mention: Candidate, text: str) -> None:
    source.mentions.remove(mention)
    target.mentions.append(mention)
    if text in source.texts:  # texts feed the entity's name: move one spelling with the mention
        source.texts.remove(text)
        target.texts.append(text)
    if not source.mentions:
        del entities[source.key]


def add_mention(doc: Doc, ent: EntityDraft, start: int, end: int, label: str) -> None:
    """A mention found after classification (inside another name, or by a rule over the text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    ent.mentions.append(Candidate(start, end, label, ent.key[1], "rule", (span.start, span.end) if span else (0, 0)))
    ent.texts.append(text_of(doc)[start:end])


def place_title(res: Resolved | None, texts: list[str]) -> str:
    """A place's name: the curated one, else the gazetteer's when the text uses it, else the text's."""
    return res.name if res and res.known else place_name(res.name if res else None, texts)


def country_draft(code: str, knowledge: Knowledge) -> EntityDraft:
    country = knowledge.countries[code]
    return EntityDraft(("country", code), "country", "country", country.name, country=code)


def place_draft(resolved: Resolved | None, text: str, hint: str | None = None) -> EntityDraft:
    if resolved is None:
        return EntityDraft(("place", name_key(text)), "place", hint or "place")
    key = str(resolved.geonames) if resolved.geonames else name_key(resolved.name)
    return EntityDraft(("place", f"{resolved.kind}:{key}"), "place", resolved.kind, None,
                   country=resolved.country_code, resolved=resolved)


def entity_texts(ent: EntityDraft) -> list[str]:
    return [*ent.texts, *([ent.name] if ent.name else [])]


ActorEvidence = Callable[[EntityDraft, str, str], Evidence]                # (draft, kind, name)
PlaceEvidence = Callable[[EntityDraft, str, Resolved | None], Evidence]    # (draft, kind, reading)


def finish(doc: Doc, entities: Drafts, knowledge: Knowledge, actor_evidence: ActorEvidence,
           place_evidence: PlaceEvidence) -> tuple[list[Actor], list[Place]]:
    """The article's actors and places, each with its evidence and the confidence the fitted
    models (data/confidence.yaml) give it: weighed here, once each draft's facet is settled
    (a country that acts is a state actor, else a place)."""
    actors: list[Actor] = []
    places: list[Place] = []
    actor_model, place_model = knowledge.confidence.get("actor"), knowledge.confidence.get("place")
    for ent in entities.values():
        spans = sorted({Span(m.start, m.end, text_of(doc)[m.start:m.end]) for m in ent.mentions})
        # a mention inside a longer one of the same entity is that one ('South Waziristan' in
        # 'South Waziristan Agency', read by two rules as one place)
        spans = [s for s in spans if not any(o != s and o.start <= s.start and s.end <= o.end for o in spans)]
        texts = [s.text for s in spans]
        if ent.facet == "country":
            country = knowledge.countries[ent.key[1]]
            if ent.votes["actor"] > ent.votes["place"]:
                signals = actor_evidence(ent, "state", country.name)
                actors.append(Actor(country.name, "state", spans, aliases_of(texts, country.name, knowledge.lexicon),
                                    country.code, confidence=confidence(actor_model, signals), signals=signals))
            else:
                signals = place_evidence(ent, "country", None)
                places.append(Place(country.name, "country", spans, country.name, country.code,
                                    country.lat, country.lon, country.geonames,
                                    confidence=confidence(place_model, signals), signals=signals))
        elif ent.facet == "actor":
            name = ent.name or canonical_name(texts)
            known = ent.known
            signals = actor_evidence(ent, ent.kind, name)
            actors.append(Actor(name, ent.kind, spans, aliases_of(texts, name, knowledge.lexicon), ent.country,
                                known.wikipedia if known else None, ent.role,
                                confidence=confidence(actor_model, signals), signals=signals))
        else:
            res = ent.resolved
            name = place_title(res, texts)
            signals = place_evidence(ent, ent.kind, res)
            # Unlocated, a place may still be known to lie in a country (entities._in_its_area).
            code = res.country_code if res else ent.country or (ent.area.country_code if ent.area else None)
            home = knowledge.countries.get(code) if code else None
            # No point of its own: the area's, for now (`area_points.shown_within` settles which place's).
            point = res if res is not None and res.lat is not None else ent.area
            places.append(Place(name, ent.kind, spans, home.name if home else None, code, point.lat if point else None,
                                point.lon if point else None, res.geonames if res else None,
                                confidence=confidence(place_model, signals), signals=signals,
                                within=point.name if point is not None and point is ent.area else None))
    actors.sort(key=lambda a: a.mentions[0].start)
    places.sort(key=lambda p: p.mentions[0].start)
    return actors, places


def distinct_names(places: list[Place], precision: Mapping[str, int], kind_word: Callable[[Place], str]) -> list[Place]:
    """Two places of one story that bear one name are told apart by their titles, since an event
    names its place by its title: in 'in Campeche, Campeche' (a city, then the state it is the
    capital of; 'Oaxaca, Oaxaca', 'Buffalo, New York ... in New York City') the event is in the
    city, which keeps the name, and the state becomes 'Campeche (state)' (`kind_word`: what its
    country calls it). A country keeps its name before a city of its name ('Kuwait (city)'); two
    places of one kind take their countries ('Palmyra, Syria')."""
    by_name: dict[str, list[int]] = {}
    for n, place in enumerate(places):
        by_name.setdefault(place.name.casefold(), []).append(n)
    out = list(places)
    for indices in by_name.values():
        if len(indices) < 2:
            continue
        # The country first, then the finest: it keeps the bare name.
        keeper, *others = sorted(indices, key=lambda n: (places[n].kind != "country",
                                                         precision.get(places[n].kind, 4), n))
        kinds = Counter(places[n].kind for n in indices)
        for n in others:
            place = places[n]
            if kinds[place.kind] == 1 and place.kind != places[keeper].kind:
                title = f"{place.name} ({kind_word(place)})"
            elif place.country and place.country != places[keeper].country:
                title = f"{place.name}, {place.country}"
            else:
                continue  # one name, one kind, one country: nothing on the page would tell them apart
            out[n] = replace(place, name=title)
    return out


def aliases_of(texts: list[str], name: str, lexicon: Lexicon) -> list[str]:
    """The other names an entity goes by, which its registry file keeps and every later article
    is read by: not a kind noun its story shortened it to ('the Court', 'the Ministry', 'State'
    of 'the State and Treasury Departments'), which names other bodies in other stories; nor the
    name a title tells apart by a qualifier ('Democratic Party' of 'Democratic Party (Hong Kong)'),
    which other countries' bodies bear."""
    return sorted({t for t in texts if t != name and not t.islower() and not lexicon.is_kind_noun(t)
                   and not name.startswith(f"{t} (")})


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
