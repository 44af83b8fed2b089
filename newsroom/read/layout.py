"""Read the layout of a raw plain-text article.

Articles arrive in many layouts: a title line; a dek; a photo caption with its credit
(``[File: Name/Agency]`` or ``Image: Name.``); a date line (``Friday, July 21, 2017``) or
dateline (``BEIRUT (Reuters) -``); a byline; subheadings; ``READ MORE:`` lines; a closing
``Source:`` line or ``Sources`` list. Each becomes metadata and never counts as story text,
so a photographer in a credit is never taken for an actor of the story.

Everything here is a pure function of the text; offsets are Python str indices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Image, Layout, Span

BYLINE_WORDS = 20  # a byline names its authors; a longer 'By ...' line is story ('By noon, ...')
TITLE_TO_DATELINE = 2  # lines below a headline its dateline may stand on (a byline between)
REPORTER_WORDS = 4  # a reporter's name, without 'By', above a dateline
TITLE_WORDS = 30  # a headline's length at most


@dataclass(frozen=True)
class LayoutRules:
    """The patterns a layout is read by: the annotator's knowledge base compiles them from its
    data (newsroom/annotate/data/patterns.yaml) and passes them in."""

    date_line: re.Pattern[str]
    dateline_prefix: re.Pattern[str]
    dateline_line: re.Pattern[str]
    bracket_credit: re.Pattern[str]
    inline_credit: re.Pattern[str]
    read_more: re.Pattern[str]
    source_line: re.Pattern[str]
    sources_heading: re.Pattern[str]
    categories: re.Pattern[str]
    byline: re.Pattern[str]
    sentence_end: re.Pattern[str]


@dataclass(frozen=True)
class Line:
    span: Span
    blank_before: bool
    blank_after: bool

    @property
    def text(self) -> str:
        return self.span.text


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with their offsets, stripped of surrounding spaces."""
    found: list[tuple[Span, int]] = []
    for match in re.finditer(r"[^\n]+", raw):
        text = match.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        found.append((Span(start, start + len(stripped), stripped), match.start()))
    lines = []
    for i, (span, line_start) in enumerate(found):
        before = raw[found[i - 1][0].end:line_start] if i else "\n\n"
        after = raw[span.end:found[i + 1][1]] if i + 1 < len(found) else "\n\n"
        lines.append(Line(span, before.count("\n") >= 2, after.count("\n") >= 2))
    return lines


