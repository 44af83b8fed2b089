"""Hand edits are sacred: re-annotation merges three ways and never loses an editor's change."""

from __future__ import annotations

import copy
import json
import sys

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.content.frontmatter import dump_document, split
from newsroom.content.frontmatter import dump_roundtrip as dump
from newsroom.content.frontmatter import load_roundtrip as load
from newsroom.content.three_way import refresh_article

from .conftest import ROOT, copy_project, run

SLUG = "syrian-army-captures-key-supply-route-in-deir-az-zor"
_SNAPSHOT = (ROOT / "content" / ".machine" / "articles" / f"{SLUG}.md").read_text(encoding="utf-8")
_YAML, BODY, _ = split("base", _SNAPSHOT)
BASE = yaml.safe_load(_YAML)
# A shorter article keeps 200 examples fast; the merge treats every entry alike.
BASE["actors"], BASE["events"] = BASE["actors"][:6], BASE["events"][:5]
BASE_TEXT = dump_document(BASE, BODY)
N_ACTORS, N_EVENTS = len(BASE["actors"]), len(BASE["events"])
SCALARS = ["dek", "credit", "date", "byline", "notes"]

# ---------------------------------------------------------------- the annotator changes its mind

machine_op = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(SCALARS), st.text("abcdef ", min_size=1, max_size=12)),
    st.tuples(st.just("drop"), st.sampled_from(["dek", "credit", "related"]), st.none()),
    st.tuples(st.just("mention"), st.integers(0, N_ACTORS - 1), st.text("ABCDE", min_size=1, max_size=6)),
    st.tuples(st.just("drop_actor"), st.integers(0, N_ACTORS - 1), st.none()),
    st.tuples(st.just("sub_type"), st.integers(0, N_EVENTS - 1), st.sampled_from(["Armed clash", "Other"])),
    st.tuples(st.just("new_event"), st.integers(0, 99), st.none()),
)


def apply_machine(meta: dict, ops: list) -> dict:
    meta = copy.deepcopy(meta)
    for op, target, value in ops:
        if op == "set":
            meta[target] = value
        elif op == "drop":
            meta.pop(target, None)
        elif op == "mention" and target < len(meta["actors"]):
            meta["actors"][target].setdefault("mentions", []).append(value)
        elif op == "drop_actor" and target < len(meta["actors"]):
            del meta["actors"][target]
        elif op == "sub_type" and target < len(meta["events"]):
            meta["events"][target]["sub_type"] = value
        elif op == "new_event":
            meta["events"].append({"id": f"{SLUG}-{len(meta['events']) + 1}", "type": "Protests",
                                   "sub_type": "Peaceful protest", "evidence": f"A new sentence {target}."})
    return meta


# ---------------------------------------------------------------- an editor's hand edits

@st.composite
def editor_ops(draw):
    """Up to six edits on distinct targets (so each one's expected outcome is clear)."""
    scalars = draw(st.lists(st.sampled_from(SCALARS), unique=True, max_size=3))
    actors = draw(st.lists(st.integers(0, N_ACTORS - 1), unique=True, max_size=3))
    events = draw(st.lists(st.integers(0, N_EVENTS - 1), unique=True, max_size=2))
    ops = []
    for key in scalars:
        kind = draw(st.sampled_from(["set", "delete", "comment"]))
        ops.append((kind, key, draw(st.text("xyz.", min_size=1, max_size=8))))
    for index in actors:
        ops.append((draw(st.sampled_from(["add_mention", "delete_actor", "role"])), index,
                    draw(st.text("XYZ", min_size=2, max_size=5))))
    for index in events:
        ops.append((draw(st.sampled_from(["event_sub_type", "delete_event", "event_date"])), index, None))
    return ops


def apply_editor(text: str, ops: list) -> tuple[str, list]:
    """Edit the article as a person would (round-trip, comments included); return what to expect."""
    yaml_text, body, _ = split("ours", text)
    meta = load(yaml_text)
    actor_ids = [a["id"] for a in meta["actors"]]
    evidence = [e["evidence"] for e in meta["events"]]
    expect = []
    for op, target, value in ops:
        if op == "set":
            meta[target] = f"hand {value}"
            expect.append(("value", target, f"hand {value}"))
        elif op == "delete" and target in meta:  # deleting what is not there is no edit
            del meta[target]
            expect.append(("absent", target, None))
        elif op == "comment":
            meta[target] = meta.get(target) or "kept"
            meta.yaml_add_eol_comment(f"desk note {value}", target)
            # A comment marks the field, not a new value: the value may update, the note stays.
            expect.append(("present", target, None))
            expect.append(("text", f"# desk note {value}", None))
        elif op == "add_mention":
            entry = next(a for a in meta["actors"] if a["id"] == actor_ids[target])
            entry["mentions"].append(f"M{value}")
            expect.append(("mention", actor_ids[target], f"M{value}"))
        elif op == "role":
            entry = next(a for a in meta["actors"] if a["id"] == actor_ids[target])
            entry["role"] = f"role {value}"
            expect.append(("role", actor_ids[target], f"role {value}"))
        elif op == "delete_actor":
            meta["actors"] = [a for a in meta["actors"] if a["id"] != actor_ids[target]]
            expect.append(("no_actor", actor_ids[target], None))
        elif op == "event_sub_type":
            event = next(e for e in meta["events"] if e["evidence"] == evidence[target])
            event["sub_type"] = "Non-violent transfer of territory"
            expect.append(("event", evidence[target], ("sub_type", "Non-violent transfer of territory")))
        elif op == "event_date":
            event = next(e for e in meta["events"] if e["evidence"] == evidence[target])
            event["date"] = "2017-09-20"
            expect.append(("event", evidence[target], ("date", "2017-09-20")))
        elif op == "delete_event":
            meta["events"] = [e for e in meta["events"] if e["evidence"] != evidence[target]]
            expect.append(("no_event", evidence[target], None))
    return f"---\n{dump(meta)}---\n{body}", expect


