"""Fatalities as ACLED counts them: the deaths a sentence states, read from its parse.

Every word of dying (`death_words` of the lexicon: 'killed', 'died', 'dead', 'deaths'...) is
followed to its victims (the subject of a passive or of 'died', the object of 'killed', the
number of 'deaths'), and each victim is counted: a number ('three civilians', 'killing two',
'more than 58 fighters'), a singular noun with 'a' or 'one' ('a soldier was killed'), a person
named. Victims of different words of dying are added ('10 militants were killed ... and 4
soldiers were killed'); ranges count their lower end ('10 to 15 people'), the most
conservative reading, as ACLED does. Where the parse finds nothing, the patterns of
patterns.yaml ('the death toll rose to 40') are read instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..knowledge import Knowledge
from ..nlp import done_to, first_conjunct, says_no, shared_subjects
from ..vocabulary import Lexicon

RANGE = re.compile(r"\d\s*(?:-|to|or)\s*\d")
ONE = ("a", "an", "one")  # determiners that count one ('a soldier', 'one civilian')


@dataclass(frozen=True)
class Count:
    value: int
    qualifier: str   # exact | at-least | about | at-most
    text: str        # the text's own words


def fatalities(sentence: DocSpan, knowledge: Knowledge) -> Count | None:
    """The deaths the sentence states, or None when it states none."""
    lexicon = knowledge.lexicon
    humans = knowledge.events.humans
    counts: dict[int, Count] = {}  # victim token -> its count: each victim counted once
    for token in sentence:
        if not _of_dying(token, lexicon) or _cause(token, lexicon):
            continue
        for victim in _victims(token, lexicon):
            if _not_a_life(victim, knowledge):
                continue
            if victim.i not in counts and (count := _count(victim, lexicon, humans)) is not None:
                counts[victim.i] = count
    counts = _without_retellings(counts, sentence.doc, lexicon)
    pronouns = {i for i in counts if sentence.doc[i].lower_ in lexicon.one_person_pronouns}
    if pronouns and len(pronouns) < len(counts):
        # 'shot dead a journalist ..., leaving him dead': a pronoun is someone the sentence has counted
        counts = {i: c for i, c in counts.items() if i not in pronouns}
    if counts:
        found = [counts[i] for i in sorted(counts)]
        qualifiers = {c.qualifier for c in found}
        qualifier = "exact" if qualifiers == {"exact"} else next(q for q in ("at-least", "about", "at-most")
                                                                  if q in qualifiers)
        return Count(sum(c.value for c in found), qualifier, "; ".join(c.text for c in found))
    return _by_pattern(sentence.text, knowledge)


def _not_a_life(victim: Token, knowledge: Knowledge) -> bool:
    """A thing, an animal, a place or the event itself that the parse takes for the dead: in
    'militants attacked a village, four dead' the village is what was attacked, and in 'troops
    repel an attack, four dead' the attack is what left them dead; neither is one of the dead."""
    lemma = victim.lemma_.lower()
    events = knowledge.events
    return (lemma in events.things or lemma in knowledge.lexicon.place_kind_words
            or (events.any_trigger.fullmatch(victim.lower_) is not None and lemma not in events.humans))


def _lost_life(token: Token, lexicon: Lexicon) -> bool:
    """'lost his life', 'lost their lives': dying, said of the subject."""
    return token.lemma_.lower() == "lose" and any(c.dep_ == "dobj" and c.lower_ in lexicon.life_nouns
                                                  for c in token.children)


def _of_dying(token: Token, lexicon: Lexicon) -> bool:
    if token.lemma_.lower() in lexicon.death_words or _lost_life(token, lexicon):
        return True
    if token.i > 0 and token.doc[token.i - 1].lower_ == "fatally" and token.pos_ == "VERB":
        return True  # 'fatally shot a man', 'was fatally stabbed', 'fatally injured two'
    # 'shot dead', 'gunned down', 'burnt to death', 'beaten to death': the verb before the death
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.lower_ in ("dead", "down") and token.lemma_.lower() in lexicon.fatal_verbs


