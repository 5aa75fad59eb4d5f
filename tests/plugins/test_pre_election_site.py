"""The pre-election period (plugins/release_life/pre_election.py), built from a copy of the
real content: the notice on every page while the period lasts and on none outside it,
the warning for a release dated inside it that records no check, and the build stopping
on a setting it cannot read."""

import pytest

from conftest import build_site, copy_content, public_pages

PERIOD = ["2028-03-23", "2028-05-04"]
INSIDE = "2028-04-01T09:00"
NOTICE = "Pre-election period:"
NOTICE_CLASS = 'class="pcc-pre-election"'

UNCHECKED = """---
title: Commissioner opens the Quillon community fund
date: 2028-04-01
summary: A release dated in the pre-election period that nobody has checked yet.
tags: [Victims]
---
The Quillon fund opens today.
"""
CHECKED = """---
title: Commissioner reminds residents about the Quillon fund
date: 2028-04-01 08:00
summary: A release dated in the pre-election period whose check is recorded.
tags: [Victims]
pre_election_checked: "Jane Smith, 31 March 2028"
---
The Quillon fund is open.
"""
# Dated after the build's "now": held back from the site, but the writer is told now.
SCHEDULED_DISTRICT_DAY = """---
title: Commissioner visits Watford
date: 2028-04-20
summary: A District Day report scheduled for later in the pre-election period.
tags: [Community safety]
district: Watford
visits:
  - Watford town centre patrol
---
The Commissioner spent the day in Watford.
"""
BEFORE = """---
title: Commissioner launches the spring survey
date: 2028-03-22 23:59
summary: A release dated the minute before the pre-election period begins.
tags: [Victims]
---
The survey is open.
"""
FILES = {
    "news/2028-04-01-quillon-fund.md": UNCHECKED,
    "news/2028-04-01-quillon-reminder.md": CHECKED,
    "district-days/2028-04-20-watford.md": SCHEDULED_DISTRICT_DAY,
    "news/2028-03-22-spring-survey.md": BEFORE,
}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = copy_content(tmp_path_factory.mktemp("pre-election"))
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def during(content, tmp_path_factory):
    result = build_site(content, tmp_path_factory.mktemp("during") / "out", fatal="errors",
                        extra_settings={"SITE_NOW": INSIDE, "PRE_ELECTION_PERIOD": PERIOD})
    assert result.ok, result.log
    return result


def warnings_about(log, name):
    return [line for line in log.splitlines() if name in line and ": warning: " in line]


def test_during_the_period_every_page_shows_the_notice(during):
    pages = public_pages(during.output)
    assert len(pages) > 10, pages
    without = [str(page.relative_to(during.output)) for page in pages
               if NOTICE not in page.read_text(encoding="utf-8")]
    assert without == []


def test_the_home_page_notice_names_polling_day(during):
    home = during.read("index.html")
    assert ("<strong id=\"pre-election-title\">Pre-election period:</strong> until the election "
            "on 4 May 2028, this site publishes only essential information") in home
    # Outside <main>, so that search never indexes it as part of a page.
    assert home.index(NOTICE_CLASS) < home.index("<main")


def test_a_release_dated_inside_the_period_without_a_check_is_warned_on_its_date_line(during, content):
    path = content / "news" / "2028-04-01-quillon-fund.md"
    assert warnings_about(during.log, "2028-04-01-quillon-fund.md") == [
        f"{path}:3: warning: the release is dated 1 April 2028, in the pre-election period "
        "(23 March to 4 May 2028). Fix: check it meets the rules for publicity before an "
        'election, then record who checked it and when: pre_election_checked: "Jane Smith, 1 April 2028"'
    ]


def test_a_scheduled_district_day_inside_the_period_is_warned_before_it_goes_live(during, content):
    path = content / "district-days" / "2028-04-20-watford.md"
    found = warnings_about(during.log, "2028-04-20-watford.md")
    assert len(found) == 1 and found[0].startswith(f"{path}:3: warning: the release is dated 20 April 2028")
    assert "2028-04-20-watford.md goes live on 20 April 2028" in during.log


def test_a_release_whose_check_is_recorded_or_dated_outside_the_period_is_not_warned(during):
    assert warnings_about(during.log, "2028-04-01-quillon-reminder.md") == []
    assert warnings_about(during.log, "2028-03-22-spring-survey.md") == []
    assert "Quillon fund is open" in during.read("news/2028/quillon-reminder/index.html")


@pytest.mark.parametrize("settings", [
    {"SITE_NOW": "2028-05-05T00:00", "PRE_ELECTION_PERIOD": PERIOD},  # the day after polling day
    {"SITE_NOW": INSIDE},  # the default: no period set
], ids=["after the period", "no period set"])
def test_outside_the_period_no_page_has_the_notice(content, tmp_path, settings):
    result = build_site(content, tmp_path / "out", fatal="errors", extra_settings=settings)
    assert result.ok, result.log
    pages = public_pages(result.output)
    assert len(pages) > 10, pages
    with_notice = [str(page.relative_to(result.output)) for page in pages
                   if NOTICE in page.read_text(encoding="utf-8")
                   or NOTICE_CLASS in page.read_text(encoding="utf-8")]
    assert with_notice == []


@pytest.mark.parametrize("period, said", [
    (["2028-05-04", "2028-03-23"], "ends on 23 March 2028, before it starts on 4 May 2028"),
    (["2028-03-23"], "is ['2028-03-23'], not two dates"),
    (["2028-03-23", "polling day"], 'has "polling day", which is not a date'),
])
def test_a_setting_that_is_not_two_dates_stops_the_build_with_one_line(content, tmp_path, period, said):
    result = build_site(content, tmp_path / "out",
                        extra_settings={"SITE_NOW": INSIDE, "PRE_ELECTION_PERIOD": period})
    assert result.returncode == 1, result.log
    lines = [line for line in result.log.splitlines() if "PRE_ELECTION_PERIOD" in line]
    assert len(lines) == 1, result.log
    assert lines[0].startswith(f"error: the setting PRE_ELECTION_PERIOD {said}. Fix: ")
    assert "Traceback" not in result.log
    assert not (tmp_path / "out" / "index.html").exists()
