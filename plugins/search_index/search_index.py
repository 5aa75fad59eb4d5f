"""Builds the site's search index with Pagefind once Pelican has written every page.

Pagefind reads the built HTML and writes /pagefind/ (the index and its JavaScript)
into the output folder. It runs offline and the index is served from our own host:
no cookies, nothing sent to anyone else. Only pages whose <main> carries
`data-pagefind-body` are indexed (base.html sets it on content pages).
"""

import logging
import subprocess
import sys
import time

from pelican import signals

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX": True,  # False skips indexing, e.g. for benchmark builds
    # Parts of an indexed page that would only repeat what a result already shows
    # ("Press release, published 24 May 2017"): left out of excerpts and matching.
    "SEARCH_INDEX_EXCLUDE": [".pcc-article__meta", ".pcc-last-updated"],
}


def pagefind_command(output_path, exclude=()):
    """The command that indexes `output_path`; `python -m pagefind` finds the binary from `pagefind[bin]`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(output_path), "--quiet"]
    if exclude:
        command += ["--exclude-selectors", ", ".join(exclude)]
    return command


def build_index(pelican):
    if not pelican.settings.get("SEARCH_INDEX", DEFAULTS["SEARCH_INDEX"]):
        logger.info("search_index: SEARCH_INDEX is False, so the site has no search index")
        return
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            pagefind_command(pelican.output_path, pelican.settings.get(
                "SEARCH_INDEX_EXCLUDE", DEFAULTS["SEARCH_INDEX_EXCLUDE"])),
            capture_output=True, text=True,
        )
    except OSError as error:
        logger.error("search_index: could not run Pagefind (%s). Fix: run `make html`, "
                     "which installs requirements.txt (pagefind[bin])", error)
        return
    if completed.returncode != 0:
        logger.error(
            "search_index: Pagefind failed, so search will not work:\n%s\nFix: if it says "
            "the module is missing, install requirements.txt (pagefind[bin])",
            (completed.stdout + completed.stderr).strip(),
        )
        return
    logger.info("search_index: indexed %s in %.1f s", pelican.output_path,
                time.perf_counter() - started)


def register():
    # finalized: the index must be built from the finished HTML, after every generator
    # and plugin has written its pages; this plugin is last in PLUGINS for that reason.
    signals.finalized.connect(build_index)
