"""Where a duty stands on a given day (plugins/transparency/status.py): met, due,
overdue or not published, and the warning the build gives for a late one."""

import datetime

from transparency.duties import Duty
from transparency.periods import financial_year, month, parse_period
from transparency.status import (
    DUE, NOT_PUBLISHED, OVERDUE, PUBLISHED, UP_TO_DATE, Event, Evidence, duty_status,
    overdue_problems,
)

D = datetime.date
SPENDING = Duty("3(g)", "Spending over £500", "Each item.", "monthly", 12, source="spending")
BUDGET = Duty("3(a)", "The budget", "The year's plan.", "before-year", 20)
NAMES = Duty("1(a)", "Names", "Who they are.", "when-changed", 5)
COMMENTS = Duty("7B(b)", "Comments on inspection reports", "Comments.", "after-event", 30, days=56)


def spent(*names):
    return [Evidence("3(g)", parse_period(name), f"Spending {name}", f"transparency/spending/{name}/",
                     parse_period(name).end, f"spending/{name}.csv") for name in names]


def where(name):
    return f"publish spending/{name}.csv"


def test_every_month_published_is_up_to_date():
    status = duty_status(SPENDING, spent("2017-04", "2017-05"), D(2017, 7, 15))
    assert status.state == UP_TO_DATE
    assert status.summary == "Next: June 2017, due by 31 July 2017"


def test_the_last_day_of_the_next_month_is_still_in_time():
    assert duty_status(SPENDING, spent("2017-04"), D(2017, 6, 30)).state == DUE
    status = duty_status(SPENDING, spent("2017-04"), D(2017, 7, 1))
    assert status.state == OVERDUE
    assert status.summary == "Overdue since 1 July 2017: May 2017 not yet published"


def test_a_missing_month_between_two_published_is_overdue():
    status = duty_status(SPENDING, spent("2017-04", "2017-06"), D(2017, 7, 20))
    assert [label for label, _, _ in status.overdue] == ["May 2017"]


def test_the_warning_says_what_is_due_and_since_when():
    status = duty_status(SPENDING, spent("2017-04"), D(2017, 9, 1))
    [problem] = overdue_problems(status, "data/transparency.yml", where)
    assert (problem.path, problem.line, problem.level) == ("data/transparency.yml", 12, "warning")
    assert problem.what == ('3(g) "Spending over £500" for May 2017 has been overdue since '
                            "1 July 2017 (it was due by 30 June 2017); 2 later months are missing too")
    assert problem.fix == "publish spending/2017-05.csv"


def test_since_asks_for_months_before_the_first_published():
    duty = Duty(**{**SPENDING.__dict__, "since": month(2017, 1)})
    status = duty_status(duty, spent("2017-04"), D(2017, 5, 1))
    assert [label for label, _, _ in status.overdue] == ["January 2017", "February 2017", "March 2017"]


def test_nothing_published_and_no_start_is_not_published_and_not_late():
    status = duty_status(SPENDING, [], D(2030, 1, 1))
    assert (status.state, status.summary) == (NOT_PUBLISHED, "Not yet published here")
    assert overdue_problems(status, "x", where) == []


def test_leap_year_february_is_due_on_31_march():
    status = duty_status(SPENDING, spent("2024-01"), D(2024, 3, 31))
    assert status.state == DUE and status.next_due[:2] == ("February 2024", D(2024, 3, 31))


def test_next_years_budget_must_be_out_before_the_year_starts():
    evidence = [Evidence("3(a)", financial_year(2017), "Budget", "budget/", D(2017, 2, 10), "b.md")]
    assert duty_status(BUDGET, evidence, D(2018, 3, 31)).state == DUE
    status = duty_status(BUDGET, evidence, D(2018, 4, 1))
    assert status.state == OVERDUE
    assert status.summary == "Overdue since 1 April 2018: 2018 to 2019 not yet published"


def test_a_duty_kept_current_is_published_with_its_last_update():
    evidence = [Evidence("1(a)", None, "About", "about/", D(2017, 3, 1), "about.md"),
                Evidence("1(a)", None, "Team", "team/", D(2017, 5, 2), "team.md")]
    status = duty_status(NAMES, evidence, D(2030, 1, 1))
    assert (status.state, status.summary, status.latest.url) == (
        PUBLISHED, "Last updated 2 May 2017", "team/")


def report(title, day, answered=None, line=2):
    return Event(title, day, answered, "hmicfrs-reports/2017-06-01.csv", line)


def test_comments_are_due_within_56_days_of_the_report():
    events = [report("Crime data integrity", D(2017, 5, 20))]
    assert duty_status(COMMENTS, [], D(2017, 7, 14), events).state == DUE
    status = duty_status(COMMENTS, [], D(2017, 7, 15), events)
    assert status.state == OVERDUE
    [problem] = overdue_problems(status, "x", lambda name: "publish the comments", events)
    assert (problem.path, problem.line) == ("hmicfrs-reports/2017-06-01.csv", 2)
    assert problem.what == ('7B(b) "Comments on inspection reports": the answer to "Crime data '
                            'integrity" (published 20 May 2017) has been overdue since 15 July 2017; '
                            "it was due within 56 days, by 14 July 2017")


def test_answered_reports_are_up_to_date():
    events = [report("PEEL", D(2017, 3, 2), answered=D(2017, 4, 10))]
    assert duty_status(COMMENTS, [], D(2019, 1, 1), events).state == UP_TO_DATE
    assert duty_status(COMMENTS, [], D(2019, 1, 1), ()).state == NOT_PUBLISHED
