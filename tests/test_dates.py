from newsroom.annotate.dates import find_when, parse_date_line
from newsroom.annotate.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()


def test_weekday_is_the_most_recent_such_day():
    # The seed article was published on Friday 2017-09-29.
    assert find_when("The assault began on Thursday.", "2017-09-29", KNOWLEDGE).date == "2017-09-28"
    assert find_when("the unit said on Friday", "2017-09-29", KNOWLEDGE).date == "2017-09-29"
    assert find_when("On Wednesday, PHR accused Russia", "2017-09-29", KNOWLEDGE).date == "2017-09-27"


def test_month_day_takes_the_article_year():
    when = find_when("Three facilities came under fire on the same day, September 19, and later", "2017-09-29",
                     KNOWLEDGE)
    assert (when.date, when.precision) == ("2017-09-19", "day")


def test_without_an_article_date_the_words_are_kept_and_no_date_guessed():
    when = find_when("The assault began on Thursday.", None, KNOWLEDGE)
    assert when.text == "on Thursday" and when.date is None


def test_month_precision_and_full_dates():
    assert find_when("the army's advance earlier this month", "2017-09-29", KNOWLEDGE).precision == "month"
    assert find_when("launched on April 12, 1981 from Florida", "2011-04-13", KNOWLEDGE).date == "1981-04-12"
    assert parse_date_line("Friday, July 21, 2017", KNOWLEDGE) == "2017-07-21"
    assert parse_date_line("no date here", KNOWLEDGE) is None
