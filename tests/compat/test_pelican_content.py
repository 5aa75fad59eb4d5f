"""Contract tests: what pelican_compat's "Pelican: an item's HTML" section assumes of
Pelican's content objects. faq_pages (and contact_directory) rewrite an item's HTML as
it is made, on content_object_init; a failure after an upgrade says which assumption no
longer holds."""

import copy
import os

import pytest
from pelican import signals
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from site_core.pelican_compat import content_html, replace_content_html, replace_summary

PATH = os.path.abspath("content")


@pytest.fixture
def settings():
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=PATH, SITEURL="https://example.org", PAGE_URL="{slug}/",
                    PAGE_SAVE_AS="{slug}/index.html")
    return settings


def make_page(settings, html, name="page", context=None):
    context = context if context is not None else {"generated_content": {}, "static_content": {},
                                                     "localsiteurl": settings["SITEURL"]}
    return Page(html, metadata={"title": name.title(), "slug": name}, settings=settings,
                source_path=os.path.join(PATH, "faq", f"{name}.md"), context=context)


@pytest.fixture
def on_init():
    """Connect a content_object_init receiver for one test."""
    connected = []

    def connect(receiver):
        signals.content_object_init.connect(receiver)
        connected.append(receiver)

    yield connect
    for receiver in connected:
        signals.content_object_init.disconnect(receiver)


def test_content_html_is_the_html_as_read(settings):
    assert content_html(make_page(settings, "<p>As read.</p>")) == "<p>As read.</p>"


def test_on_content_object_init_the_html_is_there_and_nothing_has_read_content(settings, on_init):
    seen = []

    def receiver(page):
        seen.append(content_html(page))
        seen.append([key for key in page.get_content.cache if key and key[0] is page])

    on_init(receiver)
    make_page(settings, "<p>As read.</p>")
    assert seen == ["<p>As read.</p>", []]


def test_html_replaced_on_content_object_init_is_all_anyone_sees(settings, on_init):
    on_init(lambda page: replace_content_html(page, "<p>Rewritten.</p>"))
    page = make_page(settings, "<p>As read.</p>")
    assert page.content == "<p>Rewritten.</p>"
    assert page.get_content(settings["SITEURL"]) == "<p>Rewritten.</p>"


def test_replaced_html_is_seen_even_after_content_was_worked_out(settings):
    page = make_page(settings, "<p>As read.</p>")
    assert page.content == "<p>As read.</p>"  # memoized now
    replace_content_html(page, "<p>Rewritten.</p>")
    assert page.content == "<p>Rewritten.</p>"


def test_a_replaced_summary_is_seen_even_after_the_summary_was_worked_out(settings):
    page = make_page(settings, "<p>As read.</p>")
    assert page.summary == "<p>As read.</p>"  # memoized now
    replace_summary(page, "A notice.")
    assert page.summary == "A notice."
    assert page.get_summary(settings["SITEURL"]) == "A notice."
    page.refresh_metadata_intersite_links()  # what Pelican does once every article is read
    assert page.get_summary("https://elsewhere.example") == "A notice."


def test_replacing_one_items_html_leaves_the_others_content(settings):
    first, second = make_page(settings, "<p>One.</p>", "one"), make_page(settings, "<p>Two.</p>", "two")
    assert (first.content, second.content) == ("<p>One.</p>", "<p>Two.</p>")
    replace_content_html(first, "<p>New one.</p>")
    assert (first.content, second.content) == ("<p>New one.</p>", "<p>Two.</p>")


def test_links_in_the_new_html_are_still_resolved(settings):
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": settings["SITEURL"]}
    other = make_page(settings, "<p>Other.</p>", "other", context)
    context["generated_content"]["faq/other.md"] = other
    page = make_page(settings, "<p>As read.</p>", "page", context)
    replace_content_html(page, '<p><a href="{filename}/faq/other.md">Other</a></p>')
    assert page.content == '<p><a href="https://example.org/other/">Other</a></p>'


def test_an_item_placed_at_a_url_is_there(settings):
    from site_core.pelican_compat import has_own_url, place_at
    page = make_page(settings, "<p>x</p>", name="council-tax")
    assert page.url == "council-tax/" and not has_own_url(page)
    place_at(page, "faq/council-tax/", "faq/council-tax/index.html")
    assert (page.url, page.save_as) == ("faq/council-tax/", "faq/council-tax/index.html")
    assert has_own_url(page)
    other = make_page(settings, "<p>y</p>", name="about")
    place_at(other, "about/")
    assert (other.url, other.save_as) == ("about/", "about/index.html")


def test_url_metadata_is_an_own_url(settings):
    from site_core.pelican_compat import has_own_url
    page = Page("<p>x</p>", metadata={"title": "A", "slug": "a", "url": "elsewhere/"},
                settings=settings, source_path=os.path.join(PATH, "pages", "a.md"), context={})
    assert has_own_url(page) and page.url == "elsewhere/"
