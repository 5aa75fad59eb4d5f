"""The search index kept up to date while the preview runs (tools/preview.py).

`make html` runs the Pagefind program once over the finished site (search_index.py).
The preview cannot wait for that after every save, so it keeps Pagefind running as a
service (`pagefind --service`, its documented stdin/stdout protocol: base64 JSON
messages, each followed by a comma). Pagefind is given every page once; after a save
only the pages that changed are given again (Pagefind replaces a page it has by its
path) and a page that is gone is given as an empty one, which Pagefind leaves out.
Pagefind then hands back every file of the index (GetFiles) and only those that differ
are written into output/pagefind/: the hashed files first, the entry file that points
at them last, then files the index no longer has are removed.

We write the files ourselves: the service answers WriteFiles before its files are all
on disk, and stopping it then can truncate them.
"""

import base64
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BUNDLE = "pagefind"
# Once one page carries this, Pagefind indexes only the pages that do (base.html sets it
# on content pages); the others need not be parsed at all.
BODY_MARK = "data-pagefind-body"
GONE = '<!DOCTYPE html><html lang="en"><head><title></title></head><body></body></html>'


class SearchIndexError(Exception):
    """Pagefind failed or stopped; the message says what it said."""


class ResidentIndex:
    """`update()` with the output files a save changed (None: every page); `close()`."""

    def __init__(self, output, exclude=()):
        self.output = Path(output)
        self.bundle = self.output / BUNDLE
        self._written = None  # {path in the bundle: bytes} as last written
        self._given = set()  # pages Pagefind has (some perhaps as GONE)
        self._marks = set()  # pages that carry BODY_MARK
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--service"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr)
        self._unread = bytearray()
        self._start = 0  # where in _unread the next answer starts
        self._last_id = -1
        answer = self._ask([("NewIndex", {"config": {"exclude_selectors": list(exclude)}})])
        self._index_id = answer["index_id"]

    def update(self, changed=None):
        """Give Pagefind the HTML files in `changed` (every one in the output when None),
        write the index; returns how many of its files were written or removed."""
        if changed is None:
            paths = self._every_page()
        else:
            paths = sorted({Path(path) for path in changed if str(path).endswith(".html")})
        requests = ((kind, {"index_id": self._index_id, **fields})
                    for kind, fields in [*self._pages(paths, changed is None), ("GetFiles", {})])
        files = self._ask(requests)["files"]
        return self._write({file["path"]: base64.b64decode(file["content"]) for file in files})

    def _pages(self, paths, everything):
        """AddFile requests: only marked pages, and pages Pagefind has (to replace or drop
        them), unless no page is marked: then Pagefind indexes every one, as the CLI does."""
        left_out = []
        for path in paths:
            name = path.relative_to(self.output).as_posix()
            text = _read(path)
            (self._marks.add if BODY_MARK in text else self._marks.discard)(name)
            if name in self._marks or name in self._given:
                self._given.add(name)
                yield "AddFile", {"file_path": name, "file_contents": text}
            else:
                left_out.append(path)
        if not self._marks:
            for path in left_out if everything else self._every_page():
                name = path.relative_to(self.output).as_posix()
                if name not in self._given:
                    self._given.add(name)
                    yield "AddFile", {"file_path": name, "file_contents": _read(path)}

    def _every_page(self):
        return sorted(path for path in self.output.rglob("*.html")
                      if not path.is_relative_to(self.bundle))

    def close(self):
        if self._process.poll() is None:
            self._process.stdin.close()  # Pagefind ends when its input does
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._stderr.close()

    def _write(self, files):
        before = self._written
        if before is None:  # whatever is there was not written by this index
            before = {str(path.relative_to(self.bundle)): None
                      for path in self.bundle.rglob("*") if path.is_file()}
        changed = [name for name, data in files.items() if before.get(name) != data]
        # The entry file names the hashed files, so it goes last: a search that starts
        # meanwhile reads either the old index or the new one.
        changed.sort(key=lambda name: name == "pagefind-entry.json")
        for name in changed:
            target = self.bundle / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        gone = [name for name in before if name not in files]
        for name in gone:
            (self.bundle / name).unlink(missing_ok=True)
        self._written = files
        return len(changed) + len(gone)

    def _ask(self, requests):
        """Send every request, then read the answers; the last request's answer."""
        about = {}  # message id: the page it gave, for an error message
        try:
            for kind, fields in requests:
                self._last_id += 1
                if "file_path" in fields:
                    about[self._last_id] = fields["file_path"]
                message = {"message_id": self._last_id, "payload": {"type": kind, **fields}}
                self._process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
            self._process.stdin.flush()
        except OSError:
            raise SearchIndexError(self._stopped()) from None
        while True:
            answer = self._read_answer()
            payload = answer["payload"]
            if payload["type"] == "Error":
                page = about.get(answer.get("message_id"))
                raise SearchIndexError(f"{page}: {payload['message']}" if page
                                       else payload["message"])
            if answer["message_id"] == self._last_id:
                return payload

    def _read_answer(self):
        end = self._unread.find(b",", self._start)
        while end < 0:
            searched = len(self._unread)
            chunk = self._process.stdout.read1(1 << 20)
            if not chunk:
                raise SearchIndexError(self._stopped())
            del self._unread[:self._start]
            self._start, searched = 0, searched - self._start
            self._unread += chunk
            end = self._unread.find(b",", searched)
        message = self._unread[self._start:end]
        self._start = end + 1
        return json.loads(base64.b64decode(message))

    def _stopped(self):
        self._process.wait()
        self._stderr.seek(0)
        said = self._stderr.read().decode("utf-8", "replace").strip()[-2000:]
        return f"Pagefind stopped (exit status {self._process.returncode})" + (
            f": {said}" if said else "")


def _read(path):
    """A page's HTML; an empty page for one that is gone, so that Pagefind drops it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return GONE
