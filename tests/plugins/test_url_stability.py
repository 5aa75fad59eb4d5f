"""A renamed page cannot be published without a redirect; with one, the old URL still works."""

import re
import subprocess
import sys

import feedparser
from bs4 import BeautifulSoup

from conftest import REPO, build_site, copy_content

OLD = "content/news/2017-04-26-new-police-app.md"
NEW = "content/news/2017-04-26-hertfordshire-police-app.md"


def site_with_manifest(tmp_path, live=False):
    """A copy of the real content whose list of published addresses is what it builds
    today: the committed list, or (`live`) the live site's list as make publish fetches
    it into cache/ beside content/, the committed list then empty."""
    content = copy_content(tmp_path)
    first = build_site(content, tmp_path / "first")
    assert first.ok, first.log
    subprocess.run(
        [sys.executable, str(REPO / "tools/published_urls.py"), "record",
         str(tmp_path / "first"), str(tmp_path / "no-live-list-yet.txt"), str(tmp_path / "none")],
        check=True, cwd=tmp_path, capture_output=True,
    )
    recorded = (tmp_path / "first" / "published-urls.txt").read_text(encoding="utf-8")
    (content / "data/published-urls.txt").write_text("" if live else recorded, encoding="utf-8")
    if live:
        (tmp_path / "cache").mkdir()
        (tmp_path / "cache" / "published-urls.txt").write_text(recorded, encoding="utf-8")
    return content


def rename(content, new_front_matter_line=None):
    old = content / "news/2017-04-26-new-police-app.md"
    text = old.read_text(encoding="utf-8")
    if new_front_matter_line:
        text = text.replace("---\n", f"---\n{new_front_matter_line}\n", 1)
    (content / "news/2017-04-26-hertfordshire-police-app.md").write_text(text, encoding="utf-8")
    old.unlink()


def test_the_manifest_lists_each_url_with_its_source(tmp_path):
    content = site_with_manifest(tmp_path)
    manifest = (content / "data/published-urls.txt").read_text(encoding="utf-8")
    assert "/news/2017/new-police-app/\tcontent/news/2017-04-26-new-police-app.md\n" in manifest.replace(
        str(tmp_path) + "/", "")
    assert "/feeds/all.atom.xml\t" in manifest


def test_a_renamed_page_without_a_redirect_stops_the_build(tmp_path):
    content = site_with_manifest(tmp_path)
    rename(content)
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert not result.ok
    assert "the published address /news/2017/new-police-app/ (from " in result.log
    assert "2017-04-26-new-police-app.md) is no longer built" in result.log
    assert "add `redirect_from: /news/2017/new-police-app/`" in result.log
    assert "add the address to " in result.log and "retired-urls.txt with a note of why" in result.log


def test_the_live_sites_list_keeps_an_address_as_the_committed_one_does(tmp_path):
    """make publish fetches the live site's list into cache/; an address only on it is
    kept too, reported on its line there."""
    content = site_with_manifest(tmp_path, live=True)
    rename(content)
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert not result.ok
    assert re.search(r"cache/published-urls\.txt:\d+: error: the published address "
                     r"/news/2017/new-police-app/ \(from ", result.log), result.log


def test_an_address_retired_on_purpose_may_go(tmp_path):
    content = site_with_manifest(tmp_path, live=True)
    rename(content)
    (content / "data/retired-urls.txt").write_text(
        "/news/2017/new-police-app/\tremoved on purpose: the app was withdrawn\n",
        encoding="utf-8")
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert result.ok, result.log


def test_a_renamed_page_with_a_redirect_builds_and_the_old_url_leads_to_the_new(tmp_path):
    content = site_with_manifest(tmp_path)
    rename(content, "redirect_from: /news/2017/new-police-app/")
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert result.ok, result.log
    page = BeautifulSoup(result.read("news/2017/new-police-app/index.html"), "lxml")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=/news/2017/hertfordshire-police-app/"
    link = page.find("main").find("a")
    assert link["href"] == "/news/2017/hertfordshire-police-app/"
    assert link.get_text() == "Commissioner welcomes new Hertfordshire Police app"
    assert (result.output / "news/2017/hertfordshire-police-app/index.html").is_file()


def entry_ids_by_title(output):
    feed = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    return {entry.title: entry.id for entry in feed.entries}


def test_a_renamed_page_with_a_redirect_keeps_its_feed_entry_id(tmp_path):
    content = site_with_manifest(tmp_path)
    before = entry_ids_by_title(tmp_path / "first")
    rename(content, "redirect_from: /news/2017/new-police-app/")
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert result.ok, result.log
    after = entry_ids_by_title(result.output)
    title = "Commissioner welcomes new Hertfordshire Police app"
    assert after[title] == before[title]
    assert after == before  # no other entry changed either: no item shows again as new


def test_a_published_file_that_cannot_be_read_is_one_problem_not_two(tmp_path):
    """A slip in the front matter of a release built before leaves it out of the build:
    the slip is the problem, not its address (or a topic page) going missing."""
    content = site_with_manifest(tmp_path)
    release = content / "news/2017-04-26-new-police-app.md"
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("title: ", "title: App: ", 1), encoding="utf-8")
    result = build_site(content, tmp_path / "second", fatal="errors")
    assert not result.ok
    errors = [line for line in result.log.splitlines() if ": error: " in line]
    assert len(errors) == 1, errors
    assert 'new-police-app.md:2: error: the title contains ": "' in errors[0]
    assert "published-urls.txt" not in result.log
