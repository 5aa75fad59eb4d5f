"""Contract tests: what content_checks assumes of upstream code. A failure after an
upgrade says which assumption no longer holds.

- pelican-yaml-metadata 2.2.0: content_checks finds the front matter with the reader's
  own pattern (pelican_compat.YAML_HEADER_RE) and reads its two groups.
- Pelican 4.12: content_checks leaves out a file Pelican could not read through public
  means only (readers_init, a reader's read() and process_metadata(), `status: skip`).
  It relies on the order in which Readers.read_file calls the reader, pinned here.
- Pelican 4.12: pelican_compat.leave_unwritten holds an item back as `save_as: ""` does.
"""

import copy

import pytest
from content_checks.content_checks import check_markdown_before_reading
from pelican import signals
from pelican.contents import Article, SkipStub
from pelican.plugins.yaml_metadata import yaml_metadata
from pelican.readers import HTMLReader, Readers
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from site_core.pelican_compat import YAML_HEADER_RE, leave_unwritten
from site_core import front_matter_span
from site_core.plugin import current_report

FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)"


@pytest.mark.parametrize("text", [
    "---\ntitle: A\n---\nBody\n", "\n\n---\ntitle: A\n...\nBody", "--- \ntitle: A\n---\n",
    "---\ntitle: A\n--- \nBody\n", "---\ntitle: A\nBody\n", "Intro\n---\ntitle: A\n---\n",
])
def test_site_core_finds_front_matter_where_the_reader_does(text):
    # Messages point at front-matter lines with site_core.front_matter_span: it must agree
    # with the reader's own pattern about where front matter is.
    assert (front_matter_span(text.split("\n")) is not None) == (
        yaml_metadata.HEADER_RE.fullmatch(text) is not None)


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


# --- Pelican's Readers: when the reader is asked what ---------------------------------

class RecordingReader(HTMLReader):
    """A reader for ".rec" files that records what Readers asks of it (a grandchild of
    BaseReader, so Readers does not pick it up by itself in later tests)."""

    file_extensions = ["rec"]
    calls = []
    metadata = {"title": "A title"}

    def process_metadata(self, name, value):
        self.calls.append(("process_metadata", name, value))
        return super().process_metadata(name, value)

    def read(self, source_path):
        self.calls.append(("read", source_path))
        return "<p>Body</p>", dict(self.metadata)


@pytest.fixture
def readers(tmp_path):
    """Readers as a generator makes them, with RecordingReader added on readers_init."""
    def add_reader(made):
        made.reader_classes["rec"] = RecordingReader

    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), FILENAME_METADATA=FILENAME_METADATA)
    RecordingReader.calls = []
    RecordingReader.metadata = {"title": "A title"}
    signals.readers_init.connect(add_reader)
    try:
        yield Readers(settings)
    finally:
        signals.readers_init.disconnect(add_reader)


def read(readers, tmp_path, name):
    (tmp_path / name).write_text("x")
    return readers.read_file(str(tmp_path), name, content_class=Article)


def test_a_reader_class_set_on_readers_init_reads_its_files(readers, tmp_path):
    assert isinstance(readers.readers["rec"], RecordingReader)
    assert isinstance(read(readers, tmp_path, "2017-05-24-a.rec"), Article)


def test_the_file_names_metadata_is_processed_before_read_is_called(readers, tmp_path):
    read(readers, tmp_path, "2017-05-24-a.rec")
    calls = RecordingReader.calls
    date = calls.index(("process_metadata", "date", "2017-05-24"))
    assert date < calls.index(("read", str(tmp_path / "2017-05-24-a.rec")))


def test_a_bad_date_in_the_file_name_fails_before_read_is_called(readers, tmp_path):
    # Why content_checks' reader keeps such an error until read() has checked the file.
    with pytest.raises(ValueError):
        read(readers, tmp_path, "2017-13-45-a.rec")
    assert not any(call[0] == "read" for call in RecordingReader.calls)


def test_a_file_read_with_status_skip_is_left_out_by_every_generator(readers, tmp_path):
    RecordingReader.metadata = {"status": "skip"}  # no title: it is not made into an Article
    assert isinstance(read(readers, tmp_path, "b.rec"), SkipStub)


# --- content_checks' reader, through Pelican's Readers --------------------------------

def test_the_checked_reader_leaves_out_what_pelican_could_not_read_and_reads_the_rest(tmp_path):
    def yaml_reader(made):  # what pelican.plugins.yaml_metadata (or fast_markdown) does
        made.reader_classes["md"] = yaml_metadata.YAMLMetadataReader

    news = tmp_path / "news"
    news.mkdir()
    good = "---\ntitle: A title\nsummary: One sentence.\n---\nText\n"
    (news / "2017-13-45-bad-name.md").write_text(good)
    (news / "2017-05-25-broken.md").write_text("---\ntitle: [A title\n---\nText\n")
    (news / "2017-05-24-good.md").write_text(good)
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), FILENAME_METADATA=FILENAME_METADATA,
                    TIMEZONE="Europe/London")
    signals.readers_init.connect(yaml_reader)
    signals.readers_init.connect(check_markdown_before_reading)
    try:
        readers = Readers(settings)
    finally:
        signals.readers_init.disconnect(yaml_reader)
        signals.readers_init.disconnect(check_markdown_before_reading)

    assert isinstance(readers.readers["md"], yaml_metadata.YAMLMetadataReader)
    read = [readers.read_file(str(tmp_path), f"news/{name}", content_class=Article)
            for name in ("2017-13-45-bad-name.md", "2017-05-25-broken.md", "2017-05-24-good.md")]
    assert [type(item) for item in read] == [SkipStub, SkipStub, Article]
    assert (read[2].title, read[2].date.day) == ("A title", 24)
    reported = {problem.path.rsplit("/", 1)[1] for problem in current_report().problems
                if problem.path.startswith(str(tmp_path))}
    assert reported == {"2017-13-45-bad-name.md", "2017-05-25-broken.md"}


# --- An item held back --------------------------------------------------------------

def test_an_item_left_unwritten_is_not_written(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path))
    article = Article("<p>Text</p>", {"title": "A title"}, settings=settings,
                      source_path=str(tmp_path / "a.md"))
    assert article.save_as == "a-title.html"  # worked out from the settings
    leave_unwritten(article)
    as_metadata = Article("", {"title": "B", "save_as": ""}, settings=settings)
    assert article.save_as == as_metadata.save_as == ""
    Writer(str(tmp_path / "output"), settings).write_file(article.save_as, None, {})
    assert not (tmp_path / "output").exists()
