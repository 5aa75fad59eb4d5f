"""fast_markdown's reader and worker pool give exactly what pelican-yaml-metadata gives."""

import logging
import os
import shutil

import pytest
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.settings import read_settings

from bench import generate
from conftest import REPO
from fast_markdown.parallel import BodyConverter
from fast_markdown.reader import FastMarkdownReader
from site_core import worker_tasks

NATIVE_HEADER = """\
Title: A release with Pelican's own metadata header
Date: 2017-06-01
Tags: Victims, Beacon
Summary: Written *without* YAML front matter.

Call Beacon on 03000 11 55 55 for *help*.
"""


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(REPO / "pelicanconf.py"))


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """Generated releases, District Days and FAQ pages, plus the real content."""
    folder = tmp_path_factory.mktemp("sources")
    generate.write_archive(folder, 120, seed=7)
    shutil.copytree(REPO / "content", folder / "real",
                    ignore=shutil.ignore_patterns("data", "README.md"))  # README: IGNORE_FILES
    return sorted(str(path) for path in folder.rglob("*.md"))


def comparable(metadata):
    return {key: [str(item) for item in value] if isinstance(value, list) else str(value)
            for key, value in metadata.items()}


def test_reader_gives_the_same_html_and_metadata_as_pelican_yaml_metadata(settings, sources):
    fast, reference = FastMarkdownReader(settings), YAMLMetadataReader(settings)
    for path in sources:
        fast_html, fast_metadata = fast.read(path)
        html, metadata = reference.read(path)
        assert fast_html == html, path
        assert comparable(fast_metadata) == comparable(metadata), path
        assert fast_metadata.keys() == metadata.keys()


def test_a_file_with_pelicans_own_header_is_read_as_before(settings, tmp_path):
    path = tmp_path / "2017-06-01-native.md"
    path.write_text(NATIVE_HEADER, encoding="utf-8")
    html, metadata = FastMarkdownReader(settings).read(str(path))
    assert html == "<p>Call Beacon on 03000 11 55 55 for <em>help</em>.</p>"
    assert [str(tag) for tag in metadata["tags"]] == ["Victims", "Beacon"]
    assert metadata["summary"] == "<p>Written <em>without</em> YAML front matter.</p>"


