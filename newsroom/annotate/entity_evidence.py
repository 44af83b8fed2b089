"""The named evidence an actor's or a place's confidence is built from (see confidence.py),
read once the article's entities are settled (`entities.build_entities`).

For an actor: the model's labels for its mentions (PERSON, ORG; or PRODUCT, WORK_OF_ART,
EVENT) and whether they agree with the kind taken, the knowledge base knowing it, what its
mentions do in their sentences (the subject of a verb, the one who 'said', a title or an
apposition naming a role; 'in X', where a place stands), how often and in how many sentences
the article names it. Against it: mentions only in the title or the captions, inside
quotation marks, inside a longer name, in a table of figures, a name the gazetteer knows as a
place ('Beijing' as a person) or that ends in a place word ('Castlefrank Road'), words the
article also writes in lower case ('water', 'landscape'), a name after a number ('10:00 GMT'),
a lone given name.

For a place: how it was resolved (curated, a country, a GeoNames town and its population, how
many places share the name and how much of their population the one taken holds), whether its
country is the story's setting and agrees with the article's other places, how far it lies
from the nearest of them, 'in X' / 'near X' and a kind word ('Idlib province') around it, the
model's label; against it, no point to map, a name that is a word of a person's name in the
same article.

Every value is a number the logistic model weighs (a share of the mentions, a log count, 1 for
a fact); the names are general, never the words of any one article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..text import fold, name_key
from .confidence import Evidence
from .entity_drafts import EntityDraft
from .gazetteer import SETTING_COUNTRIES, Gazetteer, split_kind_word
from .knowledge import Knowledge
from .nlp import figure_share, lowercase_words_of, speaks, text_of
from .place_index import Resolved, km
from .vocabulary import Lexicon

# The model's labels kept apart; the rest (DATE, CARDINAL, LAW...) count as one.
NER_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
SUBJECTS = ("nsubj",)
OBJECTS = ("dobj", "dative", "attr", "oprd")
MODIFIERS = ("compound", "amod", "nmod")  # a name modifying a noun: 'the Batman costume'
# Places this close to another of the story's are its neighbours (a town and its district, two
# towns of one valley); further off, the distance counts against a reading.
NEAR_KM = 50.0


@dataclass(frozen=True)
class Mention:
    """One distinct mention of an entity, with its tokens."""

    start: int
    end: int
    span: DocSpan


@dataclass(frozen=True)
class SentenceFacts:
    """What the evidence asks of a mention's sentence, whichever of its mentions asks."""

    start: int                     # its first token
    start_char: int
    capitalised: tuple[int, ...]   # the tokens of its words (alphabetic, no stop words) written capitalised
    uncapitalised: tuple[int, ...]  # ... and those not
    words: int                     # its tokens that are no space and no punctuation
    numbers: int                   # ... of them, those like a number

    @classmethod
    def read(cls, sentence: DocSpan) -> SentenceFacts:
        alpha = [t for t in sentence if t.is_alpha and not t.is_stop]
        tokens = [t for t in sentence if not t.is_space and not t.is_punct]
        return cls(sentence.start, sentence.start_char, tuple(t.i for t in alpha if t.text[:1].isupper()),
                   tuple(t.i for t in alpha if not t.text[:1].isupper()), len(tokens),
                   sum(1 for t in tokens if t.like_num))


