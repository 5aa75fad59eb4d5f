"""Debian's Chromium and a local server for the built site: shared by the browser tests,
tools/screenshot.py and tools/audit.py, so the flags live in one place."""

import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# As root, Chromium needs --no-sandbox; without the background-networking flags
# Chromium keeps trying to reach Google's servers from a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """Serve `directory` on a free port of 127.0.0.1; a context that yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    return running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler))


@contextlib.contextmanager
def running(server):
    """Run an HTTP `server` of 127.0.0.1 in a thread; yields its base URL."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
