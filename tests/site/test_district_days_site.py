"""District pages and feeds of the real site agree with the real content."""

import datetime
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta

CONTENT = Path(__file__).resolve().parents[2] / "content"
DISTRICTS = yaml.safe_load((CONTENT / "data" / "districts.yml").read_text(encoding="utf-8"))["districts"]
SLUG_BY_NAME = {d["name"]: d["slug"] for d in DISTRICTS}


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def url_of(path, folder):
    """The URL a content file is published at: /<folder>/<year>/<slug less date>/."""
    meta = front_matter(path)
    slug = meta.get("slug") or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem)
    return f"/{folder}/{str(meta['date'])[:4]}/{slug}/"


REPORTS = sorted(
    (front_matter(p)["district"], front_matter(p)["date"], url_of(p, "district-days"))
    for p in (CONTENT / "district-days").glob("*.md") if front_matter(p).get("status") != "draft"
)


def page(built_site, relative):
    return BeautifulSoup(built_site.read(relative), "html.parser")


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def test_the_seeded_dacorum_report_is_there():
    assert ("Dacorum", datetime.date(2017, 5, 12), "/district-days/2017/dacorum/") in REPORTS


def test_every_district_has_a_page(built_site):
    assert len(DISTRICTS) == 10
    for district in DISTRICTS:
        district_page = page(built_site, f"districts/{district['slug']}/index.html")
        assert district_page.h1.get_text(" ", strip=True) == f"District {district['name']}"
        council = district_page.find("a", href=district["website"])
        assert council is not None and district["council"] in council.get_text()


def test_overview_counts_and_last_dates_match_the_content(built_site):
    overview = page(built_site, "districts/index.html")
    newest = max(day for _, day, _ in REPORTS)
    since = newest - relativedelta(months=12)
    rows = {row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row.find_all("td")]
            for row in overview.select("table tbody tr")}
    assert list(rows) == [d["name"] for d in DISTRICTS]
    for district in DISTRICTS:
        days = [day for name, day, _ in REPORTS if name == district["name"]]
        count, last = rows[district["name"]]
        assert count == str(len(days)), district["name"]
        flag = f"No visit in the 12 months before {long_date(newest)}"
        if days:
            assert last.startswith(long_date(max(days))), district["name"]
        else:
            assert last.startswith("None yet"), district["name"]
        assert (flag in last) == (not days or max(days) < since), district["name"]


def test_district_pages_list_exactly_their_reports_newest_first(built_site):
    for district in DISTRICTS:
        expected = [url for name, _, url in sorted(REPORTS, key=lambda r: r[1], reverse=True)
                    if name == district["name"]]
        district_page = page(built_site, f"districts/{district['slug']}/index.html")
        listed = district_page.find("h2", id="reports").find_next_sibling()
        links = [a["href"] for a in listed.select("h3 a")] if listed.name == "ul" else []
        assert links == expected, district["name"]


def test_district_pages_list_the_press_releases_that_name_them(built_site):
    for district in DISTRICTS:
        expected = sorted(url_of(p, "news") for p in (CONTENT / "news").glob("*.md")
                          if district["name"] in (front_matter(p).get("districts") or []))
        district_page = page(built_site, f"districts/{district['slug']}/index.html")
        listed = district_page.find("h2", id="news").find_next_sibling()
        links = sorted(a["href"] for a in listed.select("h3 a")) if listed.name == "ul" else []
        assert links == expected, district["name"]


def test_each_district_feed_is_linked_parses_and_holds_exactly_its_reports(built_site):
    for district in DISTRICTS:
        feed_path = f"/feeds/districts/{district['slug']}.atom.xml"
        district_page = page(built_site, f"districts/{district['slug']}/index.html")
        assert district_page.find("a", href=feed_path, string=re.compile("^Subscribe"))
        assert district_page.find("link", rel="alternate", href=feed_path)
        feed = feedparser.parse(built_site.output / feed_path.lstrip("/"))
        assert not feed.bozo, feed.bozo_exception
        expected = sorted(url for name, _, url in REPORTS if name == district["name"])
        assert sorted(path_of(entry.link) for entry in feed.entries) == expected, district["name"]


def test_dacorum_feed_holds_the_dacorum_district_day(built_site):
    feed = feedparser.parse(built_site.output / "feeds/districts/dacorum.atom.xml")
    assert [path_of(e.link) for e in feed.entries] == ["/district-days/2017/dacorum/"]
    assert feed.entries[0].title == ("Commissioner tackles fraud, scams and fly-tipping on "
                                     "Dacorum District Day")


@pytest.mark.parametrize("district, _, url", REPORTS)
def test_report_page_links_to_its_district_page(built_site, district, _, url):
    report = page(built_site, url.lstrip("/") + "index.html")
    links = {a["href"] for a in report.main.find_all("a")}
    assert f"/districts/{SLUG_BY_NAME[district]}/" in links
    visits = report.find("h2", string="Visits").find_next("ul").find_all("li")
    assert len(visits) >= 1