@dataclass
class ArticleView:
    """What the evidence of every entity of one article is read against."""

    doc: Doc
    knowledge: Knowledge
    gazetteer: Gazetteer
    context: list[str]                 # country codes, setting first; then region codes
    story: list[tuple[int, int]]       # the story's paragraphs (not title, dek, captions)
    lowercase: frozenset[str]          # words the article writes in lower case
    person_words: frozenset[str]       # name keys of the words of its PERSON names of two words or more
    countries: Counter[str]            # country code -> how many mentions of its places lie there
    points: list[tuple[tuple[str, str], float, float]]  # (draft key, lat, lon) of its places below countries
    figures: float                     # the share of its words that are numbers: tables of results, prices
    # Sentence facts by the sentence's first token, read once: every mention asks them of its sentence.
    sentence_facts: dict[int, SentenceFacts] = field(default_factory=dict)

    def sentence_of(self, span: DocSpan) -> SentenceFacts:
        """The facts of the sentence the span starts in."""
        sentence = span[0].sent
        facts = self.sentence_facts.get(sentence.start)
        if facts is None:
            facts = self.sentence_facts[sentence.start] = SentenceFacts.read(sentence)
        return facts

    @classmethod
    def read(cls, doc: Doc, drafts: Iterable[EntityDraft], knowledge: Knowledge, gazetteer: Gazetteer,
             context: list[str], story: list[tuple[int, int]] | None) -> ArticleView:
        lowercase = lowercase_words_of(doc)
        person_words = frozenset(name_key(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                                 for t in ent if t.is_alpha)
        drafts = list(drafts)
        # Places only, by mentions: the story's focus, not the states it names acting ('Russia accused').
        countries: Counter[str] = Counter()
        for d in drafts:
            if d.country and _is_place(d):
                countries[d.country] += len({(m.start, m.end) for m in d.mentions})
        points = [(d.key, d.resolved.lat, d.resolved.lon) for d in drafts if d.facet == "place" and d.resolved
                  and d.resolved.lat is not None and d.resolved.lon is not None]
        figures = figure_share(doc)
        return cls(doc, knowledge, gazetteer, context, list(story) if story is not None else [(0, len(text_of(doc)))],
                   lowercase, person_words, countries, points, round(figures, 3))

    def mentions(self, ent: EntityDraft) -> list[Mention]:
        out = []
        for start, end in sorted({(m.start, m.end) for m in ent.mentions}):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out.append(Mention(start, end, span))
        return out


def actor_evidence(view: ArticleView, ent: EntityDraft, kind: str, name: str) -> Evidence:
    """The evidence that `ent`, finished as an actor of `kind` named `name`, is one."""
    mentions = view.mentions(ent)
    evidence = mention_evidence(view, mentions)
    lexicon = view.knowledge.lexicon
    if ent.facet == "country":
        evidence["state"] = 1.0
    elif ent.known is not None and not ent.known.archive:
        evidence["known"] = 1.0  # the shipped knowledge base, not an entity file of the archive
    else:
        # A kind guessed from the words of the name ('Comic Corps': an armed group?) says more
        # about the name than a kind the knowledge base gives.
        evidence[f"kind:{kind}"] = 1.0
    words = [w for w in name.split() if any(ch.isalpha() for ch in w)]
    if kind == "person":
        named = [w for w in words if any(ch.isupper() for ch in w)]  # 'al-Assad' too, not 'de'
        evidence["lone_name" if len(named) <= 1 else "full_name"] = 1.0
    if _has_role(view, ent, mentions):
        evidence["role"] = 1.0
    roots = [m.span.root for m in mentions]
    if roots:
        # The subject of a verb acts; the subject of 'is' is being defined ('Homeopathy is a form of...').
        evidence["subject"] = _share(r.dep_ in SUBJECTS and r.head.pos_ == "VERB" for r in roots)
        evidence["subject_of_be"] = _share(r.dep_ in SUBJECTS and r.head.pos_ == "AUX" for r in roots)
        evidence["object"] = _share(r.dep_ in OBJECTS for r in roots)
        evidence["after_preposition"] = _share(r.dep_ == "pobj" for r in roots)
        evidence["modifier"] = _share(r.dep_ in MODIFIERS for r in roots)
        evidence["possessor"] = _share(r.dep_ == "poss" for r in roots)
        if any(speaks(r, lexicon.speech_lemmas, lexicon.reporting_verbs) for r in roots):
            evidence["speaker"] = 1.0
        # Where a place stands ('in X', 'near X'): a state's mentions stand there too ('sanctions
        # on Iran'); a person's or a firm's seldom do.
        evidence["after_placing_word"] = _after_placing_word(view.doc, [m.span for m in mentions], lexicon)
    labels = [_ner_label(m.span) for m in mentions]
    # The model's label against the kind taken: the weights of the labels alone cannot say that
    # GPE is good evidence for a state and bad for a person.
    if kind == "person":
        evidence["label_not_person"] = _share(label not in ("PERSON", "none") for label in labels)
    elif ent.facet != "country":
        evidence["label_person"] = _share(label == "PERSON" for label in labels)
    if kind == "person":
        # A club or a firm may be named after its town ('Barcelona'); a person is not.
        if view.gazetteer.is_big_place(name):
            evidence["place_name"] = 1.0  # a 'person' called Beijing
        last = words[-1].lower() if words else ""
        if last in lexicon.place_kind_words or last in lexicon.road_words or last in lexicon.facility_words:
            evidence["place_word"] = 1.0  # 'Castlefrank Road', 'Adler Planetarium' typed as a person
    if ent.facet != "country":
        folded = [w.lower().strip(".,") for w in fold(name).replace("-", " ").split()]
        if kind != "person" and any(w in entry.words for entry in lexicon.organisation_kinds for w in folded):
            evidence["kind_word"] = 1.0  # 'Party', 'Ministry', 'University': the name says what it is
        alpha = [w.lower() for w in words if w.isalpha()]
        if alpha:
            evidence["common_words"] = _share(w in view.lowercase or w + "s" in view.lowercase for w in alpha)
        if name.isupper() and len(name) <= 6:
            evidence["acronym"] = 1.0
    return {name: value for name, value in evidence.items() if value}


def place_evidence(view: ArticleView, ent: EntityDraft, kind: str, res: Resolved | None) -> Evidence:
    """The evidence that `ent`, finished as a place of `kind` read as `res`, is that place."""
    mentions = view.mentions(ent)
    evidence = mention_evidence(view, mentions)
    evidence[f"kind:{kind}"] = 1.0
    lexicon = view.knowledge.lexicon
    if ent.facet == "country" or (res is not None and res.known and not res.archive):
        evidence["curated"] = 1.0
    if ent.facet == "country":
        if view.knowledge.countries[ent.key[1]].lat is None:
            evidence["no_point"] = 1.0
    elif res is None or res.lat is None:
        evidence["no_point"] = 1.0  # nothing to put on a map, nothing to check a distance by
    if res is not None and res.population:
        evidence["population"] = round(math.log10(res.population + 1) / 7, 3)
    texts = [m.span.text for m in mentions if m.span.text[:1].isupper()]
    if texts and ent.facet != "country":
        text = Counter(texts).most_common(1)[0][0]
        key = name_key(split_kind_word(text, lexicon.place_kind_words)[0])
        cities = view.gazetteer.cities.get(key, [])
        namesakes = (len(cities) + len(view.gazetteer.subdivisions.get(key, []))
                     + len(view.knowledge.place_by_key.get(key, [])))
        evidence["namesakes"] = round(math.log1p(namesakes), 3)
        if res is not None and cities and res.geonames is not None:
            biggest = max(cities, key=lambda c: c.population)
            evidence["biggest_namesake"] = 1.0 if biggest.geonameid == res.geonames else 0.0
            # How much of the name's namesakes' people live in the one taken: 1 for Paris, France.
            evidence["dominance"] = round(res.population / (sum(c.population for c in cities) or 1), 3)
        if key in view.person_words:
            evidence["person_word"] = 1.0  # 'Paris' beside 'Valeska Paris'
    code = ent.country
    if code:
        if code in view.context[:SETTING_COUNTRIES]:
            evidence["setting"] = 1.0
        elif code not in view.context:
            evidence["outside_context"] = 1.0
        own = len(mentions) if _is_place(ent) else 0
        others = sum(view.countries.values()) - own
        if others > 0:
            evidence["agrees"] = round((view.countries[code] - own) / others, 3)
    nearest = _nearest_km(view, ent, res)
    if nearest is not None and nearest > NEAR_KM:
        # A point far from every other place of the story is often the wrong namesake:
        # 0 within NEAR_KM of one, 1 at a hundred times that.
        evidence["far_from_others"] = round(min(1.0, math.log10(nearest / NEAR_KM) / 2), 3)
    spans = [m.span for m in mentions]
    if spans:
        evidence["after_placing_word"] = _after_placing_word(view.doc, spans, lexicon)
        evidence["subject"] = _share(s.root.dep_ in SUBJECTS for s in spans)
        if any(_kind_word_around(view.doc, s, lexicon.place_kind_words) for s in spans):
            evidence["kind_word"] = 1.0
        if any(_area_after_comma(view.doc, s) for s in spans):
            evidence["comma_area"] = 1.0  # 'Buffalo, New York'
    if any(m.span.text in view.knowledge.country_by_demonym for m in mentions):
        evidence["demonym"] = 1.0
    return {name: value for name, value in evidence.items() if value}


def mention_evidence(view: ArticleView, mentions: list[Mention]) -> Evidence:
    """What every kind of entity is judged by: labels, sources, counts, where its mentions stand."""
    evidence: Evidence = {}
    if not mentions:
        return {"no_mentions": 1.0}
    n = len(mentions)
    labels = Counter(_ner_label(m.span) for m in mentions)
    for label, count in labels.items():
        evidence[f"ner:{label}"] = round(count / n, 3)
    evidence["mentions"] = round(math.log1p(n), 3)
    sentences = [view.sentence_of(m.span) for m in mentions]
    evidence["sentences"] = round(math.log1p(len({s.start for s in sentences})), 3)
    if not any(a <= m.start and m.end <= b for m in mentions for a, b in view.story):
        evidence["outside_story"] = 1.0  # only in the title, the dek or a caption
    evidence["part_of_name"] = _share(_inside_longer_name(view.doc, m.span) for m in mentions)
    evidence["quoted"] = _share(_quoted(view.doc, m, s) for m, s in zip(mentions, sentences, strict=True))
    evidence["capitalised_around"] = round(sum(_capitalised_around(m.span, s)
                                               for m, s in zip(mentions, sentences, strict=True)) / n, 3)
    evidence["upper"] = _share(m.span.text.isupper() for m in mentions)
    evidence["figures_around"] = round(sum(_figures_around(s) for s in sentences) / n, 3)
    evidence["article:figures"] = view.figures
    evidence["after_number"] = _share(m.span.start > 0 and view.doc[m.span.start - 1].like_num for m in mentions)
    return {name: value for name, value in evidence.items() if value}


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 3) if values else 0.0


