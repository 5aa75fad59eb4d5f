"""The web editor on a copy of the site, for its browser tests and tools/screenshot_editor.py.

    with editor_session(workdir) as session:
        page.goto(session.admin_url("/collections/news/new"))

Copies content/ into workdir/site/content, builds it with the editor's config.yml
pointing at a decap-server on a free port, starts that decap-server on the copy (what
the editor saves lands in workdir/site/content/...) and serves the built site on
127.0.0.1, one of the two host names where Decap CMS uses a local server, with the
preview server's handler (tools/preview.py), as `make cms` does: it also answers the
editor's plain-English checks. Nothing is written into the repository; decap-server
runs in its own process group and is stopped with it (as `make cms` stops it).
"""

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import cms
import preview
from local_chromium import running
from pelican.settings import read_settings
from plain_english.editor_checks import EditorChecks

REPO = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind((cms.HOST, 0))
        return probe.getsockname()[1]


def build(content, output, *, fatal=None, settings=None):
    """tools/build.py on `content`; returns the finished process (its log in .stdout).
    No search index: nothing here searches, and Pagefind takes most of a build's time."""
    command = [sys.executable, str(REPO / "tools" / "build.py"), "--content", str(content),
               "--output", str(output), "--settings", "pelicanconf.py",
               "-e", "SEARCH_INDEX=false"]
    for name, value in (settings or {}).items():
        command += ["-e", f"{name}={json.dumps(value)}"]
    if fatal:
        command += ["--fatal", fatal]
    return subprocess.run(command, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace",
                          env={**os.environ, "COLUMNS": "1000"})


@dataclass
class EditorSession:
    site: Path  # the folder that holds content/: decap-server's "repository"
    output: Path  # the built copy, with the editor at admin/
    base_url: str  # where `output` is served

    @property
    def content(self):
        return self.site / "content"

    def admin_url(self, route=""):
        """The editor's page; `route` is Decap's, e.g. /collections/news/new."""
        return f"{self.base_url}/admin/#{route}"


@contextlib.contextmanager
def editor_session(workdir):
    workdir = Path(workdir)
    site = workdir / "site"
    shutil.copytree(REPO / "content", site / "content")
    editor_port = free_port()
    output = workdir / "output"
    built = build(site / "content", output,
                  settings={"EDITOR_LOCAL_SERVER": cms.editor_server_url(editor_port)})
    if built.returncode != 0 or not (output / "admin" / "config.yml").is_file():
        raise RuntimeError(f"The copy of the site did not build with its editor:\n{built.stdout}")
    # Its log goes to our output (captured by pytest), with [editor] in front.
    server = cms.start_editor_server(argparse.Namespace(editor_port=editor_port), site / "content")
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not cms.editor_server_answers(editor_port):
            problem = server.failure()
            if problem or time.monotonic() > deadline:
                raise RuntimeError(f"{problem or 'decap-server did not answer in time.'}\n"
                                   f"{server.last_words()}")
            time.sleep(0.1)
        with serve_as_the_preview(output, site / "content") as base_url:
            yield EditorSession(site, output, base_url)
    finally:
        server.stop()


def serve_as_the_preview(output, content):
    """Serve `output` on a free port of 127.0.0.1 as tools/preview.py does, without its
    builds; a context that yields the base URL."""
    settings = read_settings(str(REPO / "pelicanconf.py"), override={"PATH": str(content)})
    folder = settings.get("EDITOR_FOLDER", preview.EDITOR_DEFAULTS["EDITOR_FOLDER"])
    return running(preview.serve(preview.Preview(), output, 0, folder, EditorChecks(settings)))
