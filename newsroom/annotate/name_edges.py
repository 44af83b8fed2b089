"""Where a name the model found begins and ends: grown over a tail it left out, trimmed of
determiners, titles, possessives and the sentence's stop, and where an organisation's name ends
with the place it stands in, or begins with the town it serves. `mentions.find_candidates` calls
these on every model entity."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from .vocabulary import Lexicon


def extend_name(doc: Doc, i: int, j: int, label: str, lexicon: Lexicon) -> int:
    """Grow the entity doc[i:j] over a transliterated tail the model left out: 'Deir' + 'ez-Zor',
    'Dayr' + 'az Zawr' (lower-case Arabic article, optional hyphen, capitalised word), and a
    person's name of two words or more over the lower-case syllable its last word is hyphened
    to: 'Chan Kwok' + '-wai', 'Moon Jae' + '-in' (Chinese and Korean given names; not 'Putin-led')."""
    if label == "PERSON" and j - i >= 2 and j + 1 < len(doc) and not doc[j - 1].whitespace_ \
            and doc[j].text == "-" and not doc[j].whitespace_ and doc[j + 1].is_alpha and doc[j + 1].is_lower \
            and len(doc[j + 1].text) <= 4 and doc[j + 1].lower_ not in lexicon.compound_tails:
        return j + 2
    while j + 1 < len(doc) and doc[j].lower_ in lexicon.arabic_articles and not doc[j - 1].whitespace_.count("\n"):
        k = j + 1
        if doc[k].text == "-" and k + 1 < len(doc):
            k += 1
        if doc[k].text[:1].isupper() and doc[k].is_alpha:
            j = k + 1
        else:
            break
    return j


def clean_entity(doc: Doc, i: int, j: int, label: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Trim a model entity to the name itself; may split it in two at a possessive, or a place
    at its commas.

    Drops determiners, titles and possessives ('Syrian President Bashar al-Assad' ->
    'Bashar al-Assad') and an organisation's office at its end, stops at brackets and line breaks
    ('Physicians for Human Rights (PHR' -> 'Physicians for Human Rights').
    """
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i, j):
        tok = doc[k]
        if k > i and (tok.text in ("(", "[", ")", "]", "\n") or "\n" in tok.text or "\n" in doc[k - 1].whitespace_):
            parts.append((start, k))
            start = k + 1 if tok.text in ("(", "[", ")", "]") or "\n" in tok.text else k
            if tok.text in ("(", "["):
                break
        elif (tok.text in ("'s", "’s", "'", "’") and k + 1 < j and not _holders_body(doc, k, j, lexicon)) \
                or (tok.text == "," and label in ("GPE", "LOC")):
            parts.append((start, k))  # a place's name has no comma: 'Nis, Serbia' is a town and its country
            start = k + 1
    parts.append((start, j))
    out = []
    for a, b in parts:
        while a < b and (doc[a].lower_ in lexicon.determiners or doc[a].is_punct or doc[a].is_space or
                         (label == "PERSON" and is_title(doc[a], lexicon) and b - a > 1)):
            a += 1
        if a + 3 < b and doc[a].lower_ in lexicon.stance_prefixes and doc[a + 1].text == "-":
            a += 3  # 'Pro-Beijing DAB': the stance is not part of the name
        while b > a and (doc[b - 1].text in ("'s", "’s", "'", "’") or (doc[b - 1].is_punct and doc[b - 1].text != ".")
                         or doc[b - 1].is_space or _sentence_stop(doc, a, b, lexicon)):
            b -= 1
        if label == "ORG":
            b = _without_office(doc, a, b, lexicon)
        if b > a and any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[a:b]):
            out.append((a, b))
    return out


def _holders_body(doc: Doc, k: int, j: int, lexicon: Lexicon) -> bool:
    """Whether the possessive at k joins an office to the body it heads, one name: 'the Sheriff's
    Office', 'the Attorney General's Office', 'the Mayor's Department' (a title before it, only
    words for a kind of body after it), not a name and what it owns ('Iran's Revolutionary Guards')."""
    holder = doc[k - 1].lower_ if k > 0 else ""
    return ((holder in lexicon.titles or holder in lexicon.office_holders)
            and all(t.lower_ in lexicon.body_words for t in doc[k + 1:j]))


def _without_office(doc: Doc, a: int, b: int, lexicon: Lexicon) -> int:
    """Where an organisation's name ends before an office in it that only a person holds, after a
    word for a kind of body: 'the Foreign Office Spokesperson', 'Harbour Authority Chairman' name
    the body ('Foreign Office') and a person's role in it."""
    while b - a > 1 and doc[b - 1].lower_ in lexicon.office_holders and doc[b - 2].lower_ in lexicon.body_words:
        b -= 1
    return b


