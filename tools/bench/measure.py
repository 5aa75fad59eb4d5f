"""Measuring one build: wall time, peak memory, pages written, page weight, and the
photos plugin's own count of the image files it made and took from its cache."""

import gzip
import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

STYLESHEET_RE = re.compile(
    r"<link\b[^>]*\brel=[\"']?stylesheet[\"']?[^>]*>", re.IGNORECASE)
HREF_RE = re.compile(r"\bhref=[\"']?([^\"' >]+)", re.IGNORECASE)


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system, of the build and the processes it waited for
    peak_mb: float
    returncode: int
    log: Path


def run_build(command, cwd, log_path, env=None):
    """Run one build in a child process; its wall time and its own peak memory.

    os.wait4 gives the rusage of this child alone (RUSAGE_CHILDREN would be the
    largest of every child so far)."""
    log_path = Path(log_path)
    with log_path.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                 env={**os.environ, "COLUMNS": "200", **(env or {})})
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               child.returncode, log_path)


def html_pages(output):
    return sorted(Path(output).rglob("*.html"))


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def stylesheets_of(html, page, output):
    """Files of the stylesheets a page links, resolved inside `output`."""
    files = []
    for tag in STYLESHEET_RE.findall(html):
        href = HREF_RE.search(tag)
        if not href:
            continue
        url = re.sub(r"^[a-z]+://[^/]+", "", href.group(1)).split("?")[0].split("#")[0]
        target = (Path(output) / url.lstrip("/")) if url.startswith("/") else page.parent / url
        if target.is_file():
            files.append(target.resolve())
    return files


def page_weights(output):
    """[(gzipped bytes of HTML + linked CSS, page path relative to output)], heaviest first."""
    output = Path(output)
    css_sizes = {}
    weights = []
    for page in html_pages(output):
        data = page.read_bytes()
        total = gzipped_size(data)
        for css in stylesheets_of(data.decode("utf-8", "replace"), page, output):
            if css not in css_sizes:
                css_sizes[css] = gzipped_size(css.read_bytes())
            total += css_sizes[css]
        weights.append((total, page.relative_to(output).as_posix()))
    weights.sort(reverse=True)
    return weights


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


PHOTOS_LINE = re.compile(r"Photos: (\d+) published as (\d+) files; (\d+) made by this build, "
                         r"(\d+) taken from the cache")


def photo_counts(log):
    """(photos, files published, files made, files taken from the cache) from the line
    the photos plugin prints at the end of a build; None when it printed none."""
    found = PHOTOS_LINE.findall(Path(log).read_text(encoding="utf-8"))
    return tuple(int(number) for number in found[-1]) if found else None


def folder_files(folder):
    """{path relative to `folder`: size in bytes} of every file under it."""
    folder = Path(folder)
    return {path.relative_to(folder).as_posix(): path.stat().st_size
            for path in folder.rglob("*") if path.is_file()}


def same_files(first, second):
    """Whether two folders hold the same file names with the same bytes."""
    first, second = Path(first), Path(second)
    names = folder_files(first)
    return names == folder_files(second) and all(
        (first / name).read_bytes() == (second / name).read_bytes() for name in names)
