"""Pelican adapters: FAQ pages become questions with ids and answers; /faq/ lists them all.

The work is in faq.py (pure functions); these handlers only fetch what it needs from
Pelican and hand back what it found.
"""

from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.contents import Page

from site_core import BY_KIND, content_type_of, pelican_compat, report

from .faq import CONTENTS_ID, INTRO_END_MARKER, read_faq

DEFAULTS = {
    "FAQ_PAGES_INDEX_SAVE_AS": "faq/index.html",  # "" turns the index off
    "FAQ_PAGES_INDEX_TEMPLATE": "faq_index",
}
FAQ = BY_KIND["faq"]


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


def is_faq_page(content):
    """Whether `content` is an FAQ page: a page in the FAQ folder. Told from its path, so
    it is known as the page is made, whether or not content_types has labelled it yet."""
    return isinstance(content, Page) and content_type_of(
        content.get_relative_source_path()) == FAQ


def prepare_faq_page(content):
    if not is_faq_page(content):
        return
    source = Path(content.source_path).read_text(encoding="utf-8")
    faq = read_faq(pelican_compat.content_html(content), source)
    report(*(problem.at(content.source_path) for problem in faq.problems))
    pelican_compat.replace_content_html(content, faq.html)
    content.faq = FaqView(content, faq)


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
        faq_pages=faq_pages,
    )


def register():
    # content_object_init: each page, as it is made and before anything reads its
    # `content`, so the new HTML is the only HTML anyone sees.
    signals.content_object_init.connect(prepare_faq_page)
    # page_writer_finalized: FAQ pages are written; the index goes out with them,
    # through Pelican's writer, so it gets the same context and lands in the sitemap.
    signals.page_writer_finalized.connect(write_faq_index)
