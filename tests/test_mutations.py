"""Property: whatever damage a content file takes, every command ends in a clear error or in
success, never a traceback, and changes no file it was not asked to change.

Real files of the example archive (two articles and every entity they name, two orphans
among them) are damaged at random (tests/mutations.py), then `check`, `review`, the build's
own work (the archive loader, every page, the exports and feeds, as the plugin does them) and
`merge`/`rename` run on a copy, in-process: a subprocess a case would take minutes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from newsroom.cli.main import main
from newsroom.content.frontmatter import read_document
from newsroom.content.loader import load_archive
from newsroom.site.exports import exports
from newsroom.site.pages import SiteRenderer
from newsroom.site.plugin import MemoryBytecodeCache
from newsroom.text import slugify

from .cli_run import no_constant
from .conftest import ROOT
from .mutations import Mutation, mutation

ARTICLES = ["microsoft-waits-for-death-of-internet-explorer-6", "hackers-attack-church-of-scientology-website"]
# Entities no article names (an editor's leftovers): their own files, since the example has none.
ORPHANS = {"actors/chrome.yml": "name: Chrome\nkind: company\n", "actors/firefox.yml": "name: Firefox\nkind: company\n"}
BYTECODE = MemoryBytecodeCache()  # Material's templates are not involved; ours compile once
SETTINGS = settings(deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))


def _sample() -> dict[str, str]:
    """content/-relative path -> text of every file of the sample archive."""
    files = {}
    for slug in ARTICLES:
        path = ROOT / "content" / "articles" / f"{slug}.md"
        files[f"articles/{slug}.md"] = text = path.read_text(encoding="utf-8")
        meta = read_document(str(path), text).meta
        named = [(folder, item["id"]) for folder in ("actors", "places") for item in meta.get(folder) or []]
        for event in meta.get("events") or []:
            named += [("actors", a) for a in event.get("actors") or []]
            named += [("actors", event["according_to"])] if event.get("according_to") else []
            named += [("places", event["place"])] if event.get("place") else []
        for folder, slug_ in named:
            files[f"{folder}/{slug_}.yml"] = (ROOT / "content" / folder / f"{slug_}.yml").read_text(encoding="utf-8")
    files.update(ORPHANS)
    files["actors/chrome.yml"] += "redirect_from: [google-chrome]\n"  # as a merge leaves it
    return files


SAMPLE = _sample()


def _archive(root: Path, change: Mutation, fresh: bool = True) -> Path:
    """A copy of the sample archive under root/content, with one file damaged. Not `fresh`:
    the copy the last case left is reused, with its damaged file put back (a case that only
    reads changes nothing else, which it asserts): a third of the time a case takes."""
    content = root / "content"
    if fresh or not content.is_dir():
        shutil.rmtree(content, ignore_errors=True)
        for name, text in SAMPLE.items():
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_text(text, encoding="utf-8")
    else:
        for stray in [p for p in content.rglob("*") if p.is_file() and str(p.relative_to(content)) not in SAMPLE]:
            stray.unlink()
        for name, text in SAMPLE.items():
            path = content / name
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                path.write_text(text, encoding="utf-8")
    change.change(content / change.target)
    return content


def _snapshot(content: Path) -> dict[str, bytes]:
    """The editors' files (not the tool's own, under dot-folders)."""
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)}


def _command(content: Path, *argv: str) -> tuple[int, str]:
    """Run a command in-process; a traceback fails the test with the command and the trace."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = main([*argv, "--content", str(content)], root=content.parent)
    except BaseException:  # SystemExit too: argparse must accept every slug given
        pytest.fail(f"`{' '.join(argv)}` raised:\n{traceback.format_exc()}\n{out.getvalue()}")
    assert status in (0, 1), (argv, status, out.getvalue())
    return status, out.getvalue()


def _clear_errors(status: int, output: str, verb: str | None = None) -> None:
    """Every problem line names its file and code; a failure says why: a problem (check) or a
    sentence from the command (`merge: ...`)."""
    lines = [line for line in output.splitlines() if line.strip()]
    problems = [line for line in lines if line.startswith("content/")]
    assert all(": error N" in p or ": warning N" in p for p in problems), problems
    if status == 1:
        said = [line for line in lines if verb and line.startswith(f"{verb}: ")]
        assert said or any(": error N" in p for p in problems), output


def _build_in_process(content: Path) -> None:
    """What the plugin does with the archive: every page's front matter and body, the
    redirects, the exports and feeds. Each must come out whole and well-formed."""
    archive = load_archive(content)
    renderer = SiteRenderer(archive, ROOT / "templates", BYTECODE)
    for page in renderer.plan().values():
        front_matter = get_data(page.markdown)[1]
        assert front_matter.get("title") == page.meta["title"], page.url  # MkDocs kept it
        assert "\x00" not in page.render()
    renderer.redirects()
    files = {**exports(archive), "exports/facets.json": renderer.facets_json()}
    for name, text in files.items():
        if name.endswith((".json", ".geojson")):
            json.loads(text, parse_constant=no_constant)
        elif name.endswith(".xml"):
            ET.fromstring(text.encode("utf-8"))
        else:
            rows = list(csv.reader(io.StringIO(text)))
            assert all(len(row) == len(rows[0]) for row in rows)


@settings(SETTINGS, max_examples=500)
@given(change=mutation(SAMPLE))
def test_check_review_and_the_build_survive_any_damage(tmp_path_factory: pytest.TempPathFactory,
                                                       change: Mutation) -> None:
    content = _archive(tmp_path_factory.getbasetemp() / "read", change, fresh=False)
    before = _snapshot(content)
    _clear_errors(*_command(content, "check"))
    _command(content, "review")
    _build_in_process(content)
    assert _snapshot(content) == before


def _slugs(content: Path, folder: str) -> list[str]:
    return sorted(p.stem for p in (content / folder).glob("*.yml"))


@settings(SETTINGS, max_examples=150)
@given(change=mutation(SAMPLE), data=st.data())
def test_merge_and_rename_survive_any_damage(tmp_path_factory: pytest.TempPathFactory, change: Mutation,
                                             data: st.DataObject) -> None:
    content = _archive(tmp_path_factory.getbasetemp() / "write", change)
    folder = data.draw(st.sampled_from(["actors", "places"]))
    slugs = _slugs(content, folder)
    old, new = data.draw(st.sampled_from(slugs)), data.draw(st.sampled_from(slugs))
    before = _snapshot(content)
    _clear_errors(*_command(content, "merge", old, new), verb="merge")
    touched = {f"{folder}/{old}.yml", f"{folder}/{new}.yml"}
    touched |= {name for name, text in before.items() if name.startswith("articles/") and old.encode() in text}
    after = _snapshot(content)
    assert {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)} <= touched
    slugs = _slugs(content, folder)
    if slugs:
        entity, name = data.draw(st.sampled_from(slugs)), data.draw(st.sampled_from(["New Name", "Zoë 🔥", "x"]))
        before = after
        _clear_errors(*_command(content, "rename", entity, name), verb="rename")
        after = _snapshot(content)
        touched = {f"{folder}/{entity}.yml"} | {n for n in after if n.startswith(f"{folder}/{slugify(name)}")}
        touched |= {n for n, text in before.items() if n.startswith("articles/") and entity.encode() in text}
        assert {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)} <= touched
