"""The named evidence an event's confidence is built from (see annotate/confidence.py).

Evidence for: participants of the kinds its type needs (armed sides, victims, weapons, a crowd),
named actors, deaths counted, a place. Evidence against: the article and the sentence speaking the
language of sport, business, technology, entertainment, health or the courts (domains.yaml),
where 'clash', 'attack' and 'shot' are metaphors, and a trigger inside a quotation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..confidence import Evidence
from ..event_rules import EventKnowledge
from ..nlp import lemma_text, text_of
from ..openings import could_match, text_openings
from .participants import Participants
from .untold import governing_verb

FACT_EVIDENCE = ("armed", "armed_both", "state_forces", "armed_groups", "crowd", "people", "victims_armed",
                 "victims_people", "explosives", "firearms", "property", "intervention", "riot_act")


# The participant kinds that are the language of armed conflict: their density says how much an
# article is about it (a war report names forces on every line; a film review names one in a metaphor).
CONFLICT_KINDS = ("state_forces", "armed_groups", "explosives", "firearms")
# The trigger classes of violence: how often an article uses them says how much it reports violence.
VIOLENT_CLASSES = ("kill", "attack", "raid", "fight", "fire_at_positions", "fire_observed", "explosive", "shelling",
                   "air_strike", "grenade", "abduct", "riot")


# What the field densities are shrunk by (a paragraph of words): an estimate from a one-sentence
# note is that much less sure than one from a whole story.
NEUTRAL_WORDS = 100


@dataclass(frozen=True)
class ArticleContext:
    """How much of each field's language the article's story speaks, conflict included: matches
    per 100 words, counted as if the story had `NEUTRAL_WORDS` more words that match nothing, so
    that two words of a short note ('stadium', 'celebrations') do not make it a sports report."""

    density: dict[str, float]
    sentences: int = 0

    @classmethod
    def read(cls, sentences: list[DocSpan], events: EventKnowledge, triggered: list[bool]) -> ArticleContext:
        """`triggered`: for each sentence, whether it holds any trigger word (`any_trigger`)."""
        words = sum(len(s) for s in sentences) + NEUTRAL_WORDS
        counts = dict.fromkeys([*events.domains.patterns, "conflict", "violence"], 0)
        violent = [t for t in events.triggers if t.cls in VIOLENT_CLASSES]
        # The sentences joined by a character no pattern matches or reads as a word: one search
        # per pattern finds what a search per sentence would, at a fraction of the calls.
        lemmas = "\0".join(lemma_text(sentence)[0] for sentence in sentences)
        # Violence is counted in the sentences with a trigger: every violent pattern is one.
        words_text = "\0".join(s.text for s, hit in zip(sentences, triggered, strict=True) if hit)
        for name, pattern in events.domains.patterns.items():
            counts[name] += len(pattern.findall(lemmas))
        for kind in CONFLICT_KINDS:
            counts["conflict"] += len(events.participants.patterns[kind].findall(lemmas))
        # A rule whose lower-cased pattern misses the lower-cased text finds nothing in it
        # (`Trigger.lowered`), nor does one none of whose openings the text holds (`openings`): most
        # of an article's violent rules, skipped at a fraction of the time.
        lowered = words_text.lower()
        held = text_openings(lowered)
        counts["violence"] += sum(len(t.pattern.findall(words_text)) for t in violent
                                  if could_match(t.openings, held) and t.lowered.search(lowered))
        return cls({name: 100.0 * n / words for name, n in counts.items()}, len(sentences))


# A story this short is a brief: a wire item or a conflict note, all of it the one event.
BRIEF_SENTENCES = 3
# The lead: the sentences a news story opens with, which say what happened; later ones give
# background, reactions and history.
LEAD_SENTENCES = 2


def event_evidence(event_type: str, trigger_class: str, sentence: DocSpan, head: Token, participants: Participants,
                   has_actor: bool, has_place: bool, has_deaths: bool, years_before: int | None,
                   context: ArticleContext, events: EventKnowledge, modals: frozenset[str], position: int = 0,
                   dated: bool = False, attributed: bool = False) -> Evidence:
    """`years_before`: how many years before the report the sentence dates the event, if it does;
    `position`: the sentence's place in the story (0 for the first); `dated`: the sentence says
    when it happened ('on Thursday'); `attributed`: it says who reports it ('police said')."""
    evidence: Evidence = {f"type:{event_type}": 1.0, f"class:{trigger_class}": 1.0}
    verb = governing_verb(head)
    if verb is not None:
        if verb.tag_ in ("VBD", "VBN") or "Past" in verb.morph.get("Tense", []):
            evidence["past"] = 1.0
        if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
            evidence["modal"] = 1.0
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            evidence["infinitive"] = 1.0  # 'to attack', 'plans to march': not (yet) done
    if head.dep_ == "ROOT" or head.head.dep_ == "ROOT":
        evidence["main_clause"] = 1.0
    if dated:
        evidence["dated"] = 1.0
    if attributed:
        evidence["attributed"] = 1.0
    if context.sentences <= BRIEF_SENTENCES:
        evidence["article:brief"] = 1.0
    if position < LEAD_SENTENCES:
        evidence["lead"] = 1.0
    for fact in FACT_EVIDENCE:
        if fact in participants.facts:
            evidence[fact] = 1.0
    if has_actor:
        evidence["named_actor"] = 1.0
    if has_place:
        evidence["place"] = 1.0
    if has_deaths:
        evidence["deaths"] = 1.0
    if _quoted(sentence, head):
        evidence["quoted"] = 1.0
    if years_before is not None and years_before >= 1:
        evidence["years_before"] = min(years_before, 10) / 10  # history told again, not news
    evidence["article:conflict"] = round(math.log1p(context.density["conflict"]), 3)
    evidence["article:violence"] = round(math.log1p(context.density["violence"]), 3)
    text, _ = lemma_text(sentence)
    for name, pattern in events.domains.patterns.items():
        # log-scaled: the first words of a field say most; a sports report says 'match' often
        evidence[f"article:{name}"] = round(math.log1p(context.density[name]), 3)
        hits = sum(1 for _ in pattern.finditer(text))
        if hits:
            evidence[f"sentence:{name}"] = min(hits, 3) / 3
    return evidence


def _quoted(sentence: DocSpan, head: Token) -> bool:
    """The trigger stands inside quotation marks: someone's words, often a figure of speech."""
    before = text_of(sentence.doc)[sentence.start_char:head.idx]
    opened = sum(before.count(q) for q in ('"', "“")) - before.count("”")
    return opened % 2 == 1 or before.count("“") > before.count("”")
