"""A name that begins a named day is the day's: 'Labour Day' names no party, 'Australia Day' no
country, whether or not the model reads the day as a date; a name before a weekday or a month
is still the name."""

from __future__ import annotations


def _names(annotator, text: str) -> list[str]:
    ann = annotator(text)
    return sorted({a.name for a in ann.actors} | {p.name for p in ann.places})


def test_a_name_that_begins_a_named_day_is_the_day_s(annotator):
    assert _names(annotator, "Markets\n\nCanadian markets will be closed on Monday for Labour Day, and bond "
                             "traders left early for the Labour Day parade.\n") == []
    assert "Australia" not in _names(annotator, "Holiday\n\nAustralia Day falls on a Sunday this year.\n")


def test_a_name_before_a_weekday_a_month_or_a_lower_case_word_is_still_the_name(annotator):
    assert "Labour Party" in _names(annotator, "Vote\n\nLabour won the by-election in Leeds on Monday.\n")
    assert "Syria" in _names(annotator, "Talks\n\nSyria Monday said it would attend the talks in Geneva.\n")
