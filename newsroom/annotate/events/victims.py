"""Whom a killing or an attack befalls, and who does it, read from the parse around the trigger:
the victims are the subject of its passive, its object, or what it is 'of' ('the killing of two
activists'), and whoever the sentence says was hurt ('wounding six'); and who threw the stones
a sentence names."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import done_to, named_as, objects_of, shared_subjects, stranded_subject
from ..vocabulary import Lexicon

VICTIM_DEPS = {"nsubjpass", "dobj"}


def at_home(head: Token, lexicon: Lexicon) -> bool:
    """The attack or killing befalls someone at their own dwelling: 'killed in front of his
    home', 'assassinate an army colonel near his residence', 'attacked a policeman's house' (not
    'rioters protesting against a plan to demolish their houses': there the dwelling is no place)."""
    return any(t.lower_ in lexicon.home_words and any(c.dep_ == "poss" for c in t.children)
               and (t.dep_ == "pobj" or (t.dep_ == "dobj" and t.head.i == head.i)) for t in head.subtree)


def no_longer_serving(token: Token, lexicon: Lexicon) -> bool:
    """An armed word said to be past or off duty: 'a retired soldier', 'two former rebels', 'a
    former separatist leader' (the word that says so may qualify the noun the armed word
    modifies), 'an off-duty policeman'."""
    nouns = [token] + ([token.head] if token.dep_ in ("compound", "amod") else [])
    return any(c.lemma_.lower() in lexicon.former_words and c.dep_ in ("amod", "compound", "advmod")
               for noun in nouns for c in noun.children) or any(
        # off duty, as ACLED counts a soldier or policeman then: 'an off-duty policeman' (read
        # from the words, as the parser hangs 'off' and 'duty' on each other in several ways)
        t.lower_ == "off" and t.i + 2 < len(t.doc) and t.nbor(1).lower_ in ("-", "duty")
        and "duty" in (t.nbor(1).lower_, t.nbor(2).lower_) for noun in nouns for t in noun.subtree)


def by_a_mob(head: Token, victims: set[int], found: dict[str, set[int]], lexicon: Lexicon) -> bool:
    """The people of a place (plural: a group) hurt people or damage property: 'a thief was
    beaten up by locals', 'villagers lynched two men', 'residents attacked the police station'.
    Not 'locals attacked the plan', nor 'the home side were beaten by the locals': the victim's
    head word must name people or property, not only a word that modifies it."""
    doc = head.doc
    if not any(named_as(doc[i], lexicon.mob_words) and doc[i].tag_ in ("NNS", "NNPS") for i in agent_tokens(head)):
        return False
    hurt = found.get("people", set()) | found.get("crowds", set()) | found.get("persons", set()) | found.get(
        "property", set())
    return any(i in hurt for i in heads(victims, doc))


def heads(tokens: set[int], doc: Doc) -> list[int]:
    """The head words of a victims' phrase, not the words that modify them ('the home side',
    'the villagers' boats')."""
    return [i for i in sorted(tokens) if doc[i].dep_ not in ("compound", "amod", "det", "nummod", "poss", "case")]


def agent_tokens(head: Token) -> set[int]:
    """Who does what the trigger says: the 'by' of its passive, else the subject of its active
    verb ('was beaten up by locals', 'villagers attacked the thief')."""
    if head.pos_ != "VERB":
        return set()
    agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not agents:
        agents = [c for c in head.children if c.dep_ == "nsubj"]
    return {t.i for a in agents for t in (a, *(c for c in a.children if c.dep_ == "conj"))}


def armed_by_reference(token: Token, armed: set[int], lexicon: Lexicon) -> bool:
    """'another', 'several others' (words of addition: more of the victims named before), a
    noun whose 'of' names an armed side ('members of al Shabaab'), the side an armed noun's
    'of' names ('two officers of Balochistan Constabulary'), or the names an armed noun is
    given ('two militants, Sajid and Zafar')."""
    if token.lower_ in lexicon.addition_words:
        return True
    named = token
    while named.dep_ in ("conj", "compound") and named.head.i != named.i:
        named = named.head
    if named.dep_ == "appos" and named.head.i in armed:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i in armed:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.i in armed for g in c.children if g.dep_ == "pobj")
               for c in token.children)


