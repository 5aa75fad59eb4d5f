"""`make devserver`: the site rebuilt on every save, and the open browser tab reloaded.

    tools/preview.py --content content --output output --port 8000

Watches the content, the theme, the plugins and the settings (watchfiles). The site is
kept in memory (plugins/live_build): after a save only what the change touches is read
and rendered again, and a build with a content error never replaces the pages already
there: the last good site stays served. The search index is brought up to date after the
pages, while the tab reloads: Pagefind keeps running beside the preview and is given
again only the pages a save changed (search_index/resident.py). A change to a plugin
or the settings needs code loaded again: from then on each save runs the safe build in
a new process (tools/build.py), as slow as `make html`, until the preview is restarted.

It serves the output folder itself, and into every HTML page it sends it adds what is
never in the output folder:

- a script (/__preview/reload.js) that listens to /__preview/events and reloads the tab
  when a build has finished;
- when the last build stopped on content errors, a banner at the top of the page that
  lists them as the terminal does (file, line, what is wrong, how to fix it);
- when it did not, the warnings of the file the page is made from (plain English,
  a long summary, ...), in a grey box: they never stop publishing.

A page that does not exist is answered with the site's own 404 page (status 404), as
the live site answers. `--serve-only` (`make serve`) serves the output folder as it
is: no build, no watching.

It also answers POST /__preview/plain-english (JSON {"text": a whole file}) with that
file's plain-English warnings, for the web editor's preview pane (`make cms`;
plugins/plain_english/editor_checks.py).

All of it is the preview's alone: `make html` and `make publish` write none of it.
"""

import argparse
import functools
import html
import http.server
import json
import os
import re
import runpy
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import watchfiles
from editor.editor import DEFAULTS as EDITOR_DEFAULTS  # plugins/ is installed in .venv
from frozen_urls.frozen_urls import items_of
from live_build import LiveSite
from live_build.site import ERROR_LINE
from pelican.settings import read_settings
from plain_english.editor_checks import EditorChecks
from search_index.resident import ResidentIndex, SearchIndexError
from search_index.search_index import DEFAULTS as SEARCH_DEFAULTS
from site_core import WARNING

REPO = Path(__file__).resolve().parent.parent
PREFIX = "/__preview/"
RELOAD_JS = """// The preview server's: reloads this tab when the site has been built again.
new EventSource("/__preview/events").addEventListener("built", () => location.reload());
"""
BANNER_CSS = """.pcc-preview-banner { background: #d4351c; color: #fff; padding: 1rem;
  font: 1rem/1.4 sans-serif; border-bottom: 5px solid #0b0c0c; }
.pcc-preview-banner h2, .pcc-preview-hints h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
.pcc-preview-banner ul, .pcc-preview-hints ul { margin: 0; padding-left: 1.25rem; }
.pcc-preview-banner code, .pcc-preview-hints code { font-size: 1rem; white-space: pre-wrap; }
.pcc-preview-hints { background: #f3f2f1; color: #0b0c0c; padding: 1rem;
  font: 1rem/1.4 sans-serif; border-left: 5px solid #1d70b8; }
"""


class Preview:
    """The state the server and the builder share: a count of finished builds, the
    problems of the last one, and a condition the event stream waits on."""

    def __init__(self):
        self.builds = 0
        self.errors = []
        self.hints = {}  # page (relative to the output folder): its file's warnings
        self.changed = threading.Condition()

    def finished(self, errors, hints=None):
        with self.changed:
            self.builds += 1
            self.errors = errors
            self.hints = hints or {}
            self.changed.notify_all()


def build(content, output, settings, theme, extra=()):
    """Run the safe build; the error lines of its report (none when it succeeded).
    `extra`: settings to override, as "KEY=JSON" (tools/build.py's -e)."""
    overrides = [f"THEME={json.dumps(str(theme))}", *extra]
    completed = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build.py"), "--content", str(content),
         "--output", str(output), "--settings", str(settings), "--fatal", "errors",
         *[option for override in overrides for option in ("-e", override)]],
        capture_output=True, text=True)
    log = completed.stdout + completed.stderr
    sys.stderr.write(log)
    sys.stderr.flush()
    errors = [line for line in log.splitlines() if ERROR_LINE.match(line)]
    if completed.returncode != 0 and not errors:
        errors = ["The site could not be built: see the terminal for what went wrong."]
    return errors


