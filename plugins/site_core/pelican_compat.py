"""Every place our plugins depend on upstream code beyond its public signals and settings.

Pelican (and blinker, behind its signals), feedgenerator, pelican-yaml-metadata and
pelican-sitemap are pinned in
requirements.txt. What this module assumes about them (a private method, a log
message's wording, the text another plugin writes) is true of the versions in
`WRITTEN_FOR`; tests/compat/ pins each assumption with a contract test. On an upgrade:
change the pin, run `pytest tests/compat`, mend what fails here, then update
`WRITTEN_FOR`. Until then the build stops with a message saying so.

Everything else in plugins/ uses only public signals, settings and documented APIs.
"""

import contextlib
import copy
import logging
import os
import re
from importlib.metadata import PackageNotFoundError, version

from feedgenerator import Atom1Feed, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator
from pelican.plugins.yaml_metadata import yaml_metadata as _yaml_metadata
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError

from .problems import WARNING, Problem

# Distribution name -> the version whose internals this module was written against.
WRITTEN_FOR = {
    "pelican": "4.12.0",
    "feedgenerator": "2.2.1",
    "pelican-yaml-metadata": "2.2.0",
    "pelican-sitemap": "1.2.2",
    "blinker": "1.9.0",  # Pelican's signals
}


def version_mismatches(installed=None):
    """[(distribution, installed version or None, version written for)] that differ."""
    found = []
    for name, wanted in WRITTEN_FOR.items():
        if installed is not None:
            have = installed.get(name)
        else:
            try:
                have = version(name)
            except PackageNotFoundError:
                have = None
        if have != wanted:
            found.append((name, have, wanted))
    return found


def mismatch_message(mismatches):
    parts = [f"{name} {have or 'is not installed'}" if have is None else f"{name} {have}"
             for name, have, _ in mismatches]
    wanted = ", ".join(f"{name} {want}" for name, _, want in mismatches)
    return (
        f"error: plugins/site_core/pelican_compat.py was written for {wanted}, but this "
        f"environment has {', '.join(parts)}. Fix: install the pinned versions "
        "(rm -rf .venv, then make html), or, when upgrading on purpose, run "
        "`pytest tests/compat`, mend pelican_compat.py and update its WRITTEN_FOR"
    )


# --- Pelican's signals -----------------------------------------------------------------
# No code here, but three assumptions the core is built on: a signal calls its receivers
# in the order they were connected (blinker); `initialized` is sent after every plugin's
# register(), and every plugin is imported before any is registered (after_plugins.py);
# `get_generators` is the first signal of every build (build_state.py).
# Pinned by tests/compat/test_pelican_signals.py.


# --- Pelican's log messages about content ---------------------------------------------
# Warnings Pelican logs about a content file, as (logger name, format string: record.msg).
# A plugin whose own message says the same, with the file, the line and a fix, claims
# the warning (`claim_pelican_warning`), which is then silenced; site_core turns another
# that a writer can mend into one of our messages (`route_pelican_warnings`).
EMPTY_ALT = ("pelican.readers", "Empty alt attribute for image %s in %s")
UNABLE_TO_FIND = ("pelican.contents", "Unable to find '%s', skipping url replacement.")
FILENAME_FOR_STATIC = ("pelican.contents",
                       "{filename} used for linking to static content %s in %s. Use {static} instead")


def _filename_for_static(linked, relative_source):
    return Problem(f'the link to "{linked}" starts with {{filename}}, which is for pages',
                   f"write {{static}} instead of {{filename}} for pictures and other files: "
                   f"{{static}}/{linked.lstrip('/')}", WARNING, path=relative_source,
                   text=linked, in_body=True)


# (logger, format) -> a function of the record's args giving a Problem whose path is
# relative to the content folder.
PELICAN_WARNINGS_WE_REWORD = {FILENAME_FOR_STATIC: _filename_for_static}


class _RouteWarnings(logging.Filter):
    def __init__(self, logger_name):
        super().__init__()
        self.logger_name = logger_name
        self.claimed = set()
        self.reworded = {}
        self.report_relative = None

    def filter(self, record):
        if record.msg in self.claimed:
            return False
        make = self.reworded.get(record.msg)
        if make is None or self.report_relative is None:
            return True
        self.report_relative(make(*record.args))
        return False


def _route(logger_name):
    logger = logging.getLogger(logger_name)
    found = next((f for f in logger.filters if isinstance(f, _RouteWarnings)), None)
    if found is None:
        found = _RouteWarnings(logger_name)
        logger.addFilter(found)
    return found


def claim_pelican_warning(warning):
    """Silence Pelican's `warning` (logger name, format): the caller reports it better."""
    logger_name, message = warning
    _route(logger_name).claimed.add(message)