def _after_placing_word(doc: Doc, spans: list[DocSpan], lexicon: Lexicon) -> float:
    """The share of the mentions right after a locative word, 'of' included ('in X', 'near X',
    'the governor of X', 'sanctions on X')."""
    return _share(s.start > 0 and doc[s.start - 1].lower_ in lexicon.locative for s in spans)


def _ner_label(span: DocSpan) -> str:
    labels = Counter(t.ent_type_ for t in span if t.ent_type_)
    if not labels:
        return "none"
    label = labels.most_common(1)[0][0]
    return label if label in NER_LABELS else "other"


def _inside_longer_name(doc: Doc, span: DocSpan) -> bool:
    """The model's entity runs on past the mention: 'Warhol' in 'the Andy Warhol Museum'; not
    'the' before it ('the Euphrates River') nor a possessive after it."""
    i = span.start
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
        if doc[i].lower_ not in ("the", "a", "an"):
            return True
    j = span.end
    return j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].text not in ("'s", "’s", "'", "’")


def _quoted(doc: Doc, mention: Mention, sentence: SentenceFacts) -> bool:
    before = text_of(doc)[sentence.start_char:mention.start]
    opened = before.count('"') % 2 == 1
    return opened or before.count("“") > before.count("”")


def _capitalised_around(span: DocSpan, sentence: SentenceFacts) -> float:
    """The share of the other words of the sentence that are capitalised: near 1 in a heading,
    a credit or a list of titles, low in running prose."""
    capitalised = sum(1 for i in sentence.capitalised if not span.start <= i < span.end)
    words = capitalised + sum(1 for i in sentence.uncapitalised if not span.start <= i < span.end)
    if words < 3:
        return 0.0
    return capitalised / words


