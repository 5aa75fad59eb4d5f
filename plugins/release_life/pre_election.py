"""The pre-election period: the weeks before a Police and Crime Commissioner election,
when what the office may publish is restricted (often called "purdah").

`PRE_ELECTION_PERIOD = ("2028-03-23", "2028-05-04")` names its first and last day (polling
day), both included, in the site's time zone. While the build's "now" (site_core.clock)
is inside it, every page shows a short notice (partials/pre_election_notice.html, from
the `PRE_ELECTION` template value), and each release dated inside it gets a warning
until its front matter records who checked it: `pre_election_checked: "Jane Smith, 1 April 2028"`.
A setting that is not two dates, first to last, stops the build with a one-line message.
"""

import datetime
import sys
from dataclasses import dataclass

from pelican import signals
from pelican.contents import Article

from site_core import WARNING, BuildState, Problem, content_type_of, report
from site_core.clock import build_now
from site_core.text import day_text

SETTING = "PRE_ELECTION_PERIOD"
CHECKED_KEY = "pre_election_checked"
SETTING_EXAMPLE = f'{SETTING} = ("2028-03-23", "2028-05-04")'
CHECKED_EXAMPLE = f'{CHECKED_KEY}: "Jane Smith, 1 April 2028"'


class PeriodSettingError(ValueError):
    """PRE_ELECTION_PERIOD is not two dates, the first day then the last."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # polling day, the last day of the period

    def __contains__(self, day):
        return self.start <= day <= self.end

    @property
    def text(self):
        """"23 March to 4 May 2028", as messages and the guide write a period."""
        if self.start == self.end:
            return day_text(self.end)
        start = f"{self.start.day} {self.start:%B}"
        if self.start.year != self.end.year:
            start += f" {self.start.year}"
        return f"{start} to {day_text(self.end)}"


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PeriodSettingError(f'has "{value}", which is not a date')


def parse_period(value):
    """The Period the setting names, or None when there is none (`None`).
    Raises PeriodSettingError, whose text completes "the setting PRE_ELECTION_PERIOD ...". """
    if value is None:
        return None
    if isinstance(value, str):
        raise PeriodSettingError(f'is "{value}", one value, not two dates')
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)) or len(value) != 2:
        raise PeriodSettingError(f"is {value!r}, not two dates")
    start, end = (_as_date(each) for each in value)
    if end < start:
        raise PeriodSettingError(f"ends on {day_text(end)}, before it starts on {day_text(start)}")
    return Period(start, end)


def setting_message(error):
    """The one line printed when the setting cannot be read."""
    return (f"error: the setting {SETTING} {error}. Fix: give the first day of the period "
            f"and polling day, in that order, as year-month-day: {SETTING_EXAMPLE} "
            f"(or {SETTING} = None when no election is near)")


def is_active(period, now):
    """True when the day of `now` (in the site's time zone) is inside the period."""
    return period is not None and now.date() in period


def template_context(period, now):
    """PRE_ELECTION, as templates read it."""
    return {
        "active": is_active(period, now),
        "start": period.start if period else None,
        "end": period.end if period else None,
        "end_text": day_text(period.end) if period else "",
        "period_text": period.text if period else "",
    }


def release_problem(period, date, checked):
    """The warning for a release dated `date` whose `pre_election_checked` value is
    `checked` (None when the key is missing), or None when there is nothing to say."""
    if period is None or date is None:
        return None
    day = date.date() if isinstance(date, datetime.datetime) else date
    if day not in period:
        return None
    if isinstance(checked, str) and checked.strip():
        return None
    what = f"the release is dated {day_text(day)}, in the pre-election period ({period.text})"
    fix = ("check it meets the rules for publicity before an election, then record who "
           f"checked it and when: {CHECKED_EXAMPLE}")
    if checked is None or isinstance(checked, str):
        return Problem(what, fix, WARNING, key="date")
    # A bare date or a list: nobody is named.
    return Problem(f'{what}, and {CHECKED_KEY} "{checked}" does not say who checked it',
                   f"write the name of the person who checked it, then the day: {CHECKED_EXAMPLE}",
                   WARNING, key=CHECKED_KEY)


# --- Pelican wiring -----------------------------------------------------------------

@dataclass
class Build:
    period: Period | None
    now: datetime.datetime


_build = BuildState(lambda settings: Build(parse_period(settings.get(SETTING)), build_now(settings)))


def stop_on_a_bad_setting(pelican):
    """Before anything is read: the setting must be two dates, or the notice and the
    warnings would silently be wrong. Printed as site_core prints a version mismatch."""
    try:
        parse_period(pelican.settings.get(SETTING))
    except PeriodSettingError as error:
        print(setting_message(error), file=sys.stderr, flush=True)
        raise SystemExit(1)


def give_templates_the_period(generator):
    # The context is shared by every generator; the first one sets it for all.
    state = _build.current
    generator.context.setdefault("PRE_ELECTION", template_context(state.period, state.now))


def check_release(content):
    if not isinstance(content, Article):
        return
    kind = content_type_of(content.get_relative_source_path())
    if kind is None or not kind.dated:
        return
    problem = release_problem(_build.current.period, getattr(content, "date", None),
                              content.metadata.get(CHECKED_KEY))
    if problem:
        report(problem.at(content.source_path))


def register_pre_election():
    # initialized: once the settings are read, before any content is.
    signals.initialized.connect(stop_on_a_bad_setting)
    # generator_init: PRE_ELECTION reaches the templates before any page is rendered.
    signals.generator_init.connect(give_templates_the_period)
    # content_object_init, not article_generator_finalized: every release passes here as
    # it is read, drafts and scheduled ones included. By article_generator_finalized the
    # scheduled releases are already out of the generator's lists (release_life holds
    # them back), and those are the ones a writer prepares ahead for the period.
    signals.content_object_init.connect(check_release)