class Builder:
    """Builds for the preview: the live site, or (once code has changed) the safe build."""

    def __init__(self, content, output, settings, theme, extra):
        self.content, self.output, self.settings = content, output, Path(settings).resolve()
        self.theme, self.extra = theme, extra
        overrides = {key: json.loads(value) for key, _, value in
                     (item.partition("=") for item in extra)}
        overrides["THEME"] = str(theme)
        site_settings = read_settings(str(self.settings), override=overrides)
        self.search = site_settings.get("SEARCH_INDEX", SEARCH_DEFAULTS["SEARCH_INDEX"])
        self.exclude = site_settings.get("SEARCH_INDEX_EXCLUDE",
                                         SEARCH_DEFAULTS["SEARCH_INDEX_EXCLUDE"])
        # The search index is made from the output folder once its pages are in place.
        self.live = LiveSite(content, output, self.settings, {**overrides, "SEARCH_INDEX": False})
        self.code_changed = False
        # One indexer: saves that come while it runs are indexed together, once, after.
        self.index_wanted = threading.Event()
        self.index_lock = threading.Lock()
        self.to_index = None  # output files changed since the last indexing; None: all
        self.index = None  # the ResidentIndex, once the indexer has started it
        threading.Thread(target=self._keep_indexing, daemon=True).start()

    def build(self):
        return self._after(self.live.build())

    def update(self, paths):
        code = [path for path in paths
                if path.is_relative_to(REPO / "plugins") or path == self.settings]
        if code and not self.code_changed:
            self.code_changed = True
            self.index_wanted.set()  # the indexer stops
            print("preview: a plugin or the settings changed; every save now runs a full "
                  "build. Restart `make devserver` to make saves fast again.", file=sys.stderr,
                  flush=True)
        if self.code_changed:  # the safe build makes its own search index
            return build(self.content, self.output, self.settings, self.theme, self.extra)
        return self._after(self.live.update(paths))

    def page_hints(self):
        """{page, relative to the output folder: the warnings of the file it is made
        from, as lines}, from the live site's last good build."""
        last = self.live.last
        if last is None or self.code_changed:
            return {}
        by_source = {}
        for problem in last.problems:
            if problem.level == WARNING and problem.path:
                by_source.setdefault(os.path.abspath(problem.path), []).append(problem)
        hints = {}
        for item in items_of(last.generators):
            problems = by_source.get(os.path.abspath(item.source_path))
            if problems and getattr(item, "save_as", ""):
                hints[item.save_as] = [
                    (f"line {p.line}: " if p.line else "") + f"{p.what}. Fix: {p.fix}"
                    for p in sorted(problems, key=lambda p: p.line or 0)]
        return hints

    def _after(self, outcome):
        if outcome.errors:
            print(f"preview: not built ({len(outcome.errors)} error(s) above); the pages "
                  "stay as they were at the last good save", file=sys.stderr, flush=True)
        else:
            how = "only its pages written again" if outcome.in_place else \
                f"{outcome.rendered} pages and feeds rendered, {outcome.kept} left as they were"
            print(f"preview: built in {outcome.seconds:.2f} s ({how})", file=sys.stderr,
                  flush=True)
        if self.search and not outcome.errors:
            with self.index_lock:
                if self.to_index is not None:
                    self.to_index.update(outcome.written)
            self.index_wanted.set()
        return outcome.errors

    def _keep_indexing(self):
        """Pagefind kept running: after a save it is given only the pages that changed."""
        while True:
            self.index_wanted.wait()
            self.index_wanted.clear()
            if self.code_changed:
                break
            with self.index_lock:
                changed, self.to_index = self.to_index, set()
            started = time.monotonic()
            try:
                if self.index is None:
                    self.index, changed = ResidentIndex(self.output, self.exclude), None
                written = self.index.update(changed)
                print(f"preview: search index up to date in {time.monotonic() - started:.1f} s "
                      f"({written} of its files written)", file=sys.stderr, flush=True)
            except (SearchIndexError, OSError) as error:
                print(f"preview: the search index was not brought up to date ({error}); "
                      "it will be made again from every page at the next save",
                      file=sys.stderr, flush=True)
                if self.index is not None:
                    self.index.close()
                self.index = None
        if self.index is not None:
            self.index.close()


