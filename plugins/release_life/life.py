"""What the front matter says of a release's life, read and checked: corrections
(`changes:`), withdrawal (`withdrawn:`, `withdrawn_reason:`) and removal for legal
reasons (`removed:`, `removed_reason:`). Pure functions: no Pelican here.
"""

import datetime
from dataclasses import dataclass, field

from site_core import Problem
from site_core.dates import not_a_date, parse_date
from site_core.text import day_text


@dataclass(frozen=True)
class Change:
    date: datetime.datetime
    note: str


@dataclass
class Life:
    changes: list = field(default_factory=list)  # Changes, oldest first
    withdrawn: datetime.datetime | None = None
    withdrawn_reason: str = ""
    removed: datetime.datetime | None = None
    removed_reason: str = ""

    @property
    def updated(self):
        """The date of the latest correction, or None."""
        return self.changes[-1].date if self.changes else None


def as_datetime(value, zone):
    """A front-matter date as an aware datetime in `zone`; ValueError if it is none."""
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime(value.year, value.month, value.day)
    else:
        moment = parse_date(value)  # year-month-day only: ValueError otherwise
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _text(value):
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def read_changes(value, item_date, now, zone):
    """(changes oldest first, problems) from the value of `changes:`."""
    example = ('write each as "- date: 2017-06-03" with "note: What was corrected." '
               "on the next line, indented like it")
    if not isinstance(value, list):
        return [], [Problem("changes is not a list of corrections", example, key="changes")]
    changes, problems = [], []
    for entry in value:
        if not isinstance(entry, dict) or "date" not in entry or not _text(entry.get("note")):
            dated = isinstance(entry, dict) and entry.get("date") is not None
            problems.append(Problem("a correction needs a date and a note", example,
                                    key="changes", text=str(entry["date"]) if dated else None))
            continue
        where = dict(key="changes", text=str(entry["date"]).strip() or None)  # its own line
        try:
            date = as_datetime(entry["date"], zone)
        except (ValueError, OverflowError):
            problems.append(Problem(*not_a_date(f'the correction date "{entry["date"]}"',
                                                entry["date"], "date: ", item_date or now),
                                    **where))
            continue
        if item_date and date.date() < item_date.date():
            problems.append(Problem(
                f"the correction dated {day_text(date)} is before the release itself "
                f"({day_text(item_date)})", "correct the date of the correction", **where))
        elif date > now:
            problems.append(Problem(
                f"the correction dated {day_text(date)} is in the future",
                "date it the day the correction is published, today or earlier", **where))
        else:
            changes.append(Change(date, _text(entry["note"])))
    return sorted(changes, key=lambda change: change.date), problems


def _read_dated_notice(metadata, key, reason_key, item_date, zone, what):
    """(date, reason, problems) of `withdrawn`/`removed` and its reason."""
    value, reason = metadata.get(key), _text(metadata.get(reason_key))
    if value is None:
        if reason:
            return None, "", [Problem(f"{reason_key} is given but {key} is not",
                                      f'add "{key}: <the day>" or remove "{reason_key}:"',
                                      key=reason_key)]
        return None, "", []
    try:
        date = as_datetime(value, zone)
    except (ValueError, OverflowError):
        return None, "", [Problem(*not_a_date(f'{key} "{value}"', value, f"{key}: ",
                                              item_date or datetime.datetime(2021, 5, 13)),
                                  key=key)]
    problems = []
    if not reason:
        problems.append(Problem(f"{key} has no {reason_key}",
                                f'add "{reason_key}: ..." with one sentence readers will see '
                                f"saying why it was {what}", key=key))
    if item_date and date.date() < item_date.date():
        problems.append(Problem(f"{key} {day_text(date)} is before the release itself "
                                f"({day_text(item_date)})", f"correct the date in {key}", key=key))
    return date, reason, problems


def read_life(metadata, item_date, now, zone):
    """(Life, problems) from an item's front matter (its metadata as read); `item_date`
    is None for a page without a date."""
    life, problems = Life(), []
    if metadata.get("changes") is not None:
        life.changes, found = read_changes(metadata["changes"], item_date, now, zone)
        problems += found
    life.withdrawn, life.withdrawn_reason, found = _read_dated_notice(
        metadata, "withdrawn", "withdrawn_reason", item_date, zone, "withdrawn")
    problems += found
    life.removed, life.removed_reason, found = _read_dated_notice(
        metadata, "removed", "removed_reason", item_date, zone, "removed")
    problems += found
    return life, problems
