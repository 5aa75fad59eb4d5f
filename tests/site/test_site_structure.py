"""The real content, built once: every item at its URL, every page well formed.

What a reader would notice: a missing page, a page without a heading or the emergency
numbers, a link that leads nowhere, a feed that a feed reader cannot read.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT

DATED_FILE = re.compile(r"(?P<year>\d{4})-\d{2}-\d{2}-(?P<slug>.+)\.md$")


def expected_urls():
    """The URL of every content file, by the scheme in docs/ARCHITECTURE.md."""
    urls = {}
    for section in ("news", "district-days"):
        for path in sorted((CONTENT / section).glob("*.md")):
            match = DATED_FILE.match(path.name)
            urls[path] = f"/{section}/{match['year']}/{match['slug']}/"
    for path in sorted((CONTENT / "faq").glob("*.md")):
        urls[path] = f"/faq/{path.stem}/"
    for path in sorted((CONTENT / "pages").glob("*.md")):
        urls[path] = f"/{path.stem}/"
    return urls


def output_file_for(output, url_path):
    """The built file a root-relative URL path is served from, or None."""
    path = unquote(url_path).lstrip("/")
    candidate = output / path
    if url_path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def pages(built_site):
    return {path: soup_of(path) for path in built_site.html_pages()}


def test_every_content_file_has_its_page(built_site):
    missing = [
        f"{path.relative_to(CONTENT)} -> {url}"
        for path, url in expected_urls().items()
        if output_file_for(built_site.output, url) is None
    ]
    assert len(expected_urls()) >= 20
    assert not missing, "content without a page:\n" + "\n".join(missing)


def test_no_page_from_pelicans_unstyled_templates(built_site):
    unwanted = ["author", "category", "tag", "archives.html", "categories.html",
                "authors.html", "tags.html", "pages"]
    present = [name for name in unwanted if (built_site.output / name).exists()]
    assert not present


def test_each_page_has_one_h1_a_title_and_british_english(pages):
    problems = []
    for path, soup in pages.items():
        if len(soup.find_all("h1")) != 1:
            problems.append(f"{path}: {len(soup.find_all('h1'))} h1 elements")
        if not (soup.title and soup.title.get_text(strip=True)):
            problems.append(f"{path}: no <title>")
        if soup.html.get("lang") != "en-GB":
            problems.append(f"{path}: lang={soup.html.get('lang')!r}")
    assert not problems, "\n".join(problems)


def test_each_page_has_a_skip_link_to_its_main(pages):
    problems = []
    for path, soup in pages.items():
        main = soup.find_all("main")
        first_link = soup.body.find("a")
        if len(main) != 1:
            problems.append(f"{path}: {len(main)} <main> elements")
            continue
        if not first_link or not first_link["href"].startswith("#"):
            problems.append(f"{path}: the first link is not a skip link")
            continue
        if main[0].get("id") != first_link["href"][1:]:
            problems.append(f"{path}: skip link {first_link['href']} does not lead to <main>")
    assert not problems, "\n".join(problems)


def test_each_page_shows_the_emergency_numbers(pages):
    problems = []
    for path, soup in pages.items():
        banner = soup.find("header")
        text = banner.get_text(" ", strip=True) if banner else ""
        links = {a["href"] for a in banner.find_all("a", href=True)} if banner else set()
        if "999" not in text or "101" not in text or "tel:999" not in links or "tel:101" not in links:
            problems.append(str(path))
    assert not problems, "pages without the 999/101 line:\n" + "\n".join(problems)


def local_targets(soup):
    for element, attribute in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for tag in soup.find_all(element):
            value = tag.get(attribute)
            if not value:
                continue
            parsed = urlparse(value)
            if parsed.scheme or parsed.netloc or value.startswith(("mailto:", "tel:")):
                continue
            yield value


def test_every_internal_link_and_image_resolves(built_site, pages):
    broken = []
    for path, soup in pages.items():
        for value in local_targets(soup):
            target, fragment = urldefrag(value)
            if not target:  # a link within the page
                if fragment and not soup.find(id=fragment):
                    broken.append(f"{path}: #{fragment} has no target")
                continue
            if not target.startswith("/"):
                target = "/" + str((path.parent / target).relative_to(built_site.output))
            built = output_file_for(built_site.output, target)
            if built is None:
                broken.append(f"{path}: {value}")
            elif fragment and built.suffix == ".html" and not soup_of(built).find(id=fragment):
                broken.append(f"{path}: {value} (no element with id {fragment})")
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_every_item_can_be_reached_from_the_home_page(built_site, pages):
    by_url = {}
    for path in pages:
        relative = path.relative_to(built_site.output).as_posix()
        by_url["/" + relative.removesuffix("index.html")] = path
    seen, queue = {"/"}, ["/"]
    while queue:
        current = by_url.get(queue.pop())
        if current is None:
            continue
        for value in local_targets(pages[current]):
            target = urldefrag(value)[0]
            if target.startswith("/") and target not in seen and target in by_url:
                seen.add(target)
                queue.append(target)
    unreachable = [url for url in expected_urls().values() if url not in seen]
    assert not unreachable, "not reachable by links from the home page:\n" + "\n".join(unreachable)


def feed_files(output):
    return sorted((output / "feeds").rglob("*.xml"))


def test_feeds_parse_and_list_the_newest_first(built_site):
    feeds = feed_files(built_site.output)
    assert {"all.atom.xml", "all.rss.xml", "news.atom.xml", "district-days.atom.xml"} <= {
        path.name for path in feeds
    }
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        # A district with no District Day yet has a valid, empty feed; every other has items.
        assert parsed.entries or path.parent.name == "districts", f"{path} has no entries"
        dates = [entry.published_parsed for entry in parsed.entries]
        assert dates == sorted(dates, reverse=True), f"{path} is not newest first"


def test_pages_advertise_the_feeds(pages):
    for path, soup in pages.items():
        alternates = soup.find_all("link", rel="alternate", type="application/atom+xml")
        assert alternates, f"{path} has no feed autodiscovery link"


def test_dates_are_shown_as_people_write_them(built_site):
    html = built_site.read("news/2017/support-for-manchester-victims/index.html")
    soup = BeautifulSoup(html, "lxml")
    time = soup.find("main").find("time")
    assert time.get_text() == "24 May 2017"
    assert time["datetime"] == "2017-05-24"


def test_news_list_is_paginated_with_summaries_and_descriptive_links(built_site):
    first = BeautifulSoup(built_site.read("news/index.html"), "lxml")
    second = BeautifulSoup(built_site.read("news/page/2/index.html"), "lxml")
    items = first.select("main .pcc-content-list__item")
    assert len(items) == 10
    for item in items:
        title = item.find(["h2", "h3"]).get_text(strip=True)
        more = item.select_one(".pcc-content-list__more a")
        # Read out of context (a screen reader's list of links) it still says where it leads.
        assert more.get_text(" ", strip=True) == f"Read more about {title}"
        assert item.select_one(".pcc-content-list__summary").get_text(strip=True)
    assert second.select("main .pcc-content-list__item")
    assert second.find("a", rel="prev")
