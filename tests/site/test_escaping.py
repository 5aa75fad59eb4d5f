"""What a writer types in front matter is shown as text: never run as HTML on a page,
in a feed or in JSON-LD.

One build of a copy of the real content plus tests/fixtures/escaping/: a press release
whose title, summary, image_alt and tags hold markup, and a District Day report whose
title, summary, district and visits do, with the district of that name in districts.yml.
The build does not stop on content problems (`fatal=None`, as `make html`), so whatever
the content checks make of the markup, it reaches the templates and the feeds.
"""

import json
import shutil

import feedparser
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from conftest import REPO, build_site, copy_content

FIXTURE = REPO / "tests" / "fixtures" / "escaping"

# As typed in the fixture's front matter.
TITLE = "<img src=x onerror=alert(1)> <b>bold</b> Beds & Herts"
SUMMARY_TEXT = "Summary bold Beds & Herts <img src=x onerror=alert(3)>"  # tags dropped, code kept
IMAGE_ALT = 'Alt "><img src=x onerror=alert(5)> <b>bold</b> Beds & Herts'
TAGS = {"image-tag": "Image <img src=x onerror=alert(4)> tag",
        "bold-beds-herts": "<b>bold</b> Beds & Herts"}
DAY_TITLE = "District Day <b>bold</b> Beds & Herts"
DISTRICT = 'Three <b>Rivers</b> & "<img src=x onerror=alert(7)>"'
VISITS = ["<img src=x onerror=alert(8)> visit", "<b>bold</b> Beds & Herts visit"]

ARTICLE = "news/2017/markup-in-front-matter/index.html"
DAY = "district-days/2017/markup-in-visits/index.html"
DISTRICT_PAGE = "districts/three-rivers/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("escaping")
    content = copy_content(tmp_path)
    for folder in ("news", "district-days"):
        for path in (FIXTURE / folder).glob("*.md"):
            shutil.copy(path, content / folder / path.name)
    districts = content / "data" / "districts.yml"
    text = districts.read_text(encoding="utf-8")
    assert "- name: Three Rivers\n" in text
    districts.write_text(text.replace("- name: Three Rivers\n", f"- name: {json.dumps(DISTRICT)}\n"),
                         encoding="utf-8")
    result = build_site(content, tmp_path / "output", extra_settings={"SEARCH_INDEX": False},
                        fatal=None)
    assert result.ok, result.log
    return result


def soup(site, relative):
    return BeautifulSoup(site.read(relative), "html.parser")


def injected(tree):
    """Elements that markup typed in the fixture's front matter would make, if run as HTML."""
    return tree.find_all(lambda tag: tag.has_attr("onerror") or tag.get("src") == "x"
                         or (tag.name == "b" and tag.get_text() in ("bold", "Rivers")))


def texts(tree, selector):
    return [element.get_text() for element in tree.select(selector)]


def test_no_page_runs_markup_from_front_matter(site):
    pages = [path.relative_to(site.output).as_posix() for path in site.html_pages()]
    for page in (ARTICLE, DAY, DISTRICT_PAGE, "index.html", "news/index.html",
                 "topics/bold-beds-herts/index.html", "contact/index.html", "faq/index.html"):
        assert page in pages  # the pages that show these titles were built
    for page in pages:  # every page, lists, contact mentions and redirects included
        assert not injected(soup(site, page)), page
        assert "<img src=x" not in site.read(page), page


def test_the_article_shows_its_title_alt_text_and_topics_as_typed(site):
    tree = soup(site, ARTICLE)
    assert tree.h1.get_text() == TITLE
    assert tree.title.get_text() == f"{TITLE} - Hertfordshire Police and Crime Commissioner"
    assert tree.find("meta", property="og:title")["content"] == TITLE
    assert tree.select_one("img.pcc-figure__image")["alt"] == IMAGE_ALT
    assert tree.find("meta", property="og:image:alt")["content"] == IMAGE_ALT
    assert texts(tree, "a.pcc-topics__link") == list(TAGS.values())


def test_a_summary_is_shown_as_its_words(site):
    """The summary is Markdown: its tags are dropped, and what is left is text, also what
    looked like a tag inside `code`."""
    article = soup(site, ARTICLE)
    assert article.find("meta", attrs={"name": "description"})["content"] == SUMMARY_TEXT
    assert article.find("meta", property="og:description")["content"] == SUMMARY_TEXT
    for page in ("index.html", "news/index.html", "topics/bold-beds-herts/index.html"):
        assert SUMMARY_TEXT in texts(soup(site, page), ".pcc-content-list__summary"), page


@pytest.mark.parametrize("page", ["index.html", "news/index.html",
                                  "topics/image-tag/index.html", "topics/bold-beds-herts/index.html"])
