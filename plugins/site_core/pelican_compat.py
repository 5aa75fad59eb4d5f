"""Every place our plugins depend on upstream code beyond its public signals and settings.

Pelican, feedgenerator, pelican-yaml-metadata and pelican-sitemap are pinned in
requirements.txt. What this module assumes about them (a private method, a log
message's wording, the text another plugin writes) is true of the versions in
`WRITTEN_FOR`; tests/compat/ pins each assumption with a contract test. On an upgrade:
change the pin, run `pytest tests/compat`, mend what fails here, then update
`WRITTEN_FOR`. Until then the build stops with a message saying so.

Everything else in plugins/ uses only public signals, settings and documented APIs.
"""

import logging
from importlib.metadata import PackageNotFoundError, version

# Distribution name -> the version whose internals this module was written against.
WRITTEN_FOR = {
    "pelican": "4.12.0",
    "feedgenerator": "2.2.1",
    "pelican-yaml-metadata": "2.2.0",
    "pelican-sitemap": "1.2.2",
}


def version_mismatches(installed=None):
    """[(distribution, installed version or None, version written for)] that differ."""
    found = []
    for name, wanted in WRITTEN_FOR.items():
        if installed is not None:
            have = installed.get(name)
        else:
            try:
                have = version(name)
            except PackageNotFoundError:
                have = None
        if have != wanted:
            found.append((name, have, wanted))
    return found


def mismatch_message(mismatches):
    parts = [f"{name} {have or 'is not installed'}" if have is None else f"{name} {have}"
             for name, have, _ in mismatches]
    wanted = ", ".join(f"{name} {want}" for name, _, want in mismatches)
    return (
        f"error: plugins/site_core/pelican_compat.py was written for {wanted}, but this "
        f"environment has {', '.join(parts)}. Fix: install the pinned versions "
        "(rm -rf .venv, then make html), or, when upgrading on purpose, run "
        "`pytest tests/compat`, mend pelican_compat.py and update its WRITTEN_FOR"
    )


# --- Pelican's log messages about content ---------------------------------------------
# Warnings Pelican logs about a content file that our checks already report with the
# file, the line and a fix. Logger name -> the messages' format strings (record.msg).
PELICAN_WARNINGS_OURS_COVER = {
    # content_checks: 'the image "..." has no alt text', with its line.
    "pelican.readers": ("Empty alt attribute for image %s in %s",),
    # content_checks: a {filename} link to a file that does not exist, with its line.
    "pelican.contents": ("Unable to find '%s', skipping url replacement.",),
}


class _DropCovered(logging.Filter):
    def __init__(self, formats):
        super().__init__()
        self.formats = frozenset(formats)

    def filter(self, record):
        return record.msg not in self.formats


def silence_covered_pelican_warnings():
    """Silence Pelican's warnings that our own messages already say, with file and line."""
    for logger_name, formats in PELICAN_WARNINGS_OURS_COVER.items():
        logger = logging.getLogger(logger_name)
        if not any(isinstance(f, _DropCovered) for f in logger.filters):
            logger.addFilter(_DropCovered(formats))


# --- Pelican: an item's HTML -----------------------------------------------------------
# Pelican has no public way to change an item's HTML after reading it. Content objects
# keep it in `_content`, and `content` is a memoized property over it (pelican.utils
# memoized, cache on `get_content.cache`, keyed by (content, siteurl)).

def content_html(content):
    """The HTML of an article or page as read, before Pelican's link replacement."""
    return content._content


def replace_content_html(content, html):
    """Give an article or page new HTML, and forget any `content` worked out from the old."""
    content._content = html
    cache = getattr(content.get_content, "cache", None)
    if cache:
        for key in [key for key in cache if key and key[0] is content]:
            del cache[key]
