"""The pages of a corrected, a withdrawn and a removed release in Chromium: no axe
violation at 1280 and 320 px, and the list of changes opens with the keyboard."""

import pytest

from conftest import build_site, copy_content
from local_chromium import serve
from browser.test_a11y_axe import describe, violations_on
from release_life_content import add_life_releases

PAGES = ["/news/2017/victim-support-hours/", "/news/2017/priorities/",
         "/news/2017/quarrel/", "/news/", "/faq/police-budget/", "/statement-2017/"]


@pytest.fixture(scope="module")
def life_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("life-browser")
    content = copy_content(tmp)
    add_life_releases(content)
    result = build_site(content, tmp / "out", extra_settings={"SEARCH_INDEX": False})
    assert result.ok, result.log
    with serve(result.output) as base_url:
        yield base_url


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_life_pages_have_no_axe_violations(life_site, fresh_page, width):
    page = fresh_page(width)
    problems = [describe(path, v) for path in PAGES
                for v in violations_on(page, life_site + path)]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_list_of_changes_opens_with_the_keyboard(life_site, fresh_page):
    page = fresh_page(1280)
    page.goto(life_site + PAGES[0])
    changes = page.locator("details.pcc-changes")
    assert changes.get_attribute("open") is None
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    page.keyboard.press("Enter")
    assert changes.get_attribute("open") is not None
    assert page.get_by_text("Corrected the Victim Support phone number.").is_visible()
    page.screenshot(path="/tmp/release-life-changes.png")
