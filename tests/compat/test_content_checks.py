"""Contract tests: what content_checks assumes of upstream code. A failure after an
upgrade says which assumption no longer holds.

- pelican-yaml-metadata 2.2.0: content_checks finds the front matter with the reader's
  own pattern (pelican_compat.YAML_HEADER_RE) and reads its two groups."""

import pytest
from pelican.plugins.yaml_metadata import yaml_metadata

from site_core.pelican_compat import YAML_HEADER_RE


def test_the_front_matter_pattern_is_the_readers_own():
    assert YAML_HEADER_RE is yaml_metadata.HEADER_RE


@pytest.mark.parametrize("text, front_matter, body", [
    ("---\ntitle: A\n---\nBody\n", "\ntitle: A\n", "\nBody\n"),
    ("\n\n---\ntitle: A\n...\nBody", "\ntitle: A\n", "\nBody"),  # blank lines first; "..." ends it
    ("---\ntitle: A\n---\n", "\ntitle: A\n", "\n"),
])
def test_front_matter_and_body_are_the_groups_content_checks_reads(text, front_matter, body):
    found = YAML_HEADER_RE.fullmatch(text)
    assert (found.group("metadata"), found.group("content")) == (front_matter, body)


@pytest.mark.parametrize("text", [
    "title: A\n\nBody\n",  # no opening line
    "---\ntitle: A\nBody\n",  # never closed
    "Intro\n---\ntitle: A\n---\n",  # text before it
])
def test_no_front_matter_is_found_where_the_reader_finds_none(text):
    assert YAML_HEADER_RE.fullmatch(text) is None