def _is_place(draft: EntityDraft) -> bool:
    """A place, or a country named as one (its mentions vote: 'in Syria', not 'Russia accused')."""
    return draft.facet == "place" or (draft.facet == "country" and draft.votes["actor"] <= draft.votes["place"])


def _nearest_km(view: ArticleView, ent: EntityDraft, res: Resolved | None) -> float | None:
    """Kilometres to the nearest other place of the article (countries aside: their point is a
    centre, far from most of their towns), or None."""
    if ent.facet != "place" or res is None or res.lat is None or res.lon is None:
        return None
    others = [km(res.lat, res.lon, lat, lon) for key, lat, lon in view.points if key != ent.key]
    return min(others) if others else None


def _figures_around(sentence: SentenceFacts) -> float:
    """The share of the sentence's tokens that are numbers: high in a table of results or prices."""
    return sentence.numbers / sentence.words if sentence.words else 0.0


def _has_role(view: ArticleView, ent: EntityDraft, mentions: list[Mention]) -> bool:
    """A title before it ('Minister Ali'), or an apposition naming a person's role ('Ali, a farmer')."""
    if ent.role:
        return True
    lexicon = view.knowledge.lexicon
    for mention in mentions:
        span = mention.span
        if span.start > 0 and view.doc[span.start - 1].lower_ in lexicon.titles:
            return True
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        if any(n.lemma_.lower() in lexicon.person_nouns or n.lower_ in lexicon.titles for n in nouns):
            return True
    return False


def _kind_word_around(doc: Doc, span: DocSpan, kinds: dict[str, str]) -> bool:
    """'Idlib province', 'the town of Yeoncheon'."""
    if span.end < len(doc) and doc[span.end].lower_ in kinds:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in kinds


def _area_after_comma(doc: Doc, span: DocSpan) -> bool:
    """A wider area after a comma ('Texas' after 'Austin, '), or this the area after a town and a
    comma ('Austin' before ', Texas')."""
    after = span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ in ("GPE", "LOC")
    before = span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ in ("GPE", "LOC")
    return after or before
