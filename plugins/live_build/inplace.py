"""A save that changes only the words of one item: its pages written again, nothing more.

Most saves while writing change the text of one release: its title, body or summary.
Nothing else about the site moves: no address changes, no topic, district or photo
comes or goes. For such a save the whole build is not run:

1. the file is read again (with every plugin's `content_object_init` work, as a build
   would), and the new item is compared, attribute by attribute, with the one the last
   build kept. Anything but the title, body or summary different (a date, a tag, a
   phone number linked, a picture, an error found while reading): not this path. Nor
   a new title for an item in a list sorted by title (the FAQ index): such a list is
   made by a plugin while writing, and only the whole build makes it again.
2. the kept item takes the new item's attributes in place, so every list, page and
   plugin that holds it now holds the new words;
3. each page and feed whose last render read an attribute of the item that is now
   different is rendered again, from its own entries noted at its last render and the
   last build's context (rendering.py), and written;
4. the item's body is checked again (content_checks), and the report is the last
   build's with this file's problems replaced.

If any of that finds an error, or cannot be done, the caller runs the whole build
instead, which reports it as every build does. The randomised equivalence test
(tests/live) holds this path to a fresh full build's output, byte for byte.
"""

import datetime
import os
import re

from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from site_core import ERROR
from site_core.messages import Report
from site_core.plugin import current_report, fresh_report, print_report_lines

from .rendering import Shapes, key_of, live_writer

# What a save may change for this path: the title, the body and the summary, and what
# Pelican and site_core derive from them (the body before plugins rewrote it).
WORDS = {"_content", "title", "summary", "_summary", "metadata", "_html_as_written"}
WORDS_IN_METADATA = {"title", "summary"}
_PICTURE_SOURCE = re.compile(r"""\b(?:src|srcset|href)=["']([^"']*)""")


class LastBuild:
    """What the last build that succeeded left: its generators, context and report."""

    def __init__(self, generators, context, settings, problems):
        self.generators = generators
        self.context = context
        self.settings = settings
        self.problems = problems

    def generator_for(self, item):
        kind = ArticlesGenerator if isinstance(item, Article) else PagesGenerator
        return next((g for g in self.generators if isinstance(g, kind)), None)


def only_words_changed(old, new):
    """Whether `new` differs from `old` in its words alone (and its links and pictures
    are the same ones)."""
    shapes = Shapes()
    old_attributes, new_attributes = vars(old), vars(new)
    for name in set(old_attributes) | set(new_attributes):
        if name in WORDS or name in ("_context", "settings"):
            continue
        if name not in new_attributes:
            continue  # set on the kept item after reading (a URL frozen): kept
        if shapes.of(old_attributes.get(name)) != shapes.of(new_attributes[name]):
            return False
    old_metadata = {k: v for k, v in old.metadata.items() if k not in WORDS_IN_METADATA}
    new_metadata = {k: v for k, v in new.metadata.items() if k not in WORDS_IN_METADATA}
    if shapes.of(old_metadata) != shapes.of(new_metadata):
        return False
    return sorted(_PICTURE_SOURCE.findall(old._content or "")) == \
        sorted(_PICTURE_SOURCE.findall(new._content or ""))


def in_a_list_by_title(item, paths, tracer, context):
    """Whether a list made for the pages at `paths` (their own context entries, and the
    build's context they use) holds `item` and is in the order of the titles."""
    seen = set()

    def lists_in(value, depth):
        if id(value) in seen or depth > 3:
            return
        seen.add(id(value))
        if isinstance(value, (list, tuple)):
            if len(value) > 1 and any(element is item for element in value):
                yield value
            for element in value:
                if isinstance(element, (list, tuple, dict)):
                    yield from lists_in(element, depth + 1)
        elif isinstance(value, dict):
            for element in value.values():
                yield from lists_in(element, depth + 1)
        elif hasattr(value, "__dict__") and not isinstance(value, Content):
            yield from lists_in(vars(value), depth + 1)

    for path in paths:
        record = tracer.records.get(path)
        if record is None or record.extras is None:
            continue
        values = [*record.extras.values(), *(context.get(name) for name in record.names)]
        for found in lists_in(values, 0):
            titles = [str(getattr(element, "title", "")) for element in found]
            if titles == sorted(titles) or titles == sorted(titles, key=str.casefold) or \
                    titles == sorted(titles, reverse=True):
                return True
    return False


