"""Contract tests: what pelican_compat's "pelican-yaml-metadata" section assumes of
pelican-yaml-metadata 2.2.0's reader (YAMLMetadataReader). fast_markdown reads
Markdown through these, content_checks tells front matter from body with the pattern.
A failure after an upgrade says which assumption no longer holds."""

import pytest
import yaml
from markdown import Markdown
from pelican.plugins.yaml_metadata import yaml_metadata
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from conftest import REPO
from site_core.pelican_compat import (
    YAML_HEADER_RE,
    yaml_formatted_field_texts,
    yaml_reader_markdown_settings,
    yaml_reader_metadata,
)

FRONT_MATTER = """\
title: Commissioner's *plan*
date: 2017-05-24
modified: 2017-06-01 10:30
tags: [Victims, " Beacon "]
author: [Office, Commissioner]
slug: " a-slug "
status: published
summary:
  - First line of the *summary*.
  - null
  - Second line.
districts: [Dacorum]
empty:
"""


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(REPO / "pelicanconf.py"))


def comparable(metadata):
    return {key: [str(item) for item in value] if isinstance(value, list) else str(value)
            for key, value in metadata.items()}


@pytest.mark.parametrize("text, is_yaml", [
    ("---\ntitle: T\n---\nBody *text*.\n", True),
    ("\n\n---\ntitle: T\n...\nBody *text*.\n", True),  # blank lines first, "..." ends it
    ("Title: T\n\nBody *text*.\n", False),  # Pelican's own header
    ("--- \ntitle: T\n---\nBody *text*.\n", False),  # a space after the opening ---
    ("---\ntitle: T\nBody *text*.\n", False),  # never closed
])
def test_the_header_pattern_is_how_the_reader_tells_yaml_front_matter(
        settings, tmp_path, monkeypatch, text, is_yaml):
    assert YAML_HEADER_RE is yaml_metadata.HEADER_RE
    fell_back = []
    monkeypatch.setattr(MarkdownReader, "read", lambda self, path: fell_back.append(path) or ("", {}))
    path = tmp_path / "item.md"
    path.write_text(text, encoding="utf-8")
    html, metadata = YAMLMetadataReader(settings).read(str(path))
    match = YAML_HEADER_RE.fullmatch(text)
    assert bool(match) == is_yaml == (not fell_back)
    if match:
        body = Markdown(**yaml_reader_markdown_settings(settings)).convert(match.group("content"))
        assert (html, metadata["title"]) == (body, "T")
        assert yaml.safe_load(match.group("metadata")) == {"title": "T"}


def test_the_markdown_settings_are_the_readers(settings):
    reader = YAMLMetadataReader(settings)
    options = yaml_reader_markdown_settings(settings)
    assert "markdown.extensions.meta" not in options.get("extensions", [])
    # With the meta extension, the first line would be taken as metadata, not text.
    text = "Title: looks like metadata\n\nA footnote[^1] and a table.\n\n[^1]: The note.\n"
    assert isinstance(reader._md, Markdown)
    assert Markdown(**options).convert(text) == reader._md.convert(text)


def test_the_metadata_is_what_the_reader_makes_of_the_front_matter(settings, tmp_path):
    path = tmp_path / "2017-05-24-item.md"
    path.write_text(f"---\n{FRONT_MATTER}---\nBody.\n", encoding="utf-8")
    _, expected = YAMLMetadataReader(settings).read(str(path))
    markdown = Markdown(**yaml_reader_markdown_settings(settings))
    metadata = yaml_reader_metadata(YAMLMetadataReader(settings), yaml.safe_load(FRONT_MATTER),
                                    str(path), lambda text: markdown.reset().convert(text))
    assert comparable(metadata) == comparable(expected)
    assert [type(value) for value in metadata.values()] == [type(value) for value in expected.values()]
    assert metadata["summary"] == expected["summary"] == (
        "<p>First line of the <em>summary</em>.\nSecond line.</p>")


def test_formatted_fields_are_converted_with_the_texts_we_expect(settings):
    front_matter = yaml.safe_load(FRONT_MATTER)
    asked = []

    def convert(text):
        asked.append(text)
        return f"<p>converted {len(asked)}</p>"

    metadata = yaml_reader_metadata(YAMLMetadataReader(settings), front_matter, "item.md", convert)
    assert asked == yaml_formatted_field_texts(front_matter, settings["FORMATTED_FIELDS"])
    assert asked == ["First line of the *summary*.\nSecond line."]
    assert metadata["summary"] == "<p>converted 1</p>"


def test_the_readers_own_converter_is_given_back(settings):
    reader = YAMLMetadataReader(settings)
    own = reader._md

    def fails(text):
        raise RuntimeError("conversion failed")

    with pytest.raises(RuntimeError):
        yaml_reader_metadata(reader, {"summary": "Text."}, "item.md", fails)
    assert reader._md is own
    yaml_reader_metadata(reader, {"title": "T"}, "item.md", fails)
    assert reader._md is own
