"""Pure logic of page_metadata (JSON-LD, noindex, robots.txt) and search_index (Pagefind
command). Finishing pelican-sitemap's sitemap.xml is tested in tests/compat/test_sitemap.py."""

import json
import sys
from datetime import datetime, timedelta, timezone

import pytest

from page_metadata.machine_files import NOINDEX, noindex_checker, robots_txt
from page_metadata.page_metadata import site_address
from page_metadata.structured_data import breadcrumb_list, news_article, trail_from_html
from search_index.search_index import pagefind_command
from site_core import script_json

BST = timezone(timedelta(hours=1))
BASE = "https://example.org"


@pytest.mark.parametrize("path, expected", [
    ("images/2017/flag.svg", "https://example.org/images/2017/flag.svg"),
    ("/images/2017/flag.svg", "https://example.org/images/2017/flag.svg"),
    ("https://cdn.example.net/x.jpg", "https://cdn.example.net/x.jpg"),
    ("", "https://example.org/"),
])
def test_site_address(path, expected):
    assert site_address(BASE, path) == expected


@pytest.mark.parametrize("base, expected", [
    ("", "/images/flag.svg"),  # neither SITEURL nor SITE_PUBLIC_URL: root-relative
    ("https://example.org/pcc", "https://example.org/pcc/images/flag.svg"),
])
def test_site_address_keeps_the_folder_the_site_is_served_from(base, expected):
    assert site_address(base, "/images/flag.svg") == expected


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


@pytest.mark.parametrize("head, expected", [
    ('<meta name="robots" content="noindex">', True),
    ("<meta name='robots' content='noindex, follow'>", True),
    ('<meta name="robots" content="index">', False),
    ('<meta name="description" content="noindex">', False),
])
def test_noindex_pattern(head, expected):
    assert (NOINDEX.search(head) is not None) is expected


def test_noindex_checker_reads_the_head_of_the_built_page_at_each_address(tmp_path):
    (tmp_path / "moved").mkdir()
    (tmp_path / "moved" / "index.html").write_text(
        '<head><meta name="robots" content="noindex"></head>')
    (tmp_path / "index.html").write_text(
        '<head></head><body><meta name="robots" content="noindex"></body>')
    is_noindex = noindex_checker(str(tmp_path), "https://example.org")
    assert is_noindex("https://example.org/moved/") and is_noindex("/moved/")
    assert not is_noindex("https://example.org/")  # only the head counts
    assert not is_noindex("/not-built/")


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
