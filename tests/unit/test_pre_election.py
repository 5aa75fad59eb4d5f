"""The pre-election period's pure logic (plugins/release_life/pre_election.py): reading the
setting, whether a day is inside it, what templates get, and the warning for a release."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from release_life.pre_election import (
    Period, PeriodSettingError, is_active, parse_period, release_problem,
    setting_message, template_context,
)
from site_core import WARNING
from site_core.text import day_text

LONDON = ZoneInfo("Europe/London")
PERIOD = Period(datetime.date(2028, 3, 23), datetime.date(2028, 5, 4))


def london(*parts):
    return datetime.datetime(*parts, tzinfo=LONDON)


@pytest.mark.parametrize("value", [
    ("2028-03-23", "2028-05-04"),
    ["2028-03-23", "2028-05-04"],  # as `pelican -e` passes it (JSON)
    (datetime.date(2028, 3, 23), datetime.date(2028, 5, 4)),
    (datetime.datetime(2028, 3, 23, 0, 0), " 2028-05-04 "),
])
def test_the_setting_is_read_as_two_dates(value):
    assert parse_period(value) == PERIOD


def test_no_setting_means_no_period():
    assert parse_period(None) is None


def test_a_period_of_one_day_is_allowed():
    day = datetime.date(2028, 5, 4)
    assert parse_period(("2028-05-04", "2028-05-04")) == Period(day, day)


@pytest.mark.parametrize("value, said", [
    ("2028-03-23", 'is "2028-03-23", one value, not two dates'),
    (("2028-03-23",), "is ('2028-03-23',), not two dates"),
    (("2028-03-23", "2028-04-01", "2028-05-04"), "not two dates"),
    (("2028-03-23", "4 May 2028"), 'has "4 May 2028", which is not a date'),
    (("2028-02-30", "2028-05-04"), 'has "2028-02-30", which is not a date'),
    (("2028-03-23", 20280504), 'has "20280504", which is not a date'),
    (("2028-05-04", "2028-03-23"), "ends on 23 March 2028, before it starts on 4 May 2028"),
])
def test_a_malformed_setting_is_refused_with_what_is_wrong(value, said):
    with pytest.raises(PeriodSettingError) as raised:
        parse_period(value)
    assert said in str(raised.value)


def test_the_setting_message_is_one_line_naming_the_setting_and_the_fix():
    with pytest.raises(PeriodSettingError) as raised:
        parse_period(("2028-05-04", "2028-03-23"))
    message = setting_message(raised.value)
    assert "\n" not in message
    assert message.startswith("error: the setting PRE_ELECTION_PERIOD ends on 23 March 2028")
    assert 'Fix: give the first day of the period and polling day, in that order' in message
    assert 'PRE_ELECTION_PERIOD = ("2028-03-23", "2028-05-04")' in message


@pytest.mark.parametrize("now, active", [
    (london(2028, 3, 22, 23, 59), False),
    (london(2028, 3, 23, 0, 0), True),  # the first day, from midnight
    (london(2028, 4, 1, 9, 0), True),
    (london(2028, 5, 4, 23, 59), True),  # polling day is included
    (london(2028, 5, 5, 0, 0), False),
    # 23:30 on 4 May in London is 22:30 UTC: the day is judged in the site's time zone.
    (datetime.datetime(2028, 5, 4, 22, 30, tzinfo=datetime.timezone.utc).astimezone(LONDON), True),
])
def test_the_period_is_active_from_its_first_day_to_polling_day(now, active):
    assert is_active(PERIOD, now) is active


def test_without_a_period_nothing_is_active():
    assert is_active(None, london(2028, 4, 1)) is False


def test_templates_get_the_days_and_the_words_to_show():
    assert template_context(PERIOD, london(2028, 4, 1, 9)) == {
        "active": True, "start": PERIOD.start, "end": PERIOD.end,
        "end_text": "4 May 2028", "period_text": "23 March to 4 May 2028",
    }
    assert template_context(None, london(2028, 4, 1))["active"] is False
    assert template_context(PERIOD, london(2028, 6, 1))["active"] is False


@pytest.mark.parametrize("period, text", [
    (PERIOD, "23 March to 4 May 2028"),
    (Period(datetime.date(2027, 12, 20), datetime.date(2028, 1, 6)), "20 December 2027 to 6 January 2028"),
    (Period(datetime.date(2028, 5, 4), datetime.date(2028, 5, 4)), "4 May 2028"),
])
def test_a_period_is_written_as_the_site_writes_dates(period, text):
    assert period.text == text


def test_day_text_has_no_leading_zero():
    assert day_text(datetime.date(2028, 4, 1)) == "1 April 2028"


def test_a_release_dated_inside_the_period_without_a_check_is_warned_on_its_date_line():
    problem = release_problem(PERIOD, london(2028, 4, 1, 10, 30), None)
    assert problem.level == WARNING
    assert problem.key == "date"
    assert problem.what == ("the release is dated 1 April 2028, in the pre-election period "
                            "(23 March to 4 May 2028)")
    assert problem.fix == ("check it meets the rules for publicity before an election, then "
                           'record who checked it and when: pre_election_checked: "Jane Smith, 1 April 2028"')


@pytest.mark.parametrize("checked", ["", "   "])
def test_an_empty_check_is_no_check(checked):
    assert release_problem(PERIOD, london(2028, 4, 1), checked).key == "date"


def test_a_check_that_names_nobody_is_warned_on_its_own_line():
    problem = release_problem(PERIOD, london(2028, 4, 1), datetime.date(2028, 4, 1))
    assert problem.key == "pre_election_checked"
    assert 'pre_election_checked "2028-04-01" does not say who checked it' in problem.what


def test_a_recorded_check_silences_the_warning():
    assert release_problem(PERIOD, london(2028, 4, 1), "Jane Smith, 1 April 2028") is None


@pytest.mark.parametrize("date", [
    london(2028, 3, 22, 23, 59), london(2028, 5, 5, 0, 0), None,
])
def test_a_release_dated_outside_the_period_or_undated_is_not_warned(date):
    assert release_problem(PERIOD, date, None) is None


def test_the_first_and_last_days_are_inside():
    assert release_problem(PERIOD, london(2028, 3, 23, 0, 0), None) is not None
    assert release_problem(PERIOD, london(2028, 5, 4, 23, 59), None) is not None
    assert release_problem(PERIOD, datetime.date(2028, 5, 4), None) is not None


def test_without_a_period_no_release_is_warned():
    assert release_problem(None, london(2028, 4, 1), None) is None
