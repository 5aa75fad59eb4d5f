"""Scheduled releases (plugins/release_life): an item dated later than the build's "now"
is in no file of the built site, the search index included, until that moment passes."""

import gzip

import pytest

from conftest import build_site, copy_content

SCHEDULED = """---
title: Commissioner announces the Zephyrine grants
date: 2027-01-15 00:01
summary: A scheduled release about the Zephyrine grants for community safety projects.
tags: [Victims, Zephyrine topic]
districts: [Dacorum]
---
The Zephyrine grants open on 15 January 2027. Call Beacon on 03000 11 55 55.
"""
WORDS = ("Zephyrine", "zephyrine")


def every_text(output):
    """Every file of the output as text; compressed search-index files decompressed."""
    for path in output.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path, data.decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = copy_content(tmp_path_factory.mktemp("scheduled"))
    (folder / "news" / "2027-01-15-zephyrine-grants.md").write_text(SCHEDULED, encoding="utf-8")
    return folder


def test_before_its_time_a_scheduled_release_is_nowhere_in_the_site(content, tmp_path):
    result = build_site(content, tmp_path / "out", fatal="errors",
                        extra_settings={"SITE_NOW": "2027-01-15T00:00"})
    assert result.ok, result.log
    leaks = [str(path.relative_to(result.output)) for path, text in every_text(result.output)
             if any(word in text for word in WORDS)]
    assert leaks == []
    assert (result.output / "pagefind").is_dir(), "no search index was built to look in"
    assert "Scheduled, not published by this build:" in result.log
    assert "2027-01-15-zephyrine-grants.md goes live on 15 January 2027 at 00:01" in result.log


def test_once_its_time_has_come_it_is_published_everywhere(content, tmp_path):
    result = build_site(content, tmp_path / "out", fatal="errors",
                        extra_settings={"SITE_NOW": "2027-01-15T00:01"})
    assert result.ok, result.log
    page = result.output / "news" / "2027" / "zephyrine-grants" / "index.html"
    assert "Zephyrine grants" in page.read_text(encoding="utf-8")
    for where in ("index.html", "feeds/all.atom.xml", "topics/victims/index.html",
                  "districts/dacorum/index.html", "sitemap.xml", "urls.txt"):
        assert "zephyrine" in result.read(where).lower(), where
    assert "Scheduled, not published" not in result.log


def test_a_scheduled_releases_photo_is_not_published_before_it(tmp_path):
    content = copy_content(tmp_path)
    release = content / "news" / "2017-04-05-street-triage-pilot.md"
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("date: 2017-04-05", "date: 2027-01-07", 1), encoding="utf-8")
    assert "street-triage-car" in text and "date: 2027-01-07" in release.read_text(encoding="utf-8")
    result = build_site(content, tmp_path / "output", extra_settings={
        "SITE_NOW": "2026-12-01T09:00", "SEARCH_INDEX": False})
    published = [path.name for path in (tmp_path / "output" / "images" / "2017").iterdir()]
    assert published, result.log  # the other releases' photos are there
    assert not [name for name in published if name.startswith("street-triage-car")]
