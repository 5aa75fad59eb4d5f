"""Feed entries: stable ids and absolute URLs inside content (pure functions)."""

import pytest

from feeds.entries import absolute_urls, entry_id, first_published_path, summary_as_text, url_path
from site_core import absolute_url  # what feeds resolve every link with

ITEM = "https://example.org/news/2017/street-triage-pilot/"


@pytest.mark.parametrize("url, expected", [
    ("/images/2017/photo.jpg", "https://example.org/images/2017/photo.jpg"),
    ("photo.jpg", "https://example.org/news/2017/street-triage-pilot/photo.jpg"),
    ("../other-release/", "https://example.org/news/2017/other-release/"),
    ("#how-to-apply", "https://example.org/news/2017/street-triage-pilot/#how-to-apply"),
    ("//cdn.example.net/a.png", "https://cdn.example.net/a.png"),
    ("https://www.herts.police.uk/", "https://www.herts.police.uk/"),
    ("http://hertscommissioner.org/a/../b", "http://hertscommissioner.org/a/../b"),
    ("mailto:info@example.org", "mailto:info@example.org"),
    ("tel:+441707806100", "tel:+441707806100"),
    ("  /contact/ ", "https://example.org/contact/"),
])
def test_a_url_is_resolved_as_a_browser_on_the_item_page_would(url, expected):
    assert absolute_url(url, ITEM) == expected


@pytest.mark.parametrize("html, expected", [
    ('<p><a href="/contact/">Contact</a></p>',
     '<p><a href="https://example.org/contact/">Contact</a></p>'),
    ('<img alt="Flag" src="/images/flag.svg">',
     '<img alt="Flag" src="https://example.org/images/flag.svg">'),
    ("<img src='photo.jpg' alt='A > B'>",
     "<img src='https://example.org/news/2017/street-triage-pilot/photo.jpg' alt='A > B'>"),
    ('<a href=/about/>About</a>', '<a href="https://example.org/about/">About</a>'),
    ('<IMG SRC="/a.png">', '<IMG SRC="https://example.org/a.png">'),
    ('<img srcset="/a.png 1x, /b.png 2x" src="/a.png">',
     '<img srcset="https://example.org/a.png 1x, https://example.org/b.png 2x" '
     'src="https://example.org/a.png">'),
    ('<video poster="/p.jpg" src="/v.mp4"></video>',
     '<video poster="https://example.org/p.jpg" src="https://example.org/v.mp4"></video>'),
    ('<blockquote cite="/report/">x</blockquote>',
     '<blockquote cite="https://example.org/report/">x</blockquote>'),
    # a code sample showing markup is text, not a tag: left exactly as written
    ('<pre><code>&lt;a href="/x/"&gt;</code></pre>', '<pre><code>&lt;a href="/x/"&gt;</code></pre>'),
    ('<p>data-href="/x/" is text</p>', '<p>data-href="/x/" is text</p>'),
    ('<a data-href="/x/" href="/y/">y</a>', '<a data-href="/x/" href="https://example.org/y/">y</a>'),
    ("", ""),
    (None, None),
])
def test_every_link_and_image_in_html_becomes_absolute(html, expected):
    assert absolute_urls(html, ITEM) == expected


@pytest.mark.parametrize("url, expected", [
    ("news/2017/x/", "news/2017/x"),
    ("/news/2017/x/", "news/2017/x"),
    ("https://any.host/news/2017/x/", "news/2017/x"),
    ("http://localhost:8000/news/2017/x/index.html", "news/2017/x/index.html"),
    ("/", ""),
])
def test_url_path_is_the_same_whatever_host_serves_it(url, expected):
    assert url_path(url) == expected


def test_an_entry_id_is_a_tag_uri_under_the_fixed_authority():
    assert entry_id("hertscommissioner.org", "2013", "news/2017/support-for-manchester-victims") \
        == "tag:hertscommissioner.org,2013:news/2017/support-for-manchester-victims"


@pytest.mark.parametrize("url, redirect_from, expected", [
    ("news/2017/new-name/", None, "news/2017/new-name"),
    ("news/2017/new-name/", [], "news/2017/new-name"),
    ("news/2017/new-name/", "/news/2017/old-name/", "news/2017/old-name"),
    ("news/2017/new-name/", ["/news/2017/first-name/", "/news/2017/second-name/"],
     "news/2017/first-name"),
    ("news/2017/new-name/", ["  ", "news/2017/old-name/"], "news/2017/old-name"),
    ("news/2017/new-name/", ["https://hertscommissioner.github.io/news/2017/old-name/"],
     "news/2017/old-name"),
])
def test_a_renamed_item_keeps_the_id_of_its_first_address(url, redirect_from, expected):
    assert first_published_path(url, redirect_from) == expected


@pytest.mark.parametrize("summary, text", [
    ("<p>One or two sentences &amp; a figure.</p>", "<p>One or two sentences &amp; a figure.</p>"),
    ("<p>It's <em>new</em>.</p>", "<p>It's new.</p>"),
    ('<p>Hi <img src="x" onerror="alert(1)"> there</p>', "<p>Hi there</p>"),
    ("<p>&lt;b&gt;typed&lt;/b&gt;</p>", "<p>&lt;b&gt;typed&lt;/b&gt;</p>"),
    (None, None),
])
def test_an_atom_summary_is_text(summary, text):
    assert summary_as_text(summary) == text
