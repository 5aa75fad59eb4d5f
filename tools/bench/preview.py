"""The preview server (`make devserver`, tools/preview.py) on a synthetic archive: the time
from saving a file to the page that shows the change being rewritten in the output, for
an edited release, a new release, a deleted release, an edited template and an edited
contacts.yml. Reported beside the full build of the same archive, as a fraction of it;
and the time from the save to the search index being up to date again (the preview's
"search index up to date" line).

The server runs on a copy of the archive and of the theme (it is told to watch them), so
the benchmark never touches the repository."""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STARTED = re.compile(r"preview: http://127\.0\.0\.1:\d+/")
INDEXED = "preview: search index up to date"
SEARCH = ": search index"  # results' key for the time to the search index up to date
MARK = "Saved for the preview benchmark"
TIMEOUT = 600


@dataclass
class Change:
    name: str
    make: object  # (content, theme) -> None: saves the change
    done: object  # (output) -> bool: the change is on disk in the output


def page_of(release):
    stem = release.stem
    return Path("news") / stem[:4] / stem[11:] / "index.html"


def changes(content):
    releases = sorted((content / "news").glob("*.md"))
    # The newest release is deleted: older ones link to releases older than themselves.
    edited, deleted = releases[0], releases[-1]
    new = content / "news" / "2099-01-01-preview-benchmark.md"
    return [
        Change("edited release",
               lambda c, t: edited.write_text(edited.read_text() + f"\n{MARK}.\n"),
               lambda out: MARK in _read(out / page_of(edited))),
        Change("new release",
               lambda c, t: new.write_text(
                   "---\ntitle: A release for the preview benchmark\ndate: 2020-06-01\n"
                   "summary: One sentence.\ntags: [Victims]\n---\nSome words.\n"),
               lambda out: (out / "news" / "2020" / "preview-benchmark" / "index.html").exists()),
        Change("deleted release",
               lambda c, t: deleted.unlink(),
               lambda out: not (out / page_of(deleted)).exists()),
        Change("edited template",
               lambda c, t: _append(t / "templates" / "base.html", f"<!-- {MARK} -->\n"),
               lambda out: MARK in _read(out / "index.html")),
        Change("edited contacts.yml",
               lambda c, t: _replace(c / "data" / "contacts.yml", "Beacon", "Beacon (renamed)", 1),
               lambda out: "Beacon (renamed)" in _read(out / "contact" / "index.html")),
    ]


def _read(path):
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path, old, new, count):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")


def bench_preview(archive, workdir, say):
    """{change name: seconds from save to the page rewritten}, on a copy of `archive`."""
    content, theme = workdir / "preview-content", workdir / "preview-theme"
    output = workdir / "preview-out"
    for folder in (content, theme, output):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(archive, content)
    shutil.copytree(REPO / "theme", theme)
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tools" / "preview.py"), "--content", str(content),
         "--output", str(output), "--theme", str(theme), "--port", "0"],
        cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True)
    started = threading.Event()
    indexed = []  # when each "search index up to date" line came

    def read_log():
        for line in server.stderr:
            if STARTED.search(line):
                started.set()
            if line.startswith(INDEXED):
                indexed.append(time.perf_counter())

    threading.Thread(target=read_log, daemon=True).start()
    results = {}
    try:
        if not started.wait(TIMEOUT):
            raise RuntimeError("the preview server did not start")
        while not indexed:  # the first search index, of every page
            if server.poll() is not None:
                raise RuntimeError("the preview server stopped")
            time.sleep(0.1)
        for change in changes(content):
            start = time.perf_counter()
            change.make(content, theme)
            while not change.done(output):
                if time.perf_counter() - start > TIMEOUT:
                    raise RuntimeError(f"the preview never showed the {change.name}")
                time.sleep(0.02)
            results[change.name] = time.perf_counter() - start
            while not [when for when in indexed if when > start + results[change.name]]:
                if time.perf_counter() - start > TIMEOUT:
                    raise RuntimeError(f"the search index never caught up with the {change.name}")
                time.sleep(0.02)
            searchable = min(when for when in indexed if when > start + results[change.name]) - start
            results[change.name + SEARCH] = searchable
            say(f"  preview: {change.name}: page rewritten {results[change.name]:.1f} s after "
                f"the save, search index up to date after {searchable:.1f} s")
            time.sleep(1.0)  # let the build finish (Pagefind, the swap) before the next save
            _wait_until_quiet(output)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and a build it may be running
        server.wait(timeout=60)
    return results


def _wait_until_quiet(output, quiet=1.5):
    """Until nothing in the output folder has changed for `quiet` seconds."""
    last = None
    while True:
        stamp = output.stat().st_mtime_ns if output.exists() else 0
        if stamp == last:
            return
        last = stamp
        time.sleep(quiet)


def format_preview_report(by_size, full_builds):
    """Markdown: each change's time to the page rewritten, as a fraction of the full build
    of that size too, and to the search index up to date."""
    sizes = sorted(by_size)
    lines = ["| change | " + " | ".join(
        f"{size:,}: page rewritten, s (of a full build) | {size:,}: search index up to date, s"
        for size in sizes) + " |",
        "| --- | " + " | ".join("---: | ---:" for _ in sizes) + " |"]
    names = [name for name in next(iter(by_size.values())) if not name.endswith(SEARCH)]
    for name in names:
        cells = [f"{by_size[size][name]:.1f} ({by_size[size][name] / full_builds[size]:.2f}) | "
                 f"{by_size[size][name + SEARCH]:.1f}" for size in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
