"""Checks of one content file's bytes and front matter, before Pelican reads it.

Pure functions: `check_source(...)` takes the file's bytes and returns the problems
it found and whether the file must be left out of the build. A file is left out
when Pelican could not read it without an error of its own (bad encoding, broken
YAML, an unparseable date, ...): Pelican's error would name neither the line nor a
fix, and could stop the build with a traceback.
"""

import datetime
import os
import re
from dataclasses import dataclass, field

import yaml

from site_core import (
    BY_KIND, CONTENT_TYPES, ERROR, WARNING, Problem, close_matches, did_you_mean, slugify,
)
from site_core.dates import not_a_date, parse_date
from site_core.fields import PLACEHOLDERS, SLUG_PATTERN, STATUSES, SUMMARY_MAX, fields_of
from site_core.pelican_compat import YAML_HEADER_RE

from . import yaml_slips

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Keys Pelican itself acts on (where a page is written, its language, ...):
# set by mistake they can stop the build, so a file using one is left out.
PELICAN_KEYS = {"save_as", "url", "category", "author", "authors", "lang",
                "translation", "path", "template"}
SLUG_RE = re.compile(SLUG_PATTERN)
EXAMPLE_DAY = datetime.date(2017, 5, 24)  # shown in a fix where the front matter has no day
SCALAR_TYPES = (str, int, float)


@dataclass
class SourceCheck:
    problems: list = field(default_factory=list)  # site_core Problems, without a path
    rejected: bool = False  # the file must be left out of the build
    metadata: dict = field(default_factory=dict)

    def add(self, what, fix, level=ERROR, *, reject=False, **where):
        """Add a problem; `where` is Problem's line=, key=, text=."""
        self.problems.append(Problem(what, fix, level, **where))
        self.rejected = self.rejected or reject


def check_source(raw, relative_path, kind, now, content_dir=None,
                 template_dirs=(), summary_max=SUMMARY_MAX, filename_date=None,
                 unfinished=WARNING):
    """Problems with the file whose bytes are `raw`.

    `relative_path` is relative to content/; `kind` the kind of item its folder makes
    (site_core's content types: "news", "faq", ...; None for another folder); `now` an
    aware datetime; `content_dir` (to find `image:` files) and `template_dirs` are
    optional; `filename_date` is the date given by the file name (2017-05-24-...), if any.
    `unfinished` is the level of what says a file is not finished (an empty summary, a
    line `make new-*` wrote for the writer to replace): a warning in a preview, an error
    when publishing.
    """
    content_type = BY_KIND.get(kind)
    result = SourceCheck()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        result.add("the file is not saved as UTF-8 text "
                   f"(byte 0x{raw[error.start]:02x} cannot be read)",
                   "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and "
                   "retype any character that then looks wrong",
                   reject=True, line=raw[: error.start].count(b"\n") + 1)
        return result
    text = text.lstrip("\ufeff")
    match = YAML_HEADER_RE.fullmatch(text)
    if not match:
        _no_front_matter(text, result)
        return result
    first_line = text[: match.start("metadata")].count("\n") + 1  # the opening ---
    metadata = _load_yaml(match.group("metadata"), first_line, result)
    if metadata is None:
        return result
    result.metadata = metadata
    _check_keys(metadata, content_type, result)
    _check_title(metadata, result)
    _check_dates(metadata, content_type, now, filename_date, result)
    _check_summary(metadata, summary_max, result, unfinished)
    _check_required(metadata, content_type, result, unfinished)
    _check_placeholders(match, text, metadata, result, unfinished)
    _check_tags(metadata, result)
    _check_image(metadata, content_dir, result)
    _check_status_slug_template(metadata, template_dirs, result)
    _check_markup(metadata, result)
    return result


def _no_front_matter(text, result):
    if text.lstrip().startswith("---"):
        result.add("the front matter that starts here is never closed",
                   'end it with a line of three dashes "---" before the text begins',
                   reject=True, line=text[: text.index("---")].count("\n") + 1)
    else:
        result.add("the file has no front matter",
                   'start it with a line "---", then "title: ...", "date: ...", '
                   '"summary: ..." on lines of their own, then another "---" line',
                   reject=True, line=1)


