"""Contract tests: what pelican_compat's "Pelican's Writer: pages rendered elsewhere"
section assumes of Pelican's Writer. parallel_pages gives each process a writer that
renders only its share of the pages; a failure after an upgrade says which assumption no
longer holds."""

import pytest
from pelican import signals
from pelican.settings import read_settings
from pelican.writers import FileOverwriteFailedError, Writer

from site_core.pelican_compat import WritesNothingFor


class SkipsOdd(WritesNothingFor, Writer):
    def skips(self, output_file):
        return output_file.endswith("odd.html")


class Renders:
    """A template that counts what it renders."""

    def __init__(self):
        self.rendered = []

    def render(self, context):
        self.rendered.append(context["output_file"])
        return f"<p>{context['output_file']}</p>"


def settings_for(tmp_path, **override):
    return read_settings(None, override={"PATH": str(tmp_path), **override})


@pytest.fixture
def writer(tmp_path):
    return SkipsOdd(str(tmp_path), settings=settings_for(tmp_path))


@pytest.fixture
def written():
    paths = []

    def record(path, context):
        paths.append(path)

    signals.content_written.connect(record)
    yield paths
    signals.content_written.disconnect(record)


def test_a_skipped_page_is_neither_rendered_nor_written_but_is_announced(writer, written,
                                                                        tmp_path):
    template = Renders()
    writer.write_file("even.html", template, {})
    writer.write_file("odd.html", template, {})
    assert template.rendered == ["even.html"]  # render() is given output_file
    assert (tmp_path / "even.html").read_text() == "<p>even.html</p>"
    assert not (tmp_path / "odd.html").exists()
    assert written == [str(tmp_path / "even.html"), str(tmp_path / "odd.html")]


def test_a_skipped_page_is_still_refused_a_second_write(writer):
    writer.write_file("odd.html", Renders(), {})
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("odd.html", Renders(), {})


def test_each_page_of_a_paginated_list_is_its_own_output_file(tmp_path):
    writer = SkipsOdd(str(tmp_path), settings=settings_for(
        tmp_path, DEFAULT_PAGINATION=2, PAGINATED_TEMPLATES={"index": None}))
    template = Renders()
    writer.write_file("index.html", template, {"SITEURL": ""}, articles=list(range(5)),
                      template_name="index", url="")
    assert template.rendered == ["index.html", "index2.html", "index3.html"]


def test_a_skipped_feed_is_not_made_but_is_announced(writer, tmp_path):
    announced, generated = [], []

    def on_written(path, context, feed):
        announced.append((path, feed))

    def on_generated(context, feed):
        generated.append(feed)

    signals.feed_written.connect(on_written)
    signals.feed_generated.connect(on_generated)
    try:
        context = {"SITENAME": "Site", "SITEURL": "https://example.org",
                   "FEED_DOMAIN": "https://example.org"}
        assert writer.write_feed([], context, "feeds/odd.html") is None
        made = writer.write_feed([], context, "feeds/all.atom.xml")
    finally:
        signals.feed_written.disconnect(on_written)
        signals.feed_generated.disconnect(on_generated)
    assert not (tmp_path / "feeds" / "odd.html").exists()
    assert (tmp_path / "feeds" / "all.atom.xml").read_text().startswith("<?xml")
    assert announced == [(str(tmp_path / "feeds" / "odd.html"), None),
                         (str(tmp_path / "feeds" / "all.atom.xml"), made)]
    assert generated == [made]  # only the feed made here is built and sent to be mended
