"""A renamed page cannot be published without a redirect; with one, the old URL still works."""

import subprocess
import sys

import feedparser
from bs4 import BeautifulSoup

from conftest import REPO, build_site, copy_content

OLD = "content/news/2017-04-26-new-police-app.md"
NEW = "content/news/2017-04-26-hertfordshire-police-app.md"


def site_with_manifest(tmp_path):
    """A copy of the real content whose manifest lists what it builds today."""
    content = copy_content(tmp_path)
    first = build_site(content, tmp_path / "first")
    assert first.ok, first.log
    subprocess.run(
        [sys.executable, str(REPO / "tools/record_urls.py"), str(tmp_path / "first"),
         str(content / "data/published-urls.txt")],
        check=True, cwd=tmp_path, capture_output=True,
    )
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
