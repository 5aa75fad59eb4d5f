"""The list of published URLs, and which of them a build no longer makes.

A manifest line is `URL<TAB>source`, e.g.
`/news/2017/support-for-manchester-victims/\tcontent/news/2017-05-24-support-for-manchester-victims.md`.
"""

from pathlib import PurePosixPath


def url_for_output_file(relative_path):
    """The public URL path of a file written at `relative_path` inside output/."""
    path = PurePosixPath(relative_path)
    if path.name == "index.html":
        parent = path.parent.as_posix()
        return "/" if parent == "." else f"/{parent}/"
    return f"/{path.as_posix()}"


def parse_manifest(text):
    """[(line_number, url, source)] of a manifest's text; blank lines and # comments skipped."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, source = line.partition("\t")
        entries.append((number, url.strip(), source.strip()))
    return entries


def format_manifest(urls):
    """The text of a manifest for {url: source}, sorted so that diffs stay small."""
    return "".join(f"{url}\t{source}\n" for url, source in sorted(urls.items()))


def merged(old_text, new_urls):
    """A manifest with every URL of `old_text` plus the new ones: URLs are never dropped."""
    urls = {url: source for _, url, source in parse_manifest(old_text)}
    for url, source in new_urls.items():
        urls.setdefault(url, source)
    return format_manifest(urls)


def missing_urls(manifest_text, built_urls):
    """[(line_number, url, source)] of the manifest that the build did not make."""
    return [entry for entry in parse_manifest(manifest_text) if entry[1] not in built_urls]
