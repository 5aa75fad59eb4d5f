"""Checks of District Day reports and press releases, and each district's summary."""

import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from site_core import ERROR, Problem, find_line

from district_days.districts import parse_districts
from district_days.reports import (
    check_named_districts, check_report_district, check_visits, months_before,
    same_day_reports, summarise, visits_as_text,
)

REPO = Path(__file__).resolve().parents[2]
DISTRICTS, _ = parse_districts((REPO / "content/data/districts.yml").read_text(encoding="utf-8"))
BY_NAME = {d.name: d for d in DISTRICTS}
TEN = ("Broxbourne, Dacorum, East Hertfordshire, Hertsmere, North Hertfordshire, "
       "St Albans, Stevenage, Three Rivers, Watford, Welwyn Hatfield")


def problems_of(problems):
    return [(p.key, p.what, p.fix) for p in problems]


def test_a_report_in_one_listed_district_is_accepted():
    assert check_report_district("Watford", DISTRICTS) == (BY_NAME["Watford"], [])


@pytest.mark.parametrize("value, what, fix", [
    (None, "the District Day report does not say which district it was in",
     f'add a line "district: ..." with one of {TEN}'),
    ("  ", "the District Day report does not say which district it was in",
     f'add a line "district: ..." with one of {TEN}'),
    ("Dacorm", 'district "Dacorm" is not one of the ten districts',
     f'write one of them exactly as listed: {TEN} (did you mean "Dacorum"?)'),
    ("St. Albans", 'district "St. Albans" is not one of the ten districts',
     f'write one of them exactly as listed: {TEN} (did you mean "St Albans"?)'),
    ("Luton", 'district "Luton" is not one of the ten districts',
     f"write one of them exactly as listed: {TEN}"),
    (2017, 'district "2017" is not one of the ten districts',
     f"write one of them exactly as listed: {TEN}"),
    (["Dacorum", "Watford"],
     "district names 2 districts (Dacorum, Watford); a District Day is spent in one district",
     'keep one name after "district:"; a day in another district needs its own report'),
])
def test_a_report_without_one_listed_district_is_refused(value, what, fix):
    district, problems = check_report_district(value, DISTRICTS)
    assert district is None
    assert problems_of(problems) == [("district", what, fix)]


ONE_PER_LINE = 'one per line, each starting "  - " under "visits:"'


@pytest.mark.parametrize("visits, expected", [
    (["Operation Stay Alert, Berkhamsted"], []),
    (["Police station", 3], []),
    (None, [("visits", "the District Day report lists no visits",
             f'add "visits:" with the places and groups visited, {ONE_PER_LINE}')]),
    ([], [("visits", "the District Day report lists no visits",
           f'add "visits:" with the places and groups visited, {ONE_PER_LINE}')]),
    ("Hemel Hempstead police station", [
        ("visits", 'visits is one line of text ("Hemel Hempstead police station"), not a list',
         f"write each place or group visited on its own line, {ONE_PER_LINE}")]),
    (["Police station", {"Cherished": "support group"}], [
        ("visits", "visit 2 is not plain text",
         'put it in double quotes, e.g. - "Cherished: a domestic abuse support group"')]),
])
def test_visits(visits, expected):
    assert problems_of(check_visits(visits)) == expected


def test_visits_as_text_never_spells_out_a_string():
    assert visits_as_text(["A", 2]) == ["A", "2"]
    assert visits_as_text("A place") == []


@pytest.mark.parametrize("value, found, problems", [
    (None, [], []),
    (["Dacorum"], ["Dacorum"], []),
    (["Dacorum", "Watford", "Dacorum"], ["Dacorum", "Watford"], []),
    ("Dacorum, Watford", ["Dacorum", "Watford"], []),
    (["Dacorum", "welwyn-hatfield", "Luton"], ["Dacorum"], [
        ("districts", '"welwyn-hatfield" in districts is not one of the ten districts',
         f'write one of them exactly as listed: {TEN} (did you mean "Welwyn Hatfield"?)', "welwyn-hatfield"),
        ("districts", '"Luton" in districts is not one of the ten districts',
         f"write one of them exactly as listed: {TEN}", "Luton"),
    ]),
])
def test_districts_named_by_a_press_release(value, found, problems):
    districts, reported = check_named_districts(value, DISTRICTS)
    assert [d.name for d in districts] == found
    assert [(p.key, p.what, p.fix, p.text) for p in reported] == problems


