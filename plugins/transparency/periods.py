"""Periods and deadlines: the months, financial years and days information covers, and
the day each duty's information for a period is due by.

A period is named as its file or `meets:` entry names it: a month "2017-04", a
financial year "2017-18" (1 April 2017 to 31 March 2018), or a day "2017-04-01" (a
register as it stood that day). The rules are the Order's, made exact where it says "as
soon as practicable" (the duties file says which rule each duty follows).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

MONTH, YEAR, DAY = "month", "financial year", "day"

# The duties' rules (content/data/transparency.yml `due:`).
WHEN_CHANGED = "when-changed"  # kept current; no date can be late
MONTHLY = "monthly"  # each month's by the last day of the following month
BEFORE_YEAR = "before-year"  # each financial year's by 31 March before it starts
AFTER_YEAR = "after-year"  # each financial year's by a day (`by:`) after it ends
AFTER_EVENT = "after-event"  # an answer to each event within `days:` days
RULES = (WHEN_CHANGED, MONTHLY, BEFORE_YEAR, AFTER_YEAR, AFTER_EVENT)
# The kind of period each rule's information is kept by.
PERIOD_OF_RULE = {MONTHLY: MONTH, BEFORE_YEAR: YEAR, AFTER_YEAR: YEAR}

_PAIR = re.compile(r"(\d{4})-(\d{2})")  # a month (2017-04) or a financial year (2017-18)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date  # the last day it covers
    kind: str
    name: str  # as files name it: 2017-04, 2017-18, 2017-04-01

    @property
    def label(self):
        """As readers see it: "April 2017", "2017 to 2018", "1 April 2017"."""
        if self.kind == MONTH:
            return f"{self.start:%B %Y}"
        if self.kind == YEAR:
            return f"{self.start.year} to {self.end.year}"
        return day_label(self.start)


def day_label(day):
    return f"{day.day} {day:%B %Y}"


def month(year, number):
    last = calendar.monthrange(year, number)[1]
    return Period(datetime.date(year, number, 1), datetime.date(year, number, last), MONTH,
                  f"{year:04d}-{number:02d}")


def financial_year(first_year):
    return Period(datetime.date(first_year, 4, 1), datetime.date(first_year + 1, 3, 31), YEAR,
                  f"{first_year:04d}-{(first_year + 1) % 100:02d}")


def parse_period(text, kind=None):
    """The Period a name means, or None. `kind` says which kind is wanted; without it
    "2017-18" is a financial year because 18 is no month, and "2011-12" is December 2011
    (a financial year only where a year is wanted)."""
    text = str(text).strip()
    found = _DAY.fullmatch(text)
    if found:
        if kind not in (None, DAY):
            return None
        try:
            day = datetime.date(*map(int, found.groups()))
        except ValueError:
            return None
        return Period(day, day, DAY, text)
    found = _PAIR.fullmatch(text)
    if not found or kind == DAY:
        return None
    first, second = int(found.group(1)), int(found.group(2))
    is_year = second == (first + 1) % 100
    is_month = 1 <= second <= 12
    if kind == YEAR or (kind is None and not is_month):
        return financial_year(first) if is_year else None
    return month(first, second) if is_month else None


def following(period):
    """The next period of the same kind."""
    if period.kind == MONTH:
        year, number = divmod(period.start.year * 12 + period.start.month, 12)
        return month(year, number + 1)
    if period.kind == YEAR:
        return financial_year(period.start.year + 1)
    day = period.start + datetime.timedelta(days=1)
    return Period(day, day, DAY, day.isoformat())


def period_containing(day, kind):
    if kind == MONTH:
        return month(day.year, day.month)
    return financial_year(day.year if day.month >= 4 else day.year - 1)


def due_date(rule, period, by=None):
    """The last day the information for `period` may be published on, under `rule`."""
    if rule == MONTHLY:
        return following(period).end
    if rule == BEFORE_YEAR:
        return period.start - datetime.timedelta(days=1)
    if rule == AFTER_YEAR:
        month_number, day = by
        return _clamped_day(period.end.year, month_number, day)
    raise ValueError(f"no periods under {rule!r}")


def answer_due(event_day, days):
    """The last day an answer to an event on `event_day` may be published on: `days` days
    counted from the day of the event itself (the Police Act 1996, s.55(5A): "the period
    of 56 days beginning with the day on which the report is published")."""
    return event_day + datetime.timedelta(days=days - 1)


def _clamped_day(year, month_number, day):
    """29 February in a year without one is the 28th."""
    return datetime.date(year, month_number, min(day, calendar.monthrange(year, month_number)[1]))


def parse_month_day(text):
    """(month, day) of "06-30", or None."""
    found = re.fullmatch(r"(\d{2})-(\d{2})", str(text).strip())
    if not found:
        return None
    month_number, day = map(int, found.groups())
    if not 1 <= month_number <= 12 or not 1 <= day <= calendar.monthrange(2000, month_number)[1]:
        return None
    return month_number, day
