"""Content checks: every problem of a build in one report, for the person who made it.

Thin adapters between Pelican's signals and the pure checks in front_matter.py (one
file, before Pelican reads it), site_checks.py (across items) and body.py (one item's
HTML, once the site is written). Problems go to site_core's report, printed at the end.
"""

import dataclasses
import functools
import os
import re
from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from site_core import (
    ERROR, WARNING, BuildState, Problem, connect_after_plugins, connect_when_site_is_written,
    content_type_of, leave_out, report, shown_path,
)
from site_core.clock import build_now
from site_core.fields import SUMMARY_MAX
from site_core.pelican_compat import (
    EMPTY_ALT, UNABLE_TO_FIND, HoldsFileNameErrors, claim_pelican_warning, html_as_written,
    leave_unwritten,
)

from .body import ids_in, scan_body
from .front_matter import check_source
from .site_checks import (
    broken_links, duplicate_decision_numbers, duplicate_urls, output_exists, tag_variants,
    unresolved_links,
)

DEFAULTS = {
    "CONTENT_CHECKS_LINKS": True,  # check links, images and anchors in the output
    "CONTENT_CHECKS_SUMMARY_MAX": SUMMARY_MAX,
    # pages other plugins write, which no item may take the place of
    "CONTENT_CHECKS_RESERVED_SAVE_AS": [
        "districts/index.html", "contact/index.html", "faq/index.html",
    ],
}
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")


@dataclass
class Build:
    items: list = field(default_factory=list)  # every article and page read, for finalized


_build = BuildState(lambda settings: Build())


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


# --- Before reading: one file at a time ------------------------------------------