def victim_tokens(head: Token, lexicon: Lexicon) -> set[int]:
    """The tokens of the trigger's victims by the parse (see the module's docstring), and of
    whoever the sentence says was hurt ('causing injuries to three people', 'wounding six')."""
    roots: list[Token] = _hurt(head, lexicon.hurt_words)
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for verb in verbs:
        objects = [c for c in verb.children if c.dep_ in VICTIM_DEPS]
        aimed_at = objects_of(verb, ("at", "upon"))
        if aimed_at and verb.lemma_.lower() in lexicon.missile_verbs:
            objects = [c for c in objects if c.dep_ != "dobj"]  # what was fired, not whom it hit
        if verb.lemma_.lower() in lexicon.gunfire_verbs and any(c.lemma_.lower() == "fire" for c in objects):
            # 'opened fire with a shotgun on a pastor': whom the fire was opened on, not the fire
            # (or on the weapon: 'with a shotgun on a pastor')
            objects = [c for c in objects if c.lemma_.lower() != "fire"]
            weapons = objects_of(verb, ("with",))
            roots += [g for holder in (verb, *weapons) for g in objects_of(holder, ("on", "at", "upon"))]
        if objects and all(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.life_nouns for c in objects):
            objects = [c for c in verb.children if c.dep_ == "nsubj"]  # 'a supporter lost his life'
        roots += objects
        # what was fired or thrown at ('pelted stones at police', 'shot at a group of people')
        if verb.lemma_.lower() in lexicon.aiming_verbs:
            roots += aimed_at
        befalls = verb.lemma_.lower() in lexicon.harm_words
        if befalls and verb.pos_ == "VERB" and not any(c.dep_ in (*VICTIM_DEPS, "agent") for c in verb.children):
            # 'Farmer killed in Selea', 'a woman died of her injuries': whoever the verb befell
            roots += [c for c in verb.children if c.dep_ == "nsubj"]
    if head.pos_ == "VERB":
        roots += shared_subjects(head)  # 'were arrested and later found dead': the first verb's passive subject
        roots += stranded_subject(head)  # 'In Petatlan, Guerrero, a former leader was shot dead'
    if head.pos_ == "ADJ" and not any(c.dep_ == "dobj" for c in head.children):
        # 'two are dead': the subject of 'are'. Not an adjective with an object, a verb the
        # parser misread: in a headline's 'Police open fire on protesters' the police are the doers.
        holder = head.head if head.dep_ == "acomp" else head
        roots += [c for c in holder.children if c.dep_ == "nsubj"]
    if head.pos_ == "NOUN":
        roots += objects_of(head, ("of", "on", "against"))
    if head.dep_ in ("xcomp", "oprd") and head.lemma_.lower() in lexicon.death_words:
        # 'was found murdered', 'left two dead': whom the governing verb names, or the verb it
        # shares a subject with ('was detained and later found killed')
        governor = head.head
        named = [c for c in governor.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")] or shared_subjects(governor)
        roots += [c for c in named if c.dep_ != "nsubj"]
    if head.dep_ in ("acl", "amod") and head.head.pos_ in ("NOUN", "PROPN", "NUM") and not done_to(head):
        # ... not when it names its own: in 'fired at a border post, killing a jawan' the post is none
        roots.append(head.head)  # '2 soldiers killed', 'a militant killed in the clash'
    return {i for root in roots for i in _phrase(root)}


# What belongs to a victim's noun phrase: its modifiers, what it counts ('five of them', 'members
# of al Shabaab'), and the phrases joined to it. A relative clause or an acl does not: in 'a
# soldier who fought the rebels' the rebels are not among the victims.
PHRASE_DEPS = {"det", "amod", "compound", "nummod", "quantmod", "poss", "nmod", "appos", "conj", "cc"}


def _phrase(root: Token) -> set[int]:
    tokens = {root.i}
    for child in root.children:
        if child.dep_ in PHRASE_DEPS:
            tokens |= _phrase(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            tokens |= {i for g in child.children if g.dep_ == "pobj" for i in _phrase(g)}
    return tokens


def _hurt(head: Token, hurt_words: frozenset[str]) -> list[Token]:
    """The ones hurt in the trigger's sentence: the object or passive subject of 'injure' and
    'wound', and what 'injuries to' names."""
    found: list[Token] = []
    for token in head.sent:
        if token.lemma_.lower() not in hurt_words:
            continue
        found += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        found += objects_of(token, ("to",))
    return found


def stone_throwers(doc: Doc, found: dict[str, set[int]], lexicon: Lexicon) -> set[int] | None:
    """Who throws the stones or bricks the sentence names (empty if it does not say), or None if
    none is thrown at people or things. Thrown: governed by a throwing word, directly or by a
    preposition or a list ('pelted stones and boulders', 'pelted them with stones'), or
    compounded with one ('stone-pelting youths'); not a rock band, a brick wall, a stone's throw
    from the border, or stones thrown at ducks."""
    def throws(token: Token) -> bool:
        return token.lemma_.lower() in lexicon.throwing_words

    animals = found.get("animals", set())
    for i in found.get("thrown_objects", set()):
        token = doc[i]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # 'bottles and stones': the list's first
        head = token.head
        verb = (head if token.dep_ in ("dobj", "nsubjpass") and throws(head)
                else head.head if token.dep_ == "pobj" and head.lower_ == "with" and throws(head.head) else None)
        if verb is not None:
            return None if any(t.i in animals for t in verb.subtree) else agent_tokens(verb)
        if token.dep_ in ("compound", "npadvmod") and throws(head):
            return {head.head.i}  # 'stone-pelting protesters': the protesters
        if any(throws(c) and c.dep_ in ("compound", "amod", "acl") for c in token.children):
            return set()
    return None
