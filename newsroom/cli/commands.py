"""The commands of `build.py`: each turns a parsed command line into calls on the stages and
their reports into lines for a person, and returns the exit status."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NewsroomError, Problem

if TYPE_CHECKING:  # for the types only: each command imports the stages it uses when it runs
    from ..annotate.parallel import Runner
    from ..content.archive import Archive


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _writing(args: argparse.Namespace, work: Callable[[], int]) -> int:
    """Run `work` as the archive's one writer: under content/.machine/lock, after putting right
    what an interrupted run left (or stopping, when that cannot be done)."""
    from ..content.lock import archive_lock
    from ..content.recovery import recover

    with archive_lock(args.content, args.wait, say=lambda line: print(line, file=sys.stderr, flush=True)):
        problems = recover(args.content)
        _print_problems(problems)
        if _errors(problems):
            return 1
        return work()


def cmd_annotate(args: argparse.Namespace) -> int:
    if args.json:
        return _annotate_json(args)
    if args.refresh:
        return _writing(args, lambda: _annotate_refresh(args))
    if args.files:
        print("annotate: FILE arguments go with --json; to add articles, put them in seeds/ "
              "and run `python build.py annotate`", file=sys.stderr)
        return 2
    return _writing(args, lambda: _annotate_new(args))


def _annotate_new(args: argparse.Namespace) -> int:
    from ..content.ingest import ingest
    from .loading import load_annotator

    started = time.perf_counter()
    report = ingest(args.seeds, args.content, load_annotator, Progress(started), args.jobs,
                    _runner(args))
    if sys.stderr.isatty() and report.words:
        print(file=sys.stderr)  # end the progress bar's line
    _print_problems(report.problems)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"annotated {len(report.written)} new article(s), re-annotated {len(report.refreshed)} whose seed or "
          f"annotator changed, {len(report.skipped)} unchanged; {len(report.new_actors)} new actor(s), "
          f"{len(report.new_places)} new place(s)"
          + (f"; {report.words:,} words in {seconds:.1f} s ({report.words / seconds:,.0f} words/s) "
             + (f"on the Dask cluster at {args.dask}" if args.dask else f"on {args.jobs} process(es)")
             if report.words else ""))
    return 1 if _errors(report.problems) else 0


def _runner(args: argparse.Namespace) -> Runner | None:
    if not args.dask:
        return None
    from .dask_runner import dask_runner

    return dask_runner(args.dask)


class Progress:
    """One line per article when the output is a log; a bar that redraws itself on a terminal."""

    def __init__(self, started: float) -> None:
        self.started, self.done, self.tty = started, 0, sys.stderr.isatty()

    def __call__(self, line: str) -> None:
        self.done += 1
        if not self.tty:
            print(f"  {line}", file=sys.stderr)
            return
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        print(f"\r  {self.done} article(s), {rate:.1f}/s  {line[-60:]:<60}", end="", file=sys.stderr, flush=True)


def _annotate_refresh(args: argparse.Namespace) -> int:
    from ..content.ingest import refresh
    from .loading import load_annotator

    report = refresh(args.seeds, args.content, load_annotator,
                     [str(f) for f in args.files] or None, Progress(time.perf_counter()), args.jobs, _runner(args))
    _print_problems(report.problems)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    print(f"refreshed {len(report.updated) + len(report.unchanged)} article(s): {len(report.updated)} updated, "
          f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflict(s) left for an editor")
    return 1 if _errors(report.problems) else 0


def _annotate_json(args: argparse.Namespace) -> int:
    from ..annotate.knowledge import load_knowledge
    from ..content.store import load_registry
    from ..read.seeds import SeedError, read_seed
    from .annotation_json import annotation_json, json_line
    from .loading import load_annotator

    if not args.files:
        print("annotate --json: name at least one FILE", file=sys.stderr)
        return 2
    knowledge = load_knowledge()
    if args.content.is_dir():
        registry, _ = load_registry(args.content)
        knowledge = registry.extend(knowledge)
    annotator = load_annotator(knowledge)
    status = 0
    texts: list[tuple[Path, str | None, str | None]] = []  # (file, text, error)
    for path in args.files:
        try:
            texts.append((path, read_seed(path), None))
        except SeedError as exc:
            print(exc.problem, file=sys.stderr)
            texts.append((path, None, exc.problem.message))
            status = 1
    readable = [t for _, t, _ in texts if t is not None]
    annotations = iter(annotator.pipe(readable, [args.date] * len(readable)))
    for path, text, error in texts:
        if text is None:
            print(json_line({"file": str(path), "error": error, "actors": [], "places": [], "events": []}))
            continue
        print(json_line(annotation_json(str(path), next(annotations), annotator.knowledge.countries,
                                        territories=annotator.knowledge.territories)), flush=True)
    return status


def cmd_check(args: argparse.Namespace) -> int:
    from ..content.archive_checks import orphan_problems
    from ..content.loader import load_archive
    from ..content.visibility import Visibility

    # Every annotation counts here, suggestions too: an entity only a suggestion names is no orphan.
    archive = load_archive(args.content, visibility=Visibility(threshold=0.0))
    problems = [*archive.problems, *orphan_problems(archive)]
    if args.files:
        # The whole archive is read (references cross files); only the named files are reported.
        wanted = {Path(f).resolve() for f in args.files}
        problems = [p for p in problems if (args.root / p.path).resolve() in wanted
                    or (args.content.parent / p.path).resolve() in wanted]
    for problem in problems:
        if args.format == "github":
            level = "error" if problem.severity == "error" else "warning"
            print(f"::{level} file={problem.path},line={problem.line},col={problem.column},"
                  f"title={problem.code}::{problem.message}")
        else:
            print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if p.severity == "error")
    print(f"checked {len(archive.articles)} article(s), {len(archive.actors)} actor(s), "
          f"{len(archive.places)} place(s): {errors} error(s), {len(problems) - errors} warning(s)")
    return 1 if errors else 0


def _identity_command(args: argparse.Namespace, apply: Callable[[], str]) -> int:
    def work() -> int:
        print(apply())
        return 0

    # An IdentityError (a bad slug, a conflict, nothing to undo) is printed by main: exit 1.
    return _writing(args, work)


def cmd_merge(args: argparse.Namespace) -> int:
    from ..content.identity_edits import apply_merge

    return _identity_command(args, lambda: apply_merge(args.content, args.old, args.new, args.kind))


def cmd_rename(args: argparse.Namespace) -> int:
    from ..content.identity_edits import apply_rename

    return _identity_command(args, lambda: apply_rename(args.content, args.old, args.new_name, args.kind))


def cmd_undo(args: argparse.Namespace) -> int:
    from ..content.journal import undo_last

    return _identity_command(args, lambda: undo_last(args.content))


def cmd_review(args: argparse.Namespace) -> int:
    from ..content.decisions import decide
    from ..content.loader import load_archive
    from ..content.visibility import ACCEPTED, REJECTED, Visibility

    threshold = site_threshold(args.config)
    if args.accept or args.reject:
        def work() -> int:
            archive = load_archive(args.content, visibility=Visibility(threshold))
            for decision, keys in ((ACCEPTED, args.accept), (REJECTED, args.reject)):
                for key in keys:
                    print(decide(args.content, archive, key, decision))
            return 0

        return _writing(args, work)
    _list_review(load_archive(args.content, visibility=Visibility(threshold)), threshold)
    return 0


def _list_review(archive: Archive, threshold: float) -> None:
    from ..content.decisions import suggestions
    from ..resolve.review import review_pairs

    held = suggestions(archive)
    if held:
        print(f"Suggestions: below confidence {threshold:g}, on no public page until accepted")
    for s in held:
        confidence = f" (confidence {s.confidence:.2f})" if s.confidence is not None else ""
        print(f"{s.path}:{s.line}: {s.what}{confidence}")
        if s.evidence:
            print(f"    “{s.evidence}”")
        if s.names:  # what an editor judges an actor or a place by: is that name one?
            print(f"    named: {', '.join(s.names)}")
        print(f"    to publish: python build.py review --accept {s.key}")
    pairs = [*review_pairs("actors", {s: e.record for s, e in archive.actors.items()}),
             *review_pairs("places", {s: e.record for s, e in archive.places.items()})]
    if pairs:
        print("Entities that may be one")
    for pair in pairs:
        print(f"{pair.folder}: {pair.a} ~ {pair.b} ({pair.reason})\n    to merge: {pair.command}")
    print(f"{len(held)} suggestion(s), {len(pairs)} pair(s) to review")


def site_threshold(config: Path) -> float:
    """The newsroom plugin's confidence_threshold, as MkDocs reads and checks it; the default
    without a mkdocs.yml. A bad value stops the command with MkDocs's own message."""
    from ..model import DEFAULT_CONFIDENCE_THRESHOLD

    if not config.exists():
        return DEFAULT_CONFIDENCE_THRESHOLD
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        loaded = load_config(str(config))
    except ConfigurationError as exc:
        raise NewsroomError(f"{config}: {exc}") from exc
    plugin = loaded.plugins.get("newsroom")
    return float(plugin.config.confidence_threshold) if plugin is not None else DEFAULT_CONFIDENCE_THRESHOLD


