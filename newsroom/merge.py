"""Fix identity by hand: merge two entities into one, or rename one, without breaking a link.

Both update every reference in content/, keep the union of aliases and of hand-written
fields, and record the old slug in `redirect_from` so the old URL keeps working (the site
generates a redirect page for it). The YAML is edited round-trip: editors' comments, key
order and formatting survive. Pure functions over texts; `apply_*` at the bottom do the I/O.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .errors import NewsroomError
from .frontmatter import FENCE, split
from .site.archive import did_you_mean
from .text import slugify, unique_slug

FOLDERS = ("actors", "places")


class IdentityError(NewsroomError):
    """A merge or rename that cannot be done; the message says why and what to do."""


def _yaml() -> YAML:
    rt = YAML()  # round-trip: comments, order and quoting survive
    rt.width = 4096
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=2, offset=0)
    return rt


def load(text: str) -> Any:
    return _yaml().load(text) or CommentedMap()


def dump(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def _extend_unique(target: CommentedSeq | list[Any], values: list[Any], exclude: set[Any] = frozenset()) -> None:
    for value in values:
        if value not in target and value not in exclude:
            target.append(value)


def _seq(record: CommentedMap, key: str, flow: bool = True) -> CommentedSeq:
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
    meta = load(yaml_text)
    if not rewrite_references(meta, folder, old, new):
        return None
    return f"{FENCE}\n{dump(meta)}{FENCE}\n{body}"


# ---------------------------------------------------------------- I/O


@dataclass
class Outcome:
    message: str
    changed: list[str] = field(default_factory=list)  # files written or removed


def find_folder(content: Path, slug: str, kind: str | None) -> str | None:
    folders = [f"{kind}s"] if kind else list(FOLDERS)
    found = [f for f in folders if (content / f / f"{slug}.yml").exists()]
    if len(found) > 1:
        raise IdentityError(f"'{slug}' is both an actor and a place; say which with --kind actor or --kind place")
    return found[0] if found else None


def _missing(content: Path, slug: str, kind: str | None) -> IdentityError:
    folders = [f"{kind}s"] if kind else list(FOLDERS)
    known = [p.stem for f in folders for p in (content / f).glob("*.yml")]
    where = " or ".join(f"content/{f}/" for f in folders)
    return IdentityError(f"'{slug}' is not in {where}{did_you_mean(slug, known)}")


def _redirected_to(content: Path, folder: str, slug: str) -> str | None:
    for path in sorted((content / folder).glob("*.yml")):
        record = load(path.read_text(encoding="utf-8"))
        if slug in (record.get("redirect_from") or []):
            return path.stem
    return None


def _rewrite_all(content: Path, folder: str, old: str, new: str) -> list[str]:
    changed = []
    for path in sorted((content / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        updated = rewrite_article(text, str(path), folder, old, new)
        if updated is not None and updated != text:
            path.write_text(updated, encoding="utf-8")
            changed.append(str(path))
    return changed


def apply_merge(content: Path, old: str, new: str, kind: str | None = None) -> Outcome:
    if old == new:
        raise IdentityError(f"'{old}' cannot be merged into itself")
    folder = find_folder(content, new, kind)
    if folder is None:
        raise _missing(content, new, kind)
    old_path, new_path = content / folder / f"{old}.yml", content / folder / f"{new}.yml"
    if not old_path.exists():
        if _redirected_to(content, folder, old) == new:
            return Outcome(f"nothing to do: '{old}' was already merged into '{new}'")
        raise _missing(content, old, folder[:-1])
    record = merged_record(load(old_path.read_text(encoding="utf-8")), load(new_path.read_text(encoding="utf-8")), old)
    new_path.write_text(dump(record), encoding="utf-8")
    changed = [str(new_path), *_rewrite_all(content, folder, old, new)]
    old_path.unlink()
    changed.append(str(old_path))
    return Outcome(f"merged {folder[:-1]} '{old}' into '{new}'; /{folder}/{old}/ now redirects to /{folder}/{new}/; "
                   f"{len(changed) - 2} article(s) updated", changed)


def apply_rename(content: Path, old: str, new_name: str, kind: str | None = None) -> Outcome:
    if not new_name.strip():
        raise IdentityError("the new name is empty; give the entity's full name in quotes")
    folder = find_folder(content, old, kind)
    base = slugify(new_name)
    if folder is None:
        for candidate in FOLDERS if kind is None else (f"{kind}s",):
            target = content / candidate / f"{base}.yml"
            if target.exists() and old in (load(target.read_text(encoding="utf-8")).get("redirect_from") or []):
                return Outcome(f"nothing to do: '{old}' was already renamed to '{base}'")
        raise _missing(content, old, kind)
    old_path = content / folder / f"{old}.yml"
    taken = {p.stem for p in (content / folder).glob("*.yml")} - {old}
    new_slug = old if base == old else unique_slug(base, taken)
    record = renamed_record(load(old_path.read_text(encoding="utf-8")), new_name, old, new_slug)
    new_path = content / folder / f"{new_slug}.yml"
    new_path.write_text(dump(record), encoding="utf-8")
    changed = [str(new_path)]
    if new_slug != old:
        changed += _rewrite_all(content, folder, old, new_slug)
        old_path.unlink()
        changed.append(str(old_path))
    return Outcome(f"renamed {folder[:-1]} '{old}' to '{new_name}' at /{folder}/{new_slug}/"
                   + (f"; /{folder}/{old}/ now redirects there" if new_slug != old else ""), changed)