def route_pelican_warnings(report_relative):
    """Turn the Pelican warnings in PELICAN_WARNINGS_WE_REWORD into problems, given to
    `report_relative(problem)` with a path relative to the content folder."""
    for (logger_name, message), make in PELICAN_WARNINGS_WE_REWORD.items():
        route = _route(logger_name)
        route.reworded[message] = make
        route.report_relative = report_relative


# --- Pelican: its closing line ----------------------------------------------------------
# Pelican 4.12 ends each build with `console.print("Done: Processed 17 articles, 0
# drafts, 0 hidden articles, ...")` (pelican/__init__.py, Pelican.run, right after the
# finalized signal), on the Rich console of pelican.log. Writers read our report's
# summary instead; those counts mean nothing to them. There is no setting for it: the
# console's print drops that one line, once. Pinned by tests/compat/test_done_line.py.

_DONE_LINE = "Done: Processed "


def drop_pelican_done_line():
    """Leave out the next "Done: Processed ..." line Pelican prints (this build's)."""
    from pelican.log import console

    printing = type(console).print

    def print_unless_done(*objects, **options):
        if objects and isinstance(objects[0], str) and objects[0].startswith(_DONE_LINE):
            del console.print  # once: back to the console's own print
            return None
        return printing(console, *objects, **options)

    console.print = print_unless_done


# --- Pelican: an item's HTML -----------------------------------------------------------
# Pelican has no public way to change an item's HTML after reading it. Content objects
# keep it in `_content`, and `content` is a memoized property over it (pelican.utils
# memoized, cache on `get_content.cache`, keyed by (content, siteurl)). On
# content_object_init the HTML is there and nothing has read `content` yet.
# Pinned by tests/compat/test_pelican_content.py.

def content_html(content):
    """The HTML of an article or page as read, before Pelican's link replacement."""
    return content._content


def html_as_written(content):
    """The HTML Markdown made of the writer's text, before any plugin rewrote it (photos
    turns <img> into <picture>, faq_pages adds its sections); links not yet replaced."""
    return getattr(content, "_html_as_written", content._content)


def replace_summary(content, text):
    """Give an article or page a new summary, and forget the one Pelican may have worked
    out already (get_summary is memoized like get_content). Pelican keeps it twice:
    `refresh_metadata_intersite_links()` writes the private `_summary` back over
    metadata["summary"] after every article is read."""
    content.metadata["summary"] = text
    content._summary = text
    cache = getattr(content.get_summary, "cache", None)
    if cache:
        for key in [key for key in cache if key and key[0] is content]:
            del cache[key]


def replace_content_html(content, html):
    """Give an article or page new HTML, and forget any `content` worked out from the old.
    The HTML as the writer wrote it is kept for html_as_written()."""
    if not hasattr(content, "_html_as_written"):
        content._html_as_written = content._content
    content._content = html
    cache = getattr(content.get_content, "cache", None)
    if cache:
        for key in [key for key in cache if key and key[0] is content]:
            del cache[key]


# --- feedgenerator: what Pelican's feeds leave out ------------------------------------
# Pelican's Writer makes every feed an Atom1Feed or an Rss201rev2Feed (in its private
# `_create_new_feed`; no setting names another class), sends it to `feed_generated`, then
# calls write() on that same object. The feeds plugin says what it wants in the feed's
# public dict `feed.feed`: "stylesheets" (feedgenerator's own key) and three of ours,
# "icon" (Atom <icon>), "image" (RSS channel <image>) and "updated_if_empty" (the date
# of a feed with no items). feedgenerator 2.2.1 writes "stylesheets" only in RSS
# (Atom1Feed.write never calls add_stylesheets), writes no icon or image, and dates a
# feed with no items "now" (latest_post_date). The two classes below add exactly that;
# `write_feed_extras(feed)` gives them to a feed Pelican has built, in place.
# Pinned by tests/compat/test_feedgenerator.py.


class _FeedExtras:
    def latest_post_date(self):
        if not self.items and self.feed.get("updated_if_empty"):
            return self.feed["updated_if_empty"]
        return super().latest_post_date()


class SiteAtomFeed(_FeedExtras, Atom1Feed):
    def write(self, outfile, encoding):
        # Atom1Feed.write, plus the stylesheets, which must come before the root element.
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_stylesheets(self, handler):
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", str(stylesheet))

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("icon"):
            handler.addQuickElement("icon", self.feed["icon"])


