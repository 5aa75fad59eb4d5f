"""District Days on a small fixture site: four districts, good reports, then bad ones."""

import re
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import WIDE_LOG, build_site, fixture_content, report_messages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "district_days"
FOUR = "Dacorum, Hertsmere, St Albans, Watford"


def content_from(tmp_path, *parts):
    return fixture_content(FIXTURES, tmp_path, *parts)


def messages_in(log):
    return report_messages(log)


def soup(result, relative):
    return BeautifulSoup(result.read(relative), "html.parser")


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("district_days_good")
    result = build_site(content_from(tmp_path, "good"), tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert result.ok, result.log
    return result


def test_good_reports_build_without_a_message(good_site):
    assert messages_in(good_site.log) == []


def test_overview_lists_every_district_with_count_last_date_and_no_visit_flag(good_site):
    page = soup(good_site, "districts/index.html")
    rows = page.select("table tbody tr")
    table = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in rows]
    assert table == [
        ["Dacorum", "2", "12 May 2017"],
        ["Hertsmere", "1", "11 May 2016 No visit in the 12 months before 12 May 2017"],
        ["St Albans", "0", "None yet No visit in the 12 months before 12 May 2017"],
        ["Watford", "1", "20 January 2017"],
    ]
    links = [a["href"] for a in page.select("table tbody th a")]
    assert links == ["/districts/dacorum/", "/districts/hertsmere/", "/districts/st-albans/", "/districts/watford/"]


def test_district_page_lists_its_reports_newest_first_and_the_news_naming_it(good_site):
    page = soup(good_site, "districts/dacorum/index.html")
    assert page.h1.get_text(" ", strip=True) == "District Dacorum"
    reports = page.find("h2", id="reports").find_next("ul")
    assert [a["href"] for a in reports.select("h3 a")] == [
        "/district-days/2017/dacorum/", "/district-days/2016/dacorum/"]
    news = page.find("h2", id="news").find_next("ul")
    assert [a["href"] for a in news.select("h3 a")] == [
        "/news/2017/fly-tipping-in-dacorum/", "/news/2017/watford-and-dacorum/"]
    council = page.find("a", href="https://www.dacorum.gov.uk/")
    assert council.get_text(strip=True) == "Dacorum Borough Council website"
    assert "No visit" not in page.main.get_text()


def test_district_page_links_its_feed_visibly_and_for_feed_readers(good_site):
    page = soup(good_site, "districts/watford/index.html")
    subscribe = page.find("a", string=re.compile("Subscribe"))
    assert subscribe.get_text(strip=True) == "Subscribe to District Days in Watford"
    assert subscribe["href"] == "/feeds/districts/watford.atom.xml"
    alternates = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert "/feeds/districts/watford.atom.xml" in alternates
    assert "/feeds/all.atom.xml" in alternates  # super(): the site's feeds stay linked


def test_a_district_page_lists_only_the_newest_press_releases_and_says_so(tmp_path):
    result = build_site(content_from(tmp_path, "good"), tmp_path / "output",
                        extra_settings={"DISTRICT_DAYS_NEWS_LIMIT": 1}, env=WIDE_LOG)
    assert result.ok, result.log
    news = soup(result, "districts/dacorum/index.html").find("h2", id="news")
    assert news.find_next("p").get_text(" ", strip=True) == (
        "The 1 newest of 2 press releases about Dacorum. All news .")
    assert [a["href"] for a in news.find_next("ul").select("h3 a")] == ["/news/2017/fly-tipping-in-dacorum/"]


def test_a_district_without_reports_has_a_page_and_says_so(good_site):
    page = soup(good_site, "districts/st-albans/index.html")
    text = page.main.get_text(" ", strip=True)
    assert "There is no District Day report for St Albans yet." in text
    assert "No visit in the 12 months before 12 May 2017" in text
    assert "No press release names St Albans yet." in text


def test_each_district_feed_holds_exactly_its_own_reports(good_site):
    expected = {
        "dacorum": ["/district-days/2017/dacorum/", "/district-days/2016/dacorum/"],
        "hertsmere": ["/district-days/2016/hertsmere/"],
        "st-albans": [],
        "watford": ["/district-days/2017/watford/"],
    }
    for slug, paths in expected.items():
        feed = feedparser.parse(good_site.output / "feeds" / "districts" / f"{slug}.atom.xml")
        assert not feed.bozo, (slug, feed.bozo_exception)
        assert [re.sub(r"^https?://[^/]+", "", e.link) for e in feed.entries] == paths, slug
    dacorum = feedparser.parse(good_site.output / "feeds/districts/dacorum.atom.xml")
    assert dacorum.feed.title.endswith("District Days in Dacorum")
    # An empty feed (the feeds plugin dates it) does not change with the day of the build.
    empty = feedparser.parse(good_site.output / "feeds/districts/st-albans.atom.xml")
    assert empty.feed.updated.startswith("2017-05-12")


def test_report_page_links_to_its_district_and_lists_visits(good_site):
    page = soup(good_site, "district-days/2017/dacorum/index.html")
    meta = page.select_one(".pcc-article__meta")
    assert meta.a["href"] == "/districts/dacorum/" and meta.a.get_text() == "Dacorum"
    visits = [li.get_text(strip=True) for li in page.find("h2", string="Visits").find_next("ul").find_all("li")]
    assert visits == ["Berkhamsted police station", "Cherished: a domestic abuse support group"]


