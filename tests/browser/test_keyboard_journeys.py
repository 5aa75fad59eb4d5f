"""A reader who uses only Tab and Enter gets from the home page to a press release,
to the contact directory and to a District Day report.

Each step presses Tab until a link to the next page has focus, then Enter, exactly as
a keyboard user would; the pages are found through the site's own links, not typed in.
"""

import re

import pytest

FOCUSED_LINK = """() => {
  const el = document.activeElement;
  if (!el || el.tagName !== 'A') return null;
  return {path: new URL(el.href).pathname, text: el.innerText.trim().replace(/\\s+/g, ' ')};
}"""
MAX_TABS = 200


def follow_link_by_keyboard(page, path_pattern):
    """Tab until a link whose path matches has focus, press Enter; return the link."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        link = page.evaluate(FOCUSED_LINK)
        if link and re.fullmatch(path_pattern, link["path"]):
            with page.expect_navigation() as navigation:
                page.keyboard.press("Enter")
            status = navigation.value.status
            assert status == 200, f"{link['text']} ({link['path']}) leads to HTTP {status}"
            return link
        if link:
            seen.append(link["path"])
    pytest.fail(f"On {page.url}, Tab never reached a link to {path_pattern}; it reached: {seen}")


def heading(page):
    return page.locator("h1").inner_text().strip()


@pytest.mark.browser
def test_a_reader_reaches_a_press_release_by_keyboard(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/"))
    follow_link_by_keyboard(page, "/news/")
    assert heading(page) == "News"
    link = follow_link_by_keyboard(page, r"/news/\d{4}/[^/]+/")
    assert page.url == site.url(link["path"])
    assert heading(page) == link["text"]


@pytest.mark.browser
def test_a_reader_reaches_the_contact_directory_by_keyboard(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/"))
    follow_link_by_keyboard(page, "/contact/")
    assert page.url == site.url("/contact/")
    assert page.locator("main a[href^='tel:']").count() > 0, "the directory lists no phone numbers"
    # ...and on to a number: the directory's first phone link is reachable by Tab too.
    first_number = "document.activeElement === document.querySelector('main a[href^=\"tel:\"]')"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(first_number):
            break
    else:
        pytest.fail("Tab never reached the directory's first phone number")


@pytest.mark.browser
def test_a_reader_reaches_a_district_day_report_by_keyboard(site, fresh_page):
    page = fresh_page()
    page.goto(site.url("/"))
    follow_link_by_keyboard(page, "/district-days/")
    link = follow_link_by_keyboard(page, r"/district-days/\d{4}/[^/]+/")
    assert page.url == site.url(link["path"])
    assert heading(page) == link["text"]