def _load_yaml(text, first_line, result):
    try:
        metadata = yaml.load(text, Loader=SafeLoader)
    except Exception as error:  # noqa: BLE001 - PyYAML also raises ValueError, e.g. for 2017-13-45
        # An unclosed [ or " is noticed lines later: its start is the line to mend.
        context = getattr(error, "context", None) or ""
        # So is a line without a colon, which PyYAML finds out at the next line's.
        marks = (("context_mark", "problem_mark") if context.startswith(("while parsing a flow",
                 "while scanning a quoted", "while scanning a simple key"))
                 else ("problem_mark", "context_mark"))
        mark = next((getattr(error, m) for m in marks if getattr(error, m, None)), None)
        bad_date = None if mark else _bad_date_line(text)
        if bad_date:
            offset, key, value = bad_date
            result.add(*not_a_date(f'{key} "{value}"', value, f"{key}: ", EXAMPLE_DAY),
                       reject=True, line=first_line + offset)
            return None
        problem = getattr(error, "problem", None)
        lines = text.split("\n")
        explained = yaml_slips.explain_error(lines, mark.line if mark else -1, problem, context)
        # Other slips on lines of their own: every mistake at once, not one a build.
        others = yaml_slips.line_slips(lines, explained[2] if explained else
                                       (mark.line if mark else -1), EXAMPLE_DAY)
        for what, fix, offset in others:
            result.add(what, fix, reject=True, line=first_line + offset)
        if explained:
            what, fix, offset = explained
            result.add(what, fix, reject=True, line=first_line + offset)
            return None
        # A slip of no kind we know: the reader's own words, after ours.
        result.add(f"the front matter cannot be read from this line on (the reader says: "
                   f"{problem or error})",
                   'check this line: each line is "key: value"; put a value that '
                   'contains ": " or " #", or starts with [ or ", inside double quotes',
                   reject=True, line=first_line + mark.line if mark else first_line)
        return None
    if not isinstance(metadata, dict):
        result.add("the front matter is not a list of \"key: value\" lines",
                   'write one "key: value" per line between the two "---" lines',
                   reject=True, line=first_line)
        return None
    for key in metadata:
        if not isinstance(key, str):
            result.add(f"front-matter key {key!r} is not a word",
                       'write keys as words such as "title:"; put a value in quotes '
                       "if it is not a key", reject=True, line=first_line)
    for what, fix, offset, level in yaml_slips.quiet_slips(text.split("\n"), metadata):
        result.add(what, fix, level, reject=level == ERROR, line=first_line + offset)
    # Pelican reads keys in lower case ("Title:" is the title); so do the checks.
    return {key.lower() if isinstance(key, str) else key: value
            for key, value in metadata.items()}


def _bad_date_line(text):
    """(offset, key, value) of a date-like value PyYAML could not convert, or None."""
    for offset, line in enumerate(text.split("\n")):
        found = re.match(r"\s*([\w-]+)\s*:\s*(\d{4}-\d{1,2}-\d{1,2}\S*)", line)
        if found:
            try:
                yaml.load(line, Loader=SafeLoader)
            except Exception:  # noqa: BLE001
                return offset, found.group(1), found.group(2)
    return None


def _check_keys(metadata, content_type, result):
    if content_type is None:
        return
    allowed = content_type.keys
    for key in metadata:
        if not isinstance(key, str) or key.lower() in allowed:
            continue
        name = key.lower()
        others = [other.plural for other in CONTENT_TYPES if name in other.keys]
        if others:
            what = (f'"{key}" is not used in {content_type.plural} '
                    f"(only in {_and_list(others)})")
            fix = f'remove the "{key}:" line'
        else:
            what = f'"{key}" is not a front-matter key, so its value is ignored'
            fix = (f"correct the key{did_you_mean(close_matches(name, allowed))} or remove "
                   f"the line; keys for {content_type.plural}: {', '.join(allowed)}")
        result.add(what, fix, reject=name in PELICAN_KEYS, key=key)


def _and_list(words):
    """"a", "a and b", "a, b and c"."""
    return " and ".join(filter(None, [", ".join(words[:-1]), words[-1]]))


