"""`make devserver` (tools/preview.py) in Chromium: saving a release rebuilds the site and
reloads the open tab by itself; a save with a content error shows the errors in a banner
on the reloaded page while the last good page stays served; nothing of the preview is
ever written into the output folder, and the web editor's page is never reloaded."""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser.test_a11y_axe import describe, violations_on
from conftest import REPO, copy_content

RELEASE = "news/2017-04-05-street-triage-pilot.md"
PAGE = "/news/2017/street-triage-pilot/"
STARTED = re.compile(r"preview: (http://127\.0\.0\.1:\d+)/")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    content = copy_content(tmp)
    process = subprocess.Popen(
        [sys.executable, str(REPO / "tools" / "preview.py"), "--content", str(content),
         "--output", str(tmp / "output"), "--port", "0"],
        cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True)
    base = None
    deadline = time.monotonic() + 120
    for line in process.stderr:  # the first build, then the address
        found = STARTED.search(line)
        if found:
            base = found.group(1)
            break
        assert time.monotonic() < deadline, "the preview server did not start"
    assert base, "the preview server stopped before it started serving"
    # Read the rest of its log as it comes, or the server would block on a full pipe.
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
    yield base, content, tmp / "output"
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=30)


def reload_until(page, url, shows, what):
    """Open `url` again until `shows()` is true: what a save changes in the background (the
    search index, a page's warnings) is ready a moment after the page is."""
    deadline = time.monotonic() + 60
    while True:
        page.goto(url)
        if shows():
            return
        assert time.monotonic() < deadline, f"the preview never showed {what}"
        time.sleep(0.3)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.browser
def test_saving_a_release_reloads_the_open_tab_with_the_new_text(preview, fresh_page):
    base, content, _ = preview
    page = fresh_page(1280)
    page.goto(base + PAGE)
    page.evaluate("window.openedByTheTest = true")  # gone once the tab has reloaded
    edit(content / RELEASE, "thanks to the Street Triage scheme.",
         "thanks to the Street Triage scheme, as the preview shows.")
    page.get_by_text("as the preview shows").wait_for(timeout=60_000)
    assert page.evaluate("window.openedByTheTest === undefined")  # reloaded, not by hand
    assert not page.locator(".pcc-preview-banner").count()


@pytest.mark.browser
def test_the_preview_finds_words_of_the_last_save_in_its_search(preview, fresh_page):
    base, content, _ = preview
    page = fresh_page(1280)
    edit(content / RELEASE, "Two cars cover the whole county.",
         "Two cars cover the whole county. Quokkaesque is a word only this save has.")
    links = page.get_by_role("list", name="Search results").get_by_role("link")

    def found():
        try:  # a search that started while the index was being replaced may not finish
            page.wait_for_function(
                "() => /result/.test(document.querySelector('.pcc-search__status').textContent)",
                timeout=5_000)
        except PlaywrightTimeout:
            return False
        return links.count() > 0

    reload_until(page, base + "/search/?q=quokkaesque", found, "the saved word in its search")
    assert [link.get_attribute("href") for link in links.all()] == [PAGE]


@pytest.mark.browser
def test_a_content_error_is_a_banner_over_the_last_good_page(preview, fresh_page):
    base, content, _ = preview
    page = fresh_page(1280)
    page.goto(base + PAGE)
    edit(content / RELEASE, "date: 2017-04-05", "date: 2017-04-55")
    banner = page.get_by_role("alert")
    banner.wait_for(timeout=60_000)
    assert re.match(r"Not built: the last save has \d+ problems?\. The pages below are from "
                    "the last good build", banner.inner_text())
    assert re.search(r"news/2017-04-05-street-triage-pilot\.md:\d+: error: .*2017-04-55",
                     banner.inner_text())
    assert page.get_by_role("heading", level=1).inner_text().startswith("Mental health")
    problems = [describe(PAGE, v) for v in violations_on(page, base + PAGE)]
    assert not problems, "\n".join(problems)
    edit(content / RELEASE, "date: 2017-04-55", "date: 2017-04-05")
    page.locator(".pcc-preview-banner").wait_for(state="detached", timeout=60_000)


@pytest.mark.browser
def test_a_page_shows_its_files_warnings_and_passes_axe(preview, fresh_page):
    base, content, _ = preview
    page = fresh_page(320)
    edit(content / RELEASE, "Two cars cover the whole county.",
         "Two cars cover the whole county, and the scheme will tackle demand.")
    hints = page.locator(".pcc-preview-hints")
    reload_until(page, base + PAGE, lambda: hints.count() and '"tackle"' in hints.inner_text(),
                 "the page's warning")
    box = page.get_by_role("complementary", name=re.compile("suggestions? for this page"))
    assert re.search(r'line \d+: "tackle" is a word to avoid in plain English\. Fix: write '
                     r'"stop", "reduce" or "deal with" instead', box.inner_text())
    problems = [describe(PAGE, v) for v in violations_on(page, base + PAGE)]
    assert not problems, "\n".join(problems)
    edit(content / RELEASE, "and the scheme will tackle demand.", "and the scheme cuts demand.")
    # Other tests' edits to this release may leave warnings of their own.
    reload_until(page, base + PAGE, lambda: '"tackle"' not in (
        hints.inner_text() if hints.count() else ""), "the page without the fixed warning")


@pytest.mark.browser
def test_nothing_of_the_preview_is_in_the_output(preview):
    _, _, output = preview
    pages = list(output.rglob("*.html"))
    assert pages
    assert not [page for page in pages if "__preview" in page.read_text(encoding="utf-8")]


def test_the_editor_page_is_served_as_it_is_and_site_pages_get_the_reload_script(preview):
    base, _, _ = preview
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(base + "/admin/", timeout=10) as response:
        assert "__preview" not in response.read().decode("utf-8")  # typing is never reloaded away
    with opener.open(base + "/news/", timeout=10) as response:
        assert '<script src="/__preview/reload.js" defer></script>' in response.read().decode()
