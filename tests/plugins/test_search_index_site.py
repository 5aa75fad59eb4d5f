"""search_index on real builds: the index built page by page while Pelican writes."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import CONTENT, build_site

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from search_index.search_index import DEFAULTS, pagefind_command  # noqa: E402


def entry(output):
    return json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def page_count(output):
    return sum(language["page_count"] for language in entry(output)["languages"].values())


def marked_pages(output):
    return sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html")
                  if "data-pagefind-body" in path.read_text(encoding="utf-8"))


def test_index_has_the_same_pages_as_pagefind_run_on_the_finished_site(tmp_path):
    result = build_site(CONTENT, tmp_path / "output")
    assert result.ok, result.log
    assert page_count(result.output) == len(marked_pages(result.output)) > 10

    # The one-off command over a copy of the same output, without our index.
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(result.output), str(copy)], check=True)
    subprocess.run(["rm", "-r", str(copy / "pagefind")], check=True)
    subprocess.run(pagefind_command(copy, DEFAULTS["SEARCH_INDEX_EXCLUDE"]), check=True)
    # Each page's record (address, text, title, filters, meta) is a fragment named
    # by a hash of its content: the same names mean the same records.
    ours = sorted(path.name for path in (result.output / "pagefind" / "fragment").iterdir())
    theirs = sorted(path.name for path in (copy / "pagefind" / "fragment").iterdir())
    assert ours == theirs
    assert page_count(copy) == page_count(result.output)


def test_a_page_left_over_from_an_earlier_build_is_not_indexed(tmp_path):
    output = tmp_path / "output"
    stale = output / "news" / "2001" / "withdrawn-release" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text('<html lang="en-GB"><body><main data-pagefind-body><h1>Withdrawn</h1>'
                     "<p>zanzibarquux</p></main></body></html>", encoding="utf-8")
    result = build_site(CONTENT, output)
    assert result.ok, result.log
    assert stale.exists()  # Pelican keeps it (DELETE_OUTPUT_DIRECTORY is False) ...
    assert page_count(output) == len(marked_pages(output)) - 1  # ... the index does not


def write_fake_pagefind(tmp_path, script):
    fake = tmp_path / "fake-pagefind"
    fake.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def test_pagefind_that_stops_at_once_fails_the_build_with_what_it_said(tmp_path):
    fake = write_fake_pagefind(tmp_path, 'echo "thread main panicked: out of cheese"; exit 3\n')
    result = build_site(CONTENT, tmp_path / "output", fatal="errors",
                        env={"PAGEFIND_BINARY_PATH": fake})
    assert not result.ok
    assert "search_index: Pagefind failed, so search will not work" in result.log
    assert "out of cheese" in result.log
    assert not (tmp_path / "output" / "pagefind").exists()


def test_missing_pagefind_says_what_to_install(tmp_path):
    result = build_site(CONTENT, tmp_path / "output", fatal="errors",
                        env={"PAGEFIND_BINARY_PATH": str(tmp_path / "no-such-pagefind")})
    assert not result.ok
    assert "could not start Pagefind" in result.log
    assert "install requirements.txt (pagefind[bin])" in result.log


def test_search_index_false_writes_no_index(tmp_path):
    result = build_site(CONTENT, tmp_path / "output", extra_settings={"SEARCH_INDEX": False})
    assert result.ok, result.log
    assert not (tmp_path / "output" / "pagefind").exists()
