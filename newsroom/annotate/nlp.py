"""Parsing with the language model (loaded by `newsroom.cli.loading`). Only the annotator
imports this module: the site side (and so `mkdocs serve`) never loads a model."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from typing import TypeVar, cast

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan
from thinc.types import Ints2d

T = TypeVar("T")


def pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` cut into its readable stretches and the gaps between them: (piece, readable)."""
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        if start > position:
            out.append((text[position:start], False))
        out.append((text[start:end], True))
        position = end
    if position < len(text):
        out.append((text[position:], False))
    return out


def parse_many(nlp: Language, texts: list[str], spans: list[list[tuple[int, int]]], batch_size: int = 64) -> list[Doc]:
    """Parse each readable stretch of each text on its own, in one batched pass over all the
    articles, and join each article's pieces into one Doc whose text is exactly its text, so
    offsets stay those of the raw file.

    Parsing a title, a caption and each paragraph apart keeps the parser from reading across a
    line break ('Talks\n\nRussia accused...' as one sentence), which presetting sentence
    starts does not achieve: the parser then misplaces other boundaries. Gaps (blanked
    credits, line breaks) are only tokenised.
    """
    cut = [pieces(t, s) for t, s in zip(texts, spans, strict=True)]
    readable = [piece for article in cut for piece, is_readable in article if is_readable]
    parsed = iter(nlp.pipe(readable, batch_size=batch_size))
    docs = []
    for text, article in zip(texts, cut, strict=True):
        parts = [next(parsed) if is_readable else _blank(nlp, piece) for piece, is_readable in article]
        doc = _joined(nlp, parts, [piece for piece, _ in article]) if parts else nlp.make_doc("")
        doc.user_data[_kept_as("text")] = text
        docs.append(doc)
    return docs


def _joined(nlp: Language, parts: list[Doc], part_texts: list[str]) -> Doc:
    """`Doc.from_docs(parts, ensure_whitespace=False)`, without its walk over every token of
    every part in Python to collect words and spaces: they come from the parts' own text and
    arrays. The annotations are copied as from_docs copies them (same attributes), and
    the tensor, unused after the parse, is left empty."""
    import numpy

    attrs = [*Doc._get_array_attrs()]  # the attributes from_docs copies (spaCy's own list)
    arrays = [part.to_array(attrs) for part in parts]
    offsets = [part.to_array(["IDX", "LENGTH", "SPACY"]) for part in parts]
    words = [text[start:start + length] for text, rows in zip(part_texts, offsets, strict=True)
             for start, length, _ in rows.tolist()]
    spaces = [bool(space) for rows in offsets for space in rows[:, 2].tolist()]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.from_array(attrs, cast(Ints2d, numpy.concatenate(arrays)))
    doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")
    return doc


def _blank(nlp: Language, text: str) -> Doc:
    # Whitespace only: give it the pipeline's annotations trivially (no model run is needed,
    # but Doc.from_docs wants every part annotated alike).
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def first_conjunct(token: Token) -> Token:
    """The first of the words 'and' joins ('Syria' of 'Syria and Iraq' for 'Iraq'): what the
    parse says of a list, it says of its first word."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def done_to(verb: Token) -> list[Token]:
    """Whom a verb (or a word of dying) names as what it was done to: its object or its passive
    subject ('killed two soldiers', 'two soldiers were killed')."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def says_no(token: Token) -> bool:
    """The token has the determiner 'no' ('no group', 'no major clashes', 'no one')."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def definite(noun: Token, determiners: Collection[str]) -> bool:
    """'the encounter', 'these clashes': a noun with one of the definite `determiners`."""
    return any(c.dep_ == "det" and c.lower_ in determiners for c in noun.children)


def followed_by(doc: Doc, end: int, words: Collection[str]) -> bool:
    """Token `end` (the one after a name) is one of `words` in lower case ('US' + 'dollar')."""
    return end < len(doc) and doc[end].lower_ in words


def speaks(root: Token, lemmas: Collection[str], forms: Collection[str]) -> bool:
    """The subject of 'said' / 'told' (a verb of `lemmas` or `forms`), or the source of 'according to'."""
    dep, head = root.dep_, root.head
    if dep == "nsubj" and (head.lemma_ in lemmas or head.lower_ in forms):
        return True
    return bool(dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according")


def named_as(noun: Token, words: Collection[str]) -> bool:
    """The noun is one of `words`, by its lemma ('in the latest Bond film', 'locals') or with the
    nouns compounded before it ('at the box office', 'community members')."""
    compounded = " ".join([c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
                          + [noun.lemma_.lower()])
    return noun.lemma_.lower() in words or compounded in words


def objects_of(token: Token, prepositions: Collection[str]) -> list[Token]:
    """What the token's prepositions of these words govern: for 'at' and 'upon', the 'police'
    of 'fired at police'."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj"]


