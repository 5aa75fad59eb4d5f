"""Transparency on a small fixture site (tests/fixtures/transparency/good): one duty of
each rule, registers in CSV, a budget page and an about page that say which duty they
meet, a decision. The build's "now" is fixed (SITE_NOW), so what is late is known."""

import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import WIDE_LOG, build_site, make_pdf, report_messages

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "transparency" / "good"
NOW = {"SITE_NOW": "2017-07-15T12:00", "SEARCH_INDEX": False}


def messages_in(log, content):
    return report_messages(log, content)


def fixture_copy(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def soup(result, relative):
    return BeautifulSoup(result.read(relative), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("transparency")
    content = fixture_copy(tmp_path)
    result = build_site(content, tmp_path / "output", extra_settings=NOW, fatal="errors", env=WIDE_LOG)
    assert result.ok, result.log
    result.content = content
    return result


def test_late_duties_are_warnings_that_say_what_is_due_and_since_when(site):
    assert messages_in(site.log, site.content) == [
        ("warning", 'data/transparency.yml:24: 3(f) "Grants" for May 2017 has been overdue since '
         "1 July 2017 (it was due by 30 June 2017). Fix: publish transparency/grants/2017-05.csv"),
        ("warning", 'transparency/hmicfrs-reports/2017-06-01.csv:3: 7B(b) "The Commissioner\'s '
         'comments on inspection reports": the answer to "Crime data integrity" (published 20 May '
         "2017) has been overdue since 15 July 2017; it was due within 56 days, by 14 July 2017. "
         'Fix: publish the Commissioner\'s comments, then fill in "Comments published" and '
         '"Comments link" in this row'),
    ]


def statuses(result):
    page = soup(result, "transparency/index.html")
    return {row["id"]: " ".join(row.find("td").get_text(" ").split())
            for row in page.select("table.pcc-duties tbody tr")}


def test_every_duty_is_listed_with_its_status_in_words(site):
    assert statuses(site) == {
        "article-1-a": "Published Last updated 1 March 2017",
        "article-1-c": "Not yet published here",
        "article-3-a": "Up to date Next: 2018 to 2019, due by 31 March 2018 Last updated 10 February 2017",
        "article-3-f": "Overdue Since 1 July 2017: May 2017 not yet published Last updated 30 April 2017",
        "article-3-g": "Up to date Next: June 2017, due by 31 July 2017 Last updated 31 May 2017",
        "article-5-d": "Published Last updated 31 March 2017",
        "article-7b-b": "Overdue Since 15 July 2017: nothing published yet for Crime data integrity Last updated 1 June 2017",
    }


def test_the_page_groups_duties_as_the_order_does_and_links_what_meets_them(site):
    page = soup(site, "transparency/index.html")
    counts = page.find("p", string=lambda text: text and text.startswith("Of "))
    assert " ".join(counts.get_text().split()) == (
        "Of 7 items: 2 up to date, 2 overdue, 2 published, 1 not yet published here.")
    assert [h.get_text() for h in page.select("main h2")][1:] == [
        "The Commissioner", "Money", "Decisions", "Inspections"]
    links = {row["id"]: row.find("a")["href"] for row in page.select("table.pcc-duties tbody tr")
             if row.find("a")}
    assert links["article-3-a"] == "/budget-2017-18/"
    assert links["article-3-g"] == "/transparency/spending/"  # every month, not the last
    assert links["article-5-d"] == "/decisions/"
    assert links["article-7b-b"] == "/transparency/hmicfrs-reports/"
    assert "article-1-c" not in links  # nothing to link to yet


def test_a_register_file_is_a_table_with_a_total_and_its_csv(site):
    page = soup(site, "transparency/spending/2017-04/index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in page.select("tbody tr")]
    assert rows == [
        ["3 April 2017", "Hertfordshire County Council", "Premises", "Rent for April", "£1,250"],
        ["10 April 2017", "Beacon Victim Care", "Victim services", "Quarterly payment", "£28,500"],
        ["21 April 2017", "Zephyr Stationery Ltd", "Supplies", "Paper, toner and ink", "£612.40"]]
    assert page.select_one("tfoot").get_text(" ", strip=True) == "Total £30,362.40"
    assert page.select_one('th[aria-sort="ascending"]').get_text(strip=True) == "Date"
    assert page.select_one("main")["data-pagefind-body"] == ""
    csv = site.read("transparency/spending/2017-04.csv")
    assert csv.splitlines()[:2] == ["Date,Supplier,Expense type,Description,Amount",
                                    "2017-04-03,Hertfordshire County Council,Premises,Rent for April,1250.00"]


def test_sorted_copies_need_no_script_and_are_not_searched(site):
    page = soup(site, "transparency/spending/2017-04/by-amount/index.html")
    assert [tr.find_all("td")[-1].get_text() for tr in page.select("tbody tr")] == [
        "£28,500", "£1,250", "£612.40"]
    assert page.select_one('th[aria-sort="descending"]').get_text(strip=True) == "Amount"
    assert not page.select_one("main").has_attr("data-pagefind-body")
    assert page.select_one('link[rel="canonical"]')["href"].endswith("/transparency/spending/2017-04/")
    main = soup(site, "transparency/spending/2017-04/index.html")
    assert [a["href"] for a in main.select("thead a")] == [
        "/transparency/spending/2017-04/by-supplier/", "/transparency/spending/2017-04/by-amount/"]


def test_the_register_page_lists_each_file_newest_first(site):
    page = soup(site, "transparency/spending/index.html")
    assert [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in page.select("tbody tr")] == [
        ["May 2017", "2", "£1,990", "CSV of May 2017"], ["April 2017", "3", "£30,362.40", "CSV of April 2017"]]


def test_the_feed_of_transparency_updates(site):
    feed = feedparser.parse(site.read("feeds/transparency.atom.xml"))
    assert not feed.bozo
    assert feed.feed.title.endswith("Transparency updates")
    assert [entry.title for entry in feed.entries] == [
        "Inspection reports and the Commissioner's comments: 1 June 2017",
        "Spending over £500: May 2017",
        "Spending over £500: April 2017",
        "Crime and disorder reduction grants: April 2017",
        "Community Safety Fund for 2017 to 2018",
        "Budget for 2017 to 2018",
        "About the Commissioner",
    ]
    entry = feed.entries[1]
    assert entry.link.endswith("/transparency/spending/2017-05/")
    assert entry.id.startswith("tag:")


def test_a_held_out_month_is_reported_when_a_build_runs_later(tmp_path):
    content = fixture_copy(tmp_path)
    (content / "transparency" / "grants" / "2017-05.csv").write_text(
        "Date awarded,Recipient,Purpose,Conditions,Amount\n2017-05-02,A trust,Youth work,,900\n")
    result = build_site(content, tmp_path / "out", env=WIDE_LOG,
                        extra_settings={**NOW, "SITE_NOW": "2017-08-01T09:00"})
    found = messages_in(result.log, content)
    assert [m for m in found if "3(g)" in m[1]] == [
        ("warning", 'data/transparency.yml:29: 3(g) "Spending over £500" for June 2017 has been '
         "overdue since 1 August 2017 (it was due by 31 July 2017). Fix: publish "
         "transparency/spending/2017-06.csv")]


def test_many_mistakes_at_once_are_all_reported_and_the_good_files_still_published(tmp_path):
    content = fixture_copy(tmp_path)
    registers = content / "transparency"
    (registers / "spending" / "April 2017.csv").write_text("Date,Supplier,Expense type,Description,Amount\n")
    (registers / "spending" / "2017-06.xlsx").write_bytes(b"PK\x03\x04")
    (registers / "spending" / "2017-05.csv").write_text(
        "Date,Supplier,Expense type,Description,Amount\n2017-05-02,A,B,,lots\n03/05/2017,A,B,,600\n")
    (registers / "spendng").mkdir()
    budget = content / "pages" / "budget-2017-18.md"
    budget.write_text(budget.read_text().replace("- 3(a) 2017-18", "- 3(a)\n  - 9(z) 2017-18"))
    result = build_site(content, tmp_path / "out", extra_settings=NOW, fatal="errors", env=WIDE_LOG)
    assert not result.ok
    errors = [text for level, text in messages_in(result.log, content) if level == "error"]
    assert errors == [
        'pages/budget-2017-18.md:6: meets "3(a)" does not say which financial year it covers. '
        'Fix: write the article, a space and the financial year: "3(a) 2017-18"',
        'pages/budget-2017-18.md:7: meets "9(z) 2017-18": article "9(z)" is not a duty in the '
        "duties file. Fix: write the article as data/transparency.yml lists it, for example 3(a)",
        'transparency/spending/2017-05.csv:2: Amount "lots" is not an amount of money. Fix: write '
        "pounds and pence in figures, for example 1250.00 or £1,250.00 (no words, no letters such "
        "as k or m)",
        'transparency/spending/2017-05.csv:3: Date "03/05/2017" is not written as year-month-day. '
        "Fix: write 2017-05-03 if you mean 3 May 2017; only year-month-day cannot be misread "
        "(05/11/2026 is 11 May in some countries)",
        'transparency/spending/2017-06.xlsx:1: "2017-06.xlsx" is not a CSV file. Fix: save the '
        "spreadsheet as CSV (comma separated values), named by its period, and remove this copy",
        'transparency/spending/April 2017.csv:1: the file name "April 2017.csv" does not say which '
        "month it is for. Fix: name it by the month, for example 2017-04.csv (April 2017)",
        'transparency/spendng: "spendng" is not one of the registers. Fix: put each register file '
        "in its folder: spending, grants, contracts, gifts-and-hospitality, premises, "
        'hmicfrs-reports (did you mean "spending"?)',
    ]
    # The month with mistakes is not published half-read; the good one still is.
    assert not (tmp_path / "out" / "transparency" / "spending" / "2017-05").exists()
    assert (tmp_path / "out" / "transparency" / "spending" / "2017-04" / "index.html").exists()


def test_a_page_publishes_its_documents_as_attachments(tmp_path):
    content = fixture_copy(tmp_path)
    make_pdf(content / "documents" / "2017" / "budget-report.pdf", pages=12)
    budget = content / "pages" / "budget-2017-18.md"
    budget.write_text(budget.read_text().replace(
        "meets:", "documents:\n  - file: documents/2017/budget-report.pdf\n    title: Budget report 2017 to 2018\nmeets:"))
    result = build_site(content, tmp_path / "out", extra_settings=NOW, fatal="errors", env=WIDE_LOG)
    assert result.ok, result.log
    page = soup(result, "budget-2017-18/index.html")
    section = page.select_one("section.pcc-attachments")
    link = section.select_one("h3 a")
    assert (link.get_text(), link["href"]) == ("Budget report 2017 to 2018", "/documents/2017/budget-report.pdf")
    size = (content / "documents" / "2017" / "budget-report.pdf").stat().st_size
    assert section.select("p.pcc-attachment__details")[0].get_text() == f"PDF, {round(size / 1024)} KB, 12 pages"
    assert section.select_one("details summary").get_text(" ", strip=True).startswith("Request an accessible format")
    assert (Path(result.output) / "documents" / "2017" / "budget-report.pdf").read_bytes() == \
        (content / "documents" / "2017" / "budget-report.pdf").read_bytes()


def test_a_page_with_only_a_modified_date_meets_its_duty(tmp_path):
    content = fixture_copy(tmp_path)
    about = content / "pages" / "about.md"
    about.write_text(about.read_text().replace("date: 2017-01-05\n", ""))
    assert "date: 2017-01-05" not in about.read_text()
    result = build_site(content, tmp_path / "out", extra_settings=NOW, fatal="errors", env=WIDE_LOG)
    assert result.ok, result.log
    assert statuses(result)["article-1-a"] == "Published Last updated 1 March 2017"
    titles = [e.title for e in feedparser.parse(result.read("feeds/transparency.atom.xml")).entries]
    assert "About the Commissioner" not in titles  # no date of its own to list it by
