"""The decisions register on a small fixture site: three decisions and a press release,
then a decision numbered like another and one that does not say what was decided."""

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import WIDE_LOG, build_site, fixture_content, report_messages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "decisions"


def content_from(tmp_path, *parts):
    return fixture_content(FIXTURES, tmp_path, *parts)


def messages_in(log):
    return report_messages(log)


def soup(result, relative):
    return BeautifulSoup(result.read(relative), "html.parser")


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("decisions_good")
    result = build_site(content_from(tmp_path, "good"), tmp_path / "output", fatal="errors",
                        env=WIDE_LOG)
    assert result.ok, result.log
    return result


def test_good_decisions_build_without_a_message(good_site):
    assert messages_in(good_site.log) == []


def test_a_decision_page_shows_its_facts_as_a_summary_list_then_its_background(good_site):
    page = soup(good_site, "decisions/2017/community-safety-fund/index.html")
    article = page.find("article", class_="pcc-article")
    assert article.h1.get_text(strip=True) == "Community Safety Fund for 2017/18"
    assert article.find(class_="pcc-article__meta").get_text(" ", strip=True) == \
        "Decision, published 31 March 2017"
    rows = article.select("dl.pcc-summary-list > div.pcc-summary-list__row")
    facts = [(row.dt.get_text(strip=True), row.dd.get_text(" ", strip=True)) for row in rows]
    assert facts == [
        ("Decision number", "2017/004"),
        ("Date", "31 March 2017"),
        ("Decision", "Set aside £783,393 for the Community Safety Grant in 2017/18."),
        ("Cost", "£783,393"),
    ]
    assert rows[1].dd.time["datetime"] == "2017-03-31"
    background = article.find("h2", string="Background")
    assert background.find_next("div", class_="pcc-prose").get_text(strip=True) == \
        "The background of the third decision."
    assert page.select_one("nav a[href='/decisions/']").get_text(strip=True) == "Decisions"


def test_a_decision_without_a_cost_has_no_cost_row(good_site):
    page = soup(good_site, "decisions/2017/fire-governance/index.html")
    keys = [dt.get_text(strip=True) for dt in page.select("dl.pcc-summary-list dt")]
    assert keys == ["Decision number", "Date", "Decision"]
    assert [li.get_text() for li in page.select(".pcc-prose li")] == ["with a list", "of two items"]


def test_the_decisions_list_shows_every_decision_newest_first_with_its_feed(good_site):
    page = soup(good_site, "decisions/index.html")
    assert page.h1.get_text(strip=True) == "Decisions"
    assert page.title.get_text().startswith("Decisions - ")
    links = [a["href"] for a in page.select(".pcc-content-list__title a")]
    assert links == ["/decisions/2017/community-safety-fund/", "/decisions/2017/fire-governance/",
                     "/decisions/2017/police-precept/"]
    metas = [p.get_text(" ", strip=True) for p in page.select(".pcc-content-list__meta")]
    assert metas[0] == "Decisions · 2017/004 · 31 March 2017"  # the number, to find one by it
    assert "Press releases" not in page.find(class_="pcc-lead").get_text()
    feed_link = page.find("link", rel="alternate", href="/feeds/decisions.atom.xml")
    assert feed_link["type"] == "application/atom+xml"
    assert page.find("a", href="/feeds/decisions.atom.xml") is not None  # visible Subscribe link


def test_the_decisions_feed_holds_the_decisions_only(good_site):
    feed = feedparser.parse(good_site.read("feeds/decisions.atom.xml"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [
        "Community Safety Fund for 2017/18", "A full business case for fire governance",
        "Police part of council tax for 2017/18"]
    assert feed.entries[0].link == \
        "https://hertscommissioner.github.io/decisions/2017/community-safety-fund/"
    assert "£783,393 for the Community Safety Grant" in feed.entries[0].summary


def test_decisions_are_in_the_feed_of_everything_but_not_in_the_home_pages_news(good_site):
    everything = feedparser.parse(good_site.read("feeds/all.atom.xml"))
    assert len(everything.entries) == 4
    home = soup(good_site, "index.html")
    news = home.find("section", attrs={"aria-labelledby": "latest-news"})
    assert [a["href"] for a in news.select(".pcc-content-list__title a")] == [
        "/news/2017/community-safety-grants/"]
    assert not home.select("a[href^='/decisions/2017/']")


def test_decisions_are_listed_under_their_topics(good_site):
    page = soup(good_site, "topics/finance/index.html")
    links = [a["href"] for a in page.select(".pcc-content-list__title a")]
    assert links == ["/news/2017/community-safety-grants/", "/decisions/2017/community-safety-fund/",
                     "/decisions/2017/police-precept/"]


def test_a_decision_page_says_it_is_a_decision_to_search(good_site):
    page = soup(good_site, "decisions/2017/police-precept/index.html")
    assert page.find("meta", attrs={"name": "pcc-search-type"})["content"] == "Decision"


def test_a_number_used_twice_and_a_missing_decision_are_errors_word_for_word(tmp_path):
    content = content_from(tmp_path, "good", "bad")
    result = build_site(content, tmp_path / "output", fatal="errors", env=WIDE_LOG)
    assert not result.ok
    decisions = content / "decisions"
    assert messages_in(result.log) == [
        ("error", f"{decisions}/2017-04-02-second-number-four.md:4: decision number \"2017/004\" "
                  f"is used by {decisions}/2017-03-31-community-safety-fund.md too. Fix: give "
                  "each decision its own number, as its signed notice gives it, and correct the "
                  "number of the one that is wrong"),
        ("error", f"{decisions}/2017-04-03-no-decision.md:6: the decision is missing. Fix: add a "
                  'line "decision: ..." to the front matter: what the Commissioner decided, in '
                  "one or two plain sentences"),
    ]
