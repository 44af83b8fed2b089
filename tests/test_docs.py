"""The handbook and the publishing setup stay true: every command and field documented, the CI
workflow valid and running the README's commands, the pre-commit hook refusing broken content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run

COMMANDS = ["annotate", "build", "serve", "check", "merge", "rename", "undo", "review"]
HANDBOOK = ROOT / "docs" / "handbook"


def _help(*argv: str) -> str:
    return run(sys.executable, "build.py", *argv, "--help", env={"COLUMNS": "100"}).stdout


def test_every_command_is_in_the_cli_reference_with_its_current_help():
    reference = (HANDBOOK / "cli.md").read_text(encoding="utf-8")
    assert _help() in reference, "docs/handbook/cli.md is out of date: paste `build.py --help` into it"
    for command in COMMANDS:
        assert f"\n## {command}\n" in reference, f"`{command}` has no section in docs/handbook/cli.md"
        assert _help(command) in reference, f"docs/handbook/cli.md has an old `{command} --help`"


def _fields(spec: dict, prefix: str = "") -> list[str]:
    out = []
    for name, sub in spec.get("properties", {}).items():
        out.append(prefix + name)
        items = sub.get("items", {})
        if sub.get("type") == "array" and items.get("type") == "object":
            out += _fields(items, f"{prefix}{name}[].")
        if sub.get("type") == "object":
            out += _fields(sub, f"{prefix}{name}.")
    return out


@pytest.mark.parametrize("kind", ["article", "actor", "place"])
def test_every_field_is_in_the_field_reference(kind):
    reference = (HANDBOOK / "fields.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "newsroom" / "content" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    missing = [f for f in _fields(schema) if f"| `{f}` |" not in reference]
    assert missing == [], f"undocumented {kind} fields in docs/handbook/fields.md: {missing}"


@pytest.mark.parametrize("path,schema", [(".github/workflows/publish.yml", "vendor.github-workflows"),
                                         ("docs/handbook/gitlab-ci.yml", "vendor.gitlab-ci")])
def test_ci_workflows_are_valid(path, schema):
    checker = Path(sys.executable).with_name("check-jsonschema")
    proc = run(str(checker), "--builtin-schema", schema, str(ROOT / path), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_runs_the_readme_commands():
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    for step in ("--require-hashes --no-deps -r requirements.lock", "build.py check", "build.py build",
                 "pagefind --site site", "deploy-pages"):
        assert step in workflow
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme


def test_pre_commit_refuses_a_broken_front_matter(tmp_path):
    project = copy_project(tmp_path)
    shutil.copy2(ROOT / ".pre-commit-config.yaml", project / ".pre-commit-config.yaml")
    (project / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    for argv in (["git", "init", "-q"], ["git", "add", ".pre-commit-config.yaml"]):
        subprocess.run(argv, cwd=project, check=True, env=env)
    article = project / "content" / "articles" / "kenya-confirms-first-swine-flu-case.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: [", 1), encoding="utf-8")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    proc = subprocess.run([str(pre_commit), "run", "--files", str(article.relative_to(project))], cwd=project,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert ("content/articles/kenya-confirms-first-swine-flu-case.md:3:5: error N101: the front matter is not "
            "valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence that starts at line 2, "
            "column 8)") in proc.stdout


def test_following_the_handbook_fixes_a_wrong_actor_on_the_rebuilt_site(tmp_path):
    """docs/handbook/fixing.md, step by step: a new actor file, the article's entry pointed at it."""
    from .conftest import build_site

    fixing = (HANDBOOK / "fixing.md").read_text(encoding="utf-8")
    assert "create\n  `content/actors/<slug>.yml` with at least `name` and `kind`" in fixing
    project = copy_project(tmp_path)
    slug = "syrian-army-captures-key-supply-route-in-deir-az-zor"
    article = project / "content" / "articles" / f"{slug}.md"
    text = article.read_text(encoding="utf-8")
    assert "- id: al-furqan-foundation\n" in text
    (project / "content" / "actors" / "al-furqan-media.yml").write_text(
        "name: Al-Furqan Media\nkind: media\ndescription: ISIL's media arm.\n", encoding="utf-8")
    article.write_text(text.replace("- id: al-furqan-foundation\n", "- id: al-furqan-media\n"), encoding="utf-8")
    check = run(sys.executable, str(project / "build.py"), "check", cwd=project)
    assert ": 0 error(s)" in check.stdout
    build_site(project, tmp_path / "site")
    page = (tmp_path / "site" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert 'href="../../actors/al-furqan-media/">Al-Furqan</a>' in page
    actor = (tmp_path / "site" / "actors" / "al-furqan-media" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../articles/{slug}/"' in actor and "ISIL&#39;s media arm." in actor
