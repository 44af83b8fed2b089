"""Dates: the article's own, and the time words of a sentence resolved against it.

"on Thursday" in a piece dated Friday 2017-09-29 is 2017-09-28: news uses a bare weekday for
the most recent such day, the publication day included.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .knowledge import Knowledge


@dataclass(frozen=True)
class When:
    text: str                  # the text's own words
    date: str | None           # ISO date, when it can be pinned down
    precision: str | None      # day | week | month | year


def parse_date_line(text: str | None, knowledge: Knowledge) -> str | None:
    """'Friday, July 21, 2017' or a wire dateline's '1996-12-06' -> the ISO date."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return _iso(*map(int, text.strip().split("-")))
    match = knowledge.patterns.dates.full_date.search(text)
    if not match:
        return None
    return _iso(*_parts(match, knowledge.months))


def _parts(match: re.Match[str], months: dict[str, int]) -> tuple[int, int, int]:
    if match.group(1):
        return int(match.group(3)), months[match.group(1).lower()], int(match.group(2))
    return int(match.group(6)), months[match.group(5).lower()], int(match.group(4))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_when(sentence: str, article_date: str | None, knowledge: Knowledge) -> When | None:
    """The first time expression in a sentence, resolved against the article date if known."""
    today = dt.date.fromisoformat(article_date) if article_date else None
    patterns, months = knowledge.patterns.dates, knowledge.months
    if match := patterns.full_date.search(sentence):
        return When(match.group(0), _iso(*_parts(match, months)), "day")
    if match := patterns.month_day.search(sentence):
        if match.group(1):
            month, day = months[match.group(1).lower()], int(match.group(2))
        else:
            month, day = months[match.group(4).lower()], int(match.group(3))
        date = None
        if today:
            year = today.year
            if dt.date(year, month, min(day, 28)) > today + dt.timedelta(days=31):
                year -= 1
            date = _iso(year, month, day)
        return When(match.group(0), date, "day")
    if match := patterns.weekday.search(sentence):
        date = None
        if today:
            back = (today.weekday() - knowledge.weekday_numbers[match.group(2).lower()]) % 7
            date = (today - dt.timedelta(days=back)).isoformat()
        return When(match.group(0), date, "day")
    if match := patterns.relative.search(sentence):
        words = match.group(0).lower()
        if today is None:
            return When(match.group(0), None, None)
        if (offset := knowledge.lexicon.relative_days.get(words)) is not None:
            return When(match.group(0), (today + dt.timedelta(days=offset)).isoformat(), "day")
        if "week" in words:
            return When(match.group(0), today.isoformat(), "week")
        if "month" in words:
            return When(match.group(0), today.replace(day=1).isoformat(), "month")
        if "year" in words:
            return When(match.group(0), today.replace(month=1, day=1).isoformat(), "year")
        return When(match.group(0), None, None)
    # A month or a year named before the report's own: history told again ('the massacre of
    # 1982', 'in March 2015'). The report's own month or year says less than its date does ('the
    # second quarter of 2016' in a report of 2016), and a later one dates a plan, not an event.
    if match := patterns.month_year.search(sentence):
        year, month = int(match.group(2)), months[match.group(1).lower()]
        if today is None or (year, month) < (today.year, today.month):
            return When(match.group(0), _iso(year, month, 1), "month")
    if (match := patterns.year.search(sentence)) and (today is None or int(match.group(1)) < today.year):
        return When(match.group(0), _iso(int(match.group(1)), 1, 1), "year")
    return None