def test_lists_show_the_title_as_typed(site, page):
    tree = soup(site, page)
    assert TITLE in texts(tree, ".pcc-content-list__title a"), page
    assert f"Read more about {TITLE}" in texts(tree, ".pcc-content-list__more a"), page


@pytest.mark.parametrize("slug,name", TAGS.items())
def test_topic_pages_show_the_tag_name_as_typed(site, slug, name):
    tree = soup(site, f"topics/{slug}/index.html")
    assert tree.h1.get_text(" ", strip=True) == f"Topic {name}"
    assert tree.select_one(".pcc-subscribe__link").get_text() == f"Subscribe to news about {name}"
    assert name in texts(soup(site, "topics/index.html"), ".pcc-topic-index a")


def test_the_district_day_report_shows_its_visits_and_district_as_typed(site):
    tree = soup(site, DAY)
    assert tree.h1.get_text() == DAY_TITLE
    assert texts(tree, ".pcc-list--bullet li") == VISITS
    assert texts(tree, ".pcc-article__meta a") == [DISTRICT]
    assert tree.select_one(".pcc-district-link a").get_text() == f"All District Days and news for {DISTRICT}"
    assert tree.find("meta", attrs={"name": "pcc-search-district"})["content"] == DISTRICT


def test_the_district_pages_show_the_district_name_as_typed(site):
    tree = soup(site, DISTRICT_PAGE)
    assert tree.h1.get_text(" ", strip=True) == f"District {DISTRICT}"
    assert texts(tree, ".pcc-content-list__title a") == [DAY_TITLE]
    assert tree.find("meta", property="og:title")["content"] == f"{DISTRICT}: District Days and news"
    assert DISTRICT in texts(soup(site, "districts/index.html"), ".pcc-districts-table tbody th a")


def json_ld(site, page):
    """Every JSON-LD block of `page`, parsed; each must be one piece of text in its <script>."""
    blocks = []
    for script in soup(site, page).find_all("script", type="application/ld+json"):
        raw = script.string
        assert raw is not None and "<" not in raw, page  # no "</script>" can end it early
        blocks.append(json.loads(raw))
    return {block["@type"]: block for block in blocks}


def test_json_ld_holds_the_front_matter_as_text(site):
    article = json_ld(site, ARTICLE)["NewsArticle"]
    assert article["headline"] == "bold Beds & Herts"  # page_metadata gives the title's words
    assert article["description"] == SUMMARY_TEXT
    assert article["keywords"] == list(TAGS.values())
    assert article["image"]["description"] == IMAGE_ALT
    assert json_ld(site, ARTICLE)["BreadcrumbList"]["itemListElement"][-1]["name"] == "bold Beds & Herts"
    day = json_ld(site, DAY)["NewsArticle"]
    assert day["contentLocation"] == [{"@type": "Place", "name": f"{DISTRICT}, Hertfordshire"}]


FEEDS = ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/news.atom.xml",
         "feeds/district-days.atom.xml", "feeds/topics/image-tag.atom.xml",
         "feeds/topics/bold-beds-herts.atom.xml", "feeds/districts/three-rivers.atom.xml"]


def parse_feed(site, feed):
    parsed = feedparser.parse(site.read(feed), sanitize_html=False)
    assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    return parsed


def feed_entry(site, feed, link_part):
    [entry] = [e for e in parse_feed(site, feed).entries if link_part in e.link]
    return entry


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_titles_are_text(site, feed):
    """Pelican gives a feed the title's words (tags dropped); feedgenerator escapes them."""
    parsed = parse_feed(site, feed)
    assert not injected(BeautifulSoup(parsed.feed.title, "html.parser")), feed
    for entry in parsed.entries:
        assert entry.title_detail.type == "text/plain", feed
        assert not injected(BeautifulSoup(entry.title, "html.parser")), feed
    titles = [e.title for e in parsed.entries]
    assert "bold Beds & Herts" in titles or "District Day bold Beds & Herts" in titles, feed


def test_the_district_feed_is_titled_with_the_district_s_words(site):
    parsed = parse_feed(site, "feeds/districts/three-rivers.atom.xml")
    words = Markup(DISTRICT).striptags()  # 'Three Rivers & ""'
    assert parsed.feed.title == f"Hertfordshire Police and Crime Commissioner - District Days in {words}"


def test_feed_summaries_are_text(site):
    entry = feed_entry(site, "feeds/all.atom.xml", "/news/2017/markup-in-front-matter/")
    assert not injected(BeautifulSoup(entry.summary, "html.parser"))
    assert BeautifulSoup(entry.summary, "html.parser").get_text() == SUMMARY_TEXT
