"""Fix identity by hand, on disk: merge two entities into one, or rename one, without
breaking a link or losing a hand edit.

Both update every reference in content/, keep the union of aliases, hand-written fields and
comments, and record the old slug in `redirect_from` so the old URL keeps working (the site
generates a redirect page for it). The records are changed by `resolve.identity`.

Each command reads and decides everything first: a bad slug, a file that cannot be read, or
a field the two entities set differently stops it before any file is written. The plan is
then carried out through the journal, so it can be undone and an interruption finished.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import ruamel.yaml
import yaml

from .. import errors
from ..errors import IdentityError, did_you_mean
from ..resolve.identity import (
    FOLDERS,
    NAMES,
    differing_fields,
    key_line,
    merged_record,
    renamed_record,
    rewrite_article,
)
from ..text import is_slug, slugify, unique_slug
from .frontmatter import FrontMatterError, dump_roundtrip, load_roundtrip, parse_yaml, read_document
from .journal import Change, Edit, perform
from .paths import escapes
from .values import checked


def _slug(value: str, folder: str = "content/actors/ or content/places/") -> None:
    if not is_slug(value):
        raise IdentityError(errors.message(errors.NOT_A_SLUG, value=value, folder=folder, suffix=".yml"))


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


def _unreadable(display: str, detail: str, verb: str) -> IdentityError:
    return IdentityError(errors.message(errors.ENTITY_UNREADABLE, path=display, detail=detail, verb=verb))


def _read(content: Path, relative: str, verb: str) -> str:
    """A content file's text; refused when it leads out of content/ or is empty."""
    path, display = content / relative, f"content/{relative}"
    target = escapes(path, content)
    if target is not None:
        raise _unreadable(display, f"it is a symbolic link to {target}, outside content/", verb)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _unreadable(display, f"it is not UTF-8 text: byte {exc.start} is not a character", verb) from exc
    except OSError as exc:
        raise _unreadable(display, exc.strerror or type(exc).__name__, verb) from exc
    if not text.strip():
        raise _unreadable(display, "it is empty; restore it with `git checkout`", verb)
    return text


def _entity(content: Path, relative: str, verb: str) -> tuple[str, Any]:
    """An entity file's text and round-trip tree, after the strict parse has passed it."""
    text = _read(content, relative, verb)
    display = f"content/{relative}"
    try:
        parse_yaml(display, text)
        return text, load_roundtrip(text)
    except FrontMatterError as exc:
        problem = exc.problem
        raise _unreadable(f"{display}:{problem.line}:{problem.column}", problem.message, verb) from exc
    except (ValueError, yaml.YAMLError, ruamel.yaml.YAMLError) as exc:
        raise _unreadable(display, " ".join(str(exc).split()), verb) from exc


def _redirected_to(content: Path, folder: str, slug: str) -> str | None:
    for path in sorted((content / folder).glob("*.yml")):
        try:
            record = parse_yaml(str(path), path.read_text(encoding="utf-8"))
        except (FrontMatterError, ValueError):
            continue  # `check` reports it; it cannot be what was merged into
        if isinstance(record, dict) and slug in (record.get("redirect_from") or []):
            return path.stem
    return None


def _rewrites(content: Path, folder: str, old: str, new: str, verb: str,
              conflicts: list[str]) -> list[Change]:
    """The articles that refer to OLD, pointed at NEW. A file that does not even contain the
    slug cannot refer to it and is not parsed; one that does must parse, or nothing is done."""
    changes = []
    for path in sorted((content / "articles").glob("*.md")):
        relative, display = f"articles/{path.name}", f"content/articles/{path.name}"
        raw = path.read_text(encoding="utf-8", errors="replace")
        if old not in raw:
            continue
        text = _read(content, relative, verb)
        try:
            doc = read_document(display, text)
            refused = [p for p in checked("article", doc.meta, display, doc.at) if p.severity == "error"]
            if refused:  # a value the merge would have to carry over, quoted or changed: the editor's to fix
                first = refused[0]
                raise _unreadable(f"{display}:{first.line}:{first.column}", first.message, verb)
            updated = rewrite_article(text, display, folder, old, new, conflicts)
        except FrontMatterError as exc:
            problem = exc.problem
            raise _unreadable(f"{display}:{problem.line}:{problem.column}", problem.message, verb) from exc
        except (ValueError, yaml.YAMLError, ruamel.yaml.YAMLError) as exc:
            raise _unreadable(display, " ".join(str(exc).split()), verb) from exc
        if updated is not None and updated != text:
            changes.append(Change(relative, text, updated))
    return changes


