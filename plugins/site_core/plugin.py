"""The core as a Pelican plugin: one report of every problem at the end of each build.

Plugins call `report(problem)` as they find problems. After the last `finalized`
handler the report is printed (messages.py) and, when SITE_CORE_FAIL_ON says so, the
build exits with status 1: no traceback, every problem listed first.
"""

import logging
import os
import sys

from pelican import signals

from . import pelican_compat
from .after_plugins import connect_last_to_finalized
from .build_state import BuildState
from .messages import Report, report_lines

DEFAULTS = {
    # None: report, never fail (make html, make devserver); "errors": fail on any error
    # (make publish, make check, CI); "warnings": fail on any problem at all.
    "SITE_CORE_FAIL_ON": None,
}

_report = BuildState(lambda settings: Report(content_dir=settings.get("PATH", "")))


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def current_report():
    """This build's report; outside a build (a test calling an adapter), a new one."""
    return _report.current or _report.start({})


def report(*problems):
    """Report problems found in this build; each must name its file (`Problem.at(path)`)."""
    current_report().add(*problems)


def leave_out(path):
    """Say that the file at `path` is left out of this build for its errors (the report
    names it after the summary, so a preview never looks complete when it is not)."""
    current_report().left_out.setdefault(str(path), None)


def report_relative(problem):
    """Report a problem whose path is relative to the content folder (from Pelican's log)."""
    current = current_report()
    current.add(problem.at(os.path.join(current.content_dir, problem.path)))


class _CountErrors(logging.Handler):
    """Counts the errors other code logs (Pelican, a template), so they fail the build too."""

    def __init__(self):
        super().__init__(level=logging.ERROR)

    def emit(self, record):
        if _report.current is not None and record.levelno < logging.CRITICAL:
            _report.current.other_errors += 1


_last_printed = None  # the report print_report printed last (live_build starts from it)


def last_printed_report():
    return _last_printed


def fresh_report(settings):
    """Start a new, empty report (live_build, between its builds)."""
    return _report.start(settings)


def print_report_lines(report):
    """Print `report` as every build ends: its lines on stderr (GitHub's annotations on
    stdout in CI); the messages, worked out once (finding the lines reads the files)."""
    messages = report.messages()
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for line in report_lines(report, github, messages):
        stream = sys.stdout if line.startswith("::") else sys.stderr
        print(line, file=stream, flush=True)
    return messages


def print_report(pelican):
    current = _report.current or Report()
    messages = print_report_lines(current)
    pelican_compat.drop_pelican_done_line()  # the report's summary says what matters
    global _last_printed
    _last_printed = current
    _report.start(pelican.settings)  # forget the printed problems
    if current.fails(setting(pelican.settings, "SITE_CORE_FAIL_ON"), messages):
        raise SystemExit(1)


def check_upstream_versions():
    mismatches = pelican_compat.version_mismatches()
    if mismatches:
        print(pelican_compat.mismatch_message(mismatches), file=sys.stderr, flush=True)
        raise SystemExit(1)


def require_registration(pelican):
    """Every plugin reports through site_core; without it in PLUGINS nothing would print
    the report or fail the build, so the build stops here and says so."""
    if not _registered:
        print('error: "site_core" is not in PLUGINS, so no content problem would be reported. '
              'Fix: add "site_core" to PLUGINS in pelicanconf.py', file=sys.stderr, flush=True)
        raise SystemExit(1)


_registered = False  # whether this process's Pelican registered site_core
# Connected when the first plugin imports site_core, before any register().
signals.initialized.connect(require_registration)


def register():
    global _registered
    _registered = True
    check_upstream_versions()
    # finalized, after every other receiver (see after_plugins.py): they may still
    # report problems.
    connect_last_to_finalized(print_report)
    pelican_compat.route_pelican_warnings(report_relative)
    if not any(isinstance(handler, _CountErrors) for handler in logging.getLogger().handlers):
        logging.getLogger().addHandler(_CountErrors())
