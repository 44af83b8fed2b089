"""Every merge and rename, recorded in `content/.machine/journal.json`: `build.py undo`
reverses the last one, and a run that was killed half-way is finished by the next.

An edit is planned in full before anything is written: for each file, its text before and
after (None where there is no file). The plan is recorded as started, the files written one
by one (each all or nothing, see `store`), then the plan is marked done. A run that finds a
started plan writes whatever is still missing; an undo is planned, recorded and finished the
same way. The journal is the tool's own file, plain JSON, local to one checkout (git keeps
the shared history): it keeps the last KEEP edits.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import ruamel.yaml
import yaml

from .. import errors
from ..errors import IdentityError, Problem
from .frontmatter import FENCE, FrontMatterError
from .store import MACHINE_DIR, remove, write_atomic
from .three_way import refresh_article

JOURNAL = "journal.json"
KEEP = 20


@dataclass(frozen=True)
class Change:
    path: str            # inside content/: "actors/isis.yml"
    before: str | None   # None: there was no such file
    after: str | None    # None: the edit removes the file


@dataclass
class Edit:
    command: str                  # as typed: "merge isis islamic-state"
    message: str                  # what the command said it did
    changes: list[Change]
    state: str = "started"        # started -> done -> undoing -> undone
    undo: list[Change] = field(default_factory=list)  # the undo's own plan, once it is made


def journal_path(content_dir: Path) -> Path:
    return content_dir / MACHINE_DIR / JOURNAL


def _display(path: str) -> str:
    return f"content/{path}"  # as every message names content files, whatever --content says


def read_journal(content_dir: Path) -> list[Edit]:
    """The recorded edits, oldest first. A journal that cannot be read is empty: it is only
    ever written whole, so that means someone edited it, and undo then has nothing to go on."""
    try:
        data = json.loads(journal_path(content_dir).read_text(encoding="utf-8"))
        return [Edit(e["command"], e["message"], [Change(**c) for c in e["changes"]], e["state"],
                     [Change(**c) for c in e.get("undo", [])]) for e in data["edits"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _write_journal(content_dir: Path, edits: list[Edit]) -> None:
    data = {"format": 1, "edits": [asdict(e) for e in edits[-KEEP:]]}
    write_atomic(journal_path(content_dir), json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def current(content_dir: Path, path: str) -> str | None:
    try:
        return (content_dir / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _write(content_dir: Path, changes: list[Change]) -> int:
    """Bring each file to its `after` text; -> how many were written or removed."""
    done = 0
    for change in changes:
        if current(content_dir, change.path) == change.after:
            continue  # written before an interruption, or nothing to change
        if change.after is None:
            remove(content_dir / change.path)
        else:
            write_atomic(content_dir / change.path, change.after)
        done += 1
    return done


def perform(content_dir: Path, edit: Edit) -> None:
    """Record the edit, write it, and mark it done."""
    edits = [*read_journal(content_dir), edit]
    edit.state = "started"
    _write_journal(content_dir, edits)
    _write(content_dir, edit.changes)
    edit.state = "done"
    _write_journal(content_dir, edits)


def finish_interrupted(content_dir: Path) -> list[Problem]:
    """Finish an edit (or undo) a killed run left half-written; refuse when one of its files
    has since changed to a third text."""
    edits = read_journal(content_dir)
    if not edits or edits[-1].state not in ("started", "undoing"):
        return []
    edit = edits[-1]
    plan = edit.changes if edit.state == "started" else edit.undo
    what = edit.command if edit.state == "started" else f"undo {edit.command}"
    where = _display(f"{MACHINE_DIR}/{JOURNAL}")
    for change in plan:
        if current(content_dir, change.path) not in (change.before, change.after):
            return [errors.problem(where, 1, 1, errors.INTERRUPTED_BLOCKED, command=what,
                                   file=_display(change.path))]
    count = _write(content_dir, plan)
    edit.state = "done" if edit.state == "started" else "undone"
    _write_journal(content_dir, edits)
    return [errors.problem(where, 1, 1, errors.INTERRUPTED_FINISHED, severity="warning", command=what, count=count)]


def undo_last(content_dir: Path) -> str:
    """Reverse the last edit still in force; -> what was done. Files changed since keep those
    changes where they do not touch what the edit changed (a three-way merge); otherwise
    nothing is written and IdentityError says which files are in the way."""
    edits = read_journal(content_dir)
    edit = next((e for e in reversed(edits) if e.state == "done"), None)
    if edit is None:
        raise IdentityError(errors.message(errors.NOTHING_TO_UNDO,
                                           journal=_display(f"{MACHINE_DIR}/{JOURNAL}")))
    plan: list[Change] = []
    blocked: list[str] = []
    kept = 0
    for change in reversed(edit.changes):  # the reverse order: the old entity comes back first
        now = current(content_dir, change.path)
        if now == change.after:
            plan.append(Change(change.path, now, change.before))
            continue
        merged = _reapply(change, now)
        if merged is None:
            blocked.append(_display(change.path))
        else:
            plan.append(Change(change.path, now, merged))
            kept += 1
    if blocked:
        details = ", ".join(blocked) + (" have" if len(blocked) > 1 else " has") + " changed since in the same places"
        raise IdentityError(errors.message(errors.UNDO_BLOCKED, command=edit.command, details=details))
    edit.undo, edit.state = plan, "undoing"
    _write_journal(content_dir, edits)
    count = _write(content_dir, plan)
    edit.state = "undone"
    _write_journal(content_dir, edits)
    return (f"undid `{edit.command}`: {count} file(s) put back" +
            (f"; your later edits to {kept} of them were kept" if kept else ""))


def _reapply(change: Change, now: str | None) -> str | None:
    """The file with the edit taken out of it, when it changed since: a three-way merge with
    the edit's result as the base. None when that cannot be done without losing a change."""
    if now is None or change.before is None or change.after is None:
        return None
    entity = change.path.endswith(".yml")

    def doc(text: str) -> str:
        return f"{FENCE}\n{text}{FENCE}\n" if entity else text

    try:
        merged = refresh_article(change.path, doc(now), doc(change.after), doc(change.before))
    except (FrontMatterError, ValueError, yaml.YAMLError, ruamel.yaml.YAMLError):
        return None  # a file that no longer parses: the caller names it
    if merged.conflicts:
        return None
    return merged.text[len(FENCE) + 1:-(len(FENCE) + 1)] if entity else merged.text
