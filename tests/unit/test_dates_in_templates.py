"""site_core.text's day_text and iso_day, the filters components/date.html uses: the text
Pelican's own strftime gives for DEFAULT_DATE_FORMAT and for %Y-%m-%d, for every day of
a leap year and a few far from it."""

import datetime

from pelican.utils import SafeDatetime

from site_core.text import day_text, iso_day

DAYS = [datetime.date(2028, 1, 1) + datetime.timedelta(days=n) for n in range(366)] + [
    datetime.date(1999, 12, 31), datetime.date(2100, 2, 28), datetime.date(2013, 2, 13)]


def test_day_text_and_iso_day_are_what_pelican_writes():
    for day in DAYS:
        moment = SafeDatetime(day.year, day.month, day.day, 14, 30)
        assert day_text(moment) == moment.strftime("%-d %B %Y"), day
        assert iso_day(moment) == moment.strftime("%Y-%m-%d"), day
        assert day_text(day) == day_text(moment), day
