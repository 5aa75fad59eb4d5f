"""The real site's feeds, as subscribers and feed readers get them.

Every feed parses, follows the RSS 2.0 / RFC 4287 rules, links only to absolute
addresses that exist, holds exactly the right items, keeps its ids whatever host
it is built for, and is announced on the pages it belongs to.
"""

import re

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from conftest import CONTENT, build_site
from fixtures.feeds import feed_checks

PUBLIC = "https://hertscommissioner.github.io"
DATED_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<slug>.+)\.md$")


def slugify(name):
    """A topic or district name as Pelican makes it a slug ("Back-office services")."""
    return pelican_slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def items():
    """(link, front matter) of every press release, District Day report and decision in
    content/, in the order of their paths (the site's order for items of one date)."""
    found = []
    for folder in ("decisions", "district-days", "news"):
        for path in sorted((CONTENT / folder).glob("*.md")):
            meta = front_matter(path)
            slug = meta.get("slug") or DATED_FILE.match(path.name)["slug"]
            found.append((f"/{folder}/{meta['date'].year}/{slug}/", meta))
    return found


def links_in(output, feed):
    return list(feed_checks.ids_by_link(output)[feed])


@pytest.fixture(scope="module")
def feeds(built_site):
    found = feed_checks.feed_files(built_site.output)
    assert found, "the build wrote no feeds"
    return found


def test_the_site_has_every_feed_a_subscriber_can_ask_for(built_site, feeds):
    written = {p.relative_to(built_site.output).as_posix() for p in feeds}
    expected = {"feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/news.atom.xml",
                "feeds/district-days.atom.xml", "feeds/decisions.atom.xml",
                "feeds/transparency.atom.xml"}
    expected |= {f"feeds/topics/{slugify(tag)}.atom.xml"
                 for _, meta in items() for tag in meta.get("tags", [])}
    districts = [p.parent.name for p in (built_site.output / "districts").glob("*/index.html")]
    assert len(districts) == 10, "there should be a page for each of the ten districts"
    expected |= {f"feeds/districts/{slug}.atom.xml" for slug in districts}
    assert written == expected


def test_every_feed_parses_without_a_bozo_error(feeds):
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.feed.title.startswith("Hertfordshire Police and Crime Commissioner")


def test_every_feed_follows_the_rss_and_atom_rules(built_site, feeds):
    for path in feeds:
        public_url = f"{PUBLIC}/{path.relative_to(built_site.output).as_posix()}"
        assert feed_checks.rule_breaches(path, public_url) == [], path


def test_every_link_and_image_in_every_entry_is_absolute_and_built(built_site, feeds):
    for path in feeds:
        assert feed_checks.broken_or_relative_urls(path, PUBLIC, built_site.output) == [], path


def test_the_feed_icon_is_an_absolute_address(feeds):
    for path in feeds:
        icon = feedparser.parse(path.read_bytes()).feed.get("icon", "")
        if path.name.endswith(".atom.xml"):
            assert icon.startswith(PUBLIC + "/"), path


def test_all_news_holds_every_item_newest_first(built_site):
    expected = [link for link, meta in sorted(items(), key=lambda i: i[1]["date"], reverse=True)]
    assert links_in(built_site.output, "feeds/all.atom.xml") == expected
    assert links_in(built_site.output, "feeds/all.rss.xml") == expected


@pytest.mark.parametrize("section", ["news", "district-days", "decisions"])
def test_a_section_feed_holds_exactly_its_section(built_site, section):
    expected = {link for link, _ in items() if link.startswith(f"/{section}/")}
    assert set(links_in(built_site.output, f"feeds/{section}.atom.xml")) == expected


def test_each_topic_feed_holds_exactly_the_items_of_that_topic(built_site):
    topics = {slugify(tag) for _, meta in items() for tag in meta.get("tags", [])}
    for topic in sorted(topics):
        expected = {link for link, meta in items()
                    if topic in {slugify(tag) for tag in meta.get("tags", [])}}
        assert set(links_in(built_site.output, f"feeds/topics/{topic}.atom.xml")) == expected, topic


def test_each_district_feed_holds_exactly_that_districts_reports(built_site):
    for feed in (built_site.output / "feeds" / "districts").glob("*.atom.xml"):
        district = feed.name.removesuffix(".atom.xml")
        expected = {link for link, meta in items()
                    if link.startswith("/district-days/") and slugify(meta["district"]) == district}
        assert set(links_in(built_site.output, f"feeds/districts/{feed.name}")) == expected, district


