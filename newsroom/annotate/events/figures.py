"""Words of violence used as figures of speech (`triggers.sentence_triggers` passes them over): a
fight against what is no enemy ('the fight against AIDS'), a clash of words ('clashed online',
'attacked the judge in an interview'), violence a work of fiction or art tells, a work that
'bombed', someone 'blasted' in words, a crowd or an amount that 'exploded', a game's score told
with a violent verb ('the Raiders killed the Chiefs 42-10', 'shot a 66'), and a fight of voices.
The word lists are data: domains.yaml `metaphor_objects`, the lexicon's settings, works and
bursting subjects."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import islice

from spacy.tokens import Token

from ..event_rules import Trigger
from ..knowledge import Knowledge, actor_key
from ..nlp import named_as, objects_of
from ..vocabulary import Lexicon
from .evidence import CONFLICT_KINDS, VIOLENT_CLASSES
from .participants import ARMED_KINDS, participant_tokens
from .victims import agent_tokens

_DASHES = frozenset({"-", "–", "—"})
_SCORE = re.compile(r"\d{1,3}[-–—]\d{1,3}")


def metaphor(head: Token, trigger: Trigger, knowledge: Knowledge) -> bool:
    """A fight or a battle against what is no enemy, a shooting of what is no target: 'the fight
    against AIDS', 'battling poverty', 'the shooting of the film's last scene'. Only for words of
    violence: a protest against corruption or a film is a protest. Nor a fight or an attack told
    as one in words ('clashed over taxes in the televised debate', 'attacked the judge in an
    interview'; not 'attacked during a speech'), nor violence told in a work of fiction ('was
    murdered in the novel's first chapter'), nor a work that 'bombed at the box office', nor
    someone 'blasted' in words (`_blasted_in_words`), nor a crowd, a person or an amount that
    'exploded' (lexicon bursting_subjects) or a side 'bombed out', nor a clash 'online'."""
    if trigger.cls not in VIOLENT_CLASSES:
        return False
    objects = knowledge.events.metaphor_objects
    # what is hit: the object, or the passive's subject ('the concert was bombed by critics')
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.dep_ == "acl":
        targets.append(head.head)  # 'the film (that) bombed', as the parser may read it
    elif trigger.cls == "explosive" and head.pos_ == "VERB" and not targets:
        targets = [c for c in head.children if c.dep_ == "nsubj"]  # 'the album bombed'
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "of")
                for g in c.children if g.dep_ == "pobj"]
    # what a shot fired is aimed at, hung on the shot ('fired three shots on goal')
    targets += [g for d in head.children if d.dep_ == "dobj" for c in d.children
                if c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for g in c.children if g.dep_ == "pobj"]
    settings = [(c.lower_, g) for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "on", "at")
                for g in c.children if g.dep_ == "pobj"]
    lexicon = knowledge.lexicon
    # a fight 'in', 'during' or 'at' a debate; an attack only 'in' or 'on' one (someone attacked
    # 'during a speech' was hit)
    in_words = any(g.lemma_.lower() in lexicon.speech_settings for p, g in settings
                   if trigger.cls == "fight" or (trigger.cls == "attack" and p in ("in", "on"))) \
        or any(c.dep_ == "advmod" and c.lower_ == "online" for c in head.children)  # 'clashed online'
    in_fiction = any(_a_work(g, lexicon.fiction_settings) for _, g in settings) or _told_by_a_work(head, lexicon) \
        or _opens_in_a_work(head, lexicon)
    flopped = trigger.cls == "explosive" and any(named_as(g, lexicon.flop_settings) for _, g in settings)
    # what bursts in a figure: a crowd, a person, prices, a row ('the crowd exploded', 'sales
    # exploded'); a side 'bombed out' of a match or a cup is beaten
    burst = trigger.cls == "explosive" and head.pos_ == "VERB" and (any(
        t.dep_ == "nsubj" and (t.lemma_.lower() in lexicon.bursting_subjects or t.ent_type_ == "PERSON")
        for t in targets) or any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children))
    return (in_words or in_fiction or flopped or burst or _by_voices(head, trigger, knowledge) or _scoreline(head)
            or _blasted_in_words(head, trigger, knowledge)
            or any(t.lower_ in objects or named_as(t, objects) for t in targets))


_BLAME_DOERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NO_OBJECT = frozenset({"VERB", "AUX", "ADP", "PUNCT", "NUM", "CCONJ", "PART", "SPACE"})


def _blasted_in_words(head: Token, trigger: Trigger, knowledge: Knowledge) -> bool:
    """'Blast' as a verb of blame, in headlines, politics and sport ('Senator blasts Republicans
    over budget cuts', 'Senate leader blasts pardon of jailed hijacker', 'the union blasted the
    decision'): a person, a body or a country, no armed side, blasts someone or something that
    is no property, and the sentence tells of no harm and no death. The parser often takes a
    headline's 'blasts' for a noun; then the words on either side are its subject and object.
    A headline it reads wholly wrong ('Coach blasts referee', the referee taken for a verb) is
    missed, and stays a blast. 'Two blasts rocked Kabul', 'twin blasts', 'bomb blasts', a
    blast's toll and militants who blast a post or a bridge stay explosions."""
    if trigger.cls != "explosive" or head.lower_ not in ("blasts", "blasted", "blast"):
        return False
    doc = head.doc
    if head.pos_ == "VERB":
        doers = [doc[i] for i in agent_tokens(head)]
        objects = [c for c in head.children if c.dep_ == "dobj"]
    elif head.lower_ != "blast" and 0 < head.i < len(doc) - 1 and doc[head.i + 1].pos_ not in _NO_OBJECT:
        doers, objects = [doc[head.i - 1]], [doc[head.i + 1]]
    else:
        return False
    lexicon = knowledge.lexicon
    speakers = lexicon.voice_words | lexicon.office_words
    # a name, or one who speaks for others (a headline capitalises 'Senator blasts ...')
    if not doers or not objects or not all(
            d.ent_type_ in _BLAME_DOERS or d.pos_ == "PROPN" or d.lemma_.lower() in speakers
            or (d.is_title and d.pos_ == "NOUN") for d in doers):
        return False
    named = participant_tokens(knowledge.events, head.sent, lexicon)
    armed = {i for kind in CONFLICT_KINDS for i in named.get(kind, ())}
    if any(d.i in armed or _a_known_armed_side(d, knowledge) for d in doers) or any(
            o.i in named.get("property", ()) for o in objects):
        return False  # militants who blast a post, a bomb that blasts a convoy, a bridge blasted
    return not any(t.lemma_.lower() in lexicon.hurt_words or t.lemma_.lower() in lexicon.death_words for t in head.sent)


def _a_known_armed_side(token: Token, knowledge: Knowledge) -> bool:
    """The name the token ends (its entity's, else its run of proper nouns) is an armed group's
    or a state's forces' in the knowledge base ('Taliban', 'Al Shabaab')."""
    doc = token.doc
    start = token.i
    if token.ent_type_:
        start = next(e.start for e in doc.ents if e.start <= token.i < e.end)
    else:
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
    known = knowledge.actor_by_key.get(actor_key(doc[start:token.i + 1].text))
    return known is not None and known.kind in ARMED_KINDS


def _told_by_a_work(head: Token, lexicon: Lexicon) -> bool:
    """Violence a work of fiction tells: a clause under a verb whose subject is the work ('the
    film follows a hitman who kills his way through Tokyo', 'the novel tells of a soldier who
    deserts and murders his officer', 'the series is about a gang that robs banks'), or a work of
    art shows ('the exhibition shows images of soldiers killed in battle'; lexicon artworks). Not
    what a report or a video says ('a video showed soldiers firing', 'the report said troops killed 20'):
    neither is fiction."""
    works = lexicon.fiction_settings | lexicon.artworks
    # the clauses above it, not the whole chain to the root ('shows images of war and of soldiers
    # killed in battle': 'battle' is eight words below 'shows')
    for node in islice(head.ancestors, 8):
        if node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and _a_work(c, works) for c in node.children):
            return True
    return False


