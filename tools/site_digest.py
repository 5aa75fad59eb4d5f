#!/usr/bin/env python3
"""One fingerprint of a built site, so that a scheduled run deploys only when the site
it built differs from the one that is live (a scheduled release became due).

    tools/site_digest.py write output                  # make publish: output/site-digest.txt
    tools/site_digest.py compare output URL            # prints changed=true or changed=false

The digest is a SHA-256 over every file of the folder, its path and its bytes, in path
order. Left out: Pagefind's `pagefind/` folder (its filter index is written in a
different order on each run: tests/site/test_reproducible_publish.py), the `.gz` and `.br`
copies (made from files that are counted) and the digest file itself. A page that becomes
due changes its own HTML and the lists that link to it, so nothing is missed.

`compare` reads the live digest at URL (http(s) or file:) and says changed=true when it
differs or cannot be read: deploying once too often is harmless, missing a release is not.
Standard library only, so that it runs before anything is installed.
"""

import argparse
import hashlib
import sys
import time
import urllib.request
from pathlib import Path

DIGEST_FILE = "site-digest.txt"
LEFT_OUT_FOLDERS = ("pagefind/",)
LEFT_OUT_SUFFIXES = (".gz", ".br")
FETCH_TIMEOUT_SECONDS = 30


def counted(relative_path):
    return not (relative_path == DIGEST_FILE
                or relative_path.startswith(LEFT_OUT_FOLDERS)
                or relative_path.endswith(LEFT_OUT_SUFFIXES))


def site_digest(root):
    """The hex SHA-256 of the site in `root`: one line per counted file, "<sha256>  <path>"
    (as sha256sum writes them, so that paths and contents cannot run into each other),
    sorted by path, digested together."""
    root = Path(root)
    files = sorted((path.relative_to(root).as_posix(), path)
                   for path in root.rglob("*") if path.is_file())
    lines = "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {relative}\n"
                    for relative, path in files if counted(relative))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def write_digest(root):
    digest = site_digest(root)
    (Path(root) / DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
    return digest


def read_live_digest(url):
    """The digest published at `url`, or None (with the reason on stderr) when it cannot be read."""
    if url.startswith(("https:", "http:")):
        # A query string of its own makes GitHub Pages' cache fetch a fresh copy.
        url += ("&" if "?" in url else "?") + f"fresh={int(time.time())}"
    request = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            return response.read(200).decode("ascii").strip()
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        print(f"Could not read the live digest at {url}: {problem}", file=sys.stderr)
        return None


def has_changed(root, url):
    built = (Path(root) / DIGEST_FILE).read_text(encoding="ascii").strip()
    live = read_live_digest(url)
    if live is None:
        print("Deploying: the live site's digest could not be read.", file=sys.stderr)
        return True
    if live != built:
        print(f"Deploying: the site changed (live {live[:12]}, built {built[:12]}).",
              file=sys.stderr)
        return True
    print("Not deploying: the built site is the one that is live.", file=sys.stderr)
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write", help=f"write <folder>/{DIGEST_FILE}")
    write.add_argument("folder", type=Path)
    compare = commands.add_parser("compare", help="print changed=true or changed=false")
    compare.add_argument("folder", type=Path)
    compare.add_argument("url", help=f"the live {DIGEST_FILE}")
    arguments = parser.parse_args(argv)
    if not arguments.folder.is_dir():
        parser.error(f"{arguments.folder} is not a folder: build the site first (make publish)")
    if arguments.command == "write":
        print(f"{arguments.folder / DIGEST_FILE}: {write_digest(arguments.folder)}")
    else:
        if not (arguments.folder / DIGEST_FILE).is_file():
            parser.error(f"{arguments.folder / DIGEST_FILE} is missing: make publish writes it")
        print(f"changed={'true' if has_changed(arguments.folder, arguments.url) else 'false'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