def holds(meta: dict, text: str, expectation: tuple) -> bool:
    kind, target, value = expectation
    actors = {a["id"]: a for a in meta.get("actors") or []}
    events = {e["evidence"]: e for e in meta.get("events") or []}
    if kind == "value":
        return str(meta.get(target)) == str(value)
    if kind == "absent":
        return target not in meta
    if kind == "present":
        return target in meta
    if kind == "text":
        return target in text
    if kind == "mention":
        return target in actors and value in actors[target]["mentions"]
    if kind == "role":
        return target in actors and actors[target].get("role") == value
    if kind == "no_actor":
        return target not in actors
    if kind == "event":
        return target in events and str(events[target].get(value[0])) == value[1]
    if kind == "no_event":
        return target not in events
    raise AssertionError(kind)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=editor_ops(), machine=st.lists(machine_op, max_size=5))
def test_every_hand_edit_survives_a_refresh_with_a_changed_annotator(edits, machine):
    ours, expected = apply_editor(BASE_TEXT, edits)
    theirs = dump_document(apply_machine(BASE, machine), BODY)
    result = refresh_article("article.md", ours, BASE_TEXT, theirs)
    merged = yaml.safe_load(split("merged", result.text)[0])
    for expectation in expected:
        assert holds(merged, result.text, expectation), (expectation, result.conflicts)


def test_untouched_fields_take_the_new_machine_value():
    theirs_meta = copy.deepcopy(BASE)
    theirs_meta["dek"] = "A better dek."
    theirs_meta["actors"][0]["mentions"].append("the army")
    result = refresh_article("a.md", BASE_TEXT, BASE_TEXT, dump_document(theirs_meta, BODY))
    merged = yaml.safe_load(split("m", result.text)[0])
    assert merged["dek"] == "A better dek." and "the army" in merged["actors"][0]["mentions"]
    assert merged == theirs_meta
    assert result.conflicts == []


def test_both_changed_is_a_conflict_and_the_editor_wins():
    ours_meta = copy.deepcopy(BASE)
    ours_meta["credit"] = "Our desk"
    theirs_meta = copy.deepcopy(BASE)
    theirs_meta["credit"] = "Reuters"
    result = refresh_article("a.md", dump_document(ours_meta, BODY), BASE_TEXT, dump_document(theirs_meta, BODY))
    assert yaml.safe_load(split("m", result.text)[0])["credit"] == "Our desk"
    assert result.conflicts == ["'credit': you changed it and the annotator now says 'Reuters'; yours is kept"]


def test_an_editors_review_decision_survives_a_new_confidence():
    ours_meta, theirs_meta = copy.deepcopy(BASE), copy.deepcopy(BASE)
    ours_meta["events"][0]["review"] = "accepted"
    ours_meta["events"][1]["review"] = "rejected"
    theirs_meta["events"][0]["confidence"] = theirs_meta["events"][1]["confidence"] = 0.31
    result = refresh_article("a.md", dump_document(ours_meta, BODY), BASE_TEXT, dump_document(theirs_meta, BODY))
    events = yaml.safe_load(split("m", result.text)[0])["events"]
    assert [(e["review"], e["confidence"]) for e in events[:2]] == [("accepted", 0.31), ("rejected", 0.31)]
    assert result.conflicts == []


