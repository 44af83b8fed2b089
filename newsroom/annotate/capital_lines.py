"""Lines written all in capitals: a wire headline ('RUGBY - HOLLOWAY BACK FOR THE FINAL.', 'FLOODS
CUT OFF TWO VILLAGES IN AUSTRIA.'). The model, which leans on capitals to find names, reads such a
line poorly: it takes runs of words for names ('BACK FOR THE FINAL', 'FLOODS') and misses the
names that are there. There its own names are dropped (the knowledge base's and the rules' stay:
they match names whatever their case), and the line is read for the names the rest of the story
gives, written in capitals ('WEST INDIES' for the story's 'West Indies'; `in_capitals`). The
entities' pass that finds an actor's every mention (`article_passes.add_repeated_names`) reads
them for its forms too, a person's surname included ('HOLLOWAY' for 'Dean Holloway'). A one-word
form the story also writes in lower case ('Price', 'price') is a common word, not read in
capitals.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..text import whole_word_spans
from .candidate import Candidate
from .nlp import kept, lowercase_words_of, text_of

# The model's readings, which a line in capitals makes unreliable.
MODEL_SOURCES = frozenset({"ner", "guess"})
# Lower-case letters a line of a story written in mixed case has (a few words).
MIXED_CASE_LETTERS = 10


def capital_lines(text: str) -> list[tuple[int, int]]:
    """The stretches of the lines whose letters are all capitals, with two words of letters or
    more ('LONDON 1996-12-06' is a dateline, read by the layout)."""
    out, start = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if sum(ch.isalpha() for ch in w) >= 2]
        if len(words) >= 2 and line.upper() == line and any(ch.isalpha() for ch in line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def in_capitals(doc: Doc, form: str) -> list[tuple[int, int]]:
    """Where the name `form` stands, written in capitals, in the lines of capitals; nowhere for a
    one-word form the story writes in lower case too (a common word)."""
    lines = kept_lines(doc)
    if not lines or (" " not in form.strip() and form.lower() in lowercase_words_of(doc)):
        return []
    text = text_of(doc)
    return [(a + start, a + end) for a, b in lines for start, end in whole_word_spans(text[a:b], form.upper())]


def kept_lines(doc: Doc) -> list[tuple[int, int]]:
    """The Doc's lines of capitals, worked out once; none in a story written all in capitals (an
    old telex: no line has a few words in lower case), where they are all the model has to read."""
    def read() -> list[tuple[int, int]]:
        text = text_of(doc)
        mixed = any(sum(ch.islower() for ch in line) >= MIXED_CASE_LETTERS for line in text.split("\n"))
        return capital_lines(text) if mixed else []
    return kept(doc, "capital_lines", read)


def read_in_capitals(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """The candidates, those of the model in lines of capitals dropped and the names the rest of
    the story gives read there instead (see the module's docstring)."""
    lines = kept_lines(doc)
    if not lines:
        return found

    def inside(c: Candidate) -> bool:
        return any(a <= c.start and c.end <= b for a, b in lines)

    text = text_of(doc)
    kept_found = [c for c in found if not (c.source in MODEL_SOURCES and inside(c))]
    taken = [(c.start, c.end) for c in kept_found if inside(c)]
    names = {text[c.start:c.end]: c for c in sorted(found, key=lambda c: -c.start)
             if not inside(c) and text[c.start:c.start + 1].isupper()}  # the first of each form
    for form in sorted(names, key=lambda f: (-len(f), f)):
        for start, end in in_capitals(doc, form):
            span = doc.char_span(start, end)
            if span is None or any(x < end and start < y for x, y in taken):
                continue
            name = names[form]
            kept_found.append(Candidate(start, end, name.label, name.ref, "rule", (span.start, span.end)))
            taken.append((start, end))
    return kept_found
