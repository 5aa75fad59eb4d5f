"""Adds the URLs of a build to the committed list of published URLs (never removes any).

    python tools/record_urls.py [OUTPUT_DIR] [MANIFEST]

`make html` runs this after a successful build, so a new press release's URL is
committed together with it. From then on, a build that no longer makes that URL fails
(plugins/url_stability), until the page comes back or gets a redirect.
"""

import sys
from pathlib import Path

from url_stability.manifest import merged, parse_manifest


def record(output_dir, manifest_path):
    built = Path(output_dir) / "urls.txt"
    if not built.is_file():
        raise SystemExit(f"{built} does not exist: build the site first (make html).")
    new_urls = {url: source for _, url, source in parse_manifest(built.read_text("utf-8"))}
    manifest = Path(manifest_path)
    old_text = manifest.read_text("utf-8") if manifest.is_file() else ""
    text = merged(old_text, new_urls)
    if text != old_text:
        manifest.write_text(text, encoding="utf-8")
        added = len(parse_manifest(text)) - len(parse_manifest(old_text))
        print(f"{manifest}: {added} new published address(es) recorded; commit this file.")


if __name__ == "__main__":
    args = sys.argv[1:]
    record(args[0] if args else "output", args[1] if len(args) > 1 else "content/data/published-urls.txt")
