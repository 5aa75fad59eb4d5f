"""Contract tests: the Pelican warnings that pelican_compat silences, because our own
messages say the same with the file, the line and a fix. If Pelican rewords or moves a
warning, the filter would silently stop working (and the reader would see it twice)."""

import copy
import logging
import os

import pytest
from pelican.contents import Page
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from site_core.pelican_compat import (
    PELICAN_WARNINGS_OURS_COVER, silence_covered_pelican_warnings,
)


@pytest.fixture
def settings(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), SITEURL="https://example.org", PAGE_URL="{slug}/",
                    PAGE_SAVE_AS="{slug}/index.html", CACHE_CONTENT=False)
    return settings


@pytest.fixture
def unfiltered():
    """Pelican's loggers as Pelican leaves them: our filters taken off for the test."""
    saved = {name: logging.getLogger(name).filters[:] for name in PELICAN_WARNINGS_OURS_COVER}
    for name in saved:
        logging.getLogger(name).filters.clear()
    yield
    for name, filters in saved.items():
        logging.getLogger(name).filters[:] = filters


def empty_alt(settings, tmp_path):
    source = tmp_path / "page.md"
    source.write_text("Title: A page\n\n![](x.png)\n", encoding="utf-8")
    Readers(settings).read_file(str(tmp_path), "page.md")


def missing_link(settings, tmp_path):
    page = Page('<a href="{filename}missing.md">x</a>', metadata={"title": "A", "slug": "a"},
                settings=settings, source_path=str(tmp_path / "a.md"),
                context={"generated_content": {}, "static_content": {},
                         "localsiteurl": settings["SITEURL"]})
    assert page.content  # worked out now, which is when Pelican warns


CASES = [("pelican.readers", "Empty alt attribute for image %s in %s", empty_alt),
         ("pelican.contents", "Unable to find '%s', skipping url replacement.", missing_link)]


@pytest.mark.parametrize("logger, message, cause", CASES, ids=["empty alt", "missing link"])
def test_pelican_logs_these_warnings_with_this_logger_and_wording(
        settings, tmp_path, caplog, unfiltered, logger, message, cause):
    assert message in PELICAN_WARNINGS_OURS_COVER[logger]
    with caplog.at_level(logging.WARNING):
        cause(settings, tmp_path)
    assert [(r.name, r.msg) for r in caplog.records if r.levelno == logging.WARNING] == [
        (logger, message)]


@pytest.mark.parametrize("logger, message, cause", CASES, ids=["empty alt", "missing link"])
def test_silenced_they_are_not_logged_and_other_warnings_still_are(
        settings, tmp_path, caplog, unfiltered, logger, message, cause):
    silence_covered_pelican_warnings()
    with caplog.at_level(logging.WARNING):
        cause(settings, tmp_path)
        logging.getLogger(logger).warning("Something else about %s", "a file")
    assert [r.getMessage() for r in caplog.records] == ["Something else about a file"]
