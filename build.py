#!/usr/bin/env python3
"""Newsroom archive: raw news articles in, an annotated, cross-linked static site out.

Commands:
  annotate   annotate new seeds into content/; re-annotate changed ones, keeping hand edits
  build      build the site into site/ with `mkdocs build --strict`
  serve      preview the site with live reload while you edit content/
  check      validate every file in content/ and print path:line:column problems
  merge      merge two entities into one; the old URL redirects to the new page
  rename     rename an entity; its old URL redirects to the new page
  review     list near-duplicate entities to merge by hand

Run `python build.py COMMAND --help` for a command's options and examples.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # `python build.py` works from a checkout without installing


def _print_problems(problems: list) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_annotate(args: argparse.Namespace) -> int:
    from newsroom.annotate import Annotator
    from newsroom.knowledge import load_knowledge

    if args.json:
        return _annotate_json(args)
    if args.refresh:
        return _annotate_refresh(args)
    if args.files:
        print("annotate: FILE arguments go with --json; to add articles, put them in seeds/ "
              "and run `python build.py annotate`", file=sys.stderr)
        return 2
    from newsroom.ingest import ingest

    started = time.perf_counter()
    report = ingest(args.seeds, args.content, lambda: Annotator(load_knowledge()), Progress(started), args.jobs,
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
    return 1 if any(p.severity == "error" and p.path.startswith("seeds") for p in report.problems) else 0


def _runner(args: argparse.Namespace):  # -> newsroom.parallel.Runner | None
    if not args.dask:
        return None
    from newsroom.parallel import dask_runner

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
    from newsroom.annotate import Annotator
    from newsroom.ingest import refresh
    from newsroom.knowledge import load_knowledge

    report = refresh(args.seeds, args.content, lambda: Annotator(load_knowledge()),
                     [str(f) for f in args.files] or None, Progress(time.perf_counter()), args.jobs, _runner(args))
    _print_problems(report.problems)
    for conflict in report.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    print(f"refreshed {len(report.updated) + len(report.unchanged)} article(s): {len(report.updated)} updated, "
          f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflict(s) left for an editor")
    return 1 if report.problems else 0


def _annotate_json(args: argparse.Namespace) -> int:
    from newsroom.annotate import Annotator
    from newsroom.contract import annotation_json
    from newsroom.knowledge import load_knowledge
    from newsroom.store import SeedError, load_registry, read_seed

    if not args.files:
        print("annotate --json: name at least one FILE", file=sys.stderr)
        return 2
    knowledge = load_knowledge()
    if args.content.is_dir():
        registry, _ = load_registry(args.content)
        knowledge = registry.extend(knowledge)
    annotator = Annotator(knowledge)
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
            print(json.dumps({"file": str(path), "error": error, "actors": [], "places": [], "events": []},
                             ensure_ascii=False))
            continue
        print(json.dumps(annotation_json(str(path), next(annotations), annotator.knowledge.countries),
                         ensure_ascii=False), flush=True)
    return status


def cmd_check(args: argparse.Namespace) -> int:
    from newsroom.site.archive import load_archive

    archive = load_archive(args.content)
    problems = archive.problems
    if args.files:
        # The whole archive is read (references cross files); only the named files are reported.
        wanted = {Path(f).resolve() for f in args.files}
        problems = [p for p in problems if (ROOT / p.path).resolve() in wanted
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
          f"{len(archive.places)} place(s): {errors} error(s)")
    return 1 if errors else 0


def _identity_command(verb: str, apply: Callable[[], object]) -> int:
    from newsroom.merge import IdentityError

    try:
        outcome = apply()
    except IdentityError as exc:
        print(f"{verb}: {exc}", file=sys.stderr)
        return 1
    print(getattr(outcome, "message"))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from newsroom.merge import apply_merge

    return _identity_command("merge", lambda: apply_merge(args.content, args.old, args.new, args.kind))


def cmd_rename(args: argparse.Namespace) -> int:
    from newsroom.merge import apply_rename

    return _identity_command("rename", lambda: apply_rename(args.content, args.old, args.new_name, args.kind))


def cmd_review(args: argparse.Namespace) -> int:
    from newsroom.review import review_pairs
    from newsroom.site.archive import load_archive

    archive = load_archive(args.content)
    pairs = [*review_pairs("actors", {s: e.record for s, e in archive.actors.items()}),
             *review_pairs("places", {s: e.record for s, e in archive.places.items()})]
    for pair in pairs:
        print(f"{pair.folder}: {pair.a} ~ {pair.b} ({pair.reason})\n    to merge: {pair.command}")
    print(f"{len(pairs)} pair(s) to review")
    return 0


def _mkdocs(*argv: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *argv], cwd=ROOT)


def cmd_build(args: argparse.Namespace) -> int:
    status = _mkdocs("build", "--strict", "--site-dir", str(args.site_dir))
    if status != 0:
        return status
    # The search index: Pagefind reads the built pages (its binary ships in the pagefind wheel).
    return subprocess.call([sys.executable, "-m", "pagefind", "--site", str(args.site_dir), "--silent"], cwd=ROOT)


def cmd_serve(args: argparse.Namespace) -> int:
    # --dirty: after an edit the plugin marks only the pages it touched (the article, its
    # entities and events, the indexes) as changed, and MkDocs writes only those.
    return _mkdocs("serve", "--dirty", "--dev-addr", args.dev_addr)


def entity_arguments(p: argparse.ArgumentParser, old_help: str) -> None:
    """OLD and --kind, shared by merge and rename."""
    p.add_argument("old", metavar="OLD", help=old_help)
    p.add_argument("--kind", choices=["actor", "place"], help="needed only when a slug is both an actor and a place")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0],
                                  formatter_class=argparse.RawDescriptionHelpFormatter,
                                  epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_: str, examples: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog="examples:\n" + examples,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--content", type=Path, default=ROOT / "content", help="the content folder (default: content/)")
        return p

    p = command("annotate", "Annotate new and changed seeds into content/, or print annotations as JSON Lines.",
                "  python build.py annotate                       # new seeds, and those whose seed or\n"
                "                                                 # annotator changed (merged: your edits win)\n"
                "  python build.py annotate --json seeds/a.txt    # one JSON object per file, writes nothing\n"
                "  python build.py annotate --json --date 2017-09-29 seeds/*.txt\n"
                "  python build.py annotate --refresh              # re-annotate all; your edits win\n"
                "  python build.py annotate --refresh my-article   # only content/articles/my-article.md\n"
                "  python build.py annotate --dask tcp://10.0.0.5:8786  # on a Dask cluster")
    p.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the seeds folder (default: seeds/)")
    p.add_argument("--json", action="store_true", help="print one JSON object per FILE to stdout; write nothing")
    p.add_argument("--date", help="the articles' publication date, YYYY-MM-DD (resolves 'on Thursday')")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes to annotate with (default: every core)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="annotate on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                        "the content written is the same as a local run's")
    p.add_argument("--refresh", action="store_true",
                   help="re-annotate existing articles (all, or the SLUGs given) and merge: editors' changes win")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="raw article files (with --json), or article slugs (with --refresh)")
    p.set_defaults(func=cmd_annotate)

    p = command("build", "Build the site from content/ into site/ (mkdocs build --strict).",
                "  python build.py build\n  python build.py build --site-dir /tmp/site")
    p.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to write the site (default: site/)")
    p.set_defaults(func=cmd_build)

    p = command("serve", "Preview the site; pages update as you edit content/.",
                "  python build.py serve\n  python build.py serve --dev-addr 127.0.0.1:8001")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)

    p = command("merge", "Merge entity OLD into NEW: references, aliases and hand-written fields move; "
                "OLD's URL redirects to NEW.",
                "  python build.py merge isis islamic-state-of-iraq-and-the-levant\n"
                "  python build.py merge deir-al-zor deir-ez-zor --kind place")
    entity_arguments(p, "slug of the entity to merge away (its file name without .yml)")
    p.add_argument("new", metavar="NEW", help="slug of the entity that stays")
    p.set_defaults(func=cmd_merge)

    p = command("rename", "Rename an entity; its page moves to the new name's slug and the old URL redirects.",
                "  python build.py rename syrian-army 'Syrian Arab Army'\n"
                "  python build.py rename deir-ez-zor 'Deir ez-Zor' --kind place")
    entity_arguments(p, "slug of the entity (its file name without .yml)")
    p.add_argument("new_name", metavar="NEW_NAME", help="the entity's new canonical name")
    p.set_defaults(func=cmd_rename)

    p = command("review", "List entities that may be one real-world entity, with the merge command for each.",
                "  python build.py review")
    p.set_defaults(func=cmd_review)

    p = command("check", "Check every file in content/; print path:line:column: problem, exit 1 on errors.",
                "  python build.py check\n"
                "  python build.py check content/articles/my-article.md   # report this file only\n"
                "  python build.py check --format github                   # annotations in a pull request")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="report problems in these files only")
    p.add_argument("--format", choices=["text", "github"], default="text",
                   help="text (path:line:column: message) or github (workflow annotations)")
    p.set_defaults(func=cmd_check)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "annotate" and args.jobs is None:
        from newsroom.parallel import default_processes

        args.jobs = default_processes()
    if args.command == "annotate" and args.date:
        import datetime as dt

        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"annotate: --date {args.date!r} is not a date; use YYYY-MM-DD, e.g. --date 2017-09-29",
                  file=sys.stderr)
            return 2
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
