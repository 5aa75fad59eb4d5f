"""Dates in front matter: written one way only, year-month-day with a time if wanted
(2017-05-24, 2017-05-24 09:30). Pelican would read almost anything, month first:
`05/11/2026` becomes 11 May, not 5 November as a British writer meant. So every date a
writer types (date, modified, a correction's date, withdrawn, removed) is read here, and
anything else is a problem that shows the text to write.
"""

import datetime
import re

from dateutil import parser as date_parser
from pelican.utils import get_date

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}"
                      r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_date(value):
    """The datetime of a front-matter value written as year-month-day (a time or not);
    ValueError for anything else, even what Pelican would guess."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):  # YAML has read it already
        return datetime.datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
        raise ValueError(value)
    return get_date(value.strip())  # Pelican's own reading of the same text


def meant_date(value):
    """The day a date written another way most likely means, read as Britain writes
    dates (day first: 05/11/2026 is 5 November); None if it is no date at all."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not re.search(r"\d", text):
        return None  # "next Tuesday": dateutil would make it a day of this week
    day = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
    if day:
        try:
            datetime.date(*map(int, day.groups()))
        except ValueError:
            return None  # year-month-day with no such day (2017-13-05): not turned round
    try:
        return date_parser.parse(text, dayfirst=True, default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None


def not_a_date(what, value, write, example):
    """(what is wrong, the fix) for a date that parse_date refused. `what` names it
    ('date "05/11/2026"'), `write` is what goes before the value in the fix ("date: "),
    `example` a date to show when the value means no day at all."""
    meant = meant_date(value)
    if meant is None:
        return (f"{what} is not a date",
                f"write it as year-month-day, for example {write}{example:%Y-%m-%d}")
    time = f" {meant:%H:%M}" if (meant.hour, meant.minute) != (0, 0) else ""
    return (f"{what} is not written as year-month-day",
            f"write {write}{meant:%Y-%m-%d}{time} if you mean {meant.day} {meant:%B %Y}; only "
            "year-month-day cannot be misread (05/11/2026 is 11 May in some countries)")