def file_checker(settings):
    """check_file(full_path) for the files one reader reads: what they share is worked
    out once here (the time now, template folders, the file-name pattern)."""
    content_dir = settings["PATH"]
    filename_pattern = re.compile(settings.get("FILENAME_METADATA") or r"(?!)")
    options = dict(
        now=build_now(settings),
        content_dir=content_dir,
        template_dirs=[os.path.join(settings.get("THEME", ""), "templates"),
                       *settings.get("THEME_TEMPLATES_OVERRIDES", [])],
        summary_max=setting(settings, "CONTENT_CHECKS_SUMMARY_MAX"),
        # Unfinished (an empty summary, a line `make new-*` wrote): the preview shows the
        # rest; a build that stops on errors (make publish, make check, CI) refuses it.
        unfinished=ERROR if settings.get("SITE_CORE_FAIL_ON") else WARNING,
    )

    def check_file(full_path):
        """Report the problems of one source file; False if it must be left out."""
        relative = os.path.relpath(full_path, content_dir)
        try:
            with open(full_path, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            report(Problem(f"the file cannot be opened ({error.strerror})",
                           "check that the file exists and that you may read it").at(full_path))
            leave_out(full_path)
            return False
        found = filename_pattern.match(os.path.splitext(os.path.basename(full_path))[0])
        content_type = content_type_of(relative)
        result = check_source(raw, relative, content_type.kind if content_type else None,
                              filename_date=found.groupdict().get("date") if found else None,
                              **options)
        report(*(problem.at(full_path) for problem in result.problems))
        if result.rejected:
            leave_out(full_path)
        return not result.rejected

    return check_file


class ChecksBeforeReading(HoldsFileNameErrors):
    """Mixed into the Markdown reader class: each file is checked from its bytes before
    it is read. A file Pelican could not read without an error of its own (that error
    would be a traceback, not a message with a line and a fix) is read as
    `status: skip`, which Pelican leaves out quietly."""

    _check_file = None

    def read(self, source_path):
        held = self.take_held_file_name_error(source_path)
        if self._check_file is None:
            self._check_file = file_checker(self.settings)
        if not self._check_file(source_path):
            return "", {"status": "skip"}
        if held:  # the file is fine but for its name: Pelican's own error, as it would be
            raise held
        with self.reading_the_file():
            return super().read(source_path)


@functools.cache
def checked_reader(reader_class):
    """`reader_class` with ChecksBeforeReading mixed in (one class per reader class)."""
    return type(f"Checked{reader_class.__name__}", (ChecksBeforeReading, reader_class), {})


def check_markdown_before_reading(readers):
    for extension in MARKDOWN_EXTENSIONS:
        reader_class = readers.reader_classes.get(extension)
        if reader_class and not issubclass(reader_class, ChecksBeforeReading):
            readers.reader_classes[extension] = checked_reader(reader_class)


# --- After reading: across items -------------------------------------------------

def items_of(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            yield from generator.articles + generator.hidden_articles + generator.drafts
        elif isinstance(generator, PagesGenerator):
            yield from generator.pages + generator.hidden_pages + generator.draft_pages


def reserved_save_as(generators, settings):
    reserved = set(setting(settings, "CONTENT_CHECKS_RESERVED_SAVE_AS"))
    for name in settings.get("DIRECT_TEMPLATES", []):
        reserved.add(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            reserved.update(category.save_as for category, _ in generator.categories)
            reserved.update(tag.save_as for tag in generator.tags)
    reserved.add(settings.get("TAGS_SAVE_AS", ""))
    reserved.discard("")
    return reserved


def check_site(generators):
    items = list(items_of(generators))
    (_build.current or _build.start({})).items = items
    if not items:
        return
    settings = items[0].settings
    uses = [(item.source_path, tag.name) for item in items for tag in getattr(item, "tags", [])]
    duplicates, losers = duplicate_urls(
        [(shown_path(item.source_path), item.save_as) for item in items],
        reserved_save_as(generators, settings),
    )
    for item in items:
        if shown_path(item.source_path) in losers:
            leave_unwritten(item)  # writing it would stop Pelican: it would overwrite a page
    report(*tag_variants(uses), *duplicates,
           *duplicate_decision_numbers(list(decision_numbers(items))))


def decision_numbers(items):
    """(path as messages show it, number) of every decision read that has a number."""
    for item in items:
        content_type = content_type_of(item.get_relative_source_path())
        if content_type and content_type.kind == "decision" and "number" in item.metadata:
            yield shown_path(item.source_path), item.metadata["number"]


# --- Once the site is written: bodies and links ------------------------------------

def check_bodies(items, settings):
    """Report the problems in each item's HTML; its links, and its summary's, to files
    that are not in content/; and its links to pages, pictures and anchors that the build
    did not write (when CONTENT_CHECKS_LINKS)."""
    siteurl = settings.get("SITEURL", "")
    output_path = settings["OUTPUT_PATH"]
    exists = output_exists(output_path)
    id_cache = {}

    def ids_of(path):
        """The ids of the page as written: what a reader's browser can jump to."""
        if path not in id_cache:
            written = os.path.join(output_path, path)
            with open(written, encoding="utf-8", errors="replace") as handle:
                id_cache[path] = ids_in(handle.read())
        return id_cache[path]

    for item in items:
        if not item.save_as:
            continue
        # What the writer wrote is judged (an <img> without alt text, a script), and the
        # links of what is published are followed (photos' <picture>, not the original).
        problems = scan_body(html_as_written(item), siteurl)[0]
        links = scan_body(item.content, siteurl)[1]
        problems += unresolved_links(links)
        if "summary" in item.metadata:  # Markdown too: its links are resolved like the body's
            problems += [dataclasses.replace(problem, in_body=False, occurrence=0, key="summary")
                         for problem in unresolved_links(scan_body(item.summary, siteurl)[1])]
        if setting(settings, "CONTENT_CHECKS_LINKS"):
            problems += broken_links(item.url, links, exists, ids_of, siteurl)
        report(*(problem.at(item.source_path) for problem in problems))


def check_written_site(pelican):
    build = _build.current
    check_bodies(build.items if build else [], pelican.settings)


def register():
    # Pelican's own warnings about an image without alt text and a {filename} link to
    # nothing: ours say the same with the line and a fix (check_bodies).
    claim_pelican_warning(EMPTY_ALT)
    claim_pelican_warning(UNABLE_TO_FIND)
    # readers_init: each generator's readers are being made; the Markdown reader then
    # checks every file before reading it, and leaves out one Pelican would fail on.
    # After every plugin's receivers, so that it wraps the reader they chose.
    connect_after_plugins(signals.readers_init, check_markdown_before_reading)
    # all_generators_finalized: every item is read and none written yet, so an item
    # that would overwrite another can still be held back.
    signals.all_generators_finalized.connect(check_site)
    # finalized: every file is written (the sitemap and robots.txt too: this receiver
    # comes after every plugin's), so links can be checked against the output; the
    # report is printed after it.
    connect_when_site_is_written(check_written_site)
