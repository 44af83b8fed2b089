"""Who takes part in an event, read from its sentence: the facts event_frames.yaml asks for.

A participant is a named actor (by its kind) or a word of participants.yaml (by its list),
matched on the lemmas of the sentence ('armed men', 'policemen', 'petrol bombs'). Roles come
from the parse around the trigger (`victims`: whom a killing or an attack befalls); the rest of
the sentence only says who was there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ...model import Actor, Span
from ..event_rules import EventKnowledge, Trigger
from ..knowledge import Knowledge
from ..nlp import lemma_text, objects_of, speaks
from ..vocabulary import Lexicon
from .sides import armed_against_a_name, two_sides
from .victims import (
    agent_tokens,
    armed_by_reference,
    at_home,
    by_a_mob,
    heads,
    no_longer_serving,
    stone_throwers,
    victim_tokens,
)

ARMED_KINDS = {"armed-force": "state_forces", "armed-group": "armed_groups"}
DIPLOMATIC_KINDS = {"state", "international-body", "government-body"}
# Who rallies and marches for a cause: a party's or a union's rally is a protest, a team's is not.
MOVEMENT_KINDS = {"political-party", "ngo", "religious-body"}
# ... and who may rally for a cause the sentence names: not a state, a company or a person
# ('shares rallied against the dollar after the Fed cut rates').
ORGANISED_KINDS = MOVEMENT_KINDS | {"organisation", "university"}


@dataclass
class Participants:
    facts: set[str] = field(default_factory=set)
    # word list -> the tokens of the sentence that name one (for the evidence and for tests)
    found: dict[str, set[int]] = field(default_factory=dict)


def participant_tokens(events: EventKnowledge, sentence: DocSpan, lexicon: Lexicon) -> dict[str, set[int]]:
    """The sentence's tokens by the word list that names them. A phrase of one list inside a
    longer phrase of another is that other's ('petrol bomb' is an incendiary, not a bomb).
    People are named by a noun, or by one of lexicon `people_adjectives`; explosives named by
    an adjective only where it qualifies one of lexicon `explosive_heads` ('explosive device',
    not 'an explosive piece of evidence')."""
    doc = sentence.doc
    text, starts = lemma_text(sentence)
    matches = [(kind, match.start(), match.end()) for kind, pattern in events.participants.patterns.items()
               for match in pattern.finditer(text)]
    found: dict[str, set[int]] = {}
    for kind, start, end in matches:
        if any(other != kind and a <= start and end <= b and b - a > end - start for other, a, b in matches):
            continue
        # the tokens the match covers: those starting inside it
        tokens = {sentence.start + n for n, at in enumerate(starts) if start <= at < end}
        if kind == "people" and not any(doc[i].pos_ in ("NOUN", "PROPN")
                                        or doc[i].lemma_.lower() in lexicon.people_adjectives for i in tokens):
            continue
        if kind == "explosives" and all(doc[i].pos_ == "ADJ"
                                        and doc[i].head.lemma_.lower() not in lexicon.explosive_heads for i in tokens):
            continue
        found.setdefault(kind, set()).update(tokens)
    # A word for people capitalised in the plural is tagged a proper noun and keeps its form as its
    # lemma ('kidnapped by armed Maoists', 'Militants attacked'): read it by its singular. Not
    # the last word of a name ('the Syrian Democratic Forces'): an actor, read by its kind.
    for token in sentence:
        if token.tag_ == "NNPS" and token.ent_type_ in ("", "NORP") \
                and not any(token.i in named for named in found.values()):
            plural = next((k for k, words in events.participants.words.items() if token.lower_[:-1] in words), None)
            if plural is not None:
                found.setdefault(plural, set()).add(token.i)
    return found


@dataclass(frozen=True)
class Present:
    """Who and what a sentence names, whichever of its triggers is read: the same for all."""

    found: dict[str, set[int]]         # word list (or actor kind) -> the tokens naming one
    actor_tokens: dict[str, set[int]]  # armed kinds and persons named by the article's actors
    diplomat: bool                     # a party to diplomacy is named
    movement: bool = False             # a party, NGO or religious body is named (MOVEMENT_KINDS)
    organised: bool = False            # ... or another organisation (ORGANISED_KINDS)
    unarmed_named: frozenset[int] = frozenset()  # the tokens of named actors known to be unarmed
    communal: bool = False             # sides named by community, kin or land (lexicon communal_words)
    stone_throwers: frozenset[int] | None = None  # who throws stones (empty: unsaid), None if none thrown


def present_in(sentence: DocSpan, in_actors: list[tuple[Span, Actor]], said: set[int],
               knowledge: Knowledge) -> Present:
    """`said`: the tokens of the sentence's trigger words, none of which is a hazard ('opened
    fire', 'set fire to')."""
    doc = sentence.doc
    found = participant_tokens(knowledge.events, sentence, knowledge.lexicon)
    sources = _sources(sentence, knowledge.lexicon)
    found = {kind: tokens - sources for kind, tokens in found.items() if tokens - sources}
    if "hazards" in found:
        found["hazards"] -= said | {t.i for t in sentence if _gunfire(t, found, knowledge)
                                    or _circumstance(t, knowledge)} | _modifiers(found, doc)
    actor_tokens: dict[str, set[int]] = {}
    unarmed: set[int] = set()
    diplomat = False
    for mention, actor in in_actors:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        # A party to diplomacy counts as the one who tells too ('the envoy said he hopes to convene talks').
        diplomat = diplomat or actor.kind in DIPLOMATIC_KINDS or bool(
            actor.role and knowledge.lexicon.diplomatic_role.search(actor.role))
        if all(t.i in sources for t in span):
            continue
        if actor.kind not in ARMED_KINDS and actor.kind != "organisation":  # not an unknown name's default kind
            unarmed.update(t.i for t in span)
        # A person named is someone hurt or acting alone, not a crowd: 'persons' counts as a
        # victim and as someone present, never as people rioting.
        kind = ARMED_KINDS.get(actor.kind) or ("persons" if actor.kind == "person" else None)
        if kind is not None:
            actor_tokens.setdefault(kind, set()).update(t.i for t in span)
    for kind, tokens in actor_tokens.items():
        found.setdefault(kind, set()).update(tokens)
    # People named by their nation ('two Palestinians'): victims when hurt, but no crowd, since
    # sport names teams so ('the Italians fought back').
    nationals = {t.i for t in sentence if t.tag_ in ("NNS", "NNPS") and t.lower_.endswith("s")
                 and t.text[:-1] in knowledge.country_by_demonym}
    if nationals:
        found["nationals"] = nationals
    kinds = {actor.kind for _, actor in in_actors}
    lexicon = knowledge.lexicon
    communal = any(t.lemma_.lower() in lexicon.communal_words and t.pos_ in ("NOUN", "ADJ") for t in sentence)
    throwers = stone_throwers(sentence.doc, found, lexicon)
    return Present(found, actor_tokens, diplomat, bool(kinds & MOVEMENT_KINDS), bool(kinds & ORGANISED_KINDS),
                   frozenset(unarmed), communal, None if throwers is None else frozenset(throwers))


