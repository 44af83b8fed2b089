"""Random damage to real content files, as hypothesis strategies: what a hurried editor, a bad
merge or a broken tool does to a file. Each strategy draws a `Mutation`; `apply` writes it
into a copy of the archive.

Three levels: the parsed YAML (keys deleted, values retyped or made odd: impossible dates,
NaN, huge numbers, control characters, unicode, bad references), the text (truncated,
syntax characters inserted, lines doubled or dropped) and the file (empty, not UTF-8,
renamed to a name that is not a slug, removed).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from newsroom.content.frontmatter import split


@dataclass(frozen=True)
class Raw:
    """A scalar written as it is, unquoted: 2017-02-30 as a YAML date, 5,000 nines as an int."""

    tag: str
    text: str


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Raw, lambda d, v: d.represent_scalar(f"tag:yaml.org,2002:{v.tag}", v.text))


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


SLUGS = ["acme", "hezbollah", "../../mkdocs", "a/b", "Hezbollah", "x" * 300, "", "-", "ok-2"]
ODD_TEXT = ["Fire 🔥", "\u202eevil", "e\u0301", "\x07bell", "\x00nul", "\ud83d", "line\nbreak", "\u2028",
            "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "<script>alert(1)</script>",
            "&amp; ]]> <!--", "\ufeff", "\x85", "\uffff", " ", "a" * 5000]
ODD_SCALARS: list[Any] = [
    Raw("timestamp", "2017-02-30"), Raw("timestamp", "0000-01-01"), "2099-99-99", "2017-9-1", "2017-09-29\n",
    Raw("timestamp", "2017-09-29 25:61:00"), dt.date(2017, 9, 29), dt.date(9999, 12, 31),
    math.nan, math.inf, -math.inf, 1e308, -0.0, 10 ** 40, Raw("int", "9" * 5000), -1, 0, True, None,
    Raw("float", "1e999"), Raw("int", "0x1F"), Raw("int", "0o17"), Raw("int", "1_000"),
]


def odd_value() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.sampled_from(ODD_SCALARS), st.sampled_from(ODD_TEXT), st.sampled_from(SLUGS),
                        st.text(max_size=40), st.integers(), st.floats(allow_nan=True, allow_infinity=True))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                        max_leaves=6)


@dataclass
class Mutation:
    target: str                      # "articles/x.md", relative to content/
    describe: str
    change: Callable[[Path], None]   # applies it to the file under a content folder

    def __repr__(self) -> str:
        return f"Mutation({self.target!r}, {self.describe})"


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in a parsed YAML tree."""
    out = []
    if isinstance(data, dict):
        items: list[tuple[Any, Any]] = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return out
    for key, value in items:
        out.append((*prefix, key))
        out.extend(_paths(value, (*prefix, key)))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _parts(text: str, article: bool) -> tuple[Any, str]:
    """(front matter or entity record, the story) of a file."""
    if not article:
        return yaml.safe_load(text), ""
    yaml_text, body, _ = split("x", text)
    return yaml.safe_load(yaml_text), body


def _join(data: Any, body: str, article: bool) -> str:
    return f"---\n{dump(data)}---\n{body}" if article else dump(data)


@st.composite
def mutation(draw: st.DrawFn, originals: dict[str, str]) -> Mutation:
    target = draw(st.sampled_from(sorted(originals)))
    text, article = originals[target], target.endswith(".md")
    level = draw(st.sampled_from(["data", "data", "data", "text", "text", "file"]))
    if level == "data":
        data, body = _parts(text, article)
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["delete", "retype", "retype", "add", "body"] if article else
                                      ["delete", "retype", "retype", "add"]))
        if action == "delete":
            del _parent(data, path)[path[-1]]
        elif action == "retype":
            _parent(data, path)[path[-1]] = draw(odd_value())
        elif action == "add":
            container = _parent(data, path)
            key = draw(st.one_of(st.sampled_from(["title", "date", "lat", "redirect_from", "events", "zzz"]),
                                 st.text(max_size=6)))
            if isinstance(container, dict):
                container[key] = draw(odd_value())
            else:
                container.append(draw(odd_value()))
        else:
            body = draw(st.one_of(st.sampled_from(["", "\x07", "## \n\n## ", body * 3]),
                                  st.text(max_size=200), st.just(body.replace("\n", "\n\x0b", 3))))
        new = _join(data, body, article)
        return Mutation(target, f"{action} at {path!r}", lambda p: p.write_text(new, encoding="utf-8",
                                                                               errors="surrogatepass"))
    if level == "text":
        action = draw(st.sampled_from(["truncate", "insert", "delete", "double line", "drop line"]))
        at = draw(st.integers(0, len(text)))
        if action == "truncate":
            new = text[:at]
        elif action == "insert":
            new = text[:at] + draw(st.one_of(st.sampled_from([":", "[", "{", "- ", "&a ", "*a", "!!python/none ",
                                                             "\t", "'", '"', "---\n", "\n  ", "? ", "%"]),
                                              st.sampled_from(ODD_TEXT), st.text(max_size=5))) + text[at:]
        elif action == "delete":
            new = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            lines = text.splitlines(keepends=True)
            n = draw(st.integers(0, len(lines) - 1))
            new = "".join(lines[:n + 1] + lines[n:] if action == "double line" else lines[:n] + lines[n + 1:])
        return Mutation(target, f"{action} at {at}", lambda p: p.write_text(new, encoding="utf-8",
                                                                           errors="surrogatepass"))
    action = draw(st.sampled_from(["empty", "not utf-8", "bad name", "remove"]))
    if action == "empty":
        return Mutation(target, action, lambda p: p.write_bytes(b""))
    if action == "not utf-8":
        return Mutation(target, action, lambda p: p.write_bytes(text.encode("utf-8")[:50] + b"\xff\xfe\x00"))
    if action == "bad name":
        return Mutation(target, action, lambda p: p.rename(p.with_name("Bad Name " + p.name)))
    return Mutation(target, action, lambda p: p.unlink())