def test_a_dacorum_subscriber_sees_the_dacorum_report_with_working_links(built_site):
    feed = built_site.output / "feeds" / "districts" / "dacorum.atom.xml"
    parsed = feedparser.parse(feed.read_bytes())
    [entry] = parsed.entries
    assert entry.title == "Commissioner tackles fraud, scams and fly-tipping on Dacorum District Day"
    assert entry.link == f"{PUBLIC}/district-days/2017/dacorum/"
    assert entry.id == "tag:hertscommissioner.org,2013:district-days/2017/dacorum"
    assert "Operation Stay Alert" in entry.content[0].value
    assert feed_checks.broken_or_relative_urls(feed, PUBLIC, built_site.output) == []


def test_an_item_has_the_same_id_in_every_feed_it_appears_in(built_site):
    ids = {}
    for entries in feed_checks.ids_by_link(built_site.output).values():
        for link, entry_id in entries.items():
            ids.setdefault(link, set()).add(entry_id)
    assert {link: len(found) for link, found in ids.items() if len(found) != 1} == {}
    assert len({next(iter(found)) for found in ids.values()}) == len(ids)


def test_published_feeds_use_the_real_address_and_keep_every_id(built_site, tmp_path):
    """`make publish` (publishconf.py) for another host: same ids, that host's links."""
    host = "https://pcc.example.net"
    published = build_site(CONTENT, tmp_path / "output", settings="publishconf.py",
                           env={"SITEURL": host})
    assert published.ok, published.log
    assert feed_checks.ids_by_link(published.output) == feed_checks.ids_by_link(built_site.output)
    for path in feed_checks.feed_files(published.output):
        public_url = f"{host}/{path.relative_to(published.output).as_posix()}"
        assert feed_checks.rule_breaches(path, public_url) == [], path
        assert feed_checks.broken_or_relative_urls(path, host, published.output) == [], path


def test_a_browser_shows_each_feed_as_a_page_that_explains_how_to_subscribe(built_site, feeds):
    transform = etree.XSLT(etree.parse(str(built_site.output / "theme" / "feed.xsl")))
    for path in feeds:
        head = path.read_text(encoding="utf-8")[:200]
        assert '<?xml-stylesheet href="/theme/feed.xsl" type="text/xsl"?>' in head, path
        page = BeautifulSoup(str(transform(etree.parse(str(path)))), "html.parser")
        parsed = feedparser.parse(path.read_bytes())
        assert page.html["lang"] == "en-GB"
        assert page.h1.get_text(" ", strip=True) == f"News feed {parsed.feed.title}"
        assert "How to subscribe" in page.get_text()
        assert page.find("code").get_text() == f"{PUBLIC}/{path.relative_to(built_site.output).as_posix()}"
        shown = [a["href"] for a in page.select(".pcc-content-list__title a")]
        assert shown == [entry.link for entry in parsed.entries], path
        assert page.find("link", rel="stylesheet")["href"] == "/theme/css/main.css"


def announced_feeds(page):
    """(feeds in <head>, feeds linked visibly in the page) of a built HTML page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    head = [link["href"] for link in soup.head.find_all("link", rel="alternate")
            if link.get("type") in ("application/atom+xml", "application/rss+xml")]
    visible = [a["href"] for a in soup.body.find_all("a", href=True)
               if a["href"].endswith(".xml") and a.get_text(strip=True).startswith("Subscribe")]
    return head, visible


def test_every_page_announces_all_news_and_links_to_it_visibly(built_site):
    pages = [p for p in built_site.html_pages()
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    for page in pages:
        head, visible = announced_feeds(page)
        assert {"/feeds/all.atom.xml", "/feeds/all.rss.xml"} <= set(head), page
        assert "/feeds/all.atom.xml" in visible, page
        for href in head + visible:
            assert (built_site.output / href.lstrip("/")).is_file(), f"{page}: {href}"


def pages_with_their_own_feed(output):
    yield output / "news/index.html", "/feeds/news.atom.xml"
    yield output / "district-days/index.html", "/feeds/district-days.atom.xml"
    for page in sorted((output / "topics").glob("*/index.html")):
        yield page, f"/feeds/topics/{page.parent.name}.atom.xml"
    for page in sorted((output / "districts").glob("*/index.html")):
        yield page, f"/feeds/districts/{page.parent.name}.atom.xml"


def test_each_section_topic_and_district_page_offers_its_own_feed(built_site):
    checked = 0
    for page, feed in pages_with_their_own_feed(built_site.output):
        head, visible = announced_feeds(page)
        assert feed in head, f"{page}: no autodiscovery link to {feed}"
        assert feed in visible, f"{page}: no visible Subscribe link to {feed}"
        assert (built_site.output / feed.lstrip("/")).is_file(), feed
        checked += 1
    assert checked >= 2 + 10 + 10
