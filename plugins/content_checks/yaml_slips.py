"""Front-matter slips explained in a writer's words.

PyYAML's own messages ("mapping values are not allowed here", "found character '\\t'
that cannot start any token") name neither the slip nor its fix. Two kinds of slip:

- `explain_error`: the front matter cannot be read at all, and the line PyYAML stopped
  at shows why: a tab, curly quotation marks pasted from a word processor, a colon and
  a space inside a value, a quotation mark or a "[" never closed, a line that is not
  "key: value".
- `quiet_slips`: it can be read, but not as the writer meant: a value inside curly
  quotation marks (they would show on the page), a " #" that cuts a value short, a list
  written on one line without brackets, a key in capitals. (`visits:` on one line is
  district_days' to say.)

Each is (what, fix, line index in the front matter, level) for front_matter.py to report.
"""

import re

from site_core import ERROR, WARNING
from site_core.dates import not_a_date, parse_date

CURLY = "“”‘’"
KEY_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
# Keys whose value is a list; written on one line, it needs brackets.
LIST_KEYS = ("tags", "districts", "redirect_from")
LABELS = {"title": "the title", "summary": "the summary", "image_alt": "the image_alt",
          "tags": "the tags", "districts": "the districts", "visits": "the visits"}


def label(key):
    return LABELS.get(key, f'the value of "{key}"')


def quoted(text):
    """`text` as a front-matter value inside straight quotation marks."""
    if '"' in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\") + '"'


def _marks(value):
    """The curly quotation marks around (or in) a value, as the writer typed them."""
    found = [mark for mark in value if mark in CURLY]
    return " ".join(dict.fromkeys(found))


def _unwrapped(value):
    return value.strip().strip(CURLY + "\"'").strip()


# A value may not start with these unquoted: YAML reads them as its own signs (a list,
# a reference, a tag, a block of text, ...), or refuses them.
RESERVED_STARTS = "[{@`%&*!|>"
NO_SPACE_AFTER_COLON = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/].*)$")


def explain_error(lines, index, problem, context):
    """(what, fix, index) for the front matter `lines` that PyYAML could not read, having
    stopped at lines[index] with `problem` (and `context`, where it started); None if
    the slip is none of ours."""
    problem, context = problem or "", context or ""
    for at in ([index] if 0 <= index < len(lines) else []) + list(range(len(lines))):
        if "\t" in lines[at]:
            return ("this line holds a tab character, which the front matter cannot read",
                    "replace the tab with spaces (indent list items with two spaces)", at)
    if not 0 <= index < len(lines):
        return None
    for at in range(index + 1):  # PyYAML notices a missing space at a later line
        glued = NO_SPACE_AFTER_COLON.match(lines[at])
        if glued:
            key, value = glued.group("key"), glued.group("value")
            return (f'there is no space after the colon of "{key}:"',
                    f"write a space after the colon: {key}: {value}", at)
    line = lines[index]
    item = re.match(r"^(\s*)-(\S.*)$", line)
    if item and not line.lstrip().startswith("---"):
        return ('a list item needs a space after its "-"',
                f"write it as: {item.group(1) or '  '}- {item.group(2)}", index)
    key_line = KEY_LINE.match(line)
    key = key_line.group("key") if key_line else None
    value = (key_line.group("value") or "").strip() if key_line else ""
    if key and key_line.group("indent") and index and KEY_LINE.match(lines[index - 1]) and \
            problem.startswith("mapping values are not allowed"):
        return (f'the line "{key}:" starts with spaces, so it is read as part of the line above',
                f"start it at the beginning of the line: {key}: {value}", index)
    if not key:
        if problem.startswith("could not find expected ':'") or line.strip():
            return ('this line is not "key: value"',
                    "start it with a key and a colon (title: ...), or, if it continues the "
                    "line above, join the two lines", index)
        return None
    # (’ inside a word is an apostrophe: "Commissioner’s")
    if any(mark in value for mark in "“”") or value.startswith("‘"):
        return (f"{label(key)} is inside curly quotation marks ({_marks(value)}), which the "
                "front matter does not read as quotation marks",
                f"use straight double quotes (\"), as here: {key}: {quoted(_unwrapped(value))}",
                index)
    if value[:1] in "\"'":
        mark = value[0]
        inner = value[1:]
        if context.startswith("while scanning a quoted scalar") or mark not in inner:
            return (f"the quotation mark that opens {label(key)} is never closed",
                    f"end the value with {mark} as well, on the same line: "
                    f"{key}: {quoted(_unwrapped(value))}", index)
        return (f"{label(key)} starts with a quotation mark ({mark}), so the next one ends it "
                "before the end of the line",
                f"put the value inside the other kind of quotation marks: {key}: "
                f"{quoted(_unwrapped(value)) if mark == chr(39) else chr(39) + _unwrapped(value).replace(chr(39), chr(39) * 2) + chr(39)}",
                index)
    if value[:1] == "[" and key in LIST_KEYS and context.startswith("while parsing a flow"):
        return (f"the \"[\" that opens {label(key)} is never closed",
                f"end the list with \"]\" on the same line, as here: "
                f"{key}: [{value.lstrip('[').strip()}]", index)
    if value[:1] and value[0] in RESERVED_STARTS:
        return (f'{label(key)} starts with "{value[0]}", which the front matter reads as a '
                "sign of its own, not as text",
                f"put the whole value inside double quotes: {key}: {quoted(value)}", index)
    if problem.startswith("mapping values are not allowed") and (": " in value
                                                                  or value.endswith(":")):
        where = 'contains ": " (a colon and a space)' if ": " in value else "ends with a colon"
        return (f"{label(key)} {where}, which the front matter reads as the start of "
                "another key",
                f"put the whole value inside double quotes: {key}: {quoted(value)}", index)
    return None


