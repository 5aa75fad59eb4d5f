"""The preview's report is the report of the content as it is now: after a save that
breaks a published release, its one problem; after the save that mends it, none, without
restarting (`make devserver` once kept reporting a mended error until it was restarted)."""

import os
import shutil

from live_build import LiveSite

from conftest import CONTENT, PHOTO_CACHE, REPO

RELEASE = "news/2017-04-26-new-police-app.md"


def save(path, text):
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000  # a save the preview tells from the last
    os.utime(path, ns=(stamp, stamp))


def test_each_save_is_reported_from_scratch(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)  # with its list of published addresses
    site = LiveSite(content, tmp_path / "output", REPO / "pelicanconf.py",
                    {"SEARCH_INDEX": False, "PHOTOS_CACHE": PHOTO_CACHE})
    assert site.build().errors == []
    release = content / RELEASE
    good = release.read_text(encoding="utf-8")
    steps = [
        (good.replace("title: ", "title: App: ", 1), ['the title contains ": "']),
        (good, []),
        (good.replace("date: 2017-04-26", "date: 26/04/2017", 1),
         ['date "26/04/2017" is not written as year-month-day']),
        (good.replace("date: 2017-04-26", "date: 26/04/2017", 1).replace("\n---\n", "\n---\n[x](javascript:alert(1))\n", 1),
         ['date "26/04/2017" is not written as year-month-day']),  # still left out: one
        (good + "\n<script>alert(1)</script>\n", ["the text contains a raw <script> tag"]),
        (good, []),
    ]
    for number, (text, expected) in enumerate(steps, start=1):
        save(release, text)
        errors = site.update([release]).errors
        assert len(errors) == len(expected), (number, errors)
        for error, words in zip(errors, expected):
            assert RELEASE in error and words in error, (number, errors)