def test_two_reports_in_one_district_in_different_years_are_two_feed_entries(good_site):
    links = [e.link for e in feedparser.parse(good_site.output / "feeds/all.atom.xml").entries]
    assert len(links) == len(set(links)) == 7


def test_bad_reports_are_refused_with_file_line_and_fix(tmp_path):
    content = content_from(tmp_path, "good", "bad")
    result = build_site(content, tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert not result.ok
    reports, news = content / "district-days", content / "news"
    listed = f"write one of them exactly as listed: {FOUR}"
    same_day = ("another District Day report is for Dacorum on 12 May 2017 too: {}. "
                "Fix: correct the date or the district of one of them, or merge them into one report")
    assert messages_in(result.log) == sorted([
        ("error", f"{reports}/2017-05-12-dacorum-again.md:3: "
                  + same_day.format(f"{reports}/2017-05-12-dacorum.md")),
        ("error", f"{reports}/2017-05-12-dacorum.md:3: "
                  + same_day.format(f"{reports}/2017-05-12-dacorum-again.md")),
        ("error", f'{reports}/2017-06-02-dacorm.md:6: district "Dacorm" is not one of the four '
                  f'districts. Fix: {listed} (did you mean "Dacorum"?)'),
        ("error", f'{reports}/2017-07-07-st-albans.md:6: district "St. Albans" is not one of the four '
                  f'districts. Fix: {listed} (did you mean "St Albans"?)'),
        ("error", f"{reports}/2017-08-04-no-district.md:8: the District Day report does not say which "
                  f'district it was in. Fix: add a line "district: ..." with one of {FOUR}'),
        ("error", f"{reports}/2017-09-01-watford-no-visits.md:7: the District Day report lists no visits. "
                  'Fix: add "visits:" with the places and groups visited, one per line, each starting '
                  '"  - " under "visits:"'),
        ("warning", f'{reports}/2017-10-06-draft.md:7: district "Watferd" is not one of the four '
                    f'districts. Fix: {listed} (did you mean "Watford"?)'),
        ("error", f'{news}/2017-04-01-unknown-districts.md:8: "watford" in districts is not one of the '
                  f'four districts. Fix: {listed} (did you mean "Watford"?)'),
        ("error", f'{news}/2017-04-01-unknown-districts.md:9: "Luton" in districts is not one of the '
                  f"four districts. Fix: {listed}"),
    ])


def test_drafts_are_checked_but_not_listed(tmp_path):
    content = content_from(tmp_path, "good")
    draft = (FIXTURES / "bad" / "district-days" / "2017-10-06-draft.md").read_text(encoding="utf-8")
    (content / "district-days" / "2017-10-06-watford-draft.md").write_text(
        draft.replace("Watferd", "Watford"), encoding="utf-8")
    result = build_site(content, tmp_path / "output", fatal="warnings", env=WIDE_LOG)
    assert result.ok, result.log
    watford = soup(result, "districts/watford/index.html").find("h2", id="reports").find_next("ul")
    assert [a["href"] for a in watford.select("h3 a")] == ["/district-days/2017/watford/"]
    feed = feedparser.parse(result.output / "feeds/districts/watford.atom.xml")
    assert len(feed.entries) == 1
    draft_page = soup(result, "drafts/watford-draft/index.html")
    assert draft_page.select_one(".pcc-article__meta a")["href"] == "/districts/watford/"


def test_content_naming_districts_without_the_list_of_districts_is_an_error(tmp_path):
    content = content_from(tmp_path, "good")
    (content / "data" / "districts.yml").unlink()
    result = build_site(content, tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert not result.ok
    assert (f"{content}/data/districts.yml: error: the list of districts is missing, but 6 files "
            "name a district. Fix: restore the file (see docs/CONTENT_GUIDE.md)") in result.log
    assert not (tmp_path / "output" / "districts").exists()


def test_a_site_without_districts_or_district_days_stays_quiet(tmp_path):
    content = content_from(tmp_path, "good")
    shutil.rmtree(content / "data")
    shutil.rmtree(content / "district-days")
    (content / "news" / "2017-02-01-watford-and-dacorum.md").unlink()
    (content / "news" / "2017-04-10-fly-tipping-in-dacorum.md").unlink()
    result = build_site(content, tmp_path / "output", fatal="warnings", env=WIDE_LOG)
    assert result.ok, result.log
    assert not (tmp_path / "output" / "districts").exists()
    assert not (tmp_path / "output" / "feeds" / "districts").exists()


def test_a_report_without_visits_is_unfinished_a_warning_in_a_preview(tmp_path):
    """make html shows the rest of the report (a warning); make publish refuses it (the
    test above, an error)."""
    content = content_from(tmp_path, "good", "bad")
    result = build_site(content, tmp_path / "output", env=WIDE_LOG)
    reports = content / "district-days"
    assert ("warning", f"{reports}/2017-09-01-watford-no-visits.md:7: the District Day report "
            'lists no visits. Fix: add "visits:" with the places and groups visited, one per '
            'line, each starting "  - " under "visits:"') in messages_in(result.log)
