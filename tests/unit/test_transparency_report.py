"""`make transparency-report` (tools/transparency_report.py) on the fixture site."""

import datetime
from pathlib import Path

from pelican.settings import read_settings

import transparency_report

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "transparency" / "good"


def test_every_duty_with_where_it_stands_on_the_day():
    lines = transparency_report.report_lines(FIXTURE, read_settings(str(REPO / "pelicanconf.py")),
                                             datetime.date(2017, 7, 15))
    assert lines[1:] == [
        "",
        "1. The Commissioner",
        "  1(a)    Names of the Commissioner and Deputy: Last updated 1 March 2017",
        "  1(c)    Their salaries: Not yet published here",
        "",
        "3. Money",
        "  3(a)    The budget: Next: 2018 to 2019, due by 31 March 2018 (last updated 10 February 2017)",
        "  3(f)    Grants: Overdue since 1 July 2017: May 2017 not yet published (last updated 30 April 2017)",
        "  3(g)    Spending over £500: Next: June 2017, due by 31 July 2017 (last updated 31 May 2017)",
        "",
        "5. Decisions",
        "  5(d)    Important decisions: Last updated 31 March 2017",
        "",
        "7B. Inspections",
        "  7B(b)   The Commissioner's comments on inspection reports: Overdue since 15 July 2017: "
        "nothing published yet for Crime data integrity (last updated 1 June 2017)",
        "",
        "7 duties: 2 up to date, 2 overdue, 2 published, 1 not yet published here",
    ]


def test_a_page_dated_after_the_day_counts_for_nothing():
    lines = transparency_report.report_lines(FIXTURE, read_settings(str(REPO / "pelicanconf.py")),
                                             datetime.date(2017, 2, 1))
    assert "  3(a)    The budget: Not yet published here" in lines
