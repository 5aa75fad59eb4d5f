"""Checks of one content file's bytes and front matter, before Pelican reads it.

Pure functions: `check_source(...)` takes the file's bytes and returns the problems
it found and whether the file must be left out of the build. A file is left out
when Pelican could not read it without an error of its own (bad encoding, broken
YAML, an unparseable date, ...): under `--fatal errors` Pelican stops at its first
error, before our report could name the file and say how to fix it.
"""

import datetime
import difflib
import os
import re
from dataclasses import dataclass, field

import yaml
from pelican.utils import get_date

from content_messages import ERROR, WARNING, Problem

try:
    from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE
except ImportError:  # the same pattern, should the plugin move it
    HEADER_RE = re.compile(r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)",
                           re.MULTILINE | re.DOTALL)

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

COMMON_KEYS = ("title", "date", "modified", "summary", "slug", "redirect_from", "status")
ARTICLE_KEYS = COMMON_KEYS + ("tags", "districts", "image", "image_alt")
ALLOWED_KEYS = {
    "news": ARTICLE_KEYS,
    "district-day": ARTICLE_KEYS + ("district", "visits"),
    "faq": COMMON_KEYS,
    "page": COMMON_KEYS + ("template",),
}
TYPE_NAMES = {"news": "press releases", "district-day": "District Day reports",
              "faq": "FAQ pages", "page": "site pages"}
DATED_TYPES = ("news", "district-day")  # Pelican articles: a date is required
# Keys Pelican itself acts on (where a page is written, its language, ...):
# set by mistake they can stop the build, so a file using one is left out.
PELICAN_KEYS = {"save_as", "url", "category", "author", "authors", "lang",
                "translation", "path", "template"}
STATUSES = ("published", "draft", "hidden")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCALAR_TYPES = (str, int, float)


@dataclass
class SourceCheck:
    problems: list = field(default_factory=list)
    rejected: bool = False  # the file must be left out of the build
    metadata: dict = field(default_factory=dict)

    def add(self, line, what, fix, level=ERROR, reject=False):
        self.problems.append(Problem(line, what, fix, level))
        self.rejected = self.rejected or reject


def did_you_mean(word, choices):
    matches = difflib.get_close_matches(str(word).lower(), list(choices), n=1, cutoff=0.75)
    return f' (did you mean "{matches[0]}"?)' if matches else ""


