"""search_index.resident: the preview's Pagefind service gives the same index as the
Pagefind program (`make html`'s) over the same pages, after a full indexing and after
pages are edited, added, deleted and unmarked, and leaves no file of an older index.

Each comparison runs the Pagefind CLI over a copy of the same output folder and reads
both indexes back from their fragment files (one per indexed page: URL, text, title,
filters, headings).
"""

import gzip
import json
import shutil
import subprocess

import pytest
from search_index.resident import ResidentIndex, SearchIndexError
from search_index.search_index import DEFAULTS, pagefind_command

EXCLUDE = DEFAULTS["SEARCH_INDEX_EXCLUDE"]
RELEASE = "news/2017/street-triage-pilot/index.html"


def fragments(output):
    """Every indexed page of output/pagefind, by URL."""
    found = {}
    for file in (output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        found[fragment["url"]] = fragment
    return found


def cli_fragments(output, tmp_path):
    """What the Pagefind program indexes from the same pages."""
    copy = tmp_path / "cli"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(output, copy, ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run(pagefind_command(copy, EXCLUDE), check=True, capture_output=True)
    return fragments(copy)


def bundle_files(output):
    return {path.relative_to(output / "pagefind").as_posix()
            for path in (output / "pagefind").rglob("*") if path.is_file()}


def entry_points_at_its_files(output):
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())
    return all((output / "pagefind" / f"pagefind.{language['hash']}.pf_meta").is_file()
               for language in entry["languages"].values())


@pytest.fixture
def output(built_site, tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(built_site.output, copy, ignore=shutil.ignore_patterns("pagefind"))
    return copy


@pytest.fixture
def index(output):
    resident = ResidentIndex(output, EXCLUDE)
    yield resident
    resident.close()


def test_a_first_indexing_gives_what_the_pagefind_program_gives(output, index, tmp_path):
    assert index.update() > 0
    assert fragments(output) == cli_fragments(output, tmp_path)
    # the content pages and the contact directory (21), the 4 decisions, /transparency/
    # and its inspection reports' table
    assert len(fragments(output)) == 27
    assert {"pagefind.js", "pagefind-ui.js", "pagefind-entry.json"} <= bundle_files(output)
    assert entry_points_at_its_files(output)


def test_after_edits_the_index_is_what_a_fresh_indexing_gives(output, index, tmp_path):
    index.update()
    release = output / RELEASE
    release.write_text(release.read_text(encoding="utf-8").replace(
        "<p>", "<p>Zanzibarish words, new in this save. ", 1), encoding="utf-8")
    deleted = output / "faq" / "council-tax" / "index.html"
    deleted.unlink()
    added = output / "news" / "2017" / "a-release-added-in-the-preview" / "index.html"
    added.parent.mkdir()
    added.write_text(release.read_text(encoding="utf-8").replace(
        "Zanzibarish", "Quokkaesque"), encoding="utf-8")
    unmarked = output / "about" / "index.html"
    unmarked.write_text(unmarked.read_text(encoding="utf-8").replace(
        "data-pagefind-body", "data-was-indexed"), encoding="utf-8")
    old_files = bundle_files(output)

    index.update([release, deleted, added, unmarked, output / "sitemap.xml"])

    got = fragments(output)
    assert got == cli_fragments(output, tmp_path)
    assert "Zanzibarish words, new in this save." in got["/news/2017/street-triage-pilot/"]["content"]
    assert "/news/2017/a-release-added-in-the-preview/" in got
    assert "/faq/council-tax/" not in got and "/about/" not in got
    # The fragments of the pages that changed or went are gone, not left beside the new.
    assert len(list((output / "pagefind" / "fragment").iterdir())) == len(got) == 26
    assert bundle_files(output) != old_files
    assert entry_points_at_its_files(output)


def test_a_site_that_marks_no_page_has_every_page_indexed(tmp_path):
    site = tmp_path / "site"
    for name, words in [("index.html", "Welcome"), ("a/index.html", "Apples and pears")]:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f'<!DOCTYPE html><html lang="en"><head><title>{words}'
                                 f"</title></head><body><p>{words}</p></body></html>")
    resident = ResidentIndex(site)
    try:
        resident.update()
        assert set(fragments(site)) == {"/", "/a/"}
        (site / "b").mkdir()
        (site / "b" / "index.html").write_text((site / "index.html").read_text())
        resident.update([site / "b" / "index.html"])
        assert set(fragments(site)) == {"/", "/a/", "/b/"}
    finally:
        resident.close()


def test_a_stopped_pagefind_is_an_error_that_says_so(output, index):
    index._process.kill()
    with pytest.raises(SearchIndexError, match=r"Pagefind stopped \(exit status -9\)"):
        index.update()
