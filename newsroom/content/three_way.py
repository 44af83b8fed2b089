"""Re-annotation that merges instead of overwriting: three-way, field by field.

base    what the annotator last wrote (content/.machine/articles/<slug>.md, kept in git)
ours    the article as editors left it (content/articles/<slug>.md)
theirs  what the annotator says now

Whatever an editor changed, added or deleted wins; what nobody touched takes the new machine
value; where both changed the same value differently, the editor's value stays and a conflict
is reported. `ours` is edited in place as a round-trip YAML tree, so comments, key order and
formatting survive. Pure: texts in, text and conflicts out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .frontmatter import dump_roundtrip_document, load_roundtrip, split

KEYED_LISTS = {"actors": "id", "places": "id", "events": "id"}
MISSING = object()


@dataclass
class Refreshed:
    text: str
    changed: bool
    conflicts: list[str] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """Comparable plain data from a round-trip or safe-loaded tree (dates as ISO strings)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _same(a: Any, b: Any) -> bool:
    return _plain(a) == _plain(b)


def _fresh(value: Any) -> Any:
    """A machine value to insert into the editor's tree (flow style for short lists of names)."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _fresh(v)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(v) for v in value)
        if value and all(isinstance(v, str) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def merge_mapping(ours: dict[str, Any], base: dict[str, Any], theirs: dict[str, Any], where: str,
                  conflicts: list[str]) -> None:
    for key in list(dict.fromkeys([*theirs, *base, *ours])):
        o = ours.get(key, MISSING) if key in ours else MISSING
        b = base.get(key, MISSING)
        t = theirs.get(key, MISSING)
        path = f"{where}{key}"
        if _same(o, t):
            continue
        if _same(o, b):  # the editor left the value alone: the machine's new value
            if t is MISSING:
                if not _commented(ours, key):  # a comment an editor wrote on it keeps it
                    del ours[key]
            else:
                ours[key] = _fresh(t)
            continue
        if _same(t, b):  # the machine did not change it: the editor's value
            continue
        if isinstance(o, dict) and isinstance(t, dict):
            merge_mapping(o, b if isinstance(b, dict) else {}, t, f"{path}.", conflicts)
        elif key in KEYED_LISTS and isinstance(o, list) and isinstance(t, list):
            merge_keyed(o, b if isinstance(b, list) else [], t, KEYED_LISTS[key], path, conflicts)
        elif isinstance(o, list) and isinstance(t, list) and all(not isinstance(v, (dict, list)) for v in [*o, *t]):
            merge_set(o, b if isinstance(b, list) else [], t)
        elif o is not MISSING:
            conflicts.append(f"'{path}': you changed it and the annotator now says {_plain(t)!r}; yours is kept")


def _commented(mapping: Any, key: Any) -> bool:
    items = getattr(getattr(mapping, "ca", None), "items", {})
    return any(token is not None for token in items.get(key, []) or [])


def merge_set(ours: list[Any], base: list[Any], theirs: list[Any]) -> None:
    """Lists of names: the machine's additions and removals apply, the editor's stay."""
    for value in theirs:
        if value not in base and value not in ours:
            ours.append(value)
    for value in base:
        if value not in theirs and value in ours:
            ours.remove(value)


def event_key(item: dict[str, Any]) -> str:
    """An event is the same one when its evidence sentence is, spaces aside."""
    return " ".join(str(item.get("evidence", "")).split())


def keep_event_ids(events: list[dict[str, Any]], slug: str, earlier: list[Any]) -> None:
    """Give each event the id it had before, so its page keeps its URL when a re-annotation
    finds an event more or one fewer: an event is the same when its evidence sentence is (as
    the three-way merge matches them). `earlier`: the events of the article's previous
    versions (the annotator's last one, then the editor's). A new event takes the next number
    none of them used, so a URL never comes to mean another event."""
    before: dict[str, str] = {}
    used: set[str] = set()
    for item in earlier:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            before.setdefault(event_key(item), item["id"])
            used.add(item["id"])
    number = max((int(i.rsplit("-", 1)[1]) for i in used if i.startswith(f"{slug}-")
                  and i.rsplit("-", 1)[1].isdigit()), default=0)
    for event in events:
        kept = before.get(event_key(event))
        if kept is not None:
            event["id"] = kept
            continue
        number += 1
        while f"{slug}-{number}" in used:  # every id kept is one of them
            number += 1
        event["id"] = f"{slug}-{number}"


def merge_keyed(ours: list[Any], base: list[Any], theirs: list[Any], key: str, where: str,
                conflicts: list[str]) -> None:
    """Lists of records with an id. Events are matched by their evidence sentence, since the
    annotator numbers them afresh; an event the editor deleted stays deleted."""
    events = where == "events"

    def ident(item: Any) -> Any:
        return event_key(item) if events else item.get(key) if isinstance(item, dict) else None

    base_by = {ident(i): i for i in base if isinstance(i, dict)}
    ours_by = {ident(i): i for i in ours if isinstance(i, dict)}
    used_ids = {i.get("id") for i in [*ours, *base] if isinstance(i, dict)}
    for item in theirs:
        k = ident(item)
        b = base_by.get(k)
        o = ours_by.get(k)
        if o is not None:
            if events and b is not None:
                item = {**item, "id": b.get("id")}
            elif events:
                item = {**item, "id": o.get("id")}
            merge_mapping(o, b or {}, item, f"{where}[{o.get(key)}].", conflicts)
        elif b is None:  # new from the machine
            if events and item.get("id") in used_ids:
                item = {**item, "id": _new_id(str(item.get("id")), used_ids)}
            used_ids.add(item.get("id"))
            ours.append(_fresh(item))
        # in base, not in ours: the editor deleted it; it stays deleted
    theirs_keys = {ident(i) for i in theirs if isinstance(i, dict)}
    for k, b in base_by.items():
        o = ours_by.get(k)
        if k not in theirs_keys and o is not None and _same(o, b):
            ours.remove(o)  # the machine dropped it and the editor never touched it


def _new_id(old: str, used: set[Any]) -> str:
    stem = old.rsplit("-", 1)[0]
    n = 1
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"


def refresh_article(path: str, ours_text: str, base_text: str | None, theirs_text: str) -> Refreshed:
    """Merge a fresh annotation into an edited article. Without a base (no machine snapshot),
    the editor's file is taken as the base: nothing of theirs is lost, new machine findings
    are added."""
    o_yaml, o_body, _ = split(path, ours_text)
    t_yaml, t_body, _ = split(path, theirs_text)
    b_yaml, b_body = (split(path, base_text)[:2] if base_text is not None else (o_yaml, o_body))
    ours = load_roundtrip(o_yaml)
    base = yaml.safe_load(b_yaml) or {}
    theirs = yaml.safe_load(t_yaml) or {}
    conflicts: list[str] = []
    merge_mapping(ours, base, theirs, "", conflicts)
    body = o_body
    if o_body == b_body:
        body = t_body
    elif t_body != b_body and t_body != o_body:
        conflicts.append("the story text: you edited it and the annotator's reading changed; yours is kept")
    text = dump_roundtrip_document(ours, body)
    return Refreshed(text, text != ours_text, conflicts)
