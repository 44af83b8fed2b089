"""Markdown files with YAML front matter: split, parse safely, dump deterministically.

Parsing is strict on purpose: no YAML tags (no `!!python/...`), a cap on nodes (no alias
bombs), duplicate keys reported, and every error carries the file's line and column.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor

from .. import errors
from ..errors import Problem

MAX_NODES = 50_000
FENCE = "---"


Location = tuple[int, int]  # 1-based line and column in the file


@dataclass
class Document:
    """A content file: its front matter (a mapping) and its body, with where the body starts."""

    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    where: dict[tuple[Any, ...], Location]  # ("actors", 0, "id") -> where that value is written

    def at(self, *path: Any) -> Location:
        """Where a value is written; falls back to its nearest written parent."""
        while path and path not in self.where:
            path = path[:-1]
        return self.where.get(path, (2, 1))


class FrontMatterError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def split(path: str, text: str) -> tuple[str, str, int]:
    """-> (yaml text, body, body's first line)."""
    if not text.startswith(FENCE + "\n") and not text.startswith(FENCE + "\r\n"):
        raise FrontMatterError(errors.problem(path, 1, 1, errors.FRONT_MATTER_MISSING))
    lines = text.splitlines(keepends=True)
    for n, line in enumerate(lines[1:], 1):
        if line.rstrip("\r\n") == FENCE:
            return "".join(lines[1:n]), "".join(lines[n + 1:]), n + 2
    raise FrontMatterError(errors.problem(path, 1, 1, errors.FRONT_MATTER_MISSING))


class _StrictChecks:
    """Loader mixin that refuses tags, duplicate keys and runaway alias expansion."""

    path: str
    offset: int
    nodes: int

    def __init__(self, stream: str, path: str, offset: int) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.path, self.offset, self.nodes = path, offset, 0

    def _problem(self, node: yaml.Node, template: tuple[str, str], **fields: str) -> FrontMatterError:
        mark = node.start_mark
        return FrontMatterError(errors.problem(self.path, mark.line + 1 + self.offset, mark.column + 1, template,
                                               **fields))

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._problem(node, errors.YAML_TOO_BIG)
        if node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org,2002:"):
            raise self._problem(node, errors.YAML_TAG, tag=node.tag)
        if node.tag.startswith("tag:yaml.org,2002:python") or node.tag.startswith("!!python"):
            raise self._problem(node, errors.YAML_TAG, tag=node.tag)
        return super().construct_object(node, deep)  # type: ignore[misc]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                mark = key_node.start_mark
                raise FrontMatterError(errors.problem(
                    self.path, mark.line + 1 + self.offset, mark.column + 1, errors.YAML_SYNTAX,
                    detail=f"the key '{key}' appears twice; keep one"))
            seen.add(key)
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class _StrictLoader(_StrictChecks, yaml.SafeLoader):
    """The pure-Python parser: its error messages are the ones the handbook and tests quote."""


class _FastStrictLoader(_StrictChecks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser, several times faster: the first try for every file; a file it refuses
    is parsed again by _StrictLoader for the message."""


def _as_written(construct: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A scalar constructor that gives the text as written when Python refuses the value: an
    impossible date (2017-02-30) or an integer of over 4,300 digits raised ValueError, a
    traceback with no file named. As text, the schema check reports it at its line."""
    def construct_or_text(loader: Any, node: Any) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return str(node.value)
    return construct_or_text


for _loader in (_StrictLoader, _FastStrictLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _as_written(yaml.SafeLoader.construct_yaml_timestamp))
    _loader.add_constructor("tag:yaml.org,2002:int", _as_written(yaml.SafeLoader.construct_yaml_int))


class _RoundTripConstructor(RoundTripConstructor):
    """ruamel's, with the same fallback: merge and refresh read a file with an impossible date."""


for _tag, _construct in (("timestamp", RoundTripConstructor.construct_yaml_timestamp),
                         ("int", RoundTripConstructor.construct_yaml_int)):
    _RoundTripConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _as_written(_construct))


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes the document has once aliases are expanded (shared nodes counted once
    per use), computed without expanding anything: a 'billion laughs' is measured, not built."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a cycle counts once
    size = 1
    if isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(v, memo) for v in node.value)
    memo[key] = size
    return size