def _sub(raw: str, start: int, end: int) -> Span:
    text = raw[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return Span(start + lead, start + lead + len(text), text)


def _is_heading(line: Line, rules: LayoutRules) -> bool:
    words = line.text.split()
    return (
        (line.blank_before and line.blank_after and 0 < len(words) <= 8
        and not rules.sentence_end.search(line.text.rstrip("’'\"”")) and not line.text.endswith(",")
        and line.text[0].isupper()) or (line.text[:1] in "‘'\"“" and len(words) <= 8 and line.blank_before
                                       and line.blank_after and not line.text.endswith("."))
    )


def _is_dek(line: Line, rest: list[Line], rules: LayoutRules) -> bool:
    """A one-sentence summary right under the title, above a longer story."""
    words = line.text.split()
    sentences = re.findall(r"[.!?](?:\s|$)", line.text)
    return 5 <= len(words) <= 40 and len(sentences) <= 1 and len(rest) >= 3 and not rules.date_line.match(line.text)


def read_layout(raw: str, rules: LayoutRules) -> Layout:
    """Split a raw article into metadata and story blocks (pure; offsets into `raw`)."""
    lines = split_lines(raw)
    if not lines:
        return Layout(title="")
    if _is_title(lines[0], lines[1:], rules):
        layout = Layout(title=lines[0].text, readable=[lines[0].span])
        body_lines = lines[1:]
    elif run_in := _run_in_headline(lines[0], rules):
        headline, byline, first = run_in
        layout = Layout(title=headline.text, readable=[headline] if headline.text else [], byline=byline)
        body_lines = [first, *lines[1:]]
    else:  # one paragraph, or a story that begins with a sentence: all of it is story
        layout = Layout(title="")
        body_lines = lines
    i = 0
    # Lines right under the title: a date line, a wire dateline, a byline, a dek, in any order.
    while i < len(body_lines) and i < 4:
        line = body_lines[i]
        if rules.date_line.match(line.text) and layout.dateline is None:
            layout.dateline = line.text
        elif (match := rules.dateline_line.match(line.text)) and layout.filed_from is None:
            _take_dateline(layout, match, line.span.start)
        elif layout.byline is None and (
                (rules.byline.match(line.text) and len(line.text.split()) <= BYLINE_WORDS)
                or _names_above_dateline(line, body_lines[i + 1:i + 2], rules)):
            layout.byline = line.text
        elif i == 0 and layout.title and layout.dek is None and _is_dek(line, body_lines[1:], rules):
            layout.dek = line.text
            layout.readable.append(line.span)
        else:
            break
        i += 1
    in_sources = False
    story_started = False
    for index in range(i, len(body_lines)):
        line = body_lines[index]
        text = line.text
        if in_sources or rules.categories.match(text):
            continue
        if rules.sources_heading.match(text):
            in_sources = True
            continue
        if match := rules.read_more.match(text):
            layout.related.append(match.group(1).strip())
            continue
        if (match := rules.source_line.match(text)) and index >= len(body_lines) - 2:
            layout.credit = match.group(1).strip().rstrip(".")
            continue
        if match := rules.bracket_credit.search(text):
            _take_bracket_caption(raw, layout, body_lines, index, match)
            continue
        if (match := rules.inline_credit.match(text)) and _looks_like_credit(match.group(2)):
            caption = _sub(raw, line.span.start, line.span.start + len(match.group(1)))
            layout.images.append(Image(caption=caption.text or None, credit=match.group(2).strip()))
            if caption.text:
                layout.readable.append(caption)
            continue
        if story_started and _is_heading(line, rules):
            layout.sections.append(text)
            layout.blocks.append(("h", line.span))
            layout.readable.append(line.span)
            continue
        if _is_caption_of_next(body_lines, index, rules):
            continue
        span = line.span
        if not story_started and layout.filed_from is None and (match := rules.dateline_prefix.match(text)):
            _take_dateline(layout, match, line.span.start)
            span = _sub(raw, span.start + len(match.group(0)), span.end)
        story_started = True
        layout.blocks.append(("p", span))
        layout.readable.append(span)
    return layout


def _names_above_dateline(line: Line, below: list[Line], rules: LayoutRules) -> bool:
    """A reporter's name with no 'By', on its own line right above a dateline ('Jo Reed' over
    'RIO DE JANEIRO 1996-12-06'): a few words, no stop."""
    return (bool(below) and bool(rules.dateline_line.match(below[0].text))
            and len(line.text.split()) <= REPORTER_WORDS and not line.text.endswith("."))


def _is_title(first: Line, rest: list[Line], rules: LayoutRules) -> bool:
    """A headline: a short line of its own above the story. Not a sentence of the story (a
    headline has no full stop, unless it is written in capitals or a dateline on a line of its
    own follows it, as wire copy has it), not a wire dateline, and never the whole text: a
    one-paragraph report is all story."""
    if not rest or not first.blank_after or len(first.text.split()) > TITLE_WORDS:
        return False
    if rules.dateline_line.match(first.text) or rules.dateline_prefix.match(first.text):
        return False
    if any(rules.dateline_line.match(line.text) for line in rest[:TITLE_TO_DATELINE]):
        return True  # wire copy: 'Talks resume.' above a byline and 'GENEVA 1996-12-06' is the headline
    return not (first.text.endswith(".") and not first.text.isupper())


def _run_in_headline(first: Line, rules: LayoutRules) -> tuple[Span, str | None, Line] | None:
    """A headline run into the story's first line ahead of its dateline, as flattened exports
    write it ('Council backs budget. By Jo Reed. SPRINGFIELD — The council voted ...'): the
    headline (a title's length at most, its full stop dropped; empty if there is only a byline),
    the byline closing it, and the rest of the line, which opens with the dateline. A line that
    opens with a dateline is all story."""
    if rules.dateline_prefix.match(first.text):
        return None
    for stop in re.finditer(r"([.!?])[\"'”’]*\s+", first.text):
        head = first.text[:stop.start()] + ("" if stop.group(1) == "." else stop.group(1))
        if len(head.split()) > TITLE_WORDS:
            return None
        rest = first.text[stop.end():]
        dateline = rules.dateline_prefix.match(rest)  # its '^' holds at a string's start only
        # ... and a story's sentence begins after it ('NASA — the agency — said' is story)
        if dateline is None or not rest[dateline.end():][:1].isupper():
            continue
        byline = next((head[m.start():] for m in re.finditer(r"(?:^|(?<=[.!?] ))By ", head)
                       if rules.byline.match(head[m.start():])), None)
        if byline is not None:
            head = head[:len(head) - len(byline)].rstrip().removesuffix(".")
        start = first.span.start
        return (Span(start, start + len(head), head), byline,
                Line(Span(start + stop.end(), first.span.end, first.text[stop.end():]), True, first.blank_after))
    return None


def _take_dateline(layout: Layout, match: re.Match[str], offset: int) -> None:
    """A wire dateline's parts become metadata: 'ANTAKYA, Turkey, Feb 7 (Reuters) -'. Its place
    and area stay readable, as place mentions of their own; its date and agency do not."""
    parts = match.groupdict()
    layout.filed_from = ", ".join(p.strip() for p in (parts.get("place"), parts.get("area")) if p and p.strip())
    layout.agency = (parts.get("agency") or "").strip() or None
    layout.filed_on = (parts.get("date") or "").strip() or None
    for name in ("place", "area"):
        if parts.get(name):
            start, end = match.span(name)
            span = Span(offset + start, offset + end, match.group(name))
            layout.filed_from_spans.append(span)
            layout.readable.append(span)


def _looks_like_credit(credit: str) -> bool:
    # "Image: Nick Moreau." / "Image: Twitter / NASA." - short and name-like.
    return 0 < len(credit.split()) <= 8 and credit[:1].isupper()


def _is_caption_of_next(lines: list[Line], index: int, rules: LayoutRules) -> bool:
    """The seed layout repeats the caption: 'Caption' then 'Caption prefix [File: credit]'."""
    if index + 1 >= len(lines):
        return False
    nxt = lines[index + 1]
    return bool(rules.bracket_credit.search(nxt.text)) and not nxt.blank_before


def _take_bracket_caption(raw: str, layout: Layout, lines: list[Line], index: int, match: re.Match[str]) -> None:
    line = lines[index]
    credit = match.group(1).strip()
    before = line.text[: match.start()].strip()
    caption_line = lines[index - 1] if index > 0 and not line.blank_before else None
    if caption_line is not None and len(caption_line.text) >= len(before):
        caption = caption_line.text
        layout.readable.append(caption_line.span)
    else:
        caption = before
        if before:
            layout.readable.append(_sub(raw, line.span.start, line.span.start + len(before)))
    layout.images.append(Image(caption=caption or None, credit=credit))
