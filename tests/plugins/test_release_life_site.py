"""Corrected, withdrawn and removed releases (plugins/release_life), in a real build of
the site's content with three releases added: what readers, feed subscribers, search
engines and the site's own search see."""

import gzip
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_content
from release_life_content import add_life_releases

REMOVED_WORDS = ("Quarrelsome", "quarrelsome", "Blenkinsop", "blenkinsop", "Gravenstein",
                 "gravenstein")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("life")
    content = copy_content(tmp)
    add_life_releases(content)
    result = build_site(content, tmp / "out", fatal="errors")
    assert result.ok, result.log
    return result


def soup(site, path):
    return BeautifulSoup(site.read(path), "html.parser")


def atom_entry(site, slug):
    feed = feedparser.parse(site.read("feeds/all.atom.xml"))
    return next(entry for entry in feed.entries if entry.link.rstrip("/").endswith(slug))


# --- Corrections ---------------------------------------------------------------------

def test_a_corrected_release_says_when_it_was_updated_and_lists_the_changes(site):
    page = soup(site, "news/2017/victim-support-hours/index.html")
    meta = " ".join(page.select_one(".pcc-article__meta").get_text().split())
    assert meta == "Press release, published 31 May 2017, updated 5 June 2017"
    changes = page.select_one("details.pcc-changes")
    assert changes.summary.get_text(strip=True) == "Changes to this release"
    assert [" ".join(li.get_text().split()) for li in changes.select("li")] == [
        "5 June 2017: Added the evening opening hours.",
        "3 June 2017: Corrected the Victim Support phone number.",
    ]


def test_its_feed_entry_is_updated_and_starts_with_the_latest_note(site):
    entry = atom_entry(site, "victim-support-hours")
    assert entry.updated.startswith("2017-06-05")
    assert entry.published.startswith("2017-05-31")
    text = BeautifulSoup(entry.content[0].value, "html.parser").get_text(" ", strip=True)
    assert text.startswith("Updated 5 June 2017: Added the evening opening hours.")


def test_the_sitemap_and_json_ld_carry_the_correction_date(site):
    sitemap = site.read("sitemap.xml")
    block = re.search(r"<url>\s*<loc>[^<]*victim-support-hours/</loc>.*?</url>", sitemap, re.S).group()
    assert "<lastmod>2017-06-05" in block
    page = site.read("news/2017/victim-support-hours/index.html")
    assert '"dateModified": "2017-06-05' in page or '"dateModified":"2017-06-05' in page


# --- Withdrawn -----------------------------------------------------------------------

def test_a_withdrawn_release_stays_readable_with_a_notice_and_noindex(site):
    page = soup(site, "news/2017/priorities/index.html")
    notice = page.select_one(".pcc-notice")
    assert notice.h2.get_text(" ", strip=True) == "This release was withdrawn on 13 May 2021"
    assert "issued by the previous Commissioner" in notice.get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("main").get("data-pagefind-body") is None  # not in the search index
    assert "The priorities for the next four years." in page.get_text()


def test_it_is_off_the_home_page_and_sitemap_but_labelled_in_the_news_list(site):
    assert "priorities" not in site.read("index.html")
    assert "/news/2017/priorities/" not in site.read("sitemap.xml")
    news = soup(site, "news/index.html")
    item = next(li for li in news.select(".pcc-content-list__item") if "priorities" in str(li))
    assert item.select_one(".pcc-tag").get_text(strip=True) == "Withdrawn"


def test_its_feed_entry_carries_the_withdrawal(site):
    entry = atom_entry(site, "priorities")
    assert entry.updated.startswith("2021-05-13")
    text = BeautifulSoup(entry.content[0].value, "html.parser").get_text(" ", strip=True)
    assert text.startswith("Withdrawn on 13 May 2021: This release was issued by the previous Commissioner.")


# --- Removed -------------------------------------------------------------------------

def every_text(output):
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", errors="replace")


def test_a_removed_release_leaves_no_word_of_its_text_anywhere(site):
    leaks = [str(path.relative_to(site.output)) for path, text in every_text(site.output)
             if any(word in text for word in REMOVED_WORDS)]
    assert leaks == []


def test_its_address_still_answers_with_the_notice_and_stays_in_the_url_list(site):
    page = soup(site, "news/2017/quarrel/index.html")
    assert page.h1.get_text(strip=True) == "Page removed"
    assert "removed on 10 January 2018. It was removed following a court order." in page.get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "/news/2017/quarrel/" in site.read("urls.txt")
    assert "quarrel" not in site.read("feeds/all.atom.xml")
    assert "quarrel" not in site.read("news/index.html")


def test_pages_have_a_life_too(site):
    faq = soup(site, "faq/police-budget/index.html")
    assert faq.select_one(".pcc-last-updated").get_text(" ", strip=True) == "Last updated 2 April 2017"
    changes = faq.select_one("details.pcc-changes")
    assert changes.summary.get_text(strip=True) == "Changes to this page"
    assert "Corrected the size of the rise." in changes.get_text()
    removed = soup(site, "statement-2017/index.html")
    assert removed.h1.get_text(strip=True) == "Page removed"
    assert "removed after a privacy complaint" in removed.get_text()
    assert "/statement-2017/" not in site.read("sitemap.xml")
    assert "/statement-2017/" in site.read("urls.txt")


# --- Mistakes ------------------------------------------------------------------------

@pytest.mark.parametrize("front_matter, line, message", [
    ("changes:\n  - date: 2017-05-01\n    note: Too early.\n", 6,
     "error: the correction dated 1 May 2017 is before the release itself (24 May 2017)"),
    ("changes:\n  - date: 2099-01-01\n    note: Not yet.\n", 6,
     "error: the correction dated 1 January 2099 is in the future"),
    ("changes:\n  - date: 2017-06-01\n", 6, "error: a correction needs a date and a note"),
    ("withdrawn: 2021-05-13\n", 5, "error: withdrawn has no withdrawn_reason"),
    ("removed: 2018-01-10\n", 5, "error: removed has no removed_reason"),
    ("withdrawn_reason: Old.\n", 5, "error: withdrawn_reason is given but withdrawn is not"),
])
def test_mistakes_are_errors_with_the_file_and_line(tmp_path, front_matter, line, message):
    content = copy_content(tmp_path)
    path = content / "news" / "2017-05-24-support-for-manchester-victims.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("tags:", 1)
    path.write_text(head + front_matter + "tags:" + rest, encoding="utf-8")
    result = build_site(content, tmp_path / "out", fatal="errors")
    assert not result.ok
    assert f"2017-05-24-support-for-manchester-victims.md:{line}: {message}" in result.log