def parse_date(value):
    """The date Pelican would read from a front-matter value; ValueError if none."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):  # YAML has read it already: no parsing needed
        return datetime.datetime(value.year, value.month, value.day)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            pass  # Pelican's parser decides, as it will in the build
    if not isinstance(value, SCALAR_TYPES) or isinstance(value, bool):
        raise ValueError(value)
    return get_date(str(value).strip().replace("_", " "))


def check_source(raw, relative_path, content_type, now, content_dir=None,
                 template_dirs=(), summary_max=300, filename_date=None):
    """Problems with the file whose bytes are `raw`.

    `relative_path` is relative to content/; `now` an aware datetime; `content_dir`
    (to find `image:` files) and `template_dirs` are optional; `filename_date` is the
    date given by the file name (2017-05-24-...), if any.
    """
    result = SourceCheck()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        result.add(line, "the file is not saved as UTF-8 text "
                   f"(byte 0x{raw[error.start]:02x} cannot be read)",
                   "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and "
                   "retype any character that then looks wrong", reject=True)
        return result
    text = text.lstrip("\ufeff")
    match = HEADER_RE.fullmatch(text)
    if not match:
        _no_front_matter(text, result)
        return result
    first_line = text[: match.start("metadata")].count("\n") + 1  # the opening ---
    metadata = _load_yaml(match.group("metadata"), first_line, result)
    if metadata is None:
        return result
    result.metadata = metadata
    lines = _key_lines(match.group("metadata"), first_line)
    _check_keys(metadata, lines, content_type, result)
    _check_title(metadata, lines, result)
    _check_dates(metadata, lines, content_type, now, filename_date, result)
    _check_summary(metadata, lines, summary_max, result)
    _check_tags(metadata, lines, result)
    _check_image(metadata, lines, content_dir, result)
    _check_status_slug_template(metadata, lines, template_dirs, result)
    return result


def _no_front_matter(text, result):
    if text.lstrip().startswith("---"):
        line = text[: text.index("---")].count("\n") + 1
        result.add(line, "the front matter that starts here is never closed",
                   'end it with a line of three dashes "---" before the text begins',
                   reject=True)
    else:
        result.add(1, "the file has no front matter",
                   'start it with a line "---", then "title: ...", "date: ...", '
                   '"summary: ..." on lines of their own, then another "---" line',
                   reject=True)


def _load_yaml(text, first_line, result):
    try:
        metadata = yaml.load(text, Loader=SafeLoader)
    except Exception as error:  # noqa: BLE001 - PyYAML also raises ValueError, e.g. for 2017-13-45
        # An unclosed [ or " is noticed lines later: its start is the line to mend.
        context = getattr(error, "context", None) or ""
        marks = (("context_mark", "problem_mark") if context.startswith(("while parsing a flow",
                 "while scanning a quoted")) else ("problem_mark", "context_mark"))
        mark = next((getattr(error, m) for m in marks if getattr(error, m, None)), None)
        bad_date = None if mark else _bad_date_line(text)
        if bad_date:
            offset, key, value = bad_date
            result.add(first_line + offset, f'{key} "{value}" is not a date',
                       f"write it as year-month-day, for example {key}: 2017-05-24",
                       reject=True)
            return None
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or f"a value cannot be read ({error})"
        result.add(line, f"the front matter cannot be read: {problem}",
                   'check this line: each line is "key: value"; put a value that '
                   'contains a colon, # or starts with [ or " inside double quotes',
                   reject=True)
        return None
    if not isinstance(metadata, dict):
        result.add(first_line, "the front matter is not a list of \"key: value\" lines",
                   'write one "key: value" per line between the two "---" lines',
                   reject=True)
        return None
    for key in metadata:
        if not isinstance(key, str):
            result.add(first_line, f"front-matter key {key!r} is not a word",
                       'write keys as words such as "title:"; put a value in quotes '
                       "if it is not a key", reject=True)
    return metadata


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


def _key_lines(text, first_line):
    lines = {}
    for offset, line in enumerate(text.split("\n")):
        found = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if found:
            lines.setdefault(found.group(1).lower(), first_line + offset)
    return lines


def _check_keys(metadata, lines, content_type, result):
    allowed = ALLOWED_KEYS.get(content_type)
    if allowed is None:
        return
    for key in metadata:
        if not isinstance(key, str) or key.lower() in allowed:
            continue
        name = key.lower()
        others = [kind for kind, keys in ALLOWED_KEYS.items() if name in keys]
        if others:
            what = (f'"{key}" is not used in {TYPE_NAMES[content_type]} '
                    f"(only in {' and '.join(TYPE_NAMES[k] for k in others)})")
            fix = f'remove the "{key}:" line'
        else:
            what = f'"{key}" is not a front-matter key, so its value is ignored'
            fix = (f'correct the key{did_you_mean(name, allowed)} or remove the line; '
                   f"keys for {TYPE_NAMES[content_type]}: {', '.join(allowed)}")
        result.add(lines.get(name), what, fix, reject=name in PELICAN_KEYS)


def _check_title(metadata, lines, result):
    title = metadata.get("title")
    if "title" not in metadata:
        result.add(1, "the title is missing",
                   'add a line "title: ..." to the front matter', reject=True)
    elif title is None or (isinstance(title, str) and not title.strip()):
        result.add(lines.get("title"), "the title is empty",
                   'write the headline after "title:"', reject=True)
    elif not isinstance(title, SCALAR_TYPES) or isinstance(title, bool):
        result.add(lines.get("title"), "the title is not plain text",
                   'put the whole title in double quotes: title: "..."', reject=True)


def _check_dates(metadata, lines, content_type, now, filename_date, result):
    for key in ("date", "modified"):
        value = metadata.get(key)
        if value is None:
            continue
        try:
            date = parse_date(value)
        except (ValueError, OverflowError):
            result.add(lines.get(key), f'{key} "{value}" is not a date',
                       f"write it as year-month-day, for example {key}: "
                       f"{now:%Y-%m-%d}", reject=True)
            continue
        if date.tzinfo is None:
            date = date.replace(tzinfo=now.tzinfo)
        if key == "date" and date > now and str(metadata.get("status")).strip() != "draft":
            result.add(lines.get(key), f"date {date:%Y-%m-%d} is in the future, "
                       "so the page would be published before that day",
                       "correct the date, or keep the file out of the site until "
                       "that day (an embargo)")
    if filename_date:
        try:
            parse_date(filename_date)
        except (ValueError, OverflowError):
            result.add(1, f'the file name starts with "{filename_date}", which is not a date',
                       "rename the file so that it starts with year-month-day, for "
                       f"example {now:%Y-%m-%d}-short-title.md", reject=True)
    if metadata.get("date") is None and content_type in DATED_TYPES and not filename_date:
        line = lines.get("date", 1)
        result.add(line, "the date is missing",
                   f'add a line "date: {now:%Y-%m-%d}" (year-month-day) to the '
                   "front matter", reject=True)


def _check_summary(metadata, lines, summary_max, result):
    summary = metadata.get("summary")
    if summary is None or (isinstance(summary, str) and not summary.strip()):
        result.add(lines.get("summary", 1), "the summary is missing or empty",
                   'add "summary: ..." with one or two sentences; lists, feeds and '
                   "search results show it", level=WARNING)
    elif not isinstance(summary, SCALAR_TYPES) or isinstance(summary, bool):
        result.add(lines.get("summary"), "the summary is not plain text",
                   'put the whole summary in double quotes: summary: "..."', reject=True)
    elif len(str(summary)) > summary_max:
        result.add(lines.get("summary"), f"the summary is {len(str(summary))} "
                   f"characters long, more than {summary_max}",
                   f"shorten it to {summary_max} characters or fewer (one or two "
                   "sentences); search results and feeds cut it off", level=WARNING)


def _check_tags(metadata, lines, result):
    tags = metadata.get("tags")
    if tags is None:
        return
    for tag in tags if isinstance(tags, list) else [tags]:
        if tag is None:
            continue
        if not isinstance(tag, SCALAR_TYPES) or isinstance(tag, bool):
            result.add(lines.get("tags"), f"the tag {tag!r} is not a word or phrase",
                       "write tags as a list of words: tags: [Victims, Hate crime]",
                       reject=True)
        elif not re.search(r"\w", str(tag)):
            result.add(lines.get("tags"), f'the tag "{tag}" has no letters or numbers',
                       "remove it or write the topic in words", reject=True)


def _check_image(metadata, lines, content_dir, result):
    image = metadata.get("image")
    if image is None:
        return
    alt = metadata.get("image_alt")
    if alt is None or not str(alt).strip():
        result.add(lines.get("image"), f'the image "{image}" has no image_alt',
                   'add "image_alt: ..." describing what the picture shows, for people '
                   "who cannot see it")
    if content_dir and isinstance(image, str):
        path = re.sub(r"^\{(static|attach)\}", "", image).lstrip("/")
        if not os.path.isfile(os.path.join(content_dir, path)):
            result.add(lines.get("image"), f'the image "{image}" does not exist',
                       "put the picture in content/images/ and write its path from "
                       "there, for example image: images/2017/photo.jpg")


def _check_status_slug_template(metadata, lines, template_dirs, result):
    status = metadata.get("status")
    if status is not None and str(status).strip() not in STATUSES:
        result.add(lines.get("status"), f'status "{status}" is not one we use',
                   f"use {', '.join(STATUSES)}{did_you_mean(status, STATUSES)}",
                   reject=True)
    slug = metadata.get("slug")
    if slug is not None and not SLUG_RE.match(str(slug).strip()):
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(slug).lower()).strip("-")
        result.add(lines.get("slug"), f'slug "{slug}" is not lower-case words '
                   "joined by hyphens",
                   f'write it as "{suggestion or "a-few-words"}" (it becomes part of '
                   "the address, which must never change once published)",
                   reject=True)
    template = metadata.get("template")
    if template is not None and template_dirs and not any(
        os.path.isfile(os.path.join(folder, f"{template}.html")) for folder in template_dirs
    ):
        result.add(lines.get("template"), f'template "{template}" does not exist',
                   'remove the "template:" line to use the normal page layout',
                   reject=True)