def keep_building(preview, builder, content, settings, theme, stop, watching):
    watched = [content, theme, REPO / "plugins", Path(settings)]
    # yield_on_timeout: an empty set now and then, the first of which says the watcher
    # is running (a save before that would be missed).
    for changes in watchfiles.watch(*watched, stop_event=stop, debounce=100, rust_timeout=500,
                                    yield_on_timeout=True, raise_interrupt=False):
        watching.set()
        if changes:
            print("preview: a file changed; building again", file=sys.stderr, flush=True)
            errors = builder.update([Path(path) for _change, path in changes])
            preview.finished(errors, builder.page_hints())


def banner(errors):
    items = "".join(f"<li><code>{html.escape(error)}</code></li>" for error in errors)
    # role="alert": a screen reader announces it when the reloaded page opens.
    return (f'<div class="pcc-preview-banner" role="alert"><h2>Not built: the last save has '
            f"{len(errors)} problem{'s' if len(errors) != 1 else ''}. The pages below are "
            f"from the last good build.</h2><ul>{items}</ul></div>")


def hints_box(hints):
    items = "".join(f"<li><code>{html.escape(hint)}</code></li>" for hint in hints)
    # A named complementary landmark, not an alert: warnings never stop publishing.
    return ('<aside class="pcc-preview-hints" aria-labelledby="pcc-preview-hints-title">'
            f'<h2 id="pcc-preview-hints-title">{len(hints)} suggestion'
            f"{'s' if len(hints) != 1 else ''} for this page (warnings: they do not stop "
            f"publishing)</h2><ul>{items}</ul></aside>")


def with_preview(page, errors, hints=()):
    """`page` (HTML) with the reload script, and the banner when there are errors (or,
    when there are none, the warnings of the file the page is made from)."""
    head = (f'<link rel="stylesheet" href="{PREFIX}preview.css">'
            f'<script src="{PREFIX}reload.js" defer></script>')
    page = page.replace("</head>", head + "</head>", 1)
    box = banner(errors) if errors else hints_box(hints) if hints else ""
    if box:
        page = re.sub(r"(<body\b[^>]*>)", lambda m: m.group(1) + box, page, count=1)
    return page


MOST_POSTED_BYTES = 2_000_000  # a file the editor sends to be checked: far more than a release


