"""The trigger words of a sentence that tell something happened: affirmed, literal, and ordered
by their place in the parse (events.yaml gives the words; `finding` turns the first a frame
takes into an event). A word denied ('no one was killed'), only wished for ('vowed to attack'),
asked about or made a condition ('whether they were abducted', `untold`), foretold ('will
launch air strikes'), a weapon named as goods ('agreed to buy warplanes'), hedged ('a possible
bombing'), judged in court ('convicted of bombing'), used as a figure ('the fight against AIDS',
'blasts the decision') or making an adjective ('battle-hardened') tells nothing."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import islice

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ...model import Span
from ..event_rules import EventKnowledge, Trigger
from ..knowledge import Knowledge, actor_key
from ..nlp import definite, first_conjunct, named_as, objects_of, says_no
from ..openings import could_match, text_openings
from ..vocabulary import Lexicon
from .evidence import CONFLICT_KINDS, VIOLENT_CLASSES
from .participants import ARMED_KINDS, participant_tokens
from .untold import conditional, held_as_goods
from .victims import agent_tokens

_DASHES = frozenset({"-", "–", "—"})
_SCORE = re.compile(r"\d{1,3}[-–—]\d{1,3}")


def sentence_triggers(span: DocSpan, sentence: Span, has_actor: bool,
                      knowledge: Knowledge) -> tuple[list[tuple[Trigger, Token]], set[int]]:
    """Every trigger of the sentence that is affirmed and literal, highest in the parse first
    ('completely secured the highway after foiling the intense attack' reports the highway
    secured); file order breaks ties; casualty words ('wounded') come after all the others. Also
    the tokens any trigger's words cover: 'fire' in 'opened fire' says how people were attacked,
    not that a blaze broke out."""
    doc = span.doc
    said: set[int] = set()
    found: list[tuple[tuple[bool, int, int, int], Trigger, Token]] = []
    lowered = sentence.text.lower()
    held = text_openings(lowered)
    for order, trigger in enumerate(knowledge.events.triggers):
        if ((trigger.needs_actor and not has_actor) or not could_match(trigger.openings, held)
                or not trigger.lowered.search(lowered)):
            continue
        for match in trigger.pattern.finditer(sentence.text):
            words = doc.char_span(sentence.start + match.start(), sentence.start + match.end(), alignment_mode="expand")
            if words is None or len(words) == 0:
                continue
            said.update(t.i for t in words)
            head = min(words, key=lambda t: (_depth(t), t.i))
            if ((trigger.pos and head.pos_ not in trigger.pos) or _negated(head)
                    or conditional(head, knowledge.lexicon)
                    or (trigger.weapon and held_as_goods(head, knowledge.lexicon))
                    or _metaphor(head, trigger, knowledge)
                    or _qualifies(head) or _names_the_dead(head, trigger, knowledge)
                    or _in_the_dock(head, knowledge.lexicon) or _unreal(head, knowledge.lexicon)
                    or _judged(head, knowledge.lexicon)):
                continue
            found.append(((trigger.casualty, _depth(head), order, head.i), trigger, head))
    found.sort(key=lambda f: f[0])
    seen: set[int] = set()
    out = []
    for _, trigger, head in found:
        if head.i not in seen:  # one reading per word: the first rule that takes it
            seen.add(head.i)
            out.append((trigger, head))
    return out, said


def tells_force(sentence: str, events: EventKnowledge) -> bool:
    """The sentence has a word of a crowd broken up ('tear gas', 'dispersed', 'baton charge'):
    `finding` asks it of a sentence that is no event of its own."""
    lowered = sentence.lower()
    return any(t.cls == "intervention" and t.lowered.search(lowered) for t in events.triggers)


def _in_the_dock(head: Token, lexicon: Lexicon) -> bool:
    """Violence told as the case a court judges: what someone is tried, convicted, sentenced or
    jailed for, or sentenced to ('was convicted of bombing a bus station and killing two guards',
    'sentenced to death for murder', 'jailed for his part in the attack'; lexicon court_words),
    reached from the court's word through prepositions and lists only. Not violence beside a
    trial ('gunmen killed a judge who had jailed militants'), nor what police arrest someone for:
    an arrest is no verdict."""
    node = head
    for _ in range(6):
        if node.dep_ not in ("conj", "pobj", "pcomp", "prep") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lexicon.court_words:
            return True
    return False


def _unreal(head: Token, lexicon: Lexicon) -> bool:
    """Violence named as what has not happened: one qualified as possible, planned or imminent
    (lexicon unreal_modifiers: 'a possible bombing of the stadium'), or what someone guards
    against (lexicon guarding_words: 'to prevent attacks', 'vulnerable to bombings', 'the risk
    of an attack'). 'Troops repelled an attack' and 'further clashes' happened."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in lexicon.unreal_modifiers for c in head.children):
        return True
    top = first_conjunct(head)
    preposition = top.head
    return (top.dep_ == "pobj" and preposition.lower_ in ("against", "of", "to", "from")
            and preposition.head.lemma_.lower() in lexicon.guarding_words)


def _judged(head: Token, lexicon: Lexicon) -> bool:
    """Violence the story has in mind, judged: 'the' attacks, the subject of 'be' and an adjective
    ('the attacks were deliberate and brutal', 'the killing was senseless'). A judgment tells no
    event; the event is told where it happened, or is long past (a court's, a memorial's)."""
    verb = head.head
    return (head.pos_ == "NOUN" and head.dep_ == "nsubj" and verb.lemma_ == "be"
            and definite(head, lexicon.definite_determiners)
            and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in verb.children))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _negated(token: Token) -> bool:
    """'has not issued a statement', 'no major clashes occurred', 'he is not blaming', and a verb
    whose subject is no one ('no group has claimed responsibility', 'nobody was killed'); but
    'the date of the recording, released on Thursday, was not clear' denies the date, not the
    release."""
    return says_no(token) or any(c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in ("nobody", "none", "no-one") or says_no(c))) for c in token.children)


