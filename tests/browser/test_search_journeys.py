"""Site search in real Chromium, on the real built site with its Pagefind index.

A resident types into the search box in the header of any page and finds the page
that answers them; the result count is announced; filters narrow the results; the
search page with results passes axe. Uses the browser tier's fixtures
(tests/browser/conftest.py): `site` serves the built output on 127.0.0.1.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
    ]},
    "resultTypes": ["violations"],
}


def search_from_header(page, site, start_path, words):
    """Type `words` into the header's search box on `start_path` and press Enter."""
    page.goto(site.url(start_path))
    page.get_by_role("search", name="Site").get_by_label("Search this site").fill(words)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    return results_of(page)


def results_of(page):
    status = page.get_by_role("status")
    page.wait_for_function(
        "() => /result/.test(document.querySelector('.pcc-search__status').textContent)")
    links = page.get_by_role("list", name="Search results").get_by_role("link")
    return status.inner_text(), [(link.inner_text(), link.get_attribute("href"))
                                 for link in links.all()]


@pytest.mark.browser
def test_fly_tipping_finds_the_dacorum_district_day(site, fresh_page):
    page = fresh_page()
    status, results = search_from_header(page, site, "/news/", "fly-tipping")

    assert ("Commissioner tackles fraud, scams and fly-tipping on Dacorum District Day",
            "/district-days/2017/dacorum/") in results
    assert re.fullmatch(r"\d+ results? for \u201cfly-tipping\u201d", status), status
    first = page.locator(".pcc-search-result").first
    assert "District Day" in first.locator(".pcc-search-result__meta").inner_text()
    assert "12 May 2017" in first.locator(".pcc-search-result__meta").inner_text()
    assert "fly-tipping" in first.locator("mark").first.inner_text().lower()


@pytest.mark.browser
def test_council_tax_finds_the_council_tax_questions(site, fresh_page):
    page = fresh_page(width=320)
    status, results = search_from_header(page, site, "/", "council tax")

    assert results[0] == ("Council tax: questions to the Commissioner", "/faq/council-tax/")
    assert "result" in status


@pytest.mark.browser
def test_result_link_opens_the_page(site, fresh_page):
    page = fresh_page()
    search_from_header(page, site, "/about/", "fly-tipping")
    page.get_by_role("link", name=re.compile("Dacorum District Day")).first.click()
    page.wait_for_url(re.compile(r"/district-days/2017/dacorum/$"))
    assert "Dacorum" in page.locator("h1").inner_text()


@pytest.mark.browser
def test_type_filter_keeps_only_faq_pages(site, fresh_page):
    page = fresh_page()
    search_from_header(page, site, "/", "council tax")
    everything = page.locator(".pcc-search-result").count()

    page.get_by_label("Type").select_option("FAQ")
    page.wait_for_url(re.compile(r"type=FAQ"))
    page.wait_for_function(
        "() => /in FAQ/.test(document.querySelector('.pcc-search__status').textContent)")
    metas = page.locator(".pcc-search-result__meta").all_inner_texts()

    assert metas and all(meta.startswith("FAQ") for meta in metas), metas
    assert len(metas) <= everything


@pytest.mark.browser
def test_district_filter_offers_districts_and_narrows_results(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/search/?q=commissioner&district=Dacorum"))
    status, results = results_of(page)

    assert "Dacorum" in page.get_by_label("District").locator("option").all_inner_texts()
    assert page.get_by_label("District").input_value() == "Dacorum"
    assert "about Dacorum" in status
    assert ("Commissioner tackles fraud, scams and fly-tipping on Dacorum District Day",
            "/district-days/2017/dacorum/") in results


@pytest.mark.browser
def test_no_results_says_what_to_try(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/search/?q=xylophonequartet"))
    status, results = results_of(page)
    assert results == []
    assert status.startswith("0 results for \u201cxylophonequartet\u201d. Check the spelling")


@pytest.mark.browser
def test_search_works_by_keyboard_alone(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/search/"))
    page.get_by_label("Search for").wait_for()
    page.get_by_label("Search for").focus()
    page.keyboard.type("fly-tipping")
    page.keyboard.press("Enter")
    results_of(page)
    # From the box, Tab passes the filters and the button, then reaches the first result.
    for _ in range(4):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.pcc-search-result') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_search_page_with_results_has_no_axe_violations(site, fresh_page, width):
    page = fresh_page(width=width)
    page.goto(site.url("/search/?q=victims"))
    results_of(page)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.mark.browser
def test_without_javascript_the_search_page_explains_and_lists_topics(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("/search/?q=fly-tipping"))
        assert page.get_by_text("Search needs JavaScript").is_visible()
        assert not page.get_by_label("Search for").is_visible()
        assert page.get_by_role("link", name="Victims").is_visible()
        assert page.get_by_role("link", name="News", exact=True).first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_search_sends_nothing_to_other_hosts_and_sets_no_cookies(site, fresh_page):
    page = fresh_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(re.sub(r"^\w+://([^/]+).*", r"\1", request.url)))
    search_from_header(page, site, "/", "fly-tipping")
    assert hosts == {site.base_url.split("://", 1)[1]}, hosts
    assert page.context.cookies() == []


@pytest.mark.browser
def test_type_filter_offers_the_content_types_in_the_tables_order_and_words(site, fresh_page):
    from site_core import CONTENT_TYPES  # the table the search page reads its labels from

    page = fresh_page()
    page.goto(site.url("/search/?q=commissioner"))
    results_of(page)
    options = page.get_by_label("Type").locator("option").all_inner_texts()
    in_table_order = [content_type.filter_label for content_type in CONTENT_TYPES]
    assert options[0] == "All types"
    assert len(options) >= 4, options  # news, District Days, FAQ and other pages are all indexed
    assert options[1:] == [label for label in in_table_order if label in options[1:]], options
    assert "Page" not in options  # shown as "Other pages"
