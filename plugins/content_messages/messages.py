"""TEMPORARY shim while plugins move to site_core: the old API, forwarding to it."""

from dataclasses import dataclass

from site_core import ERROR, WARNING, shown_path  # noqa: F401
from site_core import Problem as CoreProblem
from site_core import report as core_report
from site_core.problems import find_line


@dataclass(frozen=True)
class Problem:
    line: int | None
    what: str
    fix: str
    level: str = ERROR


def report(path, line, what, fix, level=ERROR):
    core_report(CoreProblem(what, fix, level, line=line).at(path))


def report_problems(path, problems):
    for problem in problems:
        if isinstance(problem, CoreProblem):
            core_report(problem.at(path))
        else:
            report(path, problem.line, problem.what, problem.fix, problem.level)


def _lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def line_of_key(path, key):
    lines = _lines(path)
    import re
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((i for i, line in enumerate(lines, 1) if pattern.search(line)), None)


def line_of_text(path, text):
    return find_line(_lines(path), text=text)
