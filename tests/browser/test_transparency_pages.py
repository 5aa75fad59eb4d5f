"""The transparency pages (plugins/transparency) in Chromium, on the small fixture site
with one duty of each rule (tests/fixtures/transparency/good/), built on 15 July 2017.

No axe violation at 1280 and 320 px; nothing scrolls sideways at 320 px but a table in
its own focusable, named region; the sort links work without JavaScript; the total and
the CSV download; search finds a supplier's month but never a sorted copy; /transparency/
says each duty's status in words and Tab reaches its links with a visible focus.
"""

import re

import pytest

from conftest import REPO, build_site
from local_chromium import serve
from browser.test_a11y_axe import describe, violations_on
from browser.test_a11y_reflow import sideways_scroll
from browser.test_keyboard_focus import focus_problems, tab_through
from browser.test_search_journeys import results_of

FIXTURE = REPO / "tests" / "fixtures" / "transparency" / "good"
APRIL = "/transparency/spending/2017-04/"
AXE_PAGES = ["/transparency/", "/transparency/spending/", APRIL, APRIL + "by-amount/",
             "/transparency/hmicfrs-reports/2017-06-01/"]
# Every page the plugin writes for the fixture, for the reflow and region checks.
ALL_PAGES = AXE_PAGES + [
    APRIL + "by-supplier/", "/transparency/spending/2017-05/",
    "/transparency/spending/2017-05/by-amount/", "/transparency/spending/2017-05/by-supplier/",
    "/transparency/grants/", "/transparency/grants/2017-04/",
    "/transparency/grants/2017-04/by-amount/", "/transparency/grants/2017-04/by-recipient/",
    "/transparency/hmicfrs-reports/", "/transparency/hmicfrs-reports/2017-06-01/by-report/",
]


@pytest.fixture(scope="module")
def transparency_site(tmp_path_factory):
    """The fixture site, built once with its Pagefind index and served: its base URL."""
    output = tmp_path_factory.mktemp("transparency-browser") / "out"
    result = build_site(FIXTURE, output, extra_settings={"SITE_NOW": "2017-07-15T12:00"})
    assert result.ok, result.log
    built = {"/" + p.relative_to(output).as_posix()[: -len("index.html")]
             for p in (output / "transparency").rglob("index.html")}
    assert built == set(ALL_PAGES), f"the plugin wrote other pages than expected: {sorted(built)}"
    assert (output / "pagefind" / "pagefind-entry.json").exists(), "no search index was built"
    with serve(output) as base_url:
        yield base_url


def heading_name(text):
    """A column heading's visible name."""
    return text.split(":")[0].strip()


def column(page, name):
    """The texts of the body cells under the column heading `name`, top to bottom."""
    headings = [heading_name(h) for h in page.locator("thead th").all_inner_texts()]
    index = headings.index(name) + 1
    return page.locator(f"tbody tr > :nth-child({index})").all_inner_texts()


def sort_state(page):
    """{heading: aria-sort} for every column heading of the table."""
    return {heading_name(th.inner_text()): th.get_attribute("aria-sort")
            for th in page.locator("thead th").all()}


