"""Cool URIs don't change: a published URL never disappears without a redirect.

- Every build writes `urls.txt` into the output: each URL it made and where it came from.
- It compares them with the addresses already published: the committed list
  (`content/data/published-urls.txt`) and the live site's list as `make publish` last
  fetched it (`cache/published-urls.txt`, tools/published_urls.py). A published URL the
  build no longer makes is an error naming the URL and the content file it came from,
  unless it is retired on purpose (`content/data/retired-urls.txt`).
- `redirect_from:` in an item's front matter writes a redirect page at each old URL.
"""

import os
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from site_core import BuildState, Problem, report, shown_path
from site_core.plugin import current_report

from .manifest import format_manifest, missing_urls, parse_manifest, url_for_output_file

DEFAULTS = {
    "URL_STABILITY_MANIFEST": "data/published-urls.txt",  # relative to PATH (content/)
    "URL_STABILITY_OUTPUT_LIST": "urls.txt",
    # The live site's list, as `make publish` last fetched it (tools/published_urls.py),
    # relative to the folder that holds content/; used when it is there.
    "URL_STABILITY_LIVE_COPY": "cache/published-urls.txt",
    # Addresses that may go for good (a page removed on purpose), relative to PATH.
    "URL_STABILITY_RETIRED": "data/retired-urls.txt",
}

# url -> source of every file the build under way has written.
_built = BuildState(lambda settings: {})


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def old_urls_of(content):
    """The `redirect_from` URLs of an item, as root-relative paths."""
    value = content.metadata.get("redirect_from") or []
    values = [value] if isinstance(value, str) else list(value)
    return ["/" + str(url).strip().lstrip("/") for url in values if str(url).strip()]


def save_as_for(url):
    path = url.lstrip("/")
    return path + "index.html" if url.endswith("/") else path


class RedirectGenerator(Generator):
    """Writes a small page at every `redirect_from` URL pointing to the item's new URL."""

    def generate_context(self):
        self.redirects = []
        for content in self.context.get("articles", []) + self.context.get("pages", []):
            for old_url in old_urls_of(content):
                self.redirects.append((old_url, content))

    def generate_output(self, writer):
        template = self.get_template("redirect")
        for old_url, content in self.redirects:
            writer.write_file(
                save_as_for(old_url), template, self.context, redirect_target=content,
            )


def source_of(context):
    item = context.get("redirect_target") or context.get("article") or context.get("page")
    if isinstance(item, (Article, Page)):
        # relative to the project (the folder holding content/): content/news/...
        label = os.path.relpath(item.source_path, os.path.dirname(context["PATH"]))
        return f"redirect to {label}" if context.get("redirect_target") else label
    if context.get("tag") is not None:
        return f"generated: topic page for {context['tag']}"
    if context.get("category") is not None:
        return f"generated: list of {context['category']}"
    return "generated: a page of the site itself"


def record_page(path, context):
    output = context.get("OUTPUT_PATH") or ""
    relative = os.path.relpath(path, output).replace(os.sep, "/")
    if relative == "404.html" or relative.startswith(".."):
        return
    _built.current[url_for_output_file(relative)] = source_of(context)


def record_feed(path, context, feed):
    output = context.get("OUTPUT_PATH") or ""
    relative = os.path.relpath(path, output).replace(os.sep, "/")
    _built.current[url_for_output_file(relative)] = "generated: feed"


def check_and_list(pelican):
    settings = pelican.settings
    built = _built.current
    output = Path(pelican.output_path)
    (output / setting(settings, "URL_STABILITY_OUTPUT_LIST")).write_text(
        format_manifest(built), encoding="utf-8")
    content = Path(settings["PATH"])
    retired_file = content / setting(settings, "URL_STABILITY_RETIRED")
    retired = {url for _, url, _ in parse_manifest(_text_of(retired_file))}
    left_out = _left_out_sources(settings)
    seen = set()
    for listing in (content / setting(settings, "URL_STABILITY_MANIFEST"),
                    content.parent / setting(settings, "URL_STABILITY_LIVE_COPY")):
        for line, url, source in missing_urls(_text_of(listing), built):
            if url in retired or url in seen:
                continue
            seen.add(url)
            if left_out and (source.removeprefix("redirect to ") in left_out
                             or source.startswith("generated:")):
                # A file left out for its errors takes its pages with it (and maybe a
                # topic page): one problem, reported already. Fixed, this runs again.
                continue
            report(Problem(
                f"the published address {url} (from {source or 'an unknown file'}) is no "
                "longer built, so bookmarks and shared links to it would break",
                f"keep the old file name, or add `redirect_from: {url}` to the front matter "
                "of the file that replaces it. Only if the page must go for good, add the "
                f"address to {shown_path(retired_file)} with a note of why",
                path=str(listing), line=line,
            ))


def _text_of(path):
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _left_out_sources(settings):
    """The files left out of this build for their errors, named as the manifest names
    sources (relative to the folder holding content/)."""
    project = os.path.dirname(os.path.abspath(settings["PATH"]))
    return {os.path.relpath(os.path.abspath(path), project).replace(os.sep, "/")
            for path in current_report().left_out}


def get_generators(pelican):
    return RedirectGenerator


def register():
    # get_generators: redirect pages are written like any other page, with the theme.
    signals.get_generators.connect(get_generators)
    # content_written / feed_written: every file Pelican writes passes here with its context.
    signals.content_written.connect(record_page)
    signals.feed_written.connect(record_feed)
    # finalized: everything is written; compare with the published manifest.
    signals.finalized.connect(check_and_list)
