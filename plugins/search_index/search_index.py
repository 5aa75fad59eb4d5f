"""Builds the site's search index with Pagefind while Pelican writes the pages.

Each page Pelican writes that Pagefind should index (its <main> carries
`data-pagefind-body`; base.html sets it on content pages) goes to a Pagefind process as
soon as it is written, so indexing runs on the second core alongside rendering; once
every page is written the index (/pagefind/) goes into the output. Only pages written
in this build are indexed. It runs offline and the index is served from our own host:
no cookies, nothing sent to anyone else.
"""

import logging
import os
import sys
import time

from pelican import signals

from .background_index import BackgroundIndex, SearchIndexError

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX": True,  # False skips indexing, e.g. for benchmark builds
    # Parts of an indexed page that would only repeat what a result already shows
    # ("Press release, published 24 May 2017"): left out of excerpts and matching.
    "SEARCH_INDEX_EXCLUDE": [".pcc-article__meta", ".pcc-last-updated"],
}
BODY_MARKER = "data-pagefind-body"
BUNDLE_FOLDER = "pagefind"


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def pagefind_command(output_path, exclude=()):
    """The one-off command that indexes a finished `output_path` the same way.

    Not used by the build: for indexing an output by hand, and for the tests, which
    check that the index built page by page matches what this command builds.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(output_path), "--quiet"]
    if exclude:
        command += ["--exclude-selectors", ", ".join(exclude)]
    return command


def page_url(path, output_path):
    """The address Pagefind gives a written file: /news/x/index.html -> /news/x/."""
    relative = os.path.relpath(path, output_path).replace(os.sep, "/")
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def wants_indexing(path, html):
    """Only HTML pages marked for Pagefind; Pagefind itself still reads the marker."""
    return path.endswith(".html") and BODY_MARKER in html


class _Build:
    """The index of the build under way; started by the first page to index."""

    index = None
    started = None


def start_build(pelican):
    _Build.index = None


def index_page(path, context):
    settings = context or {}
    if not setting(settings, "SEARCH_INDEX") or not path.endswith(".html"):
        return
    with open(path, encoding="utf-8") as file:
        html = file.read()
    if not wants_indexing(path, html):
        return
    if _Build.index is None:
        _Build.started = time.perf_counter()
        _Build.index = BackgroundIndex(setting(settings, "SEARCH_INDEX_EXCLUDE"))
    _Build.index.add(page_url(path, settings["OUTPUT_PATH"]), html)


def write_index(pelican):
    if not setting(pelican.settings, "SEARCH_INDEX"):
        logger.info("search_index: SEARCH_INDEX is False, so the site has no search index")
        return
    index, _Build.index = _Build.index, None
    if index is None:
        logger.info("search_index: no page is marked for the search index, so there is none")
        return
    waited = time.perf_counter()
    try:
        index.finish(os.path.join(pelican.output_path, BUNDLE_FOLDER))
    except SearchIndexError as error:
        logger.error("search_index: Pagefind failed, so search will not work: %s\nFix: if "
                     "Pagefind is missing, install requirements.txt (pagefind[bin])", error)
        return
    logger.info("search_index: indexed %d pages; %.1f s after the first was written, "
                "%.1f s after the last", index.pages_added,
                time.perf_counter() - _Build.started, time.perf_counter() - waited)


def register():
    # initialized: forget a previous build's index (autoreload builds in one process).
    signals.initialized.connect(start_build)
    # content_written: each page goes to Pagefind as soon as it is written, so indexing
    # overlaps rendering, and only pages of this build are indexed.
    signals.content_written.connect(index_page)
    # finalized: every page is written; wait for Pagefind and write the index. This
    # plugin is last in PLUGINS so that its handler runs after the others'.
    signals.finalized.connect(write_index)
