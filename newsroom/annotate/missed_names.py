"""Place names the model missed, found by where they stand: after 'the town of' or before
'district' (`kind_word_names`), where the text places a name the gazetteer knows
(`gazetteer_names`), in a bracket of areas after a place ('Kibungere (Nyabihanga, Mwaro)',
`with_bracket_areas`), at the ends of a road's name ('the Dhaka-Chittagong highway',
`road_end_names`); and the whole of a name the model cut short ('Santa Cruz de la' + 'Sierra',
`whole_place_name`). Finding only: `entities` decides what each one is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from .candidate import Candidate
from .nlp import tokens_lowered_as
from .vocabulary import Lexicon


def follows_placing_word(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """Token i comes right after 'in', 'to', 'near' ...: where a place is named."""
    return i > 0 and doc[i - 1].lower_ in lexicon.placing


def part_of(doc: Doc, ent: DocSpan, lexicon: Lexicon) -> bool:
    """Capitalised proper nouns right after 'area of', 'west of', 'the outskirts of' ..."""
    i = ent.start
    return (i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lexicon.part_of_place_words
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in ent))


def names_local_body(doc: Doc, ent: DocSpan, lexicon: Lexicon) -> bool:
    """A single capitalised name that says whose local body or people a noun is: 'Masvingo
    municipal police', 'the Bhisho legislature', 'Bulawayo youth members', 'Kinshasa police'
    (`local_body_nouns`: the noun the name hangs on, or one before a word for its members). The
    small model types such a town as anything (an organisation, a nationality, a product); the
    caller asks the gazetteer for a town of that very name."""
    if len(ent) != 1 or not ent[0].text[:1].isupper() or ent[0].text.isupper() or ent[0].pos_ != "PROPN":
        return False
    head = ent[0].head
    if ent[0].dep_ not in ("compound", "nmod", "amod") or head.i <= ent.end - 1 or head.i - ent.end > 2:
        return False
    nouns = lexicon.local_body_nouns
    if head.dep_ in ("compound", "nmod") and head.head.lemma_.lower() in lexicon.team_nouns:
        return False  # a club's side, not a town's people: 'Chelsea youth players'
    # the noun itself, or one before a word for its members ('Bulawayo youth members')
    return head.lemma_.lower() in nouns or (head.lemma_.lower() in lexicon.member_nouns
                                            and any(t.lemma_.lower() in nouns for t in doc[ent.end:head.i]))


LINKED_WORDS = 4  # the words a name is grown by at either end: 'de las Casas', 'dos Campos'


def whole_place_name(doc: Doc, i: int, j: int, lexicon: Lexicon, known: Callable[[str], bool]) -> tuple[int, int]:
    """Tokens [i, j) of a place's name, grown to the longest name the gazetteer knows whole over
    the lower-case links of Romance names ('Santa Cruz de la' + 'Sierra', 'Caicara' + 'del
    Orinoco', 'San Cristobal' + 'de las Casas'); a name ending in a link the model left on it
    ('Santa Cruz de la') ends before it when no whole name is known. A name with no link in reach
    is left as it is."""
    links = lexicon.place_name_links

    def word(k: int) -> bool:
        return doc[k].is_alpha and (doc[k].text in links or doc[k].text[:1].isupper())

    def joined(k: int) -> bool:  # no line break between token k and the next
        return "\n" not in doc[k].whitespace_ and k + 1 < len(doc)

    ends = [e for e in range(j + 1, min(len(doc), j + LINKED_WORDS) + 1)
            if all(word(k) and joined(k - 1) for k in range(j, e)) and doc[e - 1].text not in links]
    starts = [b for b in range(max(0, i - LINKED_WORDS), i)
              if all(word(k) and joined(k) for k in range(b, i)) and doc[b].text not in links]
    grown = [(b, e) for b in [*starts, i] for e in [*ends, j] if (b, e) != (i, j)
             and any(doc[k].text in links for k in range(b, e))]
    if not grown and not any(doc[k].text in links for k in (i, j - 1)):
        return i, j
    for b, e in sorted(grown, key=lambda span: (span[0] - span[1], span[0])):
        if known(doc[b:e].text):
            return b, e
    while j - 1 > i and doc[j - 1].text in links:
        j -= 1  # 'Santa Cruz de la': the model's cut, not a name
    while i < j - 1 and doc[i].text in links:
        i += 1
    return i, j


def kind_word_names(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Capitalised names after 'the town of', 'the city of' ... that NER missed (al-Sukhna)."""
    out = []
    articles = tuple(f"{article}-" for article in lexicon.arabic_articles)
    for token in tokens_lowered_as(doc, lexicon.area_words):
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":  # 'the town of al-Sukhna'
            i = j = token.i + 2
            while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].text == "-"
                                    or doc[j].text.startswith(articles)):
                j += 1
            if j > i:
                span = doc[i:j]
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "rule", (i, j)))
        elif token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and token.is_lower \
                and token.dep_ != "compound":
            # 'in Feni town', 'Gomastapur upazila', 'Turbat district': a name its kind word follows,
            # whatever label the model gave it (the small model reads unfamiliar names as dates,
            # people or products). A capitalised kind word is part of a longer name instead
            # ('Walker County', 'Elgin City', 'South Coast Air Quality Management District'), and
            # one that modifies a noun names no place of its own ('Twickenham town centres').
            j = i = token.i
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
                i -= 1
                if i >= 2 and doc[i - 1].text in lexicon.arabic_articles and doc[i - 2].text[:1].isupper():
                    i -= 1  # 'Ain al Arab city', 'Ras el Ain town': a lower-case article inside the name
            if j > i:
                span = doc[i:j]
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "rule", (i, j)))
        elif (area := _unread_area(doc, token, lexicon)) is not None:
            out.append(Candidate(area.start_char, area.end_char, "GPE", None, "rule", (area.start, area.end)))
    return out