def _sources(sentence: DocSpan, lexicon: Lexicon) -> set[int]:
    """The tokens naming who tells of the event, not who took part: the subject of a speech verb
    ('said an officer of the police station', 'police told reporters') and what 'according to'
    names."""
    return {t.i for root in sentence if speaks(root, lexicon.speech_lemmas, lexicon.speech_forms)
            for t in root.subtree}


def _modifiers(found: dict[str, set[int]], doc: Doc) -> set[int]:
    """Hazard words that only qualify another noun name a thing, not what killed: an 'Ebola
    treatment centre', 'malaria nets', a 'fire station'. Not when that noun is a hazard or an
    explosion itself ('a cholera outbreak', 'a boiler explosion')."""
    hazards = found["hazards"]
    causes = hazards | found.get("explosives", set())
    return {i for i in hazards if doc[i].dep_ in ("compound", "amod") and doc[i].head.i not in causes}


def _circumstance(token: Token, knowledge: Knowledge) -> bool:
    """A word said of when or amid what something else happened ('attacked party workers who were
    distributing food during the lockdown amid the pandemic'): the setting, not a cause of death.
    Not when the preposition hangs on a word of violence or dying: in 'killed during a storm' the
    storm is what killed."""
    lexicon = knowledge.lexicon
    for ancestor in token.ancestors:
        if ancestor.lower_ in lexicon.circumstance_prepositions and ancestor.pos_ == "ADP":
            told = ancestor.head
            return not (knowledge.events.any_trigger.fullmatch(told.lower_)
                        or told.lemma_.lower() in lexicon.harm_words)
    return False