def _check_tags(node: yaml.Node | None, loader: _StrictLoader) -> None:
    # Tags are checked on the composed tree, before anything is constructed.
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        tag = current.tag or ""
        if tag.startswith("tag:yaml.org,2002:python") or (tag.startswith("!") and not tag.startswith("!!")):
            raise loader._problem(current, errors.YAML_TAG, tag=tag.replace("tag:yaml.org,2002:", "!!"))
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                stack.extend([k, v])
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _locations(node: yaml.Node | None, offset: int) -> dict[tuple[Any, ...], Location]:
    where: dict[tuple[Any, ...], Location] = {}
    stack: list[tuple[tuple[Any, ...], yaml.Node]] = [((), node)] if node is not None else []
    while stack:
        path, current = stack.pop()
        where[path] = (current.start_mark.line + 1 + offset, current.start_mark.column + 1)
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    stack.append(((*path, key.value), value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(((*path, i), item) for i, item in enumerate(current.value))
    return where


def parse_yaml(path: str, text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document strictly; errors name `path:line:column`."""
    return parse_yaml_located(path, text, line_offset)[0]


def parse_yaml_located(path: str, text: str, line_offset: int = 0) -> tuple[Any, dict[tuple[Any, ...], Location]]:
    """Like `parse_yaml`, plus where each value is written (for messages about values)."""
    if "\t" in text:
        for n, line in enumerate(text.splitlines(), 1):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                raise FrontMatterError(errors.problem(
                    path, n + line_offset, line.index("\t") + 1, errors.YAML_SYNTAX,
                    detail="a tab is used for indentation; indent with spaces"))
    # YAML's reader refuses these before parsing starts, with an error that names no line.
    refused = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if refused:
        before = text[:refused.start()]
        raise FrontMatterError(errors.problem(
            path, before.count("\n") + 1 + line_offset, refused.start() - (before.rfind("\n") + 1) + 1,
            errors.YAML_SYNTAX, detail=f"the character U+{ord(refused.group()):04X} cannot be written in YAML; "
                                       f"delete it"))
    try:
        return _parse(_FastStrictLoader(text, path, line_offset), line_offset)
    except (yaml.YAMLError, FrontMatterError):
        return _parse(_StrictLoader(text, path, line_offset), line_offset)


def _parse(loader: Any, line_offset: int) -> tuple[Any, dict[tuple[Any, ...], Location]]:
    path = loader.path
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_NODES:
            raise loader._problem(node, errors.YAML_TOO_BIG)
        _check_tags(node, loader)
        data = loader.construct_document(node) if node is not None else None
        return data, _locations(node, line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        detail = " ".join(str(exc.problem or exc).split())
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            # Where the unclosed bracket or quote began: usually the line to fix.
            detail += (f" ({exc.context} that starts at line {exc.context_mark.line + 1 + line_offset},"
                       f" column {exc.context_mark.column + 1})")
        raise FrontMatterError(errors.problem(path, line, column, errors.YAML_SYNTAX, detail=detail)) from exc
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # A value its tag cannot hold ('!!float abc', '!!bool maybe', '!!set [a]'): whichever
        # constructor refuses it, the file and the line are named, never a traceback.
        bad = _refused_node(loader, node)
        where, tag = (bad, bad.tag.replace("tag:yaml.org,2002:", "!!")) if bad is not None else (node, "'!!'")
        raise FrontMatterError(errors.problem(
            path, where.start_mark.line + 1 + line_offset, where.start_mark.column + 1, errors.YAML_SYNTAX,
            detail=f"a value is not what its tag {tag} says; remove the tag or fix the value")) from exc
    except RecursionError as exc:  # [[[[...: the parser and the checks above recurse per level
        raise FrontMatterError(errors.problem(path, 1 + line_offset, 1, errors.YAML_SYNTAX,
                                              detail="lists or mappings are nested too deeply; flatten them")) from exc
    finally:
        loader.dispose()


def _refused_node(loader: Any, root: Any) -> Any:
    """The first scalar whose constructor refuses it, or None (a collection's tag is wrong)."""
    stack = deque([root])  # breadth first
    while stack:
        node = stack.popleft()
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.yaml_constructors[node.tag](loader, node)
            except Exception:  # any refusal is the one to report
                return node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def read_document(path: str, text: str) -> Document:
    yaml_text, body, body_line = split(path, text)
    meta, where = parse_yaml_located(path, yaml_text, line_offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(errors.problem(path, 2, 1, errors.FIELD_TYPE, field="front matter",
                                              detail="must be a mapping of field: value"))
    return Document(meta, body, body_line, where)


def _roundtrip() -> YAML:
    rt = YAML()  # round-trip: comments, order and quoting survive
    rt.Constructor = _RoundTripConstructor
    rt.width = 4096  # one value, one line: diffs stay readable
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=2, offset=0)
    return rt


def load_roundtrip(text: str) -> Any:
    """A YAML text as a tree that dumps back with its comments, key order and quoting."""
    return _roundtrip().load(text) or CommentedMap()


def dump_roundtrip(data: Any) -> str:
    buffer = io.StringIO()
    _roundtrip().dump(data, buffer)
    return buffer.getvalue()


FLOW_KEYS = {"mentions", "aliases", "actors"}
# A plain scalar cannot start with these or hold ": " / " #"; such a string is quoted, and one
# with an apostrophe reads better in double quotes ("Wayne's: x") than in doubled single ones.
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


class _FlowList(list[str]):
    """A short list of names, written on one line: [a, b, c]."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter: some ten times faster than ruamel's, which matters at 50,000 files."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    needs_quotes = (": " in value or " #" in value or value.startswith(_INDICATORS)
                    or value != value.strip() or value.endswith(":"))
    style = '"' if needs_quotes and "'" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(type(None), lambda d, v: d.represent_scalar("tag:yaml.org,2002:null", ""))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _flow_lists(data: Any, key: str | None = None) -> Any:
    """Short lists of names (mentions, aliases, event actors) on one line: [a, b, c]."""
    if isinstance(data, dict):
        return {k: _flow_lists(v, k) for k, v in data.items()}
    if isinstance(data, list):
        items = [_flow_lists(v) for v in data]
        return _FlowList(items) if key in FLOW_KEYS and all(isinstance(v, str) for v in data) else items
    return data


def dump_yaml(data: Any) -> str:
    """Deterministic block-style YAML, the way an editor would write it: keys in the given
    order, one value per line, short name lists inline."""
    return yaml.dump(_flow_lists(data), Dumper=_Dumper, default_flow_style=False, allow_unicode=True,
                     width=4096, sort_keys=False)


def dump_document(meta: dict[str, Any], body: str) -> str:
    return f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n{body}"


def dump_roundtrip_document(meta: Any, body: str) -> str:
    """An article again from its round-trip front matter (`load_roundtrip`) and its story."""
    return f"{FENCE}\n{dump_roundtrip(meta)}{FENCE}\n{body}"
