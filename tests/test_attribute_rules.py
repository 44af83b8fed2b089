"""The model's attribute rules, matched through an index (`newsroom.annotate.attribute_rules`),
and its lemmatizer remembering base forms (`newsroom.annotate.base_forms`) give every token the
part of speech, morphology and lemma the model's own pipeline gives."""

from __future__ import annotations

import pytest

# Text the model's rules act on: tags mapped to parts of speech, pronouns by their function
# ('I' as subject and object), 'there is', auxiliaries, 'but' as an adverb, determiners standing
# alone, colloquial forms the rules lemmatise over two tokens ('gonna', "ain't", "y'all"), a
# rule tested by a regular expression ("nothin'"), and runs of white space.
TEXT = (
    "Rebels ain't gonna stop, a commander said. Y'all know that, but I told you it was over.\n\n"
    "There were two attacks on Monday; police said nothin' about those. Let's see what gets done, "
    "he said, and that was all.\n  \nThe gunmen had fled, and it had got ta be late: c'mon, she got them."
)


@pytest.fixture(scope="module")
def both():
    import spacy

    from newsroom.cli.loading import MODEL, load_nlp

    return spacy.load(MODEL), load_nlp()


def _read(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_every_token_reads_as_the_model_s_own_rules_read_it(both):
    shipped, indexed = both
    # and texts that start or end inside a rule of two tokens
    for text in (TEXT, *TEXT.split("\n\n"), "", "   ", "I got", "All of it, said y", "Let"):
        assert _read(indexed(text)) == _read(shipped(text))
    doc = indexed(TEXT)
    lemmas = {t.text: t.lemma_ for t in doc}
    # The rules did act (so the comparison compares something): two-token and regex rules included.
    assert (lemmas["gon"], lemmas["na"], lemmas["ai"], lemmas["nothin'"]) == ("go", "to", "be", "nothing")
    assert [t.pos_ for t in doc if t.is_space] == ["SPACE", "SPACE"]


def test_the_rules_are_filed_not_tried_one_by_one(both):
    shipped, indexed = both
    ruler = indexed.get_pipe("attribute_ruler")
    assert indexed.pipe_names == shipped.pipe_names
    assert ruler.patterns == shipped.get_pipe("attribute_ruler").patterns  # the same rules, in order
    assert len(ruler.matcher) == 0  # none left to spaCy's Matcher: each is tried only where it may match


def test_base_forms_are_remembered_and_read_as_the_model_reads_them(both):
    shipped, ours = both
    text = "Police said the protesters had gathered. The police will gather them again, a police officer said."
    first, again = ours(text), ours(text)  # the second read is answered from what the first remembered
    assert _read(first) == _read(again) == _read(shipped(text))
    officer = next(t for t in first if t.text == "officer")
    assert (officer.lemma_, officer.pos_, str(officer.morph)) == ("officer", "NOUN", "Number=Sing")
    key = (officer.orth, officer.pos, officer.morph.key)
    assert key in ours.get_pipe("lemmatizer").cache  # a base form, remembered
    assert key not in shipped.get_pipe("lemmatizer").cache  # the model as shipped works it out each time
