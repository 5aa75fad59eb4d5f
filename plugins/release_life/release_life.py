"""The life of a release after it is written: scheduled, corrected, withdrawn, removed.

Scheduled: an article or page dated later than the build's "now" (site_core.clock) is held back
from everything the build makes: its page, a drafts/ copy, feeds, the home page, topic,
district and contact lists, the sitemap, the search index and the URL list. It is left
out of Pelican's lists before any of them is made, so nothing downstream has to know.
The build says what it held back and when each goes live.

Corrected, withdrawn, removed (life.py reads the front matter): a correction makes the
item's `modified` date, which the page, its feed entry, the sitemap and JSON-LD all show,
and its note leads the feed entry. A withdrawn item keeps its page, marked, `noindex`,
out of the search index and the home page. A removed item keeps only its address: its
title, text, summary, topics and picture are replaced by a notice before anything is
made from them, and it is written as a hidden page, in no list or feed.
"""

import sys
from dataclasses import dataclass, field

from markupsafe import escape
from pelican import signals
from site_core import BuildState, content_type_of, report, shown_path
from site_core.clock import build_now, is_scheduled, site_zone
from site_core.text import day_text
from site_core.pelican_compat import replace_content_html, replace_summary

from .life import read_life
from .pre_election import register_pre_election


@dataclass
class Build:
    now: object
    held_back: list = field(default_factory=list)  # the scheduled items, for the report


_build = BuildState(lambda settings: Build(now=build_now(settings)))

ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations",
              "draft_pages", "draft_translations")


def hold_back(generator, lists):
    """Remove scheduled items from the generator's lists, in place: the context holds
    the same list objects, so templates and other plugins never see them."""
    state = _build.current
    for name in lists:
        items = getattr(generator, name, None)
        if not isinstance(items, list):
            continue
        scheduled = [item for item in items if is_scheduled(item, state.now)]
        for item in scheduled:
            items.remove(item)
            state.held_back.append(item)


def hold_back_articles(generator):
    hold_back(generator, ARTICLE_LISTS)
    move_removed(generator, "articles", "hidden_articles")


def move_removed(generator, listed, hidden):
    """A removed item is still written (its address answers with the notice), as a
    hidden one: in no list, feed or index."""
    items = getattr(generator, listed)
    for item in [item for item in items if getattr(item, "life", None) and item.life.removed]:
        items.remove(item)
        getattr(generator, hidden).append(item)


def read_the_life(item):
    """Read one item's life from its front matter, report its mistakes, and give the
    item what templates, feeds and the sitemap read: life, modified, noindex, feed_notice."""
    if content_type_of(getattr(item, "relative_source_path", "") or "") is None:
        return
    life, problems = read_life(item.metadata, getattr(item, "date", None),
                               _build.current.now, site_zone(item.settings))
    report(*(problem.at(item.source_path) for problem in problems))
    item.life = life
    latest = max((d for d in (life.updated, life.withdrawn) if d), default=None)
    if latest and (getattr(item, "modified", None) is None or latest > item.modified):
        item.modified = latest
    if life.removed:
        remove_text(item, life)
    elif life.withdrawn:
        item.noindex = True
        item.feed_notice = (f"<p><strong>Withdrawn on {day_text(life.withdrawn)}:</strong> "
                            f"{escape(life.withdrawn_reason)}</p>")
    elif life.changes:
        latest_change = life.changes[-1]
        item.feed_notice = (f"<p><strong>Updated {day_text(latest_change.date)}:</strong> "
                            f"{escape(latest_change.note)}</p>")


def remove_text(item, life):
    """Nothing of a removed item's words may reach any page, feed or index."""
    notice = f"This page was removed on {day_text(life.removed)}."
    item.title = "Page removed"
    replace_summary(item, notice)
    for key in ("tags", "districts", "image", "image_alt", "visits"):
        item.metadata.pop(key, None)
        if hasattr(item, key):
            setattr(item, key, [] if key in ("tags", "districts", "visits") else None)
    item.noindex = True
    replace_content_html(item, f"<p>{escape(notice)} {escape(life.removed_reason)}</p>")


def hold_back_pages(generator):
    hold_back(generator, PAGE_LISTS)
    move_removed(generator, "pages", "hidden_pages")


def going_live_text(item):
    return f"{item.date:%-d %B %Y at %H:%M}"


def say_what_is_scheduled(pelican):
    state = _build.current
    if state is None:
        return
    # Printed beside the report of problems (stderr), as news for the writer, not a problem.
    for item in sorted(state.held_back, key=lambda item: item.date):
        print(f"Scheduled, not published by this build: {shown_path(item.source_path)} "
              f"goes live on {going_live_text(item)}", file=sys.stderr, flush=True)


def register():
    # article_generator_pretaxonomy: after Pelican has read every article and before it
    # files them under categories, tags and dates; everything else is made from those.
    signals.article_generator_pretaxonomy.connect(hold_back_articles)
    # content_object_init: each release's life is read once, as it is made, before
    # any list, feed or template reads its dates, title or text.
    signals.content_object_init.connect(read_the_life)
    # page_generator_finalized: pages are written later, from the same lists.
    signals.page_generator_finalized.connect(hold_back_pages)
    # finalized: once, at the end, where the writer reads the build's summary.
    signals.finalized.connect(say_what_is_scheduled)
    register_pre_election()  # its notice and its check: pre_election.py