def _check_title(metadata, result):
    title = metadata.get("title")
    if "title" not in metadata:
        result.add("the title is missing",
                   'add a line "title: ..." to the front matter', reject=True, key="title")
    elif title is None or (isinstance(title, str) and not title.strip()):
        result.add("the title is empty",
                   'write the headline after "title:"', reject=True, key="title")
    elif not isinstance(title, SCALAR_TYPES) or isinstance(title, bool):
        result.add("the title is not plain text",
                   'put the whole title in double quotes: title: "..."', reject=True, key="title")


def _check_dates(metadata, content_type, now, filename_date, result):
    for key in ("date", "modified"):
        value = metadata.get(key)
        if value is None:
            continue
        # (a date in the future is no mistake: it schedules the item, plugins/release_life)
        try:
            parse_date(value)
        except (ValueError, OverflowError):
            result.add(*not_a_date(f'{key} "{value}"', value, f"{key}: ", now),
                       reject=True, key=key)
    file_day = None
    if filename_date:
        try:
            file_day = parse_date(filename_date).date()
        except (ValueError, OverflowError):  # about the file's name: no line to point at
            result.add(f'the file name starts with "{filename_date}", which is not a date',
                       "rename the file so that it starts with year-month-day, for "
                       f"example {now:%Y-%m-%d}-short-title.md", reject=True)
    try:
        day = parse_date(metadata["date"]).date() if "date" in metadata else None
    except (ValueError, OverflowError, TypeError):
        day = None
    if file_day and day and file_day != day:
        result.add(f"the file name starts with {file_day:%Y-%m-%d} but the date is "
                   f"{day:%Y-%m-%d}",
                   f"make them the same day: write date: {file_day:%Y-%m-%d} if that is "
                   f"the day, or rename the file to start with {day:%Y-%m-%d}",
                   WARNING, key="date")
    dated = content_type is not None and content_type.dated
    if metadata.get("date") is None and dated and not filename_date:
        result.add("the date is missing",
                   f'add a line "date: {now:%Y-%m-%d}" (year-month-day) to the '
                   "front matter", reject=True, key="date")


def _check_summary(metadata, summary_max, result, unfinished=WARNING):
    summary = metadata.get("summary")
    if summary is None or (isinstance(summary, str) and not summary.strip()):
        result.add("the summary is missing or empty",
                   'add "summary: ..." with one or two sentences; lists, feeds and '
                   "search results show it", unfinished, key="summary")
    elif not isinstance(summary, SCALAR_TYPES) or isinstance(summary, bool):
        result.add("the summary is not plain text",
                   'put the whole summary in double quotes: summary: "..."',
                   reject=True, key="summary")
    elif len(str(summary)) > summary_max:
        result.add(f"the summary is {len(str(summary))} characters long, more than "
                   f"{summary_max}", f"shorten it to {summary_max} characters or fewer "
                   "(one or two sentences); search results and feeds cut it off",
                   WARNING, key="summary")


# Required keys with checks of their own: here above (title, date, summary) and in
# plugins/district_days (district, visits).
REQUIRED_CHECKED_ELSEWHERE = {"title", "date", "summary", "district", "visits"}


def _check_required(metadata, content_type, result, unfinished=WARNING):
    """The other keys site_core's front-matter table marks required (a decision's
    `number:` and `decision:`): missing is an error; empty, as `make new-*` leaves them,
    is unfinished."""
    if content_type is None:
        return
    for field in fields_of(content_type):
        if not field.required or field.key in REQUIRED_CHECKED_ELSEWHERE:
            continue
        name = field.label[0].lower() + field.label[1:]
        about = field.hint[0].lower() + field.hint[1:].rstrip(".")
        value = metadata.get(field.key)
        if field.key not in metadata:
            result.add(f"the {name} is missing",
                       f'add a line "{field.key}: ..." to the front matter: {about}',
                       key=field.key)
        elif value is None or (isinstance(value, str) and not value.strip()):
            result.add(f"the {name} is empty", f'write it after "{field.key}:": {about}',
                       unfinished, key=field.key)
        elif field.kind in ("text", "paragraph") and (
                not isinstance(value, SCALAR_TYPES) or isinstance(value, bool)):
            result.add(f"the {name} is not plain text",
                       f'put the whole value in double quotes: {field.key}: "..."',
                       key=field.key)


