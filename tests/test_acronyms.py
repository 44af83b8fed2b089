"""An acronym a story defines after a name ('the Mountain Reform Council (MRC)') is that name wherever
the story uses it later, whether or not the model typed it, and whatever order a translated name puts
its initials in; a capitalised munition and its initials ('an Improvised Explosive Device (IED)')
are no actor."""

from __future__ import annotations

from newsroom.annotate.candidate import Candidate
from newsroom.annotate.mentions import acronym_uses

# The model types the name and leaves its acronym untyped here.
REPORT = ("Farmers march\n\nThe farmers said the Land Reform and Resettlement Board (LRRB) had not heeded their "
          "calls for talks. LRRB officials declined to comment, and a spokesman said the LRRB would meet on "
          "Friday.\n")


def test_every_later_use_of_a_defined_acronym_is_a_mention_of_the_name(annotator):
    ann = annotator(REPORT)
    board = next(a for a in ann.actors if a.name == "Land Reform and Resettlement Board")
    assert sorted(REPORT[m.start:m.end] for m in board.mentions) == ["LRRB", "LRRB", "LRRB",
                                                                   "Land Reform and Resettlement Board"]
    assert [a.name for a in ann.actors] == ["Land Reform and Resettlement Board"]


def test_all_capitals_lines_and_text_before_the_definition_are_not_read_for_it(annotator):
    # A line in capitals spells common words as an acronym is spelled ('AN', 'IT', 'US').
    text = ("AN APPEAL\n\nThe far-right Action Nationale (AN) quit the coalition. AN deputies walked out.\n\n"
            "AN ANGRY VOTE\n\nThe vote was delayed.\n")
    doc = annotator.nlp.make_doc(text)
    start = text.index("Action Nationale")
    span = doc.char_span(start, start + len("Action Nationale"))
    name = Candidate(span.start_char, span.end_char, "ORG", None, "ner", (span.start, span.end))
    uses = acronym_uses(doc, [name], {"AN": name})
    assert [u.start for u in uses] == [text.index("(AN") + 1, text.index("AN deputies")]
    assert {(u.label, u.source) for u in uses} == {("ORG", "rule")}


def test_a_capitalised_munition_and_its_initials_are_no_actor(annotator):
    ann = annotator("Five people were injured near the village on Tuesday night when the assailants detonated "
                    "an Improvised Explosive Device (IED) beside the road.\n")
    assert not ann.actors


def test_an_acronym_of_a_translated_name_may_order_its_initials_otherwise(annotator):
    # the name translated, its acronym kept from the language it was formed in: one actor
    text = ("Leaders of the National Liberation Movement (MLN) met on Monday. MLN officials said talks would "
            "resume.\n")
    ann = annotator(text)
    movement = next(a for a in ann.actors if a.name == "National Liberation Movement")
    assert sorted(text[m.start:m.end] for m in movement.mentions) == ["MLN", "MLN", "National Liberation Movement"]
    assert "MLN" not in [a.name for a in ann.actors]
    # ... but letters the name has no initials for are another name's
    other = annotator("Leaders of the National Liberation Movement (MLP) met on Monday.\n")
    movement = next(a for a in other.actors if a.name == "National Liberation Movement")
    assert [m.text for m in movement.mentions] == ["National Liberation Movement"]
