"""The trigger words of a sentence that tell something happened: affirmed, literal, and ordered
by their place in the parse (events.yaml gives the words; `finding` turns the first a frame
takes into an event). A word denied ('no one was killed'), only wished for ('vowed to attack'),
asked about or made a condition ('whether they were abducted', `untold`), foretold ('will
launch air strikes'), a weapon named as goods ('agreed to buy warplanes'), hedged ('a possible
bombing'), judged in court ('convicted of bombing'), used as a figure ('the fight against AIDS',
'blasts the decision', `figures`) or making an adjective ('battle-hardened') tells nothing."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ...model import Span
from ..event_rules import EventKnowledge, Trigger
from ..knowledge import Knowledge
from ..nlp import definite, first_conjunct, says_no
from ..openings import could_match, text_openings
from ..vocabulary import Lexicon
from .figures import metaphor
from .untold import conditional, held_as_goods


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
                    or metaphor(head, trigger, knowledge)
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
