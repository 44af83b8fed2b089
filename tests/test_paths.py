"""Every path and slug from a person or a file stays inside its folder; nothing outside the
archive is read, written or deleted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newsroom.content.paths import file_in, plain_name

from .cli_run import cli, snapshot
from .conftest import ROOT, copy_project, run
from .test_merge import _archive

SECRET = "Secret memo\n\nThe secret plan is to be read by no one.\n"


@pytest.mark.parametrize("argv,message", [
    (["merge", "../../mkdocs", "hezbollah"],
     "merge: error N207: '../../mkdocs' is not a slug (a file name in content/actors/ or content/places/ without "
     "'.yml': lower-case letters, digits and '-'); nothing was changed\n"),
    (["merge", "hezbollah", "../../mkdocs", "--kind", "actor"],
     "merge: error N207: '../../mkdocs' is not a slug (a file name in content/actors/ without '.yml': lower-case "
     "letters, digits and '-'); nothing was changed\n"),
    (["rename", "/etc/passwd", "Passwords"],
     "rename: error N207: '/etc/passwd' is not a slug (a file name in content/actors/ or content/places/ without "
     "'.yml': lower-case letters, digits and '-'); nothing was changed\n"),
    (["annotate", "--refresh", "../../mkdocs"],
     "annotate: error N207: '../../mkdocs' is not a slug (a file name in content/articles/ without '.md': "
     "lower-case letters, digits and '-'); nothing was changed\n"),
])
def test_a_path_as_an_argument_is_refused_before_anything_is_touched(tmp_path, argv, message):
    project = copy_project(tmp_path)
    before = snapshot(project)
    proc = run(sys.executable, str(ROOT / "build.py"), *argv, "--content", str(project / "content"), cwd=project,
               check=False)
    assert (proc.returncode, proc.stderr) == (2, message)
    assert snapshot(project) == before  # mkdocs.yml above all


def _with_outside_seed(tmp_path: Path) -> tuple[Path, Path]:
    project = copy_project(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    article = project / "content" / "articles" / "kenya-confirms-first-swine-flu-case.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("seed: wikinews-geovirus-040-kenya-confirms-first-swine-flu-case.txt",
                                    "seed: ../../../outside/secret.txt"), encoding="utf-8")
    return project, article


def test_check_refuses_a_seed_that_leads_out_of_seeds(tmp_path):
    project, _ = _with_outside_seed(tmp_path)
    ran = cli(project, "check")
    assert ran.status == 1
    assert ran.stderr == ("content/articles/kenya-confirms-first-swine-flu-case.md:3:7: error N205: 'seed' is "
                          "'../../../outside/secret.txt', which leads out of seeds/; give a file name in seeds/ only, "
                          "e.g. 'secret.txt'\n")


def test_refresh_never_reads_a_seed_outside_seeds(tmp_path, annotator, monkeypatch):
    project, article = _with_outside_seed(tmp_path)
    before = snapshot(project)
    read: list[Path] = []
    from newsroom.content import ingest

    real = ingest.read_seed
    monkeypatch.setattr(ingest, "read_seed", lambda path, *a: read.append(path) or real(path, *a))
    ran = cli(project, "annotate", "--refresh", article.stem, annotator=annotator)
    assert ran.status == 1 and read == []
    assert ran.stderr == ("content/articles/kenya-confirms-first-swine-flu-case.md:3:7: error N205: 'seed' is "
                          "'../../../outside/secret.txt', which leads out of seeds/; give a file name in seeds/ only, "
                          "e.g. 'secret.txt'\n")
    assert snapshot(project) == before


def test_a_symlink_out_of_the_archive_is_refused_by_annotate_and_merge(tmp_path, annotator):
    project = _archive(tmp_path)
    outside = tmp_path / "outside.yml"
    outside.write_text("name: Outside\nkind: company\n", encoding="utf-8")
    os.symlink(outside, project / "content" / "actors" / "outside.yml")
    (project / "seeds").mkdir(exist_ok=True)
    before = snapshot(project)
    ran = cli(project, "annotate", "--refresh", "story-1", annotator=annotator)
    assert ran.status == 1
    assert ran.stderr.startswith(f"content/actors/outside.yml:1:1: error N206: the file is a symbolic link to "
                                 f"{outside}, outside content/; replace the link with a copy of the file, or "
                                 f"remove it\n")
    ran = cli(project, "merge", "outside", "isis")
    assert (ran.status, ran.stderr) == (1, f"merge: error N216: content/actors/outside.yml cannot be read (it is a "
                                           f"symbolic link to {outside}, outside content/); fix that file, then run "
                                           f"the merge again; nothing was changed\n")
    assert snapshot(project) == before


def test_plain_names_only():
    assert plain_name("000_41a19ee89e8c43ed.txt") and plain_name("a b.txt")
    for bad in ("", ".", "..", "../x.txt", "a/b.txt", "a\\b.txt", "/etc/passwd", "C:\\x.txt", "x\0.txt"):
        assert not plain_name(bad), bad


def test_file_in_refuses_a_link_that_leaves_the_folder(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", tmp_path / "seeds" / "link.txt")
    assert file_in(tmp_path / "seeds", "link.txt") is None
    assert file_in(tmp_path / "seeds", "new.txt") == tmp_path / "seeds" / "new.txt"
