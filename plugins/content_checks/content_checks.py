"""Content checks: every problem of a build in one report, for the person who made it.

Thin adapters between Pelican's signals and the pure checks in front_matter.py
(one file before Pelican reads it), body.py (one item's HTML) and site_checks.py
(across items). Problems go to content_messages, which prints them at the end.
"""

import datetime
import os
import re
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import SkipStub
from pelican.generators import ArticlesGenerator, PagesGenerator

from content_messages import line_of_key, line_of_text, report, report_problems, shown_path
from content_types.content_types import content_type_for

from .body import ids_in, scan_body
from .front_matter import check_source
from .site_checks import broken_links, duplicate_urls, output_exists, tag_variants

DEFAULTS = {
    "CONTENT_CHECKS_LINKS": True,  # check links, images and anchors in the output
    "CONTENT_CHECKS_SUMMARY_MAX": 300,
    # pages other plugins write, which no item may take the place of
    "CONTENT_CHECKS_RESERVED_SAVE_AS": [
        "districts/index.html", "contact/index.html", "faq/index.html",
    ],
}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def now_in(settings):
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC"))


# --- Before reading: one file at a time ------------------------------------------

def file_checker(content_dir, settings):
    """check_file(full_path) for one generator's files: what they share is worked out
    once here (the time now, template folders, the file-name pattern), not per file."""
    filename_pattern = re.compile(settings.get("FILENAME_METADATA") or r"(?!)")
    options = dict(
        now=now_in(settings),
        content_dir=content_dir,
        template_dirs=[os.path.join(settings.get("THEME", ""), "templates"),
                       *settings.get("THEME_TEMPLATES_OVERRIDES", [])],
        summary_max=setting(settings, "CONTENT_CHECKS_SUMMARY_MAX"),
    )

    def check_file(full_path):
        """Report the problems of one source file; False if it must be left out."""
        relative = os.path.relpath(full_path, content_dir)
        try:
            with open(full_path, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            report(full_path, None, f"the file cannot be opened ({error.strerror})",
                   "check that the file exists and that you may read it")
            return False
        found = filename_pattern.match(os.path.splitext(os.path.basename(full_path))[0])
        result = check_source(raw, relative, content_type_for(relative),
                              filename_date=found.groupdict().get("date") if found else None,
                              **options)
        report_problems(full_path, result.problems)
        return not result.rejected

    return check_file


def guard_reading(generator):
    """Make this generator leave out (quietly, as Pelican's status "skip" does) a
    file that check_file rejects, instead of failing on it."""
    read_file = generator.readers.read_file
    check_file = file_checker(generator.path, generator.settings)

    def checked_read_file(base_path, path, *args, **kwargs):
        full_path = os.path.join(base_path, path)
        if full_path.endswith(MARKDOWN_SUFFIXES) and not check_file(full_path):
            return SkipStub(None, source_path=full_path)
        return read_file(base_path, path, *args, **kwargs)

    generator.readers.read_file = checked_read_file


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
    if not items:
        return
    settings = items[0].settings
    uses = [(item.source_path, tag.name) for item in items for tag in getattr(item, "tags", [])]
    problems = tag_variants(uses)
    duplicates, losers = duplicate_urls(
        [(shown_path(item.source_path), item.save_as) for item in items],
        reserved_save_as(generators, settings),
    )
    for item in items:
        if shown_path(item.source_path) in losers:
            item.override_save_as = ""  # writing it would stop Pelican: it would overwrite a page
    for problem in problems + duplicates:
        report(problem.path, line_for(problem.path, problem.needle), problem.what,
               problem.fix, problem.level)


# --- After writing: bodies and links ------------------------------------------

def line_for(path, needle, siteurl=""):
    if not needle:
        return None
    if needle.endswith(":"):
        return line_of_key(path, needle[:-1])
    for text in (needle, needle[len(siteurl):] if siteurl and needle.startswith(siteurl) else None):
        line = text and line_of_text(path, text)
        if line:
            return line
    return None


def check_bodies(context, output_path):
    settings = context
    siteurl = settings.get("SITEURL", "")
    items = [item for key in ("articles", "hidden_articles", "drafts", "pages",
                              "hidden_pages", "draft_pages")
             for item in context.get(key, [])]
    exists = output_exists(output_path)
    id_cache = {}

    def ids_of(path):
        """The ids of the page as written: what a reader's browser can jump to."""
        if path not in id_cache:
            with open(os.path.join(output_path, path), encoding="utf-8", errors="replace") as handle:
                id_cache[path] = ids_in(handle.read())
        return id_cache[path]

    for item in items:
        if not item.save_as:
            continue
        body_problems, links = scan_body(item.content)
        found = [(p.needle, p.what, p.fix, p.level) for p in body_problems]
        if setting(settings, "CONTENT_CHECKS_LINKS"):
            found += [(p.needle, p.what, p.fix, p.level) for p in
                      broken_links(item.source_path, item.url, links, exists, ids_of, siteurl)]
        for needle, what, fix, level in found:
            report(item.source_path, line_for(item.source_path, needle, siteurl), what, fix, level)


def check_after_static_output(static_generator):
    """Run check_bodies once the static generator, always the last, has written."""
    generate_output = static_generator.generate_output

    def generate_output_then_check(writer):
        generate_output(writer)
        check_bodies(static_generator.context, static_generator.output_path)

    static_generator.generate_output = generate_output_then_check


def register():
    # article/page_generator_init: each generator has its readers but has read
    # nothing yet; a broken file is named and left out instead of stopping Pelican.
    signals.article_generator_init.connect(guard_reading)
    signals.page_generator_init.connect(guard_reading)
    # all_generators_finalized: every item is read and none written yet, so an item
    # that would overwrite another can still be held back.
    signals.all_generators_finalized.connect(check_site)
    # static_generator_init: the static generator always writes last and
    # `finalized` (when the report prints) comes right after it, in no fixed order
    # with other receivers, so the link check runs at the end of its output step.
    signals.static_generator_init.connect(check_after_static_output)
