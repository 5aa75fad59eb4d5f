"""`make cms`: the web editor on your own machine, working on your own copy of the site.

Starts two servers and stops them together:
- decap-server, which the editor at /admin/ talks to (its config.yml points
  `local_backend` at it). It writes what you save straight into content/, as files.
- the preview server (tools/preview.py, what `make devserver` runs), which rebuilds the
  site whenever a file in content/ changes, serves it with the editor page, and reloads
  an open page of the site by itself (not the editor's page, where you are typing).

The editor names files from the folder that holds content/ (`content/news/...`), so that
folder is the "repository" decap-server writes into. Each server runs in its own process
group: stopping a group stops the builds and their worker processes too.
"""

import argparse
import collections
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"
HOST = "127.0.0.1"
PREVIEW_READY = "preview: http"  # what tools/preview.py prints once it serves the first build
STOP_GRACE_SECONDS = 5
COLOUR_CODES = re.compile(r"\x1b\[[0-9;]*m")  # decap-server colours its log even into a pipe
# Straight to our own servers, even when an HTTP proxy is set in the environment.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Stop(Exception):
    """Ctrl-C or SIGTERM: stop both servers and exit 0."""


class ServerFailed(Exception):
    """A server stopped on its own, or never became ready."""


class Server:
    """A child process in its own process group. Its output is echoed with a label in
    front, and its last lines are kept for the message if it fails."""

    def __init__(self, name, label, command, env, watch_for=None):
        self.name = name
        self.label = label
        self.watch_for = watch_for
        self.seen = threading.Event()  # set once a line contains `watch_for`
        self.last_lines = collections.deque(maxlen=15)
        self.process = subprocess.Popen(
            command, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
        self.reader = threading.Thread(target=self._echo, daemon=True)
        self.reader.start()

    def _echo(self):
        for line in self.process.stdout:
            line = COLOUR_CODES.sub("", line.rstrip())
            self.last_lines.append(line)
            if self.watch_for and self.watch_for in line:
                self.seen.set()
            print(f"[{self.label}] {line}", flush=True)

    def failure(self):
        """Why this server is no use any more, or None while it runs."""
        status = self.process.poll()
        if status is None:
            return None
        self.reader.join(timeout=2)  # its last lines
        return f"The {self.name} stopped on its own (exit status {status})."

    def last_words(self):
        lines = "\n".join(f"    {line}" for line in self.last_lines if line.strip())
        return f"Its last lines:\n{lines}" if lines else "It printed nothing."

    def stop(self):
        """SIGTERM to the whole group, then SIGKILL to whatever is left after a few seconds."""
        group = self.process.pid
        try:
            os.killpg(group, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while self._group_alive(group) and time.monotonic() < deadline:
            time.sleep(0.1)
        if self._group_alive(group):
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()

    def _group_alive(self, group):
        self.process.poll()  # reaps the leader, which would otherwise linger as a zombie
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True


def port_in_use(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def editor_server_answers(port):
    request = urllib.request.Request(
        f"http://{HOST}:{port}/api/v1", data=json.dumps({"action": "info"}).encode(),
        headers={"Content-Type": "application/json"})
    try:
        with LOCAL.open(request, timeout=2) as response:
            return "repo" in json.load(response)
    except (OSError, ValueError, http.client.HTTPException):
        return False


def page_answers(port, path):
    try:
        with LOCAL.open(f"http://{HOST}:{port}{path}", timeout=2) as response:
            return response.status == 200
    except (OSError, http.client.HTTPException):
        return False


def first_setup_problem(args, content):
    """What stops the two servers from starting, in words, or None."""
    if not PYTHON.exists():
        return ("The project's Python environment (.venv) is missing: run `make cms`, "
                "which sets it up, instead of running tools/cms.py on its own.")
    if not DECAP_SERVER.exists():
        return ("The editor's local server (node_modules/.bin/decap-server) is not installed: "
                "run `make node-deps`, then try again.")
    if not shutil.which("node"):
        return ("Node is not installed, and the editor's local server needs it: "
                "run `make node-deps`.")
    if not content.is_dir():
        return (f"There is no content folder at {content}: give the folder that holds the "
                "site's Markdown files.")
    if content.name != "content":
        return (f"The content folder must be called content (it is {content.name}): the editor "
                "saves files as content/news/..., inside the folder that holds it.")
    ports = ((args.port, "preview", "PORT"), (args.editor_port, "editor's local server", "EDITOR_PORT"))
    for port, what, setting in ports:
        if port_in_use(port):
            return (f"Port {port}, which the {what} needs, is already in use: perhaps `make cms` or "
                    f"`make devserver` is still running in another window. Stop it, or choose another "
                    f"port, for example: make cms {setting}={port + 10}")
    if args.port == args.editor_port:
        return (f"The preview and the editor's local server cannot share port {args.port}: "
                "choose two ports.")
    return None


def editor_server_url(port):
    return f"http://localhost:{port}/api/v1"


def start_editor_server(args, content):
    editor_env = {**os.environ, "PORT": str(args.editor_port), "BIND_HOST": HOST,
                  "GIT_REPO_DIRECTORY": str(content.parent), "MODE": "fs",
                  "LOG_LEVEL": os.environ.get("LOG_LEVEL", "info")}
    return Server("editor's local server (decap-server)", "editor", [str(DECAP_SERVER)], editor_env)


def start_preview(args, content, output):
    # Wide lines and no buffering: Pelican's messages arrive whole and at once.
    width = os.environ.get("COLUMNS", str(shutil.get_terminal_size((120, 24)).columns))
    preview_env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": width}
    return Server(
        "preview server", "preview",
        [str(PYTHON), str(REPO / "tools" / "preview.py"), "--content", str(content),
         "--output", str(output), "--settings", str(REPO / "pelicanconf.py"),
         "--port", str(args.port),
         # The editor page's config.yml and Content-Security-Policy name decap-server's address.
         "-e", f"EDITOR_LOCAL_SERVER={json.dumps(editor_server_url(args.editor_port))}"],
        preview_env, watch_for=PREVIEW_READY)


def check(servers):
    for server in servers:
        reason = server.failure()
        if reason:
            raise ServerFailed(f"{reason}\n{server.last_words()}")


def wait_until_ready(args, editor, preview):
    """Waits for the editor's server and the first build; True if the site has an editor page."""
    deadline = time.monotonic() + args.startup_timeout
    while not (editor_server_answers(args.editor_port)
               and preview.seen.is_set() and page_answers(args.port, "/")):
        check((editor, preview))
        if time.monotonic() > deadline:
            waiting_for = preview if editor_server_answers(args.editor_port) else editor
            raise ServerFailed(f"The {waiting_for.name} was not ready after {args.startup_timeout} "
                               f"seconds.\n{waiting_for.last_words()}")
        time.sleep(0.2)
    return page_answers(args.port, "/admin/")


def ready_message(port, has_editor_page):
    site = f"http://localhost:{port}/"
    if has_editor_page:
        return (f"The editor is ready: open {site}admin/ in your browser. Saving in the editor "
                f"writes the file in content/ and the site is rebuilt; preview it at {site}. "
                "Press Ctrl-C to stop.")
    return (f"The preview is ready at {site}, but the site has no editor page at /admin/: the "
            "editor plugin is not in PLUGINS in pelicanconf.py, or it failed (see the messages "
            "above). Saving a file in content/ rebuilds the site. Press Ctrl-C to stop.")


def raise_stop(signum, frame):
    raise Stop()


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000,
                        help="the preview and the editor page (default 8000)")
    parser.add_argument("--editor-port", type=int, default=8081, help="decap-server (default 8081)")
    parser.add_argument("--content", type=Path, default=REPO / "content", help="default: content/")
    parser.add_argument("--output", type=Path, default=REPO / "output", help="default: output/")
    parser.add_argument("--startup-timeout", type=int, default=120, help="seconds (default 120)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    content, output = args.content.resolve(), args.output.resolve()
    problem = first_setup_problem(args, content)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, raise_stop)
    signal.signal(signal.SIGTERM, raise_stop)
    servers = []
    try:
        servers.append(start_editor_server(args, content))
        servers.append(start_preview(args, content, output))
        print(ready_message(args.port, wait_until_ready(args, *servers)), flush=True)
        while True:
            check(servers)
            time.sleep(0.3)
    except Stop:
        print("Stopping the editor and the preview.", flush=True)
        return 0
    except ServerFailed as failure:
        print(failure, file=sys.stderr, flush=True)
        return 1
    finally:
        # A second Ctrl-C must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for server in servers:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