def _mkdocs(root: Path, *argv: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *argv], cwd=root)


# A problem as the plugin logs it (path:line:column: severity code: message), and the line
# with which `mkdocs build --strict` stops once every page is written.
_PROBLEM = re.compile(r"(\S+:\d+:\d+: (?:error|warning) N\d+: .*)$")
_STRICT_ABORT = re.compile(r"Aborted with .* in strict mode!")


def cmd_build(args: argparse.Namespace) -> int:
    """MkDocs writes every page it can make, then in strict mode stops with a failure when a
    file had a problem. The site is complete but for what the bad files got wrong, so the
    search index is still built (without it search broke, even locally), every problem is
    listed again at the end, and the exit status is 1. A build that crashed is left as it is."""
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(args.site_dir)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen(argv, cwd=args.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          encoding="utf-8", errors="replace", env=env) as mkdocs:
        assert mkdocs.stdout is not None
        problems, written = [], False
        for line in mkdocs.stdout:  # MkDocs's log, and its last word (on stdout)
            sys.stderr.write(line)
            if found := _PROBLEM.search(line.rstrip("\n")):
                problems.append(found.group(1))
            elif line.startswith("WARNING"):  # one of MkDocs's own
                problems.append(line.split("-", 1)[-1].strip())
            written = written or bool(_STRICT_ABORT.search(line))
    if mkdocs.returncode != 0 and not written:
        return mkdocs.returncode
    # The search index: Pagefind reads the built pages (its binary ships in the pagefind wheel).
    search = subprocess.call([sys.executable, "-m", "pagefind", "--site", str(args.site_dir), "--silent"],
                             cwd=args.root)
    if mkdocs.returncode == 0:
        return search
    listed = list(dict.fromkeys(problems))
    print(f"build: {len(listed)} problem(s), listed below; {args.site_dir} holds every other page"
          f"{' and the search index' if search == 0 else ''} (a page is made without the values named). "
          f"Fix them and build again:", file=sys.stderr)
    for item in listed:
        print(f"  {item}", file=sys.stderr)
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    # --dirty: after an edit the plugin marks only the pages it touched (the article, its
    # entities and events, the indexes) as changed, and MkDocs writes only those.
    return _mkdocs(args.root, "serve", "--dirty", "--dev-addr", args.dev_addr)