def test_problems_name_the_key_and_the_name_so_that_the_report_finds_the_line():
    report = ["---", "title: A day", "district:", "districts:", "  - Dacorum", "  - Luton", "---", "Luton"]
    _, (luton,) = check_named_districts(["Dacorum", "Luton"], DISTRICTS)
    _, (no_district,) = check_report_district(None, DISTRICTS)
    (no_visits,) = check_visits(None)
    assert all(isinstance(p, Problem) and p.level == ERROR and p.path is None
               for p in (luton, no_district, no_visits))
    assert find_line(report, key=luton.key, text=luton.text) == 6  # the name in the list
    assert find_line(report, key=no_district.key) == 3  # the key, though empty
    assert find_line(report, key=no_visits.key) == 7  # a missing key: the closing ---


def test_same_day_reports_name_each_other():
    day = datetime.date(2017, 5, 12)
    reports = [("a.md", "dacorum", day), ("b.md", "watford", day),
               ("c.md", "dacorum", day), ("d.md", "dacorum", day + datetime.timedelta(days=1)),
               ("e.md", "dacorum", day)]
    assert same_day_reports(reports) == [
        ("a.md", ["c.md", "e.md"]), ("c.md", ["a.md", "e.md"]), ("e.md", ["a.md", "c.md"])]
    assert same_day_reports(reports[:2]) == []


@pytest.mark.parametrize("day, months, expected", [
    (datetime.date(2017, 5, 12), 12, datetime.date(2016, 5, 12)),
    (datetime.date(2017, 1, 31), 1, datetime.date(2016, 12, 31)),
    (datetime.date(2017, 3, 31), 1, datetime.date(2017, 2, 28)),
    (datetime.date(2016, 2, 29), 12, datetime.date(2015, 2, 28)),
    (datetime.date(2017, 5, 12), 0, datetime.date(2017, 5, 12)),
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def item(title, day):
    return SimpleNamespace(title=title, date=datetime.datetime.combine(day, datetime.time()))


def test_summary_counts_orders_and_marks_districts_not_visited_in_twelve_months():
    newest = item("Watford day", datetime.date(2018, 6, 1))
    on_the_edge = item("Dacorum day", datetime.date(2017, 6, 1))
    too_old = item("Stevenage day", datetime.date(2017, 5, 31))
    older_dacorum = item("Dacorum day 2016", datetime.date(2016, 3, 1))
    news = item("News naming Dacorum", datetime.date(2018, 1, 1))
    reports = {"watford": [newest], "dacorum": [older_dacorum, on_the_edge], "stevenage": [too_old]}
    urls = {d.slug: f"districts/{d.slug}/" for d in DISTRICTS}
    feeds = {d.slug: f"feeds/districts/{d.slug}.atom.xml" for d in DISTRICTS}
    summaries, newest_day = summarise(DISTRICTS, reports, {"dacorum": [news]}, urls, feeds, 12)
    by_slug = {s.slug: s for s in summaries}
    assert newest_day == datetime.date(2018, 6, 1)
    assert [s.name for s in summaries] == [d.name for d in DISTRICTS]
    dacorum = by_slug["dacorum"]
    assert dacorum.reports == [on_the_edge, older_dacorum]  # newest first
    assert dacorum.last_date == on_the_edge.date
    assert dacorum.news == [news]
    assert (dacorum.url, dacorum.feed_url) == ("districts/dacorum/", "feeds/districts/dacorum.atom.xml")
    assert dacorum.visited_recently is True  # exactly twelve months before counts
    assert by_slug["watford"].visited_recently is True
    assert by_slug["stevenage"].visited_recently is False
    assert by_slug["broxbourne"].visited_recently is False
    assert by_slug["broxbourne"].last_date is None


def test_without_any_report_no_district_is_marked():
    urls = {d.slug: f"districts/{d.slug}/" for d in DISTRICTS}
    summaries, newest_day = summarise(DISTRICTS, {}, {}, urls, {}, 12)
    assert newest_day is None
    assert {s.visited_recently for s in summaries} == {None}
    assert {s.feed_url for s in summaries} == {None}