def _gunfire(token: Token, found: dict[str, set[int]], knowledge: Knowledge) -> bool:
    """A word whose lemma is the blaze's but that means shooting: 'killed in firing', 'shells fired
    by' (lexicon gunfire_forms), and the noun 'fire' said to be a side's or a weapon's ('Indian
    fire', 'army fire', 'sniper fire') or what a shooting verb does ('returned fire', 'responded
    with fire', 'an exchange of fire'); not a blaze ('a fire broke out', 'a house fire')."""
    if token.lower_ in knowledge.lexicon.gunfire_forms:
        return True
    if token.lower_ != "fire":
        return False
    if token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.lower_ in ("with", "of")):
        verb = token.head.head if token.dep_ == "pobj" else token.head  # not 'responded to a fire'
        if verb.lemma_.lower() in knowledge.lexicon.gunfire_verbs:
            return True
    armed = found.get("state_forces", set()) | found.get("armed_groups", set()) | found.get("firearms", set())
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (
        c.i in armed or c.lower_ in knowledge.lexicon.gunfire_modifiers or c.text in knowledge.country_by_demonym)
        for c in token.children)


def read_participants(sentence: DocSpan, head: Token, trigger: Trigger, present: Present,
                      others: list[tuple[Trigger, Token]], knowledge: Knowledge) -> Participants:
    """The facts about an event's participants, from what its sentence names (`present_in`).
    `others`: the sentence's other triggers (a protest or riot word there says a crowd is
    present)."""
    doc = sentence.doc
    found, actor_tokens, diplomat = present.found, present.actor_tokens, present.diplomat
    facts: set[str] = set()
    armed = found.get("state_forces", set()) | found.get("armed_groups", set())
    if armed:
        facts.add("armed")
    for kind in ("state_forces", "armed_groups", "explosives", "firearms", "property"):
        if found.get(kind):
            facts.add(kind)
    if head.pos_ == "VERB" and head.lemma_.lower() in knowledge.lexicon.shooting_verbs:
        facts.add("firearms")  # 'were shot by a man': a gun was used, though none is named
    doers = agent_tokens(head)
    facts |= _who_did_it(doc, doers, found, knowledge.lexicon)
    if (found.get("hazards") and not doers & armed) or doers & found.get("animals", set()):
        # What kills without a hand, unless the trigger's own doer is armed ('the country plunged
        # into chaos after soldiers killed 20 protesters'); and an animal that attacks ('was
        # attacked by a dog'): no one's violence.
        facts.add("hazard")
    if found.get("crowds") or any(t.cls in ("protest", "labour_strike") or (t.cls == "riot" and h.i != head.i)
                                  for t, h in others):
        # A riot word says a crowd was there when it is not the event's own: 'militants torched
        # a school' names no crowd (ACLED's property destruction), 'rioters torched' does.
        facts.add("crowd")
    elif any(t.cls == "gathering" for t, _ in others) and (
            found.get("people") or present.movement
            or ((present.organised or any(v for k, v in found.items() if k != "hazards"))
                and _grievance_named(sentence, knowledge.lexicon))):
        # 'villagers blocked the highway', 'the Awami League held rallies', 'dog owners
        # gathered to protest': not shares that rally or fans who gather to celebrate.
        facts.add("crowd")
    if found.get("people"):
        facts.add("people")
    if any(t.cls == "intervention" for t, _ in others):
        facts.add("intervention")
    throwers = present.stone_throwers
    if throwers is not None and not throwers & armed:
        facts.add("stones_thrown")  # by a crowd or by people, not by police or militants
    if any(t.cls in ("riot", "violent_protest") and not _grieved(h, knowledge.lexicon) for t, h in others) or (
            "stones_thrown" in facts):
        facts.add("riot_act")
    if trigger.cls == "fight" and (_strives(head) or _against_a_hazard(head, found.get("hazards", set()))):
        facts.add("effort")
    if two_sides(found, actor_tokens, trigger, armed) or (
            trigger.cls == "fight" and armed_against_a_name(sentence, found, present.unarmed_named)):
        facts.add("armed_both")
    if trigger.cls == "kill" and any(t.mutual and h.i != head.i and head in h.ancestors
                                     for t, h in others):
        facts.add("in_fight")  # 'killed in a gunfight with police': a death in a two-sided fight
    if trigger.cls == "kill" and any(t.cls == "fight" and h.lemma_.lower() in knowledge.lexicon.clash_words
                                     for t, h in others):
        # 'opposing groups clashed; one activist killed': a death in a clash. Not in an
        # 'offensive' or 'combat', words of armies whether or not the sentence names one; and
        # a death, not an 'attack', which sport has ('sides clashed, the referee was attacked').
        facts.add("in_clash")
    if trigger.cls == "kill" or any(t.cls == "kill" for t, _ in others):
        facts.add("deadly")
    if present.communal:
        facts.add("communal")  # sides named by community, kin or land ('two communities', 'a land dispute')
    victims = victim_tokens(head, knowledge.lexicon)
    # Whom a killing befalls is judged by who serves now: a retired soldier is one of the people.
    retired = {i for i in armed if no_longer_serving(doc[i], knowledge.lexicon)}
    armed = armed - retired
    if doers & armed:
        facts.add("armed_doers")
    if trigger.cls == "intervention" and not found.get("hazards") and any(
            i in found.get("people", set()) for i in heads(victims, doc)):
        facts.add("crowd")  # 'citizens who had blocked the road were dispersed by police'
    if trigger.cls in ("kill", "attack", "destroy", "beat", "riot") and by_a_mob(head, victims, found,
                                                                              knowledge.lexicon):
        facts.add("mob")
    if trigger.cls == "riot" and any(c.dep_ in ("dobj", "nsubjpass") and c.i in found.get("people", set())
                                     | found.get("persons", set()) for c in head.children):
        # a person, not a thing, set on fire ('set a shopkeeper on fire'; not 'a passenger bus')
        facts.add("burnt_person")
    if at_home(head, knowledge.lexicon) and any(
            i in armed or doc[i].head.i in armed or any(c.i in armed for c in doc[i].children) for i in victims):
        victims -= armed  # an officer shot in front of his home: off duty, one of the people
        facts.add("victims_people")
    if victims & armed:
        facts.add("victims_armed")
    named_victims = victims & (found.get("people", set()) | found.get("crowds", set()) | found.get("persons", set())
                               | found.get("nationals", set()))
    # Whom armed men attack is people by default; not when the sentence names two armed sides:
    # then the town or ground attacked is the other side's ('troops repel a rebel attack on the
    # town'), a battle unless people are named among the victims.
    beaten = trigger.cls == "attack" and bool(armed) and not victims & armed and "armed_both" not in facts
    if not named_victims and (trigger.cls == "kill" or beaten):
        # Whom a killing befalls is someone: 'a pastor was killed', 'a prosecutor was found
        # murdered'; and whom armed men beat or attack ('police beat up a businesswoman',
        # 'militants attacked the village'), when none of the victims is armed and they are named,
        # not a pronoun ('shooting and wounding him': the gunman). Not when the sentence says the
        # victims were armed ('an army base'), or they are things ('killed it at the festival',
        # 'executed the contract').
        lexicon = knowledge.lexicon
        things = (found.get("property", set()) | found.get("hazards", set()) | found.get("explosives", set())
                  | found.get("animals", set())
                  | {i for i in victims if doc[i].lower_ in lexicon.thing_pronouns
                     or doc[i].lemma_.lower() in lexicon.carried_out})
        named_victims = {i for i in victims if doc[i].pos_ in ("NOUN", "PROPN", *(() if beaten else ("PRON",)))
                         and doc[i].dep_ != "compound"
                         and i not in armed and i not in things and doc[i].head.i not in armed
                         and not any(c.i in armed for c in doc[i].children if c.dep_ in ("compound", "amod", "poss"))
                         and doc[i].lemma_.lower() not in knowledge.lexicon.hurt_words}  # 'received injuries'
    if victims & armed:
        # 'Two soldiers were killed and another wounded', 'killed four members of al Shabaab':
        # a victim that only refers to the armed ones ('another', 'others') or belongs to an
        # armed side is armed too, not one of the people.
        named_victims = {i for i in named_victims if not armed_by_reference(doc[i], armed, knowledge.lexicon)}
    # A victim only counted ('killing 26') is one of the people, unless the sentence names no
    # other kind of victim and says two armed sides fought: then the dead are fighters.
    counted = {i for i in victims if doc[i].like_num and doc[i].head.i not in armed and i not in armed
               # not 'killed two goats', 'set three apartments on fire'
               and doc[i].head.i not in found.get("animals", set()) | found.get("property", set())}
    if named_victims or (counted and not victims & armed and "armed_both" not in facts):
        facts.add("victims_people")
    protest_said = any(t.cls in ("protest", "violent_protest", "riot", "labour_strike") for t, _ in others)
    if any(protest_said or doc[i].lemma_.lower() not in knowledge.lexicon.crowd_of_anyone
           for i in victims & found.get("crowds", set())):
        facts.add("victims_crowd")  # 'police opened fire at the protesters', not 'at the crowd in the market'
    if any(tokens for kind, tokens in found.items() if kind not in ("hazards", "animals")) or counted:
        facts.add("anyone")
    if diplomat:
        facts.add("diplomat")
    return Participants(facts, found)


