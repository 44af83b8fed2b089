"""Trigger words whose grammar says no violence was done: violence under a condition or still to
come ('if the talks fail, the army will launch air strikes'), and weapons named as goods that
are bought, sold, carried or shown ('agreed to buy 36 warplanes', 'armed with grenades', 'a
display of artillery'). `triggers.sentence_triggers` passes such a word over, as it passes over
one denied or only wished for.

Both are the language of news that reports no conflict (defence business, an arms fair, a
minister's warning) as much as of conflict reports, where the violence told is the one a verb
in the past says was done."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import definite
from ..vocabulary import Lexicon

# The words that open a condition or a question ('if the rebels attack', 'unless the army
# withdraws', 'whether anyone was killed').
CONDITIONS = frozenset({"if", "unless", "whether"})
# The words of 'in case ...' and 'in the event that ...', which make the clause after them a
# condition (not 'in the event, troops stormed it': as it turned out).
CONDITION_OPENERS = (["in", "case"], ["in", "the", "event", "that"])
# Relations that join the words of one noun phrase: a word inside a longer name of a thing
# ('grenade launcher'), a modifier, one of a list ('tanks, drones and fighter jets').
_PHRASE = frozenset({"compound", "amod", "nmod", "conj", "appos"})


def governing_verb(head: Token) -> Token | None:
    """The verb that says whether the trigger happened: the trigger itself when it is one
    ('clashed'), else the nearest verb above it ('a clash *erupted*', 'were *killed* in an attack')."""
    token = head
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def conditional(head: Token, lexicon: Lexicon) -> bool:
    """The trigger's clause is a condition or a question ('if the rebels attack the town',
    'it was not known if any air strikes hit the town', 'in case the president orders air
    strikes'), or says what will, would or could be done (lexicon `modal_verbs`: 'the army will
    launch air strikes', 'drones can strike targets far away'). Not what may or must have been
    done ('may have been killed' is told as likely done), nor violence the clause names as known
    ('if anyone was killed in the blast')."""
    verb = governing_verb(head)
    if verb is None:
        return False
    # 'the blast', 'their attack': violence named as known happened, whatever is asked of it
    # ('it was not known if anyone was killed in the blast')
    if head.i != verb.i and (definite(head, lexicon.definite_determiners) or any(c.dep_ == "poss"
                                                                                 for c in head.children)):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
        return True
    # 'in case' right before the clause or among its first words (the parser hangs it either way)
    start = verb.left_edge.i
    first = max(0, start - 4)
    words = [t.lower_ for t in verb.doc[first:verb.i]]
    if any(words[at:at + len(opener)] == opener and first + at + len(opener) >= start
           for opener in CONDITION_OPENERS for at in range(len(words))):
        return True
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return any(c.lemma_.lower() in lexicon.modal_verbs for c in auxiliaries) \
        and not any(c.lemma_.lower() == "have" for c in auxiliaries)


def held_as_goods(head: Token, lexicon: Lexicon) -> bool:
    """A weapon named as a thing that is traded, held or shown, not used: what a verb of lexicon
    `holding_words` has ('agreed to buy 36 warplanes', 'a man carrying a grenade launcher',
    'showed off fighter jets'), what someone is armed or equipped with, and what a word of trade
    or display is of or for ('a deal for warplanes', 'a display of artillery'). 'Carried out air
    strikes' did them: a verb with the particle 'out' is not one of holding."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = head
    for _ in range(8):  # up the noun phrase to the word the clause takes
        if noun.dep_ not in _PHRASE or noun.head.i == noun.i or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
    holder = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and holder.pos_ in ("VERB", "AUX"):
        particles = [c.lower_ for c in holder.children if c.dep_ == "prt"]
        return "out" not in particles and (holder.lemma_.lower() in lexicon.holding_words or any(
            f"{holder.lemma_.lower()} {particle}" in lexicon.holding_words for particle in particles))
    return (noun.dep_ == "pobj" and holder.lower_ in ("with", "of", "for")
            and holder.head.lemma_.lower() in lexicon.holding_words)
