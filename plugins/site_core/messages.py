"""Every plugin's problems, collected during a build and printed once at its end.

Each problem is one plain line, never wrapped, for the person who made it:

    content/district-days/2017-05-12-dacorum.md:4: error: district "Dacorm" is not one of the ten districts. Fix: use one of ... (did you mean "Dacorum"?)

then one summary line ("3 errors, 2 warnings in 2 files"). Under GitHub Actions each is
printed a second time as a workflow command, so the pull request shows it on its line.
"""

import functools
import os
from dataclasses import dataclass

from .problems import ERROR, WARNING, find_line


@dataclass(frozen=True)
class Message:
    """A problem with its file and line worked out: what is printed."""
    path: str  # as shown: relative to the working folder when inside it
    line: int | None
    level: str
    what: str
    fix: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.level}: {self.what}. Fix: {self.fix}"

    def github_command(self):
        """The line that makes GitHub Actions show this message on the pull request."""
        properties = []
        if self.path:
            properties.append(f"file={_escape_property(self.path)}")
        if self.line:
            properties.append(f"line={self.line}")
        title = "Content error" if self.level == ERROR else "Content warning"
        properties.append(f"title={_escape_property(title)}")
        return f"::{self.level} {','.join(properties)}::{_escape_data(f'{self.what}. Fix: {self.fix}')}"


def shown_path(path):
    """`path` as messages show it: relative to the working folder when inside it."""
    if not path:
        return ""
    return _shown_path(str(path), os.getcwd())


@functools.lru_cache(maxsize=4096)  # a report of thousands of warnings names each file often
def _shown_path(path, working_folder):
    try:
        relative = os.path.relpath(path, working_folder)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


class Report:
    """The problems of one build, in the order found, each once."""

    def __init__(self, content_dir=""):
        self.content_dir = content_dir  # where paths relative to the content folder start
        self._problems = {}  # Problem -> None: ordered and without repeats
        self.other_errors = 0  # errors logged by Pelican or a library, printed by them
        self.left_out = {}  # path -> None: files left out of the site for their errors

    def add(self, *problems):
        for problem in problems:
            if problem.path is None:
                raise ValueError(f"a problem must name its file before it is reported: {problem}")
            self._problems.setdefault(problem, None)

    @property
    def problems(self):
        return list(self._problems)

    def messages(self):
        """[Message], by file and line; a file is read (once) only to find lines not known."""
        lines_of = {}
        found = []
        for problem in self._problems:
            line = problem.line
            if not line:
                if problem.path not in lines_of:
                    lines_of[problem.path] = _read_lines(problem.path)
                line = find_line(lines_of[problem.path], key=problem.key, text=problem.text,
                                 in_body=problem.in_body, occurrence=problem.occurrence)
            found.append(Message(shown_path(problem.path), line, problem.level,
                                 problem.what.rstrip("."), problem.fix.rstrip(".")))
        unique = list(dict.fromkeys(found))
        return sorted(unique, key=lambda m: (m.path, m.line or 0, m.level != ERROR))

    def counts(self, messages=None):
        """(errors, warnings, files); `messages` if they are worked out already."""
        messages = self.messages() if messages is None else messages
        errors = sum(1 for m in messages if m.level == ERROR) + self.other_errors
        warnings = sum(1 for m in messages if m.level == WARNING)
        return errors, warnings, len({m.path for m in messages})

    def fails(self, fail_on, messages=None):
        """Whether the build must fail: `fail_on` is None, "errors" or "warnings"."""
        errors, warnings, _ = self.counts(messages)
        return (fail_on in ("errors", "warnings") and errors > 0) or (
            fail_on == "warnings" and warnings > 0)


def summary_line(errors, warnings, files):
    if not errors and not warnings:
        return "No content problems found."
    parts = [_plural(errors, "error"), _plural(warnings, "warning")]
    line = ", ".join(parts)
    return f"{line} in {_plural(files, 'file')}" if files else line


def report_lines(report, github=False, messages=None):
    """The lines to print for `report`: one per problem, the summary, and under
    GitHub Actions (`github`) a workflow command per problem. `messages` if they are
    worked out already (finding lines reads the files)."""
    messages = report.messages() if messages is None else messages
    lines = [str(message) for message in messages]
    errors, warnings, files = report.counts(messages)
    if report.other_errors:
        lines.append(f"error: {_plural(report.other_errors, 'error')} logged above (by Pelican "
                     "or a plugin, not about one content file). Fix: read the lines above that "
                     "start with ERROR")
    lines.append(summary_line(errors, warnings, files))
    if report.left_out:
        lines.append("Not in the site until their errors are fixed: "
                     + ", ".join(sorted(shown_path(path) for path in report.left_out)))
    if github:
        lines += [message.github_command() for message in messages]
    return lines


def _plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def _read_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def _escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text):
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
