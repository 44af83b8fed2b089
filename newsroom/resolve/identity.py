"""Identity fixed by hand, the pure half: merge two entities' records into one, rename one,
and point an article's references from one id to another. Round-trip YAML trees in and out,
so editors' comments, key order and formatting survive. `content.identity_edits` does the I/O.
"""

from __future__ import annotations

import copy
from collections.abc import Set
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..content.frontmatter import dump_roundtrip_document, load_roundtrip, split
from ..content.visibility import confidence_of, surer

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


NAMES = ("name", "aliases", "redirect_from")  # merged as names: never a conflict


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def key_line(record: Any, key: Any) -> int:
    """The 1-based line of `key` in a round-trip mapping's text (1 when unknown)."""
    try:
        return int(record.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return 1


def differing_fields(old: CommentedMap, new: CommentedMap, skip: Set[object] = frozenset()) -> list[str]:
    """The fields both records set, to different values: what a merge may not settle for the editor."""
    return [str(key) for key, value in old.items()
            if key not in skip and not _empty(value) and not _empty(new.get(key)) and value != new.get(key)]


def _copy_comment(source: CommentedMap, target: CommentedMap, key: Any) -> None:
    """Carry the comment written after `key` in `source` over to `target`: appended to the
    comment `target` has there, if any, so neither is lost."""
    token = source.ca.items.get(key, [None, None, None, None])[2]
    if token is None:
        return
    mine = target.ca.items.setdefault(key, [None, None, None, None])
    if mine[2] is None:
        mine[2] = copy.copy(token)
    elif token.value.strip() not in mine[2].value:
        text = token.value.strip()
        mine[2] = copy.copy(mine[2])
        mine[2].value = mine[2].value.rstrip("\n") + "\n" + text + ("\n" if not text.endswith("\n") else "")


def _copy_head_comment(source: CommentedMap, target: CommentedMap) -> None:
    """The comment lines above the first field (an editor's note on the whole entity)."""
    head = (source.ca.comment or [None, None])[1] or []
    if not head:
        return
    if target.ca.comment is None:
        target.ca.comment = [None, []]
    mine = target.ca.comment[1] if target.ca.comment[1] is not None else []
    texts = {token.value for token in mine}
    target.ca.comment[1] = [*mine, *(copy.copy(t) for t in head if t.value not in texts)]


def merged_record(old: CommentedMap, new: CommentedMap, old_slug: str, new_slug: str = "") -> CommentedMap:
    """NEW keeps its own values; gains OLD's name and aliases as aliases, OLD's slug and old
    slugs as redirects (never NEW's own slug), every field OLD sets that NEW leaves empty, and
    OLD's comments. The caller refuses first when `differing_fields` finds a field both set."""
    name = new.get("name")
    aliases = _seq(new, "aliases")
    _extend_unique(aliases, [old.get("name"), *(old.get("aliases") or [])], {name, None})
    redirects = _seq(new, "redirect_from")
    _extend_unique(redirects, [old_slug, *(old.get("redirect_from") or [])], {new_slug})
    _copy_head_comment(old, new)
    # 'within' says whose point lat/lon are: it moves only with OLD's point, never onto NEW's own.
    own_point = not (_empty(new.get("lat")) and _empty(new.get("lon")))
    for key, value in old.items():
        if key not in NAMES and _empty(new.get(key)) and not _empty(value) and not (key == "within" and own_point):
            new[key] = value
        _copy_comment(old, new, key)
    return new


def renamed_record(record: CommentedMap, new_name: str, old_slug: str, new_slug: str) -> CommentedMap:
    """The new name, the old one kept as an alias and the old slug as a redirect. A name or
    slug that comes back (A renamed to B, then back to A) is the name again, not its own alias
    or redirect."""
    old_name = record.get("name")
    record["name"] = new_name
    if old_name and old_name != new_name:
        _extend_unique(_seq(record, "aliases"), [old_name])
    if new_name in (record.get("aliases") or []):
        record["aliases"].remove(new_name)
    if new_slug != old_slug:
        _extend_unique(_seq(record, "redirect_from"), [old_slug])
    if new_slug in (record.get("redirect_from") or []):
        record["redirect_from"].remove(new_slug)
    for key in ("aliases", "redirect_from"):
        if key in record and not record[key]:
            del record[key]
    return record


def _merge_entries(keep: Any, gone: Any, where: str, conflicts: list[str]) -> None:
    """An article named both entities: one entry keeps the union of the two (mentions, role,
    any field and comment); a field both set differently is a conflict. (Lines count the
    front matter's opening '---'.)"""
    _extend_unique(_seq(keep, "mentions"), list(gone.get("mentions") or []))
    # How sure the annotator was is no editor's word: the entity is as sure as its surer
    # spelling (no confidence written means sure).
    if "confidence" in keep or "confidence" in gone:
        sure = surer(confidence_of(keep), confidence_of(gone))
        if sure is None or sure >= 1.0:
            keep.pop("confidence", None)
        else:
            keep["confidence"] = sure
        gone.pop("confidence", None)
    for field in differing_fields(gone, keep, {"id", "mentions"}):
        conflicts.append(f"{where}:{key_line(gone, field) + 1} and line {key_line(keep, field) + 1} set '{field}' "
                         f"differently")
    for key, value in gone.items():
        if key not in ("id", "mentions") and _empty(keep.get(key)) and not _empty(value):
            keep[key] = value
        if key != "id":
            _copy_comment(gone, keep, key)


def rewrite_references(meta: CommentedMap, folder: str, old: str, new: str, where: str = "",
                       conflicts: list[str] | None = None) -> bool:
    """Point an article's references from OLD to NEW; merge the two entries if both are there
    (a field both set differently goes to `conflicts`, with `where`, the file, and its line)."""
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
                _merge_entries(keep, item, where, conflicts if conflicts is not None else [])
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


def rewrite_article(text: str, path: str, folder: str, old: str, new: str,
                    conflicts: list[str] | None = None) -> str | None:
    """The article's new text, or None when it does not refer to OLD."""
    yaml_text, body, _ = split(path, text)
    meta = load_roundtrip(yaml_text)
    if not rewrite_references(meta, folder, old, new, path, conflicts):
        return None
    return dump_roundtrip_document(meta, body)
