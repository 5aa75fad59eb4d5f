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
    EMPTY_ALT, FILENAME_FOR_STATIC, UNABLE_TO_FIND, claim_pelican_warning, route_pelican_warnings,
)

LOGGERS = {EMPTY_ALT[0], UNABLE_TO_FIND[0], FILENAME_FOR_STATIC[0]}


@pytest.fixture
def settings(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), SITEURL="https://example.org", PAGE_URL="{slug}/",
                    PAGE_SAVE_AS="{slug}/index.html", CACHE_CONTENT=False)
    return settings


@pytest.fixture
def unfiltered():
    """Pelican's loggers as Pelican leaves them: our filters taken off for the test."""
    saved = {name: logging.getLogger(name).filters[:] for name in LOGGERS}
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


CASES = [(EMPTY_ALT, empty_alt), (UNABLE_TO_FIND, missing_link)]


@pytest.mark.parametrize("warning, cause", CASES, ids=["empty alt", "missing link"])
def test_pelican_logs_these_warnings_with_this_logger_and_wording(
        settings, tmp_path, caplog, unfiltered, warning, cause):
    logger, message = warning
    with caplog.at_level(logging.WARNING):
        cause(settings, tmp_path)
    assert [(r.name, r.msg) for r in caplog.records if r.levelno == logging.WARNING] == [
        (logger, message)]


@pytest.mark.parametrize("warning, cause", CASES, ids=["empty alt", "missing link"])
def test_claimed_they_are_not_logged_and_other_warnings_still_are(
        settings, tmp_path, caplog, unfiltered, warning, cause):
    logger, _ = warning
    claim_pelican_warning(warning)
    with caplog.at_level(logging.WARNING):
        cause(settings, tmp_path)
        logging.getLogger(logger).warning("Something else about %s", "a file")
    assert [r.getMessage() for r in caplog.records] == ["Something else about a file"]


def static_linked_with_filename(settings, tmp_path):
    from pelican.contents import Static
    image = Static("", metadata={"title": "x"}, settings=settings,
                   source_path=str(tmp_path / "images" / "x.jpg"), context={})
    page = Page('<img alt="A" src="{filename}/images/x.jpg">', metadata={"title": "A", "slug": "a"},
                settings=settings, source_path=str(tmp_path / "a.md"),
                context={"generated_content": {}, "static_content": {"images/x.jpg": image},
                         "localsiteurl": settings["SITEURL"]})
    assert page.content


def test_pelican_warns_of_filename_used_for_a_picture_in_this_wording(settings, tmp_path, caplog, unfiltered):
    with caplog.at_level(logging.WARNING):
        static_linked_with_filename(settings, tmp_path)
    assert [(r.name, r.msg, r.args) for r in caplog.records] == [
        (*FILENAME_FOR_STATIC, ("/images/x.jpg", "a.md"))]


def test_that_warning_becomes_our_message_for_the_file(settings, tmp_path, caplog, unfiltered):
    reported = []
    route_pelican_warnings(reported.append)
    with caplog.at_level(logging.WARNING):
        static_linked_with_filename(settings, tmp_path)
    assert caplog.records == []
    [problem] = reported
    assert (problem.path, problem.level, problem.text, problem.in_body) == (
        "a.md", "warning", "/images/x.jpg", True)
    assert problem.what == 'the link to "/images/x.jpg" starts with {filename}, which is for pages'
    assert problem.fix == ("write {static} instead of {filename} for pictures and other "
                           "files: {static}/images/x.jpg")