def _who_did_it(doc: Doc, doers: set[int], found: dict[str, set[int]], lexicon: Lexicon) -> set[str]:
    """What the sentence says of who acted: an armed group named by what it is, not only as
    'assailants' (`armed_group_named`); doers the report cannot name (`unidentified`); a crowd as
    the doers ('pickets hurled a crude bomb at a police van': `crowd_doers`)."""
    facts: set[str] = set()
    armed_groups = found.get("armed_groups", set())
    attackers = {i for i in armed_groups if doc[i].lemma_.lower() in lexicon.attacker_words}
    if armed_groups - attackers:
        facts.add("armed_group_named")
    if any(_unidentified(doc[i], lexicon) for i in doers - attackers):
        facts.add("unidentified")
    if doers & found.get("crowds", set()):
        facts.add("crowd_doers")
    return facts


def _unidentified(doer: Token, lexicon: Lexicon) -> bool:
    """A doer the report cannot name: 'unidentified actors', 'unknown individuals', 'the
    perpetrators' (lexicon unidentified_words)."""
    return doer.lemma_.lower() in lexicon.unidentified_words or any(
        c.dep_ == "amod" and c.lemma_.lower() in lexicon.unidentified_words for c in doer.children)


def _strives(head: Token) -> bool:
    """The fight word governs what someone strove to do, an infinitive ('fought to keep the
    hospital open', 'battled for hours to save the patient'): an effort, not a fight. The parser
    may take the infinitive's verb for an adjective ('battled to free miners': 'to' a preposition,
    'free' an adjective), so 'to' right after the word and a verb or adjective after it do too
    (not 'fought to the death', 'battled to victory')."""
    if any(c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children):
        return True
    doc = head.doc
    return (head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "to"
            and (doc[head.i + 2].pos_ in ("VERB", "ADJ") or doc[head.i + 2].tag_ == "VB"))


def _against_a_hazard(head: Token, hazards: set[int]) -> bool:
    """What the fight word is against is a hazard ('volunteers battled the wildfire', 'fought
    against the virus'): an effort, not a fight."""
    against = [c for c in head.children if c.dep_ == "dobj"] + objects_of(head, ("against", "with"))
    return any(t.i in hazards or any(c.i in hazards for c in t.children if c.dep_ in ("compound", "amod"))
               for t in against)


def _grieved(token: Token, lexicon: Lexicon) -> bool:
    """The word is part of what a crowd demands or opposes, not what it did: 'demanding the
    arrest of people who set fire to wheat crops', 'protested against the torching of shops'.
    Not a word only joined to one ('protests and riots broke out')."""
    node = token
    while node.head.i != node.i:
        if node.dep_ != "conj" and node.head.lemma_.lower() in lexicon.grievance_words:
            return True
        node = node.head
    return False


def _grievance_named(sentence: DocSpan, lexicon: Lexicon) -> bool:
    """The sentence says what is demanded or opposed ('to demand', 'against', 'to plead')."""
    return any(t.lemma_.lower() in lexicon.grievance_words for t in sentence)
