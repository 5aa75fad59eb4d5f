"""Work out each article's and page's URL once, just before Pelican writes the site.

Pelican recomputes `url` every time a template or plugin asks for it: it copies the
metadata, works out the source path and formats the URL pattern. On this site that
happens about thirteen times per article (its page, lists, feeds, sitemap, JSON-LD)
and cost about 7% of a build. Once every generator has read its content and every
plugin has adjusted it, the URL no longer changes, so it is stored as if the item's
`url:` metadata had given it (site_core.pelican_compat.place_at). `save_as` is left alone:
Pelican lets an item with `override_save_as` overwrite another page without a word.
"""

from pelican import signals

from site_core import BuildState
from site_core.pelican_compat import has_own_url, place_at

# Where Pelican's article and page generators keep their content, of every status.
CONTENT_LISTS = ["articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages",
                 "draft_translations"]

# The generators of the build under way, kept from all_generators_finalized to get_writer.
_generators = BuildState(lambda settings: [])


def items_of(generators):
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item


def freeze_urls(generators):
    """Store every item's URL as it is now; items with an `override_url` keep it."""
    for item in items_of(generators):
        if not has_own_url(item):
            place_at(item, item.url)


def remember_generators(generators):
    _generators.current[:] = generators


def freeze_before_writing(_pelican):
    freeze_urls(_generators.current)


def register():
    # all_generators_finalized: every item is read; keep the generators until writing.
    signals.all_generators_finalized.connect(remember_generators)
    # get_writer: sent after every all_generators_finalized handler has run and just
    # before the first page is written: the last moment a URL could still change.
    signals.get_writer.connect(freeze_before_writing)