DATE_KEYS = ("date", "modified", "withdrawn", "removed")


def line_slips(lines, skip, example):
    """(what, fix, index) of the date and list slips on the simple `key: value` lines of
    front matter that cannot be read as a whole (its first slip, at `skip`, is said
    already), so that a file with several mistakes gets them all at once."""
    found = []
    for index, line in enumerate(lines):
        key_line = KEY_LINE.match(line)
        if index == skip or not key_line or key_line.group("indent"):
            continue
        key, value = key_line.group("key").lower(), (key_line.group("value") or "").strip()
        if key in DATE_KEYS and value:
            written = value.strip("\"'")
            try:
                parse_date(written)
            except (ValueError, OverflowError):
                found.append((*not_a_date(f'{key} "{written}"', written, f"{key}: ", example),
                              index))
        elif key in LIST_KEYS and "," in value and value[:1] not in "[\"'":
            found.append((f"{label(key)} are written on one line without brackets, so they "
                          "are read as one",
                          f"put them inside brackets: {key}: [{value}]", index))
    return found


def quiet_slips(lines, metadata):
    """(what, fix, index, level) of each slip in front matter that could be read."""
    found, seen_keys = [], set()
    for index, line in enumerate(lines):
        key_line = KEY_LINE.match(line)
        if not key_line or key_line.group("indent"):
            continue  # a list item or a correction's own line
        key, value = key_line.group("key"), (key_line.group("value") or "").strip()
        if key.lower() in seen_keys:
            found.append((f'the key "{key}" is written a second time here: only this line '
                          "counts, the one above is ignored", "keep one of the two lines",
                          index, ERROR))
        seen_keys.add(key.lower())
        if value[:1] in ("&", "!") and len(value) > 1:  # read without an error, but not as text
            found.append((f'{label(key.lower())} starts with "{value[0]}", which the front '
                          "matter reads as a sign of its own: the first word is left out",
                          f"put the whole value inside double quotes: {key.lower()}: "
                          f"{quoted(value)}", index, ERROR))
        if key != key.lower():
            found.append((f'the key "{key}" is written with capitals',
                          f"write it in lower case: {key.lower()}:", index, WARNING))
        name = key.lower()
        if len(value) > 1 and value[0] in CURLY and value[-1] in CURLY:
            found.append((f"{label(name)} is inside curly quotation marks ({_marks(value)}), "
                          "which would show on the page",
                          f"use straight double quotes (\"), as here: {name}: "
                          f"{quoted(_unwrapped(value))}", index, ERROR))
        cut = re.search(r"\s#(?!\s*style:)", value)
        if cut and value[:1] not in "\"'[{|>" and name not in ("tags", "districts"):
            found.append((f'{label(name)} stops before "{value[cut.start():].strip()}": a " #" '
                          "starts a note that is left out",
                          f"put the whole value inside double quotes: {name}: {quoted(value)}",
                          index, WARNING))
        listed = metadata.get(key)
        if name in LIST_KEYS and isinstance(listed, str) and "," in listed:
            found.append((f"{label(name)} are written on one line without brackets, so they "
                          "are read as one",
                          f"put them inside brackets: {name}: [{listed.strip()}]", index, ERROR))
    return found
