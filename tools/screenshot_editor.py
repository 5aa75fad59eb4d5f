#!/usr/bin/env python3
"""The content guide's pictures of the web editor, taken in Debian's Chromium.

    .venv/bin/python tools/screenshot_editor.py [FOLDER]   # default: docs/images/

Runs the editor on a throwaway copy of the site (tools/editor_session.py) and saves
four 1280x800 pictures: editor-list.png (the list of press releases),
editor-new-release.png (a press release half written, its preview beside it),
editor-refused.png (a summary that is too long, refused) and editor-plain-english.png
(the preview's plain-English suggestions). Nothing is saved into content/: the copy is
deleted afterwards.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from editor_session import REPO, editor_session
from local_chromium import CHROMIUM, CHROMIUM_ARGS

TITLE = "Commissioner’s new fund for community cafés"
SUMMARY = ("The Police and Crime Commissioner opens a £50,000 fund for community cafés "
           "that support victims of crime.")
LONG_SUMMARY = ("The Commissioner said a great deal about the fund, its history, the "
                "people who asked for it and the cafés that will bid for it. ") * 3


def choose(page, label, option):
    page.get_by_label(label).click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def signed_in(browser, session, route):
    """A page of its own (no half-written entry from before), signed in at `route`."""
    page = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB").new_page()
    page.set_default_timeout(15_000)
    page.goto(session.admin_url(route))
    page.get_by_role("button", name="Login").click()
    return page


def take(page, folder, name):
    page.wait_for_timeout(600)  # transitions and the preview's rendering settle
    path = folder / name
    page.screenshot(path=str(path))
    print(path)


def main(folder):
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="editor-shots-") as workdir, \
            editor_session(workdir) as session, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = signed_in(browser, session, "/collections/news")
        page.get_by_text("victims of the Manchester attack").wait_for()
        take(page, folder, "editor-list.png")

        page = signed_in(browser, session, "/collections/news/new")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Summary").fill(SUMMARY)
        choose(page, "Topics", "Victims")
        page.locator("[data-slate-editor]").click()
        page.keyboard.type("Community cafés can now bid for money from the Commissioner’s "
                           "new fund. Call Beacon on 03000 11 55 55 for support.")
        page.get_by_label("Title").scroll_into_view_if_needed()  # the filled-in fields
        take(page, folder, "editor-new-release.png")

        page = signed_in(browser, session, "/collections/news/new")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Summary").fill(LONG_SUMMARY)
        page.get_by_role("button", name="Publish").click()
        page.get_by_role("menuitem", name="Publish now").click()
        page.get_by_text("Shorten the summary to 300 characters or fewer.").first.wait_for()
        page.get_by_label("Title").scroll_into_view_if_needed()
        take(page, folder, "editor-refused.png")

        page = signed_in(browser, session, "/collections/news/new")
        page.get_by_label("Title").fill("Commissioner to tackle crime in Hitchin")
        page.get_by_label("Summary").fill(SUMMARY)
        page.locator("[data-slate-editor]").click()
        page.keyboard.type("The LAGLOs will deliver a robust service going forward.")
        page.frame_locator("iframe#preview-pane").get_by_text("Plain English: 5 suggestions") \
            .wait_for()
        page.get_by_label("Title").scroll_into_view_if_needed()
        take(page, folder, "editor-plain-english.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "images")
