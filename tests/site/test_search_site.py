"""Search index, sitemap.xml and robots.txt of the real built site.

The Pagefind index is read back from its own files: which pages it holds, what it
filters by, and that navigation and footer text stayed out of it.
"""

import gzip
import json
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, build_site

PUBLIC = "https://hertscommissioner.github.io"  # SITE_PUBLIC_URL in pelicanconf.py
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The pages a resident searches: content files, the contact directory, /transparency/ and
# each register table (not its sorted copies, by-<column>/, which hold the same rows).
CONTENT_PAGE = re.compile(r"(news|district-days|decisions)/\d{4}/[^/]+/|faq/[^/]+/|about/|accessibility/|privacy/|contact/"
                          r"|transparency/|transparency/[a-z-]+/[0-9-]+/")


def url_path(output, html_file):
    relative = html_file.relative_to(output).as_posix()
    return re.sub(r"(^|/)index\.html$", r"\1", relative)


def soup_of(html_file):
    return BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def index_fragments(built_site):
    """Every page Pagefind indexed, by URL path (its fragment files, gzip + JSON)."""
    fragments = {}
    for file in (built_site.output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        fragments[fragment["url"].lstrip("/")] = fragment
    return fragments


# --- search index -----------------------------------------------------------------------

def test_the_index_holds_exactly_the_content_pages(built_site, index_fragments):
    content_pages = {url_path(built_site.output, f) for f in built_site.html_pages()
                     if CONTENT_PAGE.fullmatch(url_path(built_site.output, f))}
    # the content files, the contact directory, /transparency/ and one register table
    assert len(content_pages) == 27
    assert set(index_fragments) == content_pages
    assert (built_site.output / "pagefind" / "pagefind.js").exists()


def test_only_content_pages_mark_their_main_for_indexing(built_site):
    for html_file in built_site.html_pages():
        path = url_path(built_site.output, html_file)
        marked = soup_of(html_file).select("[data-pagefind-body]")
        if CONTENT_PAGE.fullmatch(path):
            assert [tag.name for tag in marked] == ["main"], path
        else:
            assert marked == [], path


def test_indexed_text_is_the_main_content_only(index_fragments):
    dacorum = index_fragments["district-days/2017/dacorum/"]
    assert dacorum["meta"]["title"] == (
        "Commissioner tackles fraud, scams and fly-tipping on Dacorum District Day")
    assert "Fly-tipping inter-agency meeting" in dacorum["content"]
    for chrome in ("In an emergency call", "Skip to main content", "Search this site",
                   "Contact the Commissioner's office", "Privacy notice", "published 12 May"):
        assert chrome not in dacorum["content"], chrome


@pytest.mark.parametrize("path, kind, districts, date", [
    ("district-days/2017/dacorum/", "District Day", ["Dacorum"], "12 May 2017"),
    ("news/2017/support-for-manchester-victims/", "News", [], "24 May 2017"),
    ("faq/council-tax/", "FAQ", [], "10 April 2017"),  # FAQ pages show when they were updated
    ("about/", "Page", [], "1 May 2017"),
])
def test_each_page_is_filtered_by_type_and_district_and_dated(index_fragments, path, kind,
                                                              districts, date):
    fragment = index_fragments[path]
    assert fragment["filters"]["type"] == [kind]
    assert fragment["filters"].get("district", []) == districts
    assert fragment["meta"]["date"] == date


def test_search_index_can_be_switched_off(tmp_path):
    result = build_site(CONTENT, tmp_path / "output", extra_settings={"SEARCH_INDEX": False})
    assert result.ok, result.log
    assert not (result.output / "pagefind").exists()
    assert (result.output / "search" / "index.html").exists()


def test_search_page_without_javascript_explains_and_lists_topics_and_sections(built_site):
    soup = soup_of(built_site.output / "search" / "index.html")
    main = soup.find("main")
    assert main.find("form", class_="pcc-search__form").has_attr("hidden")
    assert "Search needs JavaScript" in main.get_text()
    hrefs = {a["href"] for a in main.find_all("a")}
    topic_pages = {"/" + url_path(built_site.output, f)
                   for f in (built_site.output / "topics").glob("*/index.html")}
    assert topic_pages and topic_pages <= hrefs
    assert {"/news/", "/district-days/", "/faq/", "/contact/", "/faq/council-tax/"} <= hrefs
    for href in hrefs:
        assert (built_site.output / href.lstrip("/") / "index.html").exists(), href
    # The header form leads here, and the script that runs the search is our own.
    assert soup.select_one("header form[role=search]")["action"] == "/search/"
    assert [s["src"] for s in soup.find_all("script", src=True)] == ["/theme/js/search.js"]


# --- sitemap.xml and robots.txt ---------------------------------------------------------

@pytest.fixture(scope="module")
def sitemap(built_site):
    root = ElementTree.fromstring(built_site.read("sitemap.xml"))
    return {url.find("s:loc", SITEMAP_NS).text: url.find("s:lastmod", SITEMAP_NS)
            for url in root.findall("s:url", SITEMAP_NS)}


def test_sitemap_lists_every_page_but_not_found_search_and_sorted_copies(built_site, sitemap):
    expected = {f"{PUBLIC}/{url_path(built_site.output, f)}" for f in built_site.html_pages()
                if not re.search(r"/by-[a-z0-9-]+/$", url_path(built_site.output, f))}
    expected -= {f"{PUBLIC}/404.html", f"{PUBLIC}/search/"}
    assert set(sitemap) == expected
    assert len(sitemap) > 40


def test_sitemap_dates_carry_the_uk_offset(sitemap):
    dated = {loc: lastmod.text for loc, lastmod in sitemap.items() if lastmod is not None}
    assert dated[f"{PUBLIC}/district-days/2017/dacorum/"] == "2017-05-12T00:00:00+01:00"  # BST
    assert dated[f"{PUBLIC}/news/2013/g4s-talks-discontinued/"] == "2013-02-13T00:00:00+00:00"
    assert dated[f"{PUBLIC}/faq/council-tax/"] == "2017-04-10T00:00:00+01:00"  # modified date
    for loc, lastmod in dated.items():
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00", lastmod), (loc, lastmod)


def test_list_pages_carry_no_build_time(sitemap):
    # A build-time date would differ on every build and say nothing true.
    assert sitemap[f"{PUBLIC}/"] is None
    assert sitemap[f"{PUBLIC}/news/"] is None


def test_robots_txt_points_to_the_sitemap(built_site):
    robots = built_site.read("robots.txt")
    assert robots.splitlines() == [
        "User-agent: *", "Allow: /", "", f"Sitemap: {PUBLIC}/sitemap.xml"]
    assert (built_site.output / "sitemap.xml").exists()


def test_a_draft_is_kept_out_of_search_sitemap_and_search_engines(tmp_path):
    from conftest import copy_content

    content = copy_content(tmp_path)
    (content / "news" / "2017-06-01-draft-fly-tipping-plan.md").write_text(
        "---\ntitle: Draft fly-tipping plan\ndate: 2017-06-01\nstatus: draft\n"
        "summary: A plan for fly-tipping that is not ready to publish yet.\n"
        "tags: [Community safety]\n---\nNot ready yet.\n", encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.ok, result.log
    [draft] = [f for f in result.html_pages() if "draft-fly-tipping-plan" in str(f)]
    soup = soup_of(draft)
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", rel="canonical") is None
    assert not soup.select("[data-pagefind-body]")
    assert "draft-fly-tipping-plan" not in result.read("sitemap.xml")
    fragments = b"".join(gzip.decompress(f.read_bytes())
                         for f in (result.output / "pagefind" / "fragment").glob("*"))
    assert b"draft-fly-tipping-plan" not in fragments and b"fly-tipping" in fragments
