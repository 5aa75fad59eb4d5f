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
from pelican.utils import pelican_open

from site_core import pelican_compat, worker_tasks

from .reader import load_front_matter

logger = logging.getLogger(__name__)

_worker = {}  # in each worker process: its one converter and the formatted field names


def file_stamp(path):
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


def _start_worker(markdown_settings, formatted_fields):
    _worker["markdown"] = Markdown(**markdown_settings)
    _worker["formatted_fields"] = set(formatted_fields)


def convert_file(path):
    """(path, stamp, converted): `converted` is (HTML of the body, {formatted field text:
    its HTML}, {name: result} of other plugins' site_core.worker_tasks), or None when the
    file has no YAML front matter or anything fails: the main process then reads it
    itself and reports any error with Pelican's context."""
    try:
        stamp = file_stamp(path)
        with pelican_open(path) as text:
            match = pelican_compat.YAML_HEADER_RE.fullmatch(text)
        if not match:
            return path, stamp, None
        markdown = _worker["markdown"]
        body = markdown.reset().convert(match.group("content"))
        fields, tasks = {}, {}
        try:
            front_matter = load_front_matter(match.group("metadata"))
            for field_text in pelican_compat.yaml_formatted_field_texts(
                    front_matter, _worker["formatted_fields"]):
                fields[field_text] = markdown.reset().convert(field_text)
            if isinstance(front_matter, dict):
                tasks = worker_tasks.run_tasks(path, front_matter, fields)
        except Exception:  # noqa: BLE001, S110 - the main process does what is missing
            pass
        return path, stamp, (body, fields, tasks)
    except Exception:  # noqa: BLE001 - the main process reads it again and reports
        return path, None, None


class BodyConverter:
    """Converts the files at `paths` in `workers` processes; `take(path)` returns one
    file's (body HTML, {formatted text: HTML}, {task name: result}), waiting for it, or
    None if it was not converted ahead."""

    def __init__(self, paths, markdown_settings, formatted_fields, workers, chunk_size=8):
        self._ready = {}
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker, initargs=(markdown_settings, list(formatted_fields)),
        )
        self._results = self._pool.map(convert_file, paths, chunksize=chunk_size)
        self._pending = set(paths)

    def take(self, path):
        if path in self._ready:
            return self._checked(path, *self._ready.pop(path))
        if path not in self._pending:
            return None
        try:
            for done_path, stamp, converted in self._results:  # in order: usually the next
                self._pending.discard(done_path)
                if done_path == path:
                    return self._checked(path, stamp, converted)
                self._ready[done_path] = (stamp, converted)
        except Exception:  # noqa: BLE001 - a lost worker: the main process reads the rest
            logger.warning("Markdown workers stopped; reading the remaining files one by one",
                           exc_info=True)
            self._pending.clear()
        return None

    @staticmethod
    def _checked(path, stamp, converted):
        if converted is None or stamp != file_stamp(path):  # changed since: read it again
            return None
        return converted

    def close(self):
        self._pool.shutdown(wait=True, cancel_futures=True)


def fork_available():
    return "fork" in multiprocessing.get_all_start_methods()
