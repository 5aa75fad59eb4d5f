"""Where each duty stands on the day of the build: met, due, overdue or not published.

Pure: the evidence (what the site publishes for a duty, and for which period) and the
day are given; a Status and the overdue warnings come back. The rules are in periods.py.
"""

import datetime
from dataclasses import dataclass, field

from site_core import WARNING, Problem

from .periods import AFTER_EVENT, WHEN_CHANGED, answer_due, day_label, due_date, following

UP_TO_DATE, DUE, OVERDUE, PUBLISHED, NOT_PUBLISHED = (
    "up-to-date", "due", "overdue", "published", "not-published")
# How the /transparency/ page and the report name each state.
STATE_LABELS = {UP_TO_DATE: "Up to date", DUE: "Due soon", OVERDUE: "Overdue",
                PUBLISHED: "Published", NOT_PUBLISHED: "Not yet published here"}


@dataclass(frozen=True)
class Evidence:
    """One thing the site publishes that meets a duty (for one period, if it has them)."""
    article: str
    period: object  # a periods.Period, or None
    title: str
    url: str  # site-relative: "transparency/spending/2017-04/"
    updated: datetime.date
    path: str  # the file it comes from


@dataclass(frozen=True)
class Event:
    """Something a duty must answer within days (an inspection report), from a register row."""
    title: str
    day: datetime.date
    answered: datetime.date | None
    path: str
    line: int


@dataclass
class Status:
    duty: object
    state: str
    summary: str  # one line: "Overdue since 1 July 2017: May 2017 and 3 later months not yet published"
    evidence: list = field(default_factory=list)  # newest first
    overdue: list = field(default_factory=list)  # (what, due date, name) of each late item
    next_due: tuple | None = None  # (what, due date, name) of the next item to publish
    link: str | None = None  # where /transparency/ sends a reader (set by the plugin)

    @property
    def detail(self):
        """What the /transparency/ page says under the state's label: the summary less the
        label's own words ("Since 1 July 2017: ...", "Next: June 2017, due by ...")."""
        if self.state == OVERDUE:
            return "S" + self.summary[len("Overdue s"):]
        return self.summary if self.summary.startswith("Next:") else ""

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def last_updated(self):
        return max((item.updated for item in self.evidence), default=None)

    @property
    def latest(self):
        return self.evidence[0] if self.evidence else None


def duty_status(duty, evidence, today, events=()):
    """The Status of `duty` on `today`, given what meets it."""
    evidence = sorted(evidence, key=_newest_first)
    if duty.rule == AFTER_EVENT:
        return _after_event(duty, evidence, events, today)
    if duty.rule == WHEN_CHANGED:
        if evidence:
            return Status(duty, PUBLISHED, f"Last updated {day_label(evidence[0].updated)}", evidence)
        return Status(duty, NOT_PUBLISHED, "Not yet published here", evidence)
    return _periodic(duty, evidence, today)


def _newest_first(item):
    period_end = item.period.end if item.period else item.updated
    return (-period_end.toordinal(), -item.updated.toordinal(), item.url)


def _periodic(duty, evidence, today):
    kept = {item.period.name for item in evidence if item.period}
    starts = [item.period for item in evidence if item.period]
    start = duty.since or (min(starts) if starts else None)
    if start is None:
        return Status(duty, NOT_PUBLISHED, "Not yet published here", evidence)
    overdue, next_due, period = [], None, start
    while True:
        due = due_date(duty.rule, period, duty.by)
        if due >= today:
            # Ahead of today only the first period still to publish matters.
            if period.name not in kept:
                next_due = (period.label, due, period.name)
                break
            period = following(period)
            continue
        if period.name not in kept:
            overdue.append((period.label, due, period.name))
        period = following(period)
    if overdue:
        first_label, first_due, _ = overdue[0]
        later = len(overdue) - 1
        more = f" and {later} later {_plural(duty.period_kind, later)}" if later else ""
        summary = (f"Overdue since {day_label(first_due + datetime.timedelta(days=1))}: "
                   f"{first_label}{more} not yet published")
        return Status(duty, OVERDUE, summary, evidence, overdue, next_due)
    state = DUE if next_due and (next_due[1] - today).days <= 14 else UP_TO_DATE
    summary = f"Next: {next_due[0]}, due by {day_label(next_due[1])}" if next_due else "Up to date"
    return Status(duty, state, summary, evidence, [], next_due)


def _plural(kind, count):
    word = {"month": "month", "financial year": "year"}.get(kind, "period")
    return word if count == 1 else f"{word}s"


def _after_event(duty, evidence, events, today):
    overdue, waiting = [], []
    for event in sorted(events, key=lambda event: event.day):
        if event.answered:
            continue
        due = answer_due(event.day, duty.days)
        (overdue if due < today else waiting).append((event.title, due, event.title))
    if overdue:
        first_title, first_due, _ = overdue[0]
        more = f" and {len(overdue) - 1} more" if len(overdue) > 1 else ""
        summary = (f"Overdue since {day_label(first_due + datetime.timedelta(days=1))}: nothing "
                   f"published yet for {first_title}{more}")
        return Status(duty, OVERDUE, summary, evidence, overdue, waiting[0] if waiting else None)
    if waiting:
        title, due, _ = waiting[0]
        state = DUE if (due - today).days <= 14 else UP_TO_DATE
        return Status(duty, state, f"Next: {title}, due by {day_label(due)}", evidence, [], waiting[0])
    if events or evidence:
        return Status(duty, UP_TO_DATE, "Up to date", evidence)
    return Status(duty, NOT_PUBLISHED, "Not yet published here", evidence)


def overdue_problems(status, duties_path, where, events=()):
    """The build's warnings for a late duty: one per duty with periods (the oldest missing
    period, and how many more), at its line of the duties file; one per unanswered event
    at its register row. `where(name)` says what to publish, given the period's name
    ("2017-05") or the event's title."""
    duty = status.duty
    if status.state != OVERDUE:
        return []
    name = f'{duty.article} "{duty.title}"'
    if duty.rule == AFTER_EVENT:
        late = {title for title, _, _ in status.overdue}
        problems = []
        for event in events:
            if event.title not in late or event.answered:
                continue
            due = answer_due(event.day, duty.days)
            problems.append(Problem(
                f'{name}: the answer to "{event.title}" (published {day_label(event.day)}) has been '
                f"overdue since {day_label(due + datetime.timedelta(days=1))}; it was due within "
                f"{duty.days} days, by {day_label(due)}",
                where(event.title), level=WARNING, line=event.line).at(event.path))
        return problems
    label, due, name_of_period = status.overdue[0]
    later = len(status.overdue) - 1
    more = (f"; {later} later {_plural(duty.period_kind, later)} "
            f"{'is' if later == 1 else 'are'} missing too") if later else ""
    return [Problem(
        f"{name} for {label} has been overdue since {day_label(due + datetime.timedelta(days=1))} "
        f"(it was due by {day_label(due)}){more}",
        where(name_of_period), level=WARNING, line=duty.line).at(duties_path)]
