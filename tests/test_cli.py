"""The command line as a person meets it: every command has help with examples."""

from __future__ import annotations

import sys

import pytest

from .conftest import run

COMMANDS = ["annotate", "build", "serve", "check", "merge", "rename", "undo", "review"]


def test_top_level_help_lists_every_command():
    out = run(sys.executable, "build.py", "--help").stdout
    for command in COMMANDS:
        assert f"  {command}" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_with_examples(command):
    out = run(sys.executable, "build.py", command, "--help").stdout
    assert "examples:" in out and f"python build.py {command}" in out


def test_check_passes_on_the_example_archive():
    proc = run(sys.executable, "build.py", "check")
    assert proc.stdout.startswith("checked ") and ": 0 error(s)" in proc.stdout


def test_annotate_refuses_files_without_json():
    proc = run(sys.executable, "build.py", "annotate", "seeds/000_41a19ee89e8c43ed.txt", check=False)
    assert proc.returncode == 2
    assert "FILE arguments go with --json" in proc.stderr


def test_annotate_json_is_one_line_per_file_whatever_line_separators_the_text_holds(tmp_path):
    # U+0085 and U+2028 are line breaks to str.splitlines(): unescaped, they cut a record in two.
    article = tmp_path / "separators.txt"
    article.write_text("Talks\u2028in\x85Geneva\n\nThe envoy met delegates in Geneva.\n", encoding="utf-8")
    out = run(sys.executable, "build.py", "annotate", "--json", str(article), str(article)).stdout
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.startswith('{"file": ') for line in lines)
    assert "\\u2028" in lines[0] and "\\u0085" in lines[0]
