"""Issue 14, the field checks: each defect as content, reported by `check` and by the build with
its file, line and column, never a traceback."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("date: 2017-02-30\n", {"date": "2017-02-30"}),                 # Python refuses the day
    ("date: 2099-99-99\n", {"date": "2099-99-99"}),
    ("n: " + "9" * 5000 + "\n", {"n": "9" * 5000}),                  # over Python's 4,300 digits
    ("d: 2017-09-29\n", {"d": __import__("datetime").date(2017, 9, 29)}),
])
def test_a_value_python_refuses_is_read_as_the_text_written(text: str, expected: dict) -> None:
    """Once a ValueError traceback from every command that reads the file; as text, the
    schema check reports it with its line."""
    from newsroom.content.frontmatter import dump_roundtrip, load_roundtrip, parse_yaml

    assert parse_yaml("f.yml", text) == expected
    assert dict(load_roundtrip(text)) == expected  # merge and refresh read the same
    assert str(next(iter(expected.values()))) in dump_roundtrip(load_roundtrip(text))


@pytest.mark.parametrize("text,message", [
    ("a: " + "[" * 600 + "]" * 600 + "\n", "f.yml:1:1: error N101: the front matter is not valid YAML: lists or "
                                           "mappings are nested too deeply; flatten them"),
    ("a: b\nc: d\x1fe\n", "f.yml:2:5: error N101: the front matter is not valid YAML: the character U+001F cannot "
                          "be written in YAML; delete it"),
])
def test_a_file_yaml_cannot_read_is_a_message_with_its_line(text: str, message: str) -> None:
    from newsroom.content.frontmatter import FrontMatterError, parse_yaml

    with pytest.raises(FrontMatterError) as caught:
        parse_yaml("f.yml", text)
    assert str(caught.value) == message