class Handler(http.server.SimpleHTTPRequestHandler):
    preview = None  # set by serve()
    editor_folder = None  # set by serve(): the web editor's pages are served as they are
    style_checks = None  # set by serve(): an EditorChecks, or None

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == PREFIX + "reload.js":
            return self.send_text(RELOAD_JS, "text/javascript")
        if self.path == PREFIX + "preview.css":
            return self.send_text(BANNER_CSS, "text/css")
        if self.path == PREFIX + "events":
            return self.send_events()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        # Not the web editor's page: a reload there would throw away what is being typed.
        in_editor = self.path.startswith(f"/{self.editor_folder}/")
        if path.suffix == ".html" and path.is_file() and self.path.endswith(("/", ".html")) \
                and not in_editor:
            page = path.read_text(encoding="utf-8", errors="replace")
            page_path = os.path.relpath(path, self.directory).replace(os.sep, "/")
            hints = self.preview.hints.get(page_path, ())
            return self.send_text(with_preview(page, self.preview.errors, hints), "text/html")
        if not path.exists() and self.preview.errors:  # no good build yet: say why
            page = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
                    "<title>Not built</title></head><body></body></html>")
            return self.send_text(with_preview(page, self.preview.errors), "text/html")
        return super().do_GET()

    def do_POST(self):
        if self.path != PREFIX + "plain-english" or self.style_checks is None:
            return self.send_error(404)
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MOST_POSTED_BYTES:
            return self.send_error(413 if length else 400)
        try:
            text = json.loads(self.rfile.read(length))["text"]
            if not isinstance(text, str):
                raise TypeError("text must be a string")
        except (ValueError, KeyError, TypeError):
            return self.send_error(400, 'send JSON: {"text": the whole file}')
        warnings = self.style_checks.warnings(text)
        return self.send_text(json.dumps({"warnings": warnings}), "application/json")

    def send_error(self, code, message=None, explain=None):
        """A page not found: the site's own 404 page, as the live site sends it."""
        not_found = Path(self.directory) / "404.html"
        if code != 404 or self.command not in ("GET", "HEAD") or not not_found.is_file():
            return super().send_error(code, message, explain)
        page = with_preview(not_found.read_text(encoding="utf-8", errors="replace"),
                            self.preview.errors)
        return self.send_text(page, "text/html", status=404)

    def send_text(self, text, kind, status=200):
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_events(self):
        """Server-sent events: one "built" event after each build from now on."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.preview.builds
        try:
            while True:
                with self.preview.changed:
                    self.preview.changed.wait_for(lambda: self.preview.builds != seen, timeout=15)
                if self.preview.builds != seen:
                    seen = self.preview.builds
                    self.wfile.write(b"event: built\ndata: {}\n\n")
                else:
                    self.wfile.write(b": still here\n\n")  # keeps the connection open
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def serve(preview, output, port, editor_folder, style_checks=None):
    handler = type("PreviewHandler", (Handler,),
                   {"preview": preview, "editor_folder": editor_folder,
                    "style_checks": style_checks})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(handler, directory=str(output)))
    server.daemon_threads = True
    return server


def serve_only(output, port, settings):
    """`make serve`: the output folder as the preview serves it, without building."""
    if not (output / "index.html").is_file():
        print(f"{output} has no site in it yet: run make html first.", file=sys.stderr)
        return 1
    editor_folder = runpy.run_path(settings).get("EDITOR_FOLDER", EDITOR_DEFAULTS["EDITOR_FOLDER"])
    server = serve(Preview(), output, port, editor_folder)
    return serve_until_stopped(server, f"serving {output} at")


def serve_until_stopped(server, saying, stop=None):
    """Serve until Ctrl+C, having printed `saying` and the server's address."""
    print(f"{saying} http://127.0.0.1:{server.server_port}/ (Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if stop is not None:
            stop.set()
        server.server_close()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--theme", default=str(REPO / "theme"),
                        help="the theme to build with and watch (the benchmark edits a copy)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-e", "--extra", action="append", default=[], metavar="KEY=JSON",
                        help="a setting to override, as Pelican's -e")
    parser.add_argument("--serve-only", action="store_true",
                        help="serve the output folder as it is: no build, no watching")
    args = parser.parse_args(argv)
    # Ctrl+C and a polite kill stop the preview, even when it was started from a shell
    # that ignores SIGINT (a background job does): Python would then ignore it too.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    content, output = Path(args.content).resolve(), Path(args.output).resolve()
    theme = Path(args.theme).resolve()
    if args.serve_only:
        return serve_only(output, args.port, args.settings)
    preview = Preview()
    builder = Builder(content, output, args.settings, theme, args.extra)
    preview.finished(builder.build(), builder.page_hints())
    editor_folder = runpy.run_path(args.settings).get("EDITOR_FOLDER",
                                                      EDITOR_DEFAULTS["EDITOR_FOLDER"])
    style_checks = EditorChecks(read_settings(args.settings, override={"PATH": str(content)}))
    server = serve(preview, output, args.port, editor_folder, style_checks)
    stop, watching = threading.Event(), threading.Event()
    watcher = threading.Thread(target=keep_building, daemon=True,
                               args=(preview, builder, content, args.settings, theme, stop,
                                     watching))
    watcher.start()
    watching.wait()
    return serve_until_stopped(server, "preview:", stop)


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Straight out: a build or the search index may be under way in a background thread,
    # and waiting at exit for what it started (worker processes) can hang the terminal.
    # Pagefind ends when its input closes. output/ is only written by a build that
    # finished (a copy cut short is copied again by the next preview's first build).
    os._exit(status)
