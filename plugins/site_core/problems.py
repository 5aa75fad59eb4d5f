"""A content problem, and the one way to find the line it is on.

A check that knows the line says so (`line=12`). One that does not names what to look
for: the front-matter `key` it is about, the `text` it is about, or both (the text at or
below that key, e.g. a misspelt name in a list). `find_line` turns that into a line of
the source file when the report is printed, so pure checks never read files.
"""

import dataclasses
import re
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
LEVELS = (ERROR, WARNING)


@dataclass(frozen=True)
class Problem:
    what: str  # what is wrong, with the value: 'district "Dacorm" is not one of the ten districts'
    fix: str  # what to do: 'use one of ... (did you mean "Dacorum"?)'
    level: str = ERROR
    path: str | None = None  # the file at fault; None while a pure check does not know it
    line: int | None = None  # where it is, when the check knows
    key: str | None = None  # or: the front-matter key it is about
    text: str | None = None  # or: text to look for (at or below `key`, if given)
    in_body: bool = False  # look for `text` only below the front matter, outside code
    occurrence: int = 0  # with `text`: how many earlier occurrences to pass over

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"level must be {ERROR!r} or {WARNING!r}, not {self.level!r}")

    def at(self, path):
        """The same problem, in the file at `path`."""
        return dataclasses.replace(self, path=str(path))


def front_matter_span(lines):
    """(index of the opening "---", index of the closing "---" or "..."), or None.

    `lines` are the file's lines without line ends. Blank lines may come first; the
    dashes stand alone on their lines, as pelican-yaml-metadata's reader wants them.
    """
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].lstrip("\ufeff") != "---":
        return None
    for index in range(start + 1, len(lines)):
        if lines[index] in ("---", "..."):
            return start, index
    return None


def find_line(lines, *, line=None, key=None, text=None, in_body=False, occurrence=0):
    """The line number (from 1) a problem is on, in a file whose lines are `lines`.

    - `line`: known already.
    - `text`: the first line holding it (after `occurrence` earlier ones), at or below the
      `key:` line if `key` is given; if `in_body`, below the front matter and outside
      Markdown code (a fenced block or a `code span`), where HTML is only shown.
    - `key`: its `key:` line in the front matter; a key that is missing points at the
      closing "---", where it would go.
    None when nothing matches.
    """
    if line:
        return line
    key_line = _key_line(lines, key) if key else None
    if text:
        if in_body:
            span = front_matter_span(lines)
            searched = _outside_code(lines, span[1] + 1 if span else 0)
        else:
            searched = ((number, lines[number - 1]) for number in range(key_line or 1, len(lines) + 1))
        seen = 0
        for number, searched_line in searched:
            seen += searched_line.count(text)
            if seen > occurrence:
                return number
    if key:
        if key_line:
            return key_line
        span = front_matter_span(lines)
        return span[1] + 1 if span else 1
    return None


def _key_line(lines, key):
    span = front_matter_span(lines)
    if not span:
        return None
    pattern = re.compile(rf"{re.escape(key)}\s*:", re.IGNORECASE)
    for index in range(span[0] + 1, span[1]):
        if pattern.match(lines[index]):
            return index + 1
    return None


# Python-Markdown's fenced code (it builds the HTML): three or more ` or ~ at the margin,
# closed by the same fence.
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def lines_outside_fenced_code(lines, start=0):
    """(index, line) of each line from index `start` that is not in fenced code."""
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        found = _FENCE.match(line)
        if fence is not None:
            if found and found.group(1) == fence:
                fence = None
        elif found:
            fence = found.group(1)
        else:
            yield index, line


def _outside_code(lines, start):
    """(line number, the line less its code spans) of each line from index `start` that
    is not in fenced code."""
    for index, line in lines_outside_fenced_code(lines, start):
        yield index + 1, _CODE_SPAN.sub("", line)
