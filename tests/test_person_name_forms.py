"""How a person's name is cut from the text: the model at times takes a sentence's stop into a
name that ends it ('... by James To.'), leaves out the hyphened syllable of a Chinese or Korean
given name ('Chan Kwok' of 'Chan Kwok-wai'), or reads only the given name of a full name it meets
whole later on. Each of these makes a second page for one person."""

from __future__ import annotations


def _actors(annotator, text: str) -> dict[str, list[str]]:
    return {a.name: sorted({m.text for m in a.mentions}) for a in annotator(text).actors}


def test_a_name_that_ends_a_sentence_ends_before_its_stop(annotator):
    names = _actors(annotator, "Results\n\nThe former minister was defeated by James To.\n")
    assert "James To" in names
    assert not any(name.endswith(".") for name in names)


def test_an_abbreviation_keeps_its_stop(annotator):
    names = _actors(annotator, "Deal\n\nThe Pentagon signed a contract with Lockheed Martin Corp.\n")
    assert any(name.startswith("Lockheed Martin") for name in names)
    assert "Martin Luther King Jr." in _actors(annotator, "March\n\nThousands marched in memory of "
                                                            "Martin Luther King Jr.\n")


def test_a_stop_the_tokenizer_writes_apart_from_an_abbreviation_stays_the_name_s():
    from newsroom.annotate.knowledge import load_knowledge
    from newsroom.annotate.name_edges import clean_entity
    from newsroom.cli.loading import load_nlp

    lexicon = load_knowledge().lexicon
    for text, name in [("held by John Smith Sr.", "John Smith Sr."), ("met at Legion Post No.", "Legion Post No."),
                       ("was defeated by James To.", "James To")]:
        doc = load_nlp().make_doc(text)
        start = len(doc) - len(load_nlp().make_doc(name.rstrip(".") + "."))
        assert [doc[a:b].text for a, b in clean_entity(doc, start, len(doc), "PERSON", lexicon)] == [name]


def test_a_hyphened_given_name_is_read_whole(annotator):
    names = _actors(annotator, "Seoul\n\nPresident Moon Jae-in met Lee Teng-hui in Seoul. The veteran Chan "
                               "Kwok-wai of the union lost his seat.\n")
    assert {"Moon Jae-in", "Lee Teng-hui", "Chan Kwok-wai"} <= set(names)
    assert not {"Moon Jae", "Lee Teng", "Chan Kwok"} & set(names)


def test_a_name_hyphened_to_a_word_that_makes_an_adjective_stays_the_name(annotator):
    names = _actors(annotator, "Talks\n\nA Hillary Clinton-led team met the Obama-era envoy in Geneva.\n")
    assert "Hillary Clinton" in names
    assert not any("-" in name for name in names)


def test_a_given_name_met_before_the_full_name_is_that_person():
    # The model at times reads a given name alone where a surname that is also a word follows
    # ('James To of the party'), and the full name later: the drafts the annotator then holds.
    from newsroom.annotate.article_passes import merge_short_names
    from newsroom.annotate.entity_drafts import EntityDraft

    lone = EntityDraft(("person", "james"), "actor", "person", texts=["James"])
    whole = EntityDraft(("person", "james to"), "actor", "person", texts=["James To"])
    other = EntityDraft(("person", "mary so"), "actor", "person", texts=["Mary So"])
    drafts = {d.key: d for d in (lone, whole, other)}
    merge_short_names(drafts)
    assert list(drafts) == [("person", "james to"), ("person", "mary so")]
    assert whole.texts == ["James To", "James"]


def test_a_given_name_two_people_bear_stays_apart(annotator):
    names = _actors(annotator, "Results\n\nJames said the count was fair. James Tan and James Lee were "
                               "elected in Kowloon.\n")
    assert "James Tan" in names and "James Lee" in names
    assert "James" not in names["James Tan"] and "James" not in names["James Lee"]


def test_a_lone_word_is_the_surname_of_the_one_person_before_the_given_name_of_another(annotator):
    names = _actors(annotator, "Show\n\nWarhol took the photographs himself. The show of Andy Warhol "
                               "opens today, and Warhol Polaroid prints are sold in Austin.\n")
    assert "Warhol" not in names
    assert "Warhol" in names["Andy Warhol"]
