"""Fix identity by hand, on disk: merge two entities into one, or rename one, without
breaking a link.

Both update every reference in content/, keep the union of aliases and of hand-written
fields, and record the old slug in `redirect_from` so the old URL keeps working (the site
generates a redirect page for it). The records are changed by `resolve.identity`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import errors
from ..errors import IdentityError, Problem, did_you_mean
from ..resolve.identity import FOLDERS, merged_record, renamed_record, rewrite_article
from ..text import slugify, unique_slug
from .frontmatter import FrontMatterError, dump_roundtrip, load_roundtrip, parse_yaml_located, read_document
from .values import checked


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


def _redirects(path: Path, slug: str) -> bool:
    """Whether the entity file records `slug` among its old slugs (a file `check` refuses
    cannot: it was not written by a merge)."""
    if _checked(path, path.parent.name[:-1]):
        return False
    redirects = load_roundtrip(path.read_text(encoding="utf-8")).get("redirect_from") or []
    return slug in redirects


def _redirected_to(content: Path, folder: str, slug: str) -> str | None:
    for path in sorted((content / folder).glob("*.yml")):
        if _redirects(path, slug):
            return path.stem
    return None


def _checked(path: Path, kind: str, text: str | None = None) -> list[Problem]:
    """The errors `check` finds in one file (without the references to other files): a merge
    or rename reads the file only when there are none, so odd values stop it with the file's
    own `path:line:column` message instead of a traceback half-way through."""
    display = f"content/{path.parent.name}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        if kind == "article":
            doc = read_document(display, text)
            meta, locate = doc.meta, doc.at
        else:
            meta, where = parse_yaml_located(display, text)
            locate = lambda *p: where.get(p, (1, 1))  # noqa: E731
    except FrontMatterError as exc:
        return [exc.problem]
    except (OSError, UnicodeDecodeError) as exc:
        return [errors.problem(display, 1, 1, errors.FILE_UNREADABLE, detail=str(exc))]
    if not isinstance(meta, dict):
        return [errors.problem(display, 1, 1, errors.FIELD_TYPE, field=path.name,
                               detail="must be a mapping of field: value")]
    return [p for p in checked(kind, meta, display, locate) if p.severity == "error"]


def _refuse(verb: str, problems: list[Problem]) -> None:
    if problems:
        raise IdentityError(f"{problems[0]}; fix it and run the {verb} again; nothing was changed")


def _rewrites(content: Path, folder: str, old: str, new: str, verb: str) -> list[tuple[Path, str]]:
    """Every article that refers to OLD, pointed at NEW, decided before anything is written.
    An article that does not even contain the slug cannot refer to it and is not parsed."""
    out = []
    for path in sorted((content / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if old not in text:
            continue
        _refuse(verb, _checked(path, "article"))
        updated = rewrite_article(text, str(path), folder, old, new)
        if updated is not None and updated != text:
            out.append((path, updated))
    return out


def _rewrite_all(rewrites: list[tuple[Path, str]]) -> list[str]:
    for path, text in rewrites:
        path.write_text(text, encoding="utf-8")
    return [str(path) for path, _ in rewrites]


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
    _refuse("merge", _checked(old_path, folder[:-1]) + _checked(new_path, folder[:-1]))
    rewrites = _rewrites(content, folder, old, new, "merge")
    record = merged_record(load_roundtrip(old_path.read_text(encoding="utf-8")),
                           load_roundtrip(new_path.read_text(encoding="utf-8")), old)
    new_path.write_text(dump_roundtrip(record), encoding="utf-8")
    changed = [str(new_path), *_rewrite_all(rewrites)]
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
            if target.exists() and _redirects(target, old):
                return Outcome(f"nothing to do: '{old}' was already renamed to '{base}'")
        raise _missing(content, old, kind)
    old_path = content / folder / f"{old}.yml"
    _refuse("rename", _checked(old_path, folder[:-1]))
    taken = {p.stem for p in (content / folder).glob("*.yml")} - {old}
    new_slug = old if base == old else unique_slug(base, taken)
    rewrites = _rewrites(content, folder, old, new_slug, "rename") if new_slug != old else []
    record = renamed_record(load_roundtrip(old_path.read_text(encoding="utf-8")), new_name, old, new_slug)
    new_path = content / folder / f"{new_slug}.yml"
    new_path.write_text(dump_roundtrip(record), encoding="utf-8")
    changed = [str(new_path)]
    if new_slug != old:
        changed += _rewrite_all(rewrites)
        old_path.unlink()
        changed.append(str(old_path))
    return Outcome(f"renamed {folder[:-1]} '{old}' to '{new_name}' at /{folder}/{new_slug}/"
                   + (f"; /{folder}/{old}/ now redirects there" if new_slug != old else ""), changed)