def shared_subjects(verb: Token, deps: Collection[str] = ("nsubjpass",)) -> list[Token]:
    """The subjects (of the `deps` kinds) a verb joined by 'and' shares with the first verb,
    when it names no subject or object of its own ('was kidnapped and killed', 'were arrested
    and later found dead'); none otherwise."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return []
    first = verb.head
    if ("nsubjpass" in deps and any(c.dep_ == "auxpass" for c in verb.children) and first.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in first.children)):
        # 'Two policemen deployed at the complex were shot dead': the parser read the participle
        # that describes the subject as the main verb, and the passive after it as its conjunct
        return [c for c in first.children if c.dep_ in (*deps, "nsubj")]
    return [c for c in first.children if c.dep_ in deps]


def stranded_subject(verb: Token) -> list[Token]:
    """The subject of a passive verb the parser hung on the place named before it, as that place's
    apposition ('in Petatlan, Guerrero, a former party leader was shot dead': 'leader' read as
    Guerrero's): a noun phrase that ends right before the verb's auxiliary, when the verb has no
    subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in verb.children):
        return []
    auxiliaries = [c.i for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
    if not auxiliaries:
        return []
    return [t for t in verb.subtree if t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.pos_ == "PROPN"
            and t.right_edge.i + 1 == min(auxiliaries)]


def kept(doc: Doc, name: str, make: Callable[[], T]) -> T:
    """What `make` works out from the Doc, worked out once and kept on it (its user_data): the
    annotator's steps ask the same things of one Doc again and again."""
    key = _kept_as(name)
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make()
    return cast(T, value)


def lemma_text(sentence: DocSpan) -> tuple[str, tuple[int, ...]]:
    """The sentence's lemmas in lower case, one space apart, and each one's token index by its
    start offset in that string (so a phrase match maps back to tokens). Kept on the Doc: the
    story's context, each trigger's participants, the event's evidence and the test of a sport
    report (`sport_sides`) all read it."""
    read: dict[tuple[int, int], tuple[str, tuple[int, ...]]] = kept(sentence.doc, "lemmas", dict)
    if (known := read.get((sentence.start, sentence.end))) is not None:
        return known
    parts, starts, position = [], [], 0
    for token in sentence:
        lemma = token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_
        parts.append(lemma)
        starts.append(position)
        position += len(lemma) + 1
    read[(sentence.start, sentence.end)] = (" ".join(parts), tuple(starts))
    return read[(sentence.start, sentence.end)]


def _kept_as(name: str) -> str:
    return "newsroom_" + name


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds `doc.text` from the tokens on every call
    (`parse_many` keeps the raw text it parsed)."""
    return kept(doc, "text", lambda: doc.text)


# Walks over a Doc read from its arrays: a Python loop over every token makes a Token object for
# each, which costs more than what the annotator then does with the few it wants.

def tokens_lowered_as(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, in order."""
    if not len(doc) or not words:
        return []
    lowers: list[int] = kept(doc, "lowers", lambda: doc.to_array("LOWER").tolist())  # several finders ask
    wanted = _hashes(frozenset(words))
    return [doc[i] for i, lower in enumerate(lowers) if lower in wanted]


@lru_cache(maxsize=256)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    # The ids spaCy gives strings are hashes of their text, the same in every Vocab.
    return frozenset(get_string_id(w) for w in words)


def distinct_texts(doc: Doc) -> list[str]:
    """Each token text once, in order of its first occurrence."""
    import numpy

    if not len(doc):
        return []
    values, first = numpy.unique(doc.to_array("ORTH"), return_index=True)
    return [doc.vocab.strings[int(v)] for v in values[numpy.argsort(first, kind="stable")]]


def lowercase_words_of(doc: Doc) -> frozenset[str]:
    """The words the article writes in lower case ('water', 'landscape'). Read once per Doc: the
    mentions and the entities' evidence both ask."""
    import numpy

    def read() -> frozenset[str]:
        table = doc.to_array(["LOWER", "IS_ALPHA", "IS_LOWER"])
        hashes = numpy.unique(table[(table[:, 1] == 1) & (table[:, 2] == 1), 0]).tolist() if len(table) else []
        return frozenset(doc.vocab.strings[int(h)] for h in hashes)
    return kept(doc, "lowercase", read)


def figure_share(doc: Doc) -> float:
    """The share of the words (not spaces or punctuation) that are figures ('12', 'twelve')."""
    if not len(doc):
        return 0.0
    flags = doc.to_array(["IS_SPACE", "IS_PUNCT", "LIKE_NUM"])
    kept = flags[(flags[:, 0] == 0) & (flags[:, 1] == 0)]
    return float(kept[:, 2].sum()) / len(kept) if len(kept) else 0.0