def shares_its_day(item, context):
    """Whether another article or page has the item's day: a list in the order of the
    dates may break such a tie by the title (district_days sorts by day, then title), so
    a new title may reorder it, even on a page that shows only one of the two."""
    def day(element):
        value = getattr(element, "date", None)
        return value.date() if isinstance(value, datetime.datetime) else value

    mine = day(item)
    return mine is not None and any(
        other is not item and isinstance(other, Content) and day(other) == mine
        for other in context.get("generated_content", {}).values())


def take_words(old, new):
    """The kept item `old` becomes `new`, keeping what later steps of the build set."""
    attributes = vars(old)
    later = {name: value for name, value in attributes.items() if name not in vars(new)}
    attributes.clear()
    attributes.update(vars(new))
    attributes.update(later)
    for name in ("get_content", "get_summary"):  # Pelican's memo of the old words
        cache = Content.__dict__[name].cache
        for arguments in [a for a in cache if a[0] is old or a[0] is new]:
            del cache[arguments]


def edit_in_place(site, path):
    """Apply the save of `path` in place; (written paths, report) or None to build."""
    last, memo, tracer = site.last, site.memo, site.tracer
    absolute = os.path.abspath(path)
    kept = memo.kept.get(absolute)
    if last is None or kept is None or not os.path.isfile(absolute):
        return None
    old = kept.item
    generator = last.generator_for(old)
    if generator is None or not tracer.records:
        return None
    key = key_of(old)
    old_whole = Shapes().whole(old)
    # Problems are found while reading, rendering (Pelican's "unable to find" for a
    # link, routed to the report) and checking: all of them count.
    before = set(fresh_report(last.settings).problems)
    try:
        with memo.installed():
            new = generator.readers.read_file(
                base_path=generator.path, path=os.path.relpath(absolute, generator.path),
                content_class=type(old), context=last.context,
                preread_signal=None, context_signal=None)
    except Exception:  # noqa: BLE001 - the whole build will say what is wrong
        memo.forget(absolute)
        return None
    problems_read = memo.kept[absolute].problems
    if any(problem.level == ERROR for problem in problems_read) or \
            type(new) is not type(old) or not only_words_changed(old, new):
        memo.forget(absolute)
        return None
    readers = tracer.readers_of(key)
    if new.title != old.title and (shares_its_day(old, last.context) or
                                   in_a_list_by_title(old, readers, tracer, last.context)):
        memo.forget(absolute)
        return None
    take_words(old, new)
    memo.kept[absolute].item = old
    if Shapes().whole(old) == old_whole:
        affected = set()
    else:
        affected = {output for output in readers if tracer.reads_changed(output, key)}
    written = write_again(site, affected)
    problems = check_again(site, old, problems_read, before)
    if problems is None:
        return None
    return written, problems


def write_again(site, paths):
    """Render and write again the pages and feeds at `paths` (from their records)."""
    tracer, last = site.tracer, site.last
    writer = live_writer(tracer)(str(site.work), settings=last.settings)
    tracer.start_build()
    tracer.shapes.items.update(tracer.items_now)
    written = []
    for path in sorted(paths):
        record = tracer.records[path]
        if record.feed_call is not None:
            writer.write_feed(*record.feed_call)
        else:
            localcontext = dict(last.context)
            localcontext.update(record.extras)
            output = tracer.render(record.template, localcontext, path, record.extras, again=True)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(output)
        written.append(path)
        site.unsynced.add(path)
    items_now = tracer.items_now
    tracer.finish_build(True, list(tracer.records), few=True)
    tracer.items_now = items_now
    return written


def check_again(site, item, problems_read, before):
    """The last build's problems with this file's replaced; None if there is an error."""
    from content_checks.content_checks import check_bodies  # noqa: PLC0415
    check_bodies([item], site.last.settings)
    report = current_report()
    found = [p for p in report.problems if p not in before and p not in problems_read]
    if any(problem.level == ERROR for problem in (*found, *problems_read)):
        return None
    source = item.source_path
    problems = [p for p in site.last.problems if p.path != source] + problems_read + found
    site.last.problems = problems
    return problems


def print_problems(problems, content_dir):
    """Print the report as site_core prints a build's."""
    report = Report(content_dir=content_dir)
    report.add(*problems)
    print_report_lines(report)
