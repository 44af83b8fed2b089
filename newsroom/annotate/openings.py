"""What a regular expression's matches can begin with, read from the expression itself, so a text
that holds none of those beginnings is not searched at all.

Python's `re` tries every branch of an alternation at every position of the text: a trigger rule
of forty words costs forty tries a character, and a story's sentences are searched by some
forty rules. Most rules cannot match most sentences, and the first few letters of every word a
rule knows say so at the cost of one set lookup: `openings(pattern)` lists the strings of
`WIDTH` characters every match must begin with, `text_openings(text)` the strings of that width
a text holds, and a rule none of whose openings the text holds has no match in it.

A pure filter: where the expression holds anything whose first characters cannot be listed
(any character, a class like `\\w`, a short word, a case-blind flag), `openings` gives None
and the rule is searched as before. Lookarounds and anchors take no characters and only narrow
a match, so they are passed over. `re._parser` is the standard library's own reader of
expressions (private, present in CPython 3.11 to 3.13); if it is missing or reads differently,
every rule is searched."""

from __future__ import annotations

import re
from typing import Any

try:  # the standard library's reader of expressions: private, so a failed import only turns the filter off
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every supported CPython has them
    _p = None

# Four letters tell most words of a rule apart ('kill', 'dead', 'shel'); a rule with a shorter
# word ('mob', 'IEDs') is searched every time (reading such rules by three letters as well cost
# more, in building each text's openings, than it saved: measured on 2026-12-07).
WIDTH = 4
# An expression whose beginnings number more than this is searched every time: listing them
# costs more than it saves.
MOST = 4096


def openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The strings of `WIDTH` characters every match of `pattern` begins with; None when they
    cannot be listed (then the text must be searched)."""
    if _p is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed: Any = _p.parse(pattern.pattern, pattern.flags)
        found = _grow(list(parsed), {""}, WIDTH)
    except Exception:  # a reader that reads differently only turns the filter off
        return None
    if not found or any(len(start) < WIDTH for start in found):  # a match may be shorter
        return None
    return frozenset(found)


def text_openings(text: str) -> frozenset[str]:
    """Every string of `WIDTH` characters the text holds, at any position."""
    return frozenset(text[at:at + WIDTH] for at in range(len(text) - WIDTH + 1))


def could_match(starts: frozenset[str] | None, held: frozenset[str]) -> bool:
    """False only when no match can be in a text holding `held` (`text_openings`)."""
    return starts is None or not starts.isdisjoint(held)


def _grow(items: list[Any], starts: set[str], width: int) -> set[str] | None:
    """`starts` (the beginnings read so far) each followed by what `items` can match first."""
    for op, arg in items:
        if all(len(start) >= width for start in starts):
            break
        if op is _c.LITERAL:
            starts = _append(starts, [chr(arg)], width)
        elif op is _c.IN:
            if not all(kind is _c.LITERAL for kind, _ in arg):
                return None  # a range, a class or a negated set
            starts = _append(starts, [chr(code) for _, code in arg], width)
        elif op is _c.BRANCH:
            grown = set()
            for branch in arg[1]:
                got = _grow(list(branch), starts, width)
                if got is None:
                    return None
                grown |= got
            starts = grown
        elif op is _c.SUBPATTERN:
            if arg[1] & re.IGNORECASE:
                return None
            got = _grow(list(arg[3]), starts, width)
            if got is None:
                return None
            starts = got
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            got = _repeat(arg, starts, width)
            if got is None:
                return None
            starts = got
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # anchors and lookarounds take no characters
        else:
            return None  # any character, a class, a back reference...
        if len(starts) > MOST:
            return None
    return starts


def _repeat(arg: tuple[int, int, Any], starts: set[str], width: int) -> set[str] | None:
    """An item repeated `low` to `high` times: more than `width` repeats add nothing to a
    beginning of `width` characters, since each repeat takes one character at least."""
    low, high, item = arg
    if item.getwidth()[0] < 1:
        return None
    last = min(high, width)
    grown: set[str] = set()
    current = starts
    for times in range(last + 1):
        if times >= min(low, last):  # `last` repeats already fill every beginning
            grown |= current
        if times == last:
            break
        got = _grow(list(item), current, width)
        if got is None:
            return None
        current = got
    return grown


def _append(starts: set[str], characters: list[str], width: int) -> set[str]:
    return {start if len(start) >= width else start + c for start in starts for c in characters}
