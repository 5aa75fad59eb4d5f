"""Converting Markdown bodies in worker processes, ahead of Pelican asking for them.

Pelican reads files one by one. Converting a body is pure (text in, HTML out), so
worker processes can convert the bodies of the files Pelican is about to read while
the main process builds content objects. The main process still parses the front
matter and builds every object itself; workers only turn Markdown into HTML.
"""

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE
from pelican.utils import pelican_open

logger = logging.getLogger(__name__)

_worker_markdown = None  # one converter per worker process, reset between files


def file_stamp(path):
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


def _start_worker(markdown_settings):
    global _worker_markdown
    _worker_markdown = Markdown(**markdown_settings)


def convert_body(path):
    """(path, stamp, HTML of the body after the YAML front matter), or HTML None when
    the file has no front matter or fails: the main process then reads it itself and
    reports any error with Pelican's usual context."""
    try:
        stamp = file_stamp(path)
        with pelican_open(path) as text:
            match = HEADER_RE.fullmatch(text)
        if not match:
            return path, stamp, None
        return path, stamp, _worker_markdown.reset().convert(match.group("content"))
    except Exception:  # noqa: BLE001 - the main process converts it again and reports
        return path, None, None


class BodyConverter:
    """Converts the bodies of `paths` in `workers` processes; `take(path)` returns
    one body's HTML (waiting for it) or None if it was not converted ahead."""

    def __init__(self, paths, markdown_settings, workers, chunk_size=8):
        self._ready = {}
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker, initargs=(markdown_settings,),
        )
        self._results = self._pool.map(convert_body, paths, chunksize=chunk_size)
        self._pending = set(paths)

    def take(self, path):
        if path in self._ready:
            return self._checked(path, *self._ready.pop(path))
        if path not in self._pending:
            return None
        try:
            for done_path, stamp, html in self._results:  # in order: usually the next one
                self._pending.discard(done_path)
                if done_path == path:
                    return self._checked(path, stamp, html)
                self._ready[done_path] = (stamp, html)
        except Exception:  # noqa: BLE001 - a lost worker: the main process reads the rest
            logger.warning("Markdown workers stopped; reading the remaining files one by one",
                           exc_info=True)
            self._pending.clear()
        return None

    @staticmethod
    def _checked(path, stamp, html):
        if html is None or stamp != file_stamp(path):  # changed since: read it again
            return None
        return html

    def close(self):
        self._pool.shutdown(wait=True, cancel_futures=True)


def fork_available():
    return "fork" in multiprocessing.get_all_start_methods()