def test_cli_refresh_keeps_the_editors_date_and_comment_and_builds(tmp_path):
    project = copy_project(tmp_path)
    article = project / "content" / "articles" / f"{SLUG}.md"
    text = article.read_text(encoding="utf-8").replace("credit: News Agencies",
                                                        "credit: News Agencies  # checked 2017-10-02")
    article.write_text(text, encoding="utf-8")
    proc = run(sys.executable, str(ROOT / "build.py"), "annotate", "--refresh", "--seeds", str(project / "seeds"),
               "--content", str(project / "content"), SLUG)
    assert "conflict(s) left for an editor" in proc.stdout
    after = article.read_text(encoding="utf-8")
    assert "date: 2017-09-29\n" in after and "credit: News Agencies  # checked 2017-10-02\n" in after
    # With the editor's date, the annotator now dates 'on Thursday' to 2017-09-28.
    assert "date: 2017-09-28" in after
    bad = run(sys.executable, str(ROOT / "build.py"), "annotate", "--refresh", "--content",
              str(project / "content"), "--seeds", str(project / "seeds"), "no-such-article", check=False)
    assert bad.returncode == 1
    assert "content/articles/no-such-article.md:1:1: error N112: there is no article 'no-such-article'" in bad.stderr


def test_an_event_found_anew_takes_a_new_number_and_the_others_keep_their_urls(tmp_path):
    """An annotator that finds one event more must not renumber the rest: /events/<id>/ of a
    published event keeps meaning that event."""
    project = copy_project(tmp_path)
    article = project / "content" / "articles" / f"{SLUG}.md"
    machine = project / "content" / ".machine" / "articles" / f"{SLUG}.md"
    events = yaml.safe_load(split("a", article.read_text(encoding="utf-8"))[0])["events"]
    found_anew = events[2]["evidence"]
    # As an older annotator wrote it, in the editor's file and the base alike: the third event
    # missing, and the events numbered 1, 2, 3, ... without it.
    published = {}
    for path in (article, machine):
        fm, body, _ = split("a", path.read_text(encoding="utf-8"))
        old = yaml.safe_load(fm)
        old["events"] = [e for e in old["events"] if e["evidence"] != found_anew]
        for n, event in enumerate(old["events"], 1):
            event["id"] = published[event["evidence"]] = f"{SLUG}-{n}"
        path.write_text(dump_document(old, body), encoding="utf-8")
    run(sys.executable, str(ROOT / "build.py"), "annotate", "--refresh", "--seeds", str(project / "seeds"),
        "--content", str(project / "content"), SLUG)
    events = yaml.safe_load(split("a", article.read_text(encoding="utf-8"))[0])["events"]
    after = {e["evidence"]: e["id"] for e in events}
    assert {ev: after[ev] for ev in published} == published
    assert after[found_anew] == f"{SLUG}-{len(published) + 1}"


def test_an_entity_whose_kind_an_editor_corrected_keeps_its_page_after_a_refresh(tmp_path):
    """The annotator reads Thibaut Courtois as an organisation; an editor made his file a
    person. A re-annotation must file him there again, not mint 'thibaut-courtois-2'."""
    project = copy_project(tmp_path)
    slug = "fifa-world-cup-2018-day-five-sweden-belgium-england-win-three-points"
    entity = project / "content" / "actors" / "thibaut-courtois.yml"
    record = yaml.safe_load(entity.read_text(encoding="utf-8"))
    entity.write_text(entity.read_text(encoding="utf-8").replace(f"kind: {record['kind']}\n", "kind: person\n"),
                      encoding="utf-8")
    annotated = run(sys.executable, str(ROOT / "build.py"), "annotate", "--json", "--date", "2018-06-19",
                    str(project / "seeds" / _seed_of(project, slug)))
    assert any(a["name"] == "Thibaut Courtois" and a["kind"] != "person"
               for a in json.loads(annotated.stdout)["actors"])  # the annotator still disagrees
    run(sys.executable, str(ROOT / "build.py"), "annotate", "--refresh", "--seeds", str(project / "seeds"),
        "--content", str(project / "content"), slug)
    actors = yaml.safe_load(split("a", (project / "content" / "articles" / f"{slug}.md").read_text(
        encoding="utf-8"))[0])["actors"]
    assert "thibaut-courtois" in [a["id"] for a in actors]
    assert not list((project / "content" / "actors").glob("thibaut-courtois-*.yml"))


def _seed_of(project, slug: str) -> str:
    return yaml.safe_load(split("a", (project / "content" / "articles" / f"{slug}.md").read_text(
        encoding="utf-8"))[0])["seed"]


def test_an_event_whose_sentence_has_a_run_of_spaces_keeps_its_id():
    # Conflict notes often hold two spaces in a sentence ('The  United Liberation Front'): the
    # key spaces aside must find it, or its URL would change at every re-annotation.
    from newsroom.content.three_way import keep_event_ids

    earlier = [{"id": "note-1", "evidence": "The  Front has claimed the attack."},
               {"id": "note-2", "evidence": "Two soldiers were killed."}]
    events = [{"evidence": "Two soldiers were killed."}, {"evidence": "The  Front has claimed the attack."}]
    keep_event_ids(events, "note", earlier)
    assert [e["id"] for e in events] == ["note-2", "note-1"]
