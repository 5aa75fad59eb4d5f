"""Checking District Day reports and press releases, and summing up each district.

Pure functions over plain values and objects with `.date`: no Pelican here. A problem
is a site_core `Problem` naming the front-matter key it is about (and, for a name in a
list, the name), so that the report finds its line; the plugin names the file.
"""

import datetime
from dataclasses import dataclass, field

from site_core import Problem

from .districts import match_district, names_list, unknown_district_message


@dataclass
class DistrictSummary:
    """One district as its pages show it."""
    district: object  # districts.District
    url: str
    feed_url: str | None = None
    reports: list = field(default_factory=list)  # newest first
    news: list = field(default_factory=list)  # newest first
    visited_recently: bool | None = None  # None when there is no report at all

    # The template reads these as if the summary were the district.
    name = property(lambda self: self.district.name)
    slug = property(lambda self: self.district.slug)
    council = property(lambda self: self.district.council)
    website = property(lambda self: self.district.website)

    @property
    def last_date(self):
        return self.reports[0].date if self.reports else None


def check_report_district(value, districts):
    """(District or None, [Problem]) for the `district:` of a District Day report."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, [Problem(
            "the District Day report does not say which district it was in",
            f'add a line "district: ..." with one of {names_list(districts)}', key="district")]
    if isinstance(value, (list, tuple)):
        return None, [Problem(
            f"district names {len(value)} districts ({', '.join(map(str, value))}); "
            "a District Day is spent in one district",
            'keep one name after "district:"; a day in another district needs its own report',
            key="district")]
    name = str(value)
    match = match_district(name, districts)
    if match.district:
        return match.district, []
    what, fix = unknown_district_message(f'district "{name}"', districts, match)
    return None, [Problem(what, fix, key="district")]


NO_VISITS = "the District Day report lists no visits"


def check_visits(value):
    """[Problem] for the `visits:` of a District Day report."""
    one_per_line = 'one per line, each starting "  - " under "visits:"'
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return [Problem(NO_VISITS,
                        f'add "visits:" with the places and groups visited, {one_per_line}',
                        key="visits")]
    if not isinstance(value, list):
        return [Problem(f'visits is one line of text ("{value}"), not a list',
                        f"write each place or group visited on its own line, {one_per_line}",
                        key="visits")]
    problems = []
    for number, visit in enumerate(value, start=1):
        if not isinstance(visit, (str, int, float)):
            # Usually a colon inside the text, which YAML reads as "key: value".
            problems.append(Problem(
                f"visit {number} is not plain text",
                'put it in double quotes, e.g. - "Cherished: a domestic abuse support group"',
                key="visits"))
    return problems


def visits_as_text(value):
    """The visits as a list of strings, for the page (nothing if they are unusable)."""
    return [str(visit) for visit in value] if isinstance(value, list) else []


def check_named_districts(value, districts):
    """([District], [Problem]) for the `districts:` of a press release."""
    if value is None:
        return [], []
    names = value if isinstance(value, (list, tuple)) else str(value).split(",")
    found, problems = [], []
    for raw in names:
        name = str(raw).strip()
        if not name:
            continue
        match = match_district(name, districts)
        if match.district:
            if match.district not in found:
                found.append(match.district)
            continue
        what, fix = unknown_district_message(f'"{name}" in districts', districts, match)
        problems.append(Problem(what, fix, key="districts", text=name))
    return found, problems


def same_day_reports(reports):
    """Reports that share a district and a day: [(key, [keys of the others])].

    `reports` is a list of (key, district, date) with `key` identifying the file.
    Every report of such a pair (or more) is returned, so that each file's
    message names the other.
    """
    groups = {}
    for key, district, day in reports:
        groups.setdefault((district, day), []).append(key)
    return [
        (key, [other for other in keys if other != key])
        for keys in groups.values() if len(keys) > 1
        for key in keys
    ]


def months_before(day, months):
    """The same day of the month `months` months before `day` (31 May - 3 -> 28 Feb)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day_of_month in range(day.day, 27, -1):
        try:
            return datetime.date(year, month, day_of_month)
        except ValueError:
            continue
    return datetime.date(year, month, min(day.day, 28))


def summarise(districts, reports_by_slug, news_by_slug, urls, feed_urls, recent_months):
    """(summaries, newest report date) for the district pages.

    A district was visited recently when it has a report on or after the day
    `recent_months` months before the newest report of any district.
    """
    def newest_first(items):
        return sorted(items, key=lambda item: (_day(item.date), item.title), reverse=True)

    summaries = [
        DistrictSummary(
            district=d, url=urls[d.slug], feed_url=feed_urls.get(d.slug),
            reports=newest_first(reports_by_slug.get(d.slug, [])),
            news=newest_first(news_by_slug.get(d.slug, [])),
        )
        for d in districts
    ]
    newest = max((_day(s.last_date) for s in summaries if s.reports), default=None)
    if newest is not None:
        since = months_before(newest, recent_months)
        for summary in summaries:
            summary.visited_recently = bool(summary.reports) and _day(summary.last_date) >= since
    return summaries, newest


def _day(value):
    return value.date() if isinstance(value, datetime.datetime) else value