def _opens_in_a_work(head: Token, lexicon: Lexicon) -> bool:
    """The sentence opens by setting what it tells in a work of fiction ('In the novel, soldiers
    massacre a village', 'In the film's last scene a sniper shoots him'), wherever the parser
    hangs that opening."""
    opening = list(islice(head.sent, 5))
    return bool(opening) and opening[0].lower_ == "in" and any(
        _a_work(t, lexicon.fiction_settings) for t in opening[1:4] if t.pos_ in ("NOUN", "PROPN"))


def _a_work(noun: Token, works: Collection[str]) -> bool:
    """The noun names a work ('the novel', 'the latest Bond film'), not a count or a stretch of
    what happened: 'a series of attacks', 'a new chapter of violence' name the attacks."""
    return named_as(noun, works) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _scoreline(head: Token) -> bool:
    """A game's result told with the trigger: a score hangs on it ('the Raiders killed the Chiefs
    42-10', 'Nigeria crushed Ghana 4-0', a golfer 'shot a 66'), or on a verb told with it
    ('attacked in the second half and won 3-1'). Not a range that counts something ('attacked 3-4
    villages') or dates ('attacked them over 24-26 June'): neither hangs on a verb."""
    for token in (c for verb in (head, *head.conjuncts) for c in verb.children):
        if token.dep_ not in ("npadvmod", "dobj") or not token.text[:1].isdigit():
            continue
        after = token.doc[token.i + 1:token.i + 3]
        if _SCORE.fullmatch(token.text) or (len(after) == 2 and after[0].text in _DASHES and after[1].text.isdigit()):
            return True
        # a round's score, a number with an article ('shot a 66', 'fired a 70')
        if token.dep_ == "dobj" and token.text.isdigit() and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                   for c in token.children):
            return True
    return False


def _by_voices(head: Token, trigger: Trigger, knowledge: Knowledge) -> bool:
    """An attack or a clash by those whose weapons are words (lexicon voice_words: critics, the
    press, lawmakers, the opposition; in a clash, also those who hold an office), where the
    sentence tells of no harm, no death and no armed side hit: 'the minister was attacked by
    critics over the scandal', 'MPs clashed over the budget'."""
    if trigger.cls not in ("attack", "fight"):
        return False
    lexicon = knowledge.lexicon
    voices = lexicon.voice_words
    doers = [head.doc[i] for i in agent_tokens(head)]
    if trigger.cls == "fight":
        # A clash has two sides, the one 'with' or 'between' as much as its subject; where each
        # holds an office ('the prime minister clashed with the opposition leader', 'a clash
        # between ministers'), the clash is an argument. Not for an attack: 'the rebel leader
        # attacked the town' is his men's.
        voices = voices | lexicon.office_words
        doers += [g for p in objects_of(head, ("with", "between")) for g in (p, *p.conjuncts)]
    if not doers or not all(d.lemma_.lower() in voices or d.lower_ in voices for d in doers):
        return False
    # the sentence's armed sides as every other rule reads them (phrases too: 'the air force')
    named = participant_tokens(knowledge.events, head.sent, lexicon)
    if named.get("state_forces") or named.get("armed_groups"):
        return False
    return not any(t.lemma_.lower() in lexicon.hurt_words or t.lemma_.lower() in lexicon.death_words
                   for t in head.sent)
