"""Deadlines of the transparency duties (plugins/transparency/periods.py): month ends,
leap years, financial years and the 56 days after an inspection report."""

import datetime

import pytest
from transparency.periods import (
    AFTER_YEAR, BEFORE_YEAR, DAY, MONTH, MONTHLY, YEAR, answer_due, due_date, financial_year,
    following, month, parse_month_day, parse_period,
)

D = datetime.date


@pytest.mark.parametrize("text, kind, name, label", [
    ("2017-04", None, "2017-04", "April 2017"),
    ("2017-18", None, "2017-18", "2017 to 2018"),
    ("1999-00", None, "1999-00", "1999 to 2000"),
    ("2011-12", None, "2011-12", "December 2011"),  # a month unless a year is wanted
    ("2011-12", YEAR, "2011-12", "2011 to 2012"),
    ("2017-04-01", None, "2017-04-01", "1 April 2017"),
    ("2016-02-29", DAY, "2016-02-29", "29 February 2016"),
])
def test_periods_are_read_from_their_names(text, kind, name, label):
    period = parse_period(text, kind)
    assert (period.name, period.label) == (name, label)


@pytest.mark.parametrize("text, kind", [
    ("2017-13", None), ("2017-19", YEAR), ("2017-04", YEAR), ("2017-18", MONTH),
    ("2017-02-29", None), ("April 2017", None), ("2017/18", None), ("2017-04-01", MONTH),
])
def test_names_that_are_no_period_of_the_kind_wanted(text, kind):
    assert parse_period(text, kind) is None


@pytest.mark.parametrize("period, due", [
    (month(2017, 4), D(2017, 5, 31)),
    (month(2024, 1), D(2024, 2, 29)),  # a leap year: January's is due on 29 February
    (month(2023, 1), D(2023, 2, 28)),
    (month(2023, 12), D(2024, 1, 31)),  # December's is due the next year
    (month(2017, 5), D(2017, 6, 30)),
])
def test_a_months_information_is_due_by_the_end_of_the_next_month(period, due):
    assert due_date(MONTHLY, period) == due


def test_a_financial_years_information_is_due_before_it_starts():
    assert due_date(BEFORE_YEAR, financial_year(2017)) == D(2017, 3, 31)


@pytest.mark.parametrize("by, due", [((6, 30), D(2018, 6, 30)), ((2, 29), D(2018, 2, 28))])
def test_after_the_year_is_due_in_the_calendar_year_it_ends(by, due):
    assert due_date(AFTER_YEAR, financial_year(2017), by) == due


def test_after_the_year_keeps_29_february_in_a_leap_year():
    assert due_date(AFTER_YEAR, financial_year(2023), (2, 29)) == D(2024, 2, 29)


def test_56_days_begin_with_the_day_the_report_is_published():
    # Police Act 1996 s.55(5A): published on 1 March, the 56th day is 25 April.
    assert answer_due(D(2017, 3, 1), 56) == D(2017, 4, 25)
    assert answer_due(D(2024, 1, 10), 56) == D(2024, 3, 5)  # through 29 February


def test_periods_follow_each_other_across_years():
    assert following(month(2017, 12)).name == "2018-01"
    assert following(financial_year(2099)).name == "2100-01"
    assert following(parse_period("2016-02-28")).name == "2016-02-29"


@pytest.mark.parametrize("text, expected", [
    ("06-30", (6, 30)), ("02-29", (2, 29)), ("13-01", None), ("06-31", None), ("June", None)])
def test_month_days(text, expected):
    assert parse_month_day(text) == expected