def _cause(token: Token, lexicon: Lexicon) -> bool:
    """A death named as what the event followed or answered ('rioted after the death of a student')."""
    return token.pos_ == "NOUN" and token.dep_ in ("pobj", "dobj") and token.head.lower_ in lexicon.cause_prepositions


def _victims(token: Token, lexicon: Lexicon) -> list[Token]:
    """The nouns (or numbers) naming who died, by the word of dying's place in the parse."""
    if _lost_life(token, lexicon):
        return [c for c in token.children if c.dep_ == "nsubj"] + [
            j for c in token.children if c.dep_ == "nsubj" for j in _conjuncts(c)]
    deps = {"nsubjpass", "dobj"}
    if token.lemma_.lower() in lexicon.intransitive_death_words or token.pos_ in ("ADJ", "NOUN"):
        deps |= {"nsubj", "nummod"}
    # One subject and one object a verb: a second one is the parser splitting a name it could
    # not read ('Jamaat-e-Islami' as three subjects); what 'and' joins is read by _conjuncts.
    found = [c for dep in sorted(deps) for c in [next((c for c in token.children if c.dep_ == dep
                                                      and c.pos_ != "PUNCT"), None)] if c is not None]
    # ... unless 'and' comes before the second: 'A soldier, and 5 militants were killed', which
    # the parser reads as two subjects rather than one subject of two conjuncts.
    found += [c for c in token.children if c.dep_ in deps and c not in found and c.pos_ != "PUNCT"
              and any(f.dep_ == c.dep_ and f.i < c.i for f in found) and c.left_edge.i > 0
              and token.doc[c.left_edge.i - 1].lower_ == "and"]
    found.sort(key=lambda t: t.i)
    if token.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in token.children):
        # a headline's reduced passive, 'Farmer killed in Selea': the subject is who died
        found += [c for c in token.children if c.dep_ == "nsubj"]
    if token.pos_ == "NOUN":  # 'the deaths of three people', 'the bodies of two men'
        found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
    if token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN", "NUM") and not done_to(token):
        # 'two people dead', 'the 5 killed'; said after the last of a list, of the whole list
        # ('resulted in a soldier and a militiaman killed'); not when the word of dying names its
        # own ('fired at a border post, killing a jawan')
        found.append(first_conjunct(token.head))
    if token.pos_ == "VERB":
        # 'was kidnapped and killed', 'fell ill and died': the second verb shares the first's subject
        shared = ("nsubjpass", "nsubj") if token.lemma_.lower() in lexicon.intransitive_death_words else ("nsubjpass",)
        found += shared_subjects(token, shared)
    if (token.dep_ == "xcomp" or (token.lower_ == "dead" and token.dep_ in ("oprd", "acomp", "advcl"))) \
            and not done_to(token):
        # ... unless the word of dying names its own victims: in 'claimed to have killed 3
        # soldiers' the one who claims is the killer
        # 'left two dead', 'two are dead', 'was detained and later found killed': whom the governing
        # verb did it to, else its subject, else the subject it shares with the verb before it; in
        # 'gunmen shot dead a shopkeeper' the gunmen are none of the dead
        governor = token.head
        found += done_to(governor) or [c for c in governor.children if c.dep_ == "nsubj"] or shared_subjects(governor)
    if token.lower_ == "death" and token.dep_ == "pobj" and token.head.lower_ == "to":
        verb = token.head.head  # 'burnt to death', 'beaten to death': the victims are the verb's
        found += done_to(verb)
    # 'two soldiers were killed along with 15 militants': who died with them died too
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > 0
              and token.doc[c.i - 1].lower_ in ("along", "together") for g in c.children if g.dep_ == "pobj"]
    out = []
    for victim in found:
        out.append(victim)
        out.extend(_conjuncts(victim))
    return out


