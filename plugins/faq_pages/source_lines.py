"""Where the questions are in the Markdown source, so that a message can name the line.

The HTML has lost its line numbers; the Markdown has them. A second-level heading is
either "## Question?" (ATX) or a line underlined with dashes (setext). The rules are
Python-Markdown's, which builds the HTML: "#" and the dashes start at the margin, and
"##Question?" needs no space. Lines in YAML front matter and fenced code are not headings.
"""

import re

from site_core import front_matter_span, lines_outside_fenced_code

ATX_H2 = re.compile(r"^##(?!#)")
SETEXT_H2_UNDERLINE = re.compile(r"^-+ *$")


def body_start(lines):
    """Index of the first line after the YAML front matter (0 if there is none)."""
    span = front_matter_span(lines)
    return span[1] + 1 if span else 0


def first_body_line(source):
    """The line number (from 1) of the first non-blank line after the front matter."""
    lines = source.splitlines()
    start = body_start(lines)
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index + 1
    return start + 1 if start < len(lines) else max(len(lines), 1)


def question_lines(source):
    """Line numbers (from 1) of the second-level headings of a Markdown document."""
    lines = source.splitlines()
    start = body_start(lines)
    found = []
    for index, line in lines_outside_fenced_code(lines, start):
        if ATX_H2.match(line):
            found.append(index + 1)
        elif SETEXT_H2_UNDERLINE.match(line) and _is_setext_heading(lines, index - 1, start):
            found.append(index)  # the heading is the line above its underline, index - 1
    return found


def _is_setext_heading(lines, index, start):
    """Whether `lines[index]`, above a line of dashes, is what the dashes make an <h2>:
    the first line of a block, and not itself a "#" heading (then the dashes are a rule)."""
    if index < start or not lines[index].strip() or lines[index].startswith("#"):
        return False
    return index == start or not lines[index - 1].strip()