def _unread_area(doc: Doc, kind: Token, lexicon: Lexicon) -> DocSpan | None:
    """An area named by its capitalised kind word: up to three capitalised proper nouns and the
    capitalised word for a district or province after them, where the model read no entity at
    all, are the area's whole name ('Residents of Kole District'). Not 'State' ('Ohio State' is
    a university or a team)."""
    if (not kind.text[:1].isupper() or kind.lower_ == "state" or kind.ent_type_
            or lexicon.place_kind_words.get(kind.lower_) not in ("district", "province")):
        return None
    i = kind.i
    while i > 0 and kind.i - i < MAX_WORDS - 1 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() \
            and not doc[i - 1].ent_type_ and not doc[i - 1].is_sent_start:
        i -= 1
    if i == kind.i or (i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start):
        return None  # a longer capitalised name goes on before: 'South Coast Air Quality Management District'
    return doc[i:kind.i + 1]


def road_end_names(doc: Doc, lexicon: Lexicon, known: Callable[[str], bool]) -> list[Candidate]:
    """The towns a road is named by ('the Dhaka-Chittagong highway', 'the Jammu–Srinagar national
    highway', 'the Palmyra to Deir az Zor highway'), both known to the gazetteer by their own names: places,
    however the model read the pair (an organisation, a nationality). `article_passes.add_roads`
    then makes the road."""
    out: list[Candidate] = []
    for word in tokens_lowered_as(doc, lexicon.road_words):
        j = word.i
        while j > 0 and doc[j - 1].is_lower and doc[j - 1].pos_ == "ADJ":
            j -= 1  # 'national highway'
        b = _name_before(doc, j, lexicon)
        if b is None or b[0] < 2 or doc[b[0] - 1].text not in lexicon.road_joins:
            continue
        a = _name_before(doc, b[0] - 1, lexicon)
        if a is None:
            continue
        ends = [doc[i:k] for i, k in (a, b)]
        if all(known(end.text) for end in ends):
            out += [Candidate(end.start_char, end.end_char, "GPE", None, "rule", (end.start, end.end)) for end in ends]
    return out


def _name_before(doc: Doc, j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Capitalised words ending right before token j, at most four, with the lower-case articles
    inside a name ('Deir az Zor', 'Santa Cruz de la Sierra')."""
    inner = lexicon.arabic_articles | lexicon.place_name_links
    i = j
    while i > 0 and j - i < 4 and ((doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper())
                                   or (doc[i - 1].text in inner and i < j and i > 1 and doc[i - 2].text[:1].isupper())):
        i -= 1
    return (i, j) if i < j and doc[i].text[:1].isupper() else None


def gazetteer_names(doc: Doc, found: list[Candidate], known: Callable[[str], bool], lexicon: Lexicon,
                    placed: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Capitalised proper nouns no other finder took that `known` says name a place the gazetteer
    knows well ('the PTI intersection Khulna'): guesses, kept only if the gazetteer backs them.
    Where the text places the name ('in Rusape', 'at Feni', 'west of Beledweyne'), `placed`
    is enough: a smaller town of that very name, a region or a district (source 'placed'); the
    name may then be a capitalised word the model read as a common noun."""
    taken = {t for c in found for t in range(*c.tokens)}
    tokens = list(doc)  # walked word by word: each Token made once, not at every look
    lower = [t.lower_ for t in tokens]
    capitalised = [t.text[:1].isupper() for t in tokens]
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j not in taken and capitalised[j] and tokens[j].pos_ == "PROPN":
            j += 1
        where = (i > 0 and lower[i - 1] in lexicon.where_words) or (
            i >= 2 and lower[i - 1] == "of" and lower[i - 2] in lexicon.part_of_place_words)
        if j == i and where and i not in taken and capitalised[i] and tokens[i].pos_ == "NOUN" \
                and tokens[i].is_alpha and not tokens[i].is_sent_start:
            j = i + 1  # 'In Rusape, residents ...': the model took the unknown name for a noun
        if j > i:
            span = doc[i:j]
            if known(span.text):
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "guess", (i, j)))
            elif where and placed is not None and not span.text.isupper() and placed(span.text):
                out.append(Candidate(span.start_char, span.end_char, "GPE", None, "placed", (i, j)))
        i = max(j, i + 1)
    return out


PLACE_LABELS = ("GPE", "LOC", "FAC", "PLACE", "COUNTRY")
MAX_WORDS = 4  # an area's name is short; a longer capitalised run is a title or a sentence


@dataclass(frozen=True)
class Bracket:
    """A bracket of area names: the character stretch inside it and a candidate for each name."""

    start: int
    end: int
    areas: list[Candidate]


def with_bracket_areas(doc: Doc, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """`found` plus the names of every bracket of areas: the areas a report files a place under
    ('Kibungere (Nyabihanga, Mwaro)', 'Baligubadle town (Hargeysa, Waqooyi Galbeed)'), which the
    small model types as people, organisations or languages. Less the model's entities that run
    over a comma or the edge of such a bracket ('Iskushuban, Bari' as one person).
    `position_readings.area_after` then reads the place in the first of them."""
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
    for token in tokens_lowered_as(doc, ("(",)):  # not a walk over every token: most have no bracket
        if token.i == 0 or not _after_a_place(doc, token.i, ends, lexicon):
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