def _conjuncts(token: Token) -> list[Token]:
    """'a soldier and two civilians': every noun joined by 'and'. The parser often hangs the second
    of a list on the first as an apposition ('two soldiers, a policeman and a civilian'): one
    with a count of its own is read as a member of the list too."""
    out = []
    for child in token.children:
        # A noun in apposition to a person's name says who that one is, not one more ('Malik Khan, a
        # member of ...'); after a place's name it is the parser's misreading of a list
        if child.dep_ == "conj" or (child.dep_ == "appos" and _counted_noun(child) and token.ent_type_ != "PERSON"):
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _counted_noun(token: Token) -> bool:
    """A common noun with a count of its own; a name in apposition names whom it follows."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ONE) for c in token.children)


def _without_retellings(counts: dict[int, Count], doc: Doc, lexicon: Lexicon) -> dict[int, Count]:
    """Drop the list that only says who a counted group were: 'five people, two women and three
    children' (words for people in general), 'two soldiers, Ali and Khan' (names), when the list
    adds up to the group's number. 'two soldiers, a policeman and a civilian' adds to it."""
    out = dict(counts)
    for i, count in counts.items():
        group = doc[i]
        members = [m for m in _conjuncts(group) if m.i in out]
        if not members or i not in out or not any(c.dep_ == "nummod" for c in group.children):
            continue  # only a group given a number can be retold ('Hege and Dunakin' are two)
        retold = sum(out[m.i].value for m in members) == count.value
        if retold and (group.lemma_.lower() in lexicon.general_person_nouns
                       or all(m.pos_ == "PROPN" for m in members)):
            for m in members:
                del out[m.i]
    return out