def _check_placeholders(match, text, metadata, result, level):
    """The lines `make new-*` starts a file with, still there: unfinished."""
    body_start = text[: match.start("content")].count("\n") + 1
    sentences = set(PLACEHOLDERS.values())
    for offset, line in enumerate(match.group("content").split("\n")):
        written = line.strip().lstrip("#").strip()
        if written in sentences:
            result.add(f'this line is still the one the new file started with: "{written}"',
                       "replace it with your own words (or remove it)", level,
                       line=body_start + offset)
    visits = metadata.get("visits")
    if isinstance(visits, list) and PLACEHOLDERS["visit"] in visits:
        result.add("the visits still hold the line the new file started with",
                   f'replace "{PLACEHOLDERS["visit"]}" with the places and groups visited, '
                   "one a line", level, key="visits", text=PLACEHOLDERS["visit"])


def _check_tags(metadata, result):
    tags = metadata.get("tags")
    if tags is None:
        return
    for tag in tags if isinstance(tags, list) else [tags]:
        if tag is None:
            continue
        if not isinstance(tag, SCALAR_TYPES) or isinstance(tag, bool):
            result.add(f"the tag {tag!r} is not a word or phrase",
                       "write tags as a list of words: tags: [Victims, Hate crime]",
                       reject=True, key="tags")
        elif not re.search(r"\w", str(tag)):
            result.add(f'the tag "{tag}" has no letters or numbers',
                       "remove it or write the topic in words", reject=True, key="tags")


def _check_image(metadata, content_dir, result):
    image = metadata.get("image")
    if image is None:
        return
    alt = metadata.get("image_alt")
    if alt is None or not str(alt).strip():
        result.add(f'the image "{image}" has no image_alt',
                   'add "image_alt: ..." describing what the picture shows, for people '
                   'who cannot see it ("image_alt: decorative" if it only decorates the page)',
                   key="image")
    if content_dir and isinstance(image, str):
        path = re.sub(r"^\{(static|attach)\}", "", image).lstrip("/")
        if not os.path.isfile(os.path.join(content_dir, path)):
            result.add(f'the image "{image}" does not exist',
                       "put the picture in content/images/ and write its path from "
                       "there, for example image: images/2017/photo.jpg", key="image")


def _check_status_slug_template(metadata, template_dirs, result):
    status = metadata.get("status")
    if status is not None and str(status).strip() not in STATUSES:
        result.add(f'status "{status}" is not one we use',
                   f"use {', '.join(STATUSES)}{did_you_mean(close_matches(status, STATUSES))}",
                   reject=True, key="status")
    slug = metadata.get("slug")
    if slug is not None and not SLUG_RE.match(str(slug).strip()):
        result.add(f'slug "{slug}" is not lower-case words joined by hyphens',
                   f'write it as "{slugify(slug) or "a-few-words"}" (it becomes part of '
                   "the address, which must never change once published)",
                   reject=True, key="slug")
    template = metadata.get("template")
    if template is not None and template_dirs and not any(
        os.path.isfile(os.path.join(folder, f"{template}.html")) for folder in template_dirs
    ):
        result.add(f'template "{template}" does not exist',
                   'remove the "template:" line to use the normal page layout',
                   reject=True, key="template")


# Front-matter text is shown as text (the theme escapes it), so HTML typed there would
# show as code, e.g. a headline reading "<b>New</b> fund".
MARKUP_RE = re.compile(r"<(?:[A-Za-z][\w:-]*|/[A-Za-z][\w:-]*|!--)[^<>]*>?")
# (A district with HTML in it is not one of the districts: district_days says so.)
TEXT_FIELDS = {"title": "title", "summary": "summary", "image_alt": "image_alt",
               "tags": "tag", "visits": "visit", "number": "decision number",
               "decision": "decision", "cost": "cost"}


def _check_markup(metadata, result):
    for key, label in TEXT_FIELDS.items():
        value = metadata.get(key)
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            found = MARKUP_RE.search(text)
            if found:
                shown = ("lists, feeds and search results would leave out" if key == "summary"
                         else "the site would show as typed")
                result.add(f'the {label} "{text}" contains HTML code ({found.group()}), which '
                           f"{shown}",
                           f"write the {label} as plain words, without anything between < and >; "
                           "for emphasis or links, use the text of the page instead",
                           key=key, text=found.group())