# Each region that scrolls sideways: whether it is in the Tab order, its role and name.
SCROLLING_REGIONS = """() => [...document.querySelectorAll('main *')]
  .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
                && el.scrollWidth > el.clientWidth + 1)
  .map(el => ({html: el.outerHTML.slice(0, 100), tabIndex: el.tabIndex,
               role: el.getAttribute('role'),
               name: (document.getElementById(el.getAttribute('aria-labelledby') || '')
                      || {textContent: el.getAttribute('aria-label') || ''}).textContent.trim()}))"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_transparency_pages_have_no_axe_violations(transparency_site, fresh_page, width):
    page = fresh_page(width)
    problems = []
    for path in AXE_PAGES:
        assert page.request.get(transparency_site + path).ok, path
        problems += [describe(path, v) for v in violations_on(page, transparency_site + path)]
    assert not problems, f"{len(problems)} axe violations at {width} px:\n" + "\n".join(problems)


@pytest.mark.browser
def test_no_transparency_page_scrolls_sideways_at_320px(transparency_site, fresh_page):
    """A wide table scrolls inside its wrapper; the page never does (WCAG 1.4.10). A
    wrapper that scrolls is a named region in the Tab order, so a keyboard can scroll it."""
    page = fresh_page(320)
    problems = []
    scrolling = 0
    for path in ALL_PAGES:
        page.goto(transparency_site + path)
        if problem := sideways_scroll(page):
            problems.append(f"{path}: {problem}")
        for region in page.evaluate(SCROLLING_REGIONS):
            scrolling += 1
            if region["tabIndex"] != 0 or region["role"] != "region" or not region["name"]:
                problems.append(f"{path}: a box that scrolls sideways is not a named region "
                                f"in the Tab order: {region}")
    assert not problems, "\n".join(problems)
    assert scrolling, "no table scrolled at 320 px: the region check checked nothing"


@pytest.mark.browser
def test_duties_fit_a_phone_without_their_tables_scrolling(transparency_site, fresh_page):
    """The duties tables have two columns so that they need no scrolling at 320 px."""
    page = fresh_page(320)
    page.goto(transparency_site + "/transparency/")
    assert page.evaluate(SCROLLING_REGIONS) == []


@pytest.mark.browser
def test_a_keyboard_reaches_and_scrolls_the_table_region_at_320px(transparency_site, fresh_page):
    page = fresh_page(320)
    page.goto(transparency_site + APRIL)
    region = page.get_by_role("region", name="Spending over £500, April 2017, sorted by date, oldest first")
    assert region.count() == 1
    for _ in range(40):
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table's region")
    # The one before it in the Tab order is the CSV link; the one after, the first sort link.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Download this table (CSV)"
    page.keyboard.press("Tab")
    assert region.evaluate("el => el.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.pcc-table-wrap').scrollLeft > 0")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Supplier"


@pytest.mark.browser
def test_sort_links_work_without_javascript(transparency_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(transparency_site + APRIL)
        assert column(page, "Amount") == ["£1,250", "£28,500", "£612.40"]  # by date
        assert sort_state(page) == {"Date": "ascending", "Supplier": None,
                                    "Expense type": None, "Description": None, "Amount": None}

        page.get_by_role("columnheader", name=re.compile("^Amount")).get_by_role("link").click()
        page.wait_for_url(transparency_site + APRIL + "by-amount/")
        assert column(page, "Amount") == ["£28,500", "£1,250", "£612.40"]
        assert sort_state(page)["Amount"] == "descending"
        assert [s for s in sort_state(page).values() if s] == ["descending"]
        assert page.locator("caption").text_content().endswith("sorted by amount, largest first")
        assert page.locator(".pcc-register-sort").inner_text().startswith("Sorted by amount, largest first.")
        assert page.title().startswith("Spending over £500: April 2017, by amount")

        page.get_by_role("columnheader", name=re.compile("^Supplier")).get_by_role("link").click()
        page.wait_for_url(transparency_site + APRIL + "by-supplier/")
        suppliers = column(page, "Supplier")
        assert suppliers == ["Beacon Victim Care", "Hertfordshire County Council",
                             "Zephyr Stationery Ltd"]
        assert suppliers == sorted(suppliers, key=str.lower)
        assert sort_state(page)["Supplier"] == "ascending"

        # Date leads back to the page itself, in date order.
        page.get_by_role("columnheader", name=re.compile("^Date")).get_by_role("link").click()
        page.wait_for_url(transparency_site + APRIL)
        assert column(page, "Date") == ["3 April 2017", "10 April 2017", "21 April 2017"]
    finally:
        context.close()


@pytest.mark.browser
def test_total_and_csv_download(transparency_site, fresh_page):
    page = fresh_page()
    page.goto(transparency_site + APRIL)
    total = page.locator("tfoot tr")
    assert total.get_by_role("rowheader").inner_text() == "Total"
    assert total.locator("td").inner_text() == "£30,362.40"
    assert page.get_by_text("3 entries, £30,362.40 in all.").is_visible()

    link = page.get_by_role("link", name="Download this table (CSV)")
    assert link.get_attribute("href") == "/transparency/spending/2017-04.csv"
    assert link.get_attribute("download") is not None
    response = page.request.get(transparency_site + link.get_attribute("href"))
    assert response.ok
    assert response.text().startswith("Date,Supplier,Expense type,Description,Amount")

    # The register's page links to the same file, named for a screen reader.
    page.goto(transparency_site + "/transparency/spending/")
    assert page.get_by_role("link", name="CSV of April 2017").get_attribute("href") == \
        "/transparency/spending/2017-04.csv"


@pytest.mark.browser
def test_search_finds_a_supplier_but_not_the_sorted_copies(transparency_site, fresh_page):
    page = fresh_page()
    page.goto(transparency_site + "/search/?q=Quillfeather")
    status, results = results_of(page)
    hrefs = [href for _, href in results]
    assert "/transparency/spending/2017-05/" in hrefs, results
    assert not [href for href in hrefs if "/by-" in href], results
    assert status.startswith(f"{len(results)} result"), status

    # A supplier of April is in two sorted copies too; only the page itself is found.
    page.goto(transparency_site + "/search/?q=Zephyr")
    _, results = results_of(page)
    assert [href for _, href in results] == [APRIL], results


@pytest.mark.browser
def test_the_duties_say_their_status_in_words(transparency_site, fresh_page):
    page = fresh_page()
    page.goto(transparency_site + "/transparency/")
    statuses = {}
    for row in page.locator("table.pcc-duties tbody tr").all():
        item = row.get_by_role("rowheader").inner_text().split("\n")[0].strip()
        statuses[item] = row.locator(".pcc-status").inner_text()
    assert statuses == {
        "Names of the Commissioner and Deputy": "Published",
        "Their salaries": "Not yet published here",
        "The budget": "Up to date",
        "Grants": "Overdue",
        "Spending over £500": "Up to date",
        "Important decisions": "Published",
        "The Commissioner's comments on inspection reports": "Overdue",
    }
    for words in ("Overdue", "Up to date", "Not yet published here"):
        assert page.locator(".pcc-status", has_text=words).first.is_visible()
    # Each table is named by the heading of its group.
    for name in ("The Commissioner", "Money", "Decisions", "Inspections"):
        assert page.get_by_role("table", name=name).count() == 1


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_tab_reaches_the_links_in_the_duties_tables_with_a_visible_focus(
        transparency_site, fresh_page, width):
    path = "/transparency/"
    expected, visited = tab_through(fresh_page(width), transparency_site + path)
    problems = focus_problems(path, expected, visited)
    assert not problems, "\n".join(problems)
    reached = [v["name"] for v in visited]
    for link in ("Names of the Commissioner and Deputy", "The budget", "Grants",
                 "Spending over £500", "Important decisions",
                 "The Commissioner's comments on inspection reports"):
        assert any(name.startswith(f'<a> "{link}" -> ') for name in reached), (link, reached)


@pytest.mark.browser
@pytest.mark.parametrize("path", [APRIL, "/transparency/spending/"])
def test_tab_reaches_the_register_links_with_a_visible_focus(transparency_site, fresh_page, path):
    expected, visited = tab_through(fresh_page(1280), transparency_site + path)
    problems = focus_problems(path, expected, visited)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_links_of_an_inspection_report_say_where_they_go(transparency_site, fresh_page):
    """The report and the Commissioner's comments are both "Read it" on screen; to a
    screen reader's list of links each says which it is (WCAG 2.4.4)."""
    page = fresh_page()
    page.goto(transparency_site + "/transparency/hmicfrs-reports/2017-06-01/")
    links = page.locator("table").get_by_role("link")
    names = {}
    for link in links.all():
        name = " ".join(link.text_content().split())
        names.setdefault(name, set()).add(link.get_attribute("href"))
    assert {name: len(hrefs) for name, hrefs in names.items() if len(hrefs) > 1} == {}
    # (The visually hidden text is a box of its own: Chromium names it "Read it : report, ...")
    report = page.get_by_role("link", name=re.compile(r"^Read it ?: report, PEEL: police"))
    comments = page.get_by_role("link", name=re.compile(r"^Read it ?: comments, PEEL: police"))
    assert report.get_attribute("href") == "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    assert comments.get_attribute("href") == "/budget-2017-18/"