class SiteRssFeed(_FeedExtras, Rss201rev2Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("image"):
            handler.startElement("image", {})
            handler.addQuickElement("url", self.feed["image"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")


_SITE_FEED_CLASSES = {Atom1Feed: SiteAtomFeed, Rss201rev2Feed: SiteRssFeed}


def write_feed_extras(feed):
    """Make `feed` (as Pelican built it) also write the stylesheets, icon, image and
    empty-feed date in `feed.feed`. Its class is swapped in place: Pelican writes the
    very object it sent to `feed_generated`, so a new one would never be written."""
    site_class = _SITE_FEED_CLASSES.get(type(feed))
    if site_class is not None:
        feed.__class__ = site_class
    return feed


# --- pelican-yaml-metadata: front matter ------------------------------------------------
# fast_markdown reads Markdown as pelican-yaml-metadata's reader (YAMLMetadataReader)
# does, only faster, and content_checks tells front matter from body the same way. What
# they rely on, beyond the reader's public read(), is here; pinned by
# tests/compat/test_yaml_metadata.py.


# The reader's test for YAML front matter. `fullmatch` on the whole file gives the
# groups "metadata" (the YAML) and "content" (the Markdown body); a file it does not
# match is read with Pelican's own "Title: ..." header instead.
YAML_HEADER_RE = _yaml_metadata.HEADER_RE


def yaml_reader_markdown_settings(settings):
    """The Markdown options the reader converts bodies and formatted fields with: the
    site's MARKDOWN without the `meta` extension (the YAML is the metadata)."""
    options = copy.deepcopy(settings["MARKDOWN"])
    with contextlib.suppress(KeyError, ValueError):
        options["extensions"].remove("markdown.extensions.meta")
    return options


def yaml_formatted_field_texts(front_matter, formatted_fields):
    """The Markdown texts the reader converts for the formatted fields (FORMATTED_FIELDS,
    e.g. summary) of the parsed YAML `front_matter`: a list is joined by new lines.
    fast_markdown's workers convert these ahead; should the reader ask for another
    text, that one is only converted again, never wrong."""
    texts = []
    for name, value in front_matter.items() if isinstance(front_matter, dict) else ():
        if value is None or str(name).lower() not in formatted_fields:
            continue
        if isinstance(value, list):
            texts.append("\n".join(item for item in value if item is not None))
        else:
            texts.append(str(value))
    return texts


class _Converter:
    """Stands in for the reader's Markdown object: `reset().convert(text)`."""

    def __init__(self, convert):
        self._convert = convert

    def reset(self):
        return self

    def convert(self, text):
        return self._convert(text)


def yaml_reader_metadata(reader, front_matter, source_path, convert):
    """Pelican metadata from the parsed YAML `front_matter` (a dict), exactly as the
    YAMLMetadataReader `reader` makes it (tags, authors, dates, slug, status, ...), with
    formatted fields turned into HTML by `convert(markdown_text)`.

    There is no public way: this calls the reader's `_parse_yaml_metadata(meta,
    source_path)`, which converts formatted fields with `self._md.reset().convert(text)`,
    with `_md` swapped for `convert` meanwhile.
    """
    markdown = reader._md
    reader._md = _Converter(convert)
    try:
        return reader._parse_yaml_metadata(front_matter, source_path)
    finally:
        reader._md = markdown


# --- pelican-sitemap: finishing its sitemap.xml -----------------------------------------
# pelican-sitemap 1.2.2 has four settings (format, exclude, priorities, changefreqs) and
# no hook. On `finalized` it writes sitemap.xml, one entry per page Pelican wrote, each
# in this layout (its XML_URL): "\n<url>\n<loc>{SITEURL}/{path}</loc>\n<lastmod>...".
# None of its settings gives what the site's sitemap needs:
# - absolute addresses: <loc> is "/about/" when SITEURL is "" (a preview build);
# - no build time posing as a date: a page written without an article or page in its
#   context (a list, a redirect page) gets the time of the build as <lastmod>, with no
#   zone ("-00:00"); content dates always carry an offset, because TIMEZONE is set;
# - no page that asks not to be indexed: `exclude` holds patterns fixed in the
#   settings, and the only other test is the content's `status` or `private`, which a
#   redirect page written for a moved item does not have.
# `finish_sitemap` makes those three changes to the text, entry by entry.
# Pinned by tests/compat/test_sitemap.py.


_SITEMAP_ENTRY = re.compile(r"\n?<url>\n<loc>([^<]*)</loc>.*?</url>\n?", re.DOTALL)
_SITEMAP_RELATIVE_LOC = re.compile(r"<loc>/")
_SITEMAP_BUILD_TIME_LASTMOD = re.compile(r"<lastmod>[^<]*-00:00</lastmod>\n")


def finish_sitemap(xml, base_url, is_noindex=lambda loc: False):
    """pelican-sitemap's `xml` with absolute URLs on `base_url`, no build-time dates, and
    no entry for which `is_noindex(loc)` is true (`loc` as pelican-sitemap wrote it)."""
    xml = _SITEMAP_ENTRY.sub(lambda entry: "" if is_noindex(entry.group(1)) else entry.group(0), xml)
    xml = _SITEMAP_RELATIVE_LOC.sub(f"<loc>{base_url.rstrip('/')}/", xml)
    return _SITEMAP_BUILD_TIME_LASTMOD.sub("", xml)


# --- Pelican: where an item is written -------------------------------------------------
# An item's `url:` and `save_as:` metadata are kept on content objects as the attributes
# `override_url` and `override_save_as`, which `url` and `save_as` return before working
# anything out from the URL settings. An empty save_as is not written
# (Writer.write_file returns on an empty name). Setting them after reading is how
# content_types places FAQ pages, frozen_urls stores each URL once, and content_checks
# holds back the second of two items at one address. Pinned by
# tests/compat/test_pelican_content.py and tests/compat/test_content_checks.py.

def place_at(content, url, save_as=None):
    """Give the article or page `content` the `url` (and `save_as`), as its metadata would."""
    content.override_url = url
    if save_as is not None:
        content.override_save_as = save_as


def has_own_url(content):
    """Whether the item's URL was set by its metadata or by place_at."""
    return hasattr(content, "override_url")


def leave_unwritten(content):
    """Make Pelican skip writing the article or page `content`, as `save_as: ""` would."""
    content.override_save_as = ""


# --- Pelican's Writer: pages rendered elsewhere (parallel_pages) ------------------------
# Writer.write_file renders `template.render(localcontext)` (localcontext["output_file"]
# is the page's path in the output), opens the file with the private `_open_w`, writes
# it and sends `content_written`. `_open_w` keeps the files written (`_written_files`,
# `_overridden_files`) to refuse a second write, or skip it when one had
# override_output. A writer whose pages another process renders keeps that record the
# same way and writes nowhere. Writer.write_feed(elements, context, path, ...) builds the
# feed, sends `feed_generated`, writes it through `_open_w` and sends `feed_written`
# (path, context, feed); a feed written elsewhere sends only `feed_written`, with
# feed=None. Pinned by tests/compat/test_pelican_writer.py.

class WritesNothingFor:
    """Mixin for a pelican.writers.Writer: `skips(output_file)` says which pages it
    neither renders nor writes (another process does); everything else is Pelican's."""

    def skips(self, output_file):  # noqa: ARG002 - for subclasses
        return False

    _writing_page = False

    def write_file(self, name, template, context, *args, **kwargs):
        self._writing_page = True  # (feeds go through _open_w too, from write_feed)
        try:
            return super().write_file(name, _RenderUnlessSkipped(template, self.skips),
                                      context, *args, **kwargs)
        finally:
            self._writing_page = False

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        if not (path and self.skips(path)):
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        # Written elsewhere: recorded and announced as Pelican would, but not made.
        complete_path = sanitised_join(self.output_path, path)
        self._note_written_elsewhere(complete_path, override_output)
        signals.feed_written.send(complete_path, context=context, feed=None)
        return None

    def _open_w(self, filename, encoding, override=False):
        if not (self._writing_page and self.skips(os.path.relpath(filename, self.output_path))):
            return super()._open_w(filename, encoding, override)
        self._note_written_elsewhere(filename, override)
        return open(os.devnull, "w", encoding=encoding)

    def _note_written_elsewhere(self, filename, override):
        """Pelican's own checks, and its record, for a file written elsewhere."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
        elif filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)


class _RenderUnlessSkipped:
    def __init__(self, template, skips):
        self.template, self.skips = template, skips

    def render(self, localcontext):
        return "" if self.skips(localcontext["output_file"]) else self.template.render(localcontext)


# --- Pelican: metadata from a file's name, read before the file (content_checks) -------
# Readers.read_file makes the reader process the metadata in the file's path (the date
# of "2017-13-45-x.md", through BaseReader.process_metadata) before it calls the
# reader's read(). A bad date there raises before any check of the file could run.
# A reader with this mixin holds such an error until its read() has looked at the file.
# Pinned by tests/compat/test_content_checks.py.

class HoldsFileNameErrors:
    _reading_file = False  # inside read(): the file's own metadata, raised as usual
    _held = None  # (the value, its error), met in the file's path before read()

    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except Exception as error:  # noqa: BLE001 - read() raises it, unless the file is left out
            if self._reading_file or value in self.settings.get("DEFAULT_METADATA", {}).values():
                raise
            self._held = (str(value), error)
            return value

    def take_held_file_name_error(self, source_path):
        """The error met in the name of the file at `source_path`, if any (then forgotten)."""
        held, self._held = self._held, None
        return held[1] if held and held[0] in source_path else None  # not a cached file's

    @contextlib.contextmanager
    def reading_the_file(self):
        self._reading_file = True
        try:
            yield
        finally:
            self._reading_file = False
