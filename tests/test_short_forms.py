"""A kind noun a story shortens a body to ('the Court' for the Supreme Court, 'the State' in 'the
State and Treasury Departments') is that story's short form, not a name: it is kept out
of the entity's file, an archive file that holds one (written before) does not read other
stories by it, and a body a story calls only that is never filed under another entity by it."""

from __future__ import annotations

from newsroom.annotate.entity_drafts import aliases_of
from newsroom.annotate.knowledge import load_knowledge
from newsroom.model import Actor, Span
from newsroom.resolve.registry import Registry, actor_record, assign

DEPARTMENT = {"name": "United States Department of State", "kind": "government-body",
              "aliases": ["State", "US State Department"], "country": "US"}


def _actor(name: str, kind: str = "organisation") -> Actor:
    return Actor(name, kind, [Span(0, len(name), name)])


def test_a_story_s_short_form_is_no_alias_of_the_body(annotator) -> None:
    text = ("Court strikes down press law\n\nThe Constitutional Court struck down the press law on Monday. "
            "The Court said the law broke the constitution.\n")
    court = next(a for a in annotator(text, "2020-01-06").actors if a.name == "Constitutional Court")
    assert "Court" in [m.text for m in court.mentions]  # read as the court in its own story...
    assert "Court" not in court.aliases and "Court" not in actor_record(court).get("aliases", [])  # ... no more
    # A short form that is a name stays an alias.
    assert actor_record(_actor_with("Freedom Party", ["Freedom Party", "FP"])).get("aliases") == ["FP"]


def _actor_with(name: str, texts: list[str]) -> Actor:
    return Actor(name, "political-party", [Span(0, len(t), t) for t in texts],
                 aliases_of(texts, name, load_knowledge().lexicon))


def test_an_archive_alias_that_is_a_kind_noun_reads_no_other_story() -> None:
    knowledge = load_knowledge()
    registry = Registry(actors={"united-states-department-of-state": dict(DEPARTMENT)})
    extended = registry.extend(knowledge)
    known = next(a for a in extended.actors if a.name == DEPARTMENT["name"] and a.archive is not None)
    assert "State" not in known.aliases and "US State Department" in known.aliases
    short = knowledge.lexicon.is_kind_noun
    # 'the State' of a story on Italy is its own entry; the department's full alias still finds it.
    ids = assign(registry, [_actor("State"), _actor("US State Department", "government-body")], [], short=short)
    assert ids.actor_ids == ["state", "united-states-department-of-state"]
    # The entity's own name is matched whatever it is: an archive's 'Senate' is the Senate.
    registry.add("actors", "senate", {"name": "Senate", "kind": "government-body"})
    assert assign(registry, [_actor("Senate", "government-body")], [], short=short).actor_ids == ["senate"]
