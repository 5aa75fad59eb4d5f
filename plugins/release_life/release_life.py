"""The life of a release after it is written. This part: scheduled items.

An article or page dated later than the build's "now" (site_core.clock) is held back
from everything the build makes: its page, a drafts/ copy, feeds, the home page, topic,
district and contact lists, the sitemap, the search index and the URL list. It is left
out of Pelican's lists before any of them is made, so nothing downstream has to know.
The build says what it held back and when each goes live.
"""

import sys
from dataclasses import dataclass, field

from pelican import signals
from site_core import BuildState, shown_path
from site_core.clock import build_now, is_scheduled


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


def hold_back_pages(generator):
    hold_back(generator, PAGE_LISTS)


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
    # page_generator_finalized: pages are written later, from the same lists.
    signals.page_generator_finalized.connect(hold_back_pages)
    # finalized: once, at the end, where the writer reads the build's summary.
    signals.finalized.connect(say_what_is_scheduled)