def test_bad_yaml_is_logged_with_the_file_name_and_gives_no_metadata(settings, tmp_path, caplog):
    path = tmp_path / "2017-06-02-bad.md"
    path.write_text("---\ntitle: [unclosed\ndate: 2017-06-02\n---\nBody.\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        html, metadata = FastMarkdownReader(settings).read(str(path))
    assert metadata == {}
    assert html == "<p>Body.</p>"
    assert f"Error parsing YAML for file '{path}" in caplog.text


@pytest.mark.parametrize("front_matter", [
    "title: [unclosed",  # not YAML
    "- a list\n- not a mapping",  # YAML, but not keys and values
    "title: T\ndate: 2017-13-45",  # a date that is no date: libyaml raises ValueError
], ids=["bad-yaml", "not-a-mapping", "bad-date"])
def test_front_matter_it_cannot_read_is_read_and_logged_by_pelican_yaml_metadata(
        settings, tmp_path, caplog, front_matter):
    path = tmp_path / "2017-06-02-bad.md"
    path.write_text(f"---\n{front_matter}\n---\nBody.\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        expected = YAMLMetadataReader(settings).read(str(path))
    expected_log = [record.getMessage() for record in caplog.records]
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        assert FastMarkdownReader(settings).read(str(path)) == expected
    assert [record.getMessage() for record in caplog.records] == expected_log != []


def test_workers_convert_bodies_and_summaries_exactly_as_the_reader_does(settings, sources):
    reader = FastMarkdownReader(settings)
    converter = BodyConverter(sources, reader.markdown_settings, settings["FORMATTED_FIELDS"],
                              workers=2, chunk_size=3)
    try:
        for path in reversed(sources):  # out of order: the rest wait until asked for
            body, fields, _tasks = converter.take(path)
            html, metadata = reader.read(path)
            assert body == html, path
            if "summary" in metadata:
                assert metadata["summary"] in fields.values(), path
    finally:
        converter.close()


def test_reader_takes_body_and_summary_from_the_workers(settings, tmp_path):
    path = tmp_path / "2017-06-03-release.md"
    path.write_text("---\ntitle: T\nsummary: A *short* summary.\n---\nBody.\n", encoding="utf-8")
    reader = FastMarkdownReader(settings)

    class Converted:
        def take(self, asked):
            assert asked == str(path)
            return ("<p>body by a worker</p>", {"A *short* summary.": "<p>summary by a worker</p>"},
                    {})

    reader.body_converter = Converted()
    html, metadata = reader.read(str(path))
    assert html == "<p>body by a worker</p>"
    assert metadata["summary"] == "<p>summary by a worker</p>"


def test_a_file_changed_after_conversion_or_never_given_is_read_again(settings, tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("---\ntitle: A\n---\nOld *body*.\n", encoding="utf-8")
    second.write_text("---\ntitle: B\n---\nSecond.\n", encoding="utf-8")
    reader = FastMarkdownReader(settings)
    converter = BodyConverter([str(first), str(second)], reader.markdown_settings,
                              settings["FORMATTED_FIELDS"], workers=1)
    try:
        assert converter.take(str(second)) == ("<p>Second.</p>", {}, {})
        first.write_text("---\ntitle: A\n---\nA new, longer *body*.\n", encoding="utf-8")
        os.utime(first, ns=(0, 0))
        assert converter.take(str(first)) is None, "stale HTML must not be used"
        assert converter.take(str(tmp_path / "other.md")) is None
    finally:
        converter.close()


def test_a_new_build_stops_the_workers_a_failed_build_left_running(settings):
    from fast_markdown import fast_markdown

    class Converter:
        closed = False

        def close(self):
            self.closed = True

    reader = FastMarkdownReader(settings)
    reader.body_converter = converter = Converter()
    failed_build = fast_markdown._build.start(settings)
    failed_build.readers["a generator that never finished reading"] = reader
    next_build = fast_markdown._build.start(settings)
    assert converter.closed and reader.body_converter is None
    assert next_build is not failed_build and next_build.readers == {}


def test_the_fast_reader_keeps_what_another_plugin_mixed_into_the_reader_before_it():
    from content_checks.content_checks import ChecksBeforeReading, checked_reader
    from fast_markdown.fast_markdown import fast_reader_for
    from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
    from pelican.readers import MarkdownReader

    assert fast_reader_for(YAMLMetadataReader) is FastMarkdownReader
    assert fast_reader_for(MarkdownReader) is FastMarkdownReader
    assert fast_reader_for(None) is FastMarkdownReader
    checked_first = fast_reader_for(checked_reader(YAMLMetadataReader))
    assert issubclass(checked_first, ChecksBeforeReading) and issubclass(checked_first, FastMarkdownReader)
    fast_first = checked_reader(FastMarkdownReader)
    assert fast_reader_for(fast_first) is fast_first  # already fast: left as it is


@pytest.fixture
def tasks():
    """Tasks registered by a test, and a build for their results; both gone after it."""
    worker_tasks._results.start({})
    yield worker_tasks.TASKS
    for name in [name for name in worker_tasks.TASKS if name.startswith("test-")]:
        del worker_tasks.TASKS[name]


def test_other_plugins_tasks_run_in_the_workers_and_reach_the_reader(settings, tmp_path, tasks):
    paths = []
    for number in range(3):
        path = tmp_path / f"2017-06-0{number + 1}-release.md"
        path.write_text(f"---\ntitle: Release {number}\nsummary: A *summary*.\n---\nBody.\n",
                        encoding="utf-8")
        paths.append(str(path))

    def fails(path, front_matter, fields_html):
        raise RuntimeError("a task's own mistake")

    worker_tasks.run_in_workers("test-title", lambda path, front_matter, fields_html: (
        front_matter["title"], fields_html["A *summary*."], os.getpid()))
    worker_tasks.run_in_workers("test-nothing", lambda path, front_matter, fields_html: None)
    worker_tasks.run_in_workers("test-fails", fails)
    reader = FastMarkdownReader(settings)
    reader.body_converter = BodyConverter(paths, reader.markdown_settings,
                                          settings["FORMATTED_FIELDS"], workers=2)
    try:
        for number, path in enumerate(paths):
            reader.read(path)
            title, summary, pid = worker_tasks.take(path, "test-title")
            assert (title, summary) == (f"Release {number}", "<p>A <em>summary</em>.</p>")
            assert pid != os.getpid(), "done in a worker process"
            assert worker_tasks.take(path, "test-title") is None, "taken once"
            assert worker_tasks.take(path, "test-nothing") is None
            assert worker_tasks.take(path, "test-fails") is None, "the main process does it"
    finally:
        reader.body_converter.close()
