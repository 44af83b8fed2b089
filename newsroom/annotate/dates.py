"""Dates: the article's own, and the time words of a sentence resolved against it.

"on Thursday" in a piece dated Friday 2017-09-29 is 2017-09-28: news uses a bare weekday for
the most recent such day, the publication day included.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
FULL_DATE = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b|\b(\d{{1,2}})\s+({_MONTH_RE}),?\s+(\d{{4}})\b")
MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})|\b(\d{{1,2}})\s+({_MONTH_RE})\b(?!,?\s*\d{{4}})")
WEEKDAY = re.compile(r"\b(?:(earlier|late|early|last|on|since|by|until)\s+)?(?:(?:on|late|early)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
RELATIVE = re.compile(r"\b(yesterday|today|tonight|this (?:morning|afternoon|evening|week|month|year)|earlier this (?:week|month|year)|last (?:week|month|year|night)|no later than (?:early |late |mid-?)?(?:January|February|March|April|May|June|July|August|September|October|November|December))\b", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    text: str                  # the text's own words
    date: str | None           # ISO date, when it can be pinned down
    precision: str | None      # day | week | month | year


def parse_date_line(text: str | None) -> str | None:
    """'Friday, July 21, 2017' -> '2017-07-21'."""
    if not text:
        return None
    match = FULL_DATE.search(text)
    if not match:
        return None
    return _iso(*_parts(match))


def _parts(match: re.Match[str]) -> tuple[int, int, int]:
    if match.group(1):
        return int(match.group(3)), MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2))
    return int(match.group(6)), MONTHS[match.group(5).lower().rstrip(".")], int(match.group(4))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_when(sentence: str, article_date: str | None) -> When | None:
    """The first time expression in a sentence, resolved against the article date if known."""
    today = dt.date.fromisoformat(article_date) if article_date else None
    if match := FULL_DATE.search(sentence):
        return When(match.group(0), _iso(*_parts(match)), "day")
    if match := MONTH_DAY.search(sentence):
        if match.group(1):
            month, day = MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2))
        else:
            month, day = MONTHS[match.group(4).lower().rstrip(".")], int(match.group(3))
        date = None
        if today:
            year = today.year
            if dt.date(year, month, min(day, 28)) > today + dt.timedelta(days=31):
                year -= 1
            date = _iso(year, month, day)
        return When(match.group(0), date, "day")
    if match := WEEKDAY.search(sentence):
        date = None
        if today:
            back = (today.weekday() - WEEKDAYS[match.group(2).lower()]) % 7
            date = (today - dt.timedelta(days=back)).isoformat()
        return When(match.group(0), date, "day")
    if match := RELATIVE.search(sentence):
        words = match.group(0).lower()
        if today is None:
            return When(match.group(0), None, None)
        if words == "yesterday" or words == "last night":
            return When(match.group(0), (today - dt.timedelta(days=1)).isoformat(), "day")
        if words.startswith(("today", "tonight", "this morning", "this afternoon", "this evening")):
            return When(match.group(0), today.isoformat(), "day")
        if "week" in words:
            return When(match.group(0), today.isoformat(), "week")
        if "month" in words:
            return When(match.group(0), today.replace(day=1).isoformat(), "month")
        if "year" in words:
            return When(match.group(0), today.replace(month=1, day=1).isoformat(), "year")
        return When(match.group(0), None, None)
    return None
