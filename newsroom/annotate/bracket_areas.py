"""The areas a report files a place under, in a bracket right after it: 'Kibungere (Nyabihanga,
Mwaro)', 'Baligubadle town (Hargeysa, Waqooyi Galbeed)', 'Ranir Bazar (West Tripura district,
Tripura)'. Finding only: each name is a place candidate, whatever the model read (the small
model types such names as people, organisations or languages, or reads 'Iskushuban, Bari' as
one person). `position_readings.area_after` then reads the place in the first of them, and the
gazetteer decides what each one is."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .vocabulary import Lexicon

PLACE_LABELS = ("GPE", "LOC", "FAC", "PLACE", "COUNTRY")
MAX_WORDS = 4  # an area's name is short; a longer capitalised run is a title or a sentence


@dataclass(frozen=True)
class Bracket:
    """A bracket of area names: the character stretch inside it and a candidate for each name."""

    start: int
    end: int
    areas: list[Candidate]


def with_bracket_areas(doc: Doc, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """`found` plus the names of every bracket of areas, less the model's entities that run
    over a comma or the edge of such a bracket ('Iskushuban, Bari' as one person)."""
    brackets = bracket_areas(doc, found, lexicon)
    if not brackets:
        return found

    def straddles(c: Candidate) -> bool:
        return c.source != "kb" and any(
            c.start < b.end and b.start < c.end and not any(a.start <= c.start and c.end <= a.end for a in b.areas)
            for b in brackets)
    return [c for c in found if not straddles(c)] + [a for b in brackets for a in b.areas]


def bracket_areas(doc: Doc, found: list[Candidate], lexicon: Lexicon) -> list[Bracket]:
    """Every bracket that follows a place (a candidate with a place's label, or a name with its
    kind word: 'Af-Urur village') and holds only names, two or more, separated by commas. Not a
    bracket after a person ('Wang Chen (China)' in a results list), nor an agency ('Kabul (AFP)':
    an acronym is no area), nor a date or anything with a lower-case word ('(pictured)')."""
    ends = {c.tokens[1] for c in found if c.label in PLACE_LABELS}
    out = []
    for token in doc:
        if token.text != "(" or token.i == 0 or not _after_a_place(doc, token.i, ends, lexicon):
            continue
        close = next((t.i for t in doc[token.i + 1:token.i + 2 + 4 * MAX_WORDS] if t.text in ")("), None)
        if close is None or doc[close].text != ")" or close == token.i + 1:
            continue
        items = _split(doc, token.i + 1, close)
        names = [_name(doc, i, j, lexicon) for i, j in items]
        # Two names or more, as a report files a place (district, then province); one name in a
        # bracket is as often another name of the place ('Myanmar (Burma)', 'Kobane (Ain al-Arab)').
        if len(names) >= 2 and all(n is not None for n in names):
            areas = [Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), "GPE", None, "rule", (i, j))
                     for i, j in (n for n in names if n is not None)]
            out.append(Bracket(doc[token.i + 1].idx, doc[close].idx, areas))
    return out


def _after_a_place(doc: Doc, i: int, ends: set[int], lexicon: Lexicon) -> bool:
    before = doc[i - 1]
    if before.lower_ in lexicon.place_kind_words and i >= 2 and doc[i - 2].pos_ == "PROPN":
        return True  # 'Af-Urur village (', 'Baligubadle town ('
    return i in ends and before.pos_ == "PROPN"


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    items, i = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].text == ",":
            items.append((i, k))
            i = k + 1
    return items


def _name(doc: Doc, i: int, j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The name of one item, without a kind word after it ('West Tripura district'), or None
    when the item is no name."""
    if j > i + 1 and doc[j - 1].lower_ in lexicon.place_kind_words:
        j -= 1
    words = doc[i:j]
    if not 0 < len(words) <= MAX_WORDS or not words[0].text[:1].isupper():
        return None
    if all(t.is_upper for t in words if t.is_alpha) and len(words.text) <= 6:
        return None  # 'AFP', 'PTI': who reported it
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY") or not _of_a_name(t, lexicon)
           for t in words):
        return None
    return i, j


def _of_a_name(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised word, a hyphen, or a transliterated article ('Deir ez-Zor', 'Dar es Salaam')."""
    if token.text == "-" or token.lower_.rstrip("-") in lexicon.arabic_articles:
        return True
    return token.text[:1].isupper() and (token.is_alpha or "-" in token.text)