def after_compass_pair(doc: Doc, i: int, j: int, lexicon: Lexicon) -> int | None:
    """Where the name starts in 'North and South Korea', 'East and West Germany', 'North or South
    America' (tokens [i, j)): two compass words share the words after them, and only the second
    is written whole ('South Korea', from i + 2). The first names its place through the other's
    words; it is left unread, for a mention 'North' would give North Korea that alias, by which
    every later article would be read: a name that is that first word alone ('East' of 'East and
    West Germany', read apart) starts at its end, so nothing of it is read. None for any other name."""
    def pair_at(k: int) -> bool:
        return (k + 2 < len(doc) and doc[k].text[:1].isupper() and doc[k + 2].text[:1].isupper()
                and doc[k].lower_ in lexicon.compass_words and doc[k + 1].lower_ in ("and", "or", "&")
                and doc[k + 2].lower_ in lexicon.compass_words)
    if j - i >= 4 and pair_at(i):
        return i + 2
    if j - i == 1 and pair_at(i) and j + 2 < len(doc) and doc[j + 2].text[:1].isupper():
        return j
    return None


def _sentence_stop(doc: Doc, a: int, b: int, lexicon: Lexicon) -> bool:
    """Whether the name's last token is a stop of its own after a word with no stop in it: the
    sentence's, which the model takes into a person's name that ends a sentence, most often one
    whose surname is also a short English word ('... was beaten by Mary To.').
    An abbreviation keeps its stop, in its own token ('Corp.', 'Jr.', 'U.S.') or apart from it
    ('Sr' '.', 'No' '.': lexicon `name_abbreviations`), and so does a stop after one ('S.A' '.')."""
    return b - a > 1 and doc[b - 1].text == "." and "." not in doc[b - 2].text \
        and doc[b - 2].lower_ not in lexicon.name_abbreviations


def where_inside(doc: Doc, i: int, j: int, lexicon: Lexicon) -> int | None:
    """The first token of a place that ends a name after 'in' or 'at' ('... in Kabul'), or None."""
    for k in range(j - 2, i, -1):
        if doc[k].lower_ in lexicon.where_words:
            tail = doc[k + 1:j]
            if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail):
                return k + 1
            return None
    return None


def is_title(token: Token, lexicon: Lexicon) -> bool:
    """A title or role word, or any lower-case word: what stands before a person's name."""
    return token.lower_ in lexicon.titles or token.text.islower()


def names_a_disease(doc: Doc, end: int, lexicon: Lexicon) -> bool:
    """A name ending before token `end` that names a disease with the word after it ('West Nile
    virus', 'Marburg fever'): named after a place, but not a place here."""
    return end < len(doc) and doc[end].lower_ in lexicon.disease_words


def town_of_venue(ent: DocSpan, lexicon: Lexicon, known: Callable[[str], bool],
                  named: Callable[[str], bool] | None = None) -> DocSpan | None:
    """'Karachi' in 'Karachi Press Club', 'the Peshawar High Court', 'Masvingo municipal police':
    the longest run of capitalised words at the start of the model's entity that `known` takes
    for a place, when the rest of the name, inside the entity or right after it, is civic words
    (lexicon `town_venue_words`) ending in the word for a local body or building (`town_venue_heads`;
    `town_venue_civic_heads` after one civic word at least). A name `named` takes (a smaller town
    by that very name, a county) is read before a local government's own body (`town_body_heads`:
    'Millbrook Police'), a civic word ('Ashford District Court') or a county before any head."""
    doc = ent.doc
    start = ent.start + (doc[ent.start].lower_ in lexicon.determiners)
    end = ent.end
    while end < len(doc) and end < ent.end + 3 and doc[end].is_lower and doc[end].is_alpha:
        end += 1  # 'Lahore press club', 'a Kisangani primary school': the model stopped at the town
    for head in range(end - 1, start, -1):
        word = doc[head].lower_
        civic_only = word in lexicon.town_venue_civic_heads
        body = word in lexicon.town_body_heads
        if word not in lexicon.town_venue_heads and not civic_only and not body:
            continue
        for town_end in range(head - 1 if civic_only else head, start, -1):
            town = doc[start:town_end]
            # a county, or a civic word before the head: 'Ashford District Court', not 'Martin Court'
            local = body or town_end < head or lexicon.place_kind_words.get(doc[town_end - 1].lower_) == "district"
            if (all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in town)
                    # 'the Superior Court', 'North Central Regional Jail': a rank, a quarter, no town
                    and not all(t.lower_ in lexicon.town_venue_words or t.lower_ in lexicon.compass_words for t in town)
                    and all(t.lower_ in lexicon.town_venue_words for t in doc[town_end:head])
                    and (known(town.text) or (local and named is not None and named(town.text)))):
                return town
    return None
