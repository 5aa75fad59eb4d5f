"""One place where every plugin reports a content problem, and one report at the end.

A problem is written for the person who made it, a press officer:

    content/district-days/2017-05-12-dacorum.md:4: district "Dacorm" is not one of
    the ten districts. Fix: use one of ... (did you mean "Dacorum"?)

Plugins call `report(...)` as they find problems. When the build finishes, every
message is printed, warnings first; if any is an error, one last ERROR line says so,
which makes `pelican --fatal errors` (`make publish`, CI) fail *after* listing them all.
"""

import logging
import os
import re
from dataclasses import dataclass

from pelican import signals

log = logging.getLogger(__name__)

ERROR = "error"
WARNING = "warning"

_messages = []


@dataclass(frozen=True)
class Message:
    path: str  # relative to the project, e.g. content/news/2017-05-24-x.md
    line: int | None
    level: str  # ERROR or WARNING
    what: str  # what is wrong, with the value: 'district "Dacorm" is not one of the ten districts'
    fix: str  # what to do: 'use one of ... (did you mean "Dacorum"?)'

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what}. Fix: {self.fix}"


@dataclass(frozen=True)
class Problem:
    """A problem found by a pure function that knows the line but not the file;
    its plugin reports it with `report_problems(path, problems)`."""
    line: int | None
    what: str
    fix: str
    level: str = ERROR


def shown_path(path):
    """`path` as messages show it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def report(path, line, what, fix, level=ERROR):
    """Record a problem with the file at `path` (absolute or relative) at `line`."""
    if level not in (ERROR, WARNING):
        raise ValueError(f"level must be {ERROR!r} or {WARNING!r}, not {level!r}")
    message = Message(shown_path(str(path)), line, level, what.rstrip("."), fix.rstrip("."))
    if message not in _messages:
        _messages.append(message)
    return message


def report_problems(path, problems):
    """Report each `Problem` of the file at `path`."""
    for problem in problems:
        report(path, problem.line, problem.what, problem.fix, problem.level)


def messages():
    return list(_messages)


def clear():
    _messages.clear()


def line_of_key(path, key):
    """The line number of `key:` in the YAML front matter of `path`, or None."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return _first_line_matching(path, pattern.search)


def line_of_text(path, text):
    """The first line of `path` that contains `text`, or None."""
    return _first_line_matching(path, lambda line: text in line)


def _first_line_matching(path, predicate):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if predicate(line):
                    return number
    except OSError:
        return None
    return None


def print_report(pelican=None):
    ordered = sorted(_messages, key=lambda m: (m.level != WARNING, m.path, m.line or 0))
    for message in ordered:
        log.warning("%s: %s", message.level, message)
    errors = sum(1 for m in _messages if m.level == ERROR)
    if errors:
        log.error(
            "%d content error%s above: fix %s and build again. Nothing is published "
            "while a content error remains.",
            errors, "" if errors == 1 else "s", "it" if errors == 1 else "them",
        )


def start_build(pelican):
    clear()
    # Connected only now, after every plugin's register() has run, so that the report
    # comes after all other `finalized` handlers, which may still report problems.
    signals.finalized.connect(print_report)


def register():
    # initialized: start each build (also each autoreload rebuild) with no messages.
    # This plugin comes first in PLUGINS, so nothing is reported before the clear.
    signals.initialized.connect(start_build)
