"""Pelican adapters: FAQ pages become questions with ids and answers; /faq/ lists them all.

The work is in faq.py (pure functions); these handlers only fetch what it needs from
Pelican and hand back what it found.
"""

from itertools import chain
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from content_messages import report_problems

from .faq import CONTENTS_ID, INTRO_END_MARKER, read_faq

DEFAULTS = {
    "FAQ_PAGES_INDEX_SAVE_AS": "faq/index.html",  # "" turns the index off
    "FAQ_PAGES_INDEX_URL": "faq/",
    "FAQ_PAGES_INDEX_TEMPLATE": "faq_index",
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


class FaqView:
    """What templates see as `page.faq`: the questions, the JSON-LD, and the page's
    content cut where the introduction ends (so links in it are already resolved)."""

    contents_id = CONTENTS_ID

    def __init__(self, page, faq):
        self._page = page
        self.questions = faq.questions
        self.json_ld = Markup(faq.json_ld) if faq.questions else ""

    @property
    def intro(self):
        return Markup(self._page.content.partition(INTRO_END_MARKER)[0])

    @property
    def answers(self):
        return Markup(self._page.content.partition(INTRO_END_MARKER)[2])


def is_faq_page(page):
    return getattr(page, "content_type", None) == "faq"


def all_pages(generator):
    return chain(
        generator.pages, generator.hidden_pages, generator.draft_pages,
        generator.translations, generator.hidden_translations, generator.draft_translations,
    )


def prepare_faq_page(page):
    if hasattr(page, "faq"):
        return  # already done (a page can be listed twice, e.g. as a translation)
    source = Path(page.source_path).read_text(encoding="utf-8")
    faq = read_faq(page._content, source)
    report_problems(page.source_path, faq.problems)
    page._content = faq.html
    _forget_rendered_content(page)
    page.faq = FaqView(page, faq)


def _forget_rendered_content(page):
    """Pelican memoizes `page.content`; if anything read it before us, read it afresh."""
    cache = page.get_content.cache
    for key in [key for key in cache if key and key[0] is page]:
        del cache[key]


def prepare_faq_pages(generator):
    for page in all_pages(generator):
        if is_faq_page(page):
            prepare_faq_page(page)


def write_faq_index(generator, writer):
    settings = generator.settings
    save_as = setting(settings, "FAQ_PAGES_INDEX_SAVE_AS")
    faq_pages = sorted(
        (page for page in generator.pages if is_faq_page(page)),
        key=lambda page: page.title.casefold(),
    )
    if not save_as or not faq_pages:
        return  # a site without FAQ pages gets no empty FAQ index
    writer.write_file(
        save_as,
        generator.get_template(setting(settings, "FAQ_PAGES_INDEX_TEMPLATE")),
        generator.context,
        relative_urls=settings["RELATIVE_URLS"],
        url=setting(settings, "FAQ_PAGES_INDEX_URL"),
        faq_pages=faq_pages,
    )


def register():
    # page_generator_finalized: every page has been read (and labelled "faq" by
    # content_types) but none rendered, so the content can still be rewritten.
    signals.page_generator_finalized.connect(prepare_faq_pages)
    # page_writer_finalized: FAQ pages are written; the index goes out with them,
    # through Pelican's writer, so it gets the same context and lands in the sitemap.
    signals.page_writer_finalized.connect(write_faq_index)
