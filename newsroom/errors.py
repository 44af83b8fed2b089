"""Every error the project reports, in one place, with a stable code.

Messages name the file (and line, where there is one) and say what to do, so an editor can fix
the problem without reading code. Tests check these exact texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches


class NewsroomError(Exception):
    """Base class: carries a message meant for a person."""


class KnowledgeError(NewsroomError):
    """A shipped data file is broken: a bug in the project, not in the archive."""


class IdentityError(NewsroomError):
    """A merge or rename that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Problem:
    """One problem found in one file of the archive."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code}: {self.message}"


# Codes and templates. Keep the texts stable: editors and tests rely on them.
SEED_NOT_UTF8 = ("N001", "the file is not UTF-8 text (byte {offset}); save it as UTF-8 and run again")
SEED_EMPTY = ("N002", "the file is empty; add the article text or delete the file")
SEED_TOO_BIG = ("N004", "the file is {size:.1f} MB; the annotator reads articles of up to {limit:.0f} MB: "
                        "split it into articles")
SEED_BINARY = ("N003", "the file looks binary (it contains NUL bytes); seeds must be plain text")
YAML_SYNTAX = ("N101", "the front matter is not valid YAML: {detail}")
FRONT_MATTER_MISSING = ("N102", "no front matter: the file must start with a line '---', then YAML, then '---'")
FIELD_TYPE = ("N103", "'{field}' {detail}")
FIELD_UNKNOWN = ("N104", "unknown field '{field}'{hint}")
REFERENCE_MISSING = ("N105", "{kind} '{ref}' is not in content/{folder}/{hint}")
EVENT_TYPE = ("N106", "unknown event type '{value}'{hint}")
SLUG_BAD = ("N107", "'{value}' is not a valid slug: use lower-case letters, digits and '-' only")
SLUG_CLASH = ("N108", "two files claim the slug '{slug}': {other}")
YAML_TAG = ("N109", "YAML tags such as '{tag}' are not allowed in content files; remove the tag")
RENDER_FAILED = ("N111", "the page /{url} could not be rendered ({detail}); check this file's values")
NO_SUCH_ARTICLE = ("N112", "there is no article '{slug}'; run `python build.py check` to list the articles")
SEED_MISSING = ("N113", "the seed '{seed}' named in this article is not in seeds/; restore it or fix 'seed'")
LINK_BROKEN = ("N114", "the page /{url} links to {href}, which is not a page or file of the site; "
                       "fix the value that makes this link")
# Values the schema alone cannot judge, references inside events, and the archive as a whole
# (newsroom/content/values.py, event_records.py, archive_checks.py).
DATE_BAD = ("N120", "'{field}' is '{value}', which is not a day of the calendar; write a real date as "
                    "YYYY-MM-DD, e.g. 2017-09-29")
NUMBER_BAD = ("N121", "'{field}' is {value}, which is not a number; write a number such as 35.33, or delete it")
CONTROL_CHARACTER = ("N122", "'{field}' holds the control character {char} at character {offset}; delete it "
                             "(the site leaves it out)")
SUB_TYPE_BAD = ("N123", "sub-type '{value}' is not a sub-type of '{type}', which has: {choices}{hint}")
EVIDENCE_EDITED = ("N124", "the evidence is not a sentence of the story, so the event links to the nearest one, "
                           "line {sentence_line}: '{sentence}'; copy that sentence exactly, or fix the story")
EVIDENCE_NOT_FOUND = ("N125", "the evidence is not a sentence of the story, and no sentence is close to it; copy "
                              "the sentence the event rests on")
EVENT_ID_CLASH = ("N126", "the event id '{id}' is taken by {other}; give this event another id "
                          "(its page is /events/<id>/)")
LINK_OUTSIDE = ("N127", "this file is a link to {target}, outside the archive; the build leaves it out: "
                        "copy the file into content/ instead")
ORPHAN = ("N128", "no article names this {kind}, so it is left out of the indexes, the search filters and the "
                  "exports; delete the file, or merge it into another (docs/handbook/entities.md)")
FILE_UNREADABLE = ("N129", "the file cannot be read ({detail}); check its permissions")
ENTRY_TWICE = ("N130", "'{folder}' lists the {kind} '{ref}' twice (also line {first}); the site joins the two: keep "
                       "one entry with the mentions of both")
# Writes, paths, the archive's lock and identity edits (N2xx, apart from the field checks' N1xx).
FILE_EMPTY = ("N201", "the file is empty (a run was interrupted while writing it?); restore it with "
                      "`git checkout -- {file}`, or delete it, then run again")
FILE_RESTORED = ("N202", "the file was empty (a run was interrupted while writing it); restored the annotator's "
                         "last version from {machine}: `git diff {file}` shows any hand edits to put back")
MACHINE_COPY_DAMAGED = ("N203", "the annotator's copy of this article is damaged ({detail}); it was not used: your "
                                "file was the merge's base, and the copy is written again")
ENTITY_REWRITTEN = ("N204", "the file was empty (a run was interrupted while writing it); written again from this "
                            "run's annotation")
NAME_OUTSIDE = ("N205", "'{field}' is '{value}', which leads out of {folder}; give a file name in {folder} only, "
                        "e.g. '{example}'")
SYMLINK_OUTSIDE = ("N206", "the file is a symbolic link to {target}, outside {folder}; replace the link with a copy "
                           "of the file, or remove it")
NOT_A_SLUG = ("N207", "'{value}' is not a slug (a file name in {folder} without '{suffix}': lower-case letters, "
                      "digits and '-'); nothing was changed")
NO_FOLDER = ("N208", "the {what} folder {path} does not exist; run from the archive's folder or give --{option} PATH")
LOCK_WAITING = "waiting for the run that holds {lock} (pid {pid}) to finish; up to {seconds:g} s"
LOCK_BUSY = ("N209", "another run (pid {pid}) still holds {lock} after {seconds:g} s; let it finish and run "
                     "again, or wait longer with --wait SECONDS")
MERGE_CONFLICT = ("N210", "'{old}' and '{new}' disagree: {details}; make the values agree (or delete the one you do "
                          "not want), then run the merge again; nothing was changed")
NOTHING_TO_UNDO = ("N211", "nothing to undo: {journal} records no merge or rename still in force")
UNDO_BLOCKED = ("N212", "cannot undo `{command}`: {details}; undo those edits first (`git diff`), or reverse it by "
                        "hand; nothing was changed")
INTERRUPTED_FINISHED = ("N213", "`{command}` was interrupted; finished it now ({count} file(s) written)")
INTERRUPTED_BLOCKED = ("N214", "`{command}` was interrupted and {file} changed since, so it cannot be finished: "
                               "put back either version of {file} (`git diff`), then run again")
FILE_FAILED = ("N215", "{path}: {detail}; no file was left half-written: fix the cause and run again")
ENTITY_UNREADABLE = ("N216", "{path} cannot be read ({detail}); fix that file, then run the {verb} again; nothing was "
                             "changed")
TEMP_REMOVED = ("N217", "removed a temporary file left by an interrupted run")
NO_FILE = ("N218", "{path} does not exist; name files of the archive, e.g. content/articles/<slug>.md")
# Editors' decisions on suggestions (newsroom/content/decisions.py).
NO_SUCH_EVENT = ("N219", "there is no event '{id}'{hint} (`python build.py review` lists the suggestions with "
                         "their ids)")
NO_SUCH_ENTRY = ("N220", "there is no entry '{key}'{hint} (an actor's or a place's entry is named "
                         "ARTICLE/actors/ID or ARTICLE/places/ID; `python build.py review` lists the suggestions "
                         "with their names)")
# The shipped knowledge base (newsroom/annotate/data/): a broken file is a bug in the project.
KNOWLEDGE_FILE = "{path}: {detail}"
KNOWLEDGE_ENTRY = "{path}: entry '{entry}' {detail}"
YAML_TOO_BIG = ("N110", "the front matter expands to too many nodes (a YAML alias bomb?); remove the aliases")


def problem(path: str, line: int, column: int, template: tuple[str, str], severity: str = "error",
            **fields: object) -> Problem:
    code, text = template
    return Problem(path, line, column, code, text.format(**fields), severity)


def message(template: tuple[str, str], severity: str = "error", **fields: object) -> str:
    """A message about a command rather than a file: 'error N207: ...'."""
    code, text = template
    return f"{severity} {code}: {text.format(**fields)}"


def did_you_mean(value: str, choices: Iterable[object], cutoff: float = 0.75) -> str:
    """'; did you mean 'x'?' for the closest of `choices`, or '' when none is close."""
    close = get_close_matches(value, sorted(str(c) for c in choices), n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""
