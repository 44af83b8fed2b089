"""The command line: `python build.py COMMAND` (see `python build.py --help`).

Commands:
  annotate   annotate new seeds into content/; re-annotate changed ones, keeping hand edits
  build      build the site into site/ with `mkdocs build --strict`
  serve      preview the site with live reload while you edit content/
  check      validate every file in content/ and print path:line:column problems
  merge      merge two entities into one; the old URL redirects to the new page
  rename     rename an entity; its old URL redirects to the new page
  undo       reverse the last merge or rename, redirects included
  review     list suggestions to accept or reject, and near-duplicate entities to merge

Run `python build.py COMMAND --help` for a command's options and examples.

Exit status: 0 when all went well, 1 when a problem was reported, 2 when the command line is
wrong (a folder that does not exist, an argument that is not a slug).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import errors
from ..errors import NewsroomError
from ..text import is_slug
from .commands import cmd_annotate, cmd_build, cmd_check, cmd_merge, cmd_rename, cmd_review, cmd_serve, cmd_undo

DESCRIPTION = "Newsroom archive: raw news articles in, an annotated, cross-linked static site out."


def entity_arguments(p: argparse.ArgumentParser, old_help: str) -> None:
    """OLD and --kind, shared by merge and rename."""
    p.add_argument("old", metavar="OLD", help=old_help)
    p.add_argument("--kind", choices=["actor", "place"], help="needed only when a slug is both an actor and a place")


def wait_argument(p: argparse.ArgumentParser) -> None:
    """--wait, for every command that writes content/ (and so takes content/.machine/lock)."""
    p.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help="how long to wait for another run that is writing content/ (default: 60)")


def parser(root: Path) -> argparse.ArgumentParser:
    """The command line of the archive whose folders (content/, seeds/, site/) are under `root`."""
    doc = __doc__ or ""
    top = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION,
                                  formatter_class=argparse.RawDescriptionHelpFormatter,
                                  epilog="\n\n".join(doc.split("\n\n")[1:]))
    top.set_defaults(root=root)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_: str, examples: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog="examples:\n" + examples,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--content", type=Path, default=root / "content", help="the content folder (default: content/)")
        return p

    p = command("annotate", "Annotate new and changed seeds into content/, or print annotations as JSON Lines.",
                "  python build.py annotate                       # new seeds, and those whose seed or\n"
                "                                                 # annotator changed (merged: your edits win)\n"
                "  python build.py annotate --json seeds/a.txt    # one JSON object per file, writes nothing\n"
                "  python build.py annotate --json --date 2017-09-29 seeds/*.txt\n"
                "  python build.py annotate --refresh              # re-annotate all; your edits win\n"
                "  python build.py annotate --refresh my-article   # only content/articles/my-article.md\n"
                "  python build.py annotate --dask tcp://10.0.0.5:8786  # on a Dask cluster")
    p.add_argument("--seeds", type=Path, default=root / "seeds", help="the seeds folder (default: seeds/)")
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
    wait_argument(p)
    p.set_defaults(func=cmd_annotate)

    p = command("build", "Build the site from content/ into site/ (mkdocs build --strict).",
                "  python build.py build\n  python build.py build --site-dir /tmp/site")
    p.add_argument("--site-dir", type=Path, default=root / "site", help="where to write the site (default: site/)")
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
    wait_argument(p)
    p.set_defaults(func=cmd_merge)

    p = command("rename", "Rename an entity; its page moves to the new name's slug and the old URL redirects.",
                "  python build.py rename syrian-army 'Syrian Arab Army'\n"
                "  python build.py rename deir-ez-zor 'Deir ez-Zor' --kind place")
    entity_arguments(p, "slug of the entity (its file name without .yml)")
    p.add_argument("new_name", metavar="NEW_NAME", help="the entity's new canonical name")
    wait_argument(p)
    p.set_defaults(func=cmd_rename)

    p = command("undo", "Reverse the last merge or rename, redirects included; run it again for the one before.",
                "  python build.py undo            # after `merge isis islamic-state`: isis has its page again\n"
                "  python build.py undo && python build.py undo   # the last two, newest first")
    wait_argument(p)
    p.set_defaults(func=cmd_undo)

    p = command("review", "List suggestions (annotations readers do not see yet) and entities that may be one; "
                          "accept or reject a suggested event, actor or place.",
                "  python build.py review\n"
                "  python build.py review --accept syrian-army-captures-key-supply-route-in-deir-az-zor-12\n"
                "  python build.py review --reject texas-student-ahmed-mohamed-inspires-social-movement-3\n"
                "  python build.py review --accept syrian-army-captures-key-supply-route-in-deir-az-zor"
                "/actors/hezbollah")
    p.add_argument("--accept", action="append", default=[], metavar="ID",
                   help="publish this suggestion (writes review: accepted): an event id, or ARTICLE/actors/ID, "
                        "ARTICLE/places/ID for an actor's or place's entry; may be repeated")
    p.add_argument("--reject", action="append", default=[], metavar="ID",
                   help="never publish it (writes review: rejected); may be repeated")
    p.add_argument("--config", type=Path, default=root / "mkdocs.yml",
                   help="the site's mkdocs.yml, whose newsroom plugin sets confidence_threshold (default: mkdocs.yml)")
    wait_argument(p)
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


def _wrong_arguments(args: argparse.Namespace) -> str | None:
    """What is wrong with the folders and slugs given, before anything is read or written."""
    writing_annotate = args.command == "annotate" and not args.json
    reads_content = args.command in ("check", "review", "merge", "rename", "undo") or (
        writing_annotate and args.refresh)
    if reads_content and not args.content.is_dir():
        return errors.message(errors.NO_FOLDER, what="content", path=args.content, option="content")
    if writing_annotate and not args.seeds.is_dir():
        return errors.message(errors.NO_FOLDER, what="seeds", path=args.seeds, option="seeds")
    slugs = [str(f) for f in args.files] if writing_annotate and args.refresh else []
    for slug in slugs:
        if not is_slug(slug):
            return errors.message(errors.NOT_A_SLUG, value=slug, folder="content/articles/", suffix=".md")
    entities = [getattr(args, name, None) for name in ("old", "new")] if args.command in ("merge", "rename") else []
    for slug in filter(None, entities):
        if not is_slug(slug):
            folder = f"content/{args.kind}s/" if args.kind else "content/actors/ or content/places/"
            return errors.message(errors.NOT_A_SLUG, value=slug, folder=folder, suffix=".yml")
    if args.command == "check":
        for name in args.files:
            if not Path(name).exists():
                return errors.message(errors.NO_FILE, path=name)
    return None


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """Run one command; `root` is the archive's folder (build.py passes its own). Errors are
    messages with what to do, never a traceback; the exit status says how it went."""
    args = parser(root or Path.cwd()).parse_args(argv)
    wrong = _wrong_arguments(args)
    if wrong:
        print(f"{args.command}: {wrong}", file=sys.stderr)
        return 2
    if args.command == "annotate" and args.jobs is None:
        from ..annotate.parallel import default_processes

        args.jobs = default_processes()
    if args.command == "annotate" and args.date:
        import datetime as dt

        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"annotate: --date {args.date!r} is not a date; use YYYY-MM-DD, e.g. --date 2017-09-29",
                  file=sys.stderr)
            return 2
    try:
        return int(args.func(args))
    except NewsroomError as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a folder without write permission...
        where = exc.filename or args.content
        print(f"{args.command}: {errors.message(errors.FILE_FAILED, path=where, detail=exc.strerror or exc)}",
              file=sys.stderr)
        return 1