def _count(victim: Token, lexicon: Lexicon, humans: frozenset[str]) -> Count | None:
    if (unstated := _unstated(victim, lexicon)) is not None:
        return unstated
    if victim.pos_ == "PRON" and victim.lower_ in lexicon.one_person_pronouns:
        return Count(1, "exact", victim.text)  # 'He succumbed to his injuries'
    if victim.lower_ in lexicon.plural_pronouns and victim.head.dep_ == "conj":
        # 'kidnapped two villagers and killed them': whom the first verb took
        taken = next((c for c in victim.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return _count(taken, lexicon, humans) if taken is not None else None
    numbers = [c for c in victim.children if c.dep_ == "nummod"] or [  # or 'Two security forces personnel'
        g for c in victim.children if c.dep_ == "compound" for g in c.children if g.dep_ == "nummod"]
    if victim.like_num or victim.lower_ in lexicon.number_words:
        if _a_year(victim):
            return None  # 'the massacre of 1982' counts no dead
        numbers = [victim]
    if any(says_no(n) for n in numbers):
        return None  # 'no one was killed'
    if numbers:
        number = numbers[0]
        value = _number(number, lexicon)
        if value is None:
            return None
        words = " ".join(t.text for t in number.subtree) if number is not victim else number.text
        qualifier, value = _qualified(words.lower(), value, number.lower_, lexicon)
        if RANGE.search(words):  # '10 to 15 people': the lower end, the most conservative count
            low = next((_number(t, lexicon) for t in number.subtree if t.like_num), None)
            qualifier, value = "at-least", low if low is not None else value
        text = f"{words} {victim.text}" if number is not victim else words
        return Count(value, qualifier, text)
    # The noun's determiner, or one the parser hung on a word before it ('A top CPI Maoist commander')
    determiner = next((c for c in victim.children if c.dep_ == "det"), None) or next(
        (g for c in victim.children if c.dep_ in ("compound", "amod") and c.i < victim.i
         for g in c.children if g.dep_ == "det"), None)
    if (victim.tag_ == "NNS" and victim.lower_ == victim.lemma_.lower() and determiner is not None
            and determiner.lower_ in ONE):
        return Count(1, "exact", " ".join(t.text for t in _own_words(victim)))  # 'a security personnel'
    # A word for people the tagger took for an adjective ('a Lashkar-e-Taiba (LeT) militant') is one.
    misread = victim.pos_ == "ADJ" and victim.dep_ in ("dobj", "nsubjpass") and victim.lemma_.lower() in humans
    if victim.tag_ in ("NN", "NNP") or victim.pos_ == "PROPN" or misread:
        if (victim.pos_ == "PROPN" and not _after_preposition(victim)) or (
                determiner is not None and determiner.lower_ in (*ONE, "another")):
            # a person named, or 'a soldier'
            return Count(1, "exact", " ".join(t.text for t in _own_words(victim)))
        if determiner is None and victim.lemma_.lower() in humans:
            return Count(1, "exact", victim.text)  # 'Farmer killed in Selea': a headline's bare noun
        owned = any(c.dep_ == "poss" for c in victim.children)  # "a leader's bodyguard"
        if (((determiner is not None and determiner.lower_ == "the") or owned) and victim.lemma_.lower() in humans
                and victim.lemma_.lower() not in lexicon.collective_nouns):
            # 'the son of a landowner', 'the driver', "his driver": a word for one person ('the
            # community' is not)
            return Count(1, "exact", " ".join(t.text for t in _own_words(victim)))
    return None


def _a_year(number: Token) -> bool:
    """A year a preposition names ('the massacre of 1982', 'the killings in 1971'), not a count:
    four digits the model reads as a date. Not the object of a verb ('killed 2000', which the
    model also calls a date)."""
    return (number.dep_ == "pobj" and number.ent_type_ == "DATE" and len(number.text) == 4
            and number.text.isdigit() and 1500 <= int(number.text) <= 2100)


def _unstated(victim: Token, lexicon: Lexicon) -> Count | None:
    """Deaths with no figure: 'several civilians', 'an unknown number of pastoralists', 'many'."""
    if victim.lower_ in lexicon.unstated_counts and victim.pos_ != "VERB" and not any(
            c.dep_ == "det" and c.lower_ not in ONE for c in victim.children):
        # 'many died', 'a number of ...'; not 'the number killed', which speaks of a count given
        return Count(lexicon.unstated_counts[victim.lower_], "about", " ".join(t.text for t in _own_words(victim)))
    if victim.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in victim.children):
        for child in victim.children:
            if child.dep_ == "amod" and child.lower_ in lexicon.unstated_counts:
                return Count(lexicon.unstated_counts[child.lower_], "about", f"{child.text} {victim.text}")
    return None


def _after_preposition(name: Token) -> bool:
    """'In Barisal, a truck driver ... were killed': a name after a preposition is where, whatever
    the parse says."""
    first = name.left_edge.i
    return first > 0 and name.doc[first - 1].pos_ == "ADP"


def _own_words(victim: Token) -> list[Token]:
    """'a soldier' of 'a soldier and a militiaman killed', without its clauses and conjuncts."""
    words = [victim]
    for child in victim.children:
        if child.dep_ not in ("relcl", "acl", "conj", "cc", "punct", "appos"):
            words.extend(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _number(token: Token, lexicon: Lexicon) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in lexicon.number_words:
        return lexicon.number_words[text]
    compound = " ".join(t.lower_ for t in token.subtree if t.like_num or t.lower_ in lexicon.number_words)
    return lexicon.number_words.get(compound)


def _qualified(words: str, value: int, number: str, lexicon: Lexicon) -> tuple[str, int]:
    for phrase, reading in sorted(lexicon.count_qualifiers.items(), key=lambda x: -len(x[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", words):
            if reading == "more-than":
                return "at-least", value + 1
            return reading, value
    return ("about" if number in lexicon.approximate_numbers else "exact"), value


def _by_pattern(text: str, knowledge: Knowledge) -> Count | None:
    lexicon = knowledge.lexicon
    for pattern in knowledge.patterns.events.fatalities:
        match = pattern.search(text)
        if not match:
            continue
        qualifier, number = (match.group(1) or "").lower(), match.group(2).lower()
        if number in lexicon.number_words:
            value = lexicon.number_words[number]
        elif number.replace(",", "").isdigit():
            value = int(number.replace(",", ""))
        else:
            continue
        found = match.group(0)
        start = found.lower().find(qualifier) if qualifier else found.lower().find(number)
        found = found[start:] if start >= 0 else found
        reading = lexicon.count_qualifiers.get(qualifier)
        if reading == "more-than":
            return Count(value + 1, "at-least", found)
        if reading is not None:
            return Count(value, reading, found)
        return Count(value, "about" if number in lexicon.approximate_numbers else "exact", found)
    return None
