#!/usr/bin/env python3
"""Compare two built sites file by file, for refactorings that must not change output.

    tools/compare_output.py OLD_OUTPUT NEW_OUTPUT

Each file is: the same bytes; different only in how characters are escaped (the
same text once HTML/XML character references are read, e.g. ' and &#39;, with the
same markup: as many "<" in both, so a tag turned into visible text such as &lt;p&gt;
is a difference); or different. Pre-compressed copies (.gz, .br) are compared by what they decompress to. Pagefind's index is left out: its file names and filter files differ
between any two builds (see tests/site/test_reproducible_publish.py).
Exits 1 when any file differs beyond escaping or exists on one side only.
"""

import argparse
import gzip
import html
import sys
from pathlib import Path

import brotli

SKIPPED = ("pagefind/",)


def files_of(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
            and not p.relative_to(root).as_posix().startswith(SKIPPED)}


def compare(old, new):
    """{"same": [...], "escaping": [...], "different": [...], "only_old": [...], "only_new": [...]}"""
    old_files, new_files = files_of(old), files_of(new)
    result = {"same": [], "escaping": [], "different": [],
              "only_old": sorted(old_files - new_files), "only_new": sorted(new_files - old_files)}
    for name in sorted(old_files & new_files):
        a, b = _read(old / name), _read(new / name)
        if a == b:
            result["same"].append(name)
        elif a.count(b"<") == b.count(b"<") and _unescaped(a) == _unescaped(b):
            result["escaping"].append(name)
        else:
            result["different"].append(name)
    return result


def _read(path):
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.suffix == ".br":
        return brotli.decompress(data)
    return data


def _unescaped(data):
    return html.unescape(data.decode("utf-8", errors="replace"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    result = compare(args.old, args.new)
    print(f"{len(result['same'])} files identical")
    for key, label in (("escaping", "differ only in escaping"), ("different", "differ"),
                       ("only_old", f"only in {args.old}"), ("only_new", f"only in {args.new}")):
        if result[key]:
            print(f"{len(result[key])} files {label}:")
            for name in result[key]:
                print(f"  {name}")
    return 1 if result["different"] or result["only_old"] or result["only_new"] else 0


if __name__ == "__main__":
    sys.exit(main())