def wished(token: Token, knowledge: Knowledge) -> bool:
    """Violence only called for, planned or feared ('vowed to attack', 'threatened attacks').
    Not what happened beside such a verb ('was killed after he threatened them': an adverbial
    clause; 'threatened the villagers and attacked them': a verb in the past joined to it, told
    as done, where 'urged them to hold the line and keep fighting' joins what is urged;
    'students protested in the city, they also called for help': a clause told in the past
    before it), nor under 'wanted' as a modifier ('an insurgent wanted for attacks was killed')."""
    node = token
    while node.head.i != node.i:
        verb = node.head
        if verb.lemma_.lower() in knowledge.lexicon.wishing_verbs and verb.pos_ == "VERB" \
                and node.dep_ != "advcl" and not (node.dep_ == "conj" and node.tag_ == "VBD") \
                and verb.dep_ != "acl" and not _wanted_for(verb) \
                and not _told_before(node, verb):
            return True
        node = verb
    return False


def _told_before(clause: Token, verb: Token) -> bool:
    """A clause in the past tense, with its own subject and no modal, that comes before the verb
    the parser hung it on: two sentences joined by a comma ('X protested, the students also
    called for Y'), not what is urged ('Kill them, he urged') or foretold ('they will attack,
    he warned')."""
    return (clause.dep_ == "ccomp" and clause.i < verb.i and clause.tag_ == "VBD"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ == "aux" for c in clause.children))


def _wanted_for(verb: Token) -> bool:
    """'wanted for murder': sought by the police, a participle the parser may read as the verb."""
    doc = verb.doc
    return verb.lemma_.lower() == "want" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "for"


def _qualifies(head: Token) -> bool:
    """A violent noun that makes an adjective with the word after it describes what someone is,
    not what happened: 'battle ready', 'battle-hardened', 'war-weary', 'combat-ready'."""
    doc = head.doc
    nxt = head.i + 1 + (head.i + 1 < len(doc) and doc[head.i + 1].text == "-")
    if head.pos_ != "NOUN" or nxt >= len(doc):
        return False
    after = doc[nxt]
    # 'bandh imposed in X', 'the attack launched by': a participle after the noun tells the event
    return ((after.tag_ == "JJ" and (after.head.i == head.i or head.head.i == after.i))
            or (head.dep_ == "npadvmod" and head.head.i == after.i))


def _names_the_dead(head: Token, trigger: Trigger, knowledge: Knowledge) -> bool:
    """A death word that only says whose someone or something is, of a person the story has told
    of: 'the dead soldier's commander said', "the slain journalists' families", 'the funeral of the
    murdered officer'. The dead are named by a definite determiner or a possessive, as owners; a
    count ('two dead soldiers were found') or the dead as the ones the clause is about ('the
    murdered girl was found in a field') still tells the death."""
    if trigger.cls != "kill" or head.dep_ != "amod" or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    person = head.head
    owner = person.dep_ == "poss" or (person.dep_ == "pobj" and person.head.lower_ == "of"
                                      and person.head.head.pos_ == "NOUN")
    return owner and (definite(person, knowledge.lexicon.definite_determiners)
                      or any(c.dep_ == "poss" for c in person.children))


def _metaphor(head: Token, trigger: Trigger, knowledge: Knowledge) -> bool:
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
