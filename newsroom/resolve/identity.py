"""Identity fixed by hand, the pure half: merge two entities' records into one, rename one,
and point an article's references from one id to another. Round-trip YAML trees in and out,
so editors' comments, key order and formatting survive. `content.identity_edits` does the I/O.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..content.frontmatter import FENCE, dump_roundtrip, load_roundtrip, split

FOLDERS = ("actors", "places")


def _extend_unique(target: CommentedSeq | list[Any], values: list[Any], exclude: Set[object] = frozenset()) -> None:
    for value in values:
        if value not in target and value not in exclude:
            target.append(value)


def _seq(record: dict[str, Any], key: str, flow: bool = True) -> CommentedSeq:
    if not isinstance(record.get(key), list):
        seq = CommentedSeq()
        if flow:
            seq.fa.set_flow_style()
        record[key] = seq
    return record[key]


def merged_record(old: CommentedMap, new: CommentedMap, old_slug: str) -> CommentedMap:
    """NEW keeps its own values; gains OLD's name and aliases as aliases, OLD's slug and old
    slugs as redirects, and every field OLD has that NEW leaves empty (hand edits survive)."""
    name = new.get("name")
    aliases = _seq(new, "aliases")
    _extend_unique(aliases, [old.get("name"), *(old.get("aliases") or [])], {name, None})
    redirects = _seq(new, "redirect_from")
    _extend_unique(redirects, [old_slug, *(old.get("redirect_from") or [])])
    for key, value in old.items():
        if key in ("name", "aliases", "redirect_from"):
            continue
        if new.get(key) in (None, "", [], {}) and value not in (None, "", [], {}):
            new[key] = value
    return new


def renamed_record(record: CommentedMap, new_name: str, old_slug: str, new_slug: str) -> CommentedMap:
    old_name = record.get("name")
    record["name"] = new_name
    if old_name and old_name != new_name:
        _extend_unique(_seq(record, "aliases"), [old_name])
    if new_slug != old_slug:
        _extend_unique(_seq(record, "redirect_from"), [old_slug])
    return record


def rewrite_references(meta: CommentedMap, folder: str, old: str, new: str) -> bool:
    """Point an article's references from OLD to NEW; merge the two entries if both are there."""
    changed = False
    items = meta.get(folder)
    if isinstance(items, list):
        keep = next((item for item in items if isinstance(item, dict) and item.get("id") == new), None)
        for item in list(items):
            if not isinstance(item, dict) or item.get("id") != old:
                continue
            changed = True
            if keep is None:
                item["id"] = new
                keep = item
            else:
                _extend_unique(_seq(keep, "mentions"), list(item.get("mentions") or []))
                items.remove(item)
    for event in meta.get("events") or []:
        if not isinstance(event, dict):
            continue
        if folder == "actors":
            actors = event.get("actors")
            if isinstance(actors, list) and old in actors:
                for n, value in enumerate(list(actors)):
                    if value == old:
                        actors[n] = new
                while actors.count(new) > 1:
                    del actors[len(actors) - 1 - actors[::-1].index(new)]
                changed = True
            if event.get("according_to") == old:
                event["according_to"] = new
                changed = True
        elif event.get("place") == old:
            event["place"] = new
            changed = True
    return changed


def rewrite_article(text: str, path: str, folder: str, old: str, new: str) -> str | None:
    """The article's new text, or None when it does not refer to OLD."""
    yaml_text, body, _ = split(path, text)
    meta = load_roundtrip(yaml_text)
    if not rewrite_references(meta, folder, old, new):
        return None
    return f"{FENCE}\n{dump_roundtrip(meta)}{FENCE}\n{body}"
