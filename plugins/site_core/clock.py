"""The time of the build: one "now" for every plugin, so that what is scheduled, what a
check calls "in the future" and what the tests fix are the same moment.

`SITE_NOW` (an ISO date-time such as "2027-01-15T00:01", read in the site's TIMEZONE)
fixes it, for tests and for previewing a day ahead; otherwise it is the clock's time.
"""

import datetime
from zoneinfo import ZoneInfo


def site_zone(settings):
    return ZoneInfo(settings.get("TIMEZONE") or "UTC")


def build_now(settings):
    """The build's "now": aware, in the site's time zone."""
    zone = site_zone(settings)
    fixed = settings.get("SITE_NOW")
    if fixed:
        moment = datetime.datetime.fromisoformat(str(fixed))
        return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    return datetime.datetime.now(zone)


def is_scheduled(item, now):
    """True when `item` (an article or page) is dated later than `now`: not yet public."""
    date = getattr(item, "date", None)
    if date is None:
        return False
    if date.tzinfo is None:
        date = date.replace(tzinfo=now.tzinfo)
    return date > now
