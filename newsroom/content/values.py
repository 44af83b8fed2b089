"""Every value of a content file checked in one pass that `check` and the build share, and the
one rule for what the build does with a refused value: it leaves it out.

The JSON Schemas (`schema_check`) judge types, enums, patterns, dates and ranges. What they
cannot state is checked here: control characters in text. A refused value is then removed
from the parsed file (`prune`), so the page is still made from the rest, and nothing
unchecked reaches a page, a feed or an export.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import errors
from ..errors import Problem
from ..text import CONTROL_CHARACTERS, without_controls
from .schema_check import validate

Locate = Callable[..., tuple[int, int]]
Path_ = tuple[Any, ...]  # ("events", 2, "date"): where a value sits in a parsed file


class _Pruned:
    """Stands in for a list item left out, until `compact`: the items after it keep their
    index, so later messages about them still find their line."""

    def __repr__(self) -> str:
        return "PRUNED"


PRUNED = _Pruned()


def _control_problem(path: str, at: tuple[int, int], field: str, text: str) -> Problem:
    found = CONTROL_CHARACTERS.search(text)
    assert found is not None
    return errors.problem(path, *at, errors.CONTROL_CHARACTER, field=field,
                          char=f"U+{ord(found.group()):04X}", offset=found.start() + 1)


def strip_controls(data: Any, path: str, locate: Locate) -> list[Problem]:
    """Remove control characters from every text value of `data`, in place; one problem each.
    A YAML file cannot hold them raw, but a double-quoted "\\u0007" writes one."""
    problems: list[Problem] = []
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        where, node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in items:
            if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
                field = ".".join(str(p) for p in (*where, key))
                problems.append(_control_problem(path, locate(*where, key), field, value))
                node[key] = without_controls(value)
            elif isinstance(value, (dict, list)):
                stack.append(((*where, key), value))
    return sorted(problems, key=lambda p: (p.line, p.column))


def clean_body(body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """The story without control characters, and a problem for each line that had one."""
    if not CONTROL_CHARACTERS.search(body):
        return body, []
    problems = [_control_problem(path, (first_line + n, CONTROL_CHARACTERS.search(line).start() + 1),  # type: ignore[union-attr]
                                 "the story", line)
                for n, line in enumerate(body.split("\n")) if CONTROL_CHARACTERS.search(line)]
    return without_controls(body), problems


def prune(data: Any, paths: list[Path_]) -> None:
    """Leave out the value at each path, in place: a key is removed, a list item becomes
    PRUNED (see `compact`), so no other path moves. A path under one left out is skipped."""
    for where in paths:
        if not where:
            continue
        node = data
        for key in where[:-1]:
            node = _child(node, key)
        last = where[-1]
        if isinstance(node, dict) and last in node:
            del node[last]
        elif isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
            node[last] = PRUNED


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def compact(data: Any) -> Any:
    """`data` without the PRUNED list items, in place."""
    if isinstance(data, dict):
        for value in data.values():
            compact(value)
    elif isinstance(data, list):
        data[:] = [compact(v) for v in data if v is not PRUNED]
    return data


def checked(kind: str, data: dict[str, Any], path: str, locate: Locate) -> list[Problem]:
    """Every problem in one parsed file (kind: article | actor | place); `data` is left with
    the values that passed (list items left out are PRUNED until `compact`)."""
    problems = strip_controls(data, path, locate)
    schema_problems, refused = validate(kind, data, path, locate)
    prune(data, refused)
    return problems + schema_problems
