"""Work a plugin does on each content file, done by fast_markdown's worker processes
while the main process reads other files.

Pelican reads files one at a time in one process; fast_markdown's workers convert the
Markdown of the files it is about to read. A plugin whose work on a file depends only on
the file (plain_english's checks) registers it here, and the workers do it too:

- `run_in_workers(name, task)`: `task(path, front_matter, fields_html)` is called in a
  worker for each file it converts (`front_matter`: the parsed YAML; `fields_html`:
  {the text of a formatted field such as the summary: its HTML}). It returns something
  that can be pickled, or None for nothing done. A worker is forked when a generator
  starts reading, so the task sees the state the main process had then.
- `take(path, name)`: in the main process, as the file is read (content_object_init),
  the task's result for that file, or None. None means the plugin does the work itself:
  no workers ran (a small site, the preview's rebuilds), the file changed after the
  worker read it, or the task failed (the main process then meets the error itself).
"""

import logging

from .build_state import BuildState

logger = logging.getLogger(__name__)

TASKS = {}  # name -> task, for the whole process
_results = BuildState(lambda settings: {})  # (path, name) -> result, until taken


def run_in_workers(name, task):
    TASKS[name] = task


def run_tasks(path, front_matter, fields_html):
    """{name: result} of every task for one file (in a worker); a task that fails is
    left out, for the main process to do."""
    results = {}
    for name, task in TASKS.items():
        try:
            result = task(path, front_matter, fields_html)
        except Exception:  # noqa: BLE001 - the main process does it again and reports
            logger.debug("%s failed in a worker on %s", name, path, exc_info=True)
            continue
        if result is not None:
            results[name] = result
    return results


def keep(path, results):
    """Hold a file's results (main process, as the reader takes its converted body)."""
    held = _results.current
    if held is not None:
        for name, result in results.items():
            held[(path, name)] = result


def take(path, name):
    held = _results.current
    return held.pop((path, name), None) if held is not None else None
