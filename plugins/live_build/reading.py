"""Read each file once per change: the content objects of unchanged files are kept.

Pelican reads every file on every build, and each item then goes through every
plugin's `content_object_init` handler (links, photos, checks): more than a third of a
build. Between two preview builds almost every file is unchanged, so the content
object built for it last time is handed back, as it was, with the problems its reading
reported (they are reported again, so the report stays whole).
"""

import os
import re
from dataclasses import dataclass

from pelican.contents import Page
from pelican.readers import Readers
from site_core.plugin import current_report


# A link to another file of the site, as written in the source ({filename}/news/x.md).
_LINK = re.compile(r"[{|](?:filename|static|attach)[}|]([^)\s\"'#?>]+)")


@dataclass
class Kept:
    stamp: tuple  # (mtime_ns, size, content class) when it was read
    item: object  # the content object
    problems: list  # the problems reported while reading it
    links_to: frozenset = frozenset()  # names of the files its source links to


def links_in(path):
    """The names of the files the source at `path` links to."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return frozenset(os.path.basename(target) for target in _LINK.findall(handle.read()))


def stamp_of(path, content_class):
    status = os.stat(path)
    return (status.st_mtime_ns, status.st_size, content_class)


class ReadMemo:
    """Hands back last build's content object for a file that has not changed."""

    def __init__(self):
        self.kept = {}  # absolute path -> Kept

    def forget(self, path):
        self.kept.pop(os.path.abspath(path), None)

    def read_file(self, original, readers, base_path, path, content_class, context=None,
                  **options):
        absolute = os.path.abspath(os.path.join(base_path, path))
        stamp = stamp_of(absolute, content_class)
        kept = self.kept.get(absolute)
        report = current_report()
        if kept is not None and kept.stamp == stamp:
            # The item links to others through the build's context (`{filename}` links):
            # this build's, not the last one's.
            kept.item._context = context
            report.add(*kept.problems)
            return kept.item
        before = set(report.problems)
        item = original(readers, base_path, path, content_class=content_class, context=context,
                        **options)
        problems = [problem for problem in report.problems if problem not in before]
        self.kept[absolute] = Kept(stamp, item, problems, links_in(absolute))
        return item

    def installed(self):
        """A context manager: Pelican's readers go through this memo while it is open."""
        return _Installed(self)


class _Installed:
    def __init__(self, memo):
        self.memo = memo
        self.original = None

    def __enter__(self):
        memo, original = self.memo, Readers.read_file
        self.original = original

        def read_file(readers, base_path, path, content_class=Page, **options):
            return memo.read_file(original, readers, base_path, path, content_class, **options)

        Readers.read_file = read_file
        return self.memo

    def __exit__(self, *exc):
        Readers.read_file = self.original
        return False
