"""Which entity of the story, already met, a name refers to: a surname or a given name alone
('Assad', 'Jaqueline'), a short form of an organisation's name, its initials ('PHR').
`entities.build_entities` asks these before it reads a name afresh."""

from __future__ import annotations

from ..text import name_key
from .entity_drafts import Drafts, EntityDraft, entity_texts
from .vocabulary import Lexicon


def bearers(text: str, entities: Drafts, given_only: bool = False) -> list[EntityDraft]:
    """The persons of this article whose full name has the one word `text` as its given name
    (or, unless `given_only`, its surname), latest first."""
    key = name_key(text)
    if not key or " " in key:
        return []
    return [ent for ent in reversed(list(entities.values())) if ent.kind == "person"
            and any(len(words) > 1 and (words[0] == key or (not given_only and words[-1] == key))
                    for words in (name_key(t).split() for t in entity_texts(ent)))]


def person_named(text: str, entities: Drafts) -> EntityDraft | None:
    """The person of this article whose given name or surname the one word `text` is. Not after
    'in' or 'to' (the caller's check): 'Paris Hilton ... flew to Paris' keeps the city."""
    return next(iter(bearers(text, entities)), None)


def corefer(text: str, label: str, entities: Drafts, lexicon: Lexicon) -> EntityDraft | None:
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
        for mention_key in {name_key(m_text) for m_text in entity_texts(ent)}:
            other = mention_key.split()
            if len(other) > len(words) and other[-len(words):] == words:
                return ent
            if label == "ORG" and ent.kind == "person" and other == words:  # "Jaqueline's husband", typed ORG
                return ent
            if label == "ORG" and text.isupper() and initials(mention_key, lexicon) == text.lower():
                return ent
    return body_named_before_of(words, entities, lexicon) if label == "ORG" else None


def body_named_before_of(words: list[str], entities: Drafts, lexicon: Lexicon) -> EntityDraft | None:
    """'the Supreme Court' after 'the Ruritanian Supreme Court of Appeal', 'the Bank' after 'the
    Bank of Elbonia': a body's name cut before its 'of' is that body, if it is the one organisation
    of the story so named. Its last word says what kind of body it is ('court', 'bank'): 'Dana
    Reyes' is no short form of 'Dana Reyes of Weston', a person the model read as a body."""
    if words[-1] not in lexicon.kind_nouns:
        return None
    found = {id(ent): ent for ent in entities.values() if ent.facet == "actor" and ent.kind != "person"
             and any(_before_of(name_key(t).split(), words) for t in entity_texts(ent))}
    return next(iter(found.values())) if len(found) == 1 else None


def _before_of(whole: list[str], short: list[str]) -> bool:
    head = whole[:whole.index("of")] if "of" in whole else []
    return len(head) >= len(short) and head[len(head) - len(short):] == short


def given_name_bearer(text: str, entities: Drafts) -> EntityDraft | None:
    """'Jaqueline Fleming, who was 38, ... Jaqueline's husband': a given name alone is the one
    person of the article who bears it, if only one does. Asked after the place reading, so
    'Randwick' stays the suburb beside a 'Randwick Racecourse' the model called a person."""
    found = bearers(text, entities, given_only=True)
    return found[0] if len(found) == 1 else None


def initials(key: str, lexicon: Lexicon) -> str:
    return "".join(w[0] for w in key.split() if w not in lexicon.name_particles)
