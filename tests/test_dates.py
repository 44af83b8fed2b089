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


def test_a_day_may_be_written_as_an_ordinal_before_its_month():
    assert find_when("On 2nd May 2020, in Curitiba, supporters clashed.", "2020-05-09", KNOWLEDGE).date == "2020-05-02"
    assert find_when("On the 3rd of June, police fired on the crowd.", "2016-06-20", KNOWLEDGE).date == "2016-06-03"


def test_a_month_or_year_before_the_reports_dates_history_told_again():
    when = find_when("In March 2015, militants attacked a police post.", "2016-06-20", KNOWLEDGE)
    assert (when.date, when.precision) == ("2015-03-01", "month")
    when = find_when("He is accused of ordering the murder of an activist in 2012.", "2016-06-22", KNOWLEDGE)
    assert (when.date, when.precision) == ("2012-01-01", "year")
    # The report's own year says less than its date; a later year dates a plan; 'since' says how long.
    assert find_when("Staff struck over grants for the second quarter of 2016.", "2016-06-20", KNOWLEDGE) is None
    assert find_when("The party pledged to end the conflict in 2030.", "2016-06-20", KNOWLEDGE) is None
    assert find_when("The war has killed thousands since 2011.", "2016-06-20", KNOWLEDGE) is None
    assert find_when("Jane Henry, 19, of 1935 Orchard St., Alexandria, was arrested.", "2009-01-20", KNOWLEDGE) is None