def _carry_out(content: Path, command: list[str], message: str, changes: list[Change]) -> str:
    perform(content, Edit(shlex.join(command), message, changes))
    return message


def apply_merge(content: Path, old: str, new: str, kind: str | None = None) -> str:
    _slug(old)
    _slug(new)
    if old == new:
        raise IdentityError(f"'{old}' cannot be merged into itself")
    folder = find_folder(content, new, kind)
    if folder is None:
        raise _missing(content, new, kind)
    old_rel, new_rel = f"{folder}/{old}.yml", f"{folder}/{new}.yml"
    if not (content / old_rel).exists():
        if _redirected_to(content, folder, old) == new:
            return f"nothing to do: '{old}' was already merged into '{new}'"
        raise _missing(content, old, folder[:-1])
    old_text, old_record = _entity(content, old_rel, "merge")
    new_text, new_record = _entity(content, new_rel, "merge")
    conflicts = [f"content/{old_rel}:{key_line(old_record, key)} and content/{new_rel}:{key_line(new_record, key)} "
                 f"set '{key}' differently" for key in differing_fields(old_record, new_record, set(NAMES))]
    articles = _rewrites(content, folder, old, new, "merge", conflicts)
    if conflicts:
        raise IdentityError(errors.message(errors.MERGE_CONFLICT, old=old, new=new, details="; ".join(conflicts)))
    had = list(new_record.get("aliases") or [])  # merged_record extends the record it is given
    merged = merged_record(old_record, new_record, old, new)
    record = dump_roundtrip(merged)
    message = (f"merged {folder[:-1]} '{old}' into '{new}'; /{folder}/{old}/ now redirects to /{folder}/{new}/; "
               f"{len(articles)} article(s) updated{_gained(merged, had, new_rel)}")
    # The order is the one in which the archive stays whole: the entity that stays (with the
    # redirect) first, then the articles, and the file merged away last.
    return _carry_out(content, ["merge", old, new], message,
                      [Change(new_rel, new_text, record), *articles, Change(old_rel, old_text, None)])


def _gained(merged: dict[str, Any], had: list[str], relative: str) -> str:
    """The aliases a merge adds, said aloud: every article is read by them from now on, so an
    alias that names other things too ('Supreme Court', 'Court') is the editor's to remove."""
    gained = [a for a in merged.get("aliases") or [] if a not in had]
    if not gained:
        return ""
    names = ", ".join(f"'{a}'" for a in gained)
    return (f"\nnew alias(es): {names}; every article that writes one is read as '{merged.get('name')}' from now"
            f" on: remove any that also names something else from content/{relative}")


def apply_rename(content: Path, old: str, new_name: str, kind: str | None = None) -> str:
    _slug(old)
    if not new_name.strip():
        raise IdentityError("the new name is empty; give the entity's full name in quotes")
    folder = find_folder(content, old, kind)
    base = slugify(new_name)
    if folder is None:
        for candidate in FOLDERS if kind is None else (f"{kind}s",):
            if _redirected_to(content, candidate, old) == base:
                return f"nothing to do: '{old}' was already renamed to '{base}'"
        raise _missing(content, old, kind)
    old_rel = f"{folder}/{old}.yml"
    taken = {p.stem for p in (content / folder).glob("*.yml")} - {old}
    new_slug = old if base == old else unique_slug(base, taken)
    old_text, record = _entity(content, old_rel, "rename")
    text = dump_roundtrip(renamed_record(record, new_name, old, new_slug))
    new_rel = f"{folder}/{new_slug}.yml"
    message = (f"renamed {folder[:-1]} '{old}' to '{new_name}' at /{folder}/{new_slug}/"
               + (f"; /{folder}/{old}/ now redirects there" if new_slug != old else ""))
    if new_slug == old:
        return _carry_out(content, ["rename", old, new_name], message, [Change(old_rel, old_text, text)])
    articles = _rewrites(content, folder, old, new_slug, "rename", [])
    return _carry_out(content, ["rename", old, new_name], message,
                      [Change(new_rel, None, text), *articles, Change(old_rel, old_text, None)])
