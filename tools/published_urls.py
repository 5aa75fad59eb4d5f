#!/usr/bin/env python3
"""The addresses the live site has published, recorded when they are published: by the
publishing build, never by a preview.

    tools/published_urls.py fetch URL COPY            # make publish, before the build
    tools/published_urls.py record OUTPUT COPY LIST   # make publish, after it

An address becomes permanent when a site with it is deployed. The deployed site carries
`published-urls.txt`: every address any deploy has published. `make publish` (every pull
request's check, every deploy from main) first fetches that list from the live site into
COPY (`cache/published-urls.txt`); the build then fails if an address on it, or on the
committed LIST (`content/data/published-urls.txt`, the addresses recorded before), is no
longer built (plugins/url_stability). After a good build, `record` writes the list the
new site will carry: the live list, the committed one and every address just built. So a
draft, or a release that is only previewed (`make html`, `make devserver`), can be
renamed freely until the site with it goes live.

`fetch` treats a list the live site does not have (404: nothing deployed with one yet)
as empty, and stops with a message when the site cannot be reached: without the list a
build cannot know which addresses it must keep. Standard library and url_stability's
manifest format only.
"""

import argparse
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from url_stability.manifest import merged, parse_manifest

LIST_NAME = "published-urls.txt"  # at the root of the deployed site
FETCH_TIMEOUT_SECONDS = 30


def fetch(url, copy):
    """Save the live site's list at `url` into `copy`; the number of addresses on it."""
    fresh = f"{url}{'&' if '?' in url else '?'}fresh={int(time.time())}"  # past caches
    try:
        with urllib.request.urlopen(fresh, timeout=FETCH_TIMEOUT_SECONDS) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise SystemExit(_cannot_read(url, f"the site answered {error.code}"))
        text = ""  # nothing deployed with a list yet
    except (urllib.error.URLError, OSError, UnicodeDecodeError) as error:
        raise SystemExit(_cannot_read(url, getattr(error, "reason", error))) from None
    copy = Path(copy)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(text, encoding="utf-8")
    return len(parse_manifest(text))


def _cannot_read(url, reason):
    return (f"error: the list of published addresses could not be read from {url} "
            f"({reason}). Fix: check the connection and run make publish again; the build "
            "needs the list to know which addresses must keep working")


def record(output, copy, committed):
    """Write OUTPUT/published-urls.txt: the live list, the committed one and every address
    of the build in OUTPUT (its urls.txt). Returns (addresses in all, new ones)."""
    output = Path(output)
    built = output / "urls.txt"
    if not built.is_file():
        raise SystemExit(f"error: {built} does not exist. Fix: build the site first "
                         "(make publish)")
    earlier = ""
    for path in (Path(copy), Path(committed)):
        if path.is_file():
            earlier = merged(earlier, {url: source for _, url, source in
                                       parse_manifest(path.read_text(encoding="utf-8"))})
    new = {url: source for _, url, source in parse_manifest(built.read_text(encoding="utf-8"))}
    text = merged(earlier, new)
    (output / LIST_NAME).write_text(text, encoding="utf-8")
    total = len(parse_manifest(text))
    return total, total - len(parse_manifest(earlier))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fetching = commands.add_parser("fetch", help="the live site's list into COPY")
    fetching.add_argument("url")
    fetching.add_argument("copy")
    recording = commands.add_parser("record", help="the list the built site will carry")
    recording.add_argument("output")
    recording.add_argument("copy")
    recording.add_argument("committed")
    args = parser.parse_args(argv)
    if args.command == "fetch":
        count = fetch(args.url, args.copy)
        print(f"{count} published address(es) read from {args.url}")
    else:
        total, new = record(args.output, args.copy, args.committed)
        print(f"{args.output}/{LIST_NAME}: {total} published addresses, {new} of them new "
              "(recorded when this site is deployed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
