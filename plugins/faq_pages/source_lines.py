"""Where the questions are in the Markdown source, so that a message can name the line.

The HTML has lost its line numbers; the Markdown has them. A second-level heading in
Markdown is either "## Question?" (ATX) or a line underlined with dashes (setext).
Lines inside YAML front matter and fenced code blocks are not headings.
"""

import re

ATX_H2 = re.compile(r"^ {0,3}##(?:[ \t]+|$)(?!#)")
SETEXT_H2_UNDERLINE = re.compile(r"^ {0,3}-+[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
FRONT_MATTER_END = ("---", "...")
# A list item or heading above a line of dashes: the dashes are a rule, not an underline.
NOT_A_PARAGRAPH = re.compile(r"^ {0,3}([-*+]|\d+[.)])(\s|$)|^ {0,3}#")


def body_start(lines):
    """Index of the first line after the YAML front matter (0 if there is none)."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in FRONT_MATTER_END:
                return index + 1
    return 0


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
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and _closes(fence_match.group(1), fence):
                fence = None
        elif fence_match:
            fence = fence_match.group(1)
        elif ATX_H2.match(line):
            found.append(index + 1)
        elif SETEXT_H2_UNDERLINE.match(line) and _is_setext_heading(lines, index - 1, start):
            found.append(index)  # the heading is the line above its underline, index - 1
    return found


def _closes(marker, fence):
    return marker[0] == fence[0] and len(marker) >= len(fence)


def _is_setext_heading(lines, index, start):
    """Whether `lines[index]` is a one-line paragraph, which a dash underline makes an <h2>."""
    if index < start or not lines[index].strip():
        return False
    if index > start and lines[index - 1].strip():
        return False  # the last line of a longer paragraph: not a heading we can place
    return not NOT_A_PARAGRAPH.match(lines[index])
