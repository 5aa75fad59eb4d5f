"""Pure logic of page_metadata (JSON-LD, sitemap, robots.txt) and search_index (Pagefind command)."""

import json
import sys
from xml.etree import ElementTree
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from page_metadata.machine_files import NOINDEX, finish_sitemap, robots_txt  # noqa: E402
from page_metadata.structured_data import (  # noqa: E402
    absolute_url, breadcrumb_list, news_article, script_json, trail_from_html,
)
from search_index.search_index import pagefind_command  # noqa: E402

BST = timezone(timedelta(hours=1))
BASE = "https://example.org"


@pytest.mark.parametrize("path, expected", [
    ("images/2017/flag.svg", "https://example.org/images/2017/flag.svg"),
    ("/images/2017/flag.svg", "https://example.org/images/2017/flag.svg"),
    ("https://cdn.example.net/x.jpg", "https://cdn.example.net/x.jpg"),
    ("", "https://example.org/"),
])
def test_absolute_url(path, expected):
    assert absolute_url(BASE + "/", path) == expected


def make_article(**extra):
    return news_article(
        headline="Fly-tipping in Dacorum", description="A summary.",
        url=BASE + "/district-days/2017/dacorum/",
        published=datetime(2017, 5, 12, tzinfo=BST), modified=None,
        author="Office of the PCC", publisher="Herts PCC", logo_url=BASE + "/logo.png",
        **extra,
    )


def test_news_article_has_what_search_engines_need():
    data = make_article()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Fly-tipping in Dacorum"
    assert data["datePublished"] == "2017-05-12T00:00:00+01:00"
    assert data["dateModified"] == "2017-05-12T00:00:00+01:00"  # unmodified: same as published
    assert data["mainEntityOfPage"] == data["url"] == BASE + "/district-days/2017/dacorum/"
    assert data["publisher"] == {"@type": "Organization", "name": "Herts PCC",
                                 "logo": {"@type": "ImageObject", "url": BASE + "/logo.png"}}
    for optional in ("image", "keywords", "articleSection", "contentLocation"):
        assert optional not in data


def test_news_article_optional_parts():
    data = make_article(section="District Days", keywords=["Victims"],
                        image_url=BASE + "/images/a.jpg", image_alt="The Commissioner",
                        places=["Dacorum", "St Albans"])
    assert data["articleSection"] == "District Days"
    assert data["keywords"] == ["Victims"]
    assert data["image"] == {"@type": "ImageObject", "url": BASE + "/images/a.jpg",
                             "description": "The Commissioner"}
    assert [place["name"] for place in data["contentLocation"]] == [
        "Dacorum, Hertfordshire", "St Albans, Hertfordshire"]


def test_breadcrumb_list_ends_with_the_current_page():
    data = breadcrumb_list([("Home", BASE + "/"), ("News", BASE + "/news/")],
                           "A release", BASE + "/news/2017/a/")
    assert data["@type"] == "BreadcrumbList"
    assert data["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": BASE + "/"},
        {"@type": "ListItem", "position": 2, "name": "News", "item": BASE + "/news/"},
        {"@type": "ListItem", "position": 3, "name": "A release", "item": BASE + "/news/2017/a/"},
    ]


@pytest.mark.parametrize("href", ["/news/", "https://example.org/news/", "../../"])
def test_trail_from_html_reads_links_in_order_and_resolves_them(href):
    nav = f"""<nav aria-label="Breadcrumb"><ol>
      <li><a class="x" href="/">Home</a></li>
      <li><a href="{href}">News
          &amp; updates</a></li></ol></nav>"""
    assert trail_from_html(nav, BASE + "/news/2017/a/") == [
        ("Home", BASE + "/"), ("News & updates", BASE + "/news/")]


def test_trail_from_html_of_nothing_is_empty():
    assert trail_from_html("", BASE + "/") == []


def test_script_json_cannot_close_its_script_element():
    text = script_json({"headline": "</script><script>alert(1)</script> <!-- & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"headline": "</script><script>alert(1)</script> <!-- & more"}


def test_script_json_keeps_non_ascii_readable():
    assert script_json({"name": "£1.34 million – “quoted”"}) == '{"name":"£1.34 million – “quoted”"}'


SITEMAP = """<urlset>
<url>
<loc>/</loc>
<lastmod>2026-11-23T14:50:12-00:00</lastmod>
<changefreq>daily</changefreq>
</url>
<url>
<loc>/about/</loc>
<lastmod>2017-05-01T00:00:00+01:00</lastmod>
</url>
<url>
<loc>https://other.example/kept/</loc>
<lastmod>2017-01-01T00:00:00+00:00</lastmod>
</url>
</urlset>"""


def test_finish_sitemap_makes_urls_absolute_and_drops_build_times():
    assert finish_sitemap(SITEMAP, BASE + "/") == """<urlset>
<url>
<loc>https://example.org/</loc>
<changefreq>daily</changefreq>
</url>
<url>
<loc>https://example.org/about/</loc>
<lastmod>2017-05-01T00:00:00+01:00</lastmod>
</url>
<url>
<loc>https://other.example/kept/</loc>
<lastmod>2017-01-01T00:00:00+00:00</lastmod>
</url>
</urlset>"""


def test_finish_sitemap_leaves_out_pages_that_ask_not_to_be_indexed():
    finished = finish_sitemap(SITEMAP, BASE, is_noindex=lambda loc: loc == "/about/")
    assert "/about/" not in finished
    locs = [loc.text for loc in ElementTree.fromstring(finished).iter("loc")]
    assert locs == ["https://example.org/", "https://other.example/kept/"]


@pytest.mark.parametrize("head, expected", [
    ('<meta name="robots" content="noindex">', True),
    ("<meta name='robots' content='noindex, follow'>", True),
    ('<meta name="robots" content="index">', False),
    ('<meta name="description" content="noindex">', False),
])
def test_noindex_pattern(head, expected):
    assert (NOINDEX.search(head) is not None) is expected


def test_finish_sitemap_twice_changes_nothing_more():
    once = finish_sitemap(SITEMAP, BASE)
    assert finish_sitemap(once, BASE) == once


def test_robots_txt_allows_everything_and_names_the_sitemap():
    assert robots_txt(BASE + "/sitemap.xml") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")


def test_pagefind_command_runs_the_installed_package_quietly():
    command = pagefind_command("/tmp/out", [".a", ".b c"])
    assert command[:3] == [sys.executable, "-m", "pagefind"]
    assert command[3:] == ["--site", "/tmp/out", "--quiet", "--exclude-selectors", ".a, .b c"]
    assert "--exclude-selectors" not in pagefind_command("/tmp/out")


def test_trail_from_html_reads_single_quotes_nested_markup_and_entities():
    nav = """<a href='/topics/?a=1&amp;b=2'><span class="x">Topics</span> &amp; more</a>
             <A class="y" HREF="/z/">Zed</A>"""
    assert trail_from_html(nav, BASE + "/") == [
        ("Topics & more", BASE + "/topics/?a=1&b=2"), ("Zed", BASE + "/z/")]
